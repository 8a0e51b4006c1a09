"""Fixtures for the bilan: the test roster and session, and a folder of answers files.

The answers are written here from the content bank's own ids (not stored as JSON fixtures), so
the tests follow the bank when items are added or reworded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parler_kit.answers import StoredAnswer
from parler_kit.answers.fileformat import dump
from parler_kit.content import ContentBank, load_bank
from parler_kit.content.model import ClassificationItem, QuizQuestion
from parler_kit.roster import Roster, Session, load_roster, load_session

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"
DAY1, DAY2 = "2026-03-02T10:00:00+00:00", "2026-03-03T15:00:00+00:00"
OBSERVATION_FACT = "FAIT-OBSERVATION-QUI-NE-DOIT-PAS-SORTIR"
FICHE_TEXT = "Des ateliers « histoires partagées » au relais, un mardi sur deux."


@pytest.fixture(scope="session")
def bank() -> ContentBank:
    """The kit's content bank."""
    return load_bank()


@pytest.fixture(scope="session")
def roster() -> Roster:
    """Three fictional participants: p001 Zoé Étienne, p002 Awa N'Diaye, p003 Lucas Martin."""
    return load_roster(SESSION_DATA / "roster.csv")


@pytest.fixture(scope="session")
def session() -> Session:
    """Two half-days: Monday 2 March 2026 (morning) and Tuesday 3 March 2026 (afternoon)."""
    return load_session(SESSION_DATA / "session.yaml")


def _write_answers(
    path: Path, participant: str | None, session: str | None, answers: dict[str, tuple[Any, str]]
) -> Path:
    """Write an answers file: key → (value, changed_at)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = {key: StoredAnswer(value, when, 1) for key, (value, when) in answers.items()}
    path.write_text(dump(participant, session, stored), "utf-8")
    return path


@pytest.fixture(scope="session")
def answers_folder(tmp_path_factory: pytest.TempPathFactory, bank: ContentBank) -> Path:
    """p001 and p002 answered both days, p003 nothing; plus every kind of bad file."""
    folder = tmp_path_factory.mktemp("reponses")
    quiz = [q for q in bank.exercises_of(QuizQuestion) if q.positioning][:2]
    item = bank.exercises_of(ClassificationItem)[0]
    wrong = [c.id for c in quiz[0].choices if c.id not in quiz[0].correct][:1]
    evaluation_text = next(
        q for q in bank.evaluation_questions if q.form == "chaud" and q.kind == "text"
    )
    scale = next(q for q in bank.evaluation_questions if q.form == "chaud" and q.kind == "scale")
    for pid, right_at_entry in (("p001", False), ("p002", True)):
        entry = {q.id: (sorted(q.correct) if right_at_entry else wrong, DAY1) for q in quiz[:1]}
        entry[item.id] = (sorted(item.answer), DAY1)
        entry["observation:E-42"] = (
            {"child_code": "E-42", "items": {"x": {"fact": OBSERVATION_FACT}}},
            DAY1,
        )
        _write_answers(folder / pid / "day1" / "carnet.answers.json", pid, "session-test", entry)
        end = {q.id: (sorted(q.correct), DAY2) for q in quiz[:1]}
        end["evaluation:chaud"] = (
            {
                scale.id: 5,
                evaluation_text.id: "Merci à Zoé et à Lucas-Martin, et à la formatrice."
                if pid == "p001"
                else "très bien",
            },
            DAY2,
        )
        end["fiche-action"] = ({bank.action_sheet_fields[0].id: FICHE_TEXT}, DAY2)
        _write_answers(folder / pid / "day2" / "carnet.answers.json", pid, "session-test", end)
    _write_answers(
        folder / "autre" / "carnet.answers.json", "p001", "session-autre", {item.id: (["x"], DAY1)}
    )
    _write_answers(
        folder / "inconnu" / "carnet.answers.json", "p999", "session-test", {item.id: (["x"], DAY1)}
    )
    _write_answers(folder / "anonyme" / "carnet.answers.json", None, "session-test", {})
    (folder / "vieux.answers.json").write_text(
        json.dumps({"schema_version": 7, "participant_id": "p002", "answers": {}}), "utf-8"
    )
    (folder / "abime.answers.json").write_text("{ pas du json", "utf-8")
    return folder


@pytest.fixture(scope="session")
def planted() -> dict[str, str]:
    """Texts planted in the answers: an observation fact that must never appear, the fiche text."""
    return {"observation": OBSERVATION_FACT, "fiche": FICHE_TEXT}


@pytest.fixture(scope="session")
def write_answers() -> Callable[..., Path]:
    """The helper writing an answers file from key → (value, changed_at)."""
    return _write_answers
