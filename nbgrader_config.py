"""nbgrader configuration of the course (read by every ``nbgrader`` command run from this folder).

Checked with nbgrader 0.9.6: ``nbgrader generate_assignment day1 --force`` from the repository root
writes ``build/course/release/day1/`` (and the gradebook ``build/course/gradebook.db``). The
settings themselves are `parler_kit.course.settings.apply_course_settings`, shared with the
nbgrader course of every training room (``ROOM/cours/nbgrader_config.py``).
"""

from pathlib import Path

from parler_kit.course.settings import apply_course_settings

ROOT = Path(__file__).resolve().parent

# Source notebooks stay in curriculum/ (committed, no outputs); every generated step goes to build/course/.
apply_course_settings(
    get_config(),  # type: ignore[name-defined]  # noqa: F821 - injected by nbgrader/traitlets
    root=ROOT / "build" / "course",
    source=ROOT / "curriculum",
)
