"""French typography: spaces before high punctuation and inside guillemets."""

from hypothesis import given
from hypothesis import strategies as st

from parler_kit.i18n import french_typography, guillemets
from parler_kit.i18n.typography import NARROW_NBSP, NBSP


def test_narrow_nbsp_before_high_punctuation() -> None:
    """; : ! ? get a narrow no-break space, whether the source had a space or none."""
    assert french_typography("Attention!") == f"Attention{NARROW_NBSP}!"
    assert french_typography("Pourquoi ?") == f"Pourquoi{NARROW_NBSP}?"
    assert french_typography("Note : oui ; non") == f"Note{NARROW_NBSP}: oui{NARROW_NBSP}; non"


def test_times_urls_and_double_marks_are_left_alone() -> None:
    """« 9:30 », « https:// » and the second mark of « ?! » are not spaced."""
    assert french_typography("à 9:30") == "à 9:30"
    assert french_typography("voir https://exemple.fr") == "voir https://exemple.fr"
    assert french_typography("Quoi?!") == f"Quoi{NARROW_NBSP}?!"


def test_guillemets_get_no_break_spaces_inside() -> None:
    """« and » are followed/preceded by a no-break space, never an ordinary one."""
    assert (
        french_typography("il dit «non» puis « oui »")
        == f"il dit «{NBSP}non{NBSP}» puis «{NBSP}oui{NBSP}»"
    )
    assert guillemets("  bonjour ") == f"«{NBSP}bonjour{NBSP}»"


@given(st.text(alphabet=st.sampled_from(list("ab :;!?«» 9/\n")), max_size=40))
def test_typography_is_idempotent(text: str) -> None:
    """Applying the rules twice gives the same text as applying them once."""
    once = french_typography(text)
    assert french_typography(once) == once
