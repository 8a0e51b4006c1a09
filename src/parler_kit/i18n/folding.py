"""Accent and case folding, to *compare* what people type (the kit keeps what was typed).

`strip_accents` drops combining marks (é → e, ç → c) and writes œ and æ as oe and ae;
`fold` also drops case: « Çelik », « celik » and « ÇELIK » give one key, « tombé » and « tombe »
compare equal. Callers that also ignore punctuation or hyphens (roster headers, attendance names)
apply that on top.
"""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def strip_accents(text: str) -> str:
    """`text` without combining marks (é → e, ç → c); œ and æ become oe and ae."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Comparison key: no accents, no case (letters outside the Latin alphabet are kept)."""
    return strip_accents(text).casefold()
