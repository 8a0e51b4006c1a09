"""What one view shows: pure functions over the group's answers files and the content bank.

The input is ``{participant key: [AnswersFile, ...]}``; the output names no participant. Free
texts become cards whose id is a salted hash (the salt never leaves the server), so the page can
pick which card to project without learning whose text it is. Only the keys of the view are
read: ``observation:<child>`` records are never looked at.

Entry versus end of the positioning quiz: `parler_kit.answers.distribution.entry_and_end`, the
bilan's rule; a lone answer counts as an end one only when the view knows the session's last day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parler_kit.answers import AnswersFile, StoredAnswer
from parler_kit.answers.distribution import (
    SCALE,
    Distribution,
    choice_distribution,
    entry_and_end,
    merged_answers,
    text_answers,
)
from parler_kit.answers.scoring import score_value
from parler_kit.content import (
    ActionSheetField,
    ClassificationItem,
    ContentBank,
    DialogueItem,
    EvaluationQuestion,
    QuizQuestion,
    ReformulationItem,
)
from parler_kit.live.views import ACTION_SHEET_KEY, EVALUATION_KEY, View

Files = Mapping[str, Sequence[AnswersFile]]


@dataclass(frozen=True)
class Card:
    """One free text, anonymous: a salted id (for moderation) and the text exactly as written."""

    card_id: str
    text: str


@dataclass(frozen=True)
class QuestionBars:
    """A quiz question: the group's choices, and at the end of the course when answered again."""

    question: QuizQuestion
    entry: Distribution
    end: Distribution | None = None


@dataclass(frozen=True)
class KeyedSpread:
    """A classification item or one adult turn of a dialogue: techniques ticked and right answers.

    `turn` is the turn index (0-based) for a dialogue, None for a classification item.
    """

    item: ClassificationItem | DialogueItem
    turn: int | None
    key: tuple[str, ...]
    spread: Distribution
    right: int

    @property
    def wrong_share(self) -> float:
        """Share of answers that are not the key (0 when nobody answered)."""
        return (self.spread.n - self.right) / self.spread.n if self.spread.n else 0.0


@dataclass(frozen=True)
class TextCards:
    """The cards of one reformulation item or fiche action field."""

    record: ReformulationItem | ActionSheetField
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class EvaluationSpread:
    """One question of the évaluation à chaud: the distribution, or the comments as cards."""

    question: EvaluationQuestion
    spread: Distribution
    cards: tuple[Card, ...] = ()


Section = QuestionBars | KeyedSpread | TextCards | EvaluationSpread


def card_id(salt: str, participant: str, key: str, text: str) -> str:
    """A short id for a text that says nothing about its author without the salt."""
    digest = hashlib.sha256(f"{salt}\0{participant}\0{key}\0{text}".encode()).hexdigest()
    return f"c{digest[:12]}"


def answered_count(view: View, files: Files) -> int:
    """How many participants answered at least one key of the view."""
    keys = set(view.keys)
    return sum(
        1
        for participant_files in files.values()
        if any(keys & data.answers.keys() for data in participant_files)
    )


def view_sections(
    bank: ContentBank, view: View, files: Files, salt: str, last_day: dt.date | None = None
) -> tuple[Section, ...]:
    """Everything the view shows, in the order it is drawn (most wrong first where it says so).

    `last_day`, the session's last day when known, decides a lone positioning answer (see
    `entry_and_end`).
    """
    merged = {who: merged_answers(participant_files) for who, participant_files in files.items()}
    if view.kind == "positioning":
        return tuple(_positioning(bank.exercise(key), files, last_day) for key in view.keys)
    if view.kind == "quiz":
        return tuple(_quiz(bank.exercise(key), merged) for key in view.keys)
    if view.kind == "classify":
        spreads = [_classification(bank.exercise(key), merged) for key in view.keys]
        return tuple(sorted(spreads, key=lambda s: -s.wrong_share))
    if view.kind == "dialogue":
        return tuple(
            turn for key in view.keys for turn in _dialogue_turns(bank.exercise(key), merged)
        )
    if view.kind == "texts":
        return tuple(_reformulations(bank.exercise(key), merged, salt) for key in view.keys)
    if view.kind == "action_sheet":
        return _action_sheet(bank, merged, salt)
    return _evaluation(bank, merged, salt)


def _values(merged: Mapping[str, Mapping[str, StoredAnswer]], key: str) -> list[Any]:
    return [answers[key].value for answers in merged.values() if key in answers]


def _as_quiz(record: object) -> QuizQuestion:
    assert isinstance(record, QuizQuestion), record
    return record


def _quiz(record: object, merged: Mapping[str, Mapping[str, StoredAnswer]]) -> QuestionBars:
    question = _as_quiz(record)
    allowed = {c.id for c in question.choices}
    return QuestionBars(question, choice_distribution(_values(merged, question.id), allowed))


def _positioning(record: object, files: Files, last_day: dt.date | None) -> QuestionBars:
    question = _as_quiz(record)
    entry: list[Any] = []
    end: list[Any] = []
    for participant_files in files.values():
        first, last = entry_and_end(participant_files, question.id, last_day)
        if first is not None:
            entry.append(first.value)
        if last is not None:
            end.append(last.value)
    allowed = {c.id for c in question.choices}
    return QuestionBars(
        question,
        choice_distribution(entry, allowed),
        choice_distribution(end, allowed) if end else None,
    )


def _classification(
    record: object, merged: Mapping[str, Mapping[str, StoredAnswer]]
) -> KeyedSpread:
    assert isinstance(record, ClassificationItem), record
    values = _values(merged, record.id)
    right = sum(score_value(record, value).correct for value in values)
    return KeyedSpread(record, None, record.answer, choice_distribution(values), right)


def _dialogue_turns(
    record: object, merged: Mapping[str, Mapping[str, StoredAnswer]]
) -> list[KeyedSpread]:
    assert isinstance(record, DialogueItem), record
    labels = [v for v in _values(merged, record.id) if isinstance(v, dict)]
    turns = []
    for index, turn in enumerate(record.turns):
        if turn.speaker != "adult":
            continue
        picked = [v.get(str(index)) for v in labels]
        spread = choice_distribution(picked)
        key = set(turn.techniques)
        right = sum(isinstance(p, list) and set(p) == key for p in picked)
        turns.append(KeyedSpread(record, index, turn.techniques, spread, right))
    return sorted(turns, key=lambda s: -s.wrong_share)


def _cards(
    merged: Mapping[str, Mapping[str, StoredAnswer]], key: str, salt: str, field: str | None = None
) -> tuple[Card, ...]:
    cards = []
    for who, answers in merged.items():
        value = answers[key].value if key in answers else None
        if field is not None:
            value = value.get(field) if isinstance(value, dict) else None
        for text in text_answers([value]):
            cards.append(Card(card_id(salt, who, f"{key}/{field}", text), text))
    # Sorted by the salted id: the order says nothing about who wrote what.
    return tuple(sorted(cards, key=lambda c: c.card_id))


def _reformulations(
    record: object, merged: Mapping[str, Mapping[str, StoredAnswer]], salt: str
) -> TextCards:
    assert isinstance(record, ReformulationItem), record
    return TextCards(record, _cards(merged, record.id, salt))


def _action_sheet(
    bank: ContentBank, merged: Mapping[str, Mapping[str, StoredAnswer]], salt: str
) -> tuple[Section, ...]:
    fields = sorted(bank.action_sheet_fields, key=lambda f: f.order)
    return tuple(TextCards(f, _cards(merged, ACTION_SHEET_KEY, salt, f.id)) for f in fields)


def _evaluation(
    bank: ContentBank, merged: Mapping[str, Mapping[str, StoredAnswer]], salt: str
) -> tuple[Section, ...]:
    forms = [v for v in _values(merged, EVALUATION_KEY) if isinstance(v, dict)]
    sections: list[Section] = []
    for question in (q for q in bank.evaluation_questions if q.form == "chaud"):
        answers = [form.get(question.id) for form in forms]
        if question.kind == "text":
            cards = _cards(merged, EVALUATION_KEY, salt, question.id)
            sections.append(EvaluationSpread(question, Distribution({}, len(cards)), cards))
            continue
        allowed = SCALE if question.kind == "scale" else {c.id for c in question.choices}
        sections.append(EvaluationSpread(question, choice_distribution(answers, allowed)))
    return tuple(sections)
