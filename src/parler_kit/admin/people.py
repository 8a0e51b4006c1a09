"""Participants in the order a sheet lists them: by last name, then first name, accents aside."""

from __future__ import annotations

from parler_kit.i18n import fold
from parler_kit.roster import Participant, Presence, Roster


def sorted_participants(roster: Roster) -> list[Participant]:
    """The roster sorted as a French reader looks a name up (« Çelik » with the C's)."""
    return sorted(
        roster.participants,
        key=lambda p: (fold(p.last_name), fold(p.first_name), p.id),
    )


def attending(roster: Roster, presence: Presence | None) -> list[Participant]:
    """`sorted_participants`, less those the presence file shows absent at every half-day."""
    return [
        participant
        for participant in sorted_participants(roster)
        if presence is None or presence.hours(participant.id) > 0
    ]
