"""Warn, before printing, about characters of a roster that no installed font can draw."""

from __future__ import annotations

import click

from parler_kit.i18n import ui_text
from parler_kit.roster import Roster


def warn_unprintable(roster: Roster) -> int:
    """One French line on stderr per participant whose name or structure would print with holes.

    Returns how many participants were named. Printing goes on: the rest of the name prints, and
    the organiser decides (install a font, or spell the name otherwise in the roster).
    """
    from parler_kit.printing.fonts import unprintable  # reads font files: only when printing

    named = 0
    for participant in roster.participants:
        text = f"{participant.full_name} — {participant.structure}"
        missing = unprintable([text])
        if missing:
            chars = ", ".join(f"« {char} » (U+{ord(char):04X})" for char in missing)
            click.echo(ui_text("cli.unprintable", row=participant.row, text=text, chars=chars),
                       err=True)  # fmt: skip
            named += 1
    return named
