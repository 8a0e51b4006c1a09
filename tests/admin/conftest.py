"""Fixtures for the administrative documents: the test roster and session, PDF text reading."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
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


def _pdf_text(path: Path) -> str:
    """The text of a PDF (pdftotext), with every kind of space folded to one plain space."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="session")
def pdf_text() -> Callable[[Path], str]:
    """Read a PDF's text (pdftotext), spaces folded, for assertions on printed documents."""
    return _pdf_text
