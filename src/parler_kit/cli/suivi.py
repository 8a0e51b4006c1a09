"""``parler-kit suivi …``: the à froid and the fiche action's follow-up as fillable PDF forms."""

from __future__ import annotations

from pathlib import Path

import click

from parler_kit.content import load_bank
from parler_kit.i18n import ui_text
from parler_kit.roster import load_roster, load_session

# parler_kit.suivi and parler_kit.report are imported inside the commands: they pull in
# WeasyPrint, which `parler-kit --help` does not need.

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_FOLDER = click.Path(file_okay=False, path_type=Path)


@click.group(help=ui_text("cli.suivi.help"))
def suivi() -> None:
    """Commands for the follow-up after the course."""


@suivi.command("a-froid", help=ui_text("cli.suivi.a_froid.help"))
@click.argument("roster_file", metavar="ROSTER", type=_FILE)
@click.option("--session", "session_file", required=True, type=_FILE,
              help=ui_text("cli.suivi.session_option"))  # fmt: skip
@click.option("--out", required=True, type=_FOLDER, help=ui_text("cli.suivi.out_option"))
def a_froid(roster_file: Path, session_file: Path, out: Path) -> None:
    """Write each participant's à froid form and e-mail; say who has no e-mail address."""
    from parler_kit.suivi import write_a_froid

    roster, session = load_roster(roster_file), load_session(session_file)
    written = write_a_froid(load_bank(), roster, session, out)
    for participant in roster.participants:
        if not participant.email:
            click.echo(ui_text("cli.suivi.without_email", name=participant.full_name,
                               participant=participant.id), err=True)  # fmt: skip
    click.echo(ui_text("cli.suivi.written", count=len(written), folder=out))


@suivi.command("fiche-action", help=ui_text("cli.suivi.fiche_action.help"))
@click.option("--session", "session_file", required=True, type=_FILE,
              help=ui_text("cli.suivi.session_option"))  # fmt: skip
@click.option("--roster", "roster_file", required=True, type=_FILE,
              help=ui_text("cli.suivi.roster_option"))  # fmt: skip
@click.option("--answers", required=True, type=click.Path(exists=True, file_okay=False,
              path_type=Path), help=ui_text("cli.suivi.answers_option"))  # fmt: skip
@click.option("--mois", "months", required=True, type=click.Choice(["3", "6"]),
              help=ui_text("cli.suivi.months_option"))  # fmt: skip
@click.option("--to", help=ui_text("cli.suivi.to_option"))
@click.option("--out", required=True, type=_FOLDER, help=ui_text("cli.suivi.out_option"))
def fiche_action(
    session_file: Path, roster_file: Path, answers: Path, months: str, to: str | None, out: Path
) -> None:
    """Write the follow-up form of the group's fiche action (read from the answers) and its e-mail."""
    from parler_kit.report import load_answers
    from parler_kit.report.aggregate import action_sheets
    from parler_kit.suivi import write_plan_form

    roster, session = load_roster(roster_file), load_session(session_file)
    sheets = action_sheets(load_answers(answers, roster, session).files)
    written = write_plan_form(session, sheets, int(months), out, to=to)
    click.echo(ui_text("cli.suivi.written", count=len(written), folder=out))
