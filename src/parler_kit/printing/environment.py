"""The Jinja2 environment of the printed twins: package templates, autoescape on, kit filters.

Autoescape is always on: a participant's answer or name is data, never markup, so ``<script>``,
quotes and ``{{ }}`` come out literally. Only HTML the kit itself built (an inlined chart, a twin
placed inside a document) is marked safe, explicitly, with `Markup`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from parler_kit.content import Text
from parler_kit.i18n import (
    Locale,
    format_age_months,
    format_date,
    french_typography,
    ui_text,
)


@cache
def environment() -> Environment:
    """The shared environment (built once; templates are package data ``templates/*.html.j2``)."""
    env = Environment(
        loader=PackageLoader("parler_kit.printing", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["age"] = format_age_months
    env.filters["date"] = format_date
    return env


def kit_text(text: Text, locale: Locale = "fr") -> str:
    """A content record's text in `locale` (French when not translated), French-typeset."""
    if locale == "en" and text.en:
        return text.en
    return french_typography(text.fr)


def render(template: str, *, locale: Locale = "fr", **context: Any) -> Markup:
    """Render one template of ``templates/`` as trusted kit HTML.

    Templates get ``t(key, **params)`` for UI strings and ``tr(text)`` for a record's `Text`,
    both in `locale`, plus `context`; everything else they print is escaped.
    """
    env = environment()

    def t(key: str, **params: object) -> str:
        return ui_text(key, locale, **params)

    def tr(text: Text) -> str:
        return kit_text(text, locale)

    html = env.get_template(template).render(locale=locale, t=t, tr=tr, **context)
    return Markup(html)
