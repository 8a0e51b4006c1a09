"""Reading rosters as organisers export them, and every bad-input case."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from parler_kit.errors import RosterError
from parler_kit.roster import is_safe_id, load_roster

REPO = Path(__file__).resolve().parents[2]
HEADER = "nom;prénom;profession;structure;email;commune"


def write(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    return [str(p) for p in caught.value.problems]


def test_example_roster_has_twelve_participants_with_accents() -> None:
    """The shipped example (UTF-8 with BOM, `;`) loads 12 participants, accents intact."""
    roster = load_roster(REPO / "examples" / "roster.csv")
    assert len(roster.participants) == 12
    assert roster.participants[0].row == 2
    names = {p.full_name for p in roster.participants}
    assert "Éloïse Rousseau" in names and "Jean-Noël Bertrand-Ollier" in names
    assert {p.role for p in roster.participants} == {
        "assistante_maternelle", "rpe", "laep", "coordination", "eje",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("cp1252", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")]
)
def test_encodings_detected(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    """UTF-8 with or without BOM and Windows-1252 are all read with accents intact."""
    text = f"{HEADER}\r\nCœur;Anaïs;ass mat;Crèche Éveil;;Saint-Étienne\r\n"
    path = tmp_path / "r.csv"
    path.write_bytes(prefix + text.encode(encoding))
    (participant,) = load_roster(path).participants
    assert (participant.last_name, participant.first_name) == ("Cœur", "Anaïs")
    assert participant.structure == "Crèche Éveil" and participant.commune == "Saint-Étienne"


def test_comma_csv_with_quotes_and_loose_headers(tmp_path: Path) -> None:
    """Comma CSV; headers matched without case, accents or spacing; cells stripped."""
    text = (
        ' NOM , Prenom ,PROFESSION,  Structure ,Courriel\n"Martin; Jr",  Léa  ,RPE,"RPE, Nord",\n'
    )
    (participant,) = load_roster(write(tmp_path, text)).participants
    assert participant.last_name == "Martin; Jr"
    assert participant.first_name == "Léa"
    assert participant.structure == "RPE, Nord"
    assert participant.email is None and participant.role == "rpe"


def test_blank_lines_ignored_and_rows_are_file_lines(tmp_path: Path) -> None:
    """Blank lines (or lines of empty cells) are skipped; `row` is still the file line."""
    text = f"{HEADER}\n\n;;;;;\nDurand;Paul;LAEP;LAEP Sud;;\n"
    (participant,) = load_roster(write(tmp_path, text)).participants
    assert participant.row == 4


@pytest.mark.parametrize(
    ("spelling", "role"),
    [
        ("Ass Mat", "assistante_maternelle"),
        ("ASS. MAT.", "assistante_maternelle"),
        ("Assistante Maternelle", "assistante_maternelle"),
        ("rpe", "rpe"),
        ("R.P.E.", "rpe"),
        ("Relais Petite Enfance", "rpe"),
        ("LAEP", "laep"),
        ("Lieu d’accueil enfants-parents", "laep"),
        ("Coordinatrice", "coordination"),
        ("EJE", "eje"),
        ("Auxiliaire de puériculture", "auxiliaire_puericulture"),
    ],
)
def test_profession_spellings(tmp_path: Path, spelling: str, role: str) -> None:
    """Common spellings of each profession map to the bank's role (no case/accents/punctuation)."""
    text = f"{HEADER}\nDurand;Paul;{spelling};S;;\n"
    assert load_roster(write(tmp_path, text)).participants[0].role == role


def test_all_problems_reported_together_with_row_and_column(tmp_path: Path) -> None:
    """Every bad cell of the file is reported at once, each with its line and column."""
    text = (
        f"{HEADER}\n"
        "Durand;;ass mat;Domicile;;\n"
        "Petit;Jeanne;boulangère;Domicile;;\n"
        "Roux;Marc;RPE;RPE Nord;marc@;\n"
    )
    with pytest.raises(RosterError) as caught:
        load_roster(write(tmp_path, text))
    problems = caught.value.problems
    assert [(p.row, p.field) for p in problems] == [
        (2, "prénom (colonne B)"),
        (3, "profession (colonne C)"),
        (4, "email (colonne E)"),
    ]
    assert "boulangère" in problems[1].message and "Assistante maternelle" in problems[1].message
    assert "ligne 2" in str(caught.value) and "obligatoire" in str(caught.value)


def test_missing_required_columns(tmp_path: Path) -> None:
    """A header without `profession` and `structure` names both missing columns."""
    messages = problems_of(write(tmp_path, "Nom;Prénom;Email\nDurand;Paul;\n"))
    assert len(messages) == 2
    assert "« profession »" in messages[0] and "« structure »" in messages[1]
    assert all("ligne 1" in m for m in messages)


def test_duplicate_header(tmp_path: Path) -> None:
    """Two columns meaning the same thing are an error naming both columns."""
    messages = problems_of(write(tmp_path, "nom;prénom;profession;structure;Nom\nA;B;rpe;S;C\n"))
    assert len(messages) == 1 and "colonne A" in messages[0] and "colonne E" in messages[0]


def test_duplicate_person_names_both_rows(tmp_path: Path) -> None:
    """The same names and structure twice (case/accents aside) is an error naming both rows."""
    text = f"{HEADER}\nDurand;Hélène;RPE;RPE Nord;;\nX;Y;rpe;Z;;\ndurand ; HELENE;rpe;rpe nord;;\n"
    (message,) = problems_of(write(tmp_path, text))
    assert "lignes 2 et 4" in message


def test_duplicate_given_id(tmp_path: Path) -> None:
    """Two rows with the same id (case aside) are an error naming both rows."""
    text = "nom;prénom;profession;structure;id\nA;B;rpe;S;p01\nC;D;rpe;S;P01\n"
    (message,) = problems_of(write(tmp_path, text))
    assert "lignes 2 et 3" in message


@pytest.mark.parametrize("bad_id", ["../../etc/x", "a b", ".hidden", "con", "é1", "a/b"])
def test_unsafe_given_id_refused(tmp_path: Path, bad_id: str) -> None:
    """An id that is not a safe folder name is refused with its row and column."""
    text = f"nom;prénom;profession;structure;id\nA;B;rpe;S;{bad_id}\n"
    (message,) = problems_of(write(tmp_path, text))
    assert "ligne 2" in message and "colonne E" in message


def test_given_id_kept_as_text(tmp_path: Path) -> None:
    """An id such as 007 stays the string « 007 »."""
    text = "nom;prénom;profession;structure;id\nA;B;rpe;S;007\n"
    assert load_roster(write(tmp_path, text)).by_id("007").first_name == "B"


def test_empty_roster(tmp_path: Path) -> None:
    """A header without any participant is an error, and so is an empty file."""
    assert "aucun participant" in problems_of(write(tmp_path, f"{HEADER}\n\n"))[0]
    assert "aucun participant" in problems_of(write(tmp_path, "", name="e.csv"))[0]


def test_unsupported_format_and_missing_file(tmp_path: Path) -> None:
    """An .ods/.xls file and a missing file give a French message, not a traceback."""
    assert "non pris en charge" in problems_of(write(tmp_path, "x", name="r.ods"))[0]
    assert "introuvable" in problems_of(tmp_path / "absent.csv")[0]


def test_undecodable_bytes(tmp_path: Path) -> None:
    """A row that is not UTF-8 under a UTF-8 header is reported as an encoding problem, row 2."""
    path = tmp_path / "r.csv"
    path.write_bytes(HEADER.encode() + b"\nA;B\x81\x8d;rpe;S;;\n")
    (problem,) = problems_of(path)
    assert "ligne 2" in problem and "autre encodage" in problem


def test_xlsx_first_sheet(tmp_path: Path) -> None:
    """The first sheet of an .xlsx is read; numbers as ids stay text, rows are sheet rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Nom", "Prénom", "Profession", "Structure", "Identifiant"])
    sheet.append([None, None, None, None, None])
    sheet.append(["Öztürk", "Élif", "Assistante maternelle", "Domicile", 7])
    workbook.create_sheet("Autre").append(["rien"])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    (participant,) = load_roster(path).participants
    assert (participant.id, participant.last_name, participant.row) == ("7", "Öztürk", 3)


def test_derived_ids_are_safe_and_unique() -> None:
    """Ids derived for the example roster are distinct safe path components."""
    ids = [p.id for p in load_roster(REPO / "examples" / "roster.csv").participants]
    assert len(set(ids)) == 12 and all(is_safe_id(i) for i in ids)


def test_title_lines_above_header_skipped(tmp_path: Path) -> None:
    """A title line above the column names (as spreadsheets often have) is skipped."""
    text = f"Liste des participants — mars 2027;;;\n;;;\n{HEADER}\nDurand;Paul;LAEP;LAEP Sud;;\n"
    (participant,) = load_roster(write(tmp_path, text)).participants
    assert participant.row == 4 and participant.last_name == "Durand"


def test_comma_csv_with_title_line_without_separator(tmp_path: Path) -> None:
    """The separator is found on the header even when a bare title line comes first."""
    text = "Participants\nnom,prénom,profession,structure\nDurand,Paul,LAEP,LAEP Sud\n"
    assert load_roster(write(tmp_path, text)).participants[0].structure == "LAEP Sud"
