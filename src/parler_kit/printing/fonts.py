"""Which characters no installed font can draw: a name must print as written, or we say so.

WeasyPrint draws each character with the first font of the stylesheet that has it, then with any
installed font that has it (fontconfig's fallback); a character no font has prints as an empty
box. The fonts are found where fontconfig looks by default and read with fontTools (only their
character map). Fonts are read in order — DejaVu first, the kit's main font — and the search stops
as soon as every character is found, so a roster in Latin script reads one font file.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError  # type: ignore[import-untyped]

#: Folders fontconfig searches by default on Debian-like systems (system, local, per user).
FONT_DIRS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
)
_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}
#: Characters drawn without a glyph: controls, zero-width and direction marks (Cf), spaces.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _needs_glyph(char: str) -> bool:
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return False
    return unicodedata.category(char) not in _INVISIBLE_CATEGORIES


def font_files() -> list[Path]:
    """Installed font files, the kit's main font (DejaVu) first."""
    found = {
        path
        for folder in FONT_DIRS
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix.lower() in _SUFFIXES
    }
    return sorted(found, key=lambda p: (not p.name.startswith("DejaVuSans"), str(p)))


@cache
def _characters(path: Path) -> frozenset[int]:
    """Code points with a glyph in the font file (every font of a collection); empty if broken."""
    try:
        if path.suffix.lower() in {".ttc", ".otc"}:
            fonts = list(TTCollection(os.fspath(path), lazy=True).fonts)
        else:
            fonts = [TTFont(os.fspath(path), lazy=True)]
    except (TTLibError, OSError, ValueError):
        return frozenset()
    codes: set[int] = set()
    for font in fonts:
        try:
            codes.update(font.getBestCmap() or {})
        except (TTLibError, KeyError, ValueError):
            continue
    return frozenset(codes)


def unprintable(texts: Iterable[str]) -> list[str]:
    """The characters of `texts` that no installed font can draw, in code point order."""
    missing = {ord(char) for text in texts for char in text if _needs_glyph(char)}
    for path in font_files() if missing else []:
        missing -= _characters(path)
        if not missing:
            break
    return [chr(code) for code in sorted(missing)]
