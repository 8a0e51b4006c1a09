"""Answering every exercise kind of a participant's page from the keyboard, and checking it after a reload.

Shared by the participant page's tests (one jupyter-server) and the training room's (the real hub):
each exercise is done with Tab, Space, Enter and typing only, as a keyboard user would.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect


def shown_kinds(notebook: Path) -> list[str]:
    """The kinds of the ``show(...)`` calls of a notebook, in order."""
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return re.findall(r"show\(\s*[\"']([a-z_]+)[\"']", source)


#: The workbook's exercises in page order, as its template shows them.
KINDS = tuple(shown_kinds(Path(__file__).resolve().parents[2] / "workbooks" / "workbook.ipynb"))
REPLY = "Oui, le chien est tombé dans la flaque !"
TITLE = "Lire ensemble au marché du samedi"


def section_of(page: Page, kind: str) -> Locator:
    """The section of the page that holds the exercise of `kind`."""
    return page.locator(".pk-section").nth(KINDS.index(kind))


def focused(locator: Locator) -> bool:
    return bool(
        locator.evaluate("e => e === document.activeElement || e.contains(document.activeElement)")
    )


def tab_to(page: Page, target: Locator, limit: int = 150) -> None:
    """Press Tab until `target` has the focus (it must be reachable from the keyboard)."""
    for _ in range(limit):
        if focused(target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"not reachable with Tab: {target}")


def open_section(page: Page, kind: str) -> Locator:
    """Open the section of `kind` with the keyboard (Enter on its button); its widget."""
    body_section = section_of(page, kind)
    toggle = body_section.locator(".pk-section-toggle")
    if "Ouvrir" in (toggle.text_content() or ""):
        toggle.focus()
        page.keyboard.press("Enter")
    body = body_section.locator(".pk-kit").first
    body.wait_for(state="visible", timeout=30_000)
    toggle.focus()
    return body


def stored_answers(folder: Path) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted(folder.glob("*.answers.json")):
        merged.update(json.loads(path.read_text("utf-8")).get("answers", {}))
    return merged


def wait_for_change(folder: Path, before: dict[str, Any], timeout: float = 20) -> set[str]:
    """The keys whose stored value changed since `before` (AssertionError when none does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = stored_answers(folder)
        changed = {k for k, v in now.items() if before.get(k, {}).get("value") != v["value"]}
        if changed:
            return changed
        time.sleep(0.2)
    raise AssertionError("no answer reached the answers file")


def _vocabulary(page: Page, w: Locator) -> None:
    words = w.locator("input[type=number]").nth(1)
    tab_to(page, words)
    page.keyboard.press("Control+A")
    page.keyboard.type("80")
    tab_to(page, w.get_by_role("button", name="Placer ce nombre"))
    page.keyboard.press("Enter")


def _check_then_press(button: str) -> Callable[[Page, Locator], None]:
    def act(page: Page, w: Locator) -> None:
        tab_to(page, w.locator("input[type=checkbox]").first)
        page.keyboard.press("Space")
        tab_to(page, w.get_by_role("button", name=button).first)
        page.keyboard.press("Enter")

    return act


def _reformulation(page: Page, w: Locator) -> None:
    tab_to(page, w.locator("textarea").first)
    page.keyboard.type(REPLY)
    tab_to(page, w.get_by_role("button", name="Enregistrer et voir le retour").first)
    page.keyboard.press("Enter")


def _quiz(page: Page, w: Locator) -> None:
    tab_to(page, w.locator("input[type=radio]").first)
    page.keyboard.press("Space")
    tab_to(page, w.get_by_role("button", name="Valider ma réponse").first)
    page.keyboard.press("Enter")


def _observation(page: Page, w: Locator) -> None:
    tab_to(page, w.get_by_role("textbox", name="Code de l'enfant (ex. E-07)"))
    page.keyboard.type("E-01")
    page.keyboard.press("Tab")
    tab_to(page, w.get_by_role("button", name="Souvent").first)
    page.keyboard.press("Enter")


def _action_sheet(page: Page, w: Locator) -> None:
    tab_to(page, w.locator("input[type=text], textarea").first)
    page.keyboard.type(TITLE)
    page.keyboard.press("Tab")


def _evaluation(page: Page, w: Locator) -> None:
    tab_to(page, w.locator("input[type=radio]").first)
    page.keyboard.press("ArrowRight")  # radio groups move with the arrow keys: « 2 – Peu »


#: kind → (keyboard action, check that the page shows the answer after a reload)
EXERCISES: dict[str, tuple[Callable[[Page, Locator], None], Callable[[Locator], None]]] = {
    "vocabulary": (
        _vocabulary,
        lambda w: expect(w.locator("li").filter(has_text="80").first).to_be_visible(),
    ),
    "techniques": (
        _check_then_press("Valider ma réponse"),
        lambda w: expect(w.locator("input[type=checkbox]").first).to_be_checked(),
    ),
    "reformulation": (
        _reformulation,
        lambda w: expect(w.locator("textarea").first).to_have_value(REPLY),
    ),
    "dialogue": (
        _check_then_press("Comparer avec la clé"),
        lambda w: expect(w.locator("input[type=checkbox]").first).to_be_checked(),
    ),
    "quiz": (_quiz, lambda w: expect(w.locator("input[type=radio]").first).to_be_checked()),
    "observation": (
        _observation,
        lambda w: expect(w.get_by_role("button", name="Souvent").first).to_have_class(
            re.compile(r"\bmod-active\b")
        ),
    ),
    "action_sheet": (
        _action_sheet,
        lambda w: expect(w.locator("input[type=text], textarea").first).to_have_value(TITLE),
    ),
    "evaluation": (
        _evaluation,
        lambda w: expect(w.locator("input[type=radio]").nth(1)).to_be_checked(),
    ),
}


def answer_every_exercise(page: Page, folder: Path) -> None:
    """Move the timeline's age up one month, then do every exercise; each reaches the file at once."""
    timeline = open_section(page, "timeline")
    tab_to(page, timeline.get_by_role("spinbutton"))
    page.keyboard.press("ArrowUp")
    expect(timeline.get_by_role("spinbutton")).to_have_value("19")
    for kind, (act, _restored) in EXERCISES.items():
        before = stored_answers(folder)
        act(page, open_section(page, kind))
        assert wait_for_change(folder, before), kind


def reload_and_find_every_answer(page: Page) -> None:
    """Reload the page, wait for its exercises, and find each answer shown again."""
    page.reload()
    expect(page.locator(".pk-section")).to_have_count(len(KINDS), timeout=120_000)
    for kind, (_act, restored) in EXERCISES.items():
        restored(open_section(page, kind))
