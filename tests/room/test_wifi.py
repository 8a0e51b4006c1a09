"""The room on an emulated Wi-Fi: few round trips at login, and no page left behind (issue 26).

Each device is a Chromium context with the room's Wi-Fi emulated (150 ms, 4/1 Mbit/s:
`browser.room_wifi`). Round trips are counted on the document's own redirect chain, as Chromium
followed it; speed is measured by ``benchmarks/room.py --wifi``, not asserted here.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from playwright.sync_api import Error as PlaywrightError
from room_fixtures import Hub, Person, folder_of, log_in

from browser.answering import KINDS, open_section, stored_answers, wait_for_change
from browser.jupyter_servers import SCREENSHOTS
from browser.room_wifi import on_room_wifi

pytestmark = pytest.mark.browser
#: Issue 26: login → landing page in at most six round trips.
LOGIN_ROUND_TRIPS = 6
#: Phone and tablet sizes, alternately.
DEVICES = ({"width": 390, "height": 844}, {"width": 820, "height": 1180})
ROUNDS = 3


def _device(chromium: Browser, contexts: list[BrowserContext], index: int) -> Page:
    """A phone- or tablet-sized device on the room's Wi-Fi."""
    context = chromium.new_context(
        locale="fr-FR", viewport=DEVICES[index % 2], has_touch=True, is_mobile=index % 2 == 0
    )
    context.set_default_timeout(120_000)
    contexts.append(context)
    page = context.new_page()
    on_room_wifi(page)
    return page


def test_login_reaches_the_landing_page_in_at_most_six_round_trips(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """From « Entrer » to the landing page: the login POST, the page, OAuth's two steps, the page."""
    person = room_hub.room.participants[4]
    page = _device(chromium, contexts, 0)
    with page.expect_navigation(url=re.compile(r"/files/accueil\.html$")) as landing:
        log_in(page, room_hub, person)
    request = landing.value.request if landing.value else None
    chain = []
    while request is not None:
        chain.append(f"{request.method} {request.url.replace(room_hub.url, '/')}")
        request = request.redirected_from
    chain.reverse()
    assert chain[0].startswith("POST /hub/login"), chain
    assert len(chain) <= LOGIN_ROUND_TRIPS, chain
    expect(page.get_by_role("link", name="Mon carnet de formation")).to_be_visible()


def _open_workbooks(pages: list[Page], hub: Hub, people: list[Person]) -> None:
    """Every device opens its workbook at once (navigations started before any is waited for)."""
    for page, person in zip(pages, people, strict=True):
        url = hub.url + f"user/{person.username}/voila/render/workbook.ipynb"
        page.goto(url, wait_until="commit")
    for page in pages:
        expect(page.locator(".pk-section").first).to_be_visible(timeout=180_000)


def _quiz_choice(page: Page) -> Locator:
    """The first question's options, the quiz opened (built from the answers file at that moment)."""
    try:
        expect(page.locator(".pk-section")).to_have_count(len(KINDS), timeout=120_000)
        quiz = open_section(page, "quiz")
    except (AssertionError, PlaywrightError) as error:  # say what the device shows instead
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "wifi-device.png", full_page=True)
        shown = page.locator("body").inner_text(timeout=5_000)[:600]
        raise AssertionError(f"{page.url}: {shown!r}") from error
    return quiz.locator(".widget-radio-box").first.locator("input[type=radio]")


def test_six_devices_on_the_room_wifi_reload_together_and_each_finds_its_own_answer(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Six answer the quiz differently, then reload all at once, three times: each page comes back with its own answer."""
    people = list(room_hub.room.participants[:6])
    pages = [_device(chromium, contexts, i) for i in range(len(people))]
    for page, person in zip(pages, people, strict=True):
        log_in(page, room_hub, person)
    for page in pages:
        page.wait_for_url(re.compile(r"/files/accueil\.html$"), timeout=120_000)
    _open_workbooks(pages, room_hub, people)

    chosen: dict[str, int] = {}
    stored: dict[str, tuple[str, object]] = {}
    for index, (page, person) in enumerate(zip(pages, people, strict=True)):
        folder = folder_of(room_hub, person)
        before = stored_answers(folder)
        radios = _quiz_choice(page)
        choice = index % radios.count()
        if radios.nth(choice).is_checked():  # answered so in an earlier test: change it
            choice = (choice + 1) % radios.count()
        chosen[person.username] = choice
        radios.nth(choice).check()
        open_section(page, "quiz").get_by_role("button", name="Valider ma réponse").first.click()
        (key,) = wait_for_change(folder, before)
        stored[person.username] = (key, stored_answers(folder)[key]["value"])

    for _round in range(ROUNDS):
        for page in pages:  # all six within a fraction of a second, as after a Wi-Fi hiccup
            page.evaluate("location.reload()")
        for page, person in zip(pages, people, strict=True):
            expect(page.locator(".pk-section").first).to_be_visible(timeout=180_000)
            expect(_quiz_choice(page).nth(chosen[person.username])).to_be_checked()
    for person in people:  # nobody's file holds anything but their own answer
        key, value = stored[person.username]
        assert stored_answers(folder_of(room_hub, person))[key]["value"] == value, person.username
