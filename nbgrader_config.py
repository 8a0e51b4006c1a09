"""nbgrader configuration of the course (read by every ``nbgrader`` command run from this folder)."""

from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - injected by nbgrader/traitlets

ROOT = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "parler-tout-petits"
# Source notebooks stay in curriculum/ (committed, no outputs); every generated step goes to build/course/.
c.CourseDirectory.root = str(ROOT / "build" / "course")
c.CourseDirectory.source_directory = str(ROOT / "curriculum")
