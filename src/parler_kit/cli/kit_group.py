"""The root command group: no traceback ever reaches the person at the terminal.

Every command runs inside `KitGroup.invoke`, so the rule holds for commands added later too.
Each exit code has one meaning, so that a script can tell them apart (the organiser guide lists
them, § 5, and ``tests/cli/test_exit_codes.py`` holds the list and the guide equal):

- a `ParlerKitError` a command did not handle is printed as it is (French, naming the file, row
  or field) — exit code 1;
- an `OSError` (full disk, a file where a folder is expected, no permission…) is printed as the
  path and its cause in French — exit code 1; the kit's writers never leave a half-written file;
- anything else is a bug: one French paragraph names the command, its input files and the log
  file holding the full traceback — exit code 3. The log goes to the system's temporary folder
  (``tempfile.gettempdir()``, readable by the user only), never to the repository, $HOME or the
  output folder, which may be the very thing that failed;
- Ctrl-C during a command: one French line — exit code 130 (the shell's 128 + SIGINT);
- a command that went to the end but could not do all of it (`workbooks build` with a
  participant in failure) exits 4 itself (`EXIT_PARTIAL`).

click's own exits (usage errors: exit 2, ``--help``: 0) pass through untouched.
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

#: Everything was done.
EXIT_OK = 0
#: An input or the disk is at fault; the message says what to fix.
EXIT_INPUT = 1
#: The command line is wrong (click's usage errors: unknown option, missing or refused value).
EXIT_USAGE = 2
#: A bug of the kit; the message names the log holding the traceback.
EXIT_BUG = 3
#: The command went to the end, but some of its work failed (a participant in `workbooks build`).
EXIT_PARTIAL = 4
#: Interrupted (Ctrl-C), as shells report a SIGINT: 128 + 2.
EXIT_INTERRUPTED = 130
#: Every exit code of the kit, as the organiser guide lists them.
EXIT_CODES = (EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG, EXIT_PARTIAL, EXIT_INTERRUPTED)
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
        """Run the command; report a failure in French and exit 1, 3 or 130 instead of raising."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(ui_text("cli.failure.interrupted", command=_command(ctx)), err=True)
            ctx.exit(EXIT_INTERRUPTED)
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
