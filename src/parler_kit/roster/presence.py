"""The presence file: who attended each half-day, as copied from the signed attendance sheets.

It is a CSV or XLSX kept the way organisers keep it (read by the roster's readers): one row per
participant, identified by ``id`` or by ``nom`` + ``prénom``, and one column per half-day named as
people write it — « 08/03/2027 matin », « 2027-03-08 après-midi », « lundi 8 mars AM »,
« 8 mars PM », or a date over two columns with « matin » and « après-midi » on the line below. Cells are written as in practice: P, x, 1, oui, ✓, « présent(e) » for present;
A, 0, non, « absent(e) » (or an empty cell) for absent; « retard 30 min », « R 15 »,
« retard 1 h 15 », or the arrival time as the sheet asks for it (« arrivée à 9 h 30 », « 9h30 »)
for a late arrival; the departure time for an early departure (« départ à 16 h 30 »,
« parti(e) à 16h30 », « départ anticipé à 16 h 30 », « départ 16h30 »); both in one cell,
separated by « , », « ; », « / » or « et » (« arrivée à 9 h 30, départ à 11 h 45 »; a present
mark may stand for the arrival: « P / départ 16h30 »). An empty cell can only under-count the
hours certified.

Every problem (unknown column or participant, unreadable cell, a participant or half-day of the
session missing) names its row and column, in French, and nothing is produced until it is fixed.
The hours a participant attended are the sum of the half-days attended, minus lateness and
early departures. A departure must fall within the half-day and after the arrival; a lateness and
an early departure that leave no time at all are refused (the cell should say « absent(e) »).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import format_date, ui_text
from parler_kit.roster.model import HalfDay, Participant, Period, Roster, Session
from parler_kit.roster.normalise import fold
from parler_kit.roster.reading import COLUMNS
from parler_kit.roster.table import Table, column_letter, read_table

Status = Literal["present", "absent", "late"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "janv", "jan"), ("fevrier", "fevr", "fev"), ("mars",), ("avril", "avr"),
            ("mai",), ("juin",), ("juillet", "juil"), ("aout",), ("septembre", "sept"),
            ("octobre", "oct"), ("novembre", "nov"), ("decembre", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_AFTERNOON = re.compile(r"\b(apres ?midi|aprem|pm|afternoon)\b")
_MORNING = re.compile(r"\b(matin(ee)?|am|morning|mat)\b")
_ISO = re.compile(r"\b(\d{4}) (\d{1,2}) (\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2}) (\d{1,2})(?: (\d{4}|\d{2}))?\b")
_WRITTEN = re.compile(r"\b(\d{1,2})(?:er)? ([a-z]+)(?: (\d{4}))?\b")

_PRESENT = {"p", "x", "1", "oui", "o", "present", "presente", "pres", "ok"}
_PRESENT_SIGNS = {"✓", "✔", "☑"}
_ABSENT = {"", "a", "0", "non", "n", "absent", "absente", "abs", "absent excuse", "absente excusee"}
_LATE = re.compile(r"^(?:en )?(?:retard|r)(?: de)?(?: (?P<rest>.*))?$")
_LATE_AFTER = re.compile(r"^(?P<rest>.*?) (?:de )?retard$")
_ARRIVAL = re.compile(
    r"^(?:arrive e?|arrivee|arrive|arr)?(?: a)? ?(?P<h>\d{1,2}) ?[h ] ?(?P<m>\d{2})?$"
)
_DEPARTURE = re.compile(
    r"^(?:depart(?: anticipe)?|partie?|parti e)(?: a)? ?(?P<h>\d{1,2}) ?[h ] ?(?P<m>\d{2})?$"
)
_DEPARTURE_WORD = re.compile(r"^(?:depart|partie?\b|parti e\b)")
#: What separates the arrival from the departure in one cell (« arrivée à 9 h 30, départ à 11 h »).
_SEPARATOR = re.compile(r"\s*(?:[,;/]|\bet\b)\s*")
_DURATION = re.compile(
    r"^(?:(?P<h>\d{1,2}) ?h(?: ?(?P<hm>\d{1,2}))?(?: ?min)?|(?P<m>\d{1,3}) ?(?:min|mn|minutes?|m)?)$"
)


@dataclass(frozen=True)
class Mark:
    """One cell of the presence file: present, absent, or late by some minutes; maybe left early.

    `status` says how the person came (« late » when `late_minutes` > 0); `early_minutes` how long
    before the half-day's end they left (0 when they stayed to the end).
    """

    status: Status
    late_minutes: int = 0
    early_minutes: int = 0

    def hours(self, half_day: HalfDay) -> float:
        """Hours attended during `half_day` (its duration less lateness and early departure)."""
        if self.status == "absent":
            return 0.0
        return half_day.hours - (self.late_minutes + self.early_minutes) / 60


@dataclass(frozen=True)
class Presence:
    """Every participant's mark for every half-day of the session."""

    source: Path
    half_days: tuple[HalfDay, ...]
    marks: Mapping[str, Mapping[HalfDay, Mark]]

    def of(self, participant_id: str) -> tuple[tuple[HalfDay, Mark], ...]:
        """The participant's marks in the order of the session's half-days."""
        marks = self.marks[participant_id]
        return tuple((half_day, marks[half_day]) for half_day in self.half_days)

    def hours(self, participant_id: str) -> float:
        """Hours the participant attended over the whole session."""
        return sum(mark.hours(half_day) for half_day, mark in self.of(participant_id))

    def present(self, half_day: HalfDay) -> frozenset[str]:
        """Ids of the participants present (on time or late) at `half_day`."""
        return frozenset(
            pid for pid, marks in self.marks.items() if marks[half_day].status != "absent"
        )


def load_presence(path: Path, roster: Roster, session: Session) -> Presence:
    """Read the presence file `path` against the roster and the session (see the module doc)."""
    path = Path(path)
    table = read_table(path)
    where = str(path)
    problems: list[Problem] = []
    if not table.rows:
        raise _error([Problem(ui_text("admin.presence.empty"), file=where)])
    header_row, header, first_data = _header(table, session)
    identity, columns = _columns(header, header_row, session, where, problems)
    if not ({"id"} <= identity.keys() or {"nom", "prénom"} <= identity.keys()):
        problems.append(Problem(ui_text("admin.presence.no_identity"), file=where, row=header_row))
        raise _error(problems)
    for half_day in session.half_days:
        if half_day not in columns.values():
            label = f"{half_day.date.isoformat()} {half_day.period}"
            problems.append(Problem(ui_text("admin.presence.half_day_missing", half_day=label),
                                    file=where, row=header_row))  # fmt: skip
    # A formula without a saved result reads as empty, which would mean « absent »: refused.
    used = {*identity.values(), *columns}
    problems += table.formula_problems(path, header_row, {i: _where(header, i) for i in used})
    marks: dict[str, dict[HalfDay, Mark]] = {}
    rows: dict[str, int] = {}
    for row, cells in table.rows[first_data:]:
        participant = _participant(row, cells, identity, header, roster, where, problems)
        if participant is None:
            continue
        if participant.id in rows:
            problems.append(Problem(ui_text("admin.presence.twice", name=participant.full_name,
                                            first_row=rows[participant.id]), file=where, row=row))  # fmt: skip
            continue
        rows[participant.id] = row
        marks[participant.id] = {}
        for index, half_day in columns.items():
            text = cells[index] if index < len(cells) else ""
            field = _where(header, index)
            mark = _mark(text, half_day, where, row, field, problems)
            if mark is not None:
                marks[participant.id][half_day] = mark
    for participant in roster.participants:
        if participant.id not in rows:
            problems.append(Problem(ui_text("admin.presence.participant_missing", name=participant.full_name,
                                            participant=participant.id), file=where))  # fmt: skip
    if problems:
        raise _error(problems)
    return Presence(path, session.half_days, marks)


def _error(problems: list[Problem]) -> RosterError:
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.field or ""))
    return RosterError(ordered, ui_text("admin.presence.invalid", count=len(problems)))


def _where(header: tuple[str, ...], index: int) -> str:
    name = header[index] if index < len(header) else ""
    return f"{name} (colonne {column_letter(index)})"


def _header(table: Table, session: Session) -> tuple[int, tuple[str, ...], int]:
    """The header naming the session's half-days: (its row, its cells, index of the first data row).

    It is the first row (of ten) naming a half-day; a title line may come before. Organisers often
    write each date once over two columns (merged cells) with the periods on the line below:
    « 08/03/2027 » above « matin | après-midi ». Such two lines are read as one header whose cells
    are « 08/03/2027 matin », « 08/03/2027 après-midi ».
    """
    rows = table.rows
    for index, (row, cells) in enumerate(rows[:10]):
        if any(_half_day(cell, session) for cell in cells):
            return row, cells, index + 1
    for index, (row, cells) in enumerate(rows[:10]):
        if index + 1 < len(rows):
            combined = _two_line_header(cells, rows[index + 1][1])
            if any(_half_day(cell, session) for cell in combined):
                return row, combined, index + 2
    return rows[0][0], rows[0][1], 1


def _two_line_header(dates: tuple[str, ...], periods: tuple[str, ...]) -> tuple[str, ...]:
    """Cells of a date line over a period line, each date carried over the blank cells after it."""
    combined: list[str] = []
    date = ""
    for index in range(max(len(dates), len(periods))):
        top = dates[index] if index < len(dates) else ""
        bottom = periods[index] if index < len(periods) else ""
        if top:
            date = top if _date_parts(fold(top)) is not None else ""
        combined.append(f"{date} {bottom}" if date and bottom else top or bottom)
    return tuple(combined)


def _columns(
    header: tuple[str, ...], row: int, session: Session, where: str, problems: list[Problem]
) -> tuple[dict[str, int], dict[int, HalfDay]]:
    spellings = {s: name for name in ("id", "nom", "prénom") for s in COLUMNS[name]}
    identity: dict[str, int] = {}
    columns: dict[int, HalfDay] = {}
    for index, cell in enumerate(header):
        name = spellings.get(fold(cell))
        if name is not None:
            identity.setdefault(name, index)
            continue
        found = _half_day(cell, session)
        if found is None:
            if _looks_like_half_day(cell):
                problems.append(Problem(ui_text("admin.presence.unknown_half_day"), file=where,
                                        row=row, field=_where(header, index)))  # fmt: skip
            continue  # other columns (structure, remarques, total…) are ignored
        if isinstance(found, str):
            problems.append(Problem(found, file=where, row=row, field=_where(header, index)))
        elif found in columns.values():
            problems.append(Problem(ui_text("admin.presence.half_day_twice"), file=where, row=row,
                                    field=_where(header, index)))  # fmt: skip
        else:
            columns[index] = found
    return identity, columns


def _period(folded: str) -> Period | None:
    if _AFTERNOON.search(folded):
        return "après-midi"
    if _MORNING.search(folded):
        return "matin"
    return None


def _date_parts(folded: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the first date written in `folded`."""
    if match := _ISO.search(folded):
        return int(match[3]), int(match[2]), int(match[1])
    if match := _NUMERIC.search(folded):
        year = None if match[3] is None else int(match[3])
        return (
            int(match[1]),
            int(match[2]),
            (2000 + year if year is not None and year < 100 else year),
        )
    for match in _WRITTEN.finditer(folded):
        if match[2] in _MONTHS:
            return int(match[1]), _MONTHS[match[2]], None if match[3] is None else int(match[3])
    return None


def _looks_like_half_day(cell: str) -> bool:
    folded = fold(cell)
    return _period(folded) is not None or _date_parts(folded) is not None


def _half_day(cell: str, session: Session) -> HalfDay | str | None:
    """The session's half-day a column names, an error message, or None (not a half-day)."""
    folded = fold(cell)
    period, parts = _period(folded), _date_parts(folded)
    if period is None or parts is None:
        return None
    day, month, year = parts
    for half_day in session.half_days:
        date = half_day.date
        if (date.day, date.month) == (day, month) and year in {None, date.year}:
            if half_day.period != period:
                continue
            weekday = next((w for w in _WEEKDAYS if re.search(rf"\b{w}\b", folded)), None)
            if weekday is not None and weekday != _WEEKDAYS[date.weekday()]:
                return ui_text("admin.presence.weekday", weekday=weekday, date=_written_date(date))
            return half_day
    return ui_text("admin.presence.not_in_session")


def _written_date(date: dt.date) -> str:
    return format_date(date, weekday=True)


def _participant(
    row: int,
    cells: tuple[str, ...],
    identity: dict[str, int],
    header: tuple[str, ...],
    roster: Roster,
    where: str,
    problems: list[Problem],
) -> Participant | None:
    def cell(name: str) -> str:
        index = identity.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    given_id = cell("id")
    if given_id:
        found = [p for p in roster.participants if p.id == given_id]
        field = _where(header, identity["id"])
        message = ui_text("admin.presence.unknown_id", participant=given_id)
    else:
        last, first = fold(cell("nom")), fold(cell("prénom"))
        found = [
            p
            for p in roster.participants
            if (fold(p.last_name), fold(p.first_name)) == (last, first)
        ]
        field = "nom, prénom"
        message = ui_text("admin.presence.unknown_name", name=f"{cell('prénom')} {cell('nom')}")
        if len(found) > 1:
            message = ui_text("admin.presence.homonyms", name=found[0].full_name)
            found = []
    if len(found) != 1:
        problems.append(Problem(message, file=where, row=row, field=field))
        return None
    return found[0]


def _mark(
    text: str, half_day: HalfDay, where: str, row: int, field: str, problems: list[Problem]
) -> Mark | None:
    folded = fold(text)
    if text.strip() in _PRESENT_SIGNS or folded in _PRESENT:
        return Mark("present")
    if folded in _ABSENT and (folded or not text.strip()):  # « ? » or « - » is not a blank
        return Mark("absent")

    def problem(key: str, **values: str) -> None:
        message = ui_text(key, "fr", value=text, **values)
        problems.append(Problem(message, file=where, row=row, field=field))

    parts = [p for p in _SEPARATOR.split(text.strip()) if p.strip()]
    leaving = [p for p in parts if _DEPARTURE_WORD.match(fold(p))]
    coming = [p for p in parts if p not in leaving]
    if len(leaving) > 1 or len(coming) > 1 or (not leaving and len(parts) > 1):
        problem("admin.presence.cell")
        return None
    late = 0
    if coming:
        late_text = coming[0]
        arrival = fold(late_text)
        if not (late_text.strip() in _PRESENT_SIGNS or arrival in _PRESENT):
            minutes = _late_minutes(arrival, half_day)
            if minutes is None:
                problem(
                    "admin.presence.late_duration"
                    if _LATE.match(arrival)
                    else "admin.presence.cell"
                )
                return None
            if not 0 < minutes < round(half_day.hours * 60):
                problem(
                    "admin.presence.late_too_long" if minutes > 0 else "admin.presence.not_late"
                )
                return None
            late = minutes
    if not leaving:
        return Mark("late" if late else "present", late)
    departure = _DEPARTURE.match(fold(leaving[0]))
    if departure is None:
        problem("admin.presence.departure_time")
        return None
    start, end = _minutes(half_day.start), _minutes(half_day.end)
    left = int(departure["h"]) * 60 + int(departure["m"] or 0)
    span = {"start": _clock(start), "end": _clock(end)}
    if left == end:
        problem("admin.presence.not_early", **span)
        return None
    if not start < left < end:
        problem("admin.presence.departure_outside", **span)
        return None
    if left < start + late:
        problem("admin.presence.departure_before_arrival", departure=_clock(left),
                arrival=_clock(start + late))  # fmt: skip
        return None
    if left == start + late:  # the lateness and the early departure cover the whole half-day
        problem("admin.presence.no_time_left")
        return None
    return Mark("late" if late else "present", late, end - left)


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> str:
    """« 9 h 30 » (no-break spaces) for minutes since midnight."""
    return f"{minutes // 60}\u00a0h\u00a0{minutes % 60:02d}"


def _late_minutes(folded: str, half_day: HalfDay) -> int | None:
    """Minutes late written in a cell; None when the cell is not understood.

    « retard 30 min », « R 15 », « 1 h de retard », or the arrival time as the attendance sheet
    asks for it (« arrivée à 9 h 30 », « 9h30 »).
    """
    arrival = _ARRIVAL.match(folded)
    if arrival is not None:
        start = half_day.start.hour * 60 + half_day.start.minute
        return int(arrival["h"]) * 60 + int(arrival["m"] or 0) - start
    late = _LATE.match(folded) or _LATE_AFTER.match(folded)
    duration = None if late is None else _DURATION.match((late["rest"] or "").strip())
    if duration is None:
        return None
    if duration["m"] is not None:
        return int(duration["m"])
    return int(duration["h"]) * 60 + int(duration["hm"] or 0)
