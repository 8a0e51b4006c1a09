"""Certificat de réalisation, one per participant: the Ministry of Labour's model funders ask for.

It names the organisme and its legal representative who signs, the participant, the action and
its nature (action de formation, article L6313-1 of the Code du travail), the dates and the hours
actually attended — read from the presence file, never the planned duration. The organisme's
identity must be complete in the session file; a missing field stops it, named in French.
"""

from __future__ import annotations

from pathlib import Path

from parler_kit.admin.formatting import format_period
from parler_kit.admin.identity import require
from parler_kit.admin.people import attending
from parler_kit.admin.personal import personal_file_name, personal_page
from parler_kit.i18n import ui_text
from parler_kit.printing import render_pdf
from parler_kit.roster import Participant, Presence, Roster, Session

#: The organisme fields the certificate prints.
REQUIRED = ("legal_name", "address", "siret", "nda", "representative", "representative_role")


def realisation_html(
    participant: Participant, session: Session, presence: Presence, *, demo: bool = False
) -> str:
    """The full printable certificat de réalisation of one participant."""
    require(session, REQUIRED, ui_text("admin.realisation.title"))
    return personal_page(
        "realisation.html.j2",
        "admin.realisation.title",
        participant,
        session=session,
        period=format_period(session.days[0], session.days[-1]),
        hours=presence.hours(participant.id),
        demo=demo,
    )


#: Certificates are named « certificat-realisation-<participant id>.pdf » (erase relies on it).
REALISATION_PREFIX = "certificat-realisation-"


def realisation_file_name(participant: Participant) -> str:
    """« certificat-realisation-<participant id>.pdf »."""
    return personal_file_name(REALISATION_PREFIX, participant)


def write_realisations(
    roster: Roster, session: Session, presence: Presence, out: Path, *, demo: bool = False
) -> list[Path]:
    """One certificate per participant who attended at least part of the course; the paths."""
    require(session, REQUIRED, ui_text("admin.realisation.title"))
    return [
        render_pdf(
            realisation_html(p, session, presence, demo=demo), out / realisation_file_name(p)
        )
        for p in attending(roster, presence)
    ]
