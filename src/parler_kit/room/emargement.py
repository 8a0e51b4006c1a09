"""The room's émargement: what `room prepare` gives the register, and the documents made from it.

`room prepare` writes ``ROOM/emargement/feuilles.json`` (the session's title and half-days, the
room's people) and keeps a copy of the roster and session it was prepared from in
``ROOM/emargement/source/`` (organiser only, 0700), so that ``parler-kit room emargement ROOM``
needs nothing else. The room's ``emargement`` hub service (`parler_kit.signing`) appends to the
register; `write_room_emargement` turns it into each half-day's signed sheet (PDF, with the
drawn signatures, the times and an audit annex) and the presence file `--presence` reads;
`room_presence` gives the same presence straight to `admin attestations`, `admin realisation` and
`report --attendance` (``--room ROOM``).
"""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parler_kit.admin.emargement import AuditLine, SignedLine, write_signed_emargement
from parler_kit.admin.formatting import format_time
from parler_kit.atomic import write_atomic
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.accounts import Account
from parler_kit.room.layout import RoomLayout
from parler_kit.roster import Presence, Roster, Session, load_presence, load_roster, load_session
from parler_kit.signing import (
    Person,
    Register,
    SheetSetup,
    half_day_key,
    load_setup,
    outcomes,
    presence_csv,
    write_setup,
)
from parler_kit.signing.records import Entry

#: The copies of the roster and session the room was prepared from.
SOURCE = "source"
SESSION_COPY = "session.yaml"
ROSTER_COPY = "inscrits"
#: The presence file `room emargement` writes beside the PDFs.
PRESENCE_FILE = "presence-salle.csv"


def write_signing_setup(
    layout: RoomLayout,
    session: Session,
    accounts: Sequence[Account],
    roster_path: Path,
    session_path: Path,
) -> None:
    """``emargement/feuilles.json`` and the copies of the roster and session (prepare)."""
    people = tuple(
        Person(a.username, a.person_id, a.kind, a.last_name, a.first_name) for a in accounts
    )
    write_setup(layout.emargement, SheetSetup(session.title, session.half_days, people))
    source = layout.emargement / SOURCE
    source.mkdir(mode=0o700, exist_ok=True)
    shutil.copyfile(session_path, source / SESSION_COPY)
    shutil.copyfile(roster_path, source / (ROSTER_COPY + Path(roster_path).suffix.lower()))
    for copy in source.iterdir():
        copy.chmod(0o600)


def last_day(layout: RoomLayout) -> str | None:
    """The session's last day (ISO) when the room has its émargement setup, else None."""
    try:
        day = load_setup(layout.emargement).last_day
    except ParlerKitError:
        return None
    return day.isoformat() if day else None


def room_sources(
    layout: RoomLayout, roster_path: Path | None = None, session_path: Path | None = None
) -> tuple[Roster, Session]:
    """The roster and session the room was prepared from (or the ones given instead)."""
    source = layout.emargement / SOURCE
    if session_path is None:
        session_path = source / SESSION_COPY
    if roster_path is None:
        found = sorted(source.glob(ROSTER_COPY + ".*")) if source.is_dir() else []
        if not found or not session_path.is_file():
            raise ParlerKitError(ui_text("signing.error.no_sources", path=source))
        roster_path = found[0]
    return load_roster(roster_path), load_session(session_path)


def room_presence(layout: RoomLayout, roster: Roster, session: Session) -> Presence:
    """The presence the register gives, read through the presence file's own reader."""
    register = Register(layout.emargement)
    text = presence_csv(register.setup, register.state())
    with tempfile.TemporaryDirectory(prefix="parler-kit-presence-") as folder:
        path = Path(folder) / PRESENCE_FILE
        path.write_text(text, "utf-8")
        return load_presence(path, roster, session)


@dataclass(frozen=True)
class RoomEmargement:
    """What `write_room_emargement` wrote."""

    sheets: tuple[Path, ...]
    presence: Path


def write_room_emargement(
    layout: RoomLayout,
    out: Path,
    roster_path: Path | None = None,
    session_path: Path | None = None,
) -> RoomEmargement:
    """Each half-day's signed sheet (PDF) and the presence file, into `out`."""
    roster, session = room_sources(layout, roster_path, session_path)
    register = Register(layout.emargement)
    setup = register.setup
    states = register.state()
    out.mkdir(parents=True, exist_ok=True)
    text = presence_csv(setup, states)
    presence_path = out / PRESENCE_FILE
    write_atomic(presence_path, text.encode("utf-8"))
    load_presence(presence_path, roster, session)  # the file must read back as it was meant
    table = outcomes(setup, states)
    by_id = {p.person_id: p for p in setup.people}
    sheets = []
    for half_day in session.half_days:
        key = half_day_key(half_day)
        state = states.get(key)
        lines = {}
        for participant in roster.participants:
            person = by_id.get(participant.id)
            if person is None:
                continue
            result = table[person.username][key]
            lines[participant.id] = SignedLine(
                status=result.status,
                time=format_time(result.signed_at.time()) if result.signed_at else "",
                signature=_image(register, result.signature),
                typed=result.signature.typed if result.signature else "",
                late=_late_text(half_day.start, result.late_minutes),
                left=_late_text(half_day.end, -result.early_minutes),
            )
        trainers = []
        for person in setup.people:
            if person.kind != "formateur" or state is None:
                continue
            signed = state.people.get(person.username)
            if signed is not None and signed.signature is not None:
                trainers.append(
                    SignedLine(
                        status="present",
                        time=format_time(signed.signature.moment.time()),
                        signature=_image(register, signed.signature),
                        typed=signed.signature.typed or person.full_name,
                        late="",
                        name=person.full_name,
                    )
                )
        audit = [_audit(entry, setup) for entry in register.entries() if entry.half_day == key]
        sheets.append(
            write_signed_emargement(roster, session, half_day, lines, trainers, audit, out)
        )
    return RoomEmargement(tuple(sheets), presence_path)


def _image(register: Register, entry: Entry | None) -> str:
    """A drawn signature as a data URI for the PDF ('' when typed or missing)."""
    if entry is None:
        return ""
    data = register.signature_bytes(entry)
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii") if data else ""


def _late_text(start: dt.time, minutes: int) -> str:
    """« 9 h 40 »: the time `minutes` after `start`, or '' when `minutes` is 0.

    An arrival `minutes` late; with the end and negative minutes, an early departure.
    """
    if not minutes:
        return ""
    total = start.hour * 60 + start.minute + minutes
    return format_time(dt.time(total // 60, total % 60))


def _audit(entry: Entry, setup: SheetSetup) -> AuditLine:
    """One line of the audit annex: when, what, about whom, by whom, from which address."""

    def name(username: str) -> str:
        person = setup.person(username)
        return person.full_name if person else username

    detail = entry.clock or (entry.signature[:12] if entry.signature else entry.typed)
    corrects = ui_text("signing.audit.corrects", seq=entry.corrects) if entry.corrects else ""
    return AuditLine(
        seq=entry.seq,
        at=entry.moment.strftime("%d/%m/%Y %H:%M:%S"),
        action=ui_text(f"signing.audit.{entry.action}"),
        person=name(entry.person) if entry.person else "",
        by=name(entry.by),
        client=entry.client,
        detail=" ".join(part for part in (detail, corrects) if part),
    )
