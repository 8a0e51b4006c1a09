"""Dates and ages are written out the French way."""

import datetime as dt

from parler_kit.i18n import format_age_months, format_date


def test_french_date_in_full() -> None:
    """3 March 2020 is « 3 mars 2020 », with the month in words."""
    assert format_date(dt.date(2020, 3, 3)) == "3 mars 2020"


def test_first_of_month_is_premier() -> None:
    """The first day of a month is written « 1er »."""
    assert format_date(dt.date(2026, 12, 1)) == "1er décembre 2026"


def test_weekday_is_optional() -> None:
    """With weekday=True the day name leads: « lundi 23 novembre 2026 »."""
    assert format_date(dt.date(2026, 11, 23), weekday=True) == "lundi 23 novembre 2026"


def test_english_date() -> None:
    """English dates are day, month name, year."""
    assert format_date(dt.date(2020, 3, 3), "en") == "3 March 2020"


def test_ages_in_months_and_years() -> None:
    """Whole years are shown in years with the months in brackets; other ages in months."""
    assert format_age_months(18) == "18\u00a0mois"
    assert format_age_months(36) == "3\u00a0ans (36\u00a0mois)"
    assert format_age_months(12) == "1\u00a0an (12\u00a0mois)"
    assert format_age_months(1, "en") == "1 month"
