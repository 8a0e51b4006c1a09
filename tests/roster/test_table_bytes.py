"""Roster files whose bytes are not what they claim: each refusal names the real cause and row."""

from __future__ import annotations

from pathlib import Path

import pytest

from damaged_files import HEADER, cut_workbook, mixed_encoding_roster
from parler_kit.errors import RosterError
from parler_kit.roster import load_roster

ROW_UTF8 = "Benali;Fatima;ass mat;Crèche Éveil;;Saint-Étienne"


def refusal(path: Path) -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    # French typography puts no-break spaces around « » and before : ? — fold them for matching.
    return [
        str(problem).replace("\u00a0", " ").replace("\u202f", " ")
        for problem in caught.value.problems
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_one_windows_1252_row_in_utf8_file_is_named(tmp_path: Path, bom: bytes) -> None:
    """A UTF-8 roster with row 3 pasted in Windows-1252 is refused naming row 3 and the cause."""
    path = mixed_encoding_roster(tmp_path)
    path.write_bytes(bom + path.read_bytes())
    (problem,) = refusal(path)
    assert "ligne 3" in problem and "Windows-1252" in problem and "UTF-8" in problem
    assert "Lef" in problem  # the row is quoted, so the organiser recognises it
    assert "en-tête" not in problem


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named_as_such(tmp_path: Path, codec: str) -> None:
    """UTF-16 without byte order mark is refused as UTF-16, not as a missing column."""
    path = tmp_path / "r.csv"
    path.write_bytes(f"{HEADER}\r\n{ROW_UTF8}\r\n".encode(codec))
    (problem,) = refusal(path)
    assert f"UTF-16 ({codec[-2:].upper()})" in problem and "CSV UTF-8" in problem
    assert "absente" not in problem


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    """UTF-16 with its byte order mark (Excel's « texte Unicode ») is read, accents intact."""
    path = tmp_path / "r.csv"
    path.write_bytes(f"{HEADER}\r\n{ROW_UTF8}\r\n".encode("utf-16"))
    (participant,) = load_roster(path).participants
    assert participant.structure == "Crèche Éveil"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PK\x03\x04rest-of-a-workbook", "renommé en .csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old-excel", "ancien format (.xls)"),
        (b"%PDF-1.7\n...", "est un PDF"),
        (HEADER.encode() + b"\nA;B\x00C;rpe;S;;\n", "octet nul en position"),
    ],
)
def test_files_that_are_not_csv_text(tmp_path: Path, data: bytes, expected: str) -> None:
    """A workbook, an old .xls, a PDF or binary data saved as .csv each get their own reason."""
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    (problem,) = refusal(path)
    assert expected in problem


def test_bytes_valid_in_no_known_encoding_name_the_row(tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor Windows-1252 in an ASCII file: encoding error, row 2."""
    path = tmp_path / "r.csv"
    path.write_bytes(b"nom;prenom;profession;structure\nA;B\x81\x8d;rpe;S\n")
    (problem,) = refusal(path)
    assert "ligne 2" in problem and "Encodage du texte non reconnu" in problem


def test_xlsx_with_broken_sheet_xml(tmp_path: Path) -> None:
    """A valid zip whose sheet XML was cut (failed attachment) is refused naming the sheet."""
    (problem,) = refusal(cut_workbook(tmp_path, sheet_title="Inscrits"))
    assert "Feuille « Inscrits » du classeur abîmée" in problem
    assert "enregistrez-le à nouveau" in problem
