"""Gather a day's work of every participant of a room into the room's nbgrader course.

nbgrader's own exchange is not used: participants never see JupyterLab's assignment panel
(they only have Voilà pages) so nobody would press « Submit », and the exchange's shared folder
and its several-course handling are known pains on a hub (nbgrader #1454, #841, #1936).

What is collected is each participant's **answers file**, after checking that it belongs to the
participant whose folder it comes from; the notebooks placed beside it are the course's own
release (`parler_kit.course.release_copy`), never the participant's copies, so grading executes
no code a participant could have changed. A participant's notebook whose cells differ from the
release is named in the report (it is left where it is, and never executed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parler_kit.answers import answers_paths, read_answers
from parler_kit.course import load_course_config
from parler_kit.course.release_copy import changed_notebooks, submit_release_copy
from parler_kit.course.release_copy import release_folder as course_release_folder
from parler_kit.errors import AnswerStoreError, ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.description import load_description
from parler_kit.room.layout import RoomLayout
from parler_kit.room.release import participants_of


@dataclass
class RoomCollectReport:
    """Per participant: what was placed in ``submitted/``, and who could not be collected, why."""

    placed: dict[str, int] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)
    not_released: list[str] = field(default_factory=list)
    #: Participant → their notebooks whose cells are not the release's (graded from the release).
    changed: dict[str, list[str]] = field(default_factory=dict)


def collect_day(layout: RoomLayout, day: str) -> RoomCollectReport:
    """Copy every participant's `day` notebooks and answers to ``cours/submitted/<id>/<day>/``."""
    description = load_description(layout)
    if day not in description.released:
        raise ParlerKitError(ui_text("room.error.not_released", day=day))
    course = load_course_config(layout.course_config)
    release = course_release_folder(course, day)
    report = RoomCollectReport()
    for account in participants_of(layout):
        folder = layout.participant(account.person_id) / day
        if not folder.is_dir():
            report.not_released.append(account.person_id)
            continue
        problem = _ownership_problem(folder, account.person_id, description.session_id)
        if problem:
            report.refused[account.person_id] = problem
            continue
        changed = changed_notebooks(folder, release)
        if changed:
            report.changed[account.person_id] = changed
        answers = answers_paths(folder)
        placed = submit_release_copy(course, account.person_id, day, answers)
        report.placed[account.person_id] = len(placed)
    return report


def _ownership_problem(folder: Path, participant_id: str, session_id: str) -> str | None:
    """Why the answers files of `folder` cannot be collected as `participant_id`'s, or None."""
    for path in answers_paths(folder):
        try:
            answers = read_answers(path)
        except AnswerStoreError as error:
            return str(error)
        if answers.participant_id != participant_id:
            return ui_text(
                "room.error.owner", path=path, owner=answers.participant_id, expected=participant_id
            )
        if session_id and answers.session_id not in (None, session_id):
            return ui_text(
                "course.collect.other_session", session=answers.session_id, expected=session_id
            )
    return None
