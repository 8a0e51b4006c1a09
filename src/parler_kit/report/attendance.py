"""The attendance file of the bilan: who was present at each half-day.

Two accepted forms:

* the presence file of `parler_kit.roster.presence` (CSV or XLSX, one row per participant, one
  column per half-day as organisers name it), the same file `admin attestations --presence` and
  `admin realisation` read: a participant late or leaving early is present;
* YAML — a mapping from each half-day (« AAAA-MM-JJ matin » / « AAAA-MM-JJ après-midi ») to the
  list of the ids present.

Every problem (unknown half-day, unknown participant, unreadable cell) is collected and raised as
one `RosterError` naming the row and the column, or the key, in French.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import fold, ui_text
from parler_kit.roster import HalfDay, Presence, Roster, Session, load_presence


class Attendance(dict[HalfDay, frozenset[str]]):
    """Half-day → ids of the participants present (on time or late, leaving early or not).

    `hours` (participant id → hours attended, lateness and early departures deducted) is set when
    the file says them (the presence file): the bilan's trainee-hours then equal the certificates'.
    """

    def __init__(
        self,
        present: Mapping[HalfDay, frozenset[str]] | None = None,
        hours: Mapping[str, float] | None = None,
    ) -> None:
        super().__init__(present or {})
        self.hours: Mapping[str, float] | None = hours

    def attended(self, participant_id: str) -> bool:
        """Whether the participant was present (on time or late) at one half-day at least."""
        return any(participant_id in present for present in self.values())


def half_day_key(half_day: HalfDay) -> str:
    """« 2026-03-02 matin »: how a half-day is named in an attendance file."""
    return f"{half_day.date.isoformat()} {half_day.period}"


def _fold(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def attendance_from_presence(presence: Presence, roster: Roster, session: Session) -> Attendance:
    """The bilan's attendance from a presence (a presence file, or the room's register)."""
    return Attendance(
        {h: presence.present(h) for h in session.half_days},
        {p.id: presence.hours(p.id) for p in roster.participants},
    )


def load_attendance(path: Path, roster: Roster, session: Session) -> Attendance:
    """Read a presence file (CSV/XLSX) or a YAML attendance file against the roster and session."""
    if path.suffix.lower() not in {".yaml", ".yml"}:
        return attendance_from_presence(load_presence(path, roster, session), roster, session)
    keys = {_fold(half_day_key(h)): h for h in session.half_days}
    known = {p.id for p in roster.participants}
    problems: list[Problem] = []
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RosterError(
            [Problem(str(error), file=str(path))], ui_text("report.attendance.invalid")
        ) from None
    present = _from_yaml(text, path, keys, known, problems)
    if problems:
        raise RosterError(problems, ui_text("report.attendance.invalid"))
    return Attendance({h: frozenset(present.get(h, set())) for h in session.half_days})


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
