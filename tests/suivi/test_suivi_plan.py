"""The fiche action's follow-up: a form per point (3, 6 months), read back into the bilan's section."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from parler_kit.answers import PLAN_FOLLOW_UP_ANSWERS, StoredAnswer
from parler_kit.answers.fileformat import dump
from parler_kit.cli import main
from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.report import bilan_html, build_bilan, load_answers
from parler_kit.roster import Roster, Session
from parler_kit.suivi import write_plan_form
from parler_kit.widgets.plan_follow_up import PlanFollowUpForm
from pdf_tags import structure

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: `fill_like_a_viewer` (conftest): form, values, where to save.
Fill = Callable[[Path, dict[str, str], Path], Path]
SHEET = {
    "fa-intitule": "Temps livres au LAEP",
    "fa-indicateurs": "Nombre de temps livres : 8 dans l'année.",
    "fa-calendrier": "Janvier : premier temps livres ; juin : bilan.",
}


def _answers_with_sheet(folder: Path, roster: Roster, session: Session) -> Path:
    pid = roster.participants[0].id
    stored = {"fiche-action": StoredAnswer(SHEET, "2027-03-22T15:00:00+00:00", 1)}
    path = folder / pid / "jour3" / "carnet.answers.json"
    path.parent.mkdir(parents=True)
    path.write_text(dump(pid, session.id, stored), "utf-8")
    return folder


def test_the_follow_up_is_a_tagged_form_with_the_plan_printed(
    session: Session, tmp_path: Path
) -> None:
    """The form locks the action's title, prints its planned indicators and calendar, asks a status."""
    pdf, eml = write_plan_form(session, [SHEET], 3, tmp_path, to="coordination@exemple.fr")
    assert structure(pdf)[0] == []
    fields = PdfReader(pdf).get_fields() or {}
    assert fields["action-1:intitule"]["/V"] == "Temps livres au LAEP"
    assert int(fields["action-1:intitule"]["/Ff"]) & 1
    options = [str(o[0]) for o in fields["action-1:statut"]["/Opt"]]
    assert options == ["", "pas-commencee", "en-cours", "realisee", "abandonnee"]
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "8 dans" in text and "premier temps livres" in text
    assert b"To: coordination@exemple.fr" in eml.read_bytes()


def test_returned_follow_ups_fill_the_bilans_plan_section(
    bank: ContentBank, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """The 3- and 6-month forms, filled, show beside the plan in « Suivi du plan d'action »."""
    answers = _answers_with_sheet(tmp_path / "reponses", roster, session)
    sent = tmp_path / "envoi"
    for months, status, value in ((3, "en-cours", "3 temps livres"), (6, "realisee", "8")):
        (pdf, _) = write_plan_form(session, [SHEET], months, sent)
        fill(pdf, {"action-1:statut": status, "action-1:indicateurs": value,
                   "action-1:freins": "Salle indisponible en mars."}, answers / pdf.name)  # fmt: skip
    inputs = load_answers(answers, roster, session)
    assert inputs.left_out == []
    bilan = build_bilan(bank, session, roster, inputs)
    (row,) = bilan.plan
    assert row.title == "Temps livres au LAEP"
    assert [(m, p.status if p else None) for m, p in row.points] == [
        (3, "en-cours"),
        (6, "realisee"),
    ]
    html = bilan_html(bilan, bank)
    assert "Suivi du plan d’action" in html
    assert "3 temps livres" in html and "Réalisée" in html


def test_an_unfilled_or_doubled_follow_up_is_named(
    roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """A follow-up returned empty, or two different ones for the same point, are left out and named."""
    answers = _answers_with_sheet(tmp_path / "reponses", roster, session)
    (pdf, _) = write_plan_form(session, [SHEET], 3, tmp_path / "envoi")
    (answers / "vide.pdf").write_bytes(pdf.read_bytes())
    fill(pdf, {"action-1:statut": "en-cours"}, answers / "un.pdf")
    fill(pdf, {"action-1:statut": "abandonnee"}, answers / "deux.pdf")
    found = load_answers(answers, roster, session)
    assert found.plans == []
    reasons = {x.path.name: x.reason for x in found.left_out}
    assert reasons["vide.pdf"].startswith("formulaire renvoyé sans aucune réponse")
    assert "deux.pdf, un.pdf" in reasons["un.pdf"] and "deux.pdf, un.pdf" in reasons["deux.pdf"]


def test_only_three_or_six_months(session: Session, tmp_path: Path) -> None:
    """A follow-up point other than 3 or 6 months is refused in French, nothing written."""
    with pytest.raises(ParlerKitError, match="3 ou à 6 mois"):
        write_plan_form(session, [SHEET], 4, tmp_path / "envoi")
    assert not (tmp_path / "envoi").exists()


def test_fiche_action_command_reads_the_sheet_from_the_answers(
    roster: Roster, session: Session, tmp_path: Path
) -> None:
    """`parler-kit suivi fiche-action` finds the group's sheet in the answers and writes the form."""
    answers = _answers_with_sheet(tmp_path / "reponses", roster, session)
    result = CliRunner().invoke(main, ["suivi", "fiche-action", "--session", str(EXAMPLES / "session.yaml"),
        "--roster", str(EXAMPLES / "roster.csv"), "--answers", str(answers), "--mois", "6",
        "--out", str(tmp_path / "envoi")])  # fmt: skip
    assert result.exit_code == 0, result.output
    fields = PdfReader(tmp_path / "envoi" / "suivi-fiche-action-6-mois.pdf").get_fields() or {}
    assert fields["action-1:intitule"]["/V"] == "Temps livres au LAEP"
    empty = tmp_path / "sans-fiche"
    empty.mkdir()
    result = CliRunner().invoke(main, ["suivi", "fiche-action", "--session", str(EXAMPLES / "session.yaml"),
        "--roster", str(EXAMPLES / "roster.csv"), "--answers", str(empty), "--mois", "3",
        "--out", str(tmp_path / "envoi2")])  # fmt: skip
    assert result.exit_code == 1 and "Aucune fiche action" in result.output


def test_the_bilan_says_when_no_follow_up_came_back(
    bank: ContentBank, roster: Roster, session: Session, tmp_path: Path
) -> None:
    """With a fiche action and no returned follow-up, the section says which command to use."""
    answers = _answers_with_sheet(tmp_path / "reponses", roster, session)
    bilan = build_bilan(bank, session, roster, load_answers(answers, roster, session))
    html = " ".join(bilan_html(bilan, bank).split())
    assert "Aucun suivi n’a encore été renvoyé ni enregistré" in html
    assert "parler-kit suivi fiche-action" in html


def test_a_hand_edited_room_record_is_left_out_and_named(
    roster: Roster, session: Session, tmp_path: Path
) -> None:
    """A follow-up recorded in the room whose record is not the kit's is named, never guessed."""
    folder = _answers_with_sheet(tmp_path / "reponses", roster, session)
    stored = {"suivi:fiche-action:3": StoredAnswer("en cours", "2027-06-22T10:00:00+00:00", 1)}
    path = folder / "suivi-fiche-action.answers.json"
    path.write_text(dump(None, session.id, stored), "utf-8")
    inputs = load_answers(folder, roster, session)
    assert inputs.plans == []
    ((left, reason),) = [(o.path, o.reason) for o in inputs.left_out]
    assert left == path and "suivi:fiche-action:3" in reason and "modifié à la main" in reason


def test_the_room_and_a_returned_form_for_one_point_are_one_follow_up(
    bank: ContentBank, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """The same record both ways counts once; two different records of one point are all left out."""
    answers = _answers_with_sheet(tmp_path / "reponses", roster, session)
    room = tmp_path / "salle" / PLAN_FOLLOW_UP_ANSWERS
    room.parent.mkdir()
    form = PlanFollowUpForm(3, sheets=[SHEET], store=room, bank=bank)
    form.rows[0]["status"].value = "en-cours"
    form.rows[0]["indicators"].value = "3 temps livres"
    shutil.copy2(room, answers / PLAN_FOLLOW_UP_ANSWERS)
    (pdf, _) = write_plan_form(session, [SHEET], 3, tmp_path / "envoi")
    returned = answers / pdf.name
    fill(pdf, {"action-1:statut": "en-cours", "action-1:indicateurs": "3 temps livres"}, returned)
    bilan = build_bilan(bank, session, roster, load_answers(answers, roster, session))
    assert [p.status if p else None for _, p in bilan.plan[0].points] == ["en-cours"]
    assert [left.path for left in bilan.inputs.left_out] == [returned]  # « copie identique »
    fill(pdf, {"action-1:statut": "realisee", "action-1:indicateurs": "8"}, returned)
    bilan = build_bilan(bank, session, roster, load_answers(answers, roster, session))
    assert bilan.plan[0].points == []
    reasons = {left.path.name: left.reason for left in bilan.inputs.left_out}
    assert set(reasons) == {PLAN_FOLLOW_UP_ANSWERS, returned.name}
    assert all("rempli plusieurs fois" in reason for reason in reasons.values())
