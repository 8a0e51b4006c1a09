"""What the nbgrader course holds about one participant, and erasure's step for it."""

from __future__ import annotations

from pathlib import Path

from parler_kit.course.config import CourseConfig
from parler_kit.course.grade import put_own_scripts_on_path
from parler_kit.erasure import Outcome, Step, Who, remove


def course_folders(course: CourseConfig, participant_id: str) -> list[Path]:
    """The participant's folders under submitted/, autograded/ and feedback/ that exist."""
    folders = [course.submitted, course.autograded, course.feedback]
    return [
        folder / participant_id
        for folder in folders
        if (folder / participant_id).is_dir() and (folder / participant_id).parent == folder
    ]


def remove_from_gradebook(course: CourseConfig, participant_id: str) -> bool:
    """Delete the participant and their grades from the gradebook; whether they were in it."""
    if not (course.root / "gradebook.db").is_file():
        return False
    from nbgrader.api import Gradebook, MissingEntry

    put_own_scripts_on_path()
    with Gradebook(course.db_url, course.course_id) as gradebook:
        try:
            gradebook.remove_student(participant_id)
        except MissingEntry:
            return False
    # SQLite keeps deleted rows in free pages until the file is rebuilt: their id and grades
    # would still be readable in gradebook.db.
    import sqlite3

    connection = sqlite3.connect(course.root / "gradebook.db")
    try:
        connection.execute("VACUUM")
    finally:
        connection.close()
    return True


def course_step(course: CourseConfig | None) -> Step:
    """Erasure step for `course`: the participant's nbgrader folders and gradebook entries.

    No course (None): a step that finds nothing.
    """

    def erase_from_course(who: Who) -> list[Outcome]:
        if course is None:
            return []
        outcomes = [
            Outcome(path, "removed") for path in remove(course_folders(course, who.participant_id))
        ]
        if remove_from_gradebook(course, who.participant_id):
            outcomes.append(Outcome(course.root / "gradebook.db", "rewritten"))
        return outcomes

    return erase_from_course
