"""The Jinja2 environment of the follow-up forms: package templates, autoescape on."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from parler_kit.i18n import format_date, french_typography, ui_text


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("parler_kit.suivi", "templates"),
        autoescape=True,  # names and fiches action are people's text: data, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date=format_date)
    env.globals.update(t=ui_text, tr=lambda text: french_typography(text.fr))
    return env


def render(template: str, **context: Any) -> str:
    """The HTML of `template` (a file of ``suivi/templates``) with `context`."""
    return _environment().get_template(template).render(**context)


__all__ = ["render"]
