"""``manifest.json``: what was built for whom, with checksums, durations and errors.

The manifest is rewritten (atomically) after every participant, so an interrupted batch can be
resumed: a participant is skipped when its entry is ``ok``, its inputs hash is unchanged and every
requested file is still there with the recorded checksum.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from parler_kit.atomic import write_atomic
from parler_kit.production.files import sha256_file

MANIFEST_NAME = "manifest.json"
SCHEMA_VERSION = 1

Status = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True)
class ParticipantError:
    """Why a participant's build failed: a French message and, when known, the failing cell."""

    message: str
    cell: int | None = None


@dataclass(frozen=True)
class Entry:
    """One participant's line of the manifest."""

    participant_id: str
    full_name: str
    row: int
    status: Status
    inputs_hash: str
    files: dict[str, str] = field(default_factory=dict)  # file name in <id>/ → sha256
    duration_s: float = 0.0
    error: ParticipantError | None = None


def load_entries(out: Path) -> dict[str, Entry]:
    """Entries of an existing manifest (empty when absent or unreadable: everything is rebuilt)."""
    try:
        data = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
        if data.get("schema_version") != SCHEMA_VERSION:
            return {}
        entries = {}
        for pid, raw in data["participants"].items():
            error = raw.get("error")
            entries[pid] = Entry(
                participant_id=pid,
                full_name=raw["full_name"],
                row=raw["row"],
                status=raw["status"],
                inputs_hash=raw["inputs_hash"],
                files=dict(raw["files"]),
                duration_s=raw["duration_s"],
                error=ParticipantError(**error) if error else None,
            )
        return entries
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def is_up_to_date(entry: Entry | None, inputs_hash: str, folder: Path, names: list[str]) -> bool:
    """Whether `entry` already covers these inputs with every file in `names` intact."""
    if entry is None or entry.status not in ("ok", "skipped") or entry.inputs_hash != inputs_hash:
        return False
    for name in names:
        path = folder / name
        if name not in entry.files or not path.is_file() or sha256_file(path) != entry.files[name]:
            return False
    return True


def write_manifest(out: Path, entries: dict[str, Entry], context: dict[str, Any]) -> Path:
    """Write ``out/manifest.json`` atomically; `context` holds batch-wide facts (kit version…)."""
    payload = {
        "schema_version": SCHEMA_VERSION,
        **context,
        "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "participants": {
            pid: {k: v for k, v in asdict(entry).items() if k != "participant_id"}
            for pid, entry in entries.items()
        },
    }
    path = out / MANIFEST_NAME
    write_atomic(path, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return path
