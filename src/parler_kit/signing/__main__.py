"""``python -m parler_kit.signing --hub-service FOLDER``: the room's ``emargement`` hub service."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from pathlib import Path

from tornado.httpserver import HTTPServer

from parler_kit.live.hub import hub_bind, hub_prefix
from parler_kit.live.run import bind
from parler_kit.signing.records import Register
from parler_kit.signing.service import signing_app

#: The largest request the service reads (a signature's PNG, base64, is at most ~400 kB).
MAX_BODY_BYTES = 1_000_000


async def _serve(folder: Path) -> None:
    register = Register(folder)
    # The client's address as the hub's proxy saw it (X-Forwarded-For, last hop): only the proxy
    # reaches this port (127.0.0.1).
    # A drawn signature is a few tens of kB: a request body is refused above MAX_BODY_BYTES.
    server = HTTPServer(
        signing_app(register, hub_prefix("/services/emargement/")),
        xheaders=True,
        max_body_size=MAX_BODY_BYTES,
    )
    server.add_sockets(bind(*hub_bind(10103)))
    try:
        await asyncio.Event().wait()
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and serve with the hub's environment until stopped."""
    parser = argparse.ArgumentParser(prog="python -m parler_kit.signing")
    parser.add_argument("--hub-service", type=Path, required=True, metavar="FOLDER")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[emargement] %(levelname)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.hub_service))


if __name__ == "__main__":
    main()
