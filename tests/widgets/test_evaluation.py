"""EvaluationForm: scale, choice and text answers saved at once under evaluation:<form>."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.widgets import EvaluationForm


def _answer_all(widget: EvaluationForm) -> dict[str, Any]:
    expected: dict[str, Any] = {}
    for question in widget.questions:
        control = widget.controls[question.id]
        if question.kind == "scale":
            control.value = expected[question.id] = 4
        elif question.kind == "text":
            control.value = expected[question.id] = "Laisser plus de temps de réponse."
        elif question.multiple:
            control.value = expected[question.id] = sorted(c.id for c in question.choices[:2])
        else:
            control.value = expected[question.id] = question.choices[-1].id
    return expected


def test_each_answer_is_saved_as_given(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Answering every question stores {question id: value} and counts them all."""
    widget = EvaluationForm("chaud", store=store, bank=bank)
    assert widget.questions
    expected = _answer_all(widget)
    assert widget.value == expected
    stored = store.get("evaluation:chaud")
    assert stored is not None
    assert stored.value == expected
    total = len(widget.questions)
    assert f"Questions répondues : {total} / {total}" in visible(widget.progress.value)


def test_a_new_form_restores_every_answer(bank: ContentBank, store: AnswerStore) -> None:
    """A new form on the same file shows the saved answers in its controls."""
    first = EvaluationForm(store=store, bank=bank)
    expected = _answer_all(first)
    again = EvaluationForm(store=AnswerStore.open(store.path), bank=bank)
    assert {qid: again.controls[qid].value for qid in expected} == expected


def test_blank_text_answer_is_refused(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """A whitespace-only comment is refused with a French message and not stored."""
    widget = EvaluationForm(store=store, bank=bank)
    question = next(q for q in widget.questions if q.kind == "text")
    widget.controls[question.id].value = "   "
    assert "est vide" in visible(widget.status.value)
    assert store.get("evaluation:chaud") is None


def test_the_follow_up_form_has_its_own_key(bank: ContentBank, store: AnswerStore) -> None:
    """The à froid form saves under evaluation:froid, apart from à chaud."""
    widget = EvaluationForm("froid", store=store, bank=bank)
    scale = next(q for q in widget.questions if q.kind == "scale")
    widget.controls[scale.id].value = 2
    assert set(store.items()) == {"evaluation:froid"}
