"""Names in any script print on the attendance sheets as written, or the kit names what cannot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
from click.testing import CliRunner

from parler_kit.cli import main

REPO = Path(__file__).resolve().parents[2]
PRIVATE_USE = "\U0010fffd"  # no font ships a glyph for it
ROWS = [
    "nom;prénom;profession;structure",
    "بن علي;فاطمة;ass mat;Crèche Éveil",  # row 2: Arabic
    "כהן;נועה;rpe;RPE Nord",  # row 3: Hebrew
    "Martin🌟;Inès 👩\u200d👧;laep;LAEP du Centre",  # row 4: emoji, zero-width joiner
    "Du\u200bpont;Zoé;rpe;RPE Sud",  # row 5: zero-width space
    f"Petit;Noé{PRIVATE_USE};rpe;RPE Est",  # row 6: a character no font has
]


def test_attendance_sheets_print_every_script(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """Exit 0; RTL, emoji and zero-width names on the sheet; only row 6 reported, by code point."""
    roster = tmp_path / "liste.csv"
    roster.write_text("\n".join(ROWS) + "\n", "utf-8")
    out = tmp_path / "emargements"
    args = ["admin", "emargement", str(roster), "--session", str(REPO / "examples" / "session.yaml"),
            "--out", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "aucune police" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Ligne 6 de la liste")
    assert "(U+10FFFD)" in warnings[0] and "fonts-noto-core" in warnings[0]
    sheet = sorted(out.glob("emargement-*.pdf"))[0]
    text = pdf_text(sheet)
    for word in ("فاطمة", "נועה", "🌟", "👩", "👧", "DUPONT", "Zoé"):
        assert word in text, word
    with pikepdf.open(sheet) as pdf:
        fonts = {
            str(font.get("/BaseFont", ""))
            for page in pdf.pages
            for font in page.Resources.Font.values()
        }
    assert any("Emoji" in font for font in fonts), fonts  # emoji drawn with an emoji font
