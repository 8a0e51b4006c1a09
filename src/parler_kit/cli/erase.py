"""``parler-kit erase``: remove one participant's data wherever the kit wrote it (RGPD).

Parses the options, finds the nbgrader course, calls `parler_kit.erase.erase_participant` (the
ordered steps live there) and prints one line per outcome.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from parler_kit.course import load_course_config
from parler_kit.i18n import ui_text

if TYPE_CHECKING:
    from parler_kit.erasure import Outcome


def _line(outcome: Outcome) -> str:
    if outcome.action == "removed":
        return ui_text("cli.erase.removed", path=outcome.path)
    if outcome.action == "rewritten":
        keys = {"gradebook.db": "cli.erase.gradebook", "manifest.json": "cli.erase.manifest",
                "manifest.csv": "cli.erase.manifest"}  # fmt: skip
        return ui_text(keys.get(outcome.path.name, "cli.erase.rewritten"), path=outcome.path)
    return ui_text("cli.erase.kept", path=outcome.path, reason=outcome.reason)


@click.command(help=ui_text("cli.erase.help"))
@click.option(
    "--participant", "participant_id", required=True, help=ui_text("cli.erase.participant_option")
)
@click.option("--out", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help=ui_text("cli.erase.out_option"))  # fmt: skip
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=ui_text("cli.erase.config_option"))  # fmt: skip
@click.option("--room", "rooms", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help=ui_text("cli.erase.room_option"))  # fmt: skip
def erase(
    participant_id: str,
    folders: tuple[Path, ...],
    config_file: Path | None,
    rooms: tuple[Path, ...],
) -> None:
    """Delete the participant's files in the given folders and in the nbgrader course."""
    # Imported here: parler_kit.erase pulls in WeasyPrint, which --help does not need.
    from parler_kit.erase import erase_participant

    if config_file is None and Path("nbgrader_config.py").is_file():
        config_file = Path("nbgrader_config.py")
    course = load_course_config(config_file) if config_file is not None else None
    outcomes = erase_participant(participant_id, folders, course, rooms)
    for outcome in outcomes:
        click.echo(_line(outcome))
    count = sum(1 for o in outcomes if o.action != "kept")
    if not outcomes:
        click.echo(ui_text("cli.erase.nothing", participant=participant_id))
    else:
        click.echo(ui_text("cli.erase.summary", count=count, participant=participant_id))
    click.echo(ui_text("cli.erase.printed_note"))
