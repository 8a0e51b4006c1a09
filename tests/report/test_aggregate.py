"""Entry versus end of the positioning quiz, per-technique results, simulated answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from parler_kit.answers import read_answers
from parler_kit.content import ContentBank
from parler_kit.content.model import ClassificationItem, QuizQuestion
from parler_kit.errors import ParlerKitError
from parler_kit.report import load_answers, participant_exercises, participant_quiz
from parler_kit.report.aggregate import techniques
from parler_kit.report.simulate import MARKER, simulate_answers
from parler_kit.roster import Roster, Session

LAST_DAY = dt.date(2026, 3, 3)


def test_first_answer_is_entry_and_last_from_another_file_is_end(
    bank: ContentBank, tmp_path: Path, write_answers: Callable[..., Path]
) -> None:
    """Two files: earliest = entry, latest = end; one file dated the last day only = end only."""
    question = next(q for q in bank.exercises_of(QuizQuestion) if q.positioning)
    wrong = [c.id for c in question.choices if c.id not in question.correct][:1]
    day1 = write_answers(
        tmp_path / "a" / "j1.answers.json",
        "p001",
        "s",
        {question.id: (wrong, "2026-03-02T09:00:00+00:00")},
    )
    day3 = write_answers(
        tmp_path / "a" / "j3.answers.json",
        "p001",
        "s",
        {question.id: (sorted(question.correct), "2026-03-03T16:00:00+00:00")},
    )
    files = [read_answers(day3), read_answers(day1)]  # order of discovery does not matter
    entry, end = participant_quiz(bank, files, LAST_DAY)
    assert entry == (0, 1) and end == (1, 1)
    assert participant_quiz(bank, [read_answers(day3)], LAST_DAY) == (None, (1, 1))
    assert participant_quiz(bank, [read_answers(day1)], LAST_DAY) == ((0, 1), None)
    copy = tmp_path / "autograded" / "j1.answers.json"  # nbgrader's copy of the same file
    copy.parent.mkdir()
    copy.write_bytes(day1.read_bytes())
    assert participant_quiz(bank, [read_answers(day1), read_answers(copy)], LAST_DAY) == (
        (0, 1),
        None,
    )


def test_exercise_points_skip_the_positioning_quiz_and_count_by_technique(
    bank: ContentBank, tmp_path: Path, write_answers: Callable[..., Path]
) -> None:
    """A right classification item gives its point to each technique of its key; the quiz is apart."""
    item = bank.exercises_of(ClassificationItem)[0]
    question = next(q for q in bank.exercises_of(QuizQuestion) if q.positioning)
    path = write_answers(tmp_path / "x.answers.json", "p001", "s", {
        item.id: (sorted(item.answer), "2026-03-02T09:00:00+00:00"),
        question.id: (sorted(question.correct), "2026-03-02T09:00:00+00:00"),
    })  # fmt: skip
    files = [read_answers(path)]
    assert participant_exercises(bank, files) == (1.0, 1.0)
    results = {r.technique_id: r for r in techniques(bank, {"p001": files})}
    assert set(results) == set(item.answer)
    assert all(
        r.tally.right == 1 and r.tally.n == 1 and r.status == "too_few" for r in results.values()
    )


def test_simulated_answers_are_valid_for_the_session_and_never_mixed_with_real_ones(
    bank: ContentBank,
    roster: Roster,
    session: Session,
    tmp_path: Path,
    write_answers: Callable[..., Path],
) -> None:
    """Simulation fills an empty folder (marked), refills its own, refuses a folder of real answers."""
    folder = tmp_path / "simulees"
    written = simulate_answers(bank, roster, session, folder)
    # Three days and the à froid file each; the last participant misses day 3 and the à froid.
    assert (folder / MARKER).is_file() and len(written) == 4 * len(roster.participants) - 2
    found = load_answers(folder, roster, session)
    assert found.left_out == [] and sorted(found.files) == ["p001", "p002", "p003"]
    assert simulate_answers(bank, roster, session, folder) == written  # same seed, same files
    real = tmp_path / "vraies"
    write_answers(real / "carnet.answers.json", "p001", session.id, {})
    with pytest.raises(ParlerKitError, match="jamais mêlées"):
        simulate_answers(bank, roster, session, real)
