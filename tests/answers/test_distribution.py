"""The group's distribution of one question, shared by the bilan and the live view."""

from __future__ import annotations

from pathlib import Path

from parler_kit.answers import AnswersFile, StoredAnswer
from parler_kit.answers.distribution import (
    SCALE,
    choice_distribution,
    merged_answers,
    picked_options,
    text_answers,
)


def _file(answers: dict[str, tuple[object, str]]) -> AnswersFile:
    return AnswersFile(
        Path("x.answers.json"),
        1,
        "p1",
        "s1",
        {key: StoredAnswer(value, at, 1) for key, (value, at) in answers.items()},
    )


def test_choice_distribution_counts_each_option_once_per_answer() -> None:
    """Every answer counts once in n; a repeated option in one answer counts once."""
    spread = choice_distribution([["a"], ["a", "b", "a"], ["c"]])
    assert spread.counts == {"a": 2, "b": 1, "c": 1}
    assert spread.n == 3


def test_malformed_values_are_not_counted() -> None:
    """None, booleans, dicts and unknown options are left out of counts and n."""
    spread = choice_distribution([None, True, {"a": 1}, ["zz"], "b"], allowed={"a", "b"})
    assert spread.counts == {"b": 1}
    assert spread.n == 1


def test_scale_answers_as_ints_or_strings() -> None:
    """A 1–5 scale counts ints and strings alike, and nothing outside 1–5."""
    spread = choice_distribution([5, "5", 3, 9, 0], SCALE)
    assert spread.counts == {"5": 2, "3": 1}
    assert spread.n == 3
    assert picked_options(4) == ["4"]


def test_text_answers_keep_accents_and_punctuation() -> None:
    """Free texts are stripped but otherwise kept exactly; blanks and non-texts are dropped."""
    texts = text_answers(["  « Oui, il est tombé ! »  ", "", "   ", 3, "Ça… ?"])
    assert texts == ("« Oui, il est tombé ! »", "Ça… ?")


def test_merged_answers_keep_the_newest_value() -> None:
    """Over several files, each key keeps the value changed last."""
    older = _file({"q": (["a"], "2026-03-03T09:00:00.000Z"), "r": ("x", "2026-03-03T09:00:00Z")})
    newer = _file({"q": (["b"], "2026-03-05T09:00:00.000Z")})
    merged = merged_answers([newer, older])
    assert merged["q"].value == ["b"]
    assert merged["r"].value == "x"
