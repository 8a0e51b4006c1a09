"""``parler-kit admin …``: attendance sheets, certificates and blank evaluation forms."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from parler_kit.content import load_bank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.roster import Roster, Session, load_roster, load_session

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
    try:
        return load_roster(roster), load_session(session)
    except ParlerKitError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None


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


@admin.command(help=ui_text("cli.admin.attestations.help"))
@_common
@click.option("--results", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=ui_text("cli.admin.results_option"))  # fmt: skip
@click.option("--demo", is_flag=True, help=ui_text("cli.admin.demo_option"))
def attestations(
    roster_file: Path, session_file: Path, out: Path, results: Path | None, demo: bool
) -> None:
    """Write one certificate PDF per participant, with results when --results is given."""
    from parler_kit.admin import LearningOutcome, write_attestations
    from parler_kit.report import load_answers, participant_exercises, participant_quiz

    roster, session = _inputs(roster_file, session_file)
    outcomes: dict[str, LearningOutcome | None] | None = None
    if results is not None:
        bank = load_bank()
        answers = load_answers(results, roster, session)
        for left in answers.left_out:
            click.echo(ui_text("cli.admin.left_out", path=left.path, reason=left.reason), err=True)
        last_day = session.days[-1]
        outcomes = {}
        for pid, files in answers.files.items():
            entry, end = participant_quiz(bank, files, last_day)
            outcomes[pid] = LearningOutcome(*participant_exercises(bank, files), entry, end)
    _written(write_attestations(roster, session, out, outcomes, demo=demo))


@admin.command(help=ui_text("cli.admin.evaluation.help"))
@_common
def evaluation(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write the blank à chaud and à froid evaluation forms."""
    from parler_kit.admin import write_evaluations

    _, session = _inputs(roster_file, session_file)
    try:
        _written(write_evaluations(load_bank(), session, out))
    except ParlerKitError as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
