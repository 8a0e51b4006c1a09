"""French numbers and accent folding: one function each for the whole kit."""

from __future__ import annotations

import pytest

from parler_kit.i18n import fold, format_number, strip_accents


@pytest.mark.parametrize(
    ("value", "written"), [(3, "3"), (3.0, "3"), (0.5, "0,5"), (67.14, "67,1"), (-1.25, "-1,2")]
)
def test_numbers_have_a_decimal_comma_and_no_useless_zero(value: float, written: str) -> None:
    """Whole numbers without decimals; others with one decimal and a comma."""
    assert format_number(value) == written


def test_folding_ignores_accents_case_and_ligatures() -> None:
    """« Çelik », « ÇELIK » and « celik » fold alike; œ and æ are written out."""
    assert fold("Çelik") == fold("ÇELIK") == fold("celik") == "celik"
    assert fold("Œuvre") == "oeuvre"
    assert strip_accents("Héloïse Lætitia") == "Heloise Laetitia"


def test_folding_keeps_letters_outside_the_latin_alphabet() -> None:
    """A name in another script still has a key: two names never fold to the same empty key."""
    assert fold("زينب") == "زينب"
    assert fold("王芳") != fold("李娜")
