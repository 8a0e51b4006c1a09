"""Blank the names of people of the roster in free text before it goes into the bilan.

A free comment may name a colleague or a trainer. Every capitalised first name (and last name)
of the roster found as a whole word is replaced by « […] », and the comment is then marked
« [modifié] » so a reader knows it was edited. Lower-case words are left alone (« rose » the
colour is not « Rose » the person); this is a filter, not a guarantee, and the guide says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parler_kit.i18n import ui_text

BLANK = "[…]"


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regular expression matching any of `names` (and each part of a compound name)."""
    words: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        words.add(name)
        words.update(part for part in re.split(r"[\s\-']+", name) if len(part) >= 2)
    capitalised = {w[0].upper() + w[1:] for w in words if w}
    if not capitalised:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(capitalised, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])")


def anonymise(text: str, pattern: re.Pattern[str] | None) -> tuple[str, bool]:
    """`text` with every matched name blanked and the « [modifié] » mark, and whether it changed."""
    if pattern is None:
        return text, False
    edited, count = pattern.subn(BLANK, text)
    if count == 0:
        return text, False
    return f"{edited} {ui_text('report.comment.edited')}", True
