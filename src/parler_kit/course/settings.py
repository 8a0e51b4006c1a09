"""The nbgrader settings of a course of this kit, shared by every ``nbgrader_config.py``.

The repository's own ``nbgrader_config.py`` (course under ``build/course``) and each training
room's ``cours/nbgrader_config.py`` (course under ``ROOM/cours``) call `apply_course_settings`,
so both release, grade and give feedback the same way. Checked with nbgrader 0.9.6.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from parler_kit.answers.files import STORE_GLOBS
from parler_kit.environment import print_environment
from parler_kit.paths import FEEDBACK_TEMPLATES

COURSE_ID = "parler-tout-petits"


def apply_course_settings(c: Any, root: Path, source: Path) -> None:
    """Configure `c` (a traitlets config) for a course rooted at `root` with sources in `source`."""
    # Imported here: nbgrader is heavy and only the nbgrader process that reads the config needs it.
    from nbconvert.preprocessors import TagRemovePreprocessor
    from nbgrader.preprocessors import (
        CheckCellMetadata,
        ClearHiddenTests,
        ClearMarkScheme,
        ClearOutput,
        ClearSolutions,
        ComputeChecksums,
        IncludeHeaderFooter,
        InstantiateTests,
        LockCells,
        SaveCells,
    )

    # nbgrader runs the `alembic` executable to create a new gradebook: find it next to the Python
    # running nbgrader, so `.venv/bin/nbgrader …` works without activating the virtual environment.
    scripts = str(Path(sys.executable).parent)
    if scripts not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")

    c.CourseDirectory.course_id = COURSE_ID
    # nbgrader chdirs into the course root before doing anything: create it on a fresh clone.
    root.mkdir(parents=True, exist_ok=True)
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.source_directory = str(source)
    # Answer stores written while a trainer tries a day live (or while tests run the notebooks)
    # stay in the source folder: they must never be released to participants, nor copied over a
    # participant's own answers by autograde (which copies the source folder's extra files into
    # autograded/). nbgrader matches each glob with os.path.join(folder, glob), so an absolute glob
    # only ever matches files of the source directory — a participant's carnet.answers.json in
    # submitted/ is still graded. nbgrader writes source paths as "<source>/./<day>/…", hence both.
    c.CourseDirectory.ignore = [
        ".ipynb_checkpoints",
        "*.pyc",
        "__pycache__",
        "feedback",
        *(f"{source}{middle}/*/{pattern}" for middle in ("", "/.") for pattern in STORE_GLOBS),
    ]

    # The trainer's guidance (markdown cells tagged "formateur") is dropped from the release.
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = ("formateur",)
    c.GenerateAssignment.preprocessors = [
        TagRemovePreprocessor,
        IncludeHeaderFooter,
        InstantiateTests,
        LockCells,
        ClearSolutions,
        ClearOutput,
        CheckCellMetadata,
        ComputeChecksums,
        SaveCells,
        ClearHiddenTests,
        ClearMarkScheme,
        ComputeChecksums,
        CheckCellMetadata,
    ]

    # When nbgrader runs a notebook (autograde, validate), the exercises display their printed
    # twin filled from the participant's answers file (PARLER_KIT_MODE=print, see
    # parler_kit.widgets.show) instead of a widget nobody will see: the feedback then shows each
    # answer, the expected one and the explanation. Set inside the kernel, so it holds for the
    # CLI and for NbGraderAPI alike.
    c.Execute.extra_arguments = [
        f"--IPKernelApp.exec_lines=import os; os.environ.update({print_environment()!r})",
    ]

    # Feedback in French, without code (nbgrader_templates/feedback_fr/ adapts nbgrader's own).
    c.HTMLExporter.template_name = "feedback_fr"
    c.HTMLExporter.extra_template_basedirs = [str(FEEDBACK_TEMPLATES)]
