"""Convocation and programme, one per participant, sent before the course (Qualiopi indicator 1).

It states the objectives, the audience, the prerequisites, the duration, the dates and times,
the place, the access for people with a disability and whom to contact. The accessibility text
and the contact come from the session file: without them the convocation is not produced.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parler_kit.admin.identity import require
from parler_kit.admin.people import sorted_participants
from parler_kit.admin.personal import personal_file_name, personal_page
from parler_kit.content import course_days
from parler_kit.i18n import ui_text
from parler_kit.printing import render_pdf
from parler_kit.roster import HalfDay, Participant, Roster, Session

#: What the convocation cannot go without (Qualiopi indicator 1).
REQUIRED = ("accessibility", "contact")


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


def convocation_html(participant: Participant, session: Session) -> str:
    """The full printable convocation and programme of one participant."""
    require(session, REQUIRED, ui_text("admin.convocation.title"))
    return personal_page(
        "convocation.html.j2",
        "admin.convocation.title",
        participant,
        session=session,
        programme=programme(session),
    )


#: Convocations are named « convocation-<participant id>.pdf » (the erase command relies on it).
CONVOCATION_PREFIX = "convocation-"


def convocation_file_name(participant: Participant) -> str:
    """« convocation-<participant id>.pdf »."""
    return personal_file_name(CONVOCATION_PREFIX, participant)


def write_convocations(roster: Roster, session: Session, out: Path) -> list[Path]:
    """Write one convocation PDF per participant into `out` (nothing when a field is missing)."""
    require(session, REQUIRED, ui_text("admin.convocation.title"))
    return [
        render_pdf(convocation_html(p, session), out / convocation_file_name(p))
        for p in sorted_participants(roster)
    ]
