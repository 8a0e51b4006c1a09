"""Convocation and programme, one per participant, sent before the course (Qualiopi indicator 1).

It states the objectives, the audience, the prerequisites, the duration, the dates and times,
the place, the access for people with a disability, the teaching methods, how learning is
assessed (modalités d'évaluation), the price or the funding line, the règlement intérieur
(Code du travail, L6353-8), its date of issue and whom to contact. The accessibility text, the
contact and the règlement intérieur come from the session file, and a price or a funder's
mention: without them the convocation is not produced.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parler_kit.admin.identity import require
from parler_kit.admin.outcomes import evidence_of
from parler_kit.admin.people import sorted_participants
from parler_kit.admin.personal import personal_file_name, personal_page
from parler_kit.content import course_days
from parler_kit.i18n import ui_text
from parler_kit.printing import render_pdf
from parler_kit.roster import HalfDay, Participant, Roster, Session

#: What the convocation cannot go without (Qualiopi indicator 1, L6353-8).
REQUIRED = ("accessibility", "contact", "rules")


def _require(session: Session) -> None:
    """The required fields, and a price unless a funder's mention says who pays."""
    price = () if session.price or session.organisme.funder_mention else ("price",)
    require(session, (*REQUIRED, *price), ui_text("admin.convocation.title"))


def assessment_lines(session: Session) -> list[tuple[str, str]]:
    """Each objective and how it is assessed (the attestation's wording), for the convocation."""
    assessments = session.assessments or (None,) * len(session.objectives)
    return [
        (objective, evidence_of(how))
        for objective, how in zip(session.objectives, assessments, strict=True)
    ]


def programme(session: Session) -> list[tuple[dt.date, list[HalfDay], str]]:
    """Each day of the session, its half-days and what it covers.

    What a day covers is the course plan's label of that day (`parler_kit.content.course_days`,
    the one source of the day labels). A session organised over another number of days than the
    plan has its own split, which the kit does not know: the content column is then left empty.
    """
    plan = course_days()
    same_split = len(plan) == len(session.days)
    themes = [d.label.fr for d in plan] if same_split else [""] * len(session.days)
    return [
        (day, [h for h in session.half_days if h.date == day], theme)
        for day, theme in zip(session.days, themes, strict=True)
    ]


def convocation_html(
    participant: Participant, session: Session, issued: dt.date | None = None
) -> str:
    """The full printable convocation and programme of one participant, issued on `issued`."""
    _require(session)
    return personal_page(
        "convocation.html.j2",
        "admin.convocation.title",
        participant,
        session=session,
        programme=programme(session),
        assessments=assessment_lines(session),
        issued=issued or dt.date.today(),
    )


#: Convocations are named « convocation-<participant id>.pdf » (the erase command relies on it).
CONVOCATION_PREFIX = "convocation-"


def convocation_file_name(participant: Participant) -> str:
    """« convocation-<participant id>.pdf »."""
    return personal_file_name(CONVOCATION_PREFIX, participant)


def write_convocations(
    roster: Roster, session: Session, out: Path, issued: dt.date | None = None
) -> list[Path]:
    """Write one convocation PDF per participant into `out` (nothing when a field is missing)."""
    _require(session)
    return [
        render_pdf(convocation_html(p, session, issued), out / convocation_file_name(p))
        for p in sorted_participants(roster)
    ]
