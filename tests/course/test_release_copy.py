"""Grading runs the course's own notebooks: a cell a participant added is named, never executed."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path

import pytest

from parler_kit.answers import read_answers
from parler_kit.course import CourseConfig, collect, grade
from parler_kit.course.release_copy import changed_notebooks, submit_release_copy


def _add_cell(notebook: Path, source: str) -> None:
    data = json.loads(notebook.read_text("utf-8"))
    data["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [],
                          "execution_count": None, "source": source})  # fmt: skip
    notebook.write_text(json.dumps(data), "utf-8")


@pytest.mark.kernel
def test_grade_never_executes_a_submitted_notebook_whose_cells_differ_from_the_release(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """A code cell added to a returned notebook: that person is not graded, the cell never runs."""
    inbox = tmp_path / "retours"
    marker = tmp_path / f"execute-{secrets.token_hex(4)}"
    changed = returned_workbook(course, inbox / "a", "exercices.ipynb", participant="p001",
                                answers={"q1": ["b"], "q2": ["a", "c"]})  # fmt: skip
    _add_cell(changed, f"open({str(marker)!r}, 'w').write('sous le compte du formateur')")
    returned_workbook(course, inbox / "b", "exercices.ipynb", participant="p002",
                      answers={"q1": ["b"], "q2": ["a"]})  # fmt: skip
    assert len(collect(inbox, course).placed) == 2

    report = grade(course, "day1")
    assert report.graded == ["p002"]
    assert "exercices.ipynb" in report.failed["p001"]
    assert "ne sont plus celles de la version distribuée" in report.failed["p001"]
    assert not marker.exists()


@pytest.mark.kernel
def test_a_release_copy_with_the_answers_is_graded_from_the_answers(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """submit_release_copy: the release notebooks and the answers file; grading scores the answers.

    The participant's own notebook, with a cell added, stays where it is and is never run.
    """
    returned_workbook(course, tmp_path / "retours", "exercices.ipynb", participant="p002",
                      answers={"q1": ["b"], "q2": ["a"]})  # fmt: skip
    collect(tmp_path / "retours", course)
    assert grade(course, "day1").graded == ["p002"]  # nbgrader generated the release
    folder = tmp_path / "dossier-p003"
    notebook = returned_workbook(course, folder, "exercices.ipynb", participant="p003",
                                 answers={"q1": ["b"], "q2": ["a", "c"]},
                                 answers_name="carnet.answers.json")  # fmt: skip
    _add_cell(notebook, "raise SystemExit('jamais exécutée')")
    release = course.root / "release" / "day1"
    assert changed_notebooks(folder, release) == ["exercices.ipynb"]
    placed = submit_release_copy(course, "p003", "day1", [folder / "carnet.answers.json"])
    assert [p.name for p in placed] == ["exercices.ipynb"]
    assert placed[0].read_bytes() == (release / "exercices.ipynb").read_bytes()
    submitted = course.submitted / "p003" / "day1"
    assert read_answers(submitted / "carnet.answers.json").participant_id == "p003"
    assert (submitted / "timestamp.txt").read_text("utf-8").startswith("2026-03-02 10:00:00")
    report = grade(course, "day1", participants=["p003"])
    assert report.graded == ["p003"], report.failed
