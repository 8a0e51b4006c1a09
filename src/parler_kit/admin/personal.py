"""One document per participant: its printable page and its file name.

Attestations, certificats de réalisation and convocations are each « <prefix><participant
id>.pdf » (ids are safe file names); the erase command finds them by these prefixes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from parler_kit.admin.environment import render
from parler_kit.i18n import ui_text
from parler_kit.printing import document_html
from parler_kit.roster import Participant, Session


def personal_page(template: str, title_key: str, participant: Participant, **context: Any) -> str:
    """The full printable page of `template` for `participant`, titled « <title> — <name> »."""
    context.setdefault("issued", dt.date.today())
    body = render(template, participant=participant, **context)
    session = context.get("session")
    author = issuer(session) if isinstance(session, Session) else None
    return document_html(f"{ui_text(title_key)} — {participant.full_name}", body, author=author)


def issuer(session: Session) -> str:
    """Who issues the session's documents (the PDF's /Author): the organisme's legal name."""
    return session.organisme.legal_name or session.organisation


def personal_file_name(prefix: str, participant: Participant) -> str:
    """« <prefix><participant id>.pdf » (the erase command finds the files by these prefixes)."""
    return f"{prefix}{participant.id}.pdf"
