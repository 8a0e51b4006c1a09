"""The curriculum notebooks: valid, committed clean, shaped for a live trainer and for nbgrader."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from parler_kit.answers.scoring import max_points
from parler_kit.content import exercise_ids, load_bank

CURRICULUM = Path(__file__).resolve().parents[2] / "curriculum"
DAYS = ("day1", "day2", "day3")
NOTEBOOKS = sorted(CURRICULUM.glob("day*/*.ipynb"))
#: What a notebook's one-line selection may call.
QUERY_NAMES = {"load_bank": load_bank, "exercise_ids": exercise_ids}
HIDDEN_MARKERS = ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _ids(notebook: Path) -> str:
    return f"{notebook.parent.name}/{notebook.name}"


def _code_lines(cell: nbformat.NotebookNode) -> list[str]:
    """The lines that are code: not blank, not comments (captions, nbgrader markers)."""
    return [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]


def _selection(cell: nbformat.NotebookNode) -> tuple[str, str] | None:
    """(variable, one-line query) when the cell selects exercise items (``quiz = exercise_ids(…)``)."""
    for line in _code_lines(cell) if cell.cell_type == "code" else []:
        match = re.match(r"^(\w+) = (exercise_ids\(.*\)|\[.*\])$", line)
        if match:
            return match.group(1), match.group(2)
    return None


def test_each_day_has_three_to_six_notebooks() -> None:
    """Every day folder holds between 3 and 6 notebooks, and there is no other day folder."""
    folders = sorted(
        p.name for p in CURRICULUM.iterdir() if p.is_dir() and p.name.startswith("day")
    )
    assert folders == list(DAYS)
    for day in DAYS:
        count = len(list((CURRICULUM / day).glob("*.ipynb")))
        assert 3 <= count <= 6, f"{day} has {count} notebooks"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_notebook_is_valid_and_committed_without_outputs(notebook: Path) -> None:
    """The notebook validates against nbformat v4 and has no outputs or execution counts."""
    nb = _read(notebook)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {cell.id} has outputs"
            assert cell.execution_count is None, f"cell {cell.id} has an execution count"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_code_cells_are_hidden_and_short(notebook: Path) -> None:
    """Every code cell is hidden, opens with a French caption comment, then 1–2 lines of code.

    JupyterLab shows the first line of a hidden cell: the caption is what a projected notebook shows.
    """
    for cell in _read(notebook).cells:
        if cell.cell_type != "code":
            continue
        assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.source
        assert re.match(r"^# [A-ZÉÀ]", cell.source), cell.source
        assert 1 <= len(_code_lines(cell)) <= 2, cell.source


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_every_cell_has_slideshow_metadata(notebook: Path) -> None:
    """Every cell says how it appears as a slide, and the notebook opens on a slide."""
    cells = _read(notebook).cells
    for cell in cells:
        assert cell.metadata.get("slideshow", {}).get("slide_type") in SLIDE_TYPES, cell.source[:60]
    assert cells[0].metadata["slideshow"]["slide_type"] == "slide"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_objectives_duration_and_trainer_part_are_present(notebook: Path) -> None:
    """The first cell states objectives and a duration; a « Pour le formateur » part is tagged."""
    cells = _read(notebook).cells
    first = cells[0]
    assert "objectifs" in first.metadata.get("tags", [])
    assert "Objectifs" in first.source
    assert re.search(r"\*\*Durée\*\*\s*:\s*\d+ minutes", first.source)
    assert first.metadata["parler_kit"]["duration_minutes"] > 0
    objectives = [line for line in first.source.splitlines() if line.startswith("- ")]
    assert len(objectives) >= 2, "objectives are listed as observable behaviours, one per line"
    trainer = [c for c in cells if "formateur" in c.metadata.get("tags", [])]
    assert len(trainer) == 1
    assert trainer[0].cell_type == "markdown"
    assert trainer[0].source.startswith("## Pour le formateur")
    for heading in ("**Minutage**", "**Questions à poser au groupe**", "**Pièges à éviter**"):
        assert heading in trainer[0].source
    assert trainer[0].metadata["slideshow"]["slide_type"] == "notes"


@pytest.mark.parametrize("day", DAYS)
def test_a_day_lasts_about_six_hours(day: str) -> None:
    """The durations of a day's notebooks add up to a training day (5 to 7 hours)."""
    total = sum(
        _read(nb).cells[0].metadata["parler_kit"]["duration_minutes"]
        for nb in (CURRICULUM / day).glob("*.ipynb")
    )
    assert 300 <= total <= 420, f"{day}: {total} minutes"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_cited_sources_exist_in_the_bank(notebook: Path) -> None:
    """The « Sources citées » cell lists sources of the bank's sources.yaml, with their citation."""
    bank = load_bank()
    cells = [c for c in _read(notebook).cells if "sources" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    for source_id in cells[0].metadata["parler_kit"]["sources"]:
        citation = bank.source(source_id).citation
        assert citation[:30] in cells[0].source.replace("\u202f", " ").replace("\u00a0", " ") or (
            citation[:15] in cells[0].source
        )


def _graded_cells(notebook: Path) -> list[nbformat.NotebookNode]:
    return [c for c in _read(notebook).cells if c.metadata.get("nbgrader", {}).get("grade")]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_graded_cells_hide_their_code_and_read_the_answer_store(notebook: Path) -> None:
    """A graded cell is a locked nbgrader test whose whole code is a hidden test on the store."""
    for cell in _graded_cells(notebook):
        meta = cell.metadata["nbgrader"]
        assert meta["solution"] is False and meta["locked"] is True
        assert meta["schema_version"] == 3
        lines = cell.source.splitlines()
        assert lines[0].startswith("# ")
        assert lines[1] == HIDDEN_MARKERS[0] and lines[-1] == HIDDEN_MARKERS[1]
        assert "read_answers" in cell.source and "score_exercises" in cell.source
        assert "BEGIN SOLUTION" not in cell.source


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_points_match_the_exercises_the_notebook_selects(notebook: Path) -> None:
    """A graded cell's points equal the points of the items its selection picks in today's bank.

    The notebook selects items through the course plan (so new ids appear by themselves); when the bank gains
    or loses items, the points in the nbgrader metadata must be updated, and this test says so.
    """
    bank = load_bank()
    cells = _read(notebook).cells
    for index, cell in enumerate(cells):
        if not cell.metadata.get("nbgrader", {}).get("grade"):
            continue
        variable = re.search(r"load_bank\(\), (\w+)\)", cell.source)
        assert variable, cell.source
        expression = next(
            found[1]
            for c in reversed(cells[:index])
            if (found := _selection(c)) is not None and found[0] == variable.group(1)
        )
        ids = eval(expression, QUERY_NAMES)  # the notebook's own one-line query
        assert ids, f"{notebook.name}: the selection is empty"
        expected = sum(max_points(bank.exercise(i)) for i in ids)
        assert cell.metadata["nbgrader"]["points"] == expected, (
            f"{notebook.name} {cell.metadata['nbgrader']['grade_id']}: "
            f"{cell.metadata['nbgrader']['points']} points in metadata, {expected} in the bank"
        )


def test_grade_ids_are_unique_within_a_day_and_items_graded_once() -> None:
    """No two graded cells of a day share an id, and no exercise item is graded twice in a day."""
    for day in DAYS:
        grade_ids = [
            c.metadata["nbgrader"]["grade_id"]
            for nb in (CURRICULUM / day).glob("*.ipynb")
            for c in _graded_cells(nb)
        ]
        assert len(grade_ids) == len(set(grade_ids)), day
        selections: list[str] = []
        for nb in (CURRICULUM / day).glob("*.ipynb"):
            for cell in _read(nb).cells:
                found = _selection(cell)
                if found:
                    selections += eval(found[1], QUERY_NAMES)
        assert len(selections) == len(set(selections)), f"{day}: an item appears twice"
