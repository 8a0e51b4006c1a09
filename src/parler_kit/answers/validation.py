"""Checks on what a participant types, before it reaches the store (French messages).

Shared by the widgets (which show the message in place) and by any command that takes the same
input (e.g. erasing a child's observation record by code).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import get_args

from parler_kit.content.model import AgeBand
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import Locale, format_date, ui_text

#: Longest short answer (a reformulation, an evaluation comment), in characters.
MAX_SHORT_TEXT = 1_000
#: Longest long answer (a fiche action field, an observed fact), in characters.
MAX_LONG_TEXT = 4_000
#: Age bands of the observation grids, in months.
AGE_BANDS: tuple[int, ...] = get_args(AgeBand)
#: Oldest age the kit observes, in months (6 years).
MAX_OBSERVATION_AGE = 72

# "E-" or "ENF-" and two or three digits: E-07, ENF-12. A free letter prefix would let a first
# name through ("LEO-12"), so only these two prefixes are accepted.
_CHILD_CODE = re.compile(r"^(E|ENF)-\d{2,3}$")
_LOOKS_LIKE_NAME = re.compile(r"^[^\W\d_][^\W\d_' -]*([ '-][^\W\d_]+)*$")


class InvalidAnswer(ParlerKitError):
    """What the participant typed cannot be saved; the message says why and what to do."""


def clean_text(text: str, field: str, *, limit: int = MAX_SHORT_TEXT, locale: Locale = "fr") -> str:
    """`text` stripped; InvalidAnswer when empty, whitespace only, or longer than `limit`."""
    stripped = (text or "").strip()
    if not stripped:
        raise InvalidAnswer(ui_text("answers.invalid.empty", locale, field=field))
    if len(stripped) > limit:
        raise InvalidAnswer(
            ui_text(
                "answers.invalid.too_long", locale, field=field, length=len(stripped), limit=limit
            )
        )
    return stripped


def check_child_code(code: str, locale: Locale = "fr") -> str:
    """The pseudonymous child code, upper-cased (``e-07`` → ``E-07``); a name is refused."""
    raw = (code or "").strip()
    if not raw:
        raise InvalidAnswer(ui_text("answers.invalid.code_empty", locale))
    normalised = raw.upper()
    if _CHILD_CODE.match(normalised):
        return normalised
    key = (
        "answers.invalid.code_name"
        if _LOOKS_LIKE_NAME.match(raw)
        else "answers.invalid.code_format"
    )
    raise InvalidAnswer(ui_text(key, locale, code=raw[:40]))


def check_age_months(age: object, locale: Locale = "fr") -> int:
    """An age in whole months within 0–72; InvalidAnswer otherwise."""
    if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_OBSERVATION_AGE:
        raise InvalidAnswer(ui_text("answers.invalid.age", locale, age=age))
    return age


def check_observation_date(day: dt.date | None, locale: Locale = "fr") -> dt.date:
    """An observation date that is given and not in the future."""
    if day is None:
        raise InvalidAnswer(ui_text("answers.invalid.date_missing", locale))
    if day > dt.date.today():
        raise InvalidAnswer(
            ui_text("answers.invalid.date_future", locale, date=format_date(day, locale))
        )
    return day


def check_word_count(words: object, limit: int, locale: Locale = "fr") -> int:
    """A vocabulary count: a whole number of words between 0 and `limit`."""
    if isinstance(words, bool) or not isinstance(words, int) or not 0 <= words <= limit:
        raise InvalidAnswer(ui_text("answers.invalid.words", locale, words=words, limit=limit))
    return words


def observation_key(code: str) -> str:
    """The store key of a child's observation record: ``observation:<code>``."""
    return f"observation:{check_child_code(code)}"


def band_for_age(age_months: int) -> int:
    """The observation band for an age: the oldest band not older than the child (9 at least)."""
    fitting = [band for band in AGE_BANDS if band <= age_months]
    return fitting[-1] if fitting else AGE_BANDS[0]
