"""Helpers for the erasure tests: an answers file written as the store writes it."""

from __future__ import annotations

import json
from pathlib import Path


def write_answers(path: Path, participant: str) -> Path:
    """An empty answers file of `participant` at `path` (folders created); returns `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "schema_version": 1,
        "participant_id": participant,
        "session_id": "s",
        "answers": {},
    }
    path.write_text(json.dumps(document), "utf-8")
    return path
