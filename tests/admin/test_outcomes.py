"""Results per objective: end answers of the positioning quiz count, group work follows presence."""

from __future__ import annotations

from parler_kit.admin import (
    LearningOutcome,
    half_days_at,
    learning_outcome,
    objective_results,
    took_part,
)
from parler_kit.content import load_bank
from parler_kit.content.model import QuizQuestion
from parler_kit.roster import Presence, Session


def test_end_answers_of_the_positioning_quiz_count_in_their_area_and_entry_answers_never() -> None:
    """Right end answers to the development positioning questions: « acquis » from them alone."""
    bank = load_bank()
    questions = [
        q for q in bank.exercises_of(QuizQuestion) if q.positioning and q.topic == "development"
    ]
    end = {q.id: sorted(q.correct) for q in questions}
    outcome = learning_outcome(bank, [], end_answers=end)
    score = outcome.areas["development"]
    assert (score.points, score.possible, score.count) == (
        len(questions),
        len(questions),
        len(questions),
    )
    assert learning_outcome(bank, []).areas == {}


def test_half_days_at_reads_utc_moments_in_french_local_time(full_session: Session) -> None:
    """15:00 UTC on 3 March (16:00 in Saint-Étienne) is that afternoon; another day: no half-day."""
    morning, afternoon = full_session.half_days
    assert half_days_at(full_session, ["2026-03-03T15:00:00+00:00"]) == (afternoon,)
    assert half_days_at(full_session, ["2026-03-02T08:30:00+00:00"]) == (morning,)
    assert half_days_at(full_session, ["2026-03-05T10:00:00+00:00", "n'importe quoi"]) == ()


def test_group_work_counts_for_those_present_at_a_half_day_it_was_written(
    presence: Presence, full_session: Session
) -> None:
    """Present (even late) at the writing: acquis; absent then: non évalué naming the half-day."""
    _, afternoon = full_session.half_days
    assert took_part((afternoon,), presence.of("p001")) == (True, ())  # 30 min late
    taken, missed = took_part((afternoon,), presence.of("p002"))  # absent that afternoon
    assert (taken, missed) == (False, (afternoon,))
    fiche = objective_results(full_session, LearningOutcome(action_sheet_missed=missed))[-1]
    assert fiche.level == "non_evalue"
    assert fiche.method.replace("\u202f", " ") == (
        "Absence lors de la rédaction de la fiche action en groupe (3 mars 2026 après-midi)."
    )
    assert took_part((), presence.of("p001")) == (False, ())
