"""ObservationChecklist: pseudonymous code, validated header, items saved at once, referral, erase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.content import ContentBank
from parler_kit.widgets import ObservationChecklist


def _band_with_warning_item(bank: ContentBank) -> tuple[int, str]:
    item = next(i for i in bank.observation_items if i.subject == "child" and i.warning_sign)
    assert item.age_band is not None
    return item.age_band, item.id


def test_marking_an_item_saves_the_whole_record_at_once(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Code, age, date, context and one marked item are on disk in the documented format."""
    band, item_id = _band_with_warning_item(bank)
    widget = ObservationChecklist(store=store, bank=bank)
    widget.code.value = "e-07"
    widget.age.value = band
    widget.date.value = dt.date(2026, 3, 3)
    widget.context.value = "Au goûter, avec deux autres enfants."
    row = widget.rows[item_id]
    row.frequency.value = "parfois"
    row.fact.value = "3 mars : dit « encore » en tendant son verre."
    row.interpretation.value = "Semble utiliser le mot pour demander."
    expected = {
        "child_code": "E-07",
        "age_months": band,
        "date": "2026-03-03",
        "context": "Au goûter, avec deux autres enfants.",
        "items": {
            item_id: {
                "frequency": "parfois",
                "fact": "3 mars : dit « encore » en tendant son verre.",
                "interpretation": "Semble utiliser le mot pour demander.",
            }
        },
    }
    assert widget.value == expected
    assert read_answers(store.path).answers["observation:E-07"].value == expected


def test_a_new_checklist_restores_the_record_of_a_code(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Opening the same code in a new widget brings back age, date, marks, fact and interpretation."""
    band, item_id = _band_with_warning_item(bank)
    first = ObservationChecklist(store=store, bank=bank)
    first.code.value = "ENF-12"
    first.age.value = band
    first.rows[item_id].frequency.value = "souvent"
    first.rows[item_id].fact.value = "Le 2 mars, se retourne à l'appel de son prénom."
    again = ObservationChecklist(child_code="ENF-12", store=AnswerStore.open(store.path), bank=bank)
    assert again.value == first.value
    assert again.age.value == band
    assert again.rows[item_id].frequency.value == "souvent"
    assert again.rows[item_id].fact.value == "Le 2 mars, se retourne à l'appel de son prénom."


@pytest.mark.parametrize("name", ["Lucas", "Marie-Claire", "lina benali", "Léo"])
def test_a_name_is_refused_as_child_code(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str], name: str
) -> None:
    """A code that looks like a name is refused with an explanation; nothing is stored."""
    widget = ObservationChecklist(store=store, bank=bank)
    widget.code.value = name
    message = visible(widget.status.value)
    assert "ressemble à un prénom" in message
    assert "E-07" in message
    assert store.items() == {}
    assert widget.value is None


@pytest.mark.parametrize("age", [-1, 73, 120])
def test_an_age_outside_0_72_is_refused(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str], age: int
) -> None:
    """An age outside 0–72 months shows the rule; the stored record keeps the previous age."""
    widget = ObservationChecklist(child_code="E-01", store=store, bank=bank)
    before = store.path.read_bytes()
    widget.age.value = age
    assert "entre 0 et 72" in visible(widget.status.value)
    assert store.path.read_bytes() == before


def test_a_too_long_fact_is_refused(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """A 10,000-character fact is refused and the file is unchanged."""
    band, item_id = _band_with_warning_item(bank)
    widget = ObservationChecklist(band, child_code="E-02", store=store, bank=bank)
    before = store.path.read_bytes()
    widget.rows[item_id].fact.value = "x" * 10_000
    assert "trop long" in visible(widget.status.value)
    assert store.path.read_bytes() == before


def test_jamais_on_a_warning_item_shows_the_referral_path(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Marking « jamais » on an item linked to a warning sign shows that sign's action."""
    band, item_id = _band_with_warning_item(bank)
    widget = ObservationChecklist(band, child_code="E-03", store=store, bank=bank)
    assert widget.referral.value == ""
    widget.rows[item_id].frequency.value = "jamais"
    sign = bank.get(widget.rows[item_id].item.warning_sign or "")
    referral = visible(widget.referral.value)
    assert "À partager avec les parents" in referral
    assert visible(sign.action.fr)[:40] in referral  # type: ignore[attr-defined]
    assert "Jamais 1" in widget.profile.value
    widget.rows[item_id].frequency.value = "souvent"
    assert widget.referral.value == ""


def test_erasing_asks_for_confirmation_then_removes_only_that_child(
    bank: ContentBank, store: AnswerStore
) -> None:
    """The erase button asks first; confirming deletes this child's record and keeps the others."""
    store.set("observation:E-09", {"child_code": "E-09"})
    widget = ObservationChecklist(child_code="E-04", store=store, bank=bank)
    assert "observation:E-04" in store.items()
    widget.erase_button.click()
    assert "observation:E-04" in store.items()
    assert widget.confirm_button.layout.display is None
    widget.confirm_button.click()
    assert set(store.items()) == {"observation:E-09"}
    assert widget.value is None


def test_marks_made_before_the_code_are_saved_once_a_code_is_given(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Marking first and typing the code afterwards files the marks under that code."""
    band, item_id = _band_with_warning_item(bank)
    widget = ObservationChecklist(band, store=store, bank=bank)
    widget.rows[item_id].frequency.value = "parfois"
    assert store.items() == {}
    widget.code.value = "E-05"
    assert widget.value is not None
    assert widget.value["items"][item_id]["frequency"] == "parfois"


def test_switching_to_a_new_child_starts_a_blank_grid(
    bank: ContentBank, store: AnswerStore
) -> None:
    """After one child's record, a new code starts empty: no marks are copied across children."""
    band, item_id = _band_with_warning_item(bank)
    widget = ObservationChecklist(band, child_code="E-05", store=store, bank=bank)
    widget.rows[item_id].frequency.value = "souvent"
    widget.code.value = "E-06"
    assert widget.rows[item_id].frequency.value is None
    assert widget.value is not None
    assert widget.value["items"] == {}
    widget.code.value = "E-05"
    assert widget.rows[item_id].frequency.value == "souvent"


def test_a_new_grid_lists_the_children_observed_and_reopens_the_last_saved(
    bank: ContentBank, store: AnswerStore
) -> None:
    """After a reload the grid offers every observed code and shows the last child saved."""
    first = ObservationChecklist(store=store, bank=bank)
    first.code.value = "E-01"
    next(iter(first.rows.values())).frequency.value = "souvent"
    first.code.value = "E-02"
    first.age.value = 30
    marked = list(first.rows)[1]
    first.rows[marked].frequency.value = "parfois"
    reopened = ObservationChecklist(store=store, bank=bank)
    assert [value for _label, value in reopened.observed.options] == ["", "E-01", "E-02"]
    assert (reopened.code.value, reopened.observed.value, reopened.age.value) == (
        "E-02",
        "E-02",
        30,
    )
    assert reopened.rows[marked].frequency.value == "parfois"


def test_picking_an_observed_child_restores_its_marks(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Choosing a code in the list fills the grid with that child's record, nothing else."""
    grid = ObservationChecklist(store=store, bank=bank, child_code="E-01")
    item_id = next(iter(grid.rows))
    grid.rows[item_id].frequency.value = "jamais"
    grid.code.value = "E-02"
    assert grid.rows[item_id].frequency.value is None
    grid.observed.value = "E-01"
    assert grid.code.value == "E-01"
    assert grid.rows[item_id].frequency.value == "jamais"
    assert set(store.items()) == {"observation:E-01", "observation:E-02"}


def test_an_empty_store_opens_a_blank_grid_with_only_the_new_child_choice(
    bank: ContentBank, store: AnswerStore
) -> None:
    """With nothing observed yet the code is empty and the list holds only « nouvel enfant »."""
    grid = ObservationChecklist(store=store, bank=bank)
    assert grid.code.value == ""
    assert [value for _label, value in grid.observed.options] == [""]
    assert store.items() == {}
