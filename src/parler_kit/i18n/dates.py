"""Dates and ages written the way a French reader expects (« 3 mars 2020 », « 1er avril »)."""

from __future__ import annotations

import datetime as dt

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
