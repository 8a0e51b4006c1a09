"""Results per course objective: acquis, en cours, non acquis or non évalué, and how assessed.

Each objective of the session file says how it is assessed (`Session.assessments`): by the
graded exercises of one area of the course (the quiz questions on prevention, on development or
on observation; the technique exercises — classification, dialogues, technique questions), by all
graded exercises, by the fiche action, or not individually. The entry positioning quiz is never a
result: the course says it is not marked; its end answers (the same questions asked on the last
day) are, each in its question's area. The fiche action is group work: it counts for the people
present at a half-day when the group wrote it. On paper, the trainer's results sheet
(`parler_kit.admin.results_sheet`) gives the level per objective; a filled cell wins over the
room's results. Without results nothing is decided: the trainer ticks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from parler_kit.admin.formatting import format_percent
from parler_kit.answers import AnswersFile
from parler_kit.answers.distribution import merged_answers
from parler_kit.answers.scoring import score_value
from parler_kit.content import ContentBank
from parler_kit.content.model import ClassificationItem, DialogueItem, QuizQuestion
from parler_kit.i18n import format_date, ui_text
from parler_kit.roster import Assessment, HalfDay, Mark, Session

Level = Literal["acquis", "en_cours", "non_acquis", "non_evalue"]
#: Every level, in the order the certificate lists them.
LEVELS: tuple[Level, ...] = ("acquis", "en_cours", "non_acquis", "non_evalue")
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
    #: Whether the participant took part in a fiche action with content (present when the
    #: group wrote it, or, without a presence file, returned it).
    action_sheet: bool = False
    #: The half-days the group wrote its fiche action, when the participant missed them all.
    action_sheet_missed: tuple[HalfDay, ...] = ()


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
    bank: ContentBank,
    files: Sequence[AnswersFile],
    *,
    action_sheet: bool = False,
    end_answers: Mapping[str, object] | None = None,
    action_sheet_missed: Sequence[HalfDay] = (),
) -> LearningOutcome:
    """Score a participant's answers files per area of the course.

    `end_answers` (positioning question id → the value answered at the end of the course) adds
    the positioning quiz's end answers, each to its question's area; entry answers never count.
    """
    answers = merged_answers(files)
    areas: dict[Area, Score] = {}

    def add(
        area: Area, item: ClassificationItem | DialogueItem | QuizQuestion, value: object
    ) -> None:
        score = score_value(item, value)
        areas[area] = areas.get(area, Score()) + Score(score.points, score.max_points, 1)

    for item in bank.exercises:
        area = _area_of(item)
        if area is not None and item.id in answers:
            assert isinstance(item, ClassificationItem | DialogueItem | QuizQuestion)
            add(area, item, answers[item.id].value)
    for question in bank.exercises_of(QuizQuestion):
        if question.positioning and end_answers and question.id in end_answers:
            add(question.topic, question, end_answers[question.id])
    return LearningOutcome(areas, action_sheet, tuple(action_sheet_missed))


#: The kit's sessions take place in France: answers are saved in UTC, half-days are local times.
COURSE_TIMEZONE = ZoneInfo("Europe/Paris")


def half_days_at(session: Session, moments: Iterable[str]) -> tuple[HalfDay, ...]:
    """The session's half-days during which something was saved at `moments` (ISO 8601).

    A moment on a course day before the afternoon starts belongs to the morning, any later one
    to the afternoon (work finished after the end of the day is still that afternoon's); a
    moment on another day, or unreadable, belongs to no half-day.
    """
    found: set[HalfDay] = set()
    for moment in moments:
        try:
            when = dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            continue
        if when.tzinfo is not None:
            when = when.astimezone(COURSE_TIMEZONE)
        that_day = sorted(
            (h for h in session.half_days if h.date == when.date()), key=lambda h: h.start
        )
        chosen = None
        for half_day in that_day:
            if chosen is None or when.time() >= half_day.start:
                chosen = half_day
        if chosen is not None:
            found.add(chosen)
    return tuple(h for h in session.half_days if h in found)


def took_part(
    written: Sequence[HalfDay], marks: Sequence[tuple[HalfDay, Mark]]
) -> tuple[bool, tuple[HalfDay, ...]]:
    """Whether someone with `marks` took part in group work `written` at those half-days.

    Present (on time or late) at one of them: took part. Absent from all: did not, and the
    half-days missed are returned so the certificate can say so.
    """
    if not written:
        return False, ()
    present = {half_day for half_day, mark in marks if mark.status != "absent"}
    if any(half_day in present for half_day in written):
        return True, ()
    return False, tuple(written)


def objective_results(
    session: Session,
    outcome: LearningOutcome | None,
    recorded: Sequence[Level | None] | None = None,
) -> list[ObjectiveResult]:
    """One result per objective of `session` (`outcome` None: results were not asked for).

    `recorded` is the participant's row of the trainer's results sheet (one level or None per
    objective): a level written there wins; an empty cell leaves the room's result, if any.
    """
    assessments = session.assessments or (None,) * len(session.objectives)
    row = tuple(recorded) if recorded is not None else (None,) * len(session.objectives)
    results = []
    for objective, how, level in zip(session.objectives, assessments, row, strict=True):
        if level is not None:
            evidence = evidence_of(how)
            method = ui_text("admin.outcome.recorded", evidence=evidence)
            results.append(ObjectiveResult(objective, level, method))
        elif recorded is not None and outcome is None:
            method = ui_text("admin.outcome.not_recorded", evidence=evidence_of(how))
            results.append(ObjectiveResult(objective, "non_evalue", method))
        else:
            results.append(ObjectiveResult(objective, *_result(how, outcome)))
    return results


def evidence_of(how: Assessment | None) -> str:
    """How an objective is assessed, in French (the certificate's and convocation's wording)."""
    if how is None:
        return ui_text("admin.outcome.not_assessed")
    if how == "fiche_action":
        return ui_text("admin.outcome.action_sheet")
    return ui_text(f"admin.outcome.area.{how}")


def _result(how: Assessment | None, outcome: LearningOutcome | None) -> tuple[Level | None, str]:
    if how is None:
        return "non_evalue", ui_text("admin.outcome.not_assessed")
    if how == "fiche_action":
        if outcome is None:
            return None, ui_text("admin.outcome.action_sheet")
        if outcome.action_sheet:
            return "acquis", ui_text("admin.outcome.action_sheet")
        if outcome.action_sheet_missed:
            when = ", ".join(
                f"{format_date(h.date)} {h.period}" for h in outcome.action_sheet_missed
            )
            return "non_evalue", ui_text("admin.outcome.action_sheet_absent", half_days=when)
        return "non_evalue", ui_text("admin.outcome.action_sheet_missing")
    evidence = ui_text(f"admin.outcome.area.{how}")
    if outcome is None:
        return None, evidence
    scores = outcome.areas.values() if how == "exercices" else [outcome.areas.get(how, Score())]
    total = sum(scores, Score())
    if total.count == 0:
        return "non_evalue", ui_text("admin.outcome.none", evidence=evidence)
    if total.count < MIN_EXERCISES or total.possible == 0:
        key = "admin.outcome.too_few_one" if total.count == 1 else "admin.outcome.too_few"
        return "non_evalue", ui_text(key, evidence=evidence, count=total.count)
    share = total.points / total.possible
    method = ui_text(
        "admin.outcome.share",
        evidence=evidence,
        percent=format_percent(total.points, total.possible),
        count=total.count,
    )
    return ("acquis" if share >= ACQUIRED_SHARE else "en_cours"), method
