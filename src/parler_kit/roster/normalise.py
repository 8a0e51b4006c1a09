"""Text folding used to compare what organisers type: no case, no accents, no punctuation.

« Ass. Mat. », « ASS MAT » and « ass mat » are the same profession; « Prénom », « PRENOM » and
« prénom  » are the same column. Folding is only used to *compare*: the kit keeps what was typed.
"""

from __future__ import annotations

import re

from parler_kit.i18n import fold as i18n_fold
from parler_kit.i18n import strip_accents

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Comparison key: lower case, no accents, every run of punctuation or space → one space.

    Letters outside the Latin alphabet are kept (a name in Arabic or Chinese script still has a
    key), so two different names never fold to the same empty key.
    """
    return _NOT_WORD.sub(" ", i18n_fold(text)).strip()


def ascii_slug(text: str) -> str:
    """Lower-case ASCII slug (a-z, 0-9 and single hyphens), possibly empty."""
    lowered = strip_accents(text).casefold()
    return _NOT_ALNUM.sub("-", lowered).strip("-")
