"""The static twin of each widget kind: what ``show(kind, …)`` prints.

One table for the two places that print a ``show`` call — `parler_kit.widgets.show` in a kernel
running with ``PARLER_KIT_MODE=print``, and `parler_kit.production` rendering a handout without a
kernel — so both always give the same page for the same call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from parler_kit.answers.validation import observation_key
from parler_kit.content import (
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
)
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import Locale
from parler_kit.printing.answers import Answers
from parler_kit.printing.exercises import (
    classification_html,
    dialogue_html,
    quiz_html,
    reformulation_html,
)
from parler_kit.printing.forms import action_sheet_html, evaluation_form_html, observation_grid_html
from parler_kit.printing.reference import technique_memo_html, timeline_html, vocabulary_html

_R = TypeVar("_R", ClassificationItem, ReformulationItem, DialogueItem, QuizQuestion)

#: The keyword that names the exercise records of a ``show`` call, by kind.
_RECORDS_ARGUMENT = {
    "techniques": "items",
    "reformulation": "items",
    "dialogue": "items",
    "quiz": "questions",
}


def exercise_records(given: Any, kind: type[_R], bank: ContentBank) -> tuple[_R, ...]:
    """Records from ids or records (one or several); every record of `kind` when `given` is None."""
    return bank.select(given, kind, bank.exercises_of(kind))


def _child_key(child_code: str | None) -> str | None:
    """The store key of the child whose grid is printed; none (a blank grid) for an invalid code."""
    if not child_code:
        return None
    try:
        return observation_key(child_code)
    except ParlerKitError:
        return None


def twin_html(
    kind: str,
    bank: ContentBank,
    answers: Answers | None = None,
    *,
    locale: Locale = "fr",
    **kwargs: Any,
) -> str:
    """The static HTML of ``show(kind, **kwargs)``: blank, or filled from `answers`.

    `kwargs` are the widget's own keyword arguments (``items``, ``questions``, ``age_months``,
    ``age_band``, ``child_code``, ``form``); others are ignored. ``memo`` (the technique memo card)
    has no widget but can be printed the same way.
    """
    records = kwargs.get(_RECORDS_ARGUMENT.get(kind, ""))
    renderers: dict[str, Callable[[], str]] = {
        "timeline": lambda: timeline_html(bank, kwargs.get("age_months"), locale=locale),
        "vocabulary": lambda: vocabulary_html(bank, answers, locale=locale),
        "techniques": lambda: classification_html(
            exercise_records(records, ClassificationItem, bank), answers, bank=bank, locale=locale
        ),
        "reformulation": lambda: reformulation_html(
            exercise_records(records, ReformulationItem, bank), answers, locale=locale
        ),
        "dialogue": lambda: "\n".join(
            dialogue_html(item, answers, bank=bank, locale=locale)
            for item in exercise_records(records, DialogueItem, bank)
        ),
        "quiz": lambda: quiz_html(
            exercise_records(records, QuizQuestion, bank), answers, bank=bank, locale=locale
        ),
        "observation": lambda: observation_grid_html(
            bank,
            kwargs.get("age_band"),
            answers,
            _child_key(kwargs.get("child_code")),
            locale=locale,
        ),
        "action_sheet": lambda: action_sheet_html(bank, answers, locale=locale),
        "evaluation": lambda: evaluation_form_html(
            bank, kwargs.get("form", "chaud"), answers, locale=locale
        ),
        "memo": lambda: technique_memo_html(bank, locale=locale),
    }
    if kind not in renderers:
        raise KeyError(f"Unknown kind {kind!r}; expected one of {sorted(renderers)}")
    return renderers[kind]()


TWIN_KINDS: Sequence[str] = (
    "timeline", "vocabulary", "techniques", "reformulation", "dialogue", "quiz",
    "observation", "action_sheet", "evaluation", "memo",
)  # fmt: skip
