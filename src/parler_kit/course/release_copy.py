"""Grading runs the course's own notebooks, never code a participant could have changed.

A participant's answers live in their answers file; the notebook they worked in only carries the
exercises. nbgrader's autograde *executes* the submitted notebook, so a code cell added to it
would run as the trainer. Two rules close that door:

* `submit_release_copy` places in ``submitted/<id>/<day>/`` the course's **release** notebooks
  (what nbgrader generated from the source) beside the participant's answers file — the room's
  collect uses it, so what is graded is the kit's notebook with that person's answers;
* `changed_notebooks` names every notebook whose cells differ from the release (or that the
  release does not have); `parler_kit.course.grade` refuses to execute such a submission.

Cells are compared by type and source; outputs, execution counts and metadata are not code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parler_kit.answers import read_answers
from parler_kit.atomic import write_atomic
from parler_kit.course.collect import nbgrader_timestamp
from parler_kit.course.config import CourseConfig
from parler_kit.errors import AnswerStoreError


def release_folder(course: CourseConfig, day: str) -> Path:
    """``release/<day>``: the participant version nbgrader generated for `day`."""
    return course.root / "release" / day


def cells_of(notebook: Path) -> list[tuple[str, str]] | None:
    """The (type, source) of each cell of `notebook`; None when it is not a readable notebook."""
    try:
        data: Any = json.loads(notebook.read_text("utf-8"))
        cells = data["cells"]
        return [(str(c["cell_type"]), _source(c.get("source", ""))) for c in cells]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None


def _source(source: Any) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def changed_notebooks(folder: Path, release: Path) -> list[str]:
    """Names of the notebooks of `folder` that are not the release's (other cells, or unknown)."""
    changed = []
    for notebook in sorted(folder.glob("*.ipynb")):
        reference = release / notebook.name
        if not reference.is_file() or cells_of(notebook) != cells_of(reference):
            changed.append(notebook.name)
    return changed


def submit_release_copy(
    course: CourseConfig, participant_id: str, day: str, answers: list[Path]
) -> list[Path]:
    """Put `day`'s release notebooks and the participant's `answers` files in ``submitted/``.

    Returns the notebooks placed. Each file goes through a temporary copy and a rename, so an
    interrupted collect never leaves half a file; ``timestamp.txt`` is the answers' last change.
    """
    destination = course.submitted / participant_id / day
    destination.mkdir(parents=True, exist_ok=True)
    placed = []
    for notebook in sorted(release_folder(course, day).glob("*.ipynb")):
        _copy(notebook, destination / notebook.name)
        placed.append(destination / notebook.name)
    for path in answers:
        _copy(path, destination / path.name)
    (destination / "timestamp.txt").write_text(_timestamp(answers), "utf-8")
    return placed


def _copy(source: Path, destination: Path) -> None:
    write_atomic(destination, source.read_bytes())


def _timestamp(answers: list[Path]) -> str:
    """Nbgrader's ``timestamp.txt``: the latest change recorded in the answers (now if none)."""
    latest = ""
    for path in answers:
        try:
            latest = max([latest, *(a.changed_at for a in read_answers(path).answers.values())])
        except AnswerStoreError:
            continue
    return nbgrader_timestamp(latest)
