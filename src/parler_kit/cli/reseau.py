"""``parler-kit reseau bilan``: several sessions added up into the network's bilan."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.content import load_bank
from parler_kit.i18n import ui_text


@click.group(help=ui_text("cli.reseau.help"))
def reseau() -> None:
    """Commands for the network of sessions."""


@reseau.command("bilan", help=ui_text("cli.reseau.bilan.help"))
@click.argument("folders", metavar="SESSION_DIR...", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))  # fmt: skip
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=ui_text("cli.reseau.out_option"))  # fmt: skip
def bilan(folders: tuple[Path, ...], out: Path) -> None:
    """Build each session's bilan from its folder, add them up, write the PDF."""
    # Imported here: the report pulls in WeasyPrint and matplotlib, which --help does not need.
    from parler_kit.reseau import network_bilan, session_bilan, write_network_bilan

    bank = load_bank()
    bilans = [session_bilan(bank, folder) for folder in folders]
    for one in bilans:
        for left in one.inputs.left_out:
            click.echo(ui_text("cli.report.left_out", path=left.path, reason=left.reason), err=True)
    path = write_network_bilan(network_bilan(bank, bilans), bank, out)
    click.echo(ui_text("cli.reseau.written", path=path))
