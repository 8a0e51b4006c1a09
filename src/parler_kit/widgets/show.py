"""`show(kind, **kwargs)`: one notebook line that gives the widget, or its printed twin.

In JupyterLab/Voilà it displays the interactive widget. When the notebook is executed for print
(environment variable ``PARLER_KIT_MODE=print``, set by production) it displays the static HTML
twin from `parler_kit.printing` instead, filled from the answers file, so one template gives both
the workbook and the handout. `parler_kit.printing` (and WeasyPrint) is imported only then.

In Voilà (the participant's page) exercises are displayed as an `ExerciseSection`: the first
`show()` of a kernel builds its widget at once, the others are folded and build their widget when
the participant opens them (a page of every exercise at once took 13–18 s to become usable; see
docs/performance.md). In JupyterLab every widget is built at once, as the trainer expects.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from parler_kit.answers import AnswersFile, AnswerStore, read_answers
from parler_kit.content import (
    ContentBank,
    load_bank,
)
from parler_kit.environment import print_mode
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import Locale
from parler_kit.widgets.action_sheet import ActionSheet
from parler_kit.widgets.base import DEFAULT_ANSWERS_NAME, KitWidget, message_html
from parler_kit.widgets.dialogue import DialogueAnnotator
from parler_kit.widgets.evaluation import EvaluationForm
from parler_kit.widgets.observation import ObservationChecklist
from parler_kit.widgets.quiz import Quiz
from parler_kit.widgets.reformulation import ReformulationExercise
from parler_kit.widgets.section import ExerciseSection, section_title
from parler_kit.widgets.techniques import TechniqueExercise
from parler_kit.widgets.timeline import MilestoneTimeline
from parler_kit.widgets.vocabulary import VocabularyChart

#: kind → widget class; keyword arguments of `show` go to the class unchanged.
WIDGETS: dict[str, type[KitWidget]] = {
    "timeline": MilestoneTimeline,
    "vocabulary": VocabularyChart,
    "techniques": TechniqueExercise,
    "reformulation": ReformulationExercise,
    "dialogue": DialogueAnnotator,
    "quiz": Quiz,
    "observation": ObservationChecklist,
    "action_sheet": ActionSheet,
    "evaluation": EvaluationForm,
}
#: Set by Voilà in the environment of every kernel it starts (standalone or server extension).
VOILA_VARIABLE = "VOILA_BASE_URL"
#: Kinds already shown in this kernel (in Voilà only the first is built at once).
_SHOWN: list[str] = []


def folded_sections() -> bool:
    """Whether `show()` folds exercises into sections: in Voilà, not in JupyterLab."""
    return VOILA_VARIABLE in os.environ


def _check_kind(kind: str) -> type[KitWidget]:
    try:
        return WIDGETS[kind]
    except KeyError:
        raise ValueError(
            f"Unknown widget kind {kind!r}; expected one of {sorted(WIDGETS)}"
        ) from None


def build(kind: str, **kwargs: Any) -> KitWidget:
    """The widget of `kind`, built with `kwargs` (see `WIDGETS` for the classes)."""
    return _check_kind(kind)(**kwargs)


def section(kind: str, *, opened: bool = False, **kwargs: Any) -> ExerciseSection:
    """The exercise of `kind` in a section that builds it when opened (see `ExerciseSection`)."""
    _check_kind(kind)
    locale: Locale = kwargs.get("locale", "fr")
    return ExerciseSection(
        kind,
        lambda: build(kind, **kwargs),
        title=section_title(kind, kwargs, locale),
        locale=locale,
        opened=opened,
    )


def print_html(kind: str, **kwargs: Any) -> str:
    """The static HTML twin of the widget `kind` would build, filled from its answers file.

    Takes the same keyword arguments as the widget. An unreadable answers file gives the blank
    twin preceded by the French message (the file is never modified here).
    """
    from parler_kit import printing  # heavy (WeasyPrint): only when printing

    _check_kind(kind)
    bank: ContentBank = kwargs.get("bank") or load_bank()
    locale: Locale = kwargs.get("locale", "fr")
    answers, problem = _answers_for_print(kwargs.get("store"))
    arguments = {k: v for k, v in kwargs.items() if k not in ("store", "bank", "locale")}
    body = printing.twin_html(kind, bank, answers, locale=locale, **arguments)
    return (message_html("problem", problem, locale) + body) if problem else body


def show(kind: str, **kwargs: Any) -> None:
    """Display the exercise of `kind` — or, in print mode, its static HTML twin.

    ``show("quiz", questions=["quiz-1", "quiz-2"])`` in a notebook cell is all a workbook needs;
    keyword arguments are those of the widget class (`WIDGETS`). In Voilà the first exercise
    shown in a kernel is built at once, the next ones when the participant opens them.
    """
    from IPython.display import HTML, display

    if print_mode():
        display(HTML(print_html(kind, **kwargs)))  # type: ignore[no-untyped-call]  # IPython is untyped
    elif folded_sections():
        opened = not _SHOWN
        _SHOWN.append(kind)
        display(section(kind, opened=opened, **kwargs))  # type: ignore[no-untyped-call]  # IPython is untyped
    else:
        display(build(kind, **kwargs))  # type: ignore[no-untyped-call]  # IPython is untyped


def _answers_for_print(store: Any) -> tuple[AnswerStore | AnswersFile | None, str | None]:
    """Answers to fill a twin with, read-only; a missing file means a blank twin."""
    if isinstance(store, AnswerStore):
        return store, None
    path = Path(store) if store is not None else Path.cwd() / DEFAULT_ANSWERS_NAME
    if not path.exists():
        return None, None
    try:
        return read_answers(path), None
    except ParlerKitError as error:
        return None, html.unescape(str(error))
