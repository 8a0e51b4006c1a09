"""nbgrader integration: collect returned workbooks, grade a day, export the gradebook.

Thin over nbgrader: the course's ``nbgrader_config.py`` says where everything is
(`load_course_config`); `collect` places returned workbooks where nbgrader expects them;
`grade` runs autograde and French feedback; `export` writes formula-safe CSV and XLSX.
"""

from parler_kit.course.collect import CollectReport, Placed, Skipped, collect
from parler_kit.course.config import CourseConfig, load_course_config
from parler_kit.course.erase import course_folders, course_step, remove_from_gradebook
from parler_kit.course.export import (
    Exported,
    export,
    gradebook_tables,
    write_csv,
    write_xlsx,
)
from parler_kit.course.grade import GradeReport, grade

__all__ = [
    "CollectReport",
    "CourseConfig",
    "Exported",
    "GradeReport",
    "Placed",
    "Skipped",
    "collect",
    "course_folders",
    "course_step",
    "export",
    "grade",
    "gradebook_tables",
    "load_course_config",
    "remove_from_gradebook",
    "write_csv",
    "write_xlsx",
]
