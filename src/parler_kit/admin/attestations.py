"""Attestations de fin de formation, one per participant (Code du travail, art. L6353-1).

The article asks the certificate to state the objectives, the nature and the duration of the
course, and the results of the assessment of what was learned. The hours are those the presence
file says the person attended, half-day by half-day (`parler_kit.roster.presence`); without it,
the certificate gives the action's planned duration and leaves the hours attended to fill in.
Results are per course objective (`parler_kit.admin.outcomes`), from the graded answers of the
room or from the trainer's results sheet (`parler_kit.admin.results_sheet`, the paper path);
without them the trainer ticks them by hand — never an invented result, never the entry
positioning score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from parler_kit.admin.outcomes import LEVELS, LearningOutcome, Level, objective_results
from parler_kit.admin.people import attending
from parler_kit.admin.personal import personal_file_name, personal_page
from parler_kit.admin.results_sheet import Recorded
from parler_kit.printing import render_pdf
from parler_kit.roster import Participant, Presence, Roster, Session


def attestation_html(
    participant: Participant,
    session: Session,
    outcome: LearningOutcome | None = None,
    *,
    presence: Presence | None = None,
    results: bool = False,
    recorded: Sequence[Level | None] | None = None,
    demo: bool = False,
) -> str:
    """The full printable page of one participant's certificate (`demo` prints a banner).

    `results` says results were asked for: `outcome` None then means nothing was returned.
    `recorded` is the participant's row of the trainer's results sheet, when there is one.
    """
    if results and outcome is None:
        outcome = LearningOutcome()
    return personal_page(
        "attestation.html.j2",
        "admin.attestation.title",
        participant,
        session=session,
        results=objective_results(session, outcome if results else None, recorded),
        levels=LEVELS,
        attended=None if presence is None else presence.of(participant.id),
        hours=None if presence is None else presence.hours(participant.id),
        demo=demo,
    )


#: Certificates are named « attestation-<participant id>.pdf » (the erase command relies on it).
ATTESTATION_PREFIX = "attestation-"


def attestation_file_name(participant: Participant) -> str:
    """« attestation-<participant id>.pdf »."""
    return personal_file_name(ATTESTATION_PREFIX, participant)


def write_attestations(
    roster: Roster,
    session: Session,
    out: Path,
    outcomes: Mapping[str, LearningOutcome | None] | None = None,
    *,
    presence: Presence | None = None,
    recorded: Recorded | None = None,
    demo: bool = False,
) -> list[Path]:
    """Write one certificate PDF per participant into `out`; return the paths.

    `outcomes` (participant id → outcome) turns the results on for everyone: a participant
    missing from it, or mapped to None, returned nothing. `recorded` is the trainer's results
    sheet (participant id → a level or None per objective); a participant without a row gets
    « non évalué » for every objective the room did not assess. With `presence`, a participant
    who attended no half-day gets no certificate. `demo` marks every certificate as a
    demonstration.
    """
    blank = None if recorded is None else (None,) * len(session.objectives)
    paths = []
    for participant in attending(roster, presence):
        html = attestation_html(
            participant,
            session,
            None if outcomes is None else outcomes.get(participant.id),
            presence=presence,
            results=outcomes is not None,
            recorded=None if recorded is None else recorded.get(participant.id, blank),
            demo=demo,
        )
        paths.append(render_pdf(html, out / attestation_file_name(participant)))
    return paths
