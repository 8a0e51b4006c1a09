"""Printed twins of the exercise widgets: classification, reformulation, dialogue, quiz.

Blank, a twin is a worksheet (boxes to tick, lines to write on). Filled from the answers, it
shows what the participant chose or wrote and, for that item only, the expected answer and the
explanation, as the widget does once an item is answered. Unanswered items stay blank.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

from parler_kit.answers import (
    Score,
    assess_reformulation,
    score_classification,
    score_dialogue,
    score_quiz,
)
from parler_kit.content import (
    AVOID,
    ClassificationItem,
    ContentBank,
    DialogueItem,
    ExerciseRecord,
    QuizQuestion,
    ReformulationItem,
    load_bank,
)
from parler_kit.i18n import Locale, ui_text
from parler_kit.printing.answers import (
    Answers,
    answer_value,
    as_mapping,
    as_str_list,
    as_text,
)
from parler_kit.printing.environment import kit_text, render
from parler_kit.printing.typography import citation_text


def classification_html(
    items: Sequence[ClassificationItem],
    answers: Answers | None = None,
    *,
    bank: ContentBank | None = None,
    locale: Locale = "fr",
) -> str:
    """Utterances to match with techniques: every technique of `bank` plus « À éviter » as boxes."""
    bank = bank or load_bank()
    names = _technique_names(bank, locale)
    entries = [
        _choice_entry(
            item, answers, score_classification, expected=[names.get(t, t) for t in item.answer]
        )
        for item in items
    ]
    return render(
        "classification.html.j2", locale=locale, entries=entries, choices=list(names.items())
    )


def quiz_html(
    questions: Sequence[QuizQuestion],
    answers: Answers | None = None,
    *,
    bank: ContentBank | None = None,
    locale: Locale = "fr",
) -> str:
    """Quiz questions with a box per choice; filled: the ticks, the key, explanation and sources."""
    bank = bank or load_bank()
    entries = []
    for question in questions:
        texts = {c.id: kit_text(c.text, locale) for c in question.choices}
        expected = [texts[c] for c in question.correct]
        entry = _choice_entry(question, answers, score_quiz, expected=expected)
        entries.append({**entry, "sources": _citations(bank, question.sources)})
    return render("quiz.html.j2", locale=locale, entries=entries)


def quiz_key_html(
    questions: Sequence[QuizQuestion], *, bank: ContentBank | None = None, locale: Locale = "fr"
) -> str:
    """The quiz's answer key, for the end of a handout: right answers, explanation, sources.

    Paper does not show the explanation after an answer as the screen does: it is printed once,
    here, numbered as the questions are.
    """
    bank = bank or load_bank()
    entries = []
    for question in questions:
        texts = {c.id: kit_text(c.text, locale) for c in question.choices}
        entries.append(
            {
                "item": question,
                "expected": [texts[c] for c in question.correct],
                "sources": _citations(bank, question.sources),
            }
        )
    return render("quiz_key.html.j2", locale=locale, entries=entries)


def reformulation_html(
    items: Sequence[ReformulationItem],
    answers: Answers | None = None,
    *,
    locale: Locale = "fr",
) -> str:
    """A child's utterance and lines to write a reply; filled: the reply, rubric, model replies."""
    entries = []
    for item in items:
        reply = as_text(answer_value(answers, item.id))
        feedback = assess_reformulation(item, reply, locale).checks if reply is not None else ()
        entries.append({"item": item, "reply": reply, "feedback": feedback})
    return render("reformulation.html.j2", locale=locale, entries=entries)


def dialogue_html(
    item: DialogueItem,
    answers: Answers | None = None,
    *,
    bank: ContentBank | None = None,
    locale: Locale = "fr",
) -> str:
    """The transcript as a table with a cell to write the techniques of each adult turn."""
    bank = bank or load_bank()
    names = _technique_names(bank, locale)
    stored = answer_value(answers, item.id)
    labels: dict[int | str, list[str]] = {
        k: as_str_list(v) or [] for k, v in as_mapping(stored).items()
    }
    rows: list[dict[str, Any]] = []
    for index, turn in enumerate(item.turns):
        chosen = None if stored is None else labels.get(str(index), [])
        rows.append(
            {
                "number": index + 1,
                "turn": turn,
                "chosen": [names.get(t, t) for t in chosen] if chosen is not None else None,
                "correct": chosen is not None and set(chosen) == set(turn.techniques),
                "expected": [names.get(t, t) for t in turn.techniques],
            }
        )
    score = score_dialogue(item, labels) if stored is not None else None
    return render(
        "dialogue.html.j2",
        locale=locale,
        item=item,
        rows=rows,
        score=score,
        choices=list(names.items()),
    )


def exercise_html(
    item: ExerciseRecord,
    answers: Answers | None = None,
    *,
    bank: ContentBank | None = None,
    locale: Locale = "fr",
) -> str:
    """The twin of any one exercise item, chosen by its kind."""
    if isinstance(item, ClassificationItem):
        return classification_html([item], answers, bank=bank, locale=locale)
    if isinstance(item, QuizQuestion):
        return quiz_html([item], answers, bank=bank, locale=locale)
    if isinstance(item, ReformulationItem):
        return reformulation_html([item], answers, locale=locale)
    return dialogue_html(item, answers, bank=bank, locale=locale)


_Item = TypeVar("_Item", ClassificationItem, QuizQuestion)


def _choice_entry(
    item: _Item,
    answers: Answers | None,
    score: Callable[[_Item, Collection[str]], Score],
    *,
    expected: list[str],
) -> dict[str, Any]:
    """What a ticked-boxes item shows: the stored choices (None if unanswered) and the key."""
    chosen = as_str_list(answer_value(answers, item.id))
    correct = chosen is not None and score(item, chosen).correct
    return {"item": item, "chosen": chosen, "correct": correct, "expected": expected}


def _technique_names(bank: ContentBank, locale: Locale) -> dict[str, str]:
    """Technique id → name, in bank order, then « À éviter »."""
    names = {t.id: kit_text(t.name, locale) for t in bank.techniques}
    names[AVOID] = ui_text("printing.classification.avoid", locale)
    return names


def _citations(bank: ContentBank, source_ids: Sequence[str]) -> list[str]:
    """The citation of each known source id (unknown ids are skipped: the loader reports them)."""
    known = {s.id: citation_text(s) for s in bank.sources}
    return [known[s] for s in source_ids if s in known]
