"""ExerciseSection and show() in Voilà: the first exercise built at once, the others when opened."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from ipywidgets.widgets.widget import _instances as widget_registry

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.widgets import ActionSheet, ExerciseSection, section, show

show_module = importlib.import_module("parler_kit.widgets.show")  # the module, not show()


def test_a_folded_section_builds_nothing_until_opened(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Folded: one button naming the exercise; opening builds the widget, folding keeps it."""
    folded = section("action_sheet", store=store, bank=bank)
    assert folded.body is None
    assert "Ouvrir l'exercice" in folded.toggle.description
    assert "Fiche action" in folded.toggle.description
    folded.toggle.click()
    assert isinstance(folded.body, ActionSheet)
    assert folded.body in folded.children
    built = folded.body
    folded.toggle.click()
    assert built not in folded.children
    assert "Replier" not in folded.toggle.description
    folded.toggle.click()
    assert folded.body is built


def test_opening_a_section_shows_the_answers_saved_since_the_page_was_built(
    bank: ContentBank, store: AnswerStore
) -> None:
    """The widget is built from the answers file when opened, so nothing saved is missing."""
    folded = section("action_sheet", store=store, bank=bank)
    field = min(bank.action_sheet_fields, key=lambda f: f.order)
    ActionSheet(store=store, bank=bank).inputs[field.id].value = "Lire ensemble au marché"
    folded.set_opened(True)
    assert isinstance(folded.body, ActionSheet)
    assert folded.body.inputs[field.id].value == "Lire ensemble au marché"


def test_evaluation_section_is_named_after_its_form(bank: ContentBank, store: AnswerStore) -> None:
    """The folded evaluation names the form it holds (« à chaud » / « à froid »)."""
    hot = section("evaluation", form="chaud", store=store, bank=bank)
    cold = section("evaluation", form="froid", store=store, bank=bank)
    assert hot.toggle.description != cold.toggle.description


def test_unknown_kind_is_refused_before_anything_is_built() -> None:
    """section() names the unknown kind, as build() does."""
    with pytest.raises(ValueError, match="carnet"):
        section("carnet")


def test_show_in_voila_opens_the_first_exercise_and_folds_the_next(
    bank: ContentBank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With Voilà's environment show() displays sections: the first built, the others folded."""
    shell = InteractiveShell.instance()
    shown: list[object] = []
    monkeypatch.setattr(shell.display_pub, "publish", lambda data, **_kw: None)
    monkeypatch.setattr(
        ExerciseSection, "_repr_mimebundle_", lambda self, **_kw: shown.append(self)
    )
    monkeypatch.setattr(show_module, "_SHOWN", [])
    monkeypatch.setenv("VOILA_BASE_URL", "/user/p1/")
    monkeypatch.chdir(tmp_path)
    show("timeline", bank=bank)
    show("action_sheet", bank=bank)
    first, second = shown
    assert isinstance(first, ExerciseSection) and isinstance(second, ExerciseSection)
    assert first.body is not None and first.opened
    assert second.body is None and not second.opened


def test_each_more_folded_section_adds_two_models_and_opens_on_its_own(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Sections share their stylesheet, layouts and button style: a folded one is a box and a button.

    Every model is relayed by the server and built by each device when the page opens; the
    sections of a page are built in one kernel, so the shared parts are made once. Sharing must
    not tie the sections together: opening one leaves the others folded, under their own titles.
    """
    first = section("quiz", store=store, bank=bank)
    before = set(widget_registry)
    others = [
        section(kind, store=store, bank=bank) for kind in ("techniques", "dialogue", "observation")
    ]
    created = [widget_registry[key] for key in set(widget_registry) - before]
    assert len(created) == 2 * len(others)
    kinds = sorted(type(widget).__name__ for widget in created)
    assert kinds == ["Button"] * len(others) + ["ExerciseSection"] * len(others)
    assert all(s.layout is first.layout and s.toggle.style is first.toggle.style for s in others)
    others[0].toggle.click()
    assert others[0].opened and others[0].body is not None
    assert not any(s.opened or s.body is not None for s in (first, *others[1:]))
    titles = [s.toggle.description for s in (first, *others[1:])]
    assert len(set(titles)) == len(titles) and all("Ouvrir" in t for t in titles)
