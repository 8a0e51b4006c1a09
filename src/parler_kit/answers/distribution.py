"""How a group answered one question: pure functions shared by the bilan and the live view.

`merged_answers` gives one participant's newest value of each key over all their files;
`choice_distribution` counts the options picked over the group's stored values of one question
(a quiz question, a classification item, one dialogue turn, an evaluation scale or choice);
`text_answers` keeps the non-empty free texts, exactly as written (accents and punctuation kept).
A malformed value (wrong type, unknown option) is not counted, never an error.

Entry versus end of the positioning quiz (`entry_and_end`), the one rule of the bilan and the live
view: the same questions are asked on the first day and on the last, each time in that day's
answers file. For one participant and one question, the earliest answer is the entry one and the
latest, when it comes later from another file, the end one; a lone answer dated the last day of
the session (when the reader knows that day) counts as an end answer (absent on day one).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
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


def entry_and_end(
    files: Sequence[AnswersFile], key: str, last_day: dt.date | None = None
) -> tuple[StoredAnswer | None, StoredAnswer | None]:
    """One participant's entry and end answers to one positioning question, either None.

    `last_day` is the session's last day, when known: a lone answer dated that day (UTC) or later
    is an end answer. Without it, a lone answer is an entry answer.
    """
    found = sorted(
        ((data.answers[key], str(data.path)) for data in files if key in data.answers),
        key=lambda item: item[0].changed_at,
    )
    if not found:
        return None, None
    (first, first_file), (last, last_file) = found[0], found[-1]
    # A later answer in another file is the end one; the same answer seen twice (nbgrader keeps
    # copies of a file under submitted/, autograded/ and feedback/) is not.
    if last_file != first_file and last.changed_at > first.changed_at:
        return first, last
    if last_day is not None and _day_of(first.changed_at) >= last_day:
        return None, first
    return first, None


def _day_of(iso: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).date()
    except ValueError:
        return dt.date.min
