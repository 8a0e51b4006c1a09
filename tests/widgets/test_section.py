"""ExerciseSection and show() in Voilà: the first exercise built at once, the others when opened."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell

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
