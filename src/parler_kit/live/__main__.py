"""``python -m parler_kit.live --hub-service FOLDER [--address URL] [--last-day YYYY-MM-DD]``.

The hub's ``classe`` service. ``--last-day`` is the session's last day: a lone positioning answer
given that day counts as an end answer, as in the bilan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

from parler_kit.live.hub import hub_app, hub_bind, hub_prefix
from parler_kit.live.run import bind, run, service_for


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and run the service with the hub's environment."""
    parser = argparse.ArgumentParser(prog="python -m parler_kit.live")
    parser.add_argument("--hub-service", type=Path, required=True, metavar="FOLDER")
    parser.add_argument("--address", default=None, help="room address for the join panel")
    parser.add_argument(
        "--last-day", type=dt.date.fromisoformat, default=None, help="the session's last day"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[classe] %(levelname)s %(message)s")
    sockets = bind(*hub_bind())
    live = service_for(args.hub_service, hub_prefix(), args.address, args.last_day)
    run(hub_app(live), live, sockets)


if __name__ == "__main__":
    main()
