"""How a group answered one question: pure functions shared by the bilan and the live view.

`merged_answers` gives one participant's newest value of each key over all their files;
`choice_distribution` counts the options picked over the group's stored values of one question
(a quiz question, a classification item, one dialogue turn, an evaluation scale or choice);
`text_answers` keeps the non-empty free texts, exactly as written (accents and punctuation kept).
A malformed value (wrong type, unknown option) is not counted, never an error.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from parler_kit.answers.fileformat import AnswersFile, StoredAnswer

#: The values of a 1–5 scale question, as counted.
SCALE = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class Distribution:
    """Picks per option id (an answer may pick several) and `n`, the answers that picked any."""

    counts: dict[str, int]
    n: int


def merged_answers(files: Iterable[AnswersFile]) -> dict[str, StoredAnswer]:
    """One participant's answers over all their files: the newest value of each key."""
    merged: dict[str, StoredAnswer] = {}
    for data in files:
        for key, answer in data.answers.items():
            if key not in merged or answer.changed_at > merged[key].changed_at:
                merged[key] = answer
    return merged


def picked_options(value: Any, allowed: Collection[str] | None = None) -> list[str]:
    """The option ids one stored value picks (a single id, a 1–5 int or a list), each once."""
    raw: list[Any] = list(value) if isinstance(value, list | tuple) else [value]
    picked = [str(p) for p in raw if isinstance(p, str | int) and not isinstance(p, bool)]
    if allowed is not None:
        picked = [p for p in picked if p in allowed]
    return list(dict.fromkeys(picked))


def choice_distribution(
    values: Iterable[Any], allowed: Collection[str] | None = None
) -> Distribution:
    """Count the options picked over the group's values of one question (see `picked_options`)."""
    counts: Counter[str] = Counter()
    n = 0
    for value in values:
        picked = picked_options(value, allowed)
        if picked:
            counts.update(picked)
            n += 1
    return Distribution(dict(counts), n)


def text_answers(values: Iterable[Any]) -> tuple[str, ...]:
    """The non-empty free texts among the values, stripped, in the order given."""
    return tuple(v.strip() for v in values if isinstance(v, str) and v.strip())
