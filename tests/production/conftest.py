"""Fixtures for production tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from production_helpers import SESSION


@pytest.fixture
def session() -> Path:
    """The example session file."""
    return SESSION
