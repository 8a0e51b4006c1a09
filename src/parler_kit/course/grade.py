"""Grade one day with nbgrader: autograde every collected workbook, then write French feedback.

Thin over nbgrader's own Python API (`nbgrader.apps.NbGraderAPI`), configured by the course's
``nbgrader_config.py`` (its French feedback template included), plus one safety setting: answers
files are kept out of autograde's "overwrite with the master copy" step, so a stray answers file
next to a source notebook never replaces a participant's answers. A submitted notebook whose
cells are not the release's is never executed (`parler_kit.course.release_copy`).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parler_kit.answers.files import SUFFIX
from parler_kit.course.config import CourseConfig
from parler_kit.course.release_copy import changed_notebooks, release_folder
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text


@dataclass
class GradeReport:
    """Participants graded for a day, where their feedback is, and who could not be graded."""

    day: str
    graded: list[str] = field(default_factory=list)
    feedback: dict[str, list[Path]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def grade(course: CourseConfig, day: str, participants: list[str] | None = None) -> GradeReport:
    """Autograde and generate feedback for `day`, for every participant with a submission.

    `participants` restricts grading to these ids. The day is (re)registered in the gradebook
    from the source first (nbgrader ``generate_assignment``), as autograde requires.
    Raises ParlerKitError (French) when the day is unknown or nothing was collected for it.
    """
    if day not in course.days():
        raise ParlerKitError(
            ui_text("course.grade.unknown_day", day=day, days=", ".join(course.days()) or "—")
        )
    submitted = _submitted(course, day, participants)
    if not submitted:
        raise ParlerKitError(
            ui_text("course.grade.no_submission", day=day, folder=course.submitted)
        )
    report = GradeReport(day)
    api = _api(course, day)
    result = api.generate_assignment(day, force=True, create=True)
    if not result["success"]:
        raise ParlerKitError(
            ui_text("course.grade.generate_failed", day=day, detail=_detail(result))
        )
    for participant in submitted:
        changed = changed_notebooks(
            course.submitted / participant / day, release_folder(course, day)
        )
        if changed:
            # Executing them would run whatever was added, as the trainer: never.
            report.failed[participant] = ui_text("course.grade.changed", names=", ".join(changed))
            continue
        result = api.autograde(day, participant, force=True, create=True)
        if result["success"]:
            result = _generate_feedback(api, day, participant)
        if not result["success"]:
            report.failed[participant] = _detail(result)
            continue
        report.graded.append(participant)
        report.feedback[participant] = sorted((course.feedback / participant / day).glob("*.html"))
    return report


def _submitted(course: CourseConfig, day: str, participants: list[str] | None) -> list[str]:
    """Ids of the participants with a collected submission for `day`."""
    if not course.submitted.is_dir():
        return []
    found = sorted(p.parent.name for p in course.submitted.glob(f"*/{day}") if p.is_dir())
    return [pid for pid in found if participants is None or pid in participants]


def _api(course: CourseConfig, day: str) -> Any:
    """An NbGraderAPI configured by the course's own ``nbgrader_config.py``."""
    # nbgrader is imported here: it is heavy, and only the grading commands need it.
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    put_own_scripts_on_path()
    config = Config()
    if course.nbgrader is not None:
        config.merge(course.nbgrader)
    config.CourseDirectory.course_id = course.course_id
    config.CourseDirectory.root = str(course.root)
    config.CourseDirectory.source_directory = str(course.source)
    # Never let autograde copy an answers file of the source over a participant's own.
    answers_files = sorted(p.name for p in (course.source / day).glob(f"*{SUFFIX}"))
    config.Autograde.exclude_overwriting = {day: answers_files}
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config)


def _generate_feedback(api: Any, day: str, participant: str) -> dict[str, Any]:
    """``generate_feedback`` honouring the course's ``HTMLExporter.template_name``.

    `NbGraderAPI.generate_feedback` forces nbgrader's English template; the converter itself
    keeps a configured one, such as the course's French template.
    """
    from nbgrader.converters import GenerateFeedback
    from nbgrader.utils import capture_log, temp_attrs

    with temp_attrs(api.coursedir, assignment_id=day, student_id=participant):
        app = GenerateFeedback(coursedir=api.coursedir, parent=api)
        app.force = True
        return dict(capture_log(app))


def put_own_scripts_on_path() -> None:
    """Make the ``alembic`` script of this environment findable by nbgrader.

    nbgrader's gradebook runs ``alembic`` as a subprocess looked up on PATH; when the kit is run
    as ``.venv/bin/parler-kit`` without activating the venv, that folder is not on PATH.
    """
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


def _detail(result: dict[str, Any]) -> str:
    """The last meaningful line of nbgrader's captured error or log."""
    text = str(result.get("error") or result.get("log") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "?"
