"""A failed file operation (full disk, a file where a folder is expected…) told in plain words."""

from __future__ import annotations

import errno

from parler_kit.i18n.catalog import Locale, available_keys, ui_text


def os_error_cause(error: OSError | UnicodeDecodeError, locale: Locale = "fr") -> str:
    """« plus de place sur le disque » — the cause alone, for a message that names the file itself.

    A file that is not UTF-8 text (Python's « 'utf-8' codec can't decode byte 0xff… ») is
    said in plain words too.
    """
    if isinstance(error, UnicodeDecodeError):
        return ui_text("system.not_utf8", locale, position=error.start)
    if isinstance(error, TimeoutError):
        return ui_text("system.timeout", locale)
    name = errno.errorcode.get(error.errno or 0, "")
    key = f"system.os.{name}"
    if name and key in available_keys(locale):
        return ui_text(key, locale)
    return ui_text("system.os.other", locale, name=name or type(error).__name__)


def os_error_text(error: OSError, locale: Locale = "fr") -> str:
    """« « out/feuille.pdf » : plus de place sur le disque. » — the path and the cause, no jargon."""
    cause = os_error_cause(error, locale)
    path = error.filename
    if path is None:
        return ui_text("system.os.nopath", locale, cause=cause)
    return ui_text("system.os.path", locale, path=str(path), cause=cause)
