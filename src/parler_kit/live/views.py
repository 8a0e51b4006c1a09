"""The exercises the trainer can project, one view per exercise of the curriculum's notebooks.

Each view names its day, a slug for its address, its kind (how it is drawn) and the answer keys
it reads. The items are picked from the content bank with the same rules as the day notebooks
(``curriculum/dayN/*.ipynb``), so a question added to the bank appears in its view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from parler_kit.content import (
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
)

Kind = Literal["quiz", "positioning", "classify", "dialogue", "texts", "action_sheet", "evaluation"]

#: Answer keys of the widgets that are not exercise items.
ACTION_SHEET_KEY = "fiche-action"
EVALUATION_KEY = "evaluation:chaud"


@dataclass(frozen=True)
class View:
    """One projectable view: its day, address slug, French title key, kind and answer keys."""

    day: int
    slug: str
    kind: Kind
    keys: tuple[str, ...]

    @property
    def title_key(self) -> str:
        """The catalog key of its French title."""
        return f"live.view.{self.slug}"


def _quiz(bank: ContentBank, topic: str) -> tuple[str, ...]:
    return tuple(
        q.id for q in bank.exercises_of(QuizQuestion) if q.topic == topic and not q.positioning
    )


def _classify(bank: ContentBank, situations: set[str]) -> tuple[str, ...]:
    return tuple(i.id for i in bank.exercises_of(ClassificationItem) if i.situation in situations)


def class_views(bank: ContentBank) -> tuple[View, ...]:
    """Every view, in the order of the course (day 1 to day 3)."""
    positioning = tuple(q.id for q in bank.exercises_of(QuizQuestion) if q.positioning)
    views = (
        View(1, "positionnement", "positioning", positioning),
        View(1, "enjeux", "quiz", _quiz(bank, "prevention")),
        View(1, "developpement", "quiz", _quiz(bank, "development")),
        View(2, "routines", "classify", _classify(bank, {"welcome", "meal", "changing", "nap", "transition"})),
        View(2, "jeux", "classify", _classify(bank, {"play", "outdoor", "group_time"})),
        View(2, "reformuler", "texts", tuple(i.id for i in bank.exercises_of(ReformulationItem))),
        View(2, "dialogues", "dialogue", tuple(i.id for i in bank.exercises_of(DialogueItem))),
        View(2, "lecture", "classify", _classify(bank, {"book"})),
        View(3, "orientation", "quiz", _quiz(bank, "observation")),
        View(3, "fiche-action", "action_sheet", (ACTION_SHEET_KEY,)),
        View(3, "evaluation", "evaluation", (EVALUATION_KEY,)),
    )  # fmt: skip
    return tuple(view for view in views if view.keys)


def view_by_slug(views: tuple[View, ...], slug: str) -> View | None:
    """The view with this slug, or None."""
    return next((view for view in views if view.slug == slug), None)
