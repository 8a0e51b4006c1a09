"""Scoring: exact-set points for classification/quiz/dialogue, an indicative reformulation rubric."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parler_kit.answers import (
    AnswerStore,
    Score,
    assess_reformulation,
    read_answers,
    score_classification,
    score_dialogue,
    score_exercises,
    score_quiz,
)
from parler_kit.content import (
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
)

TECHNIQUES = ["reformulation", "questions-ouvertes", "parler-en-parallele", "a_eviter"]


def _classification(answer: tuple[str, ...] = ("reformulation",)) -> ClassificationItem:
    return ClassificationItem.model_validate(
        {
            "id": "classify-test",
            "kind": "classify",
            "situation": "meal",
            "context": {"fr": "Au repas."},
            "utterance": {"fr": "« Oui, le chien est tombé ! »"},
            "answer": answer,
            "explanation": {"fr": "C'est une reformulation."},
            "sources": ["x"],
        }
    )


def _quiz(multiple: bool = True) -> QuizQuestion:
    return QuizQuestion.model_validate(
        {
            "id": "quiz-test",
            "kind": "quiz",
            "topic": "development",
            "question": {"fr": "Lesquels ?"},
            "choices": [{"id": c, "text": {"fr": c.upper()}} for c in "abc"],
            "correct": ["a", "c"] if multiple else ["b"],
            "multiple": multiple,
            "explanation": {"fr": "Parce que."},
            "sources": ["x"],
        }
    )


def _dialogue() -> DialogueItem:
    turns: list[dict[str, Any]] = []
    for index in range(3):
        turns.append({"speaker": "child", "text": {"fr": f"enfant {index}"}})
        turns.append(
            {
                "speaker": "adult",
                "text": {"fr": f"adulte {index}"},
                "techniques": [TECHNIQUES[index]],
            }
        )
    return DialogueItem.model_validate(
        {
            "id": "dialogue-test",
            "kind": "dialogue",
            "situation": "play",
            "title": {"fr": "Jeu"},
            "context": {"fr": "Au jeu."},
            "turns": turns,
            "sources": ["x"],
        }
    )


def _reformulation(rubric: tuple[str, ...] | None = None) -> ReformulationItem:
    return ReformulationItem.model_validate(
        {
            "id": "reform-test",
            "kind": "reformulate",
            "situation": "outdoor",
            "context": {"fr": "Dehors, un chien glisse."},
            "child_age_months": 30,
            "child_utterance": {"fr": "Le chien il a tombu."},
            "model_replies": [
                {"fr": "Oui, le chien est tombé dans la flaque ! Il s'est fait mal ?"},
                {"fr": "Le chien est tombé… il est tout mouillé maintenant !"},
            ],
            "rubric": rubric
            or ["keeps_meaning", "implicit_correction", "adds_element", "ends_on_opening"],
            "target_words": ["tombé"],
            "techniques": ["reformulation"],
            "sources": ["x"],
        }
    )


def test_classification_scores_one_point_for_the_exact_set_only() -> None:
    """Order and repeats do not matter; a missing or extra technique earns nothing."""
    item = _classification(("reformulation", "questions-ouvertes"))
    assert score_classification(
        item, ["questions-ouvertes", "reformulation", "reformulation"]
    ) == Score(1, 1)
    assert score_classification(item, ["reformulation"]) == Score(0, 1)
    assert not score_classification(item, [*TECHNIQUES]).correct


@given(st.sets(st.sampled_from(TECHNIQUES)))
def test_classification_is_correct_exactly_when_the_sets_match(chosen: set[str]) -> None:
    """For any choice, the point is earned if and only if the chosen set equals the key."""
    item = _classification(("reformulation", "a_eviter"))
    score = score_classification(item, sorted(chosen))
    assert score.max_points == 1
    assert score.correct == (chosen == {"reformulation", "a_eviter"})


@given(st.lists(st.sampled_from("abc")))
def test_quiz_score_is_exact_set_match(chosen: list[str]) -> None:
    """A multiple-choice question is right only with every correct choice and no other."""
    assert score_quiz(_quiz(), chosen).correct == (set(chosen) == {"a", "c"})


def test_dialogue_scores_one_point_per_adult_turn() -> None:
    """Each adult turn (indexes 1, 3, 5) earns a point when labelled exactly; string keys work."""
    item = _dialogue()
    labels = {"1": ["reformulation"], 3: ["a_eviter"], "5": ["parler-en-parallele"]}
    assert score_dialogue(item, labels) == Score(2, 3)
    assert score_dialogue(item, {}) == Score(0, 3)


@given(st.dictionaries(st.sampled_from([1, 3, 5]), st.sets(st.sampled_from(TECHNIQUES))))
def test_dialogue_points_never_exceed_the_adult_turns(labels: dict[int, set[str]]) -> None:
    """Any labelling scores between 0 and the number of adult turns."""
    score = score_dialogue(_dialogue(), labels)
    assert 0 <= score.points <= score.max_points == 3


def test_good_reformulation_meets_every_rubric_feature() -> None:
    """A reply keeping « chien », using « tombé », adding « flaque » and ending on a question passes."""
    feedback = assess_reformulation(
        _reformulation(), "Oui, le chien est tombé dans la flaque ! Il s'est fait mal ?"
    )
    assert feedback.features == {
        "keeps_meaning": True,
        "implicit_correction": True,
        "adds_element": True,
        "ends_on_opening": True,
    }
    assert feedback.passed_count == 4
    assert all(message.strip() for message in feedback.messages)


def test_explicit_correction_is_flagged() -> None:
    """« On ne dit pas… répète » fails implicit correction, with the advice to avoid it."""
    feedback = assess_reformulation(_reformulation(), "Non, on ne dit pas tombu. Répète : tombé.")
    assert feedback.features["implicit_correction"] is False
    assert feedback.features["ends_on_opening"] is False
    message = dict(zip(feedback.features, feedback.messages, strict=True))["implicit_correction"]
    assert "on ne dit pas" in message


def test_plain_echo_adds_nothing_and_misses_the_target() -> None:
    """Repeating the child's error adds no element and does not model the correct form."""
    feedback = assess_reformulation(_reformulation(), "Le chien il a tombu ?")
    assert feedback.features["adds_element"] is False
    assert feedback.features["implicit_correction"] is False
    assert feedback.features["keeps_meaning"] is True
    assert feedback.features["ends_on_opening"] is True


def test_only_the_items_rubric_features_are_checked() -> None:
    """An item whose rubric lists two features gets exactly two checks, in that order."""
    feedback = assess_reformulation(_reformulation(("adds_element", "keeps_meaning")), "Le chat ?")
    assert list(feedback.features) == ["adds_element", "keeps_meaning"]


def test_score_exercises_sums_over_ids_and_counts_missing_as_zero(tmp_path: Path) -> None:
    """The total recomputes each stored value; unanswered items count their points as missed."""
    bank = ContentBank(exercises=(_classification(), _quiz(), _dialogue(), _reformulation()))
    store = AnswerStore.open(tmp_path / "a.answers.json")
    store.set("classify-test", ["reformulation"], score=1, max_score=1)
    store.set("dialogue-test", {"1": ["reformulation"]}, score=99, max_score=3)  # hand-edited score
    store.set("reform-test", "Le chien est tombé ?")
    ids = ["classify-test", "quiz-test", "dialogue-test", "reform-test"]
    assert score_exercises(store, bank, ids) == Score(2, 5)
    assert score_exercises(read_answers(store.path), bank, ids) == Score(2, 5)


def test_score_exercises_gives_zero_for_a_malformed_value(tmp_path: Path) -> None:
    """A value of the wrong shape (hand edit) earns 0 instead of raising."""
    bank = ContentBank(exercises=(_quiz(), _dialogue()))
    store = AnswerStore.open(tmp_path / "a.answers.json")
    store.set("quiz-test", "a")
    store.set("dialogue-test", ["not", "a", "mapping"])
    assert score_exercises(store, bank, ["quiz-test", "dialogue-test"]) == Score(0, 4)
    with pytest.raises(KeyError):
        score_exercises(store, bank, ["no-such-item"])
