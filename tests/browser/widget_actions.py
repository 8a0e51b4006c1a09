"""What the browser tests do to each widget of ``all_widgets.ipynb``, and how they check it.

Each widget is found by the CSS class ``pk-demo-<kind>`` the notebook adds. `ACTIONS` hold, per
kind, one user action (a click or a key press, as a participant would do it), the answers-file
key it must write and a check of that value; `restored` checks the page shows the answer again
after a reload or a kernel restart. The same code drives JupyterLab and Voilà: both render the
same ipywidgets DOM.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

from parler_kit.content import (
    ClassificationItem,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
    load_bank,
)

KINDS = (
    "timeline", "vocabulary", "techniques", "reformulation", "dialogue", "quiz",
    "observation", "action_sheet", "evaluation",
)  # fmt: skip
ANSWERS_FILE = "carnet.answers.json"
REPLY = "Oui, il est tombé ! Le chien est tombé dans la flaque ?"
TITLE = "Parler ensemble au « quartier » & <b>pas de balise</b>"


def widget(page: Page, kind: str) -> Locator:
    """The rendered widget of `kind`."""
    return page.locator(f".pk-demo-{kind}")


def wait_for_all_widgets(page: Page, timeout_ms: float = 120_000) -> None:
    """Wait until every widget of the notebook is visible."""
    for kind in KINDS:
        widget(page, kind).wait_for(state="visible", timeout=timeout_ms)


def assert_no_error_output(page: Page) -> None:
    """No traceback or stderr output, and no widget that failed to display."""
    expect(page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')).to_have_count(0)
    expect(page.locator('[data-mime-type="application/vnd.jupyter.error"]')).to_have_count(0)
    expect(page.get_by_text("Error displaying widget")).to_have_count(0)
    expect(page.get_by_text("Traceback (most recent call last)")).to_have_count(0)


def read_answers(folder: Path) -> dict[str, Any]:
    """The ``answers`` mapping of the notebook's answers file ({} while it does not exist)."""
    path = folder / ANSWERS_FILE
    if not path.exists():
        return {}
    answers: dict[str, Any] = json.loads(path.read_text("utf-8"))["answers"]
    return answers


def wait_for_answer(folder: Path, key: str, previous: Any = None, timeout: float = 20) -> Any:
    """The stored value of `key` once it differs from `previous` (AssertionError on timeout).

    Polls the file the kernel writes: the test checks the disk, not the widget's state.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stored = read_answers(folder).get(key)
        if stored is not None and stored["value"] != previous:
            return stored["value"]
        time.sleep(0.2)
    raise AssertionError(f"{key!r} never reached {folder / ANSWERS_FILE}: {read_answers(folder)}")


@dataclass(frozen=True)
class Action:
    """One participant action on a widget and what it must leave in the answers file."""

    act: Callable[[Locator], None]
    key: str  # the answers-file key it writes
    check: Callable[[Any], bool]
    restored: Callable[[Locator], None]


def _slider_right(w: Locator) -> None:
    """One month older with the keyboard: the age field takes the arrow keys."""
    w.get_by_role("spinbutton").focus()
    w.get_by_role("spinbutton").press("ArrowUp")
    expect(w.get_by_role("spinbutton")).to_have_value("19")


def _place_count(w: Locator) -> None:
    words = w.locator("input[type=number]").nth(1)
    words.fill("80")
    words.press("Tab")
    w.get_by_role("button", name="Placer ce nombre").click()


def _tick_first_and_click(button: str) -> Callable[[Locator], None]:
    def act(w: Locator) -> None:
        w.locator("input[type=checkbox]").first.check()
        w.get_by_role("button", name=button).click()

    return act


def _first_checkbox_checked(w: Locator) -> None:
    expect(w.locator("input[type=checkbox]").first).to_be_checked()


def _write_reply(w: Locator) -> None:
    w.locator("textarea").first.fill(REPLY)
    w.get_by_role("button", name="Enregistrer et voir le retour").click()


def _pick_first_radio(w: Locator) -> None:
    w.locator("input[type=radio]").first.check()
    w.get_by_role("button", name="Valider ma réponse").click()


def _mark_often(w: Locator) -> None:
    w.get_by_role("button", name="Souvent").first.click()


def _type_title(w: Locator) -> None:
    field = w.locator("input[type=text], textarea").first
    field.fill(TITLE)
    field.press("Tab")


def _rate_four(w: Locator) -> None:
    w.locator("input[type=radio]").nth(3).check()


def _value_of_first_field(w: Locator) -> None:
    expect(w.locator("input[type=text], textarea").first).to_have_value(TITLE)


def _first(kind: type[Any]) -> str:
    """Id of the first exercise of a kind: the notebook shows exactly that item."""
    return str(load_bank().exercises_of(kind)[0].id)


def _first_single_choice_question() -> str:
    return next(q.id for q in load_bank().exercises_of(QuizQuestion) if not q.multiple)


ACTIONS: dict[str, Action] = {
    "vocabulary": Action(
        _place_count,
        "vocabulary:placements",
        lambda v: v[-1] == {"age_months": 24, "words": 80},
        lambda w: expect(w.locator("li").filter(has_text="80").first).to_be_visible(),
    ),
    "techniques": Action(
        _tick_first_and_click("Valider ma réponse"),
        _first(ClassificationItem),
        lambda v: isinstance(v, list) and len(v) == 1,
        _first_checkbox_checked,
    ),
    "reformulation": Action(
        _write_reply,
        _first(ReformulationItem),
        lambda v: v == REPLY,
        lambda w: expect(w.locator("textarea").first).to_have_value(REPLY),
    ),
    "dialogue": Action(
        _tick_first_and_click("Comparer avec la clé"),
        _first(DialogueItem),
        lambda v: isinstance(v, dict) and len(v.get("0", [])) == 1,
        _first_checkbox_checked,
    ),
    "quiz": Action(
        _pick_first_radio,
        _first_single_choice_question(),
        lambda v: isinstance(v, list) and len(v) == 1,
        lambda w: expect(w.locator("input[type=radio]").first).to_be_checked(),
    ),
    "observation": Action(
        _mark_often,
        "observation:E-01",
        lambda v: [i["frequency"] for i in v["items"].values()] == ["souvent"],
        lambda w: expect(w.get_by_role("button", name="Souvent").first).to_have_class(
            re.compile(r"\bmod-active\b")
        ),
    ),
    "action_sheet": Action(
        _type_title,
        "fiche-action",
        lambda v: TITLE in v.values(),
        _value_of_first_field,
    ),
    "evaluation": Action(
        _rate_four,
        "evaluation:chaud",
        lambda v: 4 in v.values(),
        lambda w: expect(w.locator("input[type=radio]").nth(3)).to_be_checked(),
    ),
}


def act_on_every_widget(page: Page, folder: Path) -> dict[str, str]:
    """Do each widget's action, check the answers file after each; return kind → stored key.

    The timeline stores nothing (it is a reference view): its key press is checked on the page.
    """
    _slider_right(widget(page, "timeline"))
    keys: dict[str, str] = {}
    for kind, action in ACTIONS.items():
        # The observation grid saves its header (code, age) on creation; the others save nothing.
        previous = read_answers(folder).get(action.key, {}).get("value")
        if previous is not None:
            assert not action.check(previous), f"{kind}: answered before the action"
        action.act(widget(page, kind))
        value = wait_for_answer(folder, action.key, previous)
        assert action.check(value), (kind, value)
        keys[kind] = action.key
    return keys


def check_every_widget_restored(page: Page) -> None:
    """Each widget shows the answer given before the reload or restart."""
    for kind, action in ACTIONS.items():
        action.restored(widget(page, kind))


def assert_answers_on_disk(folder: Path, stored: dict[str, str]) -> None:
    """The answers file holds, for every kind but the timeline, a value its check accepts."""
    on_disk = read_answers(folder)
    accepted = {
        kind: key in on_disk and ACTIONS[kind].check(on_disk[key]["value"])
        for kind, key in stored.items()
    }
    assert accepted == dict.fromkeys(set(KINDS) - {"timeline"}, True), on_disk
