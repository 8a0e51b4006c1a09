"""Figures carry their source's words: the numbers a claim states, and whether an excerpt holds them.

A record that states a number, an age or a strength of effect stores a short verbatim excerpt of
its source (`parler_kit.content.model.Excerpt`); the rule checked here is that every number of the
claim appears in an excerpt, or in a conversion the editor states beside it (« 2 ans = 24 mois »).
Numbers written in words (« trois ans ») and years (« 2021 ») are not checked: a year names a
document, it is not a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A number: digits grouped by spaces (« 11 496 »), or digits with a decimal part (« 0,37 », « 0.37 »).
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)")
_GROUP_SPACES = re.compile(r"[ \u00a0\u202f]")
_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def _canonical(digits: str) -> str:
    """« 0,50 » → « 0.5 », « 11 496 » → « 11496 », « 007 » → « 7 »."""
    text = _GROUP_SPACES.sub("", digits).replace(",", ".")
    if "." in text:
        whole, decimals = text.split(".", 1)
        decimals = decimals.rstrip("0")
        whole = whole.lstrip("0") or "0"
        return f"{whole}.{decimals}" if decimals else whole
    return text.lstrip("0") or "0"


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def stated_numbers(text: str) -> set[str]:
    """The numbers a French claim states, years left out (« 32,8 points en 2022 » → {"32.8"})."""
    return {_canonical(m) for m in _NUMBER.findall(text) if not _is_year(m)}


def quoted_numbers(text: str) -> set[str]:
    """The numbers an excerpt holds, read every way its commas allow.

    « 1,734 » is 1734 in English and 1,734 in French; in a data row (« 23-24,132,690,35.2 ») the
    commas separate values. An excerpt is the source's own text, so each reading counts.
    """
    found = set()
    for match in _NUMBER.findall(text.replace(",", ", ")) + _NUMBER.findall(text):
        found.add(_canonical(match))
        if _ENGLISH_THOUSANDS.match(match):
            found.add(match.replace(",", ""))
    return found


def uncovered_numbers(claims: Iterable[str], excerpts: Iterable[str]) -> list[str]:
    """Numbers of `claims` found in none of `excerpts` (texts and stated conversions), sorted."""
    stated = set().union(*(stated_numbers(claim) for claim in claims))
    quoted = set().union(*(quoted_numbers(excerpt) for excerpt in excerpts))
    return sorted(stated - quoted, key=lambda n: (float(n), n))
