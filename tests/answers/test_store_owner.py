"""In a training room the answers file records, and is checked against, its owner from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.errors import AnswerStoreError


def test_a_new_file_records_the_participant_and_session_of_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With PARLER_KIT_PARTICIPANT_ID / _SESSION_ID set (as the room does), a new file says whose it is."""
    monkeypatch.setenv("PARLER_KIT_PARTICIPANT_ID", "zoe-1")
    monkeypatch.setenv("PARLER_KIT_SESSION_ID", "session-a")
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    store.set("quiz-1", ["b"])
    stored = read_answers(tmp_path / "carnet.answers.json")
    assert (stored.participant_id, stored.session_id) == ("zoe-1", "session-a")


def test_another_participants_file_is_refused_and_left_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server running as « leo-2 » cannot open « zoe-1 »'s answers: French error, file intact."""
    path = tmp_path / "carnet.answers.json"
    AnswerStore.open(path, participant_id="zoe-1", session_id="s").set("quiz-1", ["b"])
    before = path.read_bytes()
    monkeypatch.setenv("PARLER_KIT_PARTICIPANT_ID", "leo-2")
    with pytest.raises(AnswerStoreError, match="zoe-1"):
        AnswerStore.open(path)
    assert path.read_bytes() == before
