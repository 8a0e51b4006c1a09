"""Dates and ages written the way a French reader expects (« 3 mars 2020 », « 1er avril »)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from parler_kit.i18n.catalog import Locale

_MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def format_date(day: dt.date, locale: Locale = "fr", *, weekday: bool = False) -> str:
    """Write `day` in full: « 3 mars 2020 » (« 1er » for the first), or "3 March 2020" in English.

    The month name is written out rather than taken from the C library's locale, which is often
    not installed on the machines the kit runs on.
    """
    if locale == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        text = f"{number} {_MONTHS_FR[day.month - 1]} {day.year}"
        return f"{_WEEKDAYS_FR[day.weekday()]} {text}" if weekday else text
    text = f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.strftime('%A')} {text}" if weekday else text


def format_days(days: Sequence[dt.date], locale: Locale = "fr") -> str:
    """Several days, month and year written once where they are shared: « 8, 9 et 22 mars 2027 ».

    « 30 mars et 2 avril 2027 » across months, each year written when it changes; in English
    "8, 9 and 22 March 2027". Days are written in the order given.
    """
    if not days:
        return ""
    parts: list[str] = []
    for index, day in enumerate(days):
        following = days[index + 1] if index + 1 < len(days) else None
        text = format_date(day, locale)
        if following is not None and (following.year, following.month) == (day.year, day.month):
            text = text.split(" ", 1)[0]  # the day alone: its month and year come after
        elif following is not None and following.year == day.year:
            text = text.rsplit(" ", 1)[0]  # day and month: the year comes after
        parts.append(text)
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {'et' if locale == 'fr' else 'and'} {parts[-1]}"


def format_age_months(months: int, locale: Locale = "fr") -> str:
    """Write an age given in months: « 18 mois », « 3 ans (36 mois) », « 1 an (12 mois) »."""
    if locale == "fr":
        if months >= 12 and months % 12 == 0:
            years = months // 12
            unit = "an" if years == 1 else "ans"
            return f"{years}\u00a0{unit} ({months}\u00a0mois)"
        return f"{months}\u00a0mois"
    if months >= 12 and months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years > 1 else ''} ({months} months)"
    return f"{months} month{'s' if months != 1 else ''}"
