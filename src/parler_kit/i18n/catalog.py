"""String catalogs: one YAML file per area and per locale under ``catalogs/<locale>/``.

Areas (``content.yaml``, ``widgets.yaml``…) keep files small and let several parts of the kit
add strings without editing the same file. A key is unique across all areas of a locale.
"""

from __future__ import annotations

import string
from functools import cache
from importlib.resources import files
from typing import Any, Literal, get_args

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


class _Plurals(string.Formatter):
    """``{count:fichier|fichiers}`` writes the word that agrees with the number `count`.

    A catalog text never writes « fichier(s) »: « {count} {count:fichier écrit|fichiers
    écrits} ». French takes the singular below 2 (« 0 fichier », « 1 fichier »), English for
    exactly 1. Any other format spec is Python's own.
    """

    def __init__(self, locale: Locale) -> None:
        super().__init__()
        self.locale = locale

    def format_field(self, value: Any, format_spec: str) -> Any:
        """The singular or plural form for a number, else Python's formatting."""
        if "|" in format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            one, many = format_spec.split("|", 1)
            singular = abs(value) < 2 if self.locale == "fr" else value == 1
            return one if singular else many
        return super().format_field(value, format_spec)


_PLURALS = {locale: _Plurals(locale) for locale in LOCALES}


def _format(template: str, locale: Locale, params: dict[str, object]) -> str:
    """`template` filled from `params`.

    The plural-aware formatter only where a text needs it: it is pure Python, str.format is
    several times faster, and pages format thousands of texts.
    """
    if "|" in template:
        return _PLURALS[locale].format(template, **params)
    return template.format(**params)


def ui_text(key: str, locale: Locale = "fr", **params: object) -> str:
    """Return the text for `key` in `locale`, with ``{name}`` placeholders filled from `params`.

    ``{count:mot|mots}`` writes the form that agrees with the number (`_Plurals`).

    French text is passed through `french_typography` after formatting, so parameters get the
    same spacing rules as the template, except `Verbatim` ones. A missing key is a programming
    error and raises KeyError.
    """
    template = _catalog(locale).get(key)
    if template is None:
        raise KeyError(f"No UI text {key!r} in the {locale!r} catalog")
    if locale != "fr":
        return _format(template, locale, params) if params else template
    kept = {name: f"\x00{index}\x00" for index, name in enumerate(params)}
    kept = {name: mark for name, mark in kept.items() if isinstance(params[name], Verbatim)}
    text = french_typography(_format(template, locale, {**params, **kept}) if params else template)
    for name, mark in kept.items():
        text = text.replace(mark, str(params[name]))
    return text
