"""Aggregate the valid answers of a session into the numbers the bilan prints.

Pure functions over content records and `AnswersFile` objects. What is never read: the
``observation:<child>`` keys (observation data about children stays out of the bilan).

Entry versus end of the positioning quiz: `parler_kit.answers.distribution.entry_and_end`, the
rule the live view shares, given the session's last day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from parler_kit.answers import AnswersFile, StoredAnswer
from parler_kit.answers.distribution import (
    SCALE,
    choice_distribution,
    entry_and_end,
    merged_answers,
    text_answers,
)
from parler_kit.answers.scoring import dialogue_turn_matches, score_value
from parler_kit.content import AVOID, ContentBank
from parler_kit.content.model import (
    ClassificationItem,
    DialogueItem,
    EvaluationQuestion,
    QuizQuestion,
)

#: Below this many answers, shares are printed as counts (« 3 sur 4 »), never as percentages.
MIN_N_FOR_PERCENT = 5
#: Share of right answers from which a technique counts as mastered by the group / to rework below.
MASTERED, TO_REWORK = 0.75, 0.5


@dataclass(frozen=True)
class Tally:
    """Right answers out of answers given; `n` is the number of answers (or participants)."""

    right: float
    total: float
    n: int

    @property
    def share(self) -> float | None:
        """Right / total, or None when nothing was answered."""
        return self.right / self.total if self.total else None

    @property
    def percent_allowed(self) -> bool:
        """Whether there are enough answers to print a percentage honestly."""
        return self.n >= MIN_N_FOR_PERCENT


EMPTY = Tally(0.0, 0.0, 0)


# -- positioning quiz -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuizBeforeAfter:
    """One positioning question: right answers at entry and at the end."""

    question: QuizQuestion
    entry: Tally
    end: Tally


def positioning(
    bank: ContentBank, files: Mapping[str, Sequence[AnswersFile]], last_day: dt.date
) -> list[QuizBeforeAfter]:
    """Per positioning question, the group's right answers at entry and at the end."""
    results = []
    for question in (q for q in bank.exercises_of(QuizQuestion) if q.positioning):
        entry: list[float] = []
        end: list[float] = []
        for participant_files in files.values():
            first, last = entry_and_end(participant_files, question.id, last_day)
            if first is not None:
                entry.append(score_value(question, first.value).points)
            if last is not None:
                end.append(score_value(question, last.value).points)
        results.append(
            QuizBeforeAfter(
                question,
                Tally(sum(entry), float(len(entry)), len(entry)),
                Tally(sum(end), float(len(end)), len(end)),
            )
        )
    return results


def positioning_overall(
    bank: ContentBank, files: Mapping[str, Sequence[AnswersFile]], last_day: dt.date
) -> tuple[Tally, Tally]:
    """Right answers over all positioning questions; `n` counts participants who answered."""
    totals = []
    for side in (0, 1):
        right = total = 0.0
        people = 0
        for participant_files in files.values():
            answered = False
            for question in (q for q in bank.exercises_of(QuizQuestion) if q.positioning):
                stored = entry_and_end(participant_files, question.id, last_day)[side]
                if stored is not None:
                    right += score_value(question, stored.value).points
                    total += 1
                    answered = True
            people += answered
        totals.append(Tally(right, total, people))
    return totals[0], totals[1]


def participant_quiz(
    bank: ContentBank, files: Sequence[AnswersFile], last_day: dt.date
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """One participant's positioning quiz: (right, answered) at entry and at the end, or None."""
    sides: list[list[float]] = [[], []]
    for question in (q for q in bank.exercises_of(QuizQuestion) if q.positioning):
        for side, stored in enumerate(entry_and_end(files, question.id, last_day)):
            if stored is not None:
                sides[side].append(score_value(question, stored.value).points)
    entry, end = ((int(sum(s)), len(s)) if s else None for s in sides)
    return entry, end


def participant_end_answers(
    bank: ContentBank, files: Sequence[AnswersFile], last_day: dt.date
) -> dict[str, Any]:
    """One participant's end answers to the positioning quiz: question id → value answered.

    The same rule as the bilan's entry → end comparison, so an entry answer never counts as an
    end one (the certificate's results read the end answers, never the entry ones).
    """
    found = {}
    for question in (q for q in bank.exercises_of(QuizQuestion) if q.positioning):
        end = entry_and_end(files, question.id, last_day)[1]
        if end is not None:
            found[question.id] = end.value
    return found


def action_sheet_moments(files: Mapping[str, Sequence[AnswersFile]]) -> list[str]:
    """When (ISO 8601) a fiche action with content was saved, by anyone of the group."""
    moments = []
    for participant_files in files.values():
        for data in participant_files:
            stored = data.answers.get("fiche-action")
            if stored is None or not isinstance(stored.value, dict):
                continue
            if any(isinstance(v, str) and v.strip() for v in stored.value.values()):
                moments.append(stored.changed_at)
    return moments


# -- exercises --------------------------------------------------------------------------------------


Status = Literal["mastered", "in_progress", "to_rework", "too_few"]


@dataclass(frozen=True)
class TechniqueResult:
    """How well the group recognised one technique (or « à éviter ») across exercises."""

    technique_id: str
    tally: Tally

    @property
    def status(self) -> Status:
        """Mastered / in progress / to rework, or too few answers to say."""
        share = self.tally.share
        if not self.tally.percent_allowed or share is None:
            return "too_few"
        if share >= MASTERED:
            return "mastered"
        return "to_rework" if share < TO_REWORK else "in_progress"


def techniques(
    bank: ContentBank, files: Mapping[str, Sequence[AnswersFile]]
) -> list[TechniqueResult]:
    """Per technique, right answers over classification items and dialogue turns that show it.

    The tally's `n` counts people (participants who answered at least once for the technique),
    not answers: the bilan says how many people a share rests on.
    """
    right: dict[str, float] = {}
    total: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for participant_files in files.values():
        before = Counter(total)
        answers = merged_answers(participant_files)
        for item in bank.exercises_of(ClassificationItem):
            if item.id in answers:
                points = score_value(item, answers[item.id].value).points
                for technique in item.answer:
                    right[technique] = right.get(technique, 0.0) + points
                    total[technique] += 1
        for dialogue in bank.exercises_of(DialogueItem):
            value = answers[dialogue.id].value if dialogue.id in answers else None
            if not isinstance(value, dict):
                continue
            labels = {k: v for k, v in value.items() if isinstance(v, list)}
            for index, matched in dialogue_turn_matches(dialogue, labels).items():
                for technique in dialogue.turns[index].techniques:
                    right[technique] = right.get(technique, 0.0) + matched
                    total[technique] += 1
        people.update(t for t in total if total[t] > before[t])
    order = [t.id for t in bank.techniques] + [AVOID]
    return [
        TechniqueResult(t, Tally(right.get(t, 0.0), float(total[t]), people[t]))
        for t in order
        if total[t]
    ]


def participant_exercises(bank: ContentBank, files: Sequence[AnswersFile]) -> tuple[float, float]:
    """Points and possible points over the graded exercises a participant answered.

    Classification items, dialogues and the quiz questions outside the positioning quiz (which
    measures progress, not a result); reformulations are read by the trainer, not graded.
    """
    answers = merged_answers(files)
    points = possible = 0.0
    for item in bank.exercises:
        if item.id not in answers or (isinstance(item, QuizQuestion) and item.positioning):
            continue
        if isinstance(item, ClassificationItem | DialogueItem | QuizQuestion):
            score = score_value(item, answers[item.id].value)
            points += score.points
            possible += score.max_points
    return points, possible


# -- evaluations, professions, fiches ----------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationResult:
    """Answers to one evaluation question: counts per value, and the free texts."""

    question: EvaluationQuestion
    counts: dict[str, int]
    n: int
    texts: tuple[str, ...] = ()

    @property
    def mean(self) -> float | None:
        """Mean of a 1–5 scale question, or None."""
        if self.question.kind != "scale" or not self.n:
            return None
        return sum(int(k) * c for k, c in self.counts.items()) / self.n


def evaluations(
    bank: ContentBank, files: Mapping[str, Sequence[AnswersFile]], form: Literal["chaud", "froid"]
) -> list[EvaluationResult]:
    """The group's answers to each question of the `form` evaluation."""
    values = [
        value
        for participant_files in files.values()
        if isinstance(
            value := _value(merged_answers(participant_files), f"evaluation:{form}"), dict
        )
    ]
    results = []
    for question in (q for q in bank.evaluation_questions if q.form == form):
        answers = [v.get(question.id) for v in values]
        if question.kind == "text":
            texts = text_answers(answers)
            results.append(EvaluationResult(question, {}, len(texts), texts))
            continue
        spread = choice_distribution(answers, SCALE if question.kind == "scale" else None)
        results.append(EvaluationResult(question, spread.counts, spread.n))
    return results


def _value(answers: Mapping[str, StoredAnswer], key: str) -> Any:
    return answers[key].value if key in answers else None


def professions(roles: Iterable[str]) -> dict[str, int]:
    """Participants per role id, most frequent first."""
    return dict(Counter(roles).most_common())


def action_sheets(files: Mapping[str, Sequence[AnswersFile]]) -> list[dict[str, str]]:
    """The distinct non-empty fiches action of the group (the same joint sheet is kept once)."""
    sheets: list[dict[str, str]] = []
    for participant_files in files.values():
        value = _value(merged_answers(participant_files), "fiche-action")
        if not isinstance(value, dict):
            continue
        sheet = {
            str(k): str(v).strip() for k, v in value.items() if isinstance(v, str) and v.strip()
        }
        if sheet and sheet not in sheets:
            sheets.append(sheet)
    return sheets
