"""Gather a day's work of every participant of a room into the room's nbgrader course.

nbgrader's own exchange is not used: participants never see JupyterLab's assignment panel
(they only have Voilà pages) so nobody would press « Submit », and the exchange's shared folder
and its several-course handling are known pains on a hub (nbgrader #1454, #841, #1936). The kit
copies the files itself with `parler_kit.course.collect`, after checking that each answers file
belongs to the participant whose folder it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parler_kit.answers import read_answers
from parler_kit.course import CollectReport, collect, load_course_config
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


def collect_day(layout: RoomLayout, day: str) -> RoomCollectReport:
    """Copy every participant's `day` notebooks and answers to ``cours/submitted/<id>/<day>/``."""
    description = load_description(layout)
    if day not in description.released:
        raise ParlerKitError(ui_text("room.error.not_released", day=day))
    course = load_course_config(layout.course_config)
    report = RoomCollectReport()
    for account in participants_of(layout):
        folder = layout.participant(account.person_id) / day
        if not folder.is_dir():
            report.not_released.append(account.person_id)
            continue
        problem = _ownership_problem(folder, account.person_id)
        if problem:
            report.refused[account.person_id] = problem
            continue
        result: CollectReport = collect(
            folder, course, participants={account.person_id}, session_id=description.session_id
        )
        report.placed[account.person_id] = len(result.placed)
        if result.unmatched:
            report.refused[account.person_id] = "; ".join(
                f"{s.path.name} : {s.reason}" for s in result.unmatched
            )
    return report


def _ownership_problem(folder: Path, participant_id: str) -> str | None:
    """Why the answers files of `folder` cannot be collected as `participant_id`'s, or None."""
    for path in sorted(folder.glob("*.answers.json")):
        try:
            owner = read_answers(path).participant_id
        except AnswerStoreError as error:
            return str(error)
        if owner != participant_id:
            return ui_text("room.error.owner", path=path, owner=owner, expected=participant_id)
    return None
