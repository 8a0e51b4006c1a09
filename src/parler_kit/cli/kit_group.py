"""The root command group: no traceback ever reaches the person at the terminal.

Every command runs inside `KitGroup.invoke`, so the rule holds for commands added later too:

- a `ParlerKitError` a command did not handle is printed as it is (French, naming the file, row
  or field) — exit code 1;
- an `OSError` (full disk, a file where a folder is expected, no permission…) is printed as the
  path and its cause in French — exit code 1; the kit's writers never leave a half-written file;
- anything else is a bug: one French paragraph names the command, its input files and the log
  file holding the full traceback — exit code 3. The log goes to the system's temporary folder
  (``tempfile.gettempdir()``, readable by the user only), never to the repository, $HOME or the
  output folder, which may be the very thing that failed.

click's own exits (usage errors, ``--help``, Ctrl-C) pass through untouched.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import platform
import shlex
import sys
import tempfile
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import click

from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.i18n.oserrors import os_error_text

#: Exit codes: 1 an input or the disk is at fault (the message says what to fix), 3 a bug.
EXIT_INPUT = 1
EXIT_BUG = 3
_ARGS = "parler_kit.args"
SUBCOMMAND_METAVAR = "COMMANDE [ARGUMENTS]..."


class KitGroup(click.Group):
    """A `click.Group` that turns every exception of its commands into a French message."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Remember the command line as typed, to name it if the command fails.

        Also names the sub-command slot in French in every group's usage line, groups added
        since included (this runs before any help is shown).
        """
        ctx.meta.setdefault(_ARGS, list(args))
        _french_usage(self)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report a failure in French and exit 1 or 3 instead of raising."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ParlerKitError as error:
            click.echo(str(error), err=True)
            ctx.exit(EXIT_INPUT)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise  # output piped into `head` that stopped reading: click exits quietly
            problem = os_error_text(error)
            click.echo(ui_text("cli.failure.os", command=_command(ctx), problem=problem), err=True)
            ctx.exit(EXIT_INPUT)
        except Exception as error:
            text = ui_text(
                "cli.failure.unexpected",
                command=_command(ctx),
                error=type(error).__name__,
                inputs=", ".join(_inputs(ctx)) or ui_text("cli.failure.no_inputs"),
                log=_write_log(ctx, error),
            )
            click.echo(text, err=True)
            ctx.exit(EXIT_BUG)


def _french_usage(group: click.Group) -> None:
    """« Utilisation : parler-kit admin [OPTIONS] COMMANDE [ARGUMENTS]... » in every group."""
    group.subcommand_metavar = SUBCOMMAND_METAVAR
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _french_usage(command)


def _command(ctx: click.Context) -> str:
    """The command line as the user typed it (``parler-kit admin emargement …``)."""
    return " ".join([ctx.command_path, *map(shlex.quote, ctx.meta.get(_ARGS, []))])


def _inputs(ctx: click.Context) -> list[str]:
    """Arguments of the command line that name an existing file."""
    found: list[str] = []
    for arg in ctx.meta.get(_ARGS, []):
        candidate = arg.split("=", 1)[1] if arg.startswith("--") and "=" in arg else arg
        if candidate and not candidate.startswith("-") and Path(candidate).is_file():
            found.append(candidate)
    return found


def _write_log(ctx: click.Context, error: Exception) -> str:
    """Write the traceback and context to a new file in the temporary folder; return its path."""
    try:
        kit = version("parler_kit")
    except PackageNotFoundError:  # run from a source tree that is not installed
        kit = "?"
    lines = [
        f"date: {dt.datetime.now(dt.UTC).isoformat()}",
        f"command: {_command(ctx)}",
        f"cwd: {Path.cwd()}",
        f"parler_kit: {kit}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        "",
        *traceback.format_exception(error),
    ]
    try:
        handle, name = tempfile.mkstemp(prefix="parler-kit-erreur-", suffix=".log", text=True)
        with os.fdopen(handle, "w", encoding="utf-8") as log:
            log.write("\n".join(line.rstrip("\n") for line in lines) + "\n")
    except OSError as failure:
        return ui_text("cli.failure.no_log", problem=os_error_text(failure))
    return name
