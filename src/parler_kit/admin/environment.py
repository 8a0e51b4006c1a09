"""The Jinja2 environment of the administrative documents (autoescape on, French helpers)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from parler_kit.admin.formatting import (
    city_of,
    format_dates,
    format_hours,
    format_percent,
    format_time,
    nda_region,
)
from parler_kit.i18n import format_date, format_number, french_typography, ui_text
from parler_kit.printing.environment import template_environment


def unbroken(text: object) -> Markup:
    """`text` escaped, each hyphenated word kept on one line (« Jean-Noël », « après-midi »)."""
    words = re.split(r"(\s+)", str(text))
    return Markup("").join(
        Markup('<span class="pk-nowrap">{}</span>').format(word) if "-" in word else escape(word)
        for word in words
    )


@cache
def _environment() -> Environment:
    env = template_environment(  # names and structures are data, never markup
        "parler_kit.admin",
        date=lambda d: format_date(d, weekday=True),
        plain_date=format_date,
        dates=format_dates,
        time=format_time,
        hours=format_hours,
        number=format_number,
        fr=french_typography,
        unbroken=unbroken,
        city=lambda session: city_of(session.address, session.place),
        nda_region=nda_region,
    )
    env.globals.update(t=ui_text, percent=format_percent)
    return env


def render(template: str, **context: Any) -> str:
    """The HTML body of one administrative document."""
    return _environment().get_template(template).render(**context)
