"""The bilan's data: everything the report prints, computed once from the valid inputs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parler_kit.content import ContentBank
from parler_kit.report import aggregate as agg
from parler_kit.report.anonymise import anonymise, name_pattern
from parler_kit.report.attendance import Attendance
from parler_kit.report.follow_up import PlanRow, plan_rows
from parler_kit.report.inputs import AnswersSet
from parler_kit.roster import HalfDay, Participant, Roster, Session


@dataclass(frozen=True)
class Comment:
    """A free comment as printed: names blanked, and whether it was edited."""

    text: str
    edited: bool


@dataclass(frozen=True)
class Bilan:
    """Every number and text of the end-of-course report."""

    session: Session
    roster: Roster
    inputs: AnswersSet
    professions: dict[str, int]
    attendance: list[tuple[HalfDay, agg.Tally]] | None
    quiz: list[agg.QuizBeforeAfter]
    quiz_overall: tuple[agg.Tally, agg.Tally]
    techniques: list[agg.TechniqueResult]
    satisfaction: list[agg.EvaluationResult]
    follow_up: list[agg.EvaluationResult]
    comments: dict[str, list[Comment]]
    action_sheets: list[dict[str, str]]
    #: Participants with answers, but none from the last day (the end quiz is missing).
    without_end: list[Participant] = field(default_factory=list)
    demo: bool = False
    #: Per commune of residence (None: not given): participants and trainee-hours.
    communes: list[tuple[str | None, int, float]] = field(default_factory=list)
    #: Whether the trainee-hours come from a presence file (else: the planned duration).
    hours_attended: bool = False
    made_on: dt.date = field(default_factory=dt.date.today)
    #: « Suivi du plan d'action »: each action's plan beside its 3- and 6-month follow-ups.
    plan: list[PlanRow] = field(default_factory=list)


def communes(
    roster: Roster, session: Session, attendance: Attendance | None
) -> list[tuple[str | None, int, float]]:
    """Participants and trainee-hours per commune of residence, most participants first.

    Trainee-hours are the hours each participant attended (every half-day of the session when
    no presence file is given), added up: what a Cité éducative reports to its funders.
    """
    people: dict[str | None, int] = {}
    hours: dict[str | None, float] = {}
    for participant in roster.participants:
        commune = participant.commune.strip() if participant.commune else None
        attended = sum(
            h.hours
            for h in session.half_days
            if attendance is None or participant.id in attendance.get(h, frozenset())
        )
        people[commune] = people.get(commune, 0) + 1
        hours[commune] = hours.get(commune, 0.0) + attended
    order = sorted(people, key=lambda c: (c is None, -people[c], c or ""))
    return [(c, people[c], hours[c]) for c in order]


def build_bilan(
    bank: ContentBank,
    session: Session,
    roster: Roster,
    inputs: AnswersSet,
    attendance: Attendance | None = None,
    *,
    demo: bool = False,
) -> Bilan:
    """Aggregate the valid answers (and the attendance file, when given) into a `Bilan`."""
    last_day = session.days[-1]
    files = inputs.files
    satisfaction = agg.evaluations(bank, files, "chaud")
    follow_up = agg.evaluations(bank, files, "froid")
    pattern = name_pattern(
        name for p in roster.participants for name in (p.first_name, p.last_name)
    )
    comments: dict[str, list[Comment]] = {}
    for result in (*satisfaction, *follow_up):
        if result.texts:
            comments[result.question.id] = [Comment(*anonymise(t, pattern)) for t in result.texts]
    size = len(roster.participants)
    return Bilan(
        session=session,
        roster=roster,
        inputs=inputs,
        professions=agg.professions(p.role for p in roster.participants),
        attendance=None
        if attendance is None
        else [
            (h, agg.Tally(float(len(attendance[h])), float(size), size)) for h in session.half_days
        ],
        quiz=agg.positioning(bank, files, last_day),
        quiz_overall=agg.positioning_overall(bank, files, last_day),
        techniques=agg.techniques(bank, files),
        satisfaction=satisfaction,
        follow_up=follow_up,
        comments=comments,
        action_sheets=agg.action_sheets(files),
        without_end=[
            p
            for p in roster.participants
            if p.id in files and agg.participant_quiz(bank, files[p.id], last_day)[1] is None
        ],
        demo=demo,
        communes=communes(roster, session, attendance),
        hours_attended=attendance is not None,
        plan=plan_rows(agg.action_sheets(files), inputs.plans, pattern),
    )
