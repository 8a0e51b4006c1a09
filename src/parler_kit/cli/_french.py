"""click's own messages in French: usage lines, help options, usage errors, bad values.

click marks its messages for ``gettext`` and binds ``_`` / ``ngettext`` in each of its modules at
import time. Rebinding those names once, here, translates every message of every command — the
ones that exist and the ones added later — without subclassing each command. The French text
lives in the ``click`` area of the catalogs (``click.*`` keys); a message that has no entry is
shown as click wrote it. This module must be imported before any command is declared: `click.Path`
computes its « fichier / dossier » label when the option is built.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from parler_kit.i18n import ui_text

#: click's message id → catalog key.
_KEYS: dict[str, str] = {
    "Usage:": "usage",
    "Options": "options",
    "Commands": "commands",
    "Positional arguments": "positional",
    "Show this message and exit.": "help_option",
    "Show the version and exit.": "version_option",
    "%(prog)s, version %(version)s": "version",
    "Error: {message}": "error",
    "Try '{command} {option}' for help.": "try_help",
    "Aborted!": "aborted",
    "Missing command.": "missing_command",
    "No such command {name!r}.": "no_such_command",
    "No such option {name!r}.": "no_such_option",
    "Did you mean {possibility}?": "did_you_mean",
    "(Did you mean one of: {possibilities}?)": "did_you_mean_many",
    "Missing argument": "missing_argument",
    "Missing option": "missing_option",
    "Missing parameter": "missing_parameter",
    "Missing parameter: {param_name}": "missing_parameter_named",
    "Missing {param_type}": "missing_type",
    "Invalid value for {param_hint}: {message}": "invalid_value_for",
    "Invalid value: {message}": "invalid_value",
    "unknown error": "unknown_error",
    "Could not open file {filename!r}: {message}": "could_not_open",
    "Got unexpected extra argument ({args})": "extra_argument",
    "Got unexpected extra arguments ({args})": "extra_arguments",
    "Takes {nargs} values but 1 was given.": "takes_one",
    "Takes {nargs} values but {len} were given.": "takes_many",
    "Option {name!r} does not take a value.": "option_no_value",
    "Option {name!r} requires an argument.": "option_requires_one",
    "Option {name!r} requires {nargs} arguments.": "option_requires_many",
    "Argument {name!r} takes {nargs} values.": "argument_takes",
    "Invalid start character for option ({option})": "bad_start",
    "{value!r} is not {choice}.": "not_choice",
    "{value!r} is not one of {choices}.": "not_choices",
    "Choose from:\n\t{choices}": "choose_from",
    "{value} is not in the range {range}.": "not_in_range",
    "{value!r} is not a valid {number_type}.": "not_number",
    "{value!r} is not a valid boolean. Recognized values: {states}": "not_boolean",
    "{value!r} is not a valid UUID.": "not_uuid",
    "{value!r} does not match the format {format}.": "not_format",
    "{value!r} does not match the formats {formats}.": "not_formats",
    "file": "file",
    "directory": "directory",
    "path": "path",
    "{name} {filename!r} is a file.": "path_is_file",
    "{name} {filename!r} is a directory.": "path_is_directory",
    "{name} {filename!r} is not readable.": "path_not_readable",
    "{name} {filename!r} is not writable.": "path_not_writable",
    "{name} {filename!r} is not executable.": "path_not_executable",
    "{name} {filename!r} does not exist.": "path_missing",
    "default: {default}": "default",
    "env var: {var}": "env_var",
    "required": "required",
    "deprecated": "deprecated",
    "(dynamic)": "dynamic",
    "Do you want to continue?": "confirm",
    "Confirm the action without prompting.": "confirm_option",
    "Repeat for confirmation": "repeat",
    "Error: The two entered values do not match.": "mismatch",
    "Error: invalid input": "invalid_input",
    "Press any key to continue...": "press_key",
    "Value must be an iterable.": "value_iterable",
    "{len_type} values are required, but {len_value} was given.": "len_one",
    "{len_type} values are required, but {len_value} were given.": "len_many",
}

#: click modules that bind ``_`` (and some ``ngettext``) at import time.
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)


def french(message: str) -> str:
    """The French text of one of click's messages (unchanged when the catalog lacks it)."""
    key = _KEYS.get(message)
    return message if key is None else ui_text(f"click.{key}")


def french_plural(singular: str, plural: str, count: int) -> str:
    """``ngettext`` in French: the singular form for 0 and 1, as French grammar has it."""
    return french(singular if count <= 1 else plural)


#: Names click shows for value types, upper-cased in help (« --jobs ENTIER ») and in messages
#: (« « x » n'est pas un entier valide »). click.Path's names go through gettext instead.
_TYPE_NAMES: dict[type[click.ParamType[Any]], str] = {
    click.types.UnprocessedParamType: "texte",
    click.types.StringParamType: "texte",
    click.types.IntParamType: "entier",
    click.types.IntRange: "entier",
    click.types.FloatParamType: "nombre",
    click.types.FloatRange: "nombre",
    click.types.BoolParamType: "oui/non",
    click.types.DateTime: "date",
    click.types.File: "fichier",
}


def install() -> None:
    """Rebind ``_`` and ``ngettext`` in click's modules, rename value types (idempotent)."""
    for kind, label in _TYPE_NAMES.items():
        kind.name = label
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = french  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = french_plural  # type: ignore[attr-defined]


install()
