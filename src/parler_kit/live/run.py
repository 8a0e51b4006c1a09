"""Run the live view until interrupted: alone on 127.0.0.1, or as a JupyterHub service."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from tornado.web import Application

from parler_kit.content import load_bank
from parler_kit.live.server import LiveService, poller
from parler_kit.live.state import LiveState


def service_for(folder: Path, prefix: str = "/", address: str | None = None) -> LiveService:
    """The shared service over a class folder (read once at start, then polled)."""
    return LiveService(LiveState(folder, load_bank()), prefix, address)


async def serve(app: Application, live: LiveService, host: str, port: int) -> None:
    """Listen on host:port and poll the class folder until the task is cancelled."""
    server = app.listen(port, address=host)
    callback = poller(live)
    callback.start()
    try:
        await asyncio.Event().wait()
    finally:
        callback.stop()
        server.stop()


def run(app: Application, live: LiveService, host: str, port: int) -> None:
    """Serve until Ctrl-C (or SIGTERM, which Python turns into an exit)."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(app, live, host, port))
