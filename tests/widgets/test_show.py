"""show(): the widget in a notebook, its static HTML twin in print mode; unreadable files handled."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from IPython.core.interactiveshell import InteractiveShell

from parler_kit.answers import AnswerStore
from parler_kit.content import ClassificationItem, ContentBank
from parler_kit.widgets import WIDGETS, TechniqueExercise, build, print_html, print_mode, show
from parler_kit.widgets.base import open_store


def test_every_kind_builds_a_widget_with_plain_value(bank: ContentBank, tmp_path: Path) -> None:
    """Each of the nine kinds builds on a store and exposes JSON-able plain data as value."""
    import json

    assert sorted(WIDGETS) == sorted(
        ["timeline", "vocabulary", "techniques", "reformulation", "dialogue", "quiz",
         "observation", "action_sheet", "evaluation"]
    )  # fmt: skip
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    for kind in WIDGETS:
        widget = build(kind, store=store, bank=bank)
        json.dumps(widget.value)


def test_every_kind_builds_in_english(
    bank: ContentBank, tmp_path: Path, page_text: Callable[[Any], str]
) -> None:
    """With locale="en", every widget builds from the English catalog (no French headings)."""
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    headings = {"quiz": "Quiz", "timeline": "Milestones", "action_sheet": "Action sheet"}
    for kind in WIDGETS:
        widget = build(kind, store=store, bank=bank, locale="en")
        if kind in headings:
            assert headings[kind] in page_text(widget)


def test_print_mode_twin_is_filled_from_the_answers_file(
    bank: ContentBank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In print mode the twin is static HTML with the stored answer ticked (☒) and no script."""
    item = bank.exercises_of(ClassificationItem)[0]
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    monkeypatch.setenv("PARLER_KIT_MODE", "print")
    assert print_mode()
    blank = print_html("techniques", items=[item.id], store=store.path, bank=bank)
    widget = TechniqueExercise([item.id], store=store, bank=bank)
    widget.controls[item.id].value = list(item.answer)
    widget.validate(item.id)
    filled = print_html("techniques", items=[item.id], store=store.path, bank=bank)
    assert "<script" not in filled
    assert "☒" not in blank
    assert filled.count("☒") == len(item.answer)


def test_show_displays_the_twin_in_print_mode_and_the_widget_otherwise(
    bank: ContentBank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """show() publishes text/html in print mode and a widget view otherwise."""
    shell = InteractiveShell.instance()
    published: list[dict[str, object]] = []
    monkeypatch.setattr(shell.display_pub, "publish", lambda data, **_kw: published.append(data))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARLER_KIT_MODE", "print")
    show("action_sheet", bank=bank)
    assert "text/html" in published[-1]
    assert "application/vnd.jupyter.widget-view+json" not in published[-1]
    monkeypatch.delenv("PARLER_KIT_MODE")
    show("action_sheet", bank=bank)
    assert "application/vnd.jupyter.widget-view+json" in published[-1]
    assert (tmp_path / "carnet.answers.json").exists()


def test_unknown_kind_is_a_clear_error() -> None:
    """A typo in the kind names the kinds that exist."""
    with pytest.raises(ValueError, match="timeline"):
        build("timelime")


def test_a_hand_broken_answers_file_is_set_aside_and_explained(
    bank: ContentBank, tmp_path: Path, visible: Callable[[str], str]
) -> None:
    """A widget opened on invalid JSON shows the French message; the file is kept aside, not lost."""
    path = tmp_path / "carnet.answers.json"
    path.write_text('{"schema_version": 1, "answers": {"quiz-1": ', "utf-8")
    widget = build("quiz", store=path, bank=bank)
    message = visible(widget.status.value)
    assert "illisible" in message
    assert "mis de côté" in message
    (aside,) = tmp_path.glob("carnet.answers.json.corrupt-*")
    assert aside.read_text("utf-8").startswith('{"schema_version": 1')
    assert widget.store is not None
    assert widget.store.items() == {}


def test_an_unusable_store_is_reported_not_raised(tmp_path: Path) -> None:
    """A store that cannot be opened at all gives None and a message, no exception."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    store, problem = open_store(blocker / "carnet.answers.json")
    assert store is None
    assert problem


def test_a_file_broken_while_the_widget_is_open_is_reported_in_the_widget(
    bank: ContentBank, tmp_path: Path, visible: Callable[[str], str]
) -> None:
    """Validating after a hand edit broke the file shows the message; the broken file is kept."""
    item = bank.exercises_of(ClassificationItem)[0]
    path = tmp_path / "carnet.answers.json"
    widget = TechniqueExercise([item.id], store=path, bank=bank)
    path.write_text("{ pas du JSON", "utf-8")
    widget.controls[item.id].value = list(item.answer)
    assert not widget.validate(item.id)
    assert "mis de côté" in visible(widget.status.value)
    (aside,) = tmp_path.glob("carnet.answers.json.corrupt-*")
    assert aside.read_text("utf-8") == "{ pas du JSON"
    assert widget.validate(item.id)  # the next answer starts a fresh file
    assert widget.value == {item.id: sorted(item.answer)}
