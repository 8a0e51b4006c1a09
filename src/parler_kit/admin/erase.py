"""Find and remove what the kit wrote about one participant (RGPD right to erasure).

`participant_files` looks, under the folders the organiser names, for the participant's
certificate, their answers files (recognised by the participant id written inside) with the
store's lock file and any broken copy kept aside (``.corrupt-<timestamp>``), and their
folder of a production run (``<out>/<id>/`` listed in that run's ``manifest.json``); `remove`
deletes paths and says what it removed; `forget_in_manifest` drops the participant's line from
a production manifest (JSON and its CSV summary), since it holds their name.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from parler_kit.admin.attestations import ATTESTATION_PREFIX
from parler_kit.answers import read_answers
from parler_kit.errors import AnswerStoreError

MANIFEST = "manifest.json"
MANIFEST_CSV = "manifest.csv"


def participant_files(participant_id: str, folders: Iterable[Path]) -> list[Path]:
    """Every file or folder under `folders` that belongs to the participant (read-only search)."""
    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        if (
            _manifest_lists(folder / MANIFEST, participant_id)
            and (folder / participant_id).is_dir()
        ):
            found.add(folder / participant_id)
        for path in folder.rglob("*"):
            if not path.is_file() or any(parent in found for parent in path.parents):
                continue
            if path.name == f"{ATTESTATION_PREFIX}{participant_id}.pdf" or (
                ".answers" in path.name
                and path.suffix == ".json"
                and _answers_of(path) == participant_id
            ):
                found.add(path)
                # The store's lock file and the copies it kept aside belong with the answers.
                found.update(p for p in path.parent.glob(f"{path.name}.*") if p.is_file())
            elif ".corrupt-" in path.name and _mentions(path, participant_id):
                found.add(path)  # a broken copy kept aside, still holding their answers
    return sorted(found)


def _mentions(path: Path, participant_id: str) -> bool:
    """Whether a file that may not parse any more still names the participant."""
    try:
        return json.dumps(participant_id) in path.read_text("utf-8", errors="replace")
    except OSError:
        return False


def _manifest_lists(manifest: Path, participant_id: str) -> bool:
    try:
        data = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    participants = data.get("participants") if isinstance(data, dict) else None
    return isinstance(participants, dict) and participant_id in participants


def _answers_of(path: Path) -> str | None:
    try:
        return read_answers(path).participant_id
    except AnswerStoreError:
        return None


def remove(paths: Iterable[Path]) -> list[Path]:
    """Delete each path (a folder with everything in it); return those actually removed."""
    removed = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        else:
            continue
        removed.append(path)
    return removed


def forget_in_manifest(folder: Path, participant_id: str) -> list[Path]:
    """Drop the participant's entry from ``manifest.json`` and row from ``manifest.csv``.

    Returns the manifest files that were rewritten (atomically).
    """
    rewritten = []
    manifest = folder / MANIFEST
    if _manifest_lists(manifest, participant_id):
        data = json.loads(manifest.read_text("utf-8"))
        del data["participants"][participant_id]
        _write_atomic(manifest, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        rewritten.append(manifest)
    summary = folder / MANIFEST_CSV
    if summary.is_file():
        text = summary.read_text("utf-8-sig")
        delimiter = ";" if text.count(";") >= text.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        kept = [row for row in rows if not row or row[0] != participant_id]
        if len(kept) != len(rows):
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(kept)
            _write_atomic(summary, "\ufeff" + buffer.getvalue())
            rewritten.append(summary)
    return rewritten


def _write_atomic(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    Path(temp).replace(path)
