"""VocabularyChart: the norms chart and table, and anonymous counts placed against the spread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.widgets import VocabularyChart


def test_the_chart_and_texts_say_a_count_is_never_a_diagnosis(
    bank: ContentBank, store: AnswerStore, page_text: Callable[[Any], str]
) -> None:
    """The widget shows the chart (with alt text), the n per band and the caveats."""
    widget = VocabularyChart(bank, store=store)
    assert widget.chart.value.startswith("<img alt=")
    shown = page_text(widget)
    assert "n'est jamais un diagnostic" in shown
    assert "80 % des enfants" in shown
    assert "bilingue" in shown
    assert str(bank.vocabulary_norms[0].n) in shown


def test_placing_a_count_stores_it_and_describes_its_position(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """A count placed at an age is stored and read against p10/p90 of each population."""
    norm = next(n for n in bank.vocabulary_norms if n.population == "france")
    age = norm.age.min
    widget = VocabularyChart(bank, store=store)
    widget.age.value, widget.words.value = age, int(norm.p90) + 1
    widget.place_button.click()
    assert widget.value == [{"age_months": age, "words": int(norm.p90) + 1}]
    stored = store.get("vocabulary:placements")
    assert stored is not None
    assert stored.value == widget.value
    assert "plus que le 90e percentile" in visible(widget.reading.value)
    again = VocabularyChart(bank, store=AnswerStore.open(store.path))
    assert again.value == widget.value
    assert again.reading.value == widget.reading.value


@pytest.mark.parametrize(
    ("age", "words", "message"), [(80, 10, "entre 0 et 72"), (24, -3, "Le nombre de mots")]
)
def test_bad_age_or_count_is_refused(
    bank: ContentBank,
    store: AnswerStore,
    visible: Callable[[str], str],
    age: int,
    words: int,
    message: str,
) -> None:
    """An age outside 0–72 or a negative count shows a French message and stores nothing."""
    widget = VocabularyChart(bank, store=store)
    assert not widget.place(age, words)
    assert message in visible(widget.status.value)
    assert store.items() == {}


def test_clearing_forgets_the_counts(bank: ContentBank, store: AnswerStore) -> None:
    """The clear button removes the stored placements."""
    widget = VocabularyChart(bank, store=store)
    widget.place(30, 100)
    widget.clear_button.click()
    assert widget.value == []
    assert store.items() == {}
