"""Quiz: radio buttons for single choice, checkboxes for multiple, explanation after answering."""

from __future__ import annotations

from collections.abc import Callable

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.content import ContentBank, QuizQuestion
from parler_kit.widgets import Quiz


def _questions(bank: ContentBank) -> tuple[QuizQuestion, QuizQuestion]:
    questions = bank.exercises_of(QuizQuestion)
    single = next(q for q in questions if not q.multiple and q.sources)
    multiple = next(q for q in questions if q.multiple)
    return single, multiple


def test_single_choice_uses_radio_buttons_and_scores_the_key(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Picking the right radio option stores [id] with 1/1 and shows the explanation and source."""
    single, _ = _questions(bank)
    widget = Quiz([single.id], store=store, bank=bank)
    radio = widget.controls[single.id]
    assert radio.value is None  # nothing pre-selected
    assert radio.description == "Votre réponse"
    radio.value = single.correct[0]
    assert widget.validate(single.id)
    assert widget.value == {single.id: [single.correct[0]]}
    assert read_answers(store.path).answers[single.id].score == 1.0
    feedback = visible(widget.feedback[single.id].value)
    assert feedback.startswith("✓ Juste")
    assert "Explication :" in feedback
    assert "Source :" in feedback


def test_multiple_choice_needs_the_exact_set(bank: ContentBank, store: AnswerStore) -> None:
    """A multiple-choice question answered with part of the key scores 0 and shows ✗."""
    _, multiple = _questions(bank)
    widget = Quiz(multiple, store=store, bank=bank)
    widget.controls[multiple.id].value = [multiple.correct[0]]
    assert widget.validate(multiple.id)
    stored = store.get(multiple.id)
    assert stored is not None
    assert stored.value == [multiple.correct[0]]
    assert stored.score == (1.0 if len(multiple.correct) == 1 else 0.0)
    widget.controls[multiple.id].value = list(multiple.correct)
    widget.validate(multiple.id)
    stored = store.get(multiple.id)
    assert stored is not None
    assert (stored.value, stored.score, stored.attempts) == (sorted(multiple.correct), 1.0, 2)


def test_a_new_quiz_restores_the_choices(bank: ContentBank, store: AnswerStore) -> None:
    """Answers given in one widget are selected again in a new widget on the same file."""
    single, multiple = _questions(bank)
    first = Quiz([single, multiple], store=store, bank=bank)
    wrong = next(c.id for c in single.choices if c.id not in single.correct)
    first.controls[single.id].value = wrong
    first.validate(single.id)
    first.controls[multiple.id].value = list(multiple.correct)
    first.validate(multiple.id)
    again = Quiz([single.id, multiple.id], store=AnswerStore.open(store.path), bank=bank)
    assert again.controls[single.id].value == wrong
    assert again.controls[multiple.id].value == sorted(multiple.correct)
    assert again.value == first.value
    assert "✗" in again.feedback[single.id].value


def test_validating_without_a_choice_is_refused(bank: ContentBank, store: AnswerStore) -> None:
    """No radio option chosen: a message, and the store stays empty."""
    single, _ = _questions(bank)
    widget = Quiz([single.id], store=store, bank=bank)
    assert not widget.validate(single.id)
    assert store.items() == {}
