"""Read a folder of answers files for the bilan, keeping what is valid and naming what is not.

Every answers file under the folder (`parler_kit.answers.answers_paths`) is read (read-only: nothing is moved or rewritten,
unlike `AnswerStore.open`). A file is left out, with a French reason, when it cannot be read or
has an unknown schema version, names no participant, comes from another session, or names
someone absent from the roster. Roster participants with no valid file are listed too. The one
file that names no participant and is kept is the coordination's follow-up of the fiche action
recorded in a room (`parler_kit.suivi.recorded_plans`): it joins the returned forms' follow-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parler_kit.answers import AnswersFile, answers_paths, read_answers
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import ui_text
from parler_kit.roster import Participant, Roster, Session
from parler_kit.suivi import FormProblem, PlanFollowUp, recorded_plans


@dataclass(frozen=True)
class LeftOut:
    """A file the bilan did not use, and why (French)."""

    path: Path
    reason: str


@dataclass
class AnswersSet:
    """The valid answers files of a session, by participant id, and what was left out."""

    files: dict[str, list[AnswersFile]] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    #: Roster participants for whom no valid answers file was found.
    without_answers: list[Participant] = field(default_factory=list)
    #: Follow-ups of the fiche action (returned PDF forms, or recorded in a room), 3 months before 6.
    plans: list[PlanFollowUp] = field(default_factory=list)


def load_answers(folder: Path, roster: Roster, session: Session) -> AnswersSet:
    """Every valid answers file under `folder` for `session` and `roster`; see the module doc."""
    found = AnswersSet()
    known = {p.id for p in roster.participants}
    recorded: list[PlanFollowUp] = []
    for path in answers_paths(folder):
        try:
            data = read_answers(path)
        except AnswerStoreError as error:
            found.left_out.append(
                LeftOut(path, ui_text("report.left_out.unreadable", error=error.reason))
            )
            continue
        plans, reason = _recorded(data, session)
        recorded += plans
        if reason is None and plans and not data.participant_id:
            continue  # the coordination's follow-up recorded in the room: nobody's answers
        reason = reason or _problem(data, known, session)
        if reason is not None:
            found.left_out.append(LeftOut(path, reason))
            continue
        assert data.participant_id is not None  # checked by _problem
        found.files.setdefault(data.participant_id, []).append(data)
    from parler_kit.report.follow_up import add_returned_forms  # it imports this module

    add_returned_forms(found, folder, roster, session, recorded)  # PDF forms (parler_kit.suivi)
    found.without_answers = [p for p in roster.participants if p.id not in found.files]
    return found


def _problem(data: AnswersFile, known: set[str], session: Session) -> str | None:
    if not data.participant_id:
        return ui_text("report.left_out.no_participant")
    if data.session_id is not None and data.session_id != session.id:
        return ui_text(
            "report.left_out.other_session", session=data.session_id, expected=session.id
        )
    if data.participant_id not in known:
        return ui_text("report.left_out.not_in_roster", participant=data.participant_id)
    return None


def _recorded(data: AnswersFile, session: Session) -> tuple[list[PlanFollowUp], str | None]:
    """The fiche action's follow-ups recorded in a room in `data`, or why the file is left out."""
    try:
        plans = recorded_plans(data, session.id)
    except FormProblem as problem:
        return [], str(problem)
    if plans and data.session_id is not None and data.session_id != session.id:
        other = ui_text(
            "report.left_out.other_session", session=data.session_id, expected=session.id
        )
        return [], other
    return plans, None
