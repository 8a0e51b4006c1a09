"""French typography: narrow no-break spaces before ; : ! ? and guillemets with no-break spaces.

Rules follow the Imprimerie nationale usage asked for by the course: an *espace fine insécable*
(U+202F) before ``; : ! ?`` and a no-break space (U+00A0) inside « ». The helpers are idempotent,
so text may be passed through them more than once.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

# A high punctuation mark that ends a word: preceded by a non-space character or by ordinary
# spaces, and followed by a space, a closing mark or the end of the text. "9:30", "http://" and
# "?!" (the second mark) are left alone because of the lookahead and the exclusion class.
_HIGH_PUNCT = re.compile(
    r"(?<=[^\s;:!?«\u202f\u00a0])[ \t\u00a0\u202f]*([;:!?])(?=\s|$|[»)\"'!?.])"
)
_OPEN_GUILLEMET = re.compile(r"«[ \t\u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"[ \t\u00a0\u202f]*»")


def french_typography(text: str) -> str:
    """Apply French spacing to `text`: thin no-break space before ; : ! ?, no-break space in « »."""
    text = _HIGH_PUNCT.sub(lambda m: NARROW_NBSP + m.group(1), text)
    text = _OPEN_GUILLEMET.sub("«" + NBSP, text)
    return _CLOSE_GUILLEMET.sub(NBSP + "»", text)


def guillemets(text: str) -> str:
    """Quote `text` the French way: « text », with no-break spaces inside the marks."""
    return f"«{NBSP}{text.strip()}{NBSP}»"
