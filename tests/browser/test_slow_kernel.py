"""Answers given just before pressing a button are saved as given, even when the kernel is slow.

The widgets' front end sends at most one state update per widget at a time and holds the next
until the kernel has handled the previous one; a button press is not held. With a slow kernel
(a loaded room server), the press could overtake the last typed characters (the saved reply
lost its end) or a changed choice (« a, then b, then Valider » saved « a »). The page's kernel
here pauses 0.3 s in every 0.35 s, as a busy one would. The room's page template holds a press
until the updates sent before it are handled (room/jupyter_path/…/parler_kit/index.html.j2).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page, expect

from browser.jupyter_servers import ROOM_VOILA_OPTIONS, Server, jupyter_env, run_voila_extension

pytestmark = pytest.mark.browser

REPLY = "Oui, le chien est tombé dans la flaque, il est tout mouillé maintenant !"
SLOW_KERNEL = """\
import asyncio, time

def _pause():
    time.sleep(0.3)  # the kernel answers nothing meanwhile, like a busy one
    asyncio.get_event_loop().call_later(0.05, _pause)

asyncio.get_event_loop().call_later(0.5, _pause)
"""


@pytest.fixture(scope="module")
def slow_page_server(
    tmp_path_factory: pytest.TempPathFactory, jupyter_home: Path
) -> Iterator[Server]:
    """A reformulation exercise served as in the room, by a kernel that is slow to answer."""
    folder = tmp_path_factory.mktemp("lent")
    notebook = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    notebook.cells = [
        nbformat.v4.new_code_cell("from parler_kit.widgets import show"),  # type: ignore[no-untyped-call]
        nbformat.v4.new_code_cell('show("reformulation", items=["ref-01"])'),  # type: ignore[no-untyped-call]
        nbformat.v4.new_code_cell('show("quiz", questions=["quiz-pb-evaluation"])'),  # type: ignore[no-untyped-call]
        nbformat.v4.new_code_cell(SLOW_KERNEL),  # type: ignore[no-untyped-call]
    ]
    nbformat.write(notebook, folder / "lent.ipynb")  # type: ignore[no-untyped-call]
    with run_voila_extension(
        folder, jupyter_env(jupyter_home), extra_args=ROOM_VOILA_OPTIONS
    ) as server:
        yield server


def test_a_reply_typed_then_saved_at_once_is_stored_whole(
    page: Page, slow_page_server: Server
) -> None:
    """Typing a reply and pressing « Enregistrer » straight away stores the whole reply."""
    page.goto(f"{slow_page_server.url}/voila/render/lent.ipynb?token={slow_page_server.token}")
    section = page.locator(".pk-section").first
    toggle = section.locator(".pk-section-toggle")
    if "Ouvrir" in (toggle.text_content() or ""):
        toggle.click()
    text = section.locator("textarea").first
    text.click()
    page.keyboard.type(REPLY)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the focus is on « Enregistrer et voir le retour »
    answers = slow_page_server.root / "carnet.answers.json"
    expect(section.get_by_text("Réponse enregistrée", exact=False)).to_be_visible(timeout=30_000)
    stored = json.loads(answers.read_text("utf-8"))["answers"]["ref-01"]["value"]
    assert stored == REPLY


def test_a_choice_changed_then_validated_at_once_is_stored_as_last_chosen(
    page: Page, slow_page_server: Server
) -> None:
    """Choosing a, then b, then « Valider » straight away stores b (the last choice seen)."""
    page.goto(f"{slow_page_server.url}/voila/render/lent.ipynb?token={slow_page_server.token}")
    toggle = page.locator(".pk-section-toggle").filter(has_text="Questionnaire")
    quiz = page.locator(".pk-section").filter(has=toggle)
    toggle.click()
    radios = quiz.locator("input[type=radio]")
    radios.first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(1000)  # let the opening settle: the race is between the clicks below
    radios.nth(0).click()
    radios.nth(1).click()
    quiz.get_by_role("button", name="Valider ma réponse").click()
    answers = slow_page_server.root / "carnet.answers.json"
    deadline = time.monotonic() + 30
    while "quiz-pb-evaluation" not in json.loads(answers.read_text("utf-8"))["answers"]:
        assert time.monotonic() < deadline, "the answer never reached the answers file"
        time.sleep(0.2)
    time.sleep(2)  # a later save, if any, lands now
    stored = json.loads(answers.read_text("utf-8"))["answers"]["quiz-pb-evaluation"]
    assert stored["value"] == ["b"]
