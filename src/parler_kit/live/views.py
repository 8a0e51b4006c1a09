"""The exercises the trainer can project, one view per exercise of the curriculum's notebooks.

Each view names its day, a slug for its address, its kind (how it is drawn) and the answer keys
it reads. The exercises and the rules that pick their items are the course plan's
(``course_plan.yaml``), which the day notebooks (``curriculum/dayN/*.ipynb``) read too, so a
question added to the bank appears in its notebook and its view alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from parler_kit.content import ContentBank, exercise_ids, planned_exercises

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


def class_views(bank: ContentBank) -> tuple[View, ...]:
    """Every view, in the order of the course (day 1 to day 3).

    One view per exercise of the course plan (`parler_kit.content.plan`: its items are the ones the
    day notebooks show), then the fiche action and the hot evaluation on the last day.
    """
    planned = [
        View(day, exercise.slug, exercise.view, tuple(exercise_ids(exercise.slug, bank)))
        for day, exercise in planned_exercises(bank)
    ]
    last_day = max((view.day for view in planned), default=3)
    views = (
        *planned,
        View(last_day, "fiche-action", "action_sheet", (ACTION_SHEET_KEY,)),
        View(last_day, "evaluation", "evaluation", (EVALUATION_KEY,)),
    )
    return tuple(view for view in views if view.keys)


def view_by_slug(views: tuple[View, ...], slug: str) -> View | None:
    """The view with this slug, or None."""
    return next((view for view in views if view.slug == slug), None)
