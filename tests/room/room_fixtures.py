"""A prepared room and its running hub, shared by the room tests (both are slow to make).

The room is prepared and the hub started through the real ``parler-kit`` command, with ``HOME``
pointing at an empty folder that the tests later check is still empty. The hub binds 127.0.0.1,
is stopped by ``parler-kit room stop`` (by its PID) at the end of the session.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser.jupyter_servers import PORT_ATTEMPTS, free_port, port_taken_since
from parler_kit.room import RoomLayout, running_hub
from parler_kit.room.isolation import remove_system_accounts
from parler_kit.room.settings import server_config_dir

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "tests" / "data" / "room" / "roster.csv"
SESSION = REPO / "examples" / "session.yaml"
#: A copy of the test room's hub log, left in the temporary folder when the room is removed.
LAST_HUB_LOG = Path(tempfile.gettempdir()) / "parler_kit-salle-de-test.log"
PARLER_KIT = [str(Path(sys.executable).parent / "parler-kit")]
#: What the tests do to the test room's eight participants (by index): the first six can log in
#: all session long (six devices reload together in test_wifi.py); the seventh is blocked for a
#: minute by wrong codes; the eighth has their server stopped, then is erased.
BLOCKED, ENDED = 6, 7


@dataclass(frozen=True)
class Person:
    """One line of the room's codes.csv."""

    username: str
    last_name: str
    first_name: str
    role: str
    code: str


@dataclass(frozen=True)
class PreparedRoom:
    """A room folder prepared by the CLI, the HOME it ran with, and its people."""

    layout: RoomLayout
    home: Path
    people: tuple[Person, ...]

    @property
    def participants(self) -> tuple[Person, ...]:
        """Participants, in roster order."""
        return tuple(p for p in self.people if not p.username.startswith("formateur-"))

    @property
    def trainers(self) -> tuple[Person, ...]:
        """Trainers, in session order."""
        return tuple(p for p in self.people if p.username.startswith("formateur-"))


def cli_env(home: Path) -> dict[str, str]:
    """The environment the commands run with: a HOME of their own, the kit's venv first on PATH."""
    return {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }


def run_cli(*args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``parler-kit ARGS`` in a subprocess, as an organiser or trainer would."""
    result = subprocess.run(
        [*PARLER_KIT, *args], env=cli_env(home), capture_output=True, text=True, timeout=600
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"parler-kit {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result


def read_codes(path: Path) -> tuple[Person, ...]:
    """The people of ``acces/codes.csv``."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return tuple(
        Person(r["identifiant"], r["nom"], r["prénom"], r["rôle"], r["code"]) for r in rows
    )


@pytest.fixture(scope="session")
def prepared_room() -> Iterator[PreparedRoom]:
    """A room prepared from an 8-participant roster (`BLOCKED`, `ENDED`), day 1 released, via the CLI.

    Its folder is outside pytest's own temporary folder, which is closed to other accounts
    (0700): the participants' servers run as their own system accounts and must reach their
    folder, as in a room on a trainer's computer (`room start` refuses a closed folder).
    """
    base = Path(tempfile.mkdtemp(prefix="parler-kit-salle-"))
    base.chmod(0o711)
    home = base / "home"
    home.mkdir()
    run_cli("room", "prepare", str(ROSTER), "--session", str(SESSION), "--out",
            str(base / "ROOM"), "--release", "day1", home=home)  # fmt: skip
    layout = RoomLayout.at(base / "ROOM")
    try:
        yield PreparedRoom(layout, home, read_codes(layout.codes_csv))
    finally:
        remove_system_accounts(layout)
        if layout.hub_log.is_file():  # kept for a failed run's diagnosis (the room goes)
            shutil.copyfile(layout.hub_log, LAST_HUB_LOG)
        shutil.rmtree(base, ignore_errors=True)


@dataclass(frozen=True)
class Hub:
    """The running hub of the prepared room."""

    room: PreparedRoom
    url: str
    pid: int


@pytest.fixture(scope="session")
def room_hub(prepared_room: PreparedRoom) -> Iterator[Hub]:
    """The prepared room's hub, started in the background by the CLI and stopped by its PID."""
    root = str(prepared_room.layout.root)
    # As if the room had been prepared by an earlier version of the kit: `room start` must give
    # the servers this version's settings (the page tests rely on the template they name).
    earlier = server_config_dir(prepared_room.layout, "participant") / "jupyter_server_config.json"
    earlier.write_text('{"ServerApp": {"terminals_enabled": false}}\n', "utf-8")
    log = prepared_room.layout.hub_log
    try:
        yield _start(prepared_room, root, log)
    finally:
        run_cli("room", "stop", root, home=prepared_room.home)


def _start(prepared_room: PreparedRoom, root: str, log: Path) -> Hub:
    """``room start --background`` on a free port (again when another program took it first)."""
    result = None
    for _attempt in range(PORT_ATTEMPTS):
        written = log.stat().st_size if log.exists() else 0
        result = run_cli("room", "start", root, "--port", str(free_port()), "--background",
                         home=prepared_room.home, check=False)  # fmt: skip
        if result.returncode == 0:
            break
        # The port was free when chosen; start again only if another program took it since
        # (the proxy says « address already in use » in the hub's log). Any other failure is
        # reported at once.
        if not port_taken_since(log, written):
            break
    assert result is not None and result.returncode == 0, result and result.stderr
    hub = running_hub(prepared_room.layout)
    assert hub is not None
    return Hub(prepared_room, f"http://127.0.0.1:{hub.port}/", hub.pid)


@pytest.fixture
def contexts(chromium: Browser) -> Iterator[list[BrowserContext]]:
    """Separate browser contexts (one per person, as separate devices), closed after the test."""
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def new_device(chromium: Browser, contexts: list[BrowserContext]) -> Page:
    """A fresh browser (cookies of its own) in French."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(120_000)
    contexts.append(context)
    return context.new_page()


def log_in(page: Page, hub: Hub, person: Person, code: str | None = None) -> None:
    """Type the username and code of the access card on the login page and press « Entrer »."""
    page.goto(hub.url + "hub/login")
    page.get_by_label("Identifiant").fill(person.username)
    page.get_by_label("Code d'accès").fill(code if code is not None else person.code)
    page.get_by_role("button", name="Entrer").click()


def folder_of(hub: Hub, person: Person) -> Path:
    """The participant's own folder in the room."""
    participants = hub.room.layout.participants
    return next(p for p in participants.iterdir() if p.name.lower() == person.username)
