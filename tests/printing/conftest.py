"""Fixtures of the printing tests: the shipped bank, a real answer store, a hostile string."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank, load_bank


@pytest.fixture(scope="session")
def bank() -> ContentBank:
    """The content bank shipped with the kit."""
    return load_bank()


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    """An empty answer store in a temporary folder."""
    return AnswerStore.open(tmp_path / "carnet.answers.json", participant_id="p-001")
