"""PlanFollowUpForm: the fiche action's follow-up recorded in a room, read by the bilan like a form."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parler_kit.answers import PLAN_FOLLOW_UP_ANSWERS, StoredAnswer, read_answers
from parler_kit.answers.fileformat import dump
from parler_kit.content import ContentBank
from parler_kit.report import bilan_html, build_bilan, load_answers
from parler_kit.roster import Roster, Session, load_roster, load_session
from parler_kit.widgets.plan_follow_up import PlanFollowUpForm

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHEET = {
    "fa-intitule": "Temps livres au LAEP",
    "fa-indicateurs": "Nombre de temps livres : 8 dans l'année.",
    "fa-calendrier": "Janvier : premier temps livres ; juin : bilan.",
}
SECOND = {"fa-intitule": "Atelier comptines des langues du quartier"}


@pytest.fixture(scope="module")
def roster() -> Roster:
    """The example roster."""
    return load_roster(EXAMPLES / "roster.csv")


@pytest.fixture(scope="module")
def session() -> Session:
    """The example session."""
    return load_session(EXAMPLES / "session.yaml")


def _carnet(path: Path, participant_id: str | None, session_id: str, sheet: dict[str, str]) -> None:
    """A day-3 answers file holding `sheet` as the fiche action."""
    stored = {"fiche-action": StoredAnswer(sheet, "2027-03-22T15:00:00+00:00", 1)}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(participant_id, session_id, stored), "utf-8")


@pytest.fixture
def trainers(tmp_path: Path, session: Session) -> Path:
    """The trainers' curriculum of a room: the fiche action projected and filled on day 3."""
    folder = tmp_path / "cours" / "curriculum"
    _carnet(folder / "day3" / "carnet.answers.json", None, session.id, SHEET)
    return folder


@pytest.fixture
def answers(tmp_path: Path, roster: Roster, session: Session) -> Path:
    """The session's answers folder: a participant's day 3 with the group's fiche action."""
    folder = tmp_path / "reponses"
    pid = roster.participants[0].id
    _carnet(folder / pid / "day3" / "carnet.answers.json", pid, session.id, SHEET)
    return folder


def _record(form: PlanFollowUpForm, number: int, **values: str) -> None:
    """Type `values` into action `number` as the coordination would (each change saves at once)."""
    for name, value in values.items():
        form.rows[number - 1][name].value = value


def _bilan(bank: ContentBank, folder: Path, roster: Roster, session: Session) -> Any:
    return build_bilan(bank, session, roster, load_answers(folder, roster, session))


def test_a_point_recorded_in_the_room_shows_in_the_bilans_plan_section(
    bank: ContentBank, trainers: Path, answers: Path, roster: Roster, session: Session
) -> None:
    """Status, indicators and obstacles typed in the widget are the bilan's 3-month follow-up."""
    form = PlanFollowUpForm(3, store=trainers / PLAN_FOLLOW_UP_ANSWERS, bank=bank)
    assert [row["title"].value for row in form.rows] == ["Temps livres au LAEP"]
    assert form.rows[0]["title"].disabled  # the fiche action's own title, as in the PDF form
    _record(form, 1, status="en-cours", indicators="3 temps livres",
            obstacles="Salle indisponible en mars.")  # fmt: skip
    assert "Suivi à 3 mois enregistré" in form.status.value
    shutil.copy2(trainers / PLAN_FOLLOW_UP_ANSWERS, answers / PLAN_FOLLOW_UP_ANSWERS)
    bilan = _bilan(bank, answers, roster, session)
    assert bilan.inputs.left_out == []
    (row,) = bilan.plan
    ((months, point),) = row.points
    assert (months, row.title) == (3, "Temps livres au LAEP")
    assert point is not None and point.status == "en-cours"
    assert (point.indicators, point.obstacles) == ("3 temps livres", "Salle indisponible en mars.")
    html = bilan_html(bilan, bank)
    assert "3 temps livres" in html and "En cours" in html
    assert "Aucun suivi n’a encore été renvoyé" not in html


def test_the_record_is_restored_when_the_notebook_is_opened_again(
    bank: ContentBank, trainers: Path
) -> None:
    """A new widget on the same file shows what was recorded; the 6-month point is separate."""
    path = trainers / PLAN_FOLLOW_UP_ANSWERS
    _record(PlanFollowUpForm(3, store=path, bank=bank), 1, status="realisee", done="Huit temps.")
    again = PlanFollowUpForm(3, store=path, bank=bank)
    assert (again.rows[0]["status"].value, again.rows[0]["done"].value) == (
        "realisee",
        "Huit temps.",
    )
    later = PlanFollowUpForm(6, store=path, bank=bank)
    assert later.rows[0]["status"].value == "" and later.value == {}
    assert set(read_answers(path).answers) == {"suivi:fiche-action:3"}


def test_without_a_fiche_action_titles_are_typed_and_matched_by_order(
    bank: ContentBank, tmp_path: Path, roster: Roster, session: Session
) -> None:
    """No sheet in the room's folder: titles are typed, actions added; the bilan pairs them in order."""
    path = tmp_path / "salle" / PLAN_FOLLOW_UP_ANSWERS
    path.parent.mkdir()
    form = PlanFollowUpForm(6, store=path, bank=bank)
    assert form.sheets == [] and not form.rows[0]["title"].disabled
    form.add_action()
    _record(form, 1, title="Temps livres", status="abandonnee")
    _record(form, 2, title="Comptines", status="en-cours")
    folder = tmp_path / "reponses"
    pid = roster.participants[1].id
    _carnet(folder / pid / "day3" / "carnet.answers.json", pid, session.id, SHEET)
    _carnet(folder / "autre" / "carnet.answers.json", roster.participants[2].id, session.id, SECOND)
    (folder / "suivi").mkdir()
    shutil.copy2(path, folder / "suivi" / PLAN_FOLLOW_UP_ANSWERS)
    bilan = _bilan(bank, folder, roster, session)
    statuses = [[p.status if p else None for _, p in row.points] for row in bilan.plan]
    assert statuses == [["abandonnee"], ["en-cours"]]


def test_a_text_too_long_is_refused_and_the_record_kept(
    bank: ContentBank, trainers: Path, visible: Callable[[str], str]
) -> None:
    """An over-long text is named in the status line; what was saved before stays as it was."""
    path = trainers / PLAN_FOLLOW_UP_ANSWERS
    form = PlanFollowUpForm(3, store=path, bank=bank)
    _record(form, 1, status="en-cours")
    saved = form.value
    _record(form, 1, done="x" * 20_000)
    assert "trop long" in visible(form.status.value)
    assert form.value == saved
