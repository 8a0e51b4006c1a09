"""Who attends and what the course is: a roster file and ``session.yaml`` into typed records.

`load_roster` reads CSV (``;`` or ``,``, UTF-8 with or without BOM, or Windows-1252) or the first
sheet of an .xlsx; `load_session` reads the session file. Both collect every problem and raise one
`RosterError` whose problems name the row and the column (or the field), in French.
"""

from parler_kit.roster.ids import derive_id, is_safe_id
from parler_kit.roster.model import (
    Assessment,
    HalfDay,
    Organisme,
    Participant,
    Period,
    Roster,
    Session,
)
from parler_kit.roster.presence import Mark, Presence, load_presence
from parler_kit.roster.reading import load_roster
from parler_kit.roster.session import load_session

__all__ = [
    "Assessment",
    "HalfDay",
    "Mark",
    "Organisme",
    "Participant",
    "Period",
    "Presence",
    "Roster",
    "Session",
    "derive_id",
    "is_safe_id",
    "load_presence",
    "load_roster",
    "load_session",
]
