"""French print typography on finished HTML: what it changes and what it leaves as typed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from parler_kit.printing import document_html, render_pdf
from parler_kit.printing.typography import NBSP, NNBSP, WJ, typeset_html, typeset_text


def test_numbers_stay_with_their_units_dates_and_towns() -> None:
    """« 75 % », « 12–24 mois », « 9 mars 2027 », « 42000 Saint-Étienne » never break."""
    text = typeset_text("75 % des enfants de 12–24 mois, le 9 mars 2027 à 42000 Saint-Étienne")
    assert f"75{NNBSP}%" in text and f"12{WJ}–{WJ}24{NBSP}mois" in text
    assert f"9{NBSP}mars{NBSP}2027" in text and f"42000{NBSP}Saint-Étienne" in text
    assert typeset_text(text) == text  # typesetting twice changes nothing


def test_ordinals_elisions_and_centiles() -> None:
    """« 9e » → « 9ᵉ », « l'enfant » → « l’enfant », « percentile » → « centile »."""
    assert typeset_text("du 9e mois, le 1er jour") == "du 9ᵉ mois, le 1ᵉʳ jour"
    assert typeset_text("l'enfant qu'il voit") == "l’enfant qu’il voit"
    assert typeset_text("le 10e percentile") == "le 10ᵉ centile"


def test_names_keep_the_apostrophe_they_were_typed_with() -> None:
    """A name's apostrophe is data: « N'Diaye », « O'Brien » are printed as typed."""
    assert typeset_text("Aminata N'Diaye et Sean O&#39;Brien") == (
        "Aminata N'Diaye et Sean O&#39;Brien"
    )


def test_only_text_between_tags_changes() -> None:
    """Tags, attributes, styles and scripts are left exactly as they are."""
    page = (
        "<style>a::after { content: leader('.') }</style>"
        "<p title=\"75 % l'enfant\">75 % l'enfant</p><script>x = '9e'</script>"
    )
    out = typeset_html(page)
    assert out.startswith("<style>a::after { content: leader('.') }</style>")
    assert '<p title="75 % l\'enfant">' in out and f"75{NNBSP}% l’enfant</p>" in out
    assert out.endswith("<script>x = '9e'</script>")


def test_one_apostrophe_rule_after_capitals_too_on_the_pdf(tmp_path: Path) -> None:
    """« L'enfant », « l'État », « D'après », « Qu'il » curly on the PDF; « N'Diaye » as typed."""
    page = document_html("Essai", "<p>L'enfant, l'État, D'après, Qu'il, L'État ; Awa N'Diaye.</p>")
    text = subprocess.run(
        ["pdftotext", str(render_pdf(page, tmp_path / "a.pdf")), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "L’enfant, l’État, D’après, Qu’il, L’État" in text
    assert "N'Diaye" in text
