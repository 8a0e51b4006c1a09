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
    #: The people trained (the BPF's « stagiaires »): see `trainees`.
    trainees: list[Participant] = field(default_factory=list)

    @property
    def end_due(self) -> bool:
        """Whether the session's last day has come (end quiz, à chaud evaluation, fiche action)."""
        return self.made_on >= self.session.days[-1]

    @property
    def follow_up_due(self) -> bool:
        """Whether the à froid evaluation is due (`FOLLOW_UP_WEEKS` after the last day)."""
        return self.made_on >= follow_up_due(self.session)

    @property
    def end_shown(self) -> bool:
        """Whether the end of the course is printed: due, or answers already returned."""
        returned = self.quiz_overall[1].n or any(r.n for r in self.satisfaction)
        return self.end_due or bool(returned) or bool(self.action_sheets)

    @property
    def follow_up_shown(self) -> bool:
        """Whether the à froid part is printed: due, or answers already returned."""
        return self.follow_up_due or any(r.n for r in self.follow_up)


#: The à froid evaluation is due this many weeks after the last day of the session: « environ
#: trois mois après la formation » (`content.FOLLOW_UP_DELAY`, Qualiopi indicator 30), as every
#: document, form and guide of the kit says it.
FOLLOW_UP_WEEKS = 13


def follow_up_due(session: Session) -> dt.date:
    """The day the à froid answers are due: `FOLLOW_UP_WEEKS` after the session's last day."""
    return session.days[-1] + dt.timedelta(weeks=FOLLOW_UP_WEEKS)


def communes(
    roster: Roster, session: Session, attendance: Attendance | None
) -> list[tuple[str | None, int, float]]:
    """Participants and trainee-hours per commune of residence, most participants first.

    Trainee-hours are the hours each participant attended (every half-day of the session when
    no presence file is given), added up: what a Cité éducative reports to its funders. With a
    presence file, lateness and early departures are deducted as on the certificates
    (`Attendance.hours`).
    """
    people: dict[str | None, int] = {}
    hours: dict[str | None, float] = {}
    for participant in roster.participants:
        commune = participant.commune.strip() if participant.commune else None
        known = None if attendance is None or attendance.hours is None else attendance.hours
        attended = (
            known[participant.id]
            if known is not None and participant.id in known
            else sum(
                h.hours
                for h in session.half_days
                if attendance is None or participant.id in attendance.get(h, frozenset())
            )
        )
        people[commune] = people.get(commune, 0) + 1
        hours[commune] = hours.get(commune, 0.0) + attended
    order = sorted(people, key=lambda c: (c is None, -people[c], c or ""))
    return [(c, people[c], hours[c]) for c in order]


def trainees(roster: Roster, attendance: Attendance | None) -> list[Participant]:
    """The people who followed the course: present (on time or late) at one half-day at least.

    The bilan pédagogique et financier counts the « stagiaires » who followed a course, with the
    hours they followed: someone enrolled and absent from every half-day followed nothing (no
    hour, no certificat de réalisation) and is no trainee. Without a presence file, every
    participant of the roster counts, as the trainee-hours then count every half-day.
    """
    return [p for p in roster.participants if attendance is None or attendance.attended(p.id)]


def build_bilan(
    bank: ContentBank,
    session: Session,
    roster: Roster,
    inputs: AnswersSet,
    attendance: Attendance | None = None,
    *,
    demo: bool = False,
    made_on: dt.date | None = None,
) -> Bilan:
    """Aggregate the valid answers (and the attendance file, when given) into a `Bilan`.

    `made_on` is the day the bilan is established (today when not given): parts of the course
    not yet due on that day are announced as « à venir », not shown. A fiche action identical
    to the template's example text is not the group's: it is not annexed.
    """
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
        action_sheets=[s for s in agg.action_sheets(files) if s != _example_sheet(bank)],
        without_end=[
            p
            for p in roster.participants
            if p.id in files and agg.participant_quiz(bank, files[p.id], last_day)[1] is None
        ],
        demo=demo,
        communes=communes(roster, session, attendance),
        hours_attended=attendance is not None,
        plan=plan_rows(agg.action_sheets(files), inputs.plans, pattern),
        trainees=trainees(roster, attendance),
        made_on=made_on or dt.date.today(),
    )


def _example_sheet(bank: ContentBank) -> dict[str, str]:
    """The fiche action's template example, as a returned sheet would hold it."""
    return {f.id: f.example.fr.strip() for f in bank.action_sheet_fields if f.example.fr.strip()}
