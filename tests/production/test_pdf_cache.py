"""The cache of shared handout sections is pruned of sections no participant used."""

from __future__ import annotations

import os
import time
from pathlib import Path

from parler_kit.production.pdf import CACHE_DIR, prune_cache


def test_prune_keeps_sections_used_by_this_run(tmp_path: Path) -> None:
    """Sections touched since the run started stay; older ones and lock files go."""
    cache = tmp_path / CACHE_DIR
    cache.mkdir()
    old, used, lock = (
        cache / "section-old.pdf",
        cache / "section-used.pdf",
        cache / "section-used.lock",
    )
    for path in (old, used, lock):
        path.write_bytes(b"%PDF")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    prune_cache(tmp_path, started=time.time() - 60)
    assert sorted(p.name for p in cache.iterdir()) == ["section-used.pdf"]


def test_prune_without_cache_folder(tmp_path: Path) -> None:
    """No cache folder (no PDF requested) is not an error."""
    prune_cache(tmp_path, started=time.time())
    assert not (tmp_path / CACHE_DIR).exists()
