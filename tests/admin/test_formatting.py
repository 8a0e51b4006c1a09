"""Durations and periods on the administrative documents, always written the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from parler_kit.admin.formatting import format_hours, format_period


@pytest.mark.parametrize(
    ("hours", "written"),
    [
        (3, "3 h"),
        (3.5, "3 h 30"),
        (20.5, "20 h 30"),
        (7, "7 h"),
        (0.75, "0 h 45"),
        (2 + 55 / 60, "2 h 55"),
    ],
)
def test_durations_are_hours_then_minutes_with_no_break_spaces(hours: float, written: str) -> None:
    """« 3 h » and « 3 h 30 », never « 3 heures » next to « 3 h 30 »; spaces never break."""
    assert format_hours(hours) == written.replace(" ", "\u00a0")


def test_the_period_of_a_course_in_french() -> None:
    """« du 8 mars 2027 au 22 mars 2027 », or « le 1er avril 2027 » for one day."""
    assert (
        format_period(dt.date(2027, 3, 8), dt.date(2027, 3, 22)) == "du 8 mars 2027 au 22 mars 2027"
    )
    assert format_period(dt.date(2027, 4, 1), dt.date(2027, 4, 1)) == "le 1er avril 2027"
