"""``parler-kit admin …``: attendance sheets, certificates, convocations, evaluation forms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from parler_kit.cli.printable import warn_unprintable
from parler_kit.content import load_bank
from parler_kit.i18n import ui_text
from parler_kit.roster import Presence, Roster, Session, load_presence, load_roster, load_session

if TYPE_CHECKING:
    from parler_kit.admin import LearningOutcome

# parler_kit.admin and parler_kit.report are imported inside the commands: they pull in
# WeasyPrint and matplotlib, which `parler-kit --help` and the other commands do not need.

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_FOLDER = click.Path(file_okay=False, path_type=Path)


@click.group(help=ui_text("cli.admin.help"))
def admin() -> None:
    """Commands producing the course's administrative documents."""


def _inputs(roster: Path, session: Path) -> tuple[Roster, Session]:
    loaded = load_roster(roster), load_session(session)
    warn_unprintable(loaded[0])  # names print as written, or we say which characters cannot
    return loaded


def _presence(
    path: Path | None, roster: Roster, session: Session, room: Path | None = None
) -> Presence | None:
    """The presence file, or the room's signed register (`room`), against the roster and session.

    Warns of those absent throughout; both a file and a room is a usage error.
    """
    if path is not None and room is not None:
        raise click.UsageError(ui_text("cli.presence_or_room"))
    if room is not None:
        from parler_kit.room.emargement import room_presence
        from parler_kit.room.erase import room_of

        presence = room_presence(room_of(room), roster, session)
    elif path is not None:
        presence = load_presence(path, roster, session)
    else:
        return None
    for participant in roster.participants:
        if presence.hours(participant.id) == 0:
            click.echo(ui_text("cli.admin.absent_everywhere", name=participant.full_name,
                               participant=participant.id), err=True)  # fmt: skip
    return presence


def _common(command: click.decorators.FC) -> click.decorators.FC:
    command = click.option(
        "--out", required=True, type=_FOLDER, help=ui_text("cli.admin.out_option")
    )(command)
    command = click.option("--session", "session_file", required=True, type=_FILE,
                           help=ui_text("cli.admin.session_option"))(command)  # fmt: skip
    return click.argument("roster_file", metavar="ROSTER", type=_FILE)(command)


def _written(paths: list[Path]) -> None:
    for path in paths:
        click.echo(ui_text("cli.admin.written", path=path))


@admin.command(help=ui_text("cli.admin.emargement.help"))
@_common
def emargement(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write one attendance sheet PDF per half-day."""
    from parler_kit.admin import write_emargements

    roster, session = _inputs(roster_file, session_file)
    _written(write_emargements(roster, session, out))


_PRESENCE_HELP = ui_text("cli.admin.presence_option")
_ROOM = click.option("--room", type=click.Path(exists=True, file_okay=False, path_type=Path),
                     help=ui_text("cli.room_presence_option"))  # fmt: skip


@admin.command(help=ui_text("cli.admin.attestations.help"))
@_common
@click.option("--presence", "presence_file", type=_FILE, help=_PRESENCE_HELP)
@_ROOM
@click.option("--results", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=ui_text("cli.admin.results_option"))  # fmt: skip
@click.option("--results-sheet", "results_sheet", type=_FILE,
              help=ui_text("cli.admin.results_sheet_option"))  # fmt: skip
@click.option("--demo", is_flag=True, help=ui_text("cli.admin.demo_option"))
def attestations(
    roster_file: Path,
    session_file: Path,
    out: Path,
    presence_file: Path | None,
    room: Path | None,
    results: Path | None,
    results_sheet: Path | None,
    demo: bool,
) -> None:
    """Write one certificate per participant: hours from --presence, results from --results."""
    from parler_kit.admin import read_results_sheet, write_attestations

    roster, session = _inputs(roster_file, session_file)
    presence = _presence(presence_file, roster, session, room)
    outcomes = None if results is None else _outcomes(results, roster, session, presence)
    recorded = None if results_sheet is None else read_results_sheet(results_sheet, roster, session)
    _written(write_attestations(roster, session, out, outcomes, presence=presence,
                                recorded=recorded, demo=demo))  # fmt: skip


def _outcomes(
    results: Path, roster: Roster, session: Session, presence: Presence | None
) -> dict[str, LearningOutcome | None]:
    """Each participant's graded answers per area and fiche action, from the answers folder.

    The positioning quiz's end answers count in their areas; with `presence`, the group's fiche
    action counts for those present at a half-day the group wrote it.
    """
    from parler_kit.admin import half_days_at, learning_outcome, took_part
    from parler_kit.report import load_answers
    from parler_kit.report.aggregate import (
        action_sheet_moments,
        action_sheets,
        participant_end_answers,
    )

    bank = load_bank()
    answers = load_answers(results, roster, session)
    for left in answers.left_out:
        click.echo(ui_text("cli.admin.left_out", path=left.path, reason=left.reason), err=True)
    written = half_days_at(session, action_sheet_moments(answers.files))
    group_sheet = bool(action_sheets(answers.files))
    last_day = session.days[-1]
    outcomes: dict[str, LearningOutcome | None] = {}
    for participant in roster.participants:
        files = answers.files.get(participant.id, [])
        if presence is not None and group_sheet:
            sheet, missed = took_part(written, presence.of(participant.id))
        else:
            sheet, missed = bool(action_sheets({participant.id: files})), ()
        if not files and not sheet:
            outcomes[participant.id] = None
            continue
        outcomes[participant.id] = learning_outcome(
            bank,
            files,
            action_sheet=sheet,
            end_answers=participant_end_answers(bank, files, last_day),
            action_sheet_missed=missed,
        )
    return outcomes


@admin.command(help=ui_text("cli.admin.resultats.help"))
@click.argument("roster_file", metavar="ROSTER", type=_FILE)
@click.option("--session", "session_file", required=True, type=_FILE,
              help=ui_text("cli.admin.session_option"))  # fmt: skip
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=ui_text("cli.admin.results_sheet_out"))  # fmt: skip
def resultats(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write the blank results sheet the trainer fills in (paper path)."""
    from parler_kit.admin import write_results_sheet

    roster, session = _inputs(roster_file, session_file)
    _written([write_results_sheet(roster, session, out)])


@admin.command(help=ui_text("cli.admin.realisation.help"))
@_common
@click.option("--presence", "presence_file", type=_FILE, help=_PRESENCE_HELP)
@_ROOM
@click.option("--demo", is_flag=True, help=ui_text("cli.admin.demo_option"))
def realisation(
    roster_file: Path,
    session_file: Path,
    out: Path,
    presence_file: Path | None,
    room: Path | None,
    demo: bool,
) -> None:
    """Write one certificat de réalisation per participant who attended."""
    from parler_kit.admin import write_realisations

    roster, session = _inputs(roster_file, session_file)
    if presence_file is None and room is None:
        raise click.UsageError(ui_text("cli.presence_or_room_required"))
    presence = _presence(presence_file, roster, session, room)
    assert presence is not None  # one of --presence and --room, checked above
    _written(write_realisations(roster, session, presence, out, demo=demo))


@admin.command(help=ui_text("cli.admin.convocations.help"))
@_common
def convocations(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write one convocation with the programme per participant."""
    from parler_kit.admin import write_convocations

    roster, session = _inputs(roster_file, session_file)
    _written(write_convocations(roster, session, out))


@admin.command(help=ui_text("cli.admin.evaluation.help"))
@_common
def evaluation(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write the blank à chaud and à froid evaluation forms."""
    from parler_kit.admin import write_evaluations

    _, session = _inputs(roster_file, session_file)
    _written(write_evaluations(load_bank(), session, out))
