"""parler-kit admin …: the commands write the documents and report bad inputs in French."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from parler_kit.cli import main
from parler_kit.content import load_bank
from parler_kit.report.simulate import simulate_answers
from parler_kit.roster import Roster, Session

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"


def test_emargement_command_writes_one_pdf_per_half_day(tmp_path: Path) -> None:
    """Exit 0 and one « Écrit » line per sheet."""
    result = CliRunner().invoke(main, [
        "admin", "emargement", str(SESSION_DATA / "roster.csv"),
        "--session", str(SESSION_DATA / "session.yaml"), "--out", str(tmp_path),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.count("Écrit") == 2 and len(list(tmp_path.glob("emargement-*.pdf"))) == 2


def test_an_invalid_session_file_is_reported_by_field_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    """Exit 1, the French error names the missing field, no PDF."""
    session = tmp_path / "session.yaml"
    session.write_text("titre: Essai\n", "utf-8")
    result = CliRunner().invoke(main, [
        "admin", "attestations", str(SESSION_DATA / "roster.csv"), "--session", str(session),
        "--out", str(tmp_path / "out"),
    ])  # fmt: skip
    assert result.exit_code == 1
    assert "lieu" in result.output.lower() or "place" in result.output
    assert not (tmp_path / "out").exists()


def test_every_command_of_this_area_is_documented_with_help() -> None:
    """docs/organiser-admin.md names each command, and each has French --help text."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "organiser-admin.md").read_text("utf-8")
    for command in (
        ["admin", "emargement"], ["admin", "attestations"], ["admin", "evaluation"], ["report"],
        ["erase"], ["course", "collect"], ["course", "grade"], ["course", "export"],
    ):  # fmt: skip
        assert f"parler-kit {' '.join(command)}" in guide
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output and len(result.output) > 200


def test_attestations_with_results_read_the_graded_answers(
    roster: Roster, session: Session, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """--results: points and positioning quiz from the answers; a missing last day reads « non rempli »."""
    answers = tmp_path / "reponses"
    simulate_answers(load_bank(), roster, session, answers)  # p003 has no last-day file
    result = CliRunner().invoke(main, [
        "admin", "attestations", str(SESSION_DATA / "roster.csv"), "--session", str(SESSION_DATA / "session.yaml"),
        "--out", str(tmp_path / "out"), "--results", str(answers),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    first = pdf_text(tmp_path / "out" / "attestation-p001.pdf")
    assert (
        "points sur" in first and "à l'entrée en formation" in first and "non rempli" not in first
    )
    last = pdf_text(tmp_path / "out" / "attestation-p003.pdf")
    assert "non rempli en fin de formation" in last
