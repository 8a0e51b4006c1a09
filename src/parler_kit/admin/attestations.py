"""Attestations de fin de formation, one per participant (Code du travail, art. L6353-1).

The article asks the certificate to state the objectives, the nature and the duration of the
course, and the results of the assessment of what was learned. With results (`LearningOutcome`,
computed from the graded answers by the report layer) they are written in; without, the
certificate leaves ruled lines for the trainer to fill in by hand — never an invented result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parler_kit.admin.environment import render
from parler_kit.admin.people import sorted_participants
from parler_kit.i18n import ui_text
from parler_kit.printing import document_html, render_pdf
from parler_kit.roster import Participant, Roster, Session


@dataclass(frozen=True)
class LearningOutcome:
    """What a participant's graded answers show, as printed on the certificate."""

    #: Points obtained and possible over the graded exercises (classification, dialogue, quiz…).
    exercise_points: float
    exercise_max: float
    #: Right answers and questions answered in the positioning quiz, at entry and at the end.
    quiz_entry: tuple[int, int] | None = None
    quiz_end: tuple[int, int] | None = None


def attestation_html(
    participant: Participant,
    session: Session,
    outcome: LearningOutcome | None = None,
    *,
    demo: bool = False,
) -> str:
    """The full printable page of one participant's certificate (`demo` prints a banner)."""
    body = render(
        "attestation.html.j2",
        participant=participant,
        session=session,
        outcome=outcome,
        with_results=outcome is not None,
        demo=demo,
    )
    title = ui_text("admin.attestation.title")
    return document_html(f"{title} — {participant.full_name}", body)


#: Certificates are named « attestation-<participant id>.pdf » (the erase command relies on it).
ATTESTATION_PREFIX = "attestation-"


def attestation_file_name(participant: Participant) -> str:
    """« attestation-<participant id>.pdf » (ids are safe file names, see parler_kit.roster)."""
    return f"{ATTESTATION_PREFIX}{participant.id}.pdf"


def write_attestations(
    roster: Roster,
    session: Session,
    out: Path,
    outcomes: Mapping[str, LearningOutcome | None] | None = None,
    *,
    demo: bool = False,
) -> list[Path]:
    """Write one certificate PDF per participant into `out`; return the paths.

    `outcomes` (participant id → outcome) turns the results section on for everyone: a
    participant missing from it, or mapped to None, gets « no graded answer returned ».
    `demo` marks every certificate as a demonstration (results from simulated answers).
    """
    paths = []
    for participant in sorted_participants(roster):
        html = attestation_html(
            participant,
            session,
            None if outcomes is None else outcomes.get(participant.id) or _NOTHING_RETURNED,
            demo=demo,
        )
        paths.append(render_pdf(html, out / attestation_file_name(participant)))
    return paths


#: Stands for "results were asked for but this participant returned no graded answer".
_NOTHING_RETURNED = LearningOutcome(0.0, 0.0)
