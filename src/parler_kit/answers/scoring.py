"""Exercise scoring: pure functions over content records and plain answer values.

The widgets' feedback, nbgrader test cells and the class report all call these, so a participant
gets the same score wherever it is computed. Nothing here reads or writes files except
`score_exercises`, which only reads an answer store or an answers file given to it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from parler_kit.answers.fileformat import AnswersFile, StoredAnswer
from parler_kit.answers.store import AnswerStore
from parler_kit.content import (
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
)
from parler_kit.content.bank import ExerciseRecord
from parler_kit.content.model import RubricFeature
from parler_kit.i18n import Locale, fold, ui_text


@dataclass(frozen=True)
class Score:
    """Points earned out of the points available."""

    points: float
    max_points: float

    @property
    def correct(self) -> bool:
        """Whether every available point was earned."""
        return self.points == self.max_points

    def __add__(self, other: Score) -> Score:
        return Score(self.points + other.points, self.max_points + other.max_points)


def score_classification(item: ClassificationItem, chosen: Collection[str]) -> Score:
    """One point when the chosen techniques are exactly the key (order and repeats ignored)."""
    return Score(1.0 if set(chosen) == set(item.answer) else 0.0, 1.0)


def score_quiz(question: QuizQuestion, chosen: Collection[str]) -> Score:
    """One point when the chosen choice ids are exactly the key."""
    return Score(1.0 if set(chosen) == set(question.correct) else 0.0, 1.0)


def adult_turn_indexes(item: DialogueItem) -> tuple[int, ...]:
    """Indexes (0-based, over all turns) of the adult turns, the ones to label."""
    return tuple(i for i, turn in enumerate(item.turns) if turn.speaker == "adult")


def dialogue_turn_matches(
    item: DialogueItem, labels: Mapping[int | str, Collection[str]]
) -> dict[int, bool]:
    """For each adult turn index, whether its labels are exactly the key's techniques.

    `labels` is keyed by turn index (0-based over all turns), as an int or its string form (the
    JSON file stores ``"3"``). A missing turn counts as not matching.
    """
    by_index = {int(k): set(v) for k, v in labels.items() if str(k).lstrip("-").isdigit()}
    return {
        index: by_index.get(index) == set(item.turns[index].techniques)
        for index in adult_turn_indexes(item)
    }


def score_dialogue(item: DialogueItem, labels: Mapping[int | str, Collection[str]]) -> Score:
    """One point per adult turn labelled with exactly the key's techniques."""
    matches = dialogue_turn_matches(item, labels)
    return Score(float(sum(matches.values())), float(len(matches)))


# -- reformulation rubric (indicative feedback, never a grade) --------------------------------------


@dataclass(frozen=True)
class RubricCheck:
    """One rubric feature: whether the reply shows it, and a French sentence saying so."""

    feature: RubricFeature
    passed: bool
    message: str


@dataclass(frozen=True)
class RubricFeedback:
    """Indicative feedback on a reformulation, one check per feature of the item's rubric."""

    checks: tuple[RubricCheck, ...]

    @property
    def features(self) -> dict[RubricFeature, bool]:
        """Feature → whether the reply shows it."""
        return {check.feature: check.passed for check in self.checks}

    @property
    def messages(self) -> tuple[str, ...]:
        """The French message of every check, in rubric order."""
        return tuple(check.message for check in self.checks)

    @property
    def passed_count(self) -> int:
        """How many features the reply shows."""
        return sum(check.passed for check in self.checks)


# Small French function words: they do not count as "the child's words" nor as an added element.
_STOPWORD_TEXT = (
    "a au aux avec ce ces cet cette c ca d de des du elle elles en est et eu il ils j je l la le"
    " les leur lui m ma me mes moi mon n ne nous on ou oui non par pas pour qu que qui s sa se"
    " ses si son sur t ta te tes toi ton tu un une vous vos votre y es suis sont ai as avez ont"
    " va vas oh ah eh bah ben hein alors bien tres plus"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Explicit corrections the course advises against (compared without accents or case).
_EXPLICIT_CORRECTION = re.compile(
    r"\bon (ne )?dit pas\b|\bne (se )?dit pas\b|\brepete\b|\bredis\b|\bdis[- ]le\b|\btu dois dire\b"
    r"|\bil faut dire\b|\bpas comme (ca|cela)\b|\bc.?est (pas|faux)\b|\bce n.?est pas (ca|juste)\b"
    r"|^\W*non\b|\bmal dit\b|\bon dit\b"
)
_OPENING_END = re.compile(r"(\?|…|\.\.\.)[\s»\"')\]]*$")


def _fold(text: str) -> str:
    """Lowercase without accents, so « tombé » and « tombe » compare equal."""
    return fold(text.replace("’", "'"))


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", _fold(text)) if w not in _STOPWORDS and len(w) > 1}


def assess_reformulation(
    item: ReformulationItem, reply: str, locale: Locale = "fr"
) -> RubricFeedback:
    """Check a reformulation against the item's rubric with simple, explainable text rules.

    keeps_meaning: a word of the child (or a target word) is in the reply; implicit_correction:
    no explicit correction phrase and, when the item has target words, one of them is used;
    adds_element: a word neither the child's nor a target word; ends_on_opening: the reply ends
    with a question mark or an ellipsis. Indicative only: the trainer reads the text.
    """
    child = _content_words(item.child_utterance.fr)
    targets = {_fold(word) for word in item.target_words}
    words = _content_words(reply)
    folded = _fold(reply.strip())
    results: dict[RubricFeature, tuple[bool, str]] = {}
    for feature in item.rubric:
        if feature == "keeps_meaning":
            passed = bool(words & (child | targets))
            results[feature] = (passed, f"answers.rubric.keeps_meaning.{_ok(passed)}")
        elif feature == "implicit_correction":
            explicit = bool(_EXPLICIT_CORRECTION.search(folded))
            uses_target = not targets or bool(words & targets)
            passed = bool(folded) and not explicit and uses_target
            key = "missing" if explicit or not folded else "target"
            results[feature] = (
                passed,
                f"answers.rubric.implicit_correction.{'ok' if passed else key}",
            )
        elif feature == "adds_element":
            passed = bool(words - child - targets)
            results[feature] = (passed, f"answers.rubric.adds_element.{_ok(passed)}")
        else:  # ends_on_opening
            passed = bool(_OPENING_END.search(reply.strip()))
            results[feature] = (passed, f"answers.rubric.ends_on_opening.{_ok(passed)}")
    words_list = ", ".join(f"« {w} »" for w in item.target_words)
    return RubricFeedback(
        tuple(
            RubricCheck(feature, passed, ui_text(key, locale, words=words_list))
            for feature, (passed, key) in results.items()
        )
    )


def _ok(passed: bool) -> str:
    return "ok" if passed else "missing"


# -- totals -----------------------------------------------------------------------------------------


def max_points(item: ExerciseRecord) -> float:
    """Points available for an item: 1 (classification, quiz), one per adult turn, 0 (reformulation)."""
    if isinstance(item, DialogueItem):
        return float(len(adult_turn_indexes(item)))
    if isinstance(item, ReformulationItem):
        return 0.0
    return 1.0


def score_value(item: ExerciseRecord, value: Any) -> Score:
    """Score a stored plain value for any exercise kind; a malformed value earns 0 points."""
    maximum = max_points(item)
    try:
        if isinstance(item, ClassificationItem):
            return score_classification(item, _str_list(value))
        if isinstance(item, QuizQuestion):
            return score_quiz(item, _str_list(value))
        if isinstance(item, DialogueItem):
            if not isinstance(value, dict):
                return Score(0.0, maximum)
            return score_dialogue(item, {k: _str_list(v) for k, v in value.items()})
    except ValueError:
        return Score(0.0, maximum)
    return Score(0.0, maximum)


def score_exercises(
    store_or_file: AnswerStore | AnswersFile, bank: ContentBank, ids: Iterable[str]
) -> Score:
    """Total score over exercise ids; an unanswered item earns 0 of its available points.

    Scores are recomputed from the stored values against the bank's key (rather than trusting the
    ``score`` written in the file), so a hand-edited score or a corrected key cannot skew totals.
    """
    answers: Mapping[str, StoredAnswer] = (
        store_or_file.answers if isinstance(store_or_file, AnswersFile) else store_or_file.items()
    )
    total = Score(0.0, 0.0)
    for item_id in ids:
        item = bank.exercise(item_id)
        stored = answers.get(item_id)
        total = total + (
            score_value(item, stored.value) if stored else Score(0.0, max_points(item))
        )
    return total


def _str_list(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError("not a list of ids")
    return list(value)
