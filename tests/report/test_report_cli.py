"""parler-kit report: the bilan is produced from what is valid; what was left out is listed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from parler_kit.cli import main

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"


def test_report_command_writes_the_pdf_and_names_what_it_left_out(
    answers_folder: Path, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """Exit 0 with a PDF; each left-out file and the participant without answers on stderr."""
    out = tmp_path / "bilan.pdf"
    result = CliRunner().invoke(main, [
        "report", "--session", str(SESSION_DATA / "session.yaml"), "--roster", str(SESSION_DATA / "roster.csv"),
        "--answers", str(answers_folder), "--out", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Bilan écrit" in result.stdout and out.is_file()
    assert result.stderr.count("Laissé de côté") == 5
    assert "Sans fichier de réponses\u202f: Lucas Martin (p003)" in result.stderr
    assert "DÉMONSTRATION" not in pdf_text(out)


def test_report_demo_simulates_answers_and_marks_the_bilan(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """--demo fills the answers folder with marked simulated answers and prints « DÉMONSTRATION »."""
    out = tmp_path / "bilan.pdf"
    result = CliRunner().invoke(main, [
        "report", "--demo", "--session", str(SESSION_DATA / "session.yaml"),
        "--roster", str(SESSION_DATA / "roster.csv"), "--answers", str(tmp_path / "simulees"), "--out", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(out)
    assert "DÉMONSTRATION — bilan construit à partir de réponses simulées" in text
    assert "réponses exploitables pour 3" in text
