"""The presence file: half-day columns and marks as organisers write them, every error located."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from parler_kit.errors import RosterError
from parler_kit.roster import Roster, Session, load_presence, load_roster, load_session

DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def roster() -> Roster:
    """Zoé Étienne (p001), Awa N'Diaye (p002), Lucas Martin (p003)."""
    return load_roster(DATA / "roster.csv")


@pytest.fixture(scope="module")
def session() -> Session:
    """2 March 2026 morning (9:00–12:30) and 3 March 2026 afternoon (13:30–17:00)."""
    return load_session(DATA / "session.yaml")


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "presences.csv"
    path.write_text(text, "utf-8")
    return path


def test_names_half_day_spellings_and_marks_as_organisers_write_them(
    tmp_path: Path, roster: Roster, session: Session
) -> None:
    """Title line, nom + prénom, « lundi 2 mars AM », P/A/x, « retard 30 min », an arrival time."""
    path = _csv(tmp_path, (
        "Présences de la session d'essai;;;\n"
        "Nom;Prénom;lundi 2 mars AM;03/03/2026 après-midi;Remarques\n"
        "ETIENNE;zoé;P;retard 30 min;\n"
        "N'Diaye;Awa;présente;absente;malade\n"
        "Martin;Lucas;x;arrivée à 14 h 15;\n"
    ))  # fmt: skip
    presence = load_presence(path, roster, session)
    assert presence.hours("p001") == pytest.approx(3.5 + 3.0)
    assert presence.hours("p002") == pytest.approx(3.5)
    assert presence.hours("p003") == pytest.approx(3.5 + 2.75)  # arrived 45 min after 13:30
    morning, afternoon = session.half_days
    assert presence.present(afternoon) == {"p001", "p003"}
    assert presence.present(morning) == {"p001", "p002", "p003"}
    assert [m.status for _, m in presence.of("p001")] == ["present", "late"]


@pytest.mark.parametrize(
    ("morning", "afternoon"),
    [
        ("2026-03-02 matin", "2026-03-03 après-midi"),
        ("02/03/2026 matin", "mardi 3 mars PM"),
        ("2 mars 2026 - matinée", "3 mars aprem"),
    ],
)
def test_half_day_column_spellings(
    tmp_path: Path, roster: Roster, session: Session, morning: str, afternoon: str
) -> None:
    """ISO, French numeric and written dates with matin/AM/après-midi/PM name the same half-days."""
    rows = "\n".join(f"{p.id};1;0" for p in roster.participants)
    presence = load_presence(_csv(tmp_path, f"id;{morning};{afternoon}\n{rows}\n"), roster, session)
    assert presence.hours("p003") == pytest.approx(3.5)


def test_every_problem_names_its_row_and_column_and_nothing_is_returned(
    tmp_path: Path, roster: Roster, session: Session
) -> None:
    """Bad cell, lateness without duration, unknown name, duplicate row, wrong weekday: all named."""
    path = _csv(tmp_path, (
        "nom;prénom;mardi 2 mars matin;2026-03-03 après-midi;2026-03-09 matin\n"
        "Étienne;Zoé;P;peut-être;\n"
        "Étienne;Zoé;P;P;\n"
        "Dupont;Jean;P;P;\n"
        "N'Diaye;Awa;P;retard;\n"
    ))  # fmt: skip
    with pytest.raises(RosterError) as caught:
        load_presence(path, roster, session)
    message = " ".join(str(caught.value).replace("\u00a0", " ").replace("\u202f", " ").split())
    assert message.startswith("Fichier de présence invalide")
    assert (
        "ligne 1, champ « mardi 2 mars matin (colonne C) » : Le jour « mardi » ne correspond pas à la date lundi 2 mars 2026"
        in message
    )
    assert (
        "ligne 1, champ « 2026-03-09 matin (colonne E) » : Cette demi-journée n'est pas" in message
    )
    assert "ligne 2, champ « 2026-03-03 après-midi (colonne D) » : Valeur « peut-être »" in message
    assert (
        "ligne 3" in message and "Zoé Étienne a déjà une ligne dans ce fichier (ligne 2)" in message
    )
    assert "ligne 4, champ « nom, prénom » : « Jean Dupont » n'est pas dans la liste" in message
    assert "ligne 5" in message and "Retard « retard » sans durée" in message
    assert "Lucas Martin (p003) n'a pas de ligne" in message
    assert "demi-journée 2026-03-02 matin" in message  # the weekday mismatch leaves it missing


def test_lateness_as_long_as_the_half_day_is_refused(
    tmp_path: Path, roster: Roster, session: Session
) -> None:
    """« retard 4 h » in a 3 h 30 half-day is an error naming the cell, not negative hours."""
    path = _csv(
        tmp_path, "id;2026-03-02 matin;2026-03-03 après-midi\np001;R 4h;P\np002;P;P\np003;P;P\n"
    )
    with pytest.raises(RosterError, match=r"ligne 2, champ « 2026-03-02 matin \(colonne B\) »"):
        load_presence(path, roster, session)


def test_xlsx_presence_file_is_read_like_the_roster(
    tmp_path: Path, roster: Roster, session: Session
) -> None:
    """An .xlsx kept by the organiser: ids, 1/0 numbers, a tick sign."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "2026-03-02 matin", "2026-03-03 après-midi"])
    sheet.append(["p001", 1, 1])
    sheet.append(["p002", 0, "✓"])
    sheet.append(["p003", 1, 0])
    path = tmp_path / "presences.xlsx"
    book.save(path)
    presence = load_presence(path, roster, session)
    assert [presence.hours(pid) for pid in ("p001", "p002", "p003")] == [7.0, 3.5, 3.5]


def test_example_presence_file_gives_one_participant_fewer_hours() -> None:
    """examples/presence.csv: Anaïs Lefèvre 17 h 30; a lateness, an early departure: 30 min each."""
    roster = load_roster(EXAMPLES / "roster.csv")
    session = load_session(EXAMPLES / "session.yaml")
    presence = load_presence(EXAMPLES / "presence.csv", roster, session)
    hours = {p.last_name: presence.hours(p.id) for p in roster.participants}
    assert hours.pop("Lefèvre") == pytest.approx(17.5)
    assert hours.pop("Haddad") == pytest.approx(20.0)
    assert hours.pop("Çelik") == pytest.approx(20.0)  # « départ à 16 h 30 » on 9 March
    assert set(hours.values()) == {20.5}


def test_a_date_written_once_over_its_two_half_days_is_read(tmp_path: Path) -> None:
    """« 08/03/2027 » over « matin | après-midi » (merged cells, as exported) names both half-days."""
    roster = load_roster(EXAMPLES / "roster.csv")
    session = load_session(EXAMPLES / "session.yaml")
    rows = "".join(f"{p.last_name};{p.first_name};P;P;P;P;P;A\n" for p in roster.participants)
    path = _csv(tmp_path, (
        "Présences du 08/03/2027 au 22/03/2027\n"
        ";;08/03/2027;;09/03/2027;;22/03/2027;\n"
        f"nom;prénom;matin;après-midi;matin;après-midi;matin;après-midi\n{rows}"
    ))  # fmt: skip
    presence = load_presence(path, roster, session)
    assert {presence.hours(p.id) for p in roster.participants} == {17.5}


@pytest.mark.parametrize(
    ("cell", "late", "early"),
    [
        ("départ à 16 h 30", 0, 30),
        ("parti(e) à 16h30", 0, 30),
        ("partie à 16h30", 0, 30),
        ("départ anticipé à 16 h 30", 0, 30),
        ("départ 16h30", 0, 30),
        ("Départ à 16:00", 0, 60),
        ("arrivée à 14 h 15, départ à 16 h 45", 45, 15),
        ("retard 30 min ; départ à 16 h", 30, 60),
        ("14h / départ 16h30", 30, 30),
        ("arrivée à 14 h et départ à 16 h 30", 30, 30),
        ("P / départ à 16 h 30", 0, 30),
    ],
)
def test_an_early_departure_is_read_alone_or_with_the_arrival(
    tmp_path: Path, roster: Roster, session: Session, cell: str, late: int, early: int
) -> None:
    """Each departure spelling, and arrival + departure in one cell, deduct both from the hours."""
    header = "id;2026-03-02 matin;2026-03-03 après-midi\n"
    path = _csv(tmp_path, f'{header}p001;P;"{cell}"\np002;P;P\np003;P;P\n')  # « ; » in a cell
    presence = load_presence(path, roster, session)
    _, afternoon = presence.of("p001")[1]
    assert (afternoon.late_minutes, afternoon.early_minutes) == (late, early)
    assert afternoon.status == ("late" if late else "present")
    assert presence.hours("p001") == pytest.approx(3.5 + 3.5 - (late + early) / 60)
    assert "p001" in presence.present(session.half_days[1])


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        (
            "départ à 12 h",
            "l'heure de départ doit être dans la demi-journée (de 13 h 30 à 17 h 00)",
        ),
        (
            "départ à 18 h",
            "l'heure de départ doit être dans la demi-journée (de 13 h 30 à 17 h 00)",
        ),
        ("départ à 17 h", "ce n'est pas un départ anticipé"),
        ("arrivée à 15 h, départ à 14 h 30", "départ à 14 h 30, avant l'arrivée à 15 h 00"),
        (
            "retard 1 h 30, départ à 15 h",
            "couvrent toute la demi-journée : notez plutôt une absence (A)",
        ),
        ("départ anticipé", "sans heure lisible"),
        ("départ à 15 h, départ à 16 h", "non comprise"),
        ("A, départ à 16 h", "non comprise"),
        ("?", "non comprise"),
        ("? / départ à 16 h", "non comprise"),
    ],
)
def test_an_impossible_departure_is_refused_with_row_and_column(
    tmp_path: Path, roster: Roster, session: Session, cell: str, reason: str
) -> None:
    """Outside the half-day, at its end, before the arrival, no time left, unreadable: located."""
    header = "id;2026-03-02 matin;2026-03-03 après-midi\n"
    path = _csv(tmp_path, f'{header}p001;P;P\np002;P;"{cell}"\np003;P;P\n')
    with pytest.raises(RosterError) as caught:
        load_presence(path, roster, session)
    message = " ".join(str(caught.value).replace("\u00a0", " ").replace("\u202f", " ").split())
    assert "ligne 3, champ « 2026-03-03 après-midi (colonne C) »" in message
    assert reason in message, message
