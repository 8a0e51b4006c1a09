"""Glyph coverage of the installed fonts: which characters of a name could not be printed."""

from __future__ import annotations

import pytest

from parler_kit.printing.fonts import font_files, unprintable

PRIVATE_USE = "\U0010fffd"  # a private-use code point: no font ships a glyph for it


@pytest.mark.parametrize(
    "name",
    [
        "Zoé Lefèvre-Œillet",
        "فاطمة بن علي",  # Arabic, right to left, joined letters
        "נועה כהן",  # Hebrew, right to left
        "Léa 🌟",  # emoji
        "Inès 👩\u200d👧",  # emoji joined by a zero-width joiner
        "Du\u200bpont\u200e",  # zero-width space, left-to-right mark: drawn without a glyph
        "Chloé ❤\ufe0f",  # emoji presentation selector
    ],
)
def test_names_the_kit_can_print(name: str) -> None:
    """Latin, Arabic, Hebrew, emoji and invisible format characters all have a font."""
    assert unprintable([name]) == []


def test_character_without_any_font_is_listed() -> None:
    """A character no installed font has is returned, once, among printable ones."""
    assert unprintable([f"Noé{PRIVATE_USE}", f"x{PRIVATE_USE}"]) == [PRIVATE_USE]


def test_main_font_is_read_first() -> None:
    """DejaVu Sans, the kit's main font, comes first: a Latin roster reads one font file."""
    assert font_files()[0].name.startswith("DejaVuSans")
