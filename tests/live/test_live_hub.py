"""The live view as the hub's ``classe`` service, under a real JupyterHub: trainers only."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.jupyter_servers import Server
from live.class_folders import write_answers
from live.hub_room import PARTICIPANT, PASSWORD, TRAINER, run_hub

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    """A real hub whose ``classe`` service reads a class folder, and that folder."""
    root = tmp_path_factory.mktemp("hub-class")
    folder = root / "participants"
    write_answers(
        folder / PARTICIPANT / "day1" / "carnet.answers.json", PARTICIPANT, {"quiz-depp-cp": ["c"]}
    )
    with run_hub(folder, root / "hub") as server:
        yield server, folder


def _login(browser: Browser, hub: Server, user: str, path: str) -> Page:
    """A new browser context: open `path` on the hub, log in as `user` at the hub's form."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 720})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(f"{hub.url}{path}")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    return page


def test_trainer_sees_a_save_live(chromium: Browser, hub: tuple[Server, Path]) -> None:
    """A trainer logs in through the hub, opens the view; a participant's save moves the bars."""
    server, folder = hub
    page = _login(chromium, server, TRAINER, "/services/classe/vue/enjeux")
    try:
        page.wait_for_url("**/services/classe/vue/enjeux")
        count = (
            page.locator("section.question").first.locator("li.bar").nth(2).locator(".bar-count")
        )
        expect(count).to_have_text("1")
        expect(page.locator("body[data-updates]")).to_have_count(1)
        page.evaluate("window.notReloaded = true")
        write_answers(
            folder / "p-jose-nunez" / "day1" / "carnet.answers.json",
            "p-jose-nunez",
            {"quiz-depp-cp": ["c"]},
        )
        saved = time.monotonic()
        expect(count).to_have_text("2", timeout=2000)
        assert time.monotonic() - saved <= 2.0 and page.evaluate("window.notReloaded") is True
        page.locator("#revealed").focus()
        page.keyboard.press("Enter")
        expect(page.locator("li.bar.right").first).to_contain_text("bonne réponse")
    finally:
        page.context.close()


def test_participant_is_refused_in_french(chromium: Browser, hub: tuple[Server, Path]) -> None:
    """A participant who opens the view gets « Accès réservé aux formateurs », with a 403."""
    server, _folder = hub
    page = _login(chromium, server, PARTICIPANT, "/services/classe/")
    try:
        page.wait_for_url("**/services/classe/**")
        expect(page.locator("h1")).to_have_text("Accès réservé aux formateurs")
        response = page.request.get(f"{server.url}/services/classe/vue/enjeux")
        assert response.status == 403
        assert "p-amelie" not in page.content() and "réponses" in page.content()
    finally:
        page.context.close()
