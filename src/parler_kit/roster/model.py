"""Typed, frozen records for the people and the course: participants, roster, session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from parler_kit.content.model import RoleId

Period = Literal["matin", "après-midi"]


@dataclass(frozen=True)
class Participant:
    """One line of the roster, validated; `row` is the line (or sheet row) it came from."""

    id: str
    last_name: str
    first_name: str
    role: RoleId
    structure: str
    email: str | None
    commune: str | None
    row: int

    @property
    def full_name(self) -> str:
        """« Prénom Nom », as printed on covers and certificates."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Roster:
    """Every participant of a roster file, in file order, with unique ids."""

    participants: tuple[Participant, ...]
    source: Path

    def by_id(self, pid: str) -> Participant:
        """The participant with this id (KeyError naming the id when absent)."""
        for participant in self.participants:
            if participant.id == pid:
                return participant
        raise KeyError(f"No participant with id {pid!r} in {self.source}")

    def __len__(self) -> int:
        return len(self.participants)


@dataclass(frozen=True)
class HalfDay:
    """A half-day of the course: a date, « matin » or « après-midi », start and end times."""

    date: dt.date
    period: Period
    start: dt.time
    end: dt.time

    @property
    def hours(self) -> float:
        """Duration in hours (e.g. 3.5 for 9:00–12:30)."""
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        return minutes / 60


@dataclass(frozen=True)
class Session:
    """The course as described by ``session.yaml``: where, when, who, what for."""

    id: str
    title: str
    place: str
    address: str
    cite_educative: str
    organisation: str
    trainers: tuple[str, ...]
    coordinator: str
    objectives: tuple[str, ...]
    half_days: tuple[HalfDay, ...]

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The distinct dates of the course, in order."""
        return tuple(sorted({half_day.date for half_day in self.half_days}))

    @property
    def total_hours(self) -> float:
        """Total duration in hours, summed over half-days."""
        return sum(half_day.hours for half_day in self.half_days)
