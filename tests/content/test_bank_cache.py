"""The validated content bank is cached on disk, keyed on the data and code: never stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.resources import as_file
from pathlib import Path

import pytest

from parler_kit.content import load_bank_from
from parler_kit.content.loader import (
    bank_cache_dir,
    bank_cache_key,
    default_data_dir,
    load_bank,
)


def _load_in_fresh_process(cache: Path) -> str:
    """Run load_bank() in a new interpreter with `cache` as cache dir; its stdout."""
    code = (
        "from parler_kit.content import load_bank\n"
        "bank = load_bank()\n"
        "print(len(bank.exercises), bank.techniques[0].id)"
    )
    env = {"PARLER_KIT_CACHE_DIR": str(cache), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_a_second_process_reads_the_same_bank_from_the_cache(tmp_path: Path) -> None:
    """The first load writes one cache file; the next process gets an equal bank from it."""
    cache = tmp_path / "cache"
    first = _load_in_fresh_process(cache)
    written = list(cache.glob("content-bank-*.pickle"))
    assert len(written) == 1
    stamp = written[0].stat().st_mtime_ns
    assert _load_in_fresh_process(cache) == first
    assert written[0].stat().st_mtime_ns == stamp  # read, not rewritten


def test_editing_a_data_file_changes_the_key(tmp_path: Path) -> None:
    """A changed YAML file (even one character) gives another cache key."""
    with as_file(default_data_dir()) as shipped:
        data = Path(shutil.copytree(shipped, tmp_path / "data"))
    before = bank_cache_key(data)
    target = sorted(data.glob("*.yaml"))[0]
    target.write_text(target.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert bank_cache_key(data) != before
    assert load_bank_from(data) == load_bank()  # a comment changes no record


def test_a_corrupt_cache_file_is_ignored_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Garbage in the cache file: the bank is validated again and the file rewritten."""
    monkeypatch.setenv("PARLER_KIT_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"content-bank-{bank_cache_key(default_data_dir())}.pickle"
    path.write_bytes(b"not a pickle")
    load_bank.cache_clear()
    try:
        bank = load_bank()
    finally:
        load_bank.cache_clear()
    assert bank.techniques
    assert path.read_bytes() != b"not a pickle"


def test_the_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """PARLER_KIT_CACHE_DIR wins, then $XDG_CACHE_HOME/parler_kit."""
    monkeypatch.setenv("PARLER_KIT_CACHE_DIR", "/srv/room/cache")
    assert bank_cache_dir() == Path("/srv/room/cache")
    monkeypatch.delenv("PARLER_KIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/xdg")
    assert bank_cache_dir() == Path("/tmp/xdg/parler_kit")
