"""``parler-kit erase``: remove one participant's data wherever the kit wrote it (RGPD)."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.course import course_folders, load_course_config, remove_from_gradebook
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text


@click.command(help=ui_text("cli.erase.help"))
@click.option(
    "--participant", "participant_id", required=True, help=ui_text("cli.erase.participant_option")
)
@click.option("--out", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help=ui_text("cli.erase.out_option"))  # fmt: skip
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=ui_text("cli.erase.config_option"))  # fmt: skip
def erase(participant_id: str, folders: tuple[Path, ...], config_file: Path | None) -> None:
    """Delete the participant's files in the given folders and in the nbgrader course."""
    # Imported here: parler_kit.admin pulls in WeasyPrint, which --help does not need.
    from parler_kit.admin import forget_in_manifest, participant_files, remove

    if config_file is None and Path("nbgrader_config.py").is_file():
        config_file = Path("nbgrader_config.py")
    found = participant_files(participant_id, folders)
    try:
        course = load_course_config(config_file) if config_file is not None else None
    except ParlerKitError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    if course is not None:
        found += course_folders(course, participant_id)
    removed = remove(found)
    for path in removed:
        click.echo(ui_text("cli.erase.removed", path=path))
    count = len(removed)
    for folder in folders:
        for manifest in forget_in_manifest(folder, participant_id) if folder.is_dir() else []:
            click.echo(ui_text("cli.erase.manifest", path=manifest))
            count += 1
    if course is not None and remove_from_gradebook(course, participant_id):
        click.echo(ui_text("cli.erase.gradebook", path=course.root / "gradebook.db"))
        count += 1
    if count == 0:
        click.echo(ui_text("cli.erase.nothing", participant=participant_id))
    else:
        click.echo(ui_text("cli.erase.summary", count=count, participant=participant_id))
    click.echo(ui_text("cli.erase.printed_note"))
