"""nbgrader configuration of the course (read by every ``nbgrader`` command run from this folder).

Checked with nbgrader 0.9.6: ``nbgrader generate_assignment day1 --force`` from the repository root
writes ``build/course/release/day1/`` (and the gradebook ``build/course/gradebook.db``).
"""

import os
import sys
from pathlib import Path

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

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - injected by nbgrader/traitlets

ROOT = Path(__file__).resolve().parent

# nbgrader runs the `alembic` executable to create a new gradebook: find it next to the Python
# running nbgrader, so `.venv/bin/nbgrader …` works without activating the virtual environment.
_BIN = str(Path(sys.executable).parent)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")

c.CourseDirectory.course_id = "parler-tout-petits"
# Source notebooks stay in curriculum/ (committed, no outputs); every generated step goes to build/course/.
COURSE_ROOT = ROOT / "build" / "course"
# nbgrader chdirs into the course root before doing anything: on a fresh clone build/ does not exist yet.
COURSE_ROOT.mkdir(parents=True, exist_ok=True)
c.CourseDirectory.root = str(COURSE_ROOT)
c.CourseDirectory.source_directory = str(ROOT / "curriculum")  # = _SOURCE below
# Answer stores written while a trainer tries a day live (or while the tests run the notebooks) stay
# in curriculum/: they must never be released to participants, nor copied over a participant's own
# answers by autograde (which copies the source folder's extra files into autograded/). nbgrader
# matches each glob with os.path.join(folder, glob), so an absolute glob only ever matches files of
# the source directory — a participant's carnet.answers.json in submitted/ is still graded. nbgrader
# writes source paths as "<source>/./<day>/…", hence both spellings.
_SOURCE = str(ROOT / "curriculum")
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    *(
        f"{_SOURCE}{middle}/*/{pattern}"
        for middle in ("", "/.")
        for pattern in ("*.answers.json", "*.answers.json.lock", "*.answers.json.corrupt-*")
    ),
]

# The trainer's guidance (markdown cells tagged "formateur") is dropped from the participants' release.
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

# When nbgrader runs a notebook (autograde, validate), the exercises display their printed twin
# filled from the participant's answers file (PARLER_KIT_MODE=print, see parler_kit.widgets.show)
# instead of a widget nobody will see: the feedback then shows each answer, the expected one and
# the explanation. Set inside the kernel, so it holds for the CLI and for NbGraderAPI alike.
c.Execute.extra_arguments = [
    "--IPKernelApp.exec_lines=import os; os.environ['PARLER_KIT_MODE'] = 'print'",
]

# Feedback in French, without code (nbgrader_templates/feedback_fr/ adapts nbgrader's own template).
c.HTMLExporter.template_name = "feedback_fr"
c.HTMLExporter.extra_template_basedirs = [str(ROOT / "nbgrader_templates")]
