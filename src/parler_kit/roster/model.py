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
class Organisme:
    """The training organisation as the law and Qualiopi want it printed (``organisme_formation``).

    Every field is optional when the session is read; a document that needs one refuses to be
    produced without it, naming the field (`parler_kit.admin.identity`).
    """

    #: Raison sociale (the session's ``organisation`` when not given).
    legal_name: str | None = None
    address: str | None = None
    #: 14 digits, checked with the Luhn key.
    siret: str | None = None
    #: Numéro de déclaration d'activité: 11 digits.
    nda: str | None = None
    #: The person who signs the documents, and her or his role (« présidente », « directeur »).
    representative: str | None = None
    representative_role: str | None = None
    #: Logo files (existing PNG, JPEG or SVG), resolved against the session file's folder.
    logos: tuple[Path, ...] = ()
    #: Who funds the action, as it must be mentioned (« Action financée par … »).
    funder_mention: str | None = None
    #: Who to contact before the course (name, telephone, e-mail), and the disability referent.
    contact: str | None = None
    disability_contact: str | None = None


#: How a course objective is assessed: all graded exercises, those of one area of the course
#: (prevention, development, techniques, observation), the fiche action; None: not individually.
Assessment = Literal[
    "exercices", "prevention", "development", "techniques", "observation", "fiche_action"
]


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
    organisme: Organisme = Organisme()
    #: One entry per objective: how it is assessed (None: not assessed individually).
    assessments: tuple[Assessment | None, ...] = ()
    #: Who the course is for, what it requires, how the place is accessible (convocation).
    audience: str | None = None
    prerequisites: str | None = None
    accessibility: str | None = None
    #: The règlement intérieur (its address, or where it is annexed), the teaching methods and
    #: the price or funding line (convocation: Code du travail L6353-8, Qualiopi indicator 1).
    rules: str | None = None
    methods: str | None = None
    price: str | None = None
    #: The session file it was read from (errors about missing fields name it).
    source: Path | None = None

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The distinct dates of the course, in order."""
        return tuple(sorted({half_day.date for half_day in self.half_days}))

    @property
    def total_hours(self) -> float:
        """Total duration in hours, summed over half-days."""
        return sum(half_day.hours for half_day in self.half_days)
