"""The bilan's follow-up inputs: returned PDF forms (à froid, fiche action) beside the answers files.

`add_returned_forms` reads the PDFs of the answers folder through `parler_kit.suivi` and adds
their à froid answers to the participants' answers files, so that the à froid section counts the
room's notebook and the returned forms alike, with the same rules. A person who answered in the
room and returned a form too is counted once (the room's answer), the PDF named as left out.
`plan_rows` lines up the fiche action's plan with what the follow-ups recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parler_kit.content import load_bank
from parler_kit.i18n import ui_text
from parler_kit.report.anonymise import anonymise
from parler_kit.report.inputs import AnswersSet, LeftOut
from parler_kit.roster import Roster, Session
from parler_kit.suivi import A_FROID_KEY, ActionPoint, PlanFollowUp, action_title, read_returned
from parler_kit.suivi.plan import CALENDAR, INDICATORS


def add_returned_forms(
    found: AnswersSet,
    folder: Path,
    roster: Roster,
    session: Session,
    recorded: Sequence[PlanFollowUp] = (),
) -> None:
    """Add the valid returned forms under `folder` to `found`; name every PDF left out.

    `recorded`: the fiche action's follow-ups recorded in a room (answers files), counted with
    the returned forms, one per point.
    """
    returned = read_returned(load_bank(), folder, roster, session, recorded)
    found.left_out += [LeftOut(path, reason) for path, reason in returned.left_out]
    for form in returned.a_froid:
        assert form.participant_id is not None  # read_returned keeps roster participants only
        in_room = [f for f in found.files.get(form.participant_id, []) if A_FROID_KEY in f.answers]
        if in_room:
            reason = ui_text("suivi.read.already_in_room", other=in_room[0].path.name)
            found.left_out.append(LeftOut(form.path, reason))
            continue
        found.files.setdefault(form.participant_id, []).append(form)
    found.plans = sorted(returned.plans, key=lambda plan: plan.months)


@dataclass(frozen=True)
class PlanRow:
    """One action of the fiche action: what it planned, and each follow-up point's record."""

    title: str
    indicators: str
    calendar: str
    points: list[tuple[int, ActionPoint | None]]


def plan_rows(
    sheets: list[dict[str, str]], plans: list[PlanFollowUp], pattern: re.Pattern[str] | None
) -> list[PlanRow]:
    """Per action of the group's sheets, the plan beside each follow-up (free text anonymised)."""
    rows = []
    for number, sheet in enumerate(sheets, start=1):
        title = anonymise(action_title(sheet, number), pattern)[0]
        points = [
            (plan.months, _blanked(_matching(plan, number, title), pattern)) for plan in plans
        ]
        rows.append(PlanRow(title, sheet.get(INDICATORS, ""), sheet.get(CALENDAR, ""), points))
    return rows


def _matching(plan: PlanFollowUp, number: int, title: str) -> ActionPoint | None:
    """The follow-up's record of the action: by its title, else by its number."""
    by_title = [a for a in plan.actions if a.title == title]
    if by_title:
        return by_title[0]
    return next((a for a in plan.actions if a.number == number), None)


def _blanked(point: ActionPoint | None, pattern: re.Pattern[str] | None) -> ActionPoint | None:
    if point is None:
        return None
    return ActionPoint(
        point.number,
        point.title,
        point.status,
        anonymise(point.indicators, pattern)[0],
        anonymise(point.done, pattern)[0],
        anonymise(point.obstacles, pattern)[0],
    )
