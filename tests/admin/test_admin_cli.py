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
ROSTER = str(SESSION_DATA / "roster.csv")


def test_emargement_command_writes_one_pdf_per_half_day(tmp_path: Path) -> None:
    """Exit 0 and one « Écrit » line per sheet."""
    result = CliRunner().invoke(main, [
        "admin", "emargement", ROSTER,
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
        "admin", "attestations", ROSTER, "--session", str(session),
        "--out", str(tmp_path / "out"),
    ])  # fmt: skip
    assert result.exit_code == 1
    assert "lieu" in result.output.lower() or "place" in result.output
    assert not (tmp_path / "out").exists()


def test_every_command_of_this_area_is_documented_with_help() -> None:
    """docs/organiser-admin.md names each command, and each has French --help text."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "organiser-admin.md").read_text("utf-8")
    for command in (
        ["admin", "emargement"], ["admin", "attestations"], ["admin", "evaluation"],
        ["admin", "realisation"], ["admin", "convocations"], ["report"],
        ["erase"], ["course", "collect"], ["course", "grade"], ["course", "export"],
    ):  # fmt: skip
        assert f"parler-kit {' '.join(command)}" in guide
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "--help" in result.output and len(result.output) > 200
    assert "--presence" in guide and "examples/presence.csv" in guide


def test_attestations_with_presence_and_results_state_hours_and_objectives(
    roster: Roster,
    session: Session,
    full_session_file: Path,
    presence_file: Path,
    tmp_path: Path,
    reading: Callable[[Path], str],
) -> None:
    """--presence: hours; nobody never present certified; --results: a result per objective."""
    answers = tmp_path / "reponses"
    simulate_answers(load_bank(), roster, session, answers)
    result = CliRunner().invoke(main, [
        "admin", "attestations", ROSTER, "--session", str(full_session_file),
        "--out", str(tmp_path / "out"), "--results", str(answers), "--presence", str(presence_file),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Aucun document pour Lucas Martin (p003)" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "attestation-p001.pdf",
        "attestation-p002.pdf",
    ]
    first = reading(tmp_path / "out" / "attestation-p001.pdf")
    assert "Heures suivies 6 h 30" in first
    assert (
        "Exercices sur les techniques (classement d'énoncés, analyse de dialogues, questions) :"
        in first
    )
    assert "questionnaire de positionnement d'entrée n'est pas noté" in first
    # Room path: every assessed objective has a result (topic quizzes + the quiz's end answers).
    # (the one « Non évalué » is the objective the session file says is not assessed)
    assert first.count("Non évalué") == 1
    assert "diagnostic. Non évalué Travaillé en formation, sans évaluation individuelle." in first
    assert "Questions du quiz sur le développement du langage : " in first
    assert "Construire une fiche action pour le quartier. Acquis Fiche action rédigée" in first
    second = reading(tmp_path / "out" / "attestation-p002.pdf")  # absent the last afternoon
    assert (
        "Construire une fiche action pour le quartier. Non évalué Absence lors de la rédaction"
        " de la fiche action en groupe (3 mars 2026 après-midi)." in second
    )


def test_realisation_and_convocations_commands(
    full_session_file: Path, presence_file: Path, tmp_path: Path
) -> None:
    """Both commands write one PDF per participant (realisation: those who attended)."""
    realisation = CliRunner().invoke(main, [
        "admin", "realisation", ROSTER, "--session", str(full_session_file),
        "--presence", str(presence_file), "--out", str(tmp_path),
    ])  # fmt: skip
    assert realisation.exit_code == 0, realisation.output
    assert len(list(tmp_path.glob("certificat-realisation-*.pdf"))) == 2
    convocations = CliRunner().invoke(main, [
        "admin", "convocations", ROSTER, "--session", str(full_session_file), "--out", str(tmp_path),
    ])  # fmt: skip
    assert convocations.exit_code == 0, convocations.output
    assert len(list(tmp_path.glob("convocation-*.pdf"))) == 3


def test_a_bad_presence_file_or_missing_organisme_field_writes_nothing(
    full_session_file: Path, presence_file: Path, tmp_path: Path
) -> None:
    """Exit 1 with the row and column, or the session-file field, in French; no folder created."""
    bad = tmp_path / "presences.csv"
    bad.write_text(
        "id;2026-03-02 matin;2026-03-03 après-midi\np001;P;?\np002;P;P\np003;P;P\n", "utf-8"
    )
    result = CliRunner().invoke(main, [
        "admin", "realisation", ROSTER, "--session", str(full_session_file),
        "--presence", str(bad), "--out", str(tmp_path / "out"),
    ])  # fmt: skip
    assert result.exit_code == 1
    assert "ligne 2, champ « 2026-03-03 après-midi (colonne C) »" in result.output
    result = CliRunner().invoke(main, [
        "admin", "realisation", ROSTER, "--session", str(SESSION_DATA / "session.yaml"),
        "--presence", str(presence_file), "--out", str(tmp_path / "out"),
    ])  # fmt: skip
    assert result.exit_code == 1 and "organisme_formation.siret" in result.output
    assert not (tmp_path / "out").exists()
