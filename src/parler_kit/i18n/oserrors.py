"""A failed file operation (full disk, a file where a folder is expected…) told in plain words."""

from __future__ import annotations

import errno

from parler_kit.i18n.catalog import Locale, available_keys, ui_text


def os_error_text(error: OSError, locale: Locale = "fr") -> str:
    """« « out/feuille.pdf » : plus de place sur le disque. » — the path and the cause, no jargon."""
    name = errno.errorcode.get(error.errno or 0, "")
    key = f"system.os.{name}"
    cause = (
        ui_text(key, locale)
        if name and key in available_keys(locale)
        else ui_text("system.os.other", locale, name=name or type(error).__name__)
    )
    path = error.filename
    if path is None:
        return ui_text("system.os.nopath", locale, cause=cause)
    return ui_text("system.os.path", locale, path=str(path), cause=cause)
