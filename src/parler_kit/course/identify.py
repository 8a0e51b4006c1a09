"""Recognise what a returned file is: whose workbook, which day, which notebook of that day.

Participants return workbooks under any name (« jour1 (2).ipynb », « Copie de carnet.ipynb »…).
The kit trusts what is written *inside* the files, not their names: the participant id in the
notebook metadata (written by production) or in the answers file, and the nbgrader grade ids of
the cells, which identify the notebook of the course it came from. File names are only a fallback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parler_kit.answers.files import answers_name_parts

_COPY_MARKS = re.compile(
    r"(\s*\(\d+\))|([\s_-]*(copie|copy)(\s*\d+)?$)|(^(copie|copy)\s+(de|of)\s+)",
    re.IGNORECASE,
)


def clean_stem(stem: str) -> str:
    """A file stem without the marks copies add (« (1) », « - Copie », « Copie de »)."""
    previous = None
    while previous != stem:
        previous = stem
        stem = _COPY_MARKS.sub("", stem).strip()
    return stem


def normalise_stem(stem: str) -> str:
    """`clean_stem`, lower-cased: the form two names are compared in."""
    return clean_stem(stem).casefold()


def answers_stem(path: Path) -> str | None:
    """The workbook stem an answers file belongs to (copy marks removed), or None if not one.

    « jour1.answers.json », « jour1.answers (1).json » and « jour1 (1).answers.json » all give
    « jour1 »; « carnet.answers.json », the store shared by the notebooks of a folder, gives
    « carnet ».
    """
    parts = answers_name_parts(path.name)
    if parts is None:
        return None
    return clean_stem(parts[0] + parts[1])


@dataclass(frozen=True)
class NotebookInfo:
    """What a returned notebook says about itself."""

    path: Path
    participant_id: str | None
    session_id: str | None
    grade_ids: frozenset[str]


def read_notebook_info(path: Path) -> NotebookInfo:
    """Read the participant id, session id and grade ids of a notebook (read-only).

    Raises ValueError when the file is not a notebook (bad JSON, no ``cells``).
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(str(error)) from error
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise ValueError("no cells")
    metadata = data.get("metadata") or {}
    participant = _first_text(
        metadata, ("parler_kit", "participant_id"), ("papermill", "parameters", "participant_id")
    )
    session = _first_text(
        metadata, ("parler_kit", "session_id"), ("papermill", "parameters", "session_id")
    )
    return NotebookInfo(path, participant, session, grade_ids_of(data))


def grade_ids_of(notebook: Mapping[str, Any]) -> frozenset[str]:
    """The nbgrader grade ids of a notebook's cells (raw JSON form)."""
    ids = set()
    for cell in notebook.get("cells", []):
        nbgrader = (cell.get("metadata") or {}).get("nbgrader") or {}
        grade_id = nbgrader.get("grade_id")
        if isinstance(grade_id, str) and grade_id:
            ids.add(grade_id)
    return frozenset(ids)


def _first_text(metadata: Mapping[str, Any], *paths: tuple[str, ...]) -> str | None:
    for keys in paths:
        node: Any = metadata
        for key in keys:
            node = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(node, str | int) and str(node).strip():
            return str(node).strip()
    return None


@dataclass(frozen=True)
class CourseNotebook:
    """One notebook of the course's source: the day (nbgrader assignment) and its name."""

    day: str
    name: str
    grade_ids: frozenset[str]


def index_course(source: Path) -> tuple[CourseNotebook, ...]:
    """Every source notebook of every day, with its grade ids."""
    notebooks = []
    for path in sorted(source.glob("*/*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        data = json.loads(path.read_text("utf-8"))
        notebooks.append(CourseNotebook(path.parent.name, path.stem, grade_ids_of(data)))
    return tuple(notebooks)


def match_course_notebook(
    info: NotebookInfo, course: tuple[CourseNotebook, ...]
) -> CourseNotebook | None:
    """The course notebook a returned notebook is a copy of, or None when nothing fits.

    Grade ids decide (the one sharing the most ids); a notebook without grade ids is matched by
    its file name, copy marks removed.
    """
    if info.grade_ids:
        scored = [(len(info.grade_ids & nb.grade_ids), nb) for nb in course]
        best = max((s for s, _ in scored), default=0)
        winners = [nb for s, nb in scored if s == best]
        if best > 0 and len(winners) == 1:
            return winners[0]
    stem = normalise_stem(info.path.stem)
    by_name = [nb for nb in course if nb.name.casefold() == stem]
    return by_name[0] if len(by_name) == 1 else None
