"""``parler-kit workbooks build``: every participant's workbook and handouts from a roster."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from parler_kit.cli.kit_group import EXIT_PARTIAL
from parler_kit.i18n import ui_text

if TYPE_CHECKING:
    from parler_kit.production import Entry

# Importing production pulls in papermill and nbformat (seconds): only `build` pays for it, not
# every other parler-kit command.
_FORMATS = "ipynb,html,pdf"


@click.group(help=ui_text("cli.workbooks.help"))
def workbooks() -> None:
    """Commands that produce the participants' documents."""


def _line(entry: Entry) -> str:
    status = ui_text(f"production.status.{entry.status}")
    text = ui_text(
        "cli.workbooks.line",
        status=status,
        name=entry.full_name,
        id=entry.participant_id,
        seconds=f"{entry.duration_s:.1f}",
    )
    if entry.error is not None:
        text += "\n" + ui_text("cli.workbooks.failure", row=entry.row, message=entry.error.message)
    return text


@workbooks.command(help=ui_text("cli.workbooks.build.help"))
@click.argument("roster", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--session",
    "session",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=ui_text("cli.workbooks.session_option"),
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=ui_text("cli.workbooks.out_option"),
)
@click.option("--formats", default=_FORMATS, help=ui_text("cli.workbooks.formats_option"))
@click.option("--jobs", type=click.IntRange(min=1), help=ui_text("cli.workbooks.jobs_option"))
@click.option("--force", is_flag=True, help=ui_text("cli.workbooks.force_option"))
@click.option(
    "--engine",
    type=click.Choice(["inprocess", "kernel"]),
    default="inprocess",
    help=ui_text("cli.workbooks.engine_option"),
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=ui_text("cli.workbooks.template_option"),
)
def build(
    roster: Path,
    session: Path,
    out: Path,
    formats: str,
    jobs: int | None,
    force: bool,
    engine: str,
    template: Path | None,
) -> None:
    """Build every participant; exit 1 when an input is invalid, 4 when a participant failed."""
    from tqdm import tqdm

    from parler_kit.production import DEFAULT_TEMPLATE, BuildRequest, build, parse_formats
    from parler_kit.roster import load_roster

    interactive = sys.stderr.isatty()
    bar = tqdm(
        desc=ui_text("cli.workbooks.progress"),
        bar_format="{desc}{n_fmt}/{total_fmt} |{bar}| {elapsed}<{remaining}{postfix}",
        file=sys.stderr,
        disable=not interactive,
    )

    def progress(entry: Entry) -> None:
        if interactive:
            bar.update(1)
            bar.set_postfix_str(entry.full_name[:30])
            if entry.error is not None:
                bar.write(_line(entry), file=sys.stderr)
        else:
            click.echo(_line(entry), err=True)

    try:
        loaded = load_roster(roster)  # read once: the batch gets it, the bar knows the total
        if interactive:
            bar.reset(total=len(loaded.participants))
        request = BuildRequest(
            loaded,
            session,
            out,
            formats=parse_formats(formats),
            jobs=jobs,
            force=force,
            template_path=template or DEFAULT_TEMPLATE,
            engine=engine,
        )
        result = build(request, progress)
    finally:  # an invalid input: KitGroup prints every problem (exit 1) below a closed bar
        bar.close()
    counts = {
        s: sum(1 for e in result.entries if e.status == s) for s in ("ok", "skipped", "failed")
    }
    click.echo(
        ui_text(
            "cli.workbooks.summary",
            ok=counts["ok"],
            skipped=counts["skipped"],
            failed=counts["failed"],
            out=str(out),
            manifest=str(result.manifest),
        )
    )
    if result.failed:
        raise SystemExit(EXIT_PARTIAL)
