"""The Jinja2 environment of the follow-up forms: package templates, autoescape on."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment

from parler_kit.i18n import format_date, ui_text
from parler_kit.printing.environment import template_environment


@cache
def _environment() -> Environment:
    # names and fiches action are people's text: data, never markup (autoescape)
    env = template_environment("parler_kit.suivi", date=format_date)
    env.globals.update(t=ui_text, tr=lambda text: text.localised())
    return env


def render(template: str, **context: Any) -> str:
    """The HTML of `template` (a file of ``suivi/templates``) with `context`."""
    return _environment().get_template(template).render(**context)


__all__ = ["render"]
