"""Writing outputs safely: paths that stay inside the output folder, atomic files, checksums."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from parler_kit.errors import ProductionError
from parler_kit.i18n import ui_text
from parler_kit.roster import is_safe_id
from parler_kit.spreadsheet import neutralise_formula

#: Characters that make a spreadsheet read a cell as a formula (CSV injection).


def participant_dir(out: Path, participant_id: str) -> Path:
    """``out/<id>``, refusing any id that is not one safe path component inside `out`."""
    root = out.resolve()
    target = (root / participant_id).resolve()
    if not is_safe_id(participant_id) or target.parent != root:
        raise ProductionError(ui_text("production.unsafe_path", id=participant_id, out=str(out)))
    return target


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def answers_digest(path: Path) -> str | None:
    """SHA-256 of an answers file that holds answers; None when absent or still empty.

    A fresh answers file (created by the build itself) changes nothing in the handout, so it
    must not count as a changed input on the next run.
    """
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        if isinstance(data, dict) and not data.get("answers"):
            return None
    except (OSError, ValueError):
        pass  # unreadable: hash the bytes, the build will report the problem
    return sha256_file(path)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A ``;`` CSV in UTF-8 with BOM (opens correctly in French Excel), formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise_formula(str(h)) for h in header])
    for row in rows:
        writer.writerow([neutralise_formula("" if v is None else str(v)) for v in row])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
