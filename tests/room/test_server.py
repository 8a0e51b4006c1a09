"""Failures talking to the room's hub are told in French; failed pages are counted from its log."""

from __future__ import annotations

import email.message
import urllib.error
from pathlib import Path

from parler_kit.room import RoomLayout
from parler_kit.room.server import failed_pages, hub_failure
from parler_kit.room.spawner import SERVER_LOG_FORMAT


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
