"""The attendance file of the bilan: who was present at each half-day.

Two accepted forms, both keyed by half-day as « AAAA-MM-JJ matin » / « AAAA-MM-JJ après-midi »:

* CSV (``;`` or ``,``, UTF-8, as exported from a spreadsheet) — the attendance sheets copied out:
  a column ``id`` (the roster's participant id), then one column per half-day; a cell with
  ``x``, ``1``, ``oui`` or ``présent(e)`` means present, an empty cell, ``0``, ``non`` or
  ``absent(e)`` means absent.
* YAML — a mapping from each half-day to the list of the ids present.

Every problem (unknown half-day, unknown participant id, unreadable cell) is collected and
raised as one `RosterError` naming the row or the key, in French.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import ui_text
from parler_kit.roster import HalfDay, Roster, Session

PRESENT = {"x", "1", "oui", "o", "present", "presente", "p"}
ABSENT = {"", "0", "non", "n", "absent", "absente", "a"}

#: Half-day key → ids of the participants present.
Attendance = dict[HalfDay, frozenset[str]]


def half_day_key(half_day: HalfDay) -> str:
    """« 2026-03-02 matin »: how a half-day is named in an attendance file."""
    return f"{half_day.date.isoformat()} {half_day.period}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split()
    )


def load_attendance(path: Path, roster: Roster, session: Session) -> Attendance:
    """Read an attendance CSV or YAML file (see the module doc) against the roster and session."""
    keys = {_fold(half_day_key(h)): h for h in session.half_days}
    known = {p.id for p in roster.participants}
    problems: list[Problem] = []
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RosterError(
            [Problem(str(error), file=str(path))], ui_text("report.attendance.invalid")
        ) from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        present = _from_yaml(text, path, keys, known, problems)
    else:
        present = _from_csv(text, path, keys, known, problems)
    if problems:
        raise RosterError(problems, ui_text("report.attendance.invalid"))
    return {h: frozenset(present.get(h, set())) for h in session.half_days}


def _from_yaml(
    text: str, path: Path, keys: dict[str, HalfDay], known: set[str], problems: list[Problem]
) -> dict[HalfDay, set[str]]:
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        problems.append(
            Problem(ui_text("report.attendance.yaml", detail=type(error).__name__), file=str(path))
        )
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(ui_text("report.attendance.yaml_mapping"), file=str(path)))
        return {}
    present: dict[HalfDay, set[str]] = {}
    for key, ids in data.items():
        half_day = keys.get(_fold(str(key)))
        if half_day is None:
            problems.append(
                Problem(
                    ui_text("report.attendance.unknown_half_day"), file=str(path), field=str(key)
                )
            )
            continue
        if not isinstance(ids, list):
            problems.append(
                Problem(ui_text("report.attendance.yaml_list"), file=str(path), field=str(key))
            )
            continue
        for pid in map(str, ids):
            if pid not in known:
                problems.append(Problem(ui_text("report.attendance.unknown_participant", participant=pid),
                                        file=str(path), field=str(key)))  # fmt: skip
            present.setdefault(half_day, set()).add(pid)
    return present


def _from_csv(
    text: str, path: Path, keys: dict[str, HalfDay], known: set[str], problems: list[Problem]
) -> dict[HalfDay, set[str]]:
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    )
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        problems.append(Problem(ui_text("report.attendance.empty"), file=str(path)))
        return {}
    header = [_fold(cell) for cell in rows[0]]
    if "id" not in header:
        problems.append(Problem(ui_text("report.attendance.no_id_column"), file=str(path), row=1))
        return {}
    id_column = header.index("id")
    columns: dict[int, HalfDay] = {}
    for index, name in enumerate(header):
        if index == id_column or not name:
            continue
        if name in keys:
            columns[index] = keys[name]
        else:
            problems.append(Problem(ui_text("report.attendance.unknown_half_day"), file=str(path),
                                    row=1, field=rows[0][index]))  # fmt: skip
    present: dict[HalfDay, set[str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        pid = row[id_column].strip() if id_column < len(row) else ""
        if pid not in known:
            problems.append(Problem(ui_text("report.attendance.unknown_participant", participant=pid),
                                    file=str(path), row=number))  # fmt: skip
            continue
        for index, half_day in columns.items():
            cell = _fold(row[index]) if index < len(row) else ""
            if cell in PRESENT:
                present.setdefault(half_day, set()).add(pid)
            elif cell not in ABSENT:
                problems.append(Problem(ui_text("report.attendance.cell", value=row[index]),
                                        file=str(path), row=number, field=rows[0][index]))  # fmt: skip
    return present
