"""The positioning quiz's entry/end rule, one test for both its readers: the bilan and the live view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from parler_kit.answers import AnswersFile, StoredAnswer
from parler_kit.answers.distribution import entry_and_end
from parler_kit.content import ContentBank, QuizQuestion, load_bank
from parler_kit.live import class_views, view_sections
from parler_kit.live.aggregate import QuestionBars
from parler_kit.report.aggregate import positioning

LAST_DAY = dt.date(2026, 3, 3)
DAY_ONE = "2026-03-01T09:00:00+00:00"
LAST_DAY_MORNING = "2026-03-03T09:00:00+00:00"

#: (entry answers counted, end answers counted) for one participant's files.
Counted = tuple[int, int]
Reader = Callable[[ContentBank, QuizQuestion, Sequence[AnswersFile], dt.date | None], Counted]


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    """The shipped content bank."""
    return load_bank()


def _bilan(
    bank: ContentBank, question: QuizQuestion, files: Sequence[AnswersFile], last: dt.date | None
) -> Counted:
    assert last is not None  # the bilan always has its session
    row = next(r for r in positioning(bank, {"p1": files}, last) if r.question == question)
    return row.entry.n, row.end.n


def _live(
    bank: ContentBank, question: QuizQuestion, files: Sequence[AnswersFile], last: dt.date | None
) -> Counted:
    view = next(v for v in class_views(bank) if v.kind == "positioning")
    bars = next(
        s
        for s in view_sections(bank, view, {"p1": files}, "salt", last)
        if isinstance(s, QuestionBars) and s.question == question
    )
    return bars.entry.n, bars.end.n if bars.end is not None else 0


READERS = {"bilan": _bilan, "live view": _live}


def _file(path: str, key: str, at: str) -> AnswersFile:
    return AnswersFile(Path(path), 1, "p1", "s1", {key: StoredAnswer(["a"], at, 1)})


def _question(bank: ContentBank) -> QuizQuestion:
    return next(q for q in bank.exercises_of(QuizQuestion) if q.positioning)


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
def test_both_readers_count_entry_and_end_alike(bank: ContentBank, reader: Reader) -> None:
    """Bilan and live view: two files = entry + end; a lone last-day answer = end; a copy = entry."""
    key = _question(bank).id
    day1 = _file("day1/carnet.answers.json", key, DAY_ONE)
    day3 = _file("day3/carnet.answers.json", key, LAST_DAY_MORNING)
    copy = _file("autograded/day1/carnet.answers.json", key, DAY_ONE)
    question = _question(bank)
    assert reader(bank, question, [day3, day1], LAST_DAY) == (1, 1)
    assert reader(bank, question, [day3], LAST_DAY) == (0, 1)  # absent on day one
    assert reader(bank, question, [day1], LAST_DAY) == (1, 0)
    assert reader(bank, question, [day1, copy], LAST_DAY) == (1, 0)


def test_without_the_last_day_a_lone_answer_is_an_entry_one() -> None:
    """The live view started without a session file counts a lone last-day answer as entry."""
    lone = _file("day3/carnet.answers.json", "q", LAST_DAY_MORNING)
    assert entry_and_end([lone], "q") == (lone.answers["q"], None)
    assert entry_and_end([lone], "q", LAST_DAY) == (None, lone.answers["q"])
