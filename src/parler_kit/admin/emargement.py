"""Feuilles d'émargement: one attendance sheet per half-day, to sign on arrival."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    return _sheet_document(session, half_day, body)


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


@dataclass(frozen=True)
class SignedLine:
    """One person's line of a sheet signed in the room (`parler_kit.room.emargement`)."""

    status: str  # « present », « late » or « absent »
    time: str  # when the signature was recorded (« 9 h 04 »), or ''
    signature: str  # the drawn signature as a data: URI, or ''
    typed: str  # the name typed instead of drawing, or ''
    late: str  # the arrival time a trainer noted (« 9 h 40 »), or ''
    name: str = ""  # a trainer's name (participants' names come from the roster)
    left: str = ""  # the early departure time a trainer noted (« 11 h 45 »), or ''


@dataclass(frozen=True)
class AuditLine:
    """One line of the register in the sheet's audit annex."""

    seq: int
    at: str
    action: str
    person: str
    by: str
    client: str
    detail: str


def signed_emargement_html(
    roster: Roster,
    session: Session,
    half_day: HalfDay,
    lines: Mapping[str, SignedLine],
    trainers: Sequence[SignedLine],
    audit: Sequence[AuditLine],
) -> str:
    """The sheet of `half_day` as signed in the room: signatures, times, then the audit annex."""
    body = render(
        "emargement_signe.html.j2",
        session=session,
        half_day=half_day,
        participants=sorted_participants(roster),
        lines=lines,
        trainers=trainers,
        audit=audit,
        per_page=PER_PAGE,
    )
    return _sheet_document(session, half_day, body)


def write_signed_emargement(
    roster: Roster,
    session: Session,
    half_day: HalfDay,
    lines: Mapping[str, SignedLine],
    trainers: Sequence[SignedLine],
    audit: Sequence[AuditLine],
    out: Path,
) -> Path:
    """Write the signed sheet of `half_day` into `out` (same name as the paper one); its path."""
    html = signed_emargement_html(roster, session, half_day, lines, trainers, audit)
    return render_pdf(html, out / emargement_file_name(half_day))


def _sheet_document(session: Session, half_day: HalfDay, body: str) -> str:
    """A half-day's sheet as a whole document: its title, running header and author."""
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
