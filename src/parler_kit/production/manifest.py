"""``manifest.json``: what was built for whom, with checksums, durations and errors.

The manifest is rewritten (atomically) after every participant, so an interrupted batch can be
resumed: a participant is skipped when its entry is ``ok``, its inputs hash is unchanged and every
requested file is still there with the recorded checksum. ``manifest.csv`` is its one-line-per-
participant summary for a spreadsheet.

This module is the format's only reader: erasure's step for production runs (`production_runs`)
is here too, with `participant_name` and `forget_participant`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from parler_kit.atomic import write_atomic
from parler_kit.erasure import Outcome, Who, forget_rows, remove
from parler_kit.production.files import sha256_file

MANIFEST_NAME = "manifest.json"
#: The manifest's summary, one row per participant (``id;nom;statut…``), for a spreadsheet.
MANIFEST_CSV = "manifest.csv"
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


def participant_name(run: Path, participant_id: str) -> str | None:
    """The participant's full name in the run's manifest; None when it does not list them.

    Read leniently (any readable manifest, whatever its schema): erasure must find a person in
    the manifest of an older kit too.
    """
    try:
        data = json.loads((run / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    participants = data.get("participants") if isinstance(data, dict) else None
    if not isinstance(participants, dict) or participant_id not in participants:
        return None
    entry = participants[participant_id]
    name = entry.get("full_name") if isinstance(entry, dict) else None
    return name if isinstance(name, str) else ""


def forget_participant(run: Path, participant_id: str) -> list[Path]:
    """Drop the participant's entry from ``manifest.json`` and row from ``manifest.csv``.

    Returns the manifest files that were rewritten (atomically).
    """
    rewritten = []
    manifest = run / MANIFEST_NAME
    if participant_name(run, participant_id) is not None:
        data = json.loads(manifest.read_text("utf-8"))
        del data["participants"][participant_id]
        write_atomic(
            manifest, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        )
        rewritten.append(manifest)
    summary = run / MANIFEST_CSV
    if summary.is_file() and forget_rows(summary, participant_id):
        rewritten.append(summary)
    return rewritten


def production_runs(who: Who) -> list[Outcome]:
    """Erasure step: the participant's folder of each production run and their manifest lines.

    A run is a folder holding a ``manifest.json`` that lists them; their folder ``<run>/<id>/``
    holds their workbook, answers and handouts. The name found is remembered (`Who.names`) for
    the last step's search. The section cache (``<run>/.cache/``) holds nothing personal
    (`parler_kit.production.pdf`).
    """
    outcomes = []
    for folder in who.folders:
        for manifest in sorted(folder.rglob(MANIFEST_NAME)) if folder.is_dir() else []:
            run = manifest.parent
            name = participant_name(run, who.participant_id)
            if name is None:
                continue
            who.names.add(name)
            outcomes += [Outcome(p, "removed") for p in remove([run / who.participant_id])]
            outcomes += [
                Outcome(p, "rewritten") for p in forget_participant(run, who.participant_id)
            ]
    return outcomes
