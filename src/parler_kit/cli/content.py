"""``parler-kit content …``: check the content bank and count what it holds."""

from __future__ import annotations

import json
from pathlib import Path

import click

from parler_kit.content import content_stats, load_bank, load_bank_from
from parler_kit.i18n import ui_text


@click.group(help=ui_text("cli.content.help"))
def content() -> None:
    """Commands about the content bank."""


def _load(data: Path | None):  # type: ignore[no-untyped-def]  # returns ContentBank; click decorators hide types
    return load_bank_from(data) if data else load_bank()


_DATA_OPTION = click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=ui_text("cli.content.data_option"),
)


@content.command(help=ui_text("cli.content.check.help"))
@_DATA_OPTION
def check(data: Path | None) -> None:
    """Validate every content file; exit 1 and list every problem when one is invalid."""
    bank = _load(data)  # an invalid bank: KitGroup prints every problem, exit 1
    total = sum(entry["count"] for entry in content_stats(bank).values())
    click.echo(ui_text("cli.content.check.ok", total=total))


@content.command(help=ui_text("cli.content.stats.help"))
@_DATA_OPTION
@click.option("--json", "as_json", is_flag=True, help=ui_text("cli.content.stats.json_option"))
def stats(data: Path | None, as_json: bool) -> None:
    """Print, per record kind, the count and what lacks a source or English text."""
    bank = _load(data)
    table = content_stats(bank)
    if as_json:
        click.echo(json.dumps(table, indent=2, ensure_ascii=False))
        return
    click.echo(ui_text("cli.content.stats.header"))
    for kind, entry in table.items():
        click.echo(
            f"{kind:<28}{entry['count']:>8}{entry['without_source']:>12}{entry['without_english']:>12}"
        )
