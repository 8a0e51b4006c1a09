"""The live view projects the exercises the day notebooks show: both read the course plan."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from parler_kit.content import ContentBank, exercise_ids, load_bank, planned_exercises
from parler_kit.live import class_views

CURRICULUM = Path(__file__).resolve().parents[2] / "curriculum"


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    """The shipped content bank."""
    return load_bank()


def _code(notebook: Path) -> list[ast.Module]:
    cells = nbformat.read(notebook, as_version=4).cells
    return [ast.parse(c.source) for c in cells if c.cell_type == "code"]


def _slugs_used(notebook: Path) -> set[str]:
    """The slugs a notebook passes to ``exercise_ids("…")``."""
    return {
        node.args[0].value
        for tree in _code(notebook)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "exercise_ids"
        and isinstance(node.args[0], ast.Constant)
    }


def test_notebooks_pick_their_items_through_the_plan_only() -> None:
    """No day notebook writes its own selection rule over the bank's exercises."""
    by_hand = [
        notebook.name
        for notebook in sorted(CURRICULUM.glob("day*/*.ipynb"))
        for tree in _code(notebook)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "exercises"
    ]
    assert by_hand == []


def test_every_planned_exercise_is_shown_by_a_notebook_of_its_day(bank: ContentBank) -> None:
    """Each exercise of the plan is used by its day's notebooks; each slug used is in the plan."""
    planned = {exercise.slug: day for day, exercise in planned_exercises(bank)}
    used: dict[int, set[str]] = {}
    for notebook in sorted(CURRICULUM.glob("day*/*.ipynb")):
        used.setdefault(int(notebook.parent.name.removeprefix("day")), set()).update(
            _slugs_used(notebook)
        )
    assert {slug for slugs in used.values() for slug in slugs} <= set(planned)
    assert [slug for slug, day in planned.items() if slug not in used.get(day, set())] == []


def test_each_view_reads_the_items_its_notebook_shows(bank: ContentBank) -> None:
    """The live view of each planned exercise reads exactly the plan's items, on the plan's day."""
    views = {view.slug: view for view in class_views(bank)}
    for day, exercise in planned_exercises(bank):
        view = views[exercise.slug]
        assert (view.day, view.kind) == (day, exercise.view)
        assert list(view.keys) == exercise_ids(exercise.slug, bank)
        assert view.keys, exercise.slug  # a rule that picks nothing is a typo in the plan
