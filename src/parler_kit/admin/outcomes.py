"""Results per course objective: acquis, en cours d'acquisition or non évalué, and how assessed.

Each objective of the session file says how it is assessed (`Session.assessments`): by the graded
exercises (classifications, dialogues, quiz questions outside the positioning quiz), by the fiche
action, or not individually. The entry positioning quiz is never a result: the course says it is
not marked. Without results (no answers folder given) nothing is decided: the trainer ticks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from parler_kit.admin.formatting import format_percent
from parler_kit.i18n import ui_text
from parler_kit.roster import Session

Level = Literal["acquis", "en_cours", "non_evalue"]

#: Share of the exercise points from which an objective assessed by the exercises is acquired.
ACQUIRED_SHARE = 0.75


@dataclass(frozen=True)
class LearningOutcome:
    """What a participant returned, as far as the certificate's results are concerned."""

    #: Points obtained and possible over the graded exercises.
    exercise_points: float
    exercise_max: float
    #: Whether the participant returned a fiche action with content.
    action_sheet: bool = False


@dataclass(frozen=True)
class ObjectiveResult:
    """One objective's line on the certificate; `level` None: to tick by hand."""

    objective: str
    level: Level | None
    method: str


def objective_results(session: Session, outcome: LearningOutcome | None) -> list[ObjectiveResult]:
    """One result per objective of `session` (`outcome` None: results were not asked for)."""
    assessments = session.assessments or (None,) * len(session.objectives)
    results = []
    for objective, how in zip(session.objectives, assessments, strict=True):
        level: Level | None
        if how is None:
            level, method = "non_evalue", ui_text("admin.outcome.not_assessed")
        elif how == "exercices":
            level, method = _exercises(outcome)
        else:
            method = ui_text("admin.outcome.action_sheet")
            if outcome is None:
                level = None
            else:
                level = "acquis" if outcome.action_sheet else "non_evalue"
                if not outcome.action_sheet:
                    method = ui_text("admin.outcome.action_sheet_missing")
        results.append(ObjectiveResult(objective, level, method))
    return results


def _exercises(outcome: LearningOutcome | None) -> tuple[Level | None, str]:
    if outcome is None:
        return None, ui_text("admin.outcome.exercises")
    if outcome.exercise_max == 0:
        return "non_evalue", ui_text("admin.outcome.exercises_missing")
    share = outcome.exercise_points / outcome.exercise_max
    method = ui_text(
        "admin.outcome.exercises_share",
        percent=format_percent(outcome.exercise_points, outcome.exercise_max),
    )
    return ("acquis" if share >= ACQUIRED_SHARE else "en_cours"), method
