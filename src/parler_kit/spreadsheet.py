"""Spreadsheet safety shared by every CSV/XLSX the kit writes (manifests, gradebook exports).

A cell that starts with ``= + - @`` (or a tab / carriage return) is read by spreadsheet software
as a formula — a participant's name could then run one (CSV injection). Such text is prefixed
with an apostrophe so it is shown as typed.
"""

from __future__ import annotations

from typing import TypeVar

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_Cell = TypeVar("_Cell")


def neutralise_formula(value: _Cell) -> _Cell:
    """`value` unchanged, unless it is a text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value  # type: ignore[return-value]  # a str in, a str out
    return value
