"""The room on an emulated Wi-Fi: N devices log in within a minute, then all reload (issue 26).

Called by ``benchmarks/room.py --wifi`` on a running room. One Chromium, one context per device
(phone- and tablet-sized in turn), each on the room's Wi-Fi as `browser.room_wifi` emulates it
(150 ms, 4 Mbit/s down, 1 Mbit/s up, per device). Two scenarios:

1. **Logins**: the devices start over `spread` seconds; each logs in (login → landing page),
   opens its workbook (landing → first exercise interactive), answers the quiz's first question
   (option by device number) and presses « Valider ma réponse »; its answers file is read to
   check the answer arrived.
2. **Reload storm**: every device reloads within `storm` seconds; « answers shown » is the page
   back and its quiz, opened, showing that device's option checked. A page not back within
   `stuck_after` seconds is stuck; an answers file whose quiz answer changed lost it.

All browsers run on the room's own 2 cores here, unlike a room where each device has its own
processor: the figures are an upper bound of what the server and the Wi-Fi cost. Devices given as
`without_browser` (`room_protocol`) take their turn in both scenarios and load the server as their
pages would, without running Chromium on those cores.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, async_playwright

from browser.room_wifi import ROOM_WIFI
from room_protocol import ProtocolDevice, leave_page, open_workbook

DEVICES = ({"width": 390, "height": 844}, {"width": 820, "height": 1180})
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]  # fmt: skip
FIRST_INTERACTIVE = ".pk-kit:not(.pk-section) input:not([disabled]), .pk-kit:not(.pk-section) button:not([disabled])"


@dataclass
class Device:
    """One participant's device and what was measured on it."""

    index: int
    username: str
    code: str
    folder: Path
    page: Page | None = None
    landing: float | None = None
    workbook: float | None = None
    reload: float | None = None
    answer: Any = None
    errors: list[str] = field(default_factory=list)


def quiz_answer(folder: Path) -> Any:
    """The value stored for the quiz's first question in the workbook's answers file (or None)."""
    path = folder / "workbook.answers.json"
    if not path.is_file():
        return None
    answers = json.loads(path.read_text("utf-8")).get("answers", {})
    quiz = {k: v for k, v in answers.items() if "quiz" in k}
    return json.dumps(quiz, sort_keys=True) if quiz else None


async def _section(page: Page, kind_index: int) -> Any:
    """Open the section at `kind_index` (if folded) and return its widget."""
    section = page.locator(".pk-section").nth(kind_index)
    toggle = section.locator(".pk-section-toggle")
    if "Ouvrir" in (await toggle.text_content() or ""):
        await toggle.click()
    body = section.locator(".pk-kit").first
    await body.wait_for(state="visible", timeout=120_000)
    return body


async def _log_in_and_answer(browser: Browser, url: str, device: Device, quiz_index: int) -> None:
    context = await browser.new_context(
        locale="fr-FR", viewport=DEVICES[device.index % 2], has_touch=True
    )
    context.set_default_timeout(180_000)
    page = device.page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", ROOM_WIFI)
    await page.goto(url + "hub/login")
    await page.get_by_label("Identifiant").fill(device.username)
    await page.get_by_label("Code d'accès").fill(device.code)
    start = time.monotonic()
    await page.get_by_role("button", name="Entrer").click()
    link = page.get_by_role("link", name="Mon carnet de formation")
    await link.wait_for()
    device.landing = time.monotonic() - start
    start = time.monotonic()
    await link.click()
    await page.locator(FIRST_INTERACTIVE).first.wait_for(state="visible")
    device.workbook = time.monotonic() - start
    before = quiz_answer(device.folder)
    quiz = await _section(page, quiz_index)
    radios = quiz.locator(".widget-radio-box").first.locator("input[type=radio]")
    await radios.nth(device.index % await radios.count()).check()
    await quiz.get_by_role("button", name="Valider ma réponse").first.click()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and quiz_answer(device.folder) == before:
        await asyncio.sleep(0.2)
    device.answer = quiz_answer(device.folder)
    if device.answer == before:
        device.errors.append("answer never reached the file")


async def _reload_and_find(device: Device, quiz_index: int, stuck_after: float) -> None:
    page = device.page
    assert page is not None
    start = time.monotonic()
    await page.reload(wait_until="commit")
    try:
        quiz = await asyncio.wait_for(_section(page, quiz_index), stuck_after)
        radios = quiz.locator(".widget-radio-box").first.locator("input[type=radio]")
        chosen = radios.nth(device.index % await radios.count())
        deadline = time.monotonic() + stuck_after
        while not await chosen.is_checked():
            if time.monotonic() > deadline:
                raise TimeoutError
            await asyncio.sleep(0.1)
        device.reload = time.monotonic() - start
    except TimeoutError:
        device.errors.append("stuck after reload")


async def _run(url: str, devices: list[Device], quiz_index: int, spread: float, storm: float,
               stuck_after: float, without_browser: list[ProtocolDevice],
               phase: Callable[[str], None]) -> None:  # fmt: skip
    count = len(devices) + len(without_browser)
    first = min(d.index for d in [*devices, *without_browser])

    def delay(index: int, over: float) -> float:
        return (index - first) * over / max(1, count - 1)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )

        async def login(device: Device) -> None:
            await asyncio.sleep(delay(device.index, spread))
            try:
                await _log_in_and_answer(browser, url, device, quiz_index)
            except Exception as error:
                device.errors.append(f"login: {type(error).__name__}: {error}"[:200])

        async def login_without_browser(device: ProtocolDevice) -> None:
            await asyncio.sleep(delay(device.index, spread))
            try:
                device.workbook = await open_workbook(url, device, first=True)
            except Exception as error:
                device.errors.append(f"login: {type(error).__name__}: {error}"[:200])

        await asyncio.gather(*(login(d) for d in devices),
                             *(login_without_browser(d) for d in without_browser))  # fmt: skip

        async def reload(device: Device) -> None:
            await asyncio.sleep(delay(device.index, storm))
            if device.page is not None and device.answer is not None:
                await _reload_and_find(device, quiz_index, stuck_after)

        async def reload_without_browser(device: ProtocolDevice) -> None:
            await asyncio.sleep(delay(device.index, storm))
            if device.workbook is None:
                return
            start = time.monotonic()
            try:
                await leave_page(url, device)
                await asyncio.wait_for(open_workbook(url, device, first=False), stuck_after)
                device.reload = time.monotonic() - start
            except TimeoutError:
                device.errors.append("stuck after reload")
            except Exception as error:
                device.errors.append(f"reload: {type(error).__name__}: {error}"[:200])

        phase("storm")
        await asyncio.gather(*(reload(d) for d in devices),
                             *(reload_without_browser(d) for d in without_browser))  # fmt: skip
        phase("after storm")
        for device in without_browser:
            await leave_page(url, device)
        await browser.close()


def run_wifi(url: str, devices: list[Device], quiz_index: int, *, spread: float = 60.0,
             storm: float = 10.0, stuck_after: float = 120.0,
             without_browser: list[ProtocolDevice] | None = None,
             phase: Callable[[str], None] = lambda name: None) -> None:  # fmt: skip
    """Run both scenarios on `devices` and `without_browser` (their fields get what was measured).

    Each device starts at its place in the room (its `index`) within `spread`, and reloads at its
    place within `storm`, whether it has a browser or not. `phase` is told when the reload storm
    begins (« storm ») and ends (« after storm »).
    """
    asyncio.run(
        _run(url, devices, quiz_index, spread, storm, stuck_after, without_browser or [], phase)
    )
