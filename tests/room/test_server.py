"""The room's hub: failures told in French, failed pages counted, nothing left after a stop.

`room stop` leaves nothing of the room running, even when the hub had to be killed.
"""

from __future__ import annotations

import email.message
import pwd
import shutil
import tempfile
import time
import urllib.error
from pathlib import Path

import psutil
import pytest
import requests

from browser.jupyter_servers import free_port
from parler_kit.room import RoomLayout
from parler_kit.room import server as room_server
from parler_kit.room.isolation import load_system_accounts, remove_system_accounts
from parler_kit.room.server import failed_pages, hub_failure
from parler_kit.room.spawner import SERVER_LOG_FORMAT
from room.room_fixtures import ROSTER, SESSION, read_codes, run_cli


def test_an_http_error_names_its_code_in_french() -> None:
    """A 500 from the hub: « le serveur de la salle a répondu par l'erreur 500 »."""
    error = urllib.error.HTTPError("http://127.0.0.1:8000/", 500, "Internal Server Error",
                                   email.message.Message(), None)  # fmt: skip
    assert hub_failure(error) == "le serveur de la salle a répondu par l'erreur 500"


def test_a_refused_connection_or_a_timeout_is_said_in_french() -> None:
    """A hub that does not listen, or does not answer in time: plain French, no English."""
    refused = urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
    assert hub_failure(refused).startswith("connexion refusée")
    assert hub_failure(TimeoutError("timed out")) == "pas de réponse dans le temps imparti"


def test_failed_pages_are_counted_per_person_from_this_starts_lines(tmp_path: Path) -> None:
    """A kernel that never answered or died, in a person's server's lines since the start, counts."""
    layout = RoomLayout.at(tmp_path)
    layout.hub.mkdir()
    stalled = (
        "[E 2026-12-07 09:00:01.000 ServerApp {user}] Error occurred while starting new kernel "
        "client for kernel 558a423e: Kernel didn't respond in 60 seconds\n"
    )
    layout.hub_log.write_text(stalled.format(user="zoe"), "utf-8")  # an earlier start
    offset = layout.hub_log.stat().st_size
    with layout.hub_log.open("a", encoding="utf-8") as log:
        log.write(stalled.format(user="zoe") + stalled.format(user="zoe"))
        log.write("[I 2026-12-07 09:00:02.000 ServerApp leo] Kernel started: 1234\n")
        log.write("[W 2026-12-07 09:00:03.000 ServerApp leo] KernelRestarter: kernel died\n")
        log.write("[W 2026-12-07 09:00:04.000 ServerApp leo] 403 GET /user/leo/api/contents\n")
    assert failed_pages(layout, offset) == {"zoe": 2, "leo": 1}


def test_a_participants_server_logs_lines_naming_them(tmp_path: Path) -> None:
    """The spawner's log format puts the username after the logger's name, as the counter reads."""
    line = SERVER_LOG_FORMAT.format(username="zoe") % {
        "levelname": "E", "asctime": "2026-12-07 09:00:01", "msecs": 0, "name": "ServerApp",
        "message": "Error occurred while starting new kernel client: Kernel didn't respond",
    }  # fmt: skip
    layout = RoomLayout.at(tmp_path)
    layout.hub.mkdir()
    layout.hub_log.write_text(line + "\n", "utf-8")
    assert failed_pages(layout, 0) == {"zoe": 1}


def _log_in_and_wait_for_the_server(url: str, username: str, code: str) -> None:
    """Log in through the hub's form, as a browser would, until the person's server answers."""
    session = requests.Session()
    session.get(url + "hub/login", timeout=60)
    session.post(url + "hub/login?next=", timeout=120,
                 data={"username": username, "password": code,
                       "_xsrf": session.cookies.get("_xsrf")})  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if session.get(url + f"user/{username}/files/accueil.html", timeout=60).ok:
            return
        time.sleep(0.5)
    raise AssertionError(f"{username}'s server never answered")


def _left_running(layout: RoomLayout, system_users: set[str]) -> list[str]:
    """Processes of the room's accounts, or naming the room's folder, still running."""
    found = []
    for process in psutil.process_iter(["username", "cmdline"]):
        command = " ".join(process.info["cmdline"] or [])
        if process.info["username"] in system_users or str(layout.root) in command:
            found.append(f"{process.info['username']}: {command[:120]}")
    return found


def test_stopping_a_room_whose_hub_must_be_killed_leaves_nothing_running_and_frees_the_accounts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hub killed at once: its services and servers are stopped too, and the accounts deleted."""
    base = Path(tempfile.mkdtemp(prefix="parler-kit-salle-"))
    base.chmod(0o711)
    home = base / "home"
    home.mkdir()
    roster = base / "liste.csv"
    roster.write_text("".join(ROSTER.read_text("utf-8-sig").splitlines(keepends=True)[:3]), "utf-8")
    layout = RoomLayout.at(base / "ROOM")
    try:
        run_cli("room", "prepare", str(roster), "--session", str(SESSION), "--out",
                str(layout.root), home=home)  # fmt: skip
        port = free_port()
        run_cli("room", "start", str(layout.root), "--port", str(port), "--background", home=home)
        person = read_codes(layout.codes_csv)[0]
        _log_in_and_wait_for_the_server(f"http://127.0.0.1:{port}/", person.username, person.code)
        accounts = load_system_accounts(layout)
        assert accounts is not None
        system_users = set(accounts.by_username.values())
        assert _left_running(layout, system_users)  # the room runs: its server, services…
        # As when 25 servers take longer to close than the hub is given: killed at once.
        monkeypatch.setattr(room_server, "STOP_TIMEOUT_S", 0.0)
        stopped = room_server.stop_hub(layout)
        assert _left_running(layout, system_users) == []
        assert stopped is not None and stopped.leftovers >= 3  # services and the server at least
        remove_system_accounts(layout)
        still = []
        for name in system_users:
            try:
                pwd.getpwnam(name)
                still.append(name)
            except KeyError:
                pass
        assert still == []
    finally:
        run_cli("room", "stop", str(layout.root), "--remove-accounts", home=home, check=False)
        shutil.rmtree(base, ignore_errors=True)
