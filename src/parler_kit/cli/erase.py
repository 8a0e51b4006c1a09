"""``parler-kit erase``: remove one participant's data wherever the kit wrote it (RGPD).

The erasure is the list of steps of `parler_kit.admin.erase` (production runs, personal
documents, answers files, returned notebooks, spreadsheets), then the nbgrader course's
(folders and gradebook), then each training room's (`parler_kit.room.erase`), then the search for anything left that still names the person, which
is reported as kept with the reason. A new place the kit writes to adds its step to `_steps`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from parler_kit.course import course_folders, load_course_config, remove_from_gradebook
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text

if TYPE_CHECKING:
    from parler_kit.admin.erase import Outcome, Step, Who
    from parler_kit.course import CourseConfig


def _steps(course: CourseConfig | None, rooms: tuple[Path, ...] = ()) -> list[Step]:
    """Every step in order: output folders, nbgrader course, training rooms, what is left."""
    from parler_kit.admin.erase import ADMIN_STEPS, Outcome, leftovers, remove
    from parler_kit.room.erase import erase_from_room, room_of

    layouts = [room_of(room) for room in rooms]  # a folder that is not a room is refused first

    def room_step(who: Who) -> list[Outcome]:
        return [o for layout in layouts for o in erase_from_room(layout, who.participant_id)]

    def course_step(who: Who) -> list[Outcome]:
        if course is None:
            return []
        removed = remove(course_folders(course, who.participant_id))
        outcomes = [Outcome(path, "removed") for path in removed]
        if remove_from_gradebook(course, who.participant_id):
            outcomes.append(Outcome(course.root / "gradebook.db", "rewritten"))
        return outcomes

    def what_is_left(who: Who) -> list[Outcome]:
        roots = [course.root] if course is not None else []
        return leftovers(who, [*roots, *(layout.root for layout in layouts)])

    return [*ADMIN_STEPS, course_step, room_step, what_is_left]


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
    # Imported here: parler_kit.admin pulls in WeasyPrint, which --help does not need.
    from parler_kit.admin.erase import Who
    from parler_kit.admin.erase import erase as run_steps

    if config_file is None and Path("nbgrader_config.py").is_file():
        config_file = Path("nbgrader_config.py")
    try:
        course = load_course_config(config_file) if config_file is not None else None
    except ParlerKitError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    outcomes = run_steps(Who(participant_id, folders), _steps(course, rooms))
    for outcome in outcomes:
        click.echo(_line(outcome))
    count = sum(1 for o in outcomes if o.action != "kept")
    if not outcomes:
        click.echo(ui_text("cli.erase.nothing", participant=participant_id))
    else:
        click.echo(ui_text("cli.erase.summary", count=count, participant=participant_id))
    click.echo(ui_text("cli.erase.printed_note"))
