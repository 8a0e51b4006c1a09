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


def ui_text(key: str, locale: Locale = "fr", **params: object) -> str:
    """Return the text for `key` in `locale`, with ``{name}`` placeholders filled from `params`.

    French text is passed through `french_typography` after formatting, so parameters get the
    same spacing rules as the template. A missing key is a programming error and raises KeyError.
    """
    template = _catalog(locale).get(key)
    if template is None:
        raise KeyError(f"No UI text {key!r} in the {locale!r} catalog")
    text = template.format(**params) if params else template
    return french_typography(text) if locale == "fr" else text
