"""Spreadsheet safety: text that a spreadsheet would run as a formula is neutralised."""

import pytest

from parler_kit.spreadsheet import neutralise_formula


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Zoé", "Zoé"),
    ],
)
def test_neutralise_formula(cell: str, expected: str) -> None:
    """Cells starting with = + - @ are prefixed with an apostrophe; others are unchanged."""
    assert neutralise_formula(cell) == expected


def test_numbers_are_left_as_numbers() -> None:
    """Only text is changed: a negative number stays a number."""
    assert neutralise_formula(-2.0) == -2.0
