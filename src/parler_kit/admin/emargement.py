"""Feuilles d'émargement: one attendance sheet per half-day, to sign on arrival."""

from __future__ import annotations

from pathlib import Path

from parler_kit.admin.environment import render
from parler_kit.admin.people import sorted_participants
from parler_kit.admin.personal import issuer
from parler_kit.i18n import format_date, ui_text
from parler_kit.printing import document_html, render_pdf
from parler_kit.roster import HalfDay, Roster, Session

#: Participants per page: a group of up to 12 signs one page (signature boxes of 12 mm and more,
#: the trainers' attestation and the funder's mention below).
PER_PAGE = 12


def emargement_html(roster: Roster, session: Session, half_day: HalfDay) -> str:
    """The full printable page of the attendance sheet of `half_day`."""
    body = render(
        "emargement.html.j2",
        session=session,
        half_day=half_day,
        participants=sorted_participants(roster),
        per_page=PER_PAGE,
    )
    title = ui_text("admin.emargement.title")
    header = (
        f"{session.title} — {title} — {format_date(half_day.date, weekday=True)}, {half_day.period}"
    )
    return document_html(
        f"{title} — {half_day.date.isoformat()} {half_day.period}",
        body,
        header=header,
        author=issuer(session),
    )


#: Every attendance sheet's name starts so (erasure keeps the signed ones: `admin.erase`).
EMARGEMENT_PREFIX = "emargement-"


def emargement_file_name(half_day: HalfDay) -> str:
    """« emargement-2027-03-08-matin.pdf », « emargement-2027-03-08-apres-midi.pdf »."""
    period = "matin" if half_day.period == "matin" else "apres-midi"
    return f"{EMARGEMENT_PREFIX}{half_day.date.isoformat()}-{period}.pdf"


def write_emargements(roster: Roster, session: Session, out: Path) -> list[Path]:
    """Write one PDF attendance sheet per half-day of the session into `out`; return the paths."""
    return [
        render_pdf(emargement_html(roster, session, half_day), out / emargement_file_name(half_day))
        for half_day in session.half_days
    ]
