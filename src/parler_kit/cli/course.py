"""``parler-kit course …``: collect returned workbooks, grade a day, export the gradebook."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.cli.kit_group import EXIT_INPUT
from parler_kit.course import collect as collect_workbooks
from parler_kit.course import export as export_gradebook
from parler_kit.course import grade as grade_day
from parler_kit.course import load_course_config
from parler_kit.i18n import ui_text
from parler_kit.roster import load_roster, load_session


@click.group(help=ui_text("cli.course.help"))
def course() -> None:
    """Commands about nbgrader collection, grading and export."""


_CONFIG_OPTION = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("nbgrader_config.py"),
    show_default=True,
    help=ui_text("cli.course.config_option"),
)


@course.command(help=ui_text("cli.course.collect.help"))
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_CONFIG_OPTION
@click.option("--roster", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=ui_text("cli.course.collect.roster_option"))  # fmt: skip
@click.option("--session", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=ui_text("cli.course.collect.session_option"))  # fmt: skip
def collect(inbox: Path, config_file: Path, roster: Path | None, session: Path | None) -> None:
    """Place returned workbooks into submitted/; exit 1 when some file could not be placed."""
    config = load_course_config(config_file)
    participants = {p.id for p in load_roster(roster).participants} if roster else None
    session_id = load_session(session).id if session else None
    report = collect_workbooks(inbox, config, participants=participants, session_id=session_id)
    for placed in report.placed:
        click.echo(ui_text("cli.course.collect.placed", participant=placed.participant_id,
                           day=placed.day, notebook=placed.notebook, source=placed.source))  # fmt: skip
    for skipped in report.older:
        click.echo(ui_text("cli.course.collect.older", path=skipped.path, reason=skipped.reason))
    for skipped in report.unmatched:
        click.echo(
            ui_text("cli.course.collect.unmatched", path=skipped.path, reason=skipped.reason),
            err=True,
        )
    click.echo(ui_text("cli.course.collect.summary", placed=len(report.placed),
                       older=len(report.older), unmatched=len(report.unmatched)))  # fmt: skip
    if report.unmatched:
        raise SystemExit(EXIT_INPUT)


@course.command(help=ui_text("cli.course.grade.help"))
@click.argument("day")
@_CONFIG_OPTION
@click.option("--participant", "participants", multiple=True,
              help=ui_text("cli.course.grade.participant_option"))  # fmt: skip
def grade(day: str, config_file: Path, participants: tuple[str, ...]) -> None:
    """Autograde `day` and write feedback; exit 1 when a participant could not be graded."""
    report = grade_day(load_course_config(config_file), day, list(participants) or None)
    for participant in report.graded:
        feedback = ", ".join(str(p) for p in report.feedback.get(participant, []))
        click.echo(ui_text("cli.course.grade.graded", participant=participant, feedback=feedback))
    for participant, detail in report.failed.items():
        click.echo(
            ui_text("cli.course.grade.failed", participant=participant, detail=detail), err=True
        )
    click.echo(
        ui_text("cli.course.grade.summary", graded=len(report.graded), failed=len(report.failed))
    )
    if report.failed:
        raise SystemExit(EXIT_INPUT)


@course.command(help=ui_text("cli.course.export.help"))
@_CONFIG_OPTION
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=ui_text("cli.course.export.out_option"))  # fmt: skip
def export(config_file: Path, out: Path) -> None:
    """Write the gradebook as CSV and XLSX into `out`."""
    written = export_gradebook(load_course_config(config_file), out)
    for path in (written.summary_csv, written.exercises_csv, written.xlsx):
        click.echo(ui_text("cli.course.export.written", path=path))
