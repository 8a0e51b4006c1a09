"""MilestoneTimeline: the slider and the domain filter drive the list of milestones and signs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parler_kit.content import ContentBank
from parler_kit.i18n import french_typography
from parler_kit.widgets import MilestoneTimeline


def test_moving_the_slider_lists_the_milestones_due_by_that_age(
    bank: ContentBank, visible: Callable[[str], str]
) -> None:
    """At each age, milestones due in the last 12 months are listed with source and convention."""
    widget = MilestoneTimeline(bank, age_months=6)
    widget.slider.value = 24
    shown = visible(widget.output.value)
    due = [m for m in bank.milestones if 12 <= m.age.max <= 24]
    later = [m for m in bank.milestones if m.age.min > 24]
    assert due
    for milestone in due:
        assert visible(french_typography(milestone.text.fr)) in shown
    assert all(visible(french_typography(m.text.fr)) not in shown for m in later)
    assert "convention :" in shown
    assert "Source :" in shown
    assert widget.value == {"age_months": 24, "domain": None}


def test_the_domain_filter_keeps_one_domain(
    bank: ContentBank, visible: Callable[[str], str]
) -> None:
    """Choosing a domain hides the milestones of the other domains."""
    widget = MilestoneTimeline(bank, age_months=36)
    widget.domain.value = "syntax"
    shown = visible(widget.output.value)
    others = [m for m in bank.milestones if m.domain != "syntax" and 24 <= m.age.max <= 36]
    mine = [m for m in bank.milestones if m.domain == "syntax" and 24 <= m.age.max <= 36]
    assert mine
    assert all(visible(french_typography(m.text.fr)) in shown for m in mine)
    assert all(visible(french_typography(m.text.fr)) not in shown for m in others)
    assert widget.value == {"age_months": 36, "domain": "syntax"}


def test_warning_signs_of_the_age_are_shown_with_what_to_do(
    bank: ContentBank, visible: Callable[[str], str]
) -> None:
    """The warning signs whose age range contains the age are listed, with their action."""
    sign = next(s for s in bank.warning_signs if s.age.max < 72)
    widget = MilestoneTimeline(bank, age_months=sign.age.max)
    shown = visible(widget.output.value)
    assert visible(french_typography(sign.text.fr)) in shown
    assert "Que faire :" in shown


def test_disagreements_are_shown_side_by_side(
    bank: ContentBank, page_text: Callable[[Any], str], visible: Callable[[str], str]
) -> None:
    """Every disagreement shows all its positions, in columns, with the takeaway."""
    widget = MilestoneTimeline(bank)
    assert "display:flex" in widget.disagreements.value
    shown = page_text(widget)
    for item in bank.disagreements:
        for position in item.positions:
            assert visible(french_typography(position.label.fr)) in shown


def test_controls_have_visible_labels_and_the_slider_spans_0_to_72(bank: ContentBank) -> None:
    """The age slider covers 0–72 months and both controls carry a French label."""
    widget = MilestoneTimeline(bank)
    assert (widget.slider.min, widget.slider.max) == (0, 72)
    assert widget.slider.description == "Âge de l'enfant (mois)"
    assert widget.domain.description == "Domaine"


def test_unverified_milestones_are_marked_non_verifie(
    bank: ContentBank, visible: Callable[[str], str]
) -> None:
    """A milestone without its source's words shows « non vérifié »; a quoted one does not."""
    widget = MilestoneTimeline(bank, age_months=24)
    items = [visible(item) for item in widget.output.value.split("<li>")]
    for milestone in (m for m in bank.milestones if 12 <= m.age.max <= 24):
        line = next(i for i in items if visible(french_typography(milestone.text.fr)) in i)
        assert ("non vérifié" in line) == (not milestone.verified), milestone.id
