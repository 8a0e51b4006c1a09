"""The tests' servers start on a free port even when another program takes the chosen one first.

`serve_on_free_port` (tests/browser/jupyter_servers.py) starts every server of the browser and
live tests; ``parler-kit live`` is the lightest of them, so it stands for all here.
"""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import jupyter_servers
from browser.jupyter_servers import ServerStopped
from live.live_server import run_live


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port of 127.0.0.1 that another program listens on for the whole test."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


def test_a_server_whose_port_was_taken_is_started_again_on_another(
    tmp_path: Path, taken_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First port taken → the server says « déjà pris », is started again elsewhere and answers."""
    real_free_port = jupyter_servers.free_port
    chosen = iter([taken_port])
    monkeypatch.setattr(
        jupyter_servers, "free_port", lambda: next(chosen, None) or real_free_port()
    )
    state = tmp_path / "state"
    with run_live(tmp_path, state) as server:
        assert server.url != f"http://127.0.0.1:{taken_port}"
        with urllib.request.urlopen(server.url + "/", timeout=10) as response:
            assert response.status == 200
    log = (state / "live.log").read_text("utf-8")
    assert f"Le port {taken_port} de 127.0.0.1 est déjà pris" in log


def test_a_server_that_stops_for_another_reason_is_not_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server stopping early for another reason (no such folder) fails at the first start."""
    starts: list[int] = []
    real_free_port = jupyter_servers.free_port

    def counting_free_port() -> int:
        starts.append(1)
        return real_free_port()

    monkeypatch.setattr(jupyter_servers, "free_port", counting_free_port)
    with pytest.raises(ServerStopped), run_live(tmp_path / "absent", tmp_path / "state"):
        pass
    assert len(starts) == 1
