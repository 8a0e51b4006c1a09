"""Start ``parler-kit live`` on 127.0.0.1 for a test, and stop it by its PID."""

from __future__ import annotations

import http.client
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from browser.jupyter_servers import Server, jupyter_env, serve_on_free_port

CLI = str(Path(sys.executable).parent / "parler-kit")


@contextmanager
def run_live(folder: Path, state_home: Path, address: str = "") -> Iterator[Server]:
    """`parler-kit live FOLDER` on a free port (another if it was taken), stopped by PID on exit.

    Its log is ``live.log`` in `state_home`.
    """
    state_home.mkdir(parents=True, exist_ok=True)

    def command(port: int) -> list[str]:
        return [
            CLI,
            "live",
            str(folder),
            f"--port={port}",
            *([f"--address={address}"] if address else []),
        ]

    with serve_on_free_port(
        command, "/", "", state_home, jupyter_env(state_home), state_home / "live.log"
    ) as server:
        yield Server(url=server.url, token="", root=folder, process=server.process)


def first_event(url: str, path: str) -> dict[str, Any]:
    """The first server-sent event of a stream, decoded (the connection is then closed)."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type", "").startswith("text/event-stream")
        while True:
            line = response.readline().decode("utf-8")
            if line.startswith("data: "):
                data: dict[str, Any] = json.loads(line.removeprefix("data: "))
                return data
    finally:
        connection.close()
