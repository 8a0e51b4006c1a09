"""``parler-kit report``: the end-of-course bilan as a PDF."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.content import load_bank
from parler_kit.i18n import ui_text
from parler_kit.roster import load_roster, load_session

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command(help=ui_text("cli.report.help"))
@click.option(
    "--session",
    "session_file",
    required=True,
    type=_FILE,
    help=ui_text("cli.report.session_option"),
)
@click.option(
    "--roster", "roster_file", required=True, type=_FILE, help=ui_text("cli.report.roster_option")
)
@click.option("--answers", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=ui_text("cli.report.answers_option"))  # fmt: skip
@click.option("--attendance", type=_FILE, help=ui_text("cli.report.attendance_option"))
@click.option("--room", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=ui_text("cli.room_presence_option"))  # fmt: skip
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=ui_text("cli.report.out_option"))  # fmt: skip
@click.option("--demo", is_flag=True, help=ui_text("cli.report.demo_option"))
def report(
    session_file: Path,
    roster_file: Path,
    answers: Path,
    attendance: Path | None,
    room: Path | None,
    out: Path,
    demo: bool,
) -> None:
    """Build the bilan from what is valid; list on stderr every file or participant left out."""
    # Imported here: the report pulls in WeasyPrint and matplotlib, which --help does not need.
    from parler_kit.report import build_bilan, load_answers, load_attendance, write_bilan
    from parler_kit.report.simulate import latest_answer_day, simulate_answers

    roster, session = load_roster(roster_file), load_session(session_file)
    bank = load_bank()
    if demo:
        written = simulate_answers(bank, roster, session, answers)
        click.echo(ui_text("cli.report.simulated", folder=answers, count=len(written)))
    elif not answers.is_dir():
        raise click.BadParameter(str(answers), param_hint="--answers")
    if attendance and room:
        raise click.UsageError(ui_text("cli.presence_or_room"))
    present = load_attendance(attendance, roster, session) if attendance else None
    if room is not None:
        from parler_kit.report import attendance_from_presence
        from parler_kit.room.emargement import room_presence
        from parler_kit.room.erase import room_of

        presence = room_presence(room_of(room), roster, session)
        present = attendance_from_presence(presence, roster, session)
    inputs = load_answers(answers, roster, session)
    for left in inputs.left_out:
        click.echo(ui_text("cli.report.left_out", path=left.path, reason=left.reason), err=True)
    for participant in inputs.without_answers:
        click.echo(ui_text("cli.report.without_answers", name=participant.full_name,
                           participant=participant.id), err=True)  # fmt: skip
    # The demonstration is dated when its last simulated answers are returned (à froid):
    # made today, before the session, it would only announce parts « à venir ».
    made_on = latest_answer_day(inputs) if demo else None
    bilan = build_bilan(bank, session, roster, inputs, present, demo=demo, made_on=made_on)
    for participant in bilan.without_end if bilan.end_due else ():
        click.echo(ui_text("cli.report.without_end", name=participant.full_name,
                           participant=participant.id), err=True)  # fmt: skip
    path = write_bilan(bilan, bank, out)
    click.echo(ui_text("cli.report.written", path=path))
