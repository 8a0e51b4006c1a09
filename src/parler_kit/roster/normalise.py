"""Text folding used to compare what organisers type: no case, no accents, no punctuation.

« Ass. Mat. », « ASS MAT » and « ass mat » are the same profession; « Prénom », « PRENOM » and
« prénom  » are the same column. Folding is only used to *compare*: the kit keeps what was typed.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_WORD = re.compile(r"[\W_]+")


def strip_accents(text: str) -> str:
    """`text` without combining marks (é → e, ç → c); œ and æ become oe and ae."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Comparison key: lower case, no accents, every run of punctuation or space → one space.

    Letters outside the Latin alphabet are kept (a name in Arabic or Chinese script still has a
    key), so two different names never fold to the same empty key.
    """
    lowered = strip_accents(text).casefold()
    return _NOT_WORD.sub(" ", lowered).strip()


def ascii_slug(text: str) -> str:
    """Lower-case ASCII slug (a-z, 0-9 and single hyphens), possibly empty."""
    lowered = strip_accents(text).casefold()
    return _NOT_ALNUM.sub("-", lowered).strip("-")
