"""ReformulationExercise: the text is checked, stored, and followed by rubric feedback and models."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank, ReformulationItem
from parler_kit.widgets import ReformulationExercise


def _item(bank: ContentBank) -> ReformulationItem:
    return bank.exercises_of(ReformulationItem)[0]


def test_a_reply_is_stored_and_gets_feedback_then_model_replies(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Typing a reply and saving stores the text and shows the rubric and the model replies."""
    item = _item(bank)
    widget = ReformulationExercise([item.id], store=store, bank=bank)
    reply = item.model_replies[0].fr
    widget.texts[item.id].value = f"  {reply}  "
    assert widget.submit(item.id)
    assert widget.value == {item.id: reply}
    stored = store.get(item.id)
    assert stored is not None
    assert (stored.value, stored.score) == (reply, None)
    feedback = visible(widget.feedback[item.id].value)
    assert "Retour indicatif" in feedback
    assert "Exemples de réponses possibles" in feedback
    assert visible(item.model_replies[1].fr) in feedback


def test_explicit_correction_is_pointed_out(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """« Non, on ne dit pas… » gets the advice against explicit correction."""
    item = next(
        i for i in bank.exercises_of(ReformulationItem) if "implicit_correction" in i.rubric
    )
    widget = ReformulationExercise(item, store=store, bank=bank)
    widget.texts[item.id].value = "Non, on ne dit pas comme ça. Répète après moi."
    widget.submit(item.id)
    assert "Évitez la correction explicite" in visible(widget.feedback[item.id].value)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "est vide"), ("   \n\t ", "est vide"), ("x" * 10_000, "est trop long (10000 caractères")],
)
def test_bad_text_is_refused_with_a_french_message(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str], text: str, message: str
) -> None:
    """Empty, blank or 10,000-character replies are refused; the store is unchanged."""
    item = _item(bank)
    widget = ReformulationExercise([item.id], store=store, bank=bank)
    store.set(item.id, "réponse d'avant")
    before = store.path.read_bytes()
    widget.texts[item.id].value = text
    assert not widget.submit(item.id)
    assert message in visible(widget.status.value)
    assert "Rien n'a été modifié" in visible(
        widget.status.value
    ) or "rien n'a été modifié" in visible(widget.status.value)
    assert store.path.read_bytes() == before


def test_a_new_widget_restores_the_text_and_feedback(bank: ContentBank, store: AnswerStore) -> None:
    """The saved reply comes back in the text area of a new widget, with its feedback."""
    item = _item(bank)
    first = ReformulationExercise([item.id], store=store, bank=bank)
    first.texts[item.id].value = "Oui, il est tombé ? Raconte !"
    first.submit(item.id)
    again = ReformulationExercise([item.id], store=AnswerStore.open(store.path), bank=bank)
    assert again.texts[item.id].value == "Oui, il est tombé ? Raconte !"
    assert again.feedback[item.id].value == first.feedback[item.id].value
    assert again.texts[item.id].description == "Votre reformulation"
