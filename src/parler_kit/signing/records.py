"""The émargement record of a room: an append-only register of who signed which half-day, when.

The register lives in one folder the organiser owns (``ROOM/emargement/``, mode 0700, written
only by the room's ``emargement`` hub service and by the organiser's commands):

* ``feuilles.json``: what the service needs from the session and the room, written by
  `room prepare` (`SheetSetup`: the session's title and half-days, the people and their roles);
* ``registre.jsonl``: one JSON line per event (a sheet opened or closed, a signature, a
  trainer's mark), appended under a lock and fsynced; a line is never changed nor removed. A
  trainer's correction is a new line naming who made it and which line it corrects;
* ``signatures/<sha256>.png``: each drawn signature, named by its content.

`Register.append` is the one way in: it checks the event against the register as it is (under
the lock) and refuses, with a French reason, what the rules forbid — signing a sheet that is not
open, signing twice, a participant acting for someone else or as a trainer, an arrival or a
departure time outside the half-day or a departure before the arrival. `sheet_state` folds
the lines into what each half-day looks like now; `marks` turns it into presence marks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from parler_kit.admin.formatting import format_time
from parler_kit.atomic import fsync_folder, locked, write_atomic
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.roster import HalfDay

Kind = Literal["participant", "formateur"]
Action = Literal["open", "close", "sign", "absent", "arrival", "departure", "present"]
ACTIONS: tuple[Action, ...] = (
    "open", "close", "sign", "absent", "arrival", "departure", "present"
)  # fmt: skip
TRAINER_ACTIONS = frozenset({"open", "close", "absent", "arrival", "departure", "present"})

SETUP_FILE = "feuilles.json"
REGISTER_FILE = "registre.jsonl"
SIGNATURES = "signatures"
#: A drawn signature is a PNG of at most this many bytes (a 600 × 200 canvas is ~10–30 kB).
MAX_SIGNATURE_BYTES = 300_000
MAX_TYPED_NAME = 120
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:h ]?([0-5]\d)$")


class Refused(ParlerKitError):
    """An event the rules forbid; its message is the French reason shown to the person."""


@dataclass(frozen=True)
class Person:
    """Someone who may sign: a participant or a trainer of the room (hub username)."""

    username: str
    person_id: str
    kind: Kind
    last_name: str
    first_name: str

    @property
    def full_name(self) -> str:
        """« Prénom NOM » as the sheets print it."""
        return f"{self.first_name} {self.last_name.upper()}"


def half_day_key(half_day: HalfDay) -> str:
    """« 2027-03-08-matin », « 2027-03-08-apres-midi »: a half-day in addresses and records."""
    period = "matin" if half_day.period == "matin" else "apres-midi"
    return f"{half_day.date.isoformat()}-{period}"


@dataclass(frozen=True)
class SheetSetup:
    """``feuilles.json``: the session's title and half-days, and the room's people."""

    title: str
    half_days: tuple[HalfDay, ...]
    people: tuple[Person, ...]

    def half_day(self, key: str) -> HalfDay | None:
        """The half-day named `key` (`half_day_key`), if the session has it."""
        return next((h for h in self.half_days if half_day_key(h) == key), None)

    def person(self, username: str) -> Person | None:
        """The person with hub username `username`, if any."""
        return next((p for p in self.people if p.username == username), None)

    @property
    def participants(self) -> tuple[Person, ...]:
        """The participants, sorted by name as the paper sheets list them."""
        found = (p for p in self.people if p.kind == "participant")
        return tuple(sorted(found, key=lambda p: (p.last_name.casefold(), p.first_name.casefold())))

    @property
    def last_day(self) -> dt.date | None:
        """The session's last day (the live view's ``--last-day``)."""
        return max((h.date for h in self.half_days), default=None)

    def to_json(self) -> dict[str, Any]:
        """The file's content."""
        return {
            "title": self.title,
            "half_days": [
                {
                    "date": h.date.isoformat(),
                    "period": h.period,
                    "start": h.start.strftime("%H:%M"),
                    "end": h.end.strftime("%H:%M"),
                }
                for h in self.half_days
            ],
            "people": [asdict(p) for p in self.people],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SheetSetup:
        """Read the file's content (a `KeyError`/`ValueError` when it is not one)."""
        half_days = tuple(
            HalfDay(
                dt.date.fromisoformat(h["date"]),
                h["period"],
                dt.time.fromisoformat(h["start"]),
                dt.time.fromisoformat(h["end"]),
            )
            for h in data["half_days"]
        )
        people = tuple(Person(**p) for p in data["people"])
        return cls(str(data["title"]), half_days, people)


def write_setup(folder: Path, setup: SheetSetup) -> Path:
    """Write ``feuilles.json`` in `folder` (created private: 0700)."""
    make_private_folder(folder)
    path = folder / SETUP_FILE
    text = json.dumps(setup.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"), private=True)
    return path


def load_setup(folder: Path) -> SheetSetup:
    """Read ``feuilles.json``; a French error names the file when it is missing or damaged."""
    path = folder / SETUP_FILE
    try:
        return SheetSetup.from_json(json.loads(path.read_text("utf-8")))
    except FileNotFoundError:
        raise ParlerKitError(ui_text("signing.error.no_setup", path=path)) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ParlerKitError(ui_text("signing.error.bad_file", path=path, reason=error)) from None


def make_private_folder(folder: Path) -> None:
    """Create `folder` for the organiser alone (0700), its signatures folder too."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)
    (folder / SIGNATURES).mkdir(mode=0o700, exist_ok=True)


@dataclass(frozen=True)
class Entry:
    """One line of the register."""

    seq: int
    at: str  # ISO 8601 with the computer's UTC offset
    action: Action
    by: str  # hub username of who acted
    client: str = ""  # the client address the hub's proxy saw
    half_day: str = ""  # `half_day_key`
    person: str = ""  # hub username the event is about (sign: the signer)
    signature: str = ""  # file name under signatures/ (drawn)
    typed: str = ""  # the name typed instead of drawing
    clock: str = ""  # HH:MM, for « arrival » and « departure »
    corrects: int | None = None  # the line a trainer's mark corrects

    @property
    def moment(self) -> dt.datetime:
        """When the line was written (aware)."""
        return dt.datetime.fromisoformat(self.at)


@dataclass
class Signed:
    """A person's state on one half-day."""

    person: str
    signature: Entry | None = None
    absent: Entry | None = None
    arrival: Entry | None = None
    departure: Entry | None = None
    corrections: list[Entry] = field(default_factory=list)


@dataclass
class HalfDayState:
    """One half-day's sheet: open or not, who signed, the trainers' marks."""

    key: str
    opened: Entry | None = None
    closed: Entry | None = None
    people: dict[str, Signed] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        """Opened and not closed since."""
        return self.opened is not None and (
            self.closed is None or self.closed.seq < self.opened.seq
        )

    def of(self, username: str) -> Signed:
        """The person's state (created empty)."""
        return self.people.setdefault(username, Signed(username))


def sheet_state(entries: Iterable[Entry]) -> dict[str, HalfDayState]:
    """Every half-day's state from the register's lines, in order."""
    states: dict[str, HalfDayState] = {}
    for entry in entries:
        state = states.setdefault(entry.half_day, HalfDayState(entry.half_day))
        if entry.action == "open":
            state.opened = entry
        elif entry.action == "close":
            state.closed = entry
        elif entry.action == "sign":
            signed = state.of(entry.person)
            signed.signature = entry
            signed.absent = None
        elif entry.action == "absent":
            signed = state.of(entry.person)
            signed.absent = entry
            signed.corrections.append(entry)
        elif entry.action == "present":
            signed = state.of(entry.person)
            signed.absent = None
            signed.corrections.append(entry)
        elif entry.action in ("arrival", "departure"):
            signed = state.of(entry.person)
            if entry.action == "arrival":
                signed.arrival = entry
            else:
                signed.departure = entry
            signed.absent = None
            signed.corrections.append(entry)
    return states


def open_half_day(states: dict[str, HalfDayState]) -> str | None:
    """The key of the half-day whose sheet is open, if one is."""
    return next((key for key, state in states.items() if state.is_open), None)


def parse_clock(text: str) -> str:
    """« 9:30 », « 9h30 », « 09 30 » → « 09:30 »; a French refusal otherwise."""
    match = _CLOCK.match(text.strip().lower().replace(" h ", "h"))
    if match is None:
        raise Refused(ui_text("signing.refused.bad_time", text=text))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


class Register:
    """The register of one room (see the module docstring)."""

    def __init__(self, folder: Path, setup: SheetSetup | None = None) -> None:
        self.folder = Path(folder)
        self.setup = setup if setup is not None else load_setup(self.folder)
        self.path = self.folder / REGISTER_FILE
        self._lock = self.folder / ".registre.lock"

    def entries(self) -> list[Entry]:
        """Every line, in order (a torn last line left by a power cut is ignored)."""
        try:
            text = self.path.read_text("utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in text.splitlines():
            try:
                entries.append(Entry(**json.loads(line)))
            except (ValueError, TypeError):
                continue
        return entries

    def state(self) -> dict[str, HalfDayState]:
        """Every half-day's state now."""
        return sheet_state(self.entries())

    def append(
        self,
        action: Action,
        by: str,
        *,
        client: str = "",
        half_day: str = "",
        person: str = "",
        png: bytes | None = None,
        typed: str = "",
        clock: str = "",
        now: dt.datetime | None = None,
    ) -> Entry:
        """Check the event against the register and append it; `Refused` when the rules forbid it."""
        actor = self.setup.person(by)
        if actor is None:
            raise Refused(ui_text("signing.refused.unknown_person"))
        if action in TRAINER_ACTIONS and actor.kind != "formateur":
            raise Refused(ui_text("signing.refused.trainers_only"))
        with locked(self._lock):
            entries = self.entries()
            states = sheet_state(entries)
            current = open_half_day(states)
            entry_fields: dict[str, Any] = {}
            if action == "open":
                if self.setup.half_day(half_day) is None:
                    raise Refused(ui_text("signing.refused.unknown_half_day"))
                if current is not None:
                    raise Refused(ui_text("signing.refused.already_open"))
            elif action == "close":
                if current is None or current != half_day:
                    raise Refused(ui_text("signing.refused.not_open"))
            elif action == "sign":
                if person != by:
                    raise Refused(ui_text("signing.refused.for_another"))
                if current is None or current != half_day:
                    raise Refused(ui_text("signing.refused.closed"))
                done = states[current].people.get(by)
                if done is not None and done.signature is not None:
                    raise Refused(ui_text("signing.refused.twice",
                                          time=_clock_of(done.signature.moment)))  # fmt: skip
                entry_fields.update(self._signature(png, typed))
            else:  # a trainer's mark: absent, present again, arrival or departure time
                day = self.setup.half_day(half_day)
                if day is None:
                    raise Refused(ui_text("signing.refused.unknown_half_day"))
                target = self.setup.person(person)
                if target is None or target.kind != "participant":
                    raise Refused(ui_text("signing.refused.unknown_person"))
                previous = states.get(half_day)
                signed = previous.people.get(person) if previous else None
                if action in ("arrival", "departure"):
                    entry_fields["clock"] = parse_clock(clock)
                    _check_times(action, entry_fields["clock"], day, signed)
                last = _last_of(signed)
                if last is not None:
                    entry_fields["corrects"] = last.seq
            moment = (now or dt.datetime.now()).astimezone()
            entry = Entry(
                seq=len(entries) + 1 if not entries else entries[-1].seq + 1,
                at=moment.isoformat(timespec="seconds"),
                action=action,
                by=by,
                client=client,
                half_day=half_day,
                person=person,
                **entry_fields,
            )
            self._write_line(entry)
            return entry

    def signature_bytes(self, entry: Entry) -> bytes | None:
        """The PNG of a drawn signature (None for a typed one or a missing file)."""
        if not entry.signature:
            return None
        try:
            return (self.folder / SIGNATURES / entry.signature).read_bytes()
        except OSError:
            return None

    def _signature(self, png: bytes | None, typed: str) -> dict[str, str]:
        """Store a drawn signature (PNG) or keep a typed name; refuse an empty or odd one."""
        typed = " ".join(typed.split())
        if png:
            if not png.startswith(_PNG_MAGIC) or len(png) > MAX_SIGNATURE_BYTES:
                raise Refused(ui_text("signing.refused.bad_signature"))
            name = hashlib.sha256(png).hexdigest() + ".png"
            target = self.folder / SIGNATURES / name
            if not target.exists():
                write_atomic(target, png, private=True)
                self._give_to_organiser(target)
            return {"signature": name, "typed": typed[:MAX_TYPED_NAME]}
        if typed:
            if len(typed) > MAX_TYPED_NAME:
                raise Refused(ui_text("signing.refused.bad_signature"))
            return {"typed": typed}
        raise Refused(ui_text("signing.refused.empty"))

    def _write_line(self, entry: Entry) -> None:
        """Append one line and make it durable (the caller holds the lock)."""
        line = json.dumps(asdict(entry), ensure_ascii=False) + "\n"
        new = not self.path.exists()
        descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(descriptor, line.encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if new:
            self._give_to_organiser(self.path)
            fsync_folder(self.folder)

    def _give_to_organiser(self, path: Path) -> None:
        """A file the service (run as root by an isolated room's hub) creates stays the organiser's.

        The organiser who prepared the room owns ``emargement/``; the files written in it get
        the same owner, so that `room emargement` run without root can read them.
        """
        if os.geteuid() == 0:
            folder = self.folder.stat()
            os.chown(path, folder.st_uid, folder.st_gid, follow_symlinks=False)


def _last_of(signed: Signed | None) -> Entry | None:
    """The latest line about a person on a half-day (what a new mark corrects)."""
    if signed is None:
        return None
    found = [e for e in (signed.signature, *signed.corrections) if e is not None]
    return max(found, key=lambda e: e.seq, default=None)


def _clock_of(moment: dt.datetime) -> str:
    return format_time(moment.time())


def _minutes(clock: str | dt.time) -> int:
    """Minutes since midnight of « 09:30 » or of a time."""
    moment = dt.time.fromisoformat(clock) if isinstance(clock, str) else clock
    return moment.hour * 60 + moment.minute


def _check_times(action: Action, clock: str, half_day: HalfDay, signed: Signed | None) -> None:
    """Refuse, in French, a time the half-day cannot have.

    An arrival from the half-day's end on, or not before the departure already noted; a
    departure outside the half-day, or not after the arrival already noted. A departure at the
    very end is accepted: it corrects an early departure noted by mistake.
    """
    moment, start, end = _minutes(clock), _minutes(half_day.start), _minutes(half_day.end)
    span = (format_time(half_day.start), format_time(half_day.end))
    if action == "arrival":
        arrival, departure = clock, (signed.departure.clock if signed and signed.departure else "")
        if moment >= end:
            raise Refused(ui_text("signing.refused.arrival_outside", time=_shown(clock),
                                  start=span[0], end=span[1]))  # fmt: skip
    else:
        arrival, departure = (signed.arrival.clock if signed and signed.arrival else ""), clock
        if not start < moment <= end:
            raise Refused(ui_text("signing.refused.departure_outside", time=_shown(clock),
                                  start=span[0], end=span[1]))  # fmt: skip
    if arrival and departure and _minutes(departure) <= _minutes(arrival):
        raise Refused(ui_text("signing.refused.departure_before_arrival",
                              departure=_shown(departure), arrival=_shown(arrival)))  # fmt: skip


def _shown(clock: str) -> str:
    """« 09:30 » as people read it: « 9 h 30 »."""
    return format_time(dt.time.fromisoformat(clock))


@dataclass(frozen=True)
class Outcome:
    """How a participant's half-day ends up: present, absent, late, left early, and the proof.

    `late_minutes` after the start, `early_minutes` before the end (a departure time).
    """

    status: Literal["present", "absent", "late"]
    late_minutes: int = 0
    early_minutes: int = 0
    signed_at: dt.datetime | None = None
    signature: Entry | None = None
    marks: tuple[Entry, ...] = ()


def outcome(half_day: HalfDay, signed: Signed | None) -> Outcome:
    """A participant's presence on `half_day` from the register (see the rules in the docs).

    Signed → present; marked absent after it → absent; an arrival time from a trainer → late by
    the minutes after the start, a departure time → left early by the minutes before the end
    (present on the trainer's word even without a signature); neither signature nor mark → absent.
    """
    if signed is None:
        return Outcome("absent")
    marks = tuple(signed.corrections)
    base: dict[str, Any] = {
        "signed_at": signed.signature.moment if signed.signature else None,
        "signature": signed.signature,
        "marks": marks,
    }
    if signed.absent is not None:
        return Outcome("absent", **base)
    if signed.arrival is None and signed.departure is None and signed.signature is None:
        return Outcome("absent", **base)
    late = early = 0
    if signed.arrival is not None:
        late = max(0, _minutes(signed.arrival.clock) - _minutes(half_day.start))
    if signed.departure is not None:
        early = max(0, _minutes(half_day.end) - _minutes(signed.departure.clock))
    status: Literal["present", "late"] = "late" if late else "present"
    return Outcome(status, late_minutes=late, early_minutes=early, **base)


def outcomes(setup: SheetSetup, states: dict[str, HalfDayState]) -> dict[str, dict[str, Outcome]]:
    """Participant username → half-day key → outcome, for every half-day of the session."""
    table: dict[str, dict[str, Outcome]] = {}
    for person in setup.participants:
        table[person.username] = {}
        for half_day in setup.half_days:
            key = half_day_key(half_day)
            state = states.get(key)
            table[person.username][key] = outcome(
                half_day, state.people.get(person.username) if state else None
            )
    return table


def presence_csv(setup: SheetSetup, states: dict[str, HalfDayState]) -> str:
    """The presence file `--presence` reads: id, nom, prénom, one column per half-day.

    Cells: « P » present, « A » absent, « arrivée à 9 h 30 » late (what the paper sheet asks),
    « départ à 11 h 45 » left early, « arrivée à 9 h 30, départ à 11 h 45 » both.
    """
    header = ["id", "nom", "prénom"]
    header += [f"{h.date.isoformat()} {h.period}" for h in setup.half_days]
    lines = [";".join(header)]
    table = outcomes(setup, states)
    for person in setup.participants:
        cells = [person.person_id, person.last_name, person.first_name]
        for half_day in setup.half_days:
            result = table[person.username][half_day_key(half_day)]
            cells.append(_cell(result, half_day))
        lines.append(";".join(_csv_cell(c) for c in cells))
    return "\n".join(lines) + "\n"


def _cell(result: Outcome, half_day: HalfDay) -> str:
    if result.status == "absent":
        return "A"
    parts = []
    if result.late_minutes:
        parts.append(f"arrivée à {_written(_minutes(half_day.start) + result.late_minutes)}")
    if result.early_minutes:
        parts.append(f"départ à {_written(_minutes(half_day.end) - result.early_minutes)}")
    return ", ".join(parts) or "P"


def _written(minutes: int) -> str:
    """« 9 h 30 » as the presence file's reader takes it (plain spaces)."""
    return f"{minutes // 60} h {minutes % 60:02d}"


def _csv_cell(text: str) -> str:
    if any(c in text for c in ';"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
