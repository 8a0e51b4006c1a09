"""Numbers written the French way, one function for every document, chart and widget."""

from __future__ import annotations


def format_number(value: float) -> str:
    """A count, score or age the French way: « 3 », « 0,5 », « 67,1 » (one decimal at most)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}".replace(".", ",")
