"""``parler-kit live FOLDER``: the trainer's live class view on 127.0.0.1, without a hub."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.i18n import ui_text
from parler_kit.roster import load_session


@click.command(help=ui_text("cli.live.help"))
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535),
              help=ui_text("cli.live.port_option"))  # fmt: skip
@click.option("--address", default=None, help=ui_text("cli.live.address_option"))
@click.option("--session", "session_file", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=ui_text("cli.live.session_option"))  # fmt: skip
def live(folder: Path, port: int, address: str | None, session_file: Path | None) -> None:
    """Serve the live view of FOLDER (one sub-folder per participant) until Ctrl-C."""
    # Imported here: tornado and the content bank are not needed for --help.
    from parler_kit.live.run import bind, run, service_for
    from parler_kit.live.server import make_app

    last_day = load_session(session_file).days[-1] if session_file is not None else None
    sockets = bind("127.0.0.1", port)
    service = service_for(folder, "/", address, last_day)
    click.echo(ui_text("cli.live.serving", url=f"http://127.0.0.1:{port}/", folder=folder))
    run(make_app(service), service, sockets)
