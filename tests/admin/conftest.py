"""Fixtures for the administrative documents: the test roster and session, PDF text reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.roster import Roster, Session, load_roster, load_session

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"


@pytest.fixture(scope="session")
def roster() -> Roster:
    """Three fictional participants (accents, an apostrophe, markup in a structure name)."""
    return load_roster(SESSION_DATA / "roster.csv")


@pytest.fixture(scope="session")
def session() -> Session:
    """A two-half-day fictional session."""
    return load_session(SESSION_DATA / "session.yaml")
