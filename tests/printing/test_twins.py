"""twin_html: one static rendering per widget kind, shared by print mode and the handouts."""

from __future__ import annotations

import pytest

from parler_kit.content import ContentBank, QuizQuestion
from parler_kit.printing import TWIN_KINDS, quiz_html, twin_html


@pytest.mark.parametrize("kind", TWIN_KINDS)
def test_every_kind_renders_static_html(kind: str, bank: ContentBank) -> None:
    """Each kind gives non-empty HTML without script, blank (no box ticked) without answers.

    The filled renderings of each kind are checked in test_exercises, test_forms and
    test_reference.
    """
    html = twin_html(kind, bank)
    assert html.strip() and "<script" not in html
    assert "☒" not in html


def test_quiz_twin_is_the_quiz_of_the_named_questions(bank: ContentBank) -> None:
    """``show("quiz", questions=[…])`` prints exactly those questions, as quiz_html does."""
    ids = [q.id for q in bank.exercises_of(QuizQuestion)[:2]]
    records = [bank.exercise(i) for i in ids]
    assert twin_html("quiz", bank, questions=ids) == quiz_html(records, None, bank=bank)  # type: ignore[arg-type]


def test_unknown_kind_names_the_known_ones(bank: ContentBank) -> None:
    """An unknown kind is an error listing the kinds that exist."""
    with pytest.raises(KeyError, match="timeline"):
        twin_html("dessin", bank)
