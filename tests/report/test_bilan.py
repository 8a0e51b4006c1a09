"""The bilan: what it keeps, what it leaves out and says so, small numbers, privacy."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from parler_kit.content import ContentBank
from parler_kit.errors import RosterError
from parler_kit.i18n import french_typography
from parler_kit.printing.typography import typeset_text
from parler_kit.report import (
    Tally,
    anonymise,
    build_bilan,
    load_answers,
    load_attendance,
    name_pattern,
    write_bilan,
)
from parler_kit.report.render import tally_text
from parler_kit.roster import Roster, Session
from pdf_tags import structure


def _snapshot(folder: Path) -> dict[str, tuple[str, float]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_bad_files_are_left_out_by_name_and_the_rest_is_kept(
    answers_folder: Path, roster: Roster, session: Session
) -> None:
    """Other session, unknown participant, no id, unknown version, bad JSON: each named; p003 has nothing."""
    before = _snapshot(answers_folder)
    found = load_answers(answers_folder, roster, session)
    assert _snapshot(answers_folder) == before  # read-only
    assert sorted(found.files) == ["p001", "p002"]
    assert [len(files) for _, files in sorted(found.files.items())] == [2, 2]
    reasons = {p.path.relative_to(answers_folder).as_posix(): p.reason for p in found.left_out}
    assert "autre session" in reasons["autre/carnet.answers.json"]
    assert "p999" in reasons["inconnu/carnet.answers.json"]
    assert "aucun identifiant" in reasons["anonyme/carnet.answers.json"]
    assert "7" in reasons["vieux.answers.json"] and "version" in reasons["vieux.answers.json"]
    assert "abime.answers.json" in reasons
    assert [p.id for p in found.without_answers] == ["p003"]


@pytest.fixture(scope="module")
def bilan_pdf(
    answers_folder: Path,
    roster: Roster,
    session: Session,
    bank: ContentBank,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The bilan PDF built from the fixture folder and a YAML attendance file."""
    folder = tmp_path_factory.mktemp("bilan")
    attendance = folder / "presences.yaml"
    attendance.write_text(
        "2026-03-02 matin: [p001, p002, p003]\n2026-03-03 après-midi: [p001, p002]\n", "utf-8"
    )
    present = load_attendance(attendance, roster, session)
    inputs = load_answers(answers_folder, roster, session)
    return write_bilan(
        build_bilan(bank, session, roster, inputs, present), bank, folder / "bilan.pdf"
    )


@pytest.fixture(scope="module")
def bilan_text(bilan_pdf: Path, pdf_text: Callable[[Path], str]) -> str:
    """The same bilan as text."""
    return pdf_text(bilan_pdf)


def test_bilan_reports_what_was_left_out_and_who_returned_nothing(bilan_text: str) -> None:
    """The PDF names every file left out with its reason and counts who returned nothing."""
    assert "Participants sans fichier de réponses exploitable : 1" in " ".join(bilan_text.split())
    assert "5 fichiers laissés de côté" in bilan_text
    assert (
        "autre session" in bilan_text
        and "p999" in bilan_text
        and "vieux.answers.json" in bilan_text
    )


def test_bilan_prints_n_and_no_percentage_under_five_answers(
    bilan_text: str, bank: ContentBank
) -> None:
    """Two people per question: counts with the people, never a percentage; attendance too."""
    assert (
        "à l’entrée 1 sur 2 (2 personnes) ; en fin de formation 2 sur 2 (2 personnes)" in bilan_text
    )
    assert "3 sur 3 (3 personnes)" in bilan_text and "2 sur 3 (3 personnes)" in bilan_text
    assert (
        "lundi 2 mars 2026, matin" in bilan_text and "mardi 3 mars 2026, après-midi" in bilan_text
    )
    assert "Pas de graphique : moins de 5 réponses" in bilan_text
    assert "n = 2 (pas de moyenne sous 5 réponses)" in bilan_text
    assert "moyenne 5,0 sur 5" not in bilan_text  # both answered 5: no mean printed for n = 2
    method = bilan_text.index("Méthode")
    assert "%" not in bilan_text[:method].replace("100 %", "")  # no share printed anywhere above


def test_bilan_counts_participants_per_profession(bilan_text: str, bank: ContentBank) -> None:
    """One participant per profession in the fixture roster, named as the role records name them."""
    flat = " ".join(bilan_text.split())
    for role in ("assistante_maternelle", "rpe", "laep"):
        label = " ".join(typeset_text(french_typography(bank.role(role).label.fr)).split())
        assert f"{label} 1" in flat, label


def test_bilan_anonymises_comments_and_holds_no_observation_data(
    bilan_text: str, planted: dict[str, str]
) -> None:
    """Roster names in comments are blanked and marked; the children's observations never appear."""
    assert "Merci à […] et à […]-[…], et à la formatrice. [modifié]" in bilan_text
    assert "Zoé et" not in bilan_text
    assert planted["observation"] not in bilan_text and "E-42" not in bilan_text


def test_bilan_appends_the_fiche_action_once(bilan_text: str, planted: dict[str, str]) -> None:
    """The same joint fiche action returned by two participants is printed once, in the appendix."""
    appendix = bilan_text.index("Annexe : fiche action")  # one sheet: singular
    assert bilan_text.count(planted["fiche"].split(" au ")[0]) == 1
    assert (
        bilan_text.index("Fiche action n° 1") > appendix and "Fiche action n° 2" not in bilan_text
    )


def test_percentages_need_five_answers() -> None:
    """Five people or more: a percentage; fewer: a count; the people always; none: said plainly."""
    assert tally_text(Tally(4, 5, 5)) == "80 % (5 personnes)"
    assert tally_text(Tally(3, 4, 4)) == "3 sur 4 (4 personnes)"
    assert tally_text(Tally(1, 1, 1)) == "1 sur 1 (1 personne)"
    assert tally_text(Tally(0, 0, 0)) == "aucune réponse"


def test_anonymise_blanks_capitalised_roster_names_only() -> None:
    """Capitalised first and last names (and parts of compound ones) are blanked; words are not."""
    pattern = name_pattern(["Rose", "Jean-Noël", "N'Diaye"])
    assert anonymise("la robe rose de Rose", pattern) == ("la robe rose de […] [modifié]", True)
    assert anonymise("Jean-Noël et Noël, Mme Diaye", pattern)[0] == "[…] et […], Mme […] [modifié]"
    assert anonymise("rien à signaler", pattern) == ("rien à signaler", False)


def test_attendance_csv_is_read_and_a_bad_cell_is_named(
    roster: Roster, session: Session, tmp_path: Path
) -> None:
    """The CSV form gives the same result as the YAML one; an unknown value names its row."""
    good = tmp_path / "presences.csv"
    good.write_text(
        "id;2026-03-02 matin;2026-03-03 après-midi\np001;x;x\np002;oui;\np003;présente;absent\n",
        "utf-8",
    )
    present = {h.period: ids for h, ids in load_attendance(good, roster, session).items()}
    assert present == {"matin": {"p001", "p002", "p003"}, "après-midi": {"p001"}}
    bad = tmp_path / "mauvais.csv"
    bad.write_text("id;2026-03-02 matin;2026-03-09 matin\np001;peut-être;x\np404;x;x\n", "utf-8")
    with pytest.raises(RosterError, match="Fichier de présence invalide") as caught:
        load_attendance(bad, roster, session)
    message = str(caught.value)
    assert (
        "2026-03-09 matin" in message
        and "peut-être" in message
        and "ligne 2" in message
        and "p404" in message
    )


def test_bilan_is_dated_signed_and_counts_trainee_hours_per_commune(
    bilan_text: str, session: Session
) -> None:
    """Date and authors; participants and trainee-hours per commune, from the presence file."""
    flat = " ".join(bilan_text.split())
    assert "Bilan établi le " in flat and session.trainers[0] in flat
    morning, afternoon = session.half_days
    hours = 3 * morning.hours + 2 * afternoon.hours  # three present in the morning, two after
    number = f"{hours:.1f}".replace(".", ",").removesuffix(",0")
    assert f"Saint-Étienne 3 {number} h" in flat and "d’après le fichier de présence" in flat


def test_bilan_pdf_is_tagged_and_french(bilan_pdf: Path) -> None:
    """The bilan PDF declares /Lang fr and has a structure tree covering every page."""
    problems, types = structure(bilan_pdf)
    assert problems == [] and types["H2"] >= 5 and types["Table"] >= 3, (problems, types)


def test_the_bilan_names_no_participant_and_gives_no_id(bilan_text: str, roster: Roster) -> None:
    """Funder-facing: neither a name nor an id of the roster, anywhere (counts instead)."""
    flat = " ".join(bilan_text.split())
    for participant in roster.participants:
        assert participant.id not in flat
        assert participant.full_name not in flat and participant.first_name not in flat


def test_a_bilan_made_before_the_last_day_announces_what_is_to_come_and_reconciles_hours(
    roster: Roster,
    session: Session,
    bank: ContentBank,
    tmp_path: Path,
    pdf_text: Callable[[Path], str],
) -> None:
    """Made on day 1: end quiz, à chaud, à froid and annexe « à venir »; late minutes deducted."""
    presence = tmp_path / "presences.csv"
    presence.write_text(
        "id;2026-03-02 matin;2026-03-03 après-midi\np001;P;retard 30 min\np002;P;A\np003;P;P\n",
        "utf-8",
    )
    present = load_attendance(presence, roster, session)
    (tmp_path / "reponses").mkdir()  # on day 1 nothing of the end of the course came back
    inputs = load_answers(tmp_path / "reponses", roster, session)
    made = session.days[0]
    bilan = build_bilan(bank, session, roster, inputs, present, made_on=made)
    flat = " ".join(pdf_text(write_bilan(bilan, bank, tmp_path / "bilan.pdf")).split())
    assert "Bilan établi le 2 mars 2026" in flat
    assert "le questionnaire de fin de formation est à venir" in flat
    assert flat.count("À venir : ces réponses sont attendues à partir du 3 mars 2026.") == 2
    assert "À venir : ces réponses sont attendues à partir du 2 juin 2026." in flat  # 13 weeks
    # Trainee-hours as on the certificates: 6 h 30 (30 min late) + 3 h 30 + 7 h = 17 h.
    assert "Saint-Étienne 3 17 h" in flat


def test_the_template_s_example_fiche_action_is_not_annexed_as_the_group_s(
    bank: ContentBank,
    roster: Roster,
    session: Session,
    tmp_path: Path,
    write_answers: Callable[..., Path],
) -> None:
    """A returned sheet identical to the bank's example text is not the group's own."""
    example = {f.id: f.example.fr for f in bank.action_sheet_fields}
    folder = tmp_path / "reponses"
    when = "2026-03-03T15:00:00+00:00"
    write_answers(folder / "carnet.answers.json", "p001", session.id,
                  {"fiche-action": (example, when)})  # fmt: skip
    bilan = build_bilan(bank, session, roster, load_answers(folder, roster, session))
    assert bilan.action_sheets == []


def test_answers_returned_before_their_due_day_are_shown_not_hidden(
    answers_folder: Path, roster: Roster, session: Session, bank: ContentBank
) -> None:
    """End-of-course answers already in the folder are printed even when the day is not over."""
    inputs = load_answers(answers_folder, roster, session)
    bilan = build_bilan(bank, session, roster, inputs, made_on=session.days[0])
    assert not bilan.end_due and bilan.end_shown
