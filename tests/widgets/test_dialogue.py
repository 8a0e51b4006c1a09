"""DialogueAnnotator: techniques per adult turn, compared with the key turn by turn."""

from __future__ import annotations

from collections.abc import Callable

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank, DialogueItem
from parler_kit.widgets import DialogueAnnotator


def _dialogue(bank: ContentBank) -> DialogueItem:
    return bank.exercises_of(DialogueItem)[0]


def test_only_adult_turns_get_technique_checkboxes(bank: ContentBank, store: AnswerStore) -> None:
    """Each adult turn (and no child turn) has a group of technique checkboxes."""
    item = _dialogue(bank)
    widget = DialogueAnnotator(item.id, store=store, bank=bank)
    adult = [i for i, t in enumerate(item.turns) if t.speaker == "adult"]
    assert sorted(widget.groups[item.id]) == adult


def test_comparing_stores_labels_and_marks_each_turn(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """The first adult turn labelled as the key is ✓, the others ✗; score = 1 per right turn."""
    item = _dialogue(bank)
    widget = DialogueAnnotator([item], store=store, bank=bank)
    groups = widget.groups[item.id]
    first, *others = sorted(groups)
    groups[first].value = list(item.turns[first].techniques)
    assert widget.compare(item.id)
    stored = store.get(item.id)
    assert stored is not None
    assert stored.value == {
        str(i): (sorted(item.turns[first].techniques) if i == first else []) for i in groups
    }
    assert (stored.score, stored.max_score) == (1.0, float(len(groups)))
    assert visible(widget.turn_feedback[item.id][first].value).startswith("✓ Juste")
    assert all("✗" in widget.turn_feedback[item.id][i].value for i in others)
    assert f"1 / {len(groups)}" in visible(widget.summary[item.id].value)
    assert widget.value == {item.id: stored.value}


def test_comparing_with_nothing_ticked_is_refused(bank: ContentBank, store: AnswerStore) -> None:
    """With no label at all, comparing shows a message and stores nothing."""
    item = _dialogue(bank)
    widget = DialogueAnnotator(item.id, store=store, bank=bank)
    assert not widget.compare(item.id)
    assert store.items() == {}


def test_a_new_annotator_restores_the_labels(bank: ContentBank, store: AnswerStore) -> None:
    """Labels saved by one widget are ticked again by a new widget on the same file."""
    item = _dialogue(bank)
    first = DialogueAnnotator(item.id, store=store, bank=bank)
    turn = min(first.groups[item.id])
    first.groups[item.id][turn].value = ["a_eviter"]
    first.compare(item.id)
    again = DialogueAnnotator(item.id, store=AnswerStore.open(store.path), bank=bank)
    assert again.groups[item.id][turn].value == ["a_eviter"]
    assert again.value == first.value
