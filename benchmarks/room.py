"""The training room at scale: 1 then N participants logging in to a real hub (issue 10 targets).

Prepares a room of N fictional participants (default 25) in a temporary folder, starts its hub
with `parler-kit room start --background`, then in Debian's Chromium (one browser context per
person, as separate devices):

1. one participant logs in alone: login → landing page, landing → workbook interactive;
2. the N participants log in within a minute (staggered starts), each opening their workbook.

« Interactive » = the workbook's first exercise widget is on the page (Voilà has rendered it).
Memory: the RSS of every process of the room (hub, proxy, services, each participant's server and
its Voilà kernels) is sampled every 0.5 s; the script prints the peak total and the median per
participant (their server + kernels). Targets: N = 25 fit in 8 GB; login → interactive workbook
≤ 5 s p50 alone, ≤ 20 s p95 for 25 within a minute.

With ``--wifi`` every device is on an emulated room Wi-Fi (150 ms, 4/1 Mbit/s, issue 26): one
device alone, then the others logging in within ``--spread`` seconds, each answering the quiz, then
all reloading within 10 s (`room_wifi`). ``--browsers K`` keeps K of the others in Chromium and
plays the rest without a browser (`room_protocol`: the same requests to the server, no JavaScript
run on the room's cores), so that the browsers measured are not slowed by 24 others. Targets: login → landing ≤ 2 s alone; landing → workbook
interactive ≤ 8 s p50, ≤ 20 s p95; reload → answer shown ≤ 5 s p50; 0 pages stuck, 0 answers lost.

Run: ``.venv/bin/python benchmarks/room.py [--participants 25] [--spread 60] [--http | --wifi [--browsers K]]``
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
from playwright.sync_api import Browser, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from browser.answering import shown_kinds  # noqa: E402  (the tests' helpers)
from parler_kit.room import RoomLayout  # noqa: E402
from room_protocol import ProtocolDevice, log_in, workbook_page  # noqa: E402
from room_wifi import Device, quiz_answer, run_wifi  # noqa: E402

SESSION = REPO / "examples" / "session.yaml"
EXAMPLE_ROSTER = REPO / "examples" / "roster.csv"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]  # fmt: skip
PARLER_KIT = str(Path(sys.executable).parent / "parler-kit")
FIRST_WIDGET = ".jupyter-widgets.widget-container, .widget-radio-box, .widget-button"


def write_roster(path: Path, count: int) -> None:
    """A roster of `count` fictional people (the example roster's professions, numbered names)."""
    with EXAMPLE_ROSTER.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["nom", "prénom", "profession", "structure", "email", "commune"])
        for index in range(count):
            model = rows[index % len(rows)]
            writer.writerow([f"Essai{index:02d}", model["prénom"], model["profession"],
                             model["structure"], "", model["commune"]])  # fmt: skip


def codes(room: Path) -> list[tuple[str, str]]:
    """(username, code) of every participant."""
    with (room / "acces" / "codes.csv").open(encoding="utf-8-sig", newline="") as handle:
        return [(r["identifiant"], r["code"]) for r in csv.DictReader(handle, delimiter=";")
                if not r["identifiant"].startswith("formateur-")]  # fmt: skip


@contextmanager
def running_room(room: Path, port: int) -> Iterator[str]:
    """The room's hub started in the background by the CLI; stopped by `room stop`."""
    subprocess.run([PARLER_KIT, "room", "start", str(room), "--port", str(port), "--background"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        # Run as root, the room isolates each participant in a system account: removed here.
        stop = [PARLER_KIT, "room", "stop", str(room)]
        subprocess.run(stop + (["--remove-accounts"] if os.geteuid() == 0 else []),
                       check=True, capture_output=True)  # fmt: skip


class MemorySampler(threading.Thread):
    """Samples the RSS of the room's processes (children of the hub) every 0.5 s."""

    def __init__(self, hub_pid: int) -> None:
        super().__init__(daemon=True)
        self.hub = psutil.Process(hub_pid)
        self.peak_total = 0
        self.per_server: dict[int, int] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            total = 0
            try:
                processes = [self.hub, *self.hub.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                try:
                    rss = process.memory_info().rss
                    total += rss
                    if "jupyterhub.singleuser" in " ".join(process.cmdline()):
                        kernels = sum(c.memory_info().rss for c in process.children(recursive=True))
                        self.per_server[process.pid] = max(
                            self.per_server.get(process.pid, 0), rss + kernels
                        )
                except psutil.Error:
                    continue
            self.peak_total = max(self.peak_total, total)
            time.sleep(0.5)


def one_login(browser: Browser, url: str, username: str, code: str) -> tuple[float, float]:
    """Seconds from pressing « Entrer » to the landing page, and to the workbook's first widget."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(300_000)
    page = context.new_page()
    try:
        page.goto(url + "hub/login")
        page.get_by_label("Identifiant").fill(username)
        page.get_by_label("Code d'accès").fill(code)
        start = time.monotonic()
        page.get_by_role("button", name="Entrer").click()
        page.get_by_role("link", name="Mon carnet de formation").wait_for()
        landing = time.monotonic() - start
        page.get_by_role("link", name="Mon carnet de formation").click()
        page.locator(FIRST_WIDGET).first.wait_for()
        return landing, time.monotonic() - start
    finally:
        context.close()


def http_login(url: str, username: str, code: str) -> tuple[float, float]:
    """Server-side seconds from the login POST to the landing page and to the workbook's page.

    No browser: Voilà runs the notebook before sending the page, so the page's arrival measures
    the room's own work; the device's rendering (about a second) is not included.
    """
    device = ProtocolDevice(0, username, code)
    log_in(url, device)  # times from the login POST, as a person pressing « Entrer »
    assert device.landing is not None
    start = time.monotonic()
    workbook_page(url, device)
    return device.landing, device.landing + time.monotonic() - start


#: The room's processes by what they are, from their command line (the first match wins).
ROLES = (
    ("kernels", ("parler_kit.page_kernel", "ipykernel")),
    ("servers", ("jupyterhub.singleuser",)),
    ("proxy", ("configurable-http-proxy",)),
)


#: What the finished children of a process of each role were.
_CHILDREN_ROLE = {"hub": "servers", "servers": "kernels"}


def _role(process: psutil.Process, hub: psutil.Process) -> str:
    """« hub », « kernels », « servers », « proxy » or « other » (services, helpers)."""
    if process.pid == hub.pid:
        return "hub"
    command = " ".join(process.cmdline())
    return next((role for role, marks in ROLES if any(m in command for m in marks)), "other")


def room_cpu_seconds(hub_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the room, by role: the hub and every process under it.

    Each process's own time, plus its finished children's under the children's role (a kernel
    that has stopped is counted by the server that waited for it: under « kernels »; a stopped
    server by the hub: under « servers »). A process that ended between two readings with its
    parent still unaware is missed: a slight under-count.
    """
    used: dict[str, float] = {}
    hub = psutil.Process(hub_pid)
    for process in [hub, *hub.children(recursive=True)]:
        try:
            times = process.cpu_times()
            role = _role(process, hub)
        except psutil.Error:
            continue
        children = _CHILDREN_ROLE.get(role, role)
        used[role] = used.get(role, 0.0) + times.user + times.system
        used[children] = used.get(children, 0.0) + times.children_user + times.children_system
    return used


def machine_cpu_seconds() -> float:
    """CPU seconds used so far by every process of the machine (the room, browsers, this script)."""
    times = psutil.cpu_times()
    return float(times.user + times.nice + times.system + times.irq + times.softirq)


def _hub_pid(room: Path) -> int:
    """The running hub's PID, as `room start` wrote it."""
    import json

    return int(json.loads((room / "hub" / "en-cours.json").read_text())["pid"])


#: What a participant's server logs when its next spare kernel is ready (`page_kernels`).
SPARE_READY = " ready for a page of "


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def browser_places(others: int, browsers: int) -> set[int]:
    """Which of the `others` devices (0-based) get a browser: `browsers` of them, evenly spread."""
    browsers = min(browsers, others)
    return {round(i * others / browsers) for i in range(browsers)} if browsers else set()


def wifi_scenarios(url: str, room: Path, people: list[tuple[str, str]], spread: float,
                   browsers: int) -> None:  # fmt: skip
    """One device alone, then the others within `spread` s, then the reload storm; print.

    Of the others, `browsers` are Chromium pages (what a person waits for, measured); the rest
    load the server as their pages would, without a browser (`room_protocol`).
    """
    folders = {p.name.lower(): p for p in (room / "participants").iterdir()}
    devices = [Device(i, u, c, folders[u]) for i, (u, c) in enumerate(people)]
    quiz = shown_kinds(devices[0].folder / "workbook.ipynb").index("quiz")
    run_wifi(url, devices[:1], quiz, spread=0, storm=0)
    alone = devices[0]
    print(f"1 device alone on the Wi-Fi: login → landing {alone.landing or float('nan'):.1f} s, "
          f"landing → workbook interactive {alone.workbook or float('nan'):.1f} s, "
          f"reload → answer shown {alone.reload or float('nan'):.1f} s  {alone.errors or ''}")  # fmt: skip
    places = browser_places(len(devices) - 1, browsers)
    others = [d for d in devices[1:] if d.index - 1 in places]
    without = [ProtocolDevice(d.index, d.username, d.code) for d in devices[1:]
               if d.index - 1 not in places]  # fmt: skip
    load = os.getloadavg()[0]
    started = time.monotonic()
    cpu: dict[str, dict[str, float]] = {}
    machine: dict[str, float] = {}
    log_size: dict[str, int] = {}
    hub = _hub_pid(room)
    hub_log = RoomLayout.at(room).hub_log

    def phase(name: str) -> None:
        cpu[name] = room_cpu_seconds(hub)
        machine[name] = machine_cpu_seconds()
        log_size[name] = hub_log.stat().st_size

    run_wifi(url, others, quiz, spread=spread, storm=10, without_browser=without, phase=phase)
    print(f"{len(others) + len(without)} devices within {spread:.0f} s, then all reloading within "
          f"10 s (load average at start {load:.1f}, {time.monotonic() - started:.0f} s); "
          f"{len(others)} in Chromium on the emulated Wi-Fi, {len(without)} without a browser:")  # fmt: skip
    for label, values, target in (
        ("login → landing", [d.landing for d in others], "≤ 2 s alone"),
        ("landing → workbook interactive", [d.workbook for d in others], "≤ 8 s p50, ≤ 20 s p95"),
        ("reload → answer shown", [d.reload for d in others], "≤ 5 s p50"),
        ("without a browser, server side: login → landing", [d.landing for d in without], ""),
        (
            "without a browser, server side: page → widgets' states",
            [d.workbook for d in without],
            "",
        ),
        (
            "without a browser, server side: reload → widgets' states",
            [d.reload for d in without],
            "",
        ),
    ):
        measured = [v for v in values if v is not None]
        if measured:
            print(f"  {label}: p50 {statistics.median(measured):.1f} s, "
                  f"p95 {percentile(measured, 95):.1f} s, max {max(measured):.1f} s "
                  f"(n = {len(measured)}{'; target ' + target if target else ''})")  # fmt: skip
    stuck = [d.username for d in [*others, *without] if "stuck after reload" in d.errors]
    lost = [
        d.username for d in devices if d.answer is not None and quiz_answer(d.folder) != d.answer
    ]
    failed = {d.username: d.errors for d in [*others, *without]
              if d.errors and d.username not in stuck}  # fmt: skip
    if {"storm", "after storm"} <= cpu.keys():
        reloads = len(devices) - 1
        by_role = {role: cpu["after storm"].get(role, 0.0) - cpu["storm"].get(role, 0.0)
                   for role in cpu["after storm"]}  # fmt: skip
        used = sum(by_role.values())
        everything = machine["after storm"] - machine["storm"]
        print(f"  the room's CPU during the reload storm: {used:.0f} s for {reloads} reloads, "
              f"{used / reloads:.2f} s per reload ({os.cpu_count()} cores): "
              + ", ".join(f"{role} {seconds / reloads:.2f} s" for role, seconds
                          in sorted(by_role.items(), key=lambda item: -item[1]))
              + f"; the whole machine (browsers and this script too) {everything:.0f} s")  # fmt: skip
        with hub_log.open("rb") as log:
            log.seek(log_size["storm"])
            during = log.read(log_size["after storm"] - log_size["storm"]).decode(
                "utf-8", "replace"
            )
        print(f"  spare kernels made ready during the storm: {during.count(SPARE_READY)} "
              f"(page_kernels waits for quiet processors)")  # fmt: skip
    print(f"  pages stuck: {len(stuck)} {stuck or ''}; answers lost: {len(lost)} {lost or ''}; "
          f"other failures: {len(failed)} {failed or ''}")  # fmt: skip


def main() -> None:
    """Prepare, start, measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument(
        "--spread", type=float, default=60.0, help="seconds over which logins start"
    )
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--http", action="store_true",
                        help="log the group in without browsers (server-side time only)")  # fmt: skip
    parser.add_argument("--wifi", action="store_true",
                        help="every device on an emulated room Wi-Fi, then a reload storm")  # fmt: skip
    parser.add_argument("--browsers", type=int, default=None,
                        help="--wifi: how many of the others run in Chromium (default: all); "
                             "the rest load the server without a browser")  # fmt: skip
    args = parser.parse_args()
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp).chmod(0o711)  # the participants' accounts cross it to reach their folder
        roster, room = Path(tmp) / "liste.csv", Path(tmp) / "ROOM"
        write_roster(roster, args.participants)
        started = time.monotonic()
        subprocess.run([PARLER_KIT, "room", "prepare", str(roster), "--session", str(SESSION),
                        "--out", str(room)], check=True, capture_output=True)  # fmt: skip
        print(f"room prepare, {args.participants} participants: {time.monotonic() - started:.0f} s")
        people = codes(room)
        if args.wifi:  # asyncio's own loop: outside sync_playwright's
            with running_room(room, args.port) as url:
                sampler = MemorySampler(_hub_pid(room))
                sampler.start()
                wifi_scenarios(
                    url,
                    room,
                    people,
                    args.spread,
                    len(people) if args.browsers is None else args.browsers,
                )
                sampler.stopped.set()
                sampler.join()
            print(
                f"peak memory of the whole room: {sampler.peak_total / 2**30:.2f} GB (target ≤ 8 GB)"
            )
            return
        with running_room(room, args.port) as url, sync_playwright() as playwright:
            sampler = MemorySampler(_hub_pid(room))
            sampler.start()
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            alone = one_login(browser, url, *people[0])
            print(
                f"1 participant: login → landing {alone[0]:.1f} s, login → workbook interactive {alone[1]:.1f} s"
            )
            results: list[tuple[float, float]] = []
            lock = threading.Lock()

            def run(index: int, username: str, code: str) -> None:
                time.sleep(index * args.spread / max(1, len(people) - 1))
                if args.http:
                    outcome = http_login(url, username, code)
                    with lock:
                        results.append(outcome)
                    return
                with sync_playwright() as own:
                    own_browser = own.chromium.launch(
                        executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
                    )
                    try:
                        result = one_login(own_browser, url, username, code)
                    finally:
                        own_browser.close()
                with lock:
                    results.append(result)

            threads = [
                threading.Thread(target=run, args=(i, u, c)) for i, (u, c) in enumerate(people[1:])
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            browser.close()
            sampler.stopped.set()
            sampler.join()
        landing = [r[0] for r in results]
        workbook = [r[1] for r in results]
        mode = "server side, no browser" if args.http else "one Chromium each, on this machine"
        print(f"{len(results)} participants within {args.spread:.0f} s ({mode}): "
              f"login → landing p50 {statistics.median(landing):.1f} s, p95 {percentile(landing, 95):.1f} s; "
              f"login → workbook interactive p50 {statistics.median(workbook):.1f} s, "
              f"p95 {percentile(workbook, 95):.1f} s")  # fmt: skip
        per_server = sorted(sampler.per_server.values())
        if per_server:
            print(f"memory per participant (server + kernels): median {statistics.median(per_server) / 2**20:.0f} MB, "
                  f"max {per_server[-1] / 2**20:.0f} MB")  # fmt: skip
        print(f"peak memory of the whole room: {sampler.peak_total / 2**30:.2f} GB (target ≤ 8 GB)")
        print("targets: alone ≤ 5 s p50; 25 within a minute ≤ 20 s p95")


if __name__ == "__main__":
    main()
