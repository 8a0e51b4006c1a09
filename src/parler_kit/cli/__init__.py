"""The ``parler-kit`` command: a thin adapter that parses, calls the library and sets the exit code.

Each command group lives in its own module and is registered here. The CLI never imports the
widgets (nor ipywidgets / IPython): organisers run it in a terminal, often on a bare machine.

Two things hold for every command, present and future, because they are done once here:
click's own messages are French (`parler_kit.cli._french`, imported first), and no traceback
reaches the user (`parler_kit.cli.kit_group.KitGroup`, the root group's class).
"""

from __future__ import annotations

import click

from parler_kit.cli import _french  # noqa: F401  (first: translates click before commands exist)
from parler_kit.cli.admin import admin
from parler_kit.cli.content import content
from parler_kit.cli.course import course
from parler_kit.cli.erase import erase
from parler_kit.cli.kit_group import KitGroup
from parler_kit.cli.live import live
from parler_kit.cli.report import report
from parler_kit.cli.reseau import reseau
from parler_kit.cli.room import room
from parler_kit.cli.suivi import suivi
from parler_kit.cli.workbooks import workbooks
from parler_kit.i18n import ui_text


@click.group(cls=KitGroup, help=ui_text("cli.main.help"))
@click.version_option(package_name="parler_kit", message="parler-kit %(version)s")
def main() -> None:
    """Entry point of the ``parler-kit`` console script."""


main.add_command(content)
main.add_command(course)
main.add_command(workbooks)
main.add_command(admin)
main.add_command(report)
main.add_command(erase)
main.add_command(live)
main.add_command(room)
main.add_command(suivi)
main.add_command(reseau)

__all__ = ["main"]
