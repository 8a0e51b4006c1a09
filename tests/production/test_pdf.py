"""The handout PDF read back with pdftotext: accents intact, page numbers, no visible code."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from production_helpers import write_roster

from parler_kit.production import build_workbooks


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one page) as pdftotext extracts it."""
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run(
        [*args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_count(path: Path) -> int:
    """Number of pages according to pdfinfo."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return int(next(x.split()[-1] for x in info.stdout.splitlines() if x.startswith("Pages:")))


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two same-role participants with accented names, built as PDF only (one shared body)."""
    folder = tmp_path_factory.mktemp("pdf")
    roster = write_roster(
        folder,
        ["Dûrand-Çelik;Éloïse;ass mat;Domicile « Les Œillets »", "Nguyễn;Thị Ánh;ass mat;Domicile"],
    )
    session = Path(__file__).resolve().parents[2] / "examples" / "session.yaml"
    result = build_workbooks(roster, session, folder / "out", formats=["pdf"], jobs=2)
    assert [e.status for e in result.entries] == ["ok", "ok"], result.entries
    assert len(list((folder / "out" / ".cache").glob("body-*.pdf"))) == 1
    return [folder / "out" / e.participant_id / "handout.pdf" for e in result.entries]


def test_cover_names_intact(handouts: list[Path]) -> None:
    """Each cover page shows its participant's name and structure with every accent."""
    first, second = (pdf_text(h, page=1) for h in handouts)
    assert "Éloïse Dûrand-Çelik" in first and "Les Œillets" in first
    assert "Thị Ánh Nguyễn" in second and "Éloïse" not in second


def test_page_numbers_and_running_header(handouts: list[Path]) -> None:
    """Pages read « page n / N » with the real total, the cover included; the header names the session."""
    total = page_count(handouts[0])
    assert total == page_count(handouts[1]) and total > 5
    assert f"page 1 / {total}" in pdf_text(handouts[0], page=1)
    last = pdf_text(handouts[0], page=total)
    assert f"page {total} / {total}" in last
    assert "Parler avec les tout-petits" in pdf_text(handouts[0], page=3)


def test_contents_and_memo_without_code(handouts: list[Path]) -> None:
    """The handout has a contents page, the memo card and the fiche action, and no code."""
    text = pdf_text(handouts[0])
    assert "Sommaire" in text and "Mémo des techniques" in text and "fiche action" in text.lower()
    for code in ("show(", "import ", "parler_kit", "participant_id", "classify_ids", "\\x"):
        assert code not in text


def test_second_run_is_up_to_date(handouts: list[Path]) -> None:
    """Re-running on unchanged inputs skips both PDFs (checksums verified, nothing laid out)."""
    out = handouts[0].parent.parent
    roster = out.parent / "roster.csv"
    session = Path(__file__).resolve().parents[2] / "examples" / "session.yaml"
    before = [h.stat().st_mtime_ns for h in handouts]
    result = build_workbooks(roster, session, out, formats=["pdf"], jobs=2)
    assert [e.status for e in result.entries] == ["skipped", "skipped"]
    assert [h.stat().st_mtime_ns for h in handouts] == before
