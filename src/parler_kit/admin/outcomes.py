"""Results per course objective: acquis, en cours d'acquisition or non évalué, and how assessed.

Each objective of the session file says how it is assessed (`Session.assessments`): by the
graded exercises of one area of the course (the quiz questions on prevention, on development or
on observation; the technique exercises — classification, dialogues, technique questions), by all
graded exercises, by the fiche action, or not individually. The entry positioning quiz is never a
result: the course says it is not marked. Without results nothing is decided: the trainer ticks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from parler_kit.admin.formatting import format_percent
from parler_kit.answers import AnswersFile
from parler_kit.answers.distribution import merged_answers
from parler_kit.answers.scoring import score_value
from parler_kit.content import ContentBank
from parler_kit.content.model import ClassificationItem, DialogueItem, QuizQuestion
from parler_kit.i18n import ui_text
from parler_kit.roster import Assessment, Session

Level = Literal["acquis", "en_cours", "non_evalue"]
Area = Literal["prevention", "development", "techniques", "observation"]

#: Share of the points from which an objective is acquired.
ACQUIRED_SHARE = 0.75
#: Fewer graded exercises than this in an area: too few to say anything.
MIN_EXERCISES = 3


@dataclass(frozen=True)
class Score:
    """Points obtained and possible over `count` graded exercises."""

    points: float = 0.0
    possible: float = 0.0
    count: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.points + other.points, self.possible + other.possible, self.count + other.count
        )


@dataclass(frozen=True)
class LearningOutcome:
    """What a participant returned, as far as the certificate's results are concerned."""

    #: Graded exercises per area of the course (positioning questions excluded).
    areas: Mapping[Area, Score] = field(default_factory=dict)
    #: Whether the participant returned a fiche action with content.
    action_sheet: bool = False


@dataclass(frozen=True)
class ObjectiveResult:
    """One objective's line on the certificate; `level` None: to tick by hand."""

    objective: str
    level: Level | None
    method: str


def _area_of(item: object) -> Area | None:
    if isinstance(item, QuizQuestion):
        return None if item.positioning else item.topic
    if isinstance(item, ClassificationItem | DialogueItem):
        return "techniques"
    return None  # reformulations are read by the trainer, observation grids are not graded


def learning_outcome(
    bank: ContentBank, files: Sequence[AnswersFile], *, action_sheet: bool = False
) -> LearningOutcome:
    """Score a participant's answers files per area of the course."""
    answers = merged_answers(files)
    areas: dict[Area, Score] = {}
    for item in bank.exercises:
        area = _area_of(item)
        if area is None or item.id not in answers:
            continue
        assert isinstance(item, ClassificationItem | DialogueItem | QuizQuestion)
        score = score_value(item, answers[item.id].value)
        areas[area] = areas.get(area, Score()) + Score(score.points, score.max_points, 1)
    return LearningOutcome(areas, action_sheet)


def objective_results(session: Session, outcome: LearningOutcome | None) -> list[ObjectiveResult]:
    """One result per objective of `session` (`outcome` None: results were not asked for)."""
    assessments = session.assessments or (None,) * len(session.objectives)
    return [
        ObjectiveResult(objective, *_result(how, outcome))
        for objective, how in zip(session.objectives, assessments, strict=True)
    ]


def _result(how: Assessment | None, outcome: LearningOutcome | None) -> tuple[Level | None, str]:
    if how is None:
        return "non_evalue", ui_text("admin.outcome.not_assessed")
    if how == "fiche_action":
        if outcome is None:
            return None, ui_text("admin.outcome.action_sheet")
        if outcome.action_sheet:
            return "acquis", ui_text("admin.outcome.action_sheet")
        return "non_evalue", ui_text("admin.outcome.action_sheet_missing")
    evidence = ui_text(f"admin.outcome.area.{how}")
    if outcome is None:
        return None, evidence
    scores = outcome.areas.values() if how == "exercices" else [outcome.areas.get(how, Score())]
    total = sum(scores, Score())
    if total.count == 0:
        return "non_evalue", ui_text("admin.outcome.none", evidence=evidence)
    if total.count < MIN_EXERCISES or total.possible == 0:
        return "non_evalue", ui_text("admin.outcome.too_few", evidence=evidence, count=total.count)
    share = total.points / total.possible
    method = ui_text(
        "admin.outcome.share",
        evidence=evidence,
        percent=format_percent(total.points, total.possible),
        count=total.count,
    )
    return ("acquis" if share >= ACQUIRED_SHARE else "en_cours"), method
