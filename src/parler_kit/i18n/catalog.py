"""String catalogs: one YAML file per area and per locale under ``catalogs/<locale>/``.

Areas (``content.yaml``, ``widgets.yaml``…) keep files small and let several parts of the kit
add strings without editing the same file. A key is unique across all areas of a locale.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Literal, get_args

import yaml

from parler_kit.errors import ParlerKitError
from parler_kit.i18n.typography import french_typography

Locale = Literal["fr", "en"]
LOCALES: tuple[Locale, ...] = get_args(Locale)


@cache
def _catalog(locale: Locale) -> dict[str, str]:
    """Merge every area file of a locale into one flat key → text mapping."""
    if locale not in LOCALES:
        raise ParlerKitError(f"Langue inconnue : {locale!r} (attendu : {', '.join(LOCALES)}).")
    merged: dict[str, str] = {}
    folder = files("parler_kit.i18n").joinpath("catalogs", locale)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.safe_load(entry.read_text("utf-8")) or {}
        if not isinstance(data, dict):
            raise ParlerKitError(
                f"Catalogue {locale}/{entry.name} : une table clé → texte attendue."
            )
        for key, text in data.items():
            if key in merged:
                raise ParlerKitError(f"Catalogue {locale}/{entry.name} : clé « {key} » en double.")
            if not isinstance(text, str):
                raise ParlerKitError(
                    f"Catalogue {locale}/{entry.name} : « {key} » n'est pas un texte."
                )
            merged[str(key)] = text
    return merged


def available_keys(locale: Locale) -> frozenset[str]:
    """Every key the catalog of `locale` defines (used to check catalogs stay in step)."""
    return frozenset(_catalog(locale))


class Verbatim(str):
    """A `ui_text` parameter shown exactly as written, French spacing left out of it.

    For what the reader must find again character for character: a spreadsheet formula
    (« =SI(A2="";"";A2) ») or an error code (« #NOM? »).
    """

    __slots__ = ()


def ui_text(key: str, locale: Locale = "fr", **params: object) -> str:
    """Return the text for `key` in `locale`, with ``{name}`` placeholders filled from `params`.

    French text is passed through `french_typography` after formatting, so parameters get the
    same spacing rules as the template, except `Verbatim` ones. A missing key is a programming
    error and raises KeyError.
    """
    template = _catalog(locale).get(key)
    if template is None:
        raise KeyError(f"No UI text {key!r} in the {locale!r} catalog")
    if locale != "fr":
        return template.format(**params) if params else template
    kept = {name: f"\x00{index}\x00" for index, name in enumerate(params)}
    kept = {name: mark for name, mark in kept.items() if isinstance(params[name], Verbatim)}
    text = french_typography(template.format(**{**params, **kept}) if params else template)
    for name, mark in kept.items():
        text = text.replace(mark, str(params[name]))
    return text
