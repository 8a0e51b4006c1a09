"""The room on a real JupyterHub + configurable-http-proxy, driven in Chromium as people use it.

Three participants log in with their cards, answer the same day-1 question differently, reload:
each sees their own answer and each answers file holds exactly its owner's. Codes, other people's
servers, JupyterLab and terminals are refused to participants; the trainer reaches JupyterLab.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from room_fixtures import BLOCKED, ENDED, Hub, folder_of, log_in, new_device, run_cli

from parler_kit import page_templates
from parler_kit.answers import read_answers
from parler_kit.content import load_bank
from parler_kit.room import running_hub
from parler_kit.room.server import hub_api
from parler_kit.room.settings import participant_server_config, server_config_dir

pytestmark = pytest.mark.browser

FIRST_NOTEBOOK = "Accueil et positionnement"


def first_positioning_question() -> str:
    """Id of the first question of day 1's positioning quiz (what the test answers)."""
    return next(e.id for e in load_bank().exercises if e.kind == "quiz" and e.positioning)


def wait_for_stored(path: Path, key: str, timeout: float = 30) -> Any:
    """The value stored under `key` in an answers file, once there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answers = read_answers(path).answers
        if key in answers:
            return answers[key].value
        time.sleep(0.2)
    raise AssertionError(f"{key} never reached {path}")


def test_three_participants_answer_the_same_question_and_each_keeps_their_own(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Different choices by three people: after reload each sees theirs; each file holds its owner's."""
    question = first_positioning_question()
    people = room_hub.room.participants[:3]
    pages: list[Page] = []
    for choice, person in enumerate(people):
        page = new_device(chromium, contexts)
        log_in(page, room_hub, person)
        page.wait_for_url(re.compile(r"/files/accueil\.html"))
        expect(page.get_by_role("heading", name=f"Bonjour {person.first_name}")).to_be_visible()
        page.get_by_role("link", name=re.compile(FIRST_NOTEBOOK)).click()
        first_question = page.locator(".widget-radio-box").first
        first_question.locator("input[type=radio]").nth(choice).check()
        page.get_by_role("button", name="Valider ma réponse").first.click()
        wait_for_stored(folder_of(room_hub, person) / "day1" / "carnet.answers.json", question)
        pages.append(page)
    stored = []
    for choice, (person, page) in enumerate(zip(people, pages, strict=True)):
        page.reload()
        radios = page.locator(".widget-radio-box").first.locator("input[type=radio]")
        expect(radios.nth(choice)).to_be_checked()
        for other in {0, 1, 2} - {choice}:
            expect(radios.nth(other)).not_to_be_checked()
        answers = read_answers(folder_of(room_hub, person) / "day1" / "carnet.answers.json")
        assert answers.participant_id == folder_of(room_hub, person).name
        assert list(answers.answers) == [question]
        stored.append(answers.answers[question].value)
    assert len({repr(value) for value in stored}) == 3


def test_the_live_view_follows_a_participants_answer_for_trainers_only(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """/services/classe/ shows trainers a save without reload; a participant gets the French refusal."""
    trainer = new_device(chromium, contexts)
    trainer.goto(room_hub.url + "services/classe/vue/positionnement")
    trainer.get_by_label("Identifiant").fill(room_hub.room.trainers[0].username)
    trainer.get_by_label("Code d'accès").fill(room_hub.room.trainers[0].code)
    trainer.get_by_role("button", name="Entrer").click()
    trainer.wait_for_url(re.compile(r"/services/classe/vue/positionnement"))
    second = trainer.locator("section.question").nth(1)
    before = second.inner_text()
    trainer.evaluate("window.notReloaded = true")

    participant = new_device(chromium, contexts)
    person = room_hub.room.participants[1]
    log_in(participant, room_hub, person)
    participant.get_by_role("link", name=re.compile(FIRST_NOTEBOOK)).click()
    participant.locator(".widget-radio-box").nth(1).locator("input[type=radio]").first.check()
    participant.get_by_role("button", name="Valider ma réponse").nth(1).click()
    expect(second).not_to_have_text(before, timeout=15_000)
    assert trainer.evaluate("window.notReloaded") is True
    assert person.last_name not in trainer.content() and person.username not in trainer.content()

    response = participant.goto(room_hub.url + "services/classe/")
    assert response is not None and response.status == 403
    expect(participant.locator("h1")).to_have_text("Accès réservé aux formateurs")


#: Seconds a left page's kernel may take to stop (its page asks on ``beforeunload``).
KERNEL_STOPPED_S = 20
_CONNECTION_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")


def _kernel_ids_of(username: str) -> set[str]:
    """Ids of the page kernels running for `username` (their server sets JUPYTERHUB_USER).

    A participant's pages run `parler_kit.page_kernel` (the room's kernel spec), whose command
    line names its connection file ``kernel-<id>.json``: a kernel started otherwise would not be
    counted, and the test would say so.
    """
    ids = set()
    for process in psutil.process_iter(["cmdline"]):
        try:
            command = " ".join(process.info["cmdline"] or [])
            found = _CONNECTION_FILE.search(command)
            if (
                found
                and "parler_kit.page_kernel" in command
                and process.environ().get("JUPYTERHUB_USER") == username
            ):
                ids.add(found[1])
        except psutil.Error:  # ended meanwhile
            continue
    return ids


def _page_kernel(page: Page) -> str:
    """The id of the kernel serving the page (from Voilà's page configuration)."""
    config = page.locator("#jupyter-config-data").text_content() or "{}"
    kernel_id: str = json.loads(config)["kernelId"]
    return kernel_id


def _wait_until_stopped(username: str, kernels: set[str]) -> set[str]:
    """Those of `kernels` still running for `username` after at most KERNEL_STOPPED_S."""
    deadline = time.monotonic() + KERNEL_STOPPED_S
    running = kernels & _kernel_ids_of(username)
    while running and time.monotonic() < deadline:
        time.sleep(0.3)
        running = kernels & _kernel_ids_of(username)
    return running


def test_reloading_the_workbook_stops_each_left_pages_kernel_and_asks_no_other_site(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Three reloads: each left page's kernel stops, the page's own runs; no outside request.

    Besides the page's kernel, the server may run its one spare (`parler_kit.page_kernels`),
    never more: three reloads do not leave four kernels behind.
    """
    person = room_hub.room.participants[2]
    page = new_device(chromium, contexts)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, room_hub, person)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))
    # Kernels of pages from earlier tests whose browser was closed without unloading them (as a
    # killed browser) stay until culled after an hour idle: they are set apart.
    earlier = _kernel_ids_of(person.username)
    page.get_by_role("link", name=re.compile(FIRST_NOTEBOOK)).click()
    expect(page.locator(".widget-radio-box").first).to_be_visible()
    left: set[str] = set()
    for _ in range(3):
        current = _page_kernel(page)
        page.reload()
        expect(page.locator(".widget-radio-box").first).to_be_visible()
        left.add(current)
        assert _wait_until_stopped(person.username, left) == set()
        assert _page_kernel(page) in _kernel_ids_of(person.username)
        others = _kernel_ids_of(person.username) - earlier - {_page_kernel(page)}
        assert len(others) <= 1, others  # the server's spare, at most
    assert [url for url in requested if not url.startswith(room_hub.url)] == []
    assert page.get_by_role("alert").count() == 0


def test_a_participants_server_compiles_the_page_template_once(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """A participant's server loads `parler_kit.page_templates`: its log says so, naming them."""
    person = room_hub.room.participants[1]
    page = new_device(chromium, contexts)
    log_in(page, room_hub, person)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))
    log = room_hub.room.layout.hub_log.read_text("utf-8")
    assert f"{person.username}] {page_templates.LOADED_MESSAGE}" in log


def test_start_gives_a_room_prepared_earlier_this_versions_server_settings(room_hub: Hub) -> None:
    """The fixture wrote an older participant configuration before `room start`; start replaced it."""
    path = server_config_dir(room_hub.room.layout, "participant") / "jupyter_server_config.json"
    assert json.loads(path.read_text("utf-8")) == participant_server_config()


def test_a_wrong_code_is_refused_in_french(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """A code that is not the person's keeps them on the login page with a French message."""
    page = new_device(chromium, contexts)
    log_in(page, room_hub, room_hub.room.participants[0], code="ZZZZ-ZZZZ")
    expect(page.get_by_role("alert")).to_contain_text("Identifiant ou code d'accès incorrect")
    assert "/hub/login" in page.url
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_five_wrong_codes_block_the_account_for_a_minute(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """After five wrong codes within a minute even the right code is refused, saying why."""
    person = room_hub.room.participants[BLOCKED]
    page = new_device(chromium, contexts)
    for _ in range(5):
        log_in(page, room_hub, person, code="ZZZZ-ZZZZ")
        expect(page.get_by_role("alert")).to_contain_text("incorrect")
    log_in(page, room_hub, person)
    expect(page.get_by_role("alert")).to_contain_text("Trop de codes erronés")
    assert "/hub/login" in page.url


def test_a_participant_cannot_open_another_persons_server_nor_jupyterlab(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Another's server URL answers 403; JupyterLab, terminals and the file API of others are out of reach."""
    me, other = room_hub.room.participants[0], room_hub.room.participants[1]
    others_device = new_device(chromium, contexts)
    log_in(others_device, room_hub, other)  # their server runs: the proxy routes to it
    others_device.wait_for_url(re.compile(r"/files/accueil\.html"))
    page = new_device(chromium, contexts)
    log_in(page, room_hub, me)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))
    for path in (f"user/{other.username}/", f"user/{other.username}/files/accueil.html"):
        response = page.goto(room_hub.url + path)
        assert response is not None and response.status == 403, (path, response and response.status)
        assert other.first_name not in page.content()
        expect(page.get_by_role("heading", name="Accès refusé")).to_be_visible()
    api = page.request.get(room_hub.url + f"user/{other.username}/api/contents/day1")
    assert api.status == 403 and "carnet" not in api.text()
    # The hub does not even say whether another person exists: starting their server is a 404.
    response = page.goto(room_hub.url + f"hub/spawn/{other.username}")
    assert response is not None and response.status == 404
    for path in (f"user/{me.username}/lab", f"user/{me.username}/terminals/1"):
        response = page.goto(room_hub.url + path)
        assert response is not None and response.status == 404, path


def test_the_trainer_lands_in_french_jupyterlab_on_the_curriculum(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """A trainer's card opens JupyterLab in French with the curriculum's days in the file browser."""
    page = new_device(chromium, contexts)
    log_in(page, room_hub, room_hub.room.trainers[0])
    page.wait_for_url(re.compile(r"/user/formateur-[^/]+/lab"))
    listing = page.locator(".jp-DirListing-content")
    for day in ("day1", "day2", "day3"):
        expect(listing.get_by_text(day, exact=True)).to_be_visible(timeout=120_000)
    expect(page.locator(".lm-MenuBar-itemLabel", has_text="Exécution")).to_be_visible()


def test_status_collect_and_grade_after_the_participants_answered(room_hub: Hub) -> None:
    """room status names who is connected; collect then course grade scores each participant's own answer."""
    root, home = str(room_hub.room.layout.root), room_hub.room.home
    people = room_hub.room.participants[:3]
    status = run_cli("room", "status", root, home=home).stdout
    assert "Salle en marche" in status
    for person in people:
        assert f"{person.first_name} {person.last_name}" in status
    collected = run_cli("room", "collect", root, "day1", home=home)
    everyone = len(room_hub.room.participants)
    assert f"{everyone} participants ramassés, 0 refusés" in collected.stdout
    config = room_hub.room.layout.course_config
    chosen = [arg for p in people for arg in ("--participant", folder_of(room_hub, p).name)]
    graded = run_cli("course", "grade", "day1", "--config", str(config), *chosen, home=home)
    assert "Traceback" not in graded.stderr
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{room_hub.room.layout.course / 'gradebook.db'}",
                   course_id="parler-tout-petits") as gradebook:  # fmt: skip
        scores = {
            person.username: gradebook.find_submission(
                "day1", folder_of(room_hub, person).name
            ).score
            for person in people
        }
    right = [name for name, score in scores.items() if score > 0]
    assert len(right) == 1, scores  # only one of the three choices is the right answer


def test_a_page_whose_server_runs_never_says_it_lost_it(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """The page's connection check is accepted by the participant's server: no red banner.

    JupyterHub takes a script's request on a cookie only with the XSRF token beside it; the check
    answered 403 without it, which the page reads as « server gone ».
    """
    person = room_hub.room.participants[3]
    page = new_device(chromium, contexts)
    log_in(page, room_hub, person)
    page.get_by_role("link", name="Mon carnet de formation").click()
    expect(page.locator(".pk-section").first).to_be_visible()
    with page.expect_response(lambda r: "no_track_activity" in r.url) as check:
        page.locator(".pk-section").first.click()  # a click checks the connection (connexion.js)
    assert check.value.status == 200
    expect(page.locator(".pk-connexion")).to_be_hidden()


def test_a_page_whose_server_was_stopped_says_so_and_leads_back(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Server stopped under an open page: French alert at the next click, reload → « arrêté ».

    The server is stopped through the hub's API, as the idle culler does; « Recharger la page »
    leads to the hub's « Votre espace est arrêté » page.
    """
    person = room_hub.room.participants[ENDED]
    page = new_device(chromium, contexts)
    log_in(page, room_hub, person)
    page.get_by_role("link", name=re.compile(FIRST_NOTEBOOK)).click()
    expect(page.locator(".widget-radio-box").first).to_be_visible()
    hub = running_hub(room_hub.room.layout)
    assert hub is not None
    hub_api(room_hub.room.layout, hub, "DELETE", f"users/{person.username}/server", timeout=60)
    alert = page.get_by_role("alert").filter(has_text="plus reliée au serveur")
    page.locator(".widget-radio-box").first.locator("input[type=radio]").first.check()
    expect(alert).to_be_visible(timeout=30_000)
    alert.get_by_role("button", name="Recharger la page").click()
    expect(page.get_by_role("heading", name="Votre espace est arrêté")).to_be_visible()


def test_after_a_day_in_the_room_nothing_was_written_to_home(room_hub: Hub) -> None:
    """Hub, proxy, servers and kernels kept all their state in ROOM: the HOME they ran with is empty."""
    assert list(room_hub.room.home.iterdir()) == []


def test_erase_removes_a_participant_from_the_running_room(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext], pdf_text: Any
) -> None:
    """erase --room: folder, account, code, card, grades and hub user gone; their code is refused.

    The signed attendance alone is kept, and erase names each file it keeps and why.
    """
    layout = room_hub.room.layout
    person = room_hub.room.participants[ENDED]
    participant_id = folder_of(room_hub, person).name
    result = run_cli("erase", "--participant", participant_id, "--room", str(layout.root),
                     home=room_hub.room.home)  # fmt: skip
    assert "Traceback" not in result.stderr
    assert not layout.participant(participant_id).exists()
    assert not (layout.course / "submitted" / participant_id).exists()
    assert person.username not in layout.accounts.read_text("utf-8")
    assert person.username not in layout.codes_csv.read_text("utf-8-sig")
    cards = pdf_text(layout.cards_pdf)
    assert person.last_name not in cards and room_hub.room.participants[0].last_name in cards
    from nbgrader.api import Gradebook, MissingEntry

    database = f"sqlite:///{layout.course / 'gradebook.db'}"
    with (
        Gradebook(database, course_id="parler-tout-petits") as gradebook,
        pytest.raises(MissingEntry),
    ):
        gradebook.find_student(participant_id)
    # Only the signed attendance (register, sheets' setup, their sources) still names the person,
    # and erase said so, with the legal reason.
    kept = {Path(m) for m in re.findall(r"^Conservé\W+(/\S+) — ", result.stdout, re.MULTILINE)}
    assert kept and all(layout.emargement in path.parents for path in kept), result.stdout
    for path in layout.root.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".jsonl", ".csv", ".ipynb", ".py", ".log"):
            text = path.read_text("utf-8", errors="replace")
            if participant_id in text or person.last_name in text:
                assert path in kept, path
    page = new_device(chromium, contexts)
    log_in(page, room_hub, person)
    expect(page.get_by_role("alert")).to_contain_text("Identifiant ou code d'accès incorrect")
