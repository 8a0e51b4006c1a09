"""The answer store under real concurrency and under SIGKILL at random moments."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import stat
import time
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.errors import AnswerStoreError

_CTX = multiprocessing.get_context("fork")


def _write_keys(path: str, prefix: str, count: int) -> None:
    store = AnswerStore.open(Path(path))
    for index in range(count):
        store.set(f"{prefix}-{index}", index)
        store.set("shared", prefix)


def test_two_processes_writing_different_keys_lose_nothing(tmp_path: Path) -> None:
    """Two processes writing 60 keys each on one file: all 120 keys and 120 shared attempts."""
    path = tmp_path / "a.answers.json"
    AnswerStore.open(path)
    workers = [
        _CTX.Process(target=_write_keys, args=(str(path), name, 60)) for name in ("left", "right")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    answers = read_answers(path).answers
    for name in ("left", "right"):
        assert {answers[f"{name}-{i}"].value for i in range(60)} == set(range(60))
    assert answers["shared"].attempts == 120


def _write_forever(path: str, start: int, started: Event) -> None:
    store = AnswerStore.open(Path(path))
    counter = start
    while True:
        counter += 1
        store.set("progress", {"n": counter, "double": counter * 2, "pad": "é" * (counter % 500)})
        started.set()


def test_sigkill_at_random_moments_never_breaks_the_file(tmp_path: Path) -> None:
    """40 writers killed at random moments: the file always parses and holds old or new values."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path)
    store.set("kept", "réponse d'avant")
    rng = random.Random(20261123)
    last_seen = 0
    for _ in range(40):
        started = _CTX.Event()
        writer = _CTX.Process(target=_write_forever, args=(str(path), last_seen, started))
        writer.start()
        try:
            assert started.wait(timeout=30)
            time.sleep(rng.uniform(0, 0.03))  # a random moment to kill at, not a wait
        finally:  # the writer never stops by itself: kill it whatever happened above
            assert writer.pid is not None
            os.kill(writer.pid, signal.SIGKILL)
            writer.join(timeout=30)
        assert writer.exitcode == -signal.SIGKILL
        loaded = read_answers(path)  # parses, or raises and fails the test
        progress = loaded.answers["progress"].value
        assert progress["double"] == progress["n"] * 2
        assert progress["pad"] == "é" * (progress["n"] % 500)
        assert progress["n"] >= last_seen
        last_seen = progress["n"]
        assert loaded.answers["kept"].value == "réponse d'avant"
    AnswerStore.open(path)  # reopening cleans temp files left by killed writers
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_save_fsyncs_the_answers_folder_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each save fsyncs the file, then the folder once the new file is in place (power cuts)."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path)
    seen: list[tuple[str, bool]] = []
    real = os.fsync

    def recording(descriptor: int) -> None:  # watches the real call, then makes it
        kind = "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"
        seen.append((kind, "réponse" in path.read_text("utf-8")))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    store.set("q1", "réponse")
    assert seen == [("file", False), ("folder", True)]


def test_a_broken_file_moved_aside_is_moved_durably(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moving a corrupt answers file aside fsyncs the folder, so the copy survives a power cut."""
    path = tmp_path / "a.answers.json"
    path.write_text("{ pas du JSON", "utf-8")
    folders: list[int] = []
    real = os.fsync

    def recording(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            folders.append(descriptor)
        real(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    with pytest.raises(AnswerStoreError):
        AnswerStore.open(path)
    assert len(list(tmp_path.glob("a.answers.json.corrupt-*"))) == 1
    assert folders
