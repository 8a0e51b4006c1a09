"""Run the live view until interrupted: alone on 127.0.0.1, or as a JupyterHub service."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import errno
import socket
from pathlib import Path

from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.web import Application

from parler_kit.content import load_bank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.live.server import LiveService, poller
from parler_kit.live.state import LiveState


def service_for(
    folder: Path, prefix: str = "/", address: str | None = None, last_day: dt.date | None = None
) -> LiveService:
    """The shared service over a class folder (read once at start, then polled).

    `last_day` is the session's last day when known (see `LiveState`).
    """
    return LiveService(LiveState(folder, load_bank(), last_day), prefix, address)


def bind(host: str, port: int) -> list[socket.socket]:
    """The listening sockets; a port already in use is a French error naming it."""
    try:
        return bind_sockets(port, address=host)
    except OSError as error:
        key = "live.error.port_taken" if error.errno == errno.EADDRINUSE else "live.error.port"
        code = errno.errorcode.get(error.errno or 0, str(error.errno))
        raise ParlerKitError(ui_text(key, host=host, port=port, code=code)) from None


async def serve(app: Application, live: LiveService, sockets: list[socket.socket]) -> None:
    """Serve on the sockets and poll the class folder until the task is cancelled."""
    server = HTTPServer(app)
    server.add_sockets(sockets)
    callback = poller(live)
    callback.start()
    try:
        await asyncio.Event().wait()
    finally:
        callback.stop()
        server.stop()


def run(app: Application, live: LiveService, sockets: list[socket.socket]) -> None:
    """Serve until Ctrl-C (or SIGTERM, which Python turns into an exit)."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(app, live, sockets))
