"""Fixtures for the course tests: a copy of the small fixture course and returned workbooks."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parler_kit.course import CourseConfig, load_course_config

FIXTURE_COURSE = Path(__file__).resolve().parents[1] / "data" / "course" / "nbgrader"
#: The course's French feedback template (nbgrader_templates/ at the repository root).
FEEDBACK_TEMPLATES = Path(__file__).resolve().parents[2] / "nbgrader_templates"


@pytest.fixture
def course(tmp_path: Path) -> CourseConfig:
    """A fresh copy of the fixture course (two days) in a temporary folder."""
    root = tmp_path / "cours"
    shutil.copytree(FIXTURE_COURSE, root)
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(
            f'c.HTMLExporter.template_name = "feedback_fr"\n'
            f"c.HTMLExporter.extra_template_basedirs = [{str(FEEDBACK_TEMPLATES)!r}]\n"
        )
    return load_course_config(root / "nbgrader_config.py")


def _returned_workbook(
    course: CourseConfig,
    folder: Path,
    name: str,
    *,
    day: str = "day1",
    participant: str | None,
    session: str | None = "session-test",
    answers: dict[str, Any] | None = None,
    changed_at: str = "2026-03-02T10:00:00+00:00",
    answers_name: str | None = None,
    id_in_notebook: bool = True,
) -> Path:
    """Write a participant's copy of a fixture notebook (and its answers file) as returned."""
    source = next((course.source / day).glob("*.ipynb"))
    notebook = json.loads(source.read_text("utf-8"))
    if id_in_notebook and participant is not None:
        notebook["metadata"]["parler_kit"] = {"participant_id": participant, "session_id": session}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(notebook), "utf-8")
    if answers is not None:
        document = {
            "schema_version": 1,
            "participant_id": participant,
            "session_id": session,
            "answers": {
                key: {
                    "value": value,
                    "changed_at": changed_at,
                    "attempts": 1,
                    "score": None,
                    "max_score": None,
                }
                for key, value in answers.items()
            },
        }
        answers_path = folder / (answers_name or f"{path.stem}.answers.json")
        answers_path.write_text(json.dumps(document), "utf-8")
    return path


ReturnedWorkbook = Callable[..., Path]


@pytest.fixture
def returned_workbook() -> ReturnedWorkbook:
    """The helper writing a participant's returned copy of a fixture notebook."""
    return _returned_workbook
