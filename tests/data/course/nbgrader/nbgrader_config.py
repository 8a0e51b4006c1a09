"""nbgrader configuration of the small fixture course used by tests/course (copied to a temp dir)."""

from pathlib import Path

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - injected by nbgrader/traitlets

ROOT = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "cours-essai"
c.CourseDirectory.root = str(ROOT / "build" / "course")
c.CourseDirectory.source_directory = str(ROOT / "source")
