"""Rosters and presence files whose cells hold formulas, as organisers build them from other sheets.

Excel and LibreOffice save each formula with its computed result: the kit reads the result.
A script that writes formulas (openpyxl, the files made here with it) saves no result: the kit
refuses those cells by file, row and field, and says to open the file and save it once.
The Excel and LibreOffice files are written by `saved_workbooks` (its docstring says how).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from saved_workbooks import Formula, Maker, saved_xlsx

from parler_kit.errors import RosterError
from parler_kit.roster import load_presence, load_roster, load_session

REPO = Path(__file__).resolve().parents[2]
HEADER = ["nom", "prénom", "profession", "structure", "email", "saisie"]


def _problems(path: Path) -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    return [str(p).replace("\u00a0", " ").replace("\u202f", " ") for p in caught.value.problems]


@pytest.mark.parametrize("maker", ["excel", "libreoffice"])
def test_formulas_are_read_through_the_results_the_spreadsheet_saved(
    tmp_path: Path, maker: Maker
) -> None:
    """NOMPROPRE, a concatenation, a filled-down column and an empty text result: their results."""
    rows = [
        HEADER,
        [
            Formula("UPPER(F2)", "DURAND"),
            Formula("PROPER(F3)", "Éloïse", shared=True),
            "ass mat",
            Formula('"Crèche "&"Les Lilas"', "Crèche Les Lilas"),
            Formula('IF(1=0,"x","")', ""),  # a computed empty text: an empty optional cell
            "durand",
        ],
        [
            "Martin",
            Formula("PROPER(F3)", "Léo", shared=True),
            "RPE",
            "RPE Nord",
            Formula('"leo"&"@exemple.fr"', "leo@exemple.fr"),
            "léo",
        ],
    ]
    roster = load_roster(saved_xlsx(tmp_path / "liste.xlsx", rows, maker))
    assert [(p.last_name, p.first_name, p.structure, p.email) for p in roster.participants] == [
        ("DURAND", "Éloïse", "Crèche Les Lilas", None),
        ("Martin", "Léo", "RPE Nord", "leo@exemple.fr"),
    ]


def test_a_formula_without_a_saved_result_is_refused_by_row_and_field(tmp_path: Path) -> None:
    """A script's formula (no result saved): file, row, field named; open and save it once."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["Durand", "=PROPER(F2)", "ass mat", "Domicile", None, "éloïse"])
    sheet.append(["Martin", "Léo", "RPE", "RPE Nord", None, "léo"])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    problems = _problems(path)
    assert len(problems) == 1  # not also « Case vide »
    assert problems[0].startswith(f"{path}, ligne 2, champ « prénom (colonne B) » : ")
    assert "« =PROPER(F2) »" in problems[0]
    assert "Ouvrez le fichier dans Excel ou LibreOffice, enregistrez-le une fois" in problems[0]


def test_a_formula_that_only_fills_a_row_is_not_taken_for_an_empty_row(tmp_path: Path) -> None:
    """A row made only of formulas without results is reported, not skipped as blank."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER[:4])
    sheet.append(["Martin", "Léo", "RPE", "RPE Nord"])
    sheet.append(["=Feuil2!A3", "=Feuil2!B3", "=Feuil2!C3", "=Feuil2!D3"])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    problems = _problems(path)
    assert sorted(p.split(" : ")[0] for p in problems) == sorted(
        f"{path}, ligne 3, champ « {name} (colonne {letter}) »"
        for letter, name in zip("ABCD", HEADER[:4], strict=True)
    )


def test_a_formula_whose_result_is_an_error_is_refused(tmp_path: Path) -> None:
    """« #NAME? » saved as a first name (a function the spreadsheet did not know) is refused."""
    rows = [HEADER[:4], ["Durand", Formula("NOMPROPRE(F2)", "#NAME?"), "ass mat", "Domicile"]]
    problems = _problems(saved_xlsx(tmp_path / "liste.xlsx", rows, "excel"))
    assert len(problems) == 1
    assert "ligne 2, champ « prénom (colonne B) »" in problems[0] and "#NAME?" in problems[0]


def test_a_presence_cell_without_a_saved_result_is_not_read_as_absent(tmp_path: Path) -> None:
    """A presence mark computed by a formula never saved by a spreadsheet is refused, not « absent »."""
    roster = load_roster(REPO / "examples" / "roster.csv")
    session = load_session(REPO / "examples" / "session.yaml")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    halves = [f"{h.date.isoformat()} {h.period}" for h in session.half_days]
    sheet.append(["id", *halves])
    for index, participant in enumerate(roster.participants):
        marks = ["P"] * len(halves)
        if index == 0:
            marks[1] = '=IF(Feuil2!B2="x","P","")'
        sheet.append([participant.id, *marks])
    path = tmp_path / "presences.xlsx"
    book.save(path)
    with pytest.raises(RosterError) as caught:
        load_presence(path, roster, session)
    problems = [str(p).replace("\u00a0", " ") for p in caught.value.problems]
    assert len(problems) == 1
    assert f"ligne 2, champ « {halves[1]} (colonne C) »" in problems[0]
    assert "enregistrez-le une fois" in problems[0]
