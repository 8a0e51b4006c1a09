"""The paper path's results sheet: written blank, filled by the trainer, read by the attestations."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from parler_kit.admin import read_results_sheet, write_results_sheet
from parler_kit.cli import main
from parler_kit.errors import ParlerKitError, RosterError
from parler_kit.roster import Roster, Session

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"
ROSTER = str(SESSION_DATA / "roster.csv")


def _plain(text: str) -> str:
    """`text` with French typography's narrow and no-break spaces as plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _fill(path: Path, rows: dict[str, list[str]]) -> None:
    """Write `rows` (participant id → one cell per objective) into the XLSX sheet, as a trainer."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        cells = rows.get(str(row[0].value))
        for cell, value in zip(row[3:], cells or [], strict=False):
            cell.value = value
    workbook.save(path)


def test_resultats_writes_one_row_per_participant_and_one_column_per_objective(
    full_session_file: Path, full_session: Session, tmp_path: Path
) -> None:
    """XLSX: id, nom, prénom, « Objectif N : … » per objective, a drop-down of the four values."""
    out = tmp_path / "resultats.xlsx"
    result = CliRunner().invoke(main, [
        "admin", "resultats", ROSTER, "--session", str(full_session_file), "--out", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["id", "nom", "prénom"]
    assert rows[0][3:] == [
        f"Objectif {n}\u202f: {objective}" for n, objective in enumerate(full_session.objectives, 1)
    ]
    assert [row[:3] for row in rows[1:]] == [
        ["p001", "Étienne", "Zoé"], ["p002", "N'Diaye", "Awa"], ["p003", "Martin", "Lucas"],
    ]  # fmt: skip
    assert all(value is None for row in rows[1:] for value in row[3:])
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"acquis,en cours,non acquis,non évalué"'
    assert str(validation.sqref) == "D2:H4"


def test_an_existing_results_sheet_is_never_overwritten(
    roster: Roster, full_session: Session, tmp_path: Path
) -> None:
    """A filled sheet at the same path: refused in French, its content unchanged."""
    out = tmp_path / "resultats.csv"
    out.write_text("déjà rempli", "utf-8")
    with pytest.raises(ParlerKitError, match="existe déjà"):
        write_results_sheet(roster, full_session, out)
    assert out.read_text("utf-8") == "déjà rempli"


def test_a_csv_results_sheet_is_read_back_with_the_trainers_words(
    roster: Roster, full_session: Session, tmp_path: Path
) -> None:
    """CSV written, filled in with variants (« Acquis », « EC », « non-acquis »), read as levels."""
    path = write_results_sheet(roster, full_session, tmp_path / "resultats.csv")
    lines = path.read_text("utf-8-sig").splitlines()
    lines[1] = lines[1].rstrip(";") + ";Acquis;EC;non-acquis;non évalué;"
    path.write_text("\n".join(lines), "utf-8")
    recorded = read_results_sheet(path, roster, full_session)
    assert recorded["p001"] == ("acquis", "en_cours", "non_acquis", "non_evalue", None)
    assert recorded["p002"] == (None,) * 5


def test_a_bad_results_sheet_names_file_row_and_column(
    roster: Roster, full_session: Session, tmp_path: Path
) -> None:
    """Unknown value and unknown id: every problem located, in French."""
    path = write_results_sheet(roster, full_session, tmp_path / "resultats.xlsx")
    _fill(path, {"p001": ["acquis", "bien"]})
    workbook = load_workbook(path)
    workbook.worksheets[0]["A3"] = "p999"
    workbook.save(path)
    with pytest.raises(RosterError) as raised:
        read_results_sheet(path, roster, full_session)
    text = _plain(str(raised.value))
    assert "Feuille de résultats invalide : 2 problèmes trouvés" in text
    assert "ligne 2" in text and "E (Objectif 2)" in text and "« bien » non compris" in text
    assert "ligne 3" in text and "« p999 » absent de la liste des participants" in text


def test_attestations_read_the_filled_sheet_on_the_paper_path(
    full_session_file: Path,
    presence_file: Path,
    full_session: Session,
    roster: Roster,
    tmp_path: Path,
    reading: Callable[[Path], str],
) -> None:
    """Levels from the sheet on the PDF; an empty cell is « non évalué » with the true reason."""
    sheet = write_results_sheet(roster, full_session, tmp_path / "resultats.xlsx")
    _fill(sheet, {"p001": ["acquis", "en cours", "non acquis", "acquis", ""]})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "admin", "attestations", ROSTER, "--session", str(full_session_file), "--out", str(out),
        "--presence", str(presence_file), "--results-sheet", str(sheet),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    zoe = reading(out / "attestation-p001.pdf")
    assert "Observer sans poser de diagnostic. Acquis Résultat noté par le formateur" in zoe
    assert "prévention précoce. En cours d'acquisition Résultat noté par le formateur" in zoe
    assert "0 à 6 ans. Non acquis Résultat noté par le formateur" in zoe
    assert (
        "Construire une fiche action pour le quartier. Non évalué Aucun résultat noté pour cet"
        " objectif dans la feuille de résultats du formateur" in zoe
    )
    awa = reading(out / "attestation-p002.pdf")
    assert awa.count("Non évalué Aucun résultat noté pour cet objectif") == 5
    assert "☐" not in zoe + awa


def test_a_bad_results_sheet_writes_no_attestation(
    full_session_file: Path, roster: Roster, full_session: Session, tmp_path: Path
) -> None:
    """Exit 1, the located problem on stderr, and no PDF."""
    sheet = write_results_sheet(roster, full_session, tmp_path / "resultats.xlsx")
    _fill(sheet, {"p002": ["peut-être"]})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "admin", "attestations", ROSTER, "--session", str(full_session_file), "--out", str(out),
        "--results-sheet", str(sheet),
    ])  # fmt: skip
    assert result.exit_code == 1
    output = _plain(result.output)
    assert "ligne 3" in output and "« peut-être » non compris" in output
    assert not out.exists() or not any(out.iterdir())
