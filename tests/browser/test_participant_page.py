"""The produced workbook as a participant sees it: Voilà as a server extension (the room's set-up).

One jupyter-server per module serves a workbook made by ``parler-kit workbooks build`` with the
room's Voilà settings (`ROOM_VOILA_OPTIONS`). The tests answer every exercise with the keyboard
alone, reload and find every answer again; check the page at phone, tablet and laptop sizes; and
run axe-core on it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from browser.answering import (
    EXERCISES,
    KINDS,
    answer_every_exercise,
    open_section,
    reload_and_find_every_answer,
    section_of,
    shown_kinds,
    stored_answers,
    wait_for_change,
)
from browser.jupyter_servers import (
    ROOM_VOILA_OPTIONS,
    SCREENSHOTS,
    Server,
    jupyter_env,
    run_voila_extension,
)

pytestmark = pytest.mark.browser

# An exercise opened on the page is built in the kernel from the answers file; on a loaded 2-core
# runner that took more than Playwright's default 5 s once in five full runs (the restored reply
# of the reformulation exercise). Assertions here wait up to 30 s; a wrong value still fails.
expect.set_options(timeout=30_000)
REPO = Path(__file__).resolve().parents[2]
DOC_IMAGES = REPO / "docs" / "img"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1280, 800)}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first example participant's workbook, as ``parler-kit workbooks build`` makes it."""
    out = tmp_path_factory.mktemp("carnets")
    roster = out.parent / "roster.csv"  # the example roster's first participant only
    lines = (REPO / "examples" / "roster.csv").read_text("utf-8-sig").splitlines()
    roster.write_text("\n".join(lines[:2]) + "\n", "utf-8")
    subprocess.run(
        [str(REPO / ".venv/bin/parler-kit"), "workbooks", "build", str(roster),
         "--session", "examples/session.yaml", "--out", str(out), "--formats", "ipynb",
         "--jobs", "1"],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    return sorted(p for p in out.iterdir() if p.is_dir())[0] / "workbook.ipynb"


@pytest.fixture(scope="module")
def releases(workbook: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Day 2 and day 3 as participants get them (nbgrader release), beside the workbook."""
    course = tmp_path_factory.mktemp("course")
    (course / "nbgrader_config.py").write_text(
        "from pathlib import Path\n"
        "from parler_kit.course.settings import apply_course_settings\n"
        f"apply_course_settings(get_config(), root=Path({str(course / 'cours')!r}),"
        f" source=Path({str(REPO / 'curriculum')!r}))\n",
        "utf-8",
    )
    days = {}
    for day in ("day2", "day3"):
        subprocess.run(
            [str(REPO / ".venv/bin/nbgrader"), "generate_assignment", day, "--force"],
            cwd=course, check=True, capture_output=True,
        )  # fmt: skip
        days[day] = Path(shutil.copytree(course / "cours" / "release" / day, workbook.parent / day))
    return days


@pytest.fixture(scope="module")
def room(workbook: Path, releases: dict[str, Path], jupyter_home: Path) -> Iterator[Server]:
    """The participant's server: jupyter-server + Voilà extension, the room's options."""
    with run_voila_extension(
        workbook.parent, jupyter_env(jupyter_home), extra_args=ROOM_VOILA_OPTIONS
    ) as server:
        yield server


def _open_page(page: Page, room: Server) -> None:
    page.goto(f"{room.url}/voila/render/workbook.ipynb?token={room.token}")
    expect(page.locator(".pk-section")).to_have_count(len(KINDS), timeout=120_000)


def test_every_exercise_answered_from_the_keyboard_is_shown_again_after_a_reload(
    page: Page, room: Server, workbook: Path
) -> None:
    """Each exercise, done with Tab/Space/Enter/typing only, is saved at once and restored."""
    folder = workbook.parent
    _open_page(page, room)
    answer_every_exercise(page, folder)
    reload_and_find_every_answer(page)
    expect(page.get_by_text("Traceback (most recent call last)")).to_have_count(0)


#: Problems a participant would meet at the current size: page wider than the screen, text
#: under 16 px, touch targets under 44 px, labels cut (text wider than its box).
DEVICE_PROBLEMS = """() => {
  const problems = [];
  const visible = e => { const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const name = e => (e.textContent || e.getAttribute('aria-label') || e.outerHTML).trim().slice(0, 60);
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    problems.push(`page ${document.documentElement.scrollWidth} px wide in ${window.innerWidth}`);
  const scope = [...document.querySelectorAll('.pk-section')];
  for (let e = scope[0]; e; e = e.parentElement) {  // a scrolling container of the page
    const overflow = getComputedStyle(e).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1)
      problems.push(`sideways scroll in ${e.tagName}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`);
  }
  for (const root of scope) {
    const edge = root.getBoundingClientRect().right;
    for (const e of root.querySelectorAll('*')) {
      if (!visible(e)) continue;
      const ownText = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (ownText && parseFloat(getComputedStyle(e).fontSize) < 15.5)
        problems.push(`text ${getComputedStyle(e).fontSize}: ${name(e)}`);
      if (ownText && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden')
        problems.push(`cut: ${name(e)}`);
      if (ownText && e.getBoundingClientRect().right > edge + 1)
        problems.push(`past the right edge: ${name(e)}`);
    }
    const targets = root.querySelectorAll(
      'button, select, textarea, input:not([type=checkbox]):not([type=radio]), [role=slider],'
      + ' .widget-checkbox, .widget-radio-box label');
    for (const e of targets) {
      if (!visible(e)) continue;
      const r = e.getBoundingClientRect();
      if (r.height < 43.5) problems.push(`target ${Math.round(r.height)} px high: ${name(e)}`);
    }
  }
  return problems;
}"""


def test_the_page_fits_a_phone_a_tablet_and_a_laptop(page: Page, room: Server) -> None:
    """Phone, tablet, laptop, every exercise open: no sideways scroll, text ≥ 16 px, targets ≥ 44 px."""
    _open_page(page, room)
    for kind in KINDS:
        open_section(page, kind)
    update_docs = os.environ.get("PARLER_KIT_UPDATE_DOC_IMAGES") == "1"
    for device, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        problems = page.evaluate(DEVICE_PROBLEMS)
        assert problems == [], f"{device}: {problems[:15]}"
        section_of(page, "techniques").scroll_into_view_if_needed()
        path = SCREENSHOTS / f"device-{device}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path)
        if update_docs:
            DOC_IMAGES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=DOC_IMAGES / f"device-{device}.png")


def test_axe_finds_no_serious_or_critical_violation_and_the_page_is_french(
    page: Page, room: Server
) -> None:
    """axe-core on the page with every exercise open: 0 serious/critical; ``<html lang="fr">``."""
    _open_page(page, room)
    for kind in KINDS:
        open_section(page, kind)
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


#: Records every text Voilà's loading indicator shows while the page is prepared (texts hidden
#: by the page's style are not shown to anyone and are not recorded).
RECORD_LOADING_TEXTS = """
window.shownLoadingTexts = [];
new MutationObserver(() => {
  const label = document.getElementById('loading_text');
  if (label && getComputedStyle(label).visibility !== 'hidden')
    window.shownLoadingTexts.push(label.textContent);
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def test_the_page_loads_in_french_and_asks_nothing_of_another_site(
    page: Page, room: Server
) -> None:
    """While the page is prepared its text is French; every request goes to the room's server."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.add_init_script(RECORD_LOADING_TEXTS)
    _open_page(page, room)
    open_section(page, "timeline")
    shown = page.evaluate("window.shownLoadingTexts")
    assert shown, "the loading indicator never showed a text"
    assert all(text.startswith("Préparation de votre page") for text in shown), set(shown)
    elsewhere = [url for url in requested if not url.startswith(room.url)]
    assert elsewhere == []


def _page_kernel(page: Page) -> str:
    """The id of the kernel serving the page (from Voilà's page configuration)."""
    config = page.locator("#jupyter-config-data").text_content() or "{}"
    kernel_id: str = json.loads(config)["kernelId"]
    return kernel_id


def _last_activity(room: Server) -> str:
    """The server's last activity, as the hub's idle culler reads it."""
    status = json.loads(urllib.request.urlopen(f"{room.url}/api/status?token={room.token}").read())
    activity: str = status["last_activity"]
    return activity


def test_the_pages_connection_check_is_not_counted_as_activity(page: Page, room: Server) -> None:
    """The page's check of its kernel leaves the server's last activity as it was (idle culling)."""
    _open_page(page, room)
    expect(page.locator(".pk-section").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    before = _last_activity(room)
    with page.expect_request(re.compile(r"/api/kernels/[^/?]+\?no_track_activity=1$")) as check:
        page.locator("body").click(position={"x": 5, "y": 5})  # a click: the page checks soon
    assert check.value.response() is not None and check.value.response().ok  # type: ignore[union-attr]
    assert _last_activity(room) == before


def test_a_page_whose_kernel_stopped_tells_the_participant_to_reload(
    page: Page, room: Server, workbook: Path
) -> None:
    """Kernel gone (stopped, culled) → at the next answer a French alert; a reload shows what was saved."""
    _open_page(page, room)
    sheet = open_section(page, "action_sheet")
    title = sheet.locator("input[type=text], textarea").first
    before = stored_answers(workbook.parent)
    title.fill("Lire au parc")
    title.press("Tab")
    assert wait_for_change(workbook.parent, before)
    saved = stored_answers(workbook.parent)
    alert = page.get_by_role("alert").filter(has_text="plus reliée au serveur")
    expect(alert).to_be_hidden()
    response = page.request.delete(
        f"{room.url}/api/kernels/{_page_kernel(page)}?token={room.token}"
    )
    assert response.status == 204
    title.fill("Typed after the kernel stopped")  # cannot be saved: the alert must say so
    title.press("Tab")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Rechargez la page")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "room-connexion-perdue.png")
    if os.environ.get("PARLER_KIT_UPDATE_DOC_IMAGES") == "1":
        page.set_viewport_size({"width": 390, "height": 700})  # as on a phone
        page.screenshot(path=DOC_IMAGES / "room-connexion-perdue.png")
    alert.get_by_role("button", name="Recharger la page").click()
    expect(page.locator(".pk-section")).to_have_count(len(KINDS), timeout=120_000)
    reopened = open_section(page, "action_sheet").locator("input[type=text], textarea").first
    expect(reopened).to_have_value("Lire au parc")
    assert stored_answers(workbook.parent) == saved
    expect(alert).to_be_hidden()


@pytest.mark.parametrize("day", ["day2", "day3"])
def test_day_notebooks_open_in_voila_and_are_answered(
    page: Page, room: Server, releases: dict[str, Path], day: str
) -> None:
    """Each released notebook of the day opens in Voilà; its first exercise is answered and saved."""
    folder = releases[day]
    answered = []
    for notebook in sorted(folder.glob("*.ipynb")):
        kinds = shown_kinds(notebook)
        if not kinds:
            continue
        page.goto(f"{room.url}/voila/render/{day}/{notebook.name}?token={room.token}")
        sections = page.locator(".pk-section")
        try:
            expect(sections).to_have_count(len(kinds), timeout=60_000)
        except AssertionError:
            # Seen once in five full runs on a loaded 2-core machine: one exercise's view was
            # still missing two minutes after the page loaded (day2/02, 1 of 2 sections; to be
            # investigated, see the stop-9 note). A participant would reload; the test does it
            # once, and a page that stays incomplete still fails.
            page.reload()
            expect(sections).to_have_count(len(kinds), timeout=120_000)
        before = stored_answers(folder)
        act, _restored = EXERCISES[kinds[0]]
        body = page.locator(".pk-section").first.locator(".pk-kit").first
        body.wait_for(state="visible", timeout=30_000)
        act(page, body)
        assert wait_for_change(folder, before), notebook.name
        expect(page.get_by_text("Traceback (most recent call last)")).to_have_count(0)
        answered.append(notebook.name)
    assert len(answered) >= 3, answered
