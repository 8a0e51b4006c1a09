"""The Jinja2 environment of the printed twins: package templates, autoescape on, kit filters.

Autoescape is always on: a participant's answer or name is data, never markup, so ``<script>``,
quotes and ``{{ }}`` come out literally. Only HTML the kit itself built (an inlined chart, a twin
placed inside a document) is marked safe, explicitly, with `Markup`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from parler_kit.content import Text
from parler_kit.i18n import (
    Locale,
    format_age_months,
    format_date,
    ui_text,
)


def template_environment(package: str, **filters: Callable[..., Any]) -> Environment:
    """A Jinja2 environment over ``<package>/templates``, the one way the kit sets one up.

    Autoescape on (a person's text is data, never markup), `StrictUndefined` (a name missing from
    the context is an error, not an empty string on paper), block tags trimmed; `filters` added.
    """
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters)
    return env


@cache
def environment() -> Environment:
    """The shared environment (built once; templates are package data ``templates/*.html.j2``)."""
    return template_environment("parler_kit.printing", age=format_age_months, date=format_date)


def kit_text(text: Text, locale: Locale = "fr") -> str:
    """A content record's text in `locale` (French when not translated), French-typeset."""
    return text.localised(locale)


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
