"""The erasure protocol (RGPD right to erasure): steps, each finding and removing one kind of file.

A **step** (`Step`) looks for one kind of file under the folders the organiser names, removes or
rewrites what it can, and returns one `Outcome` per file: removed, rewritten without the person,
or kept with the reason in French. `run_steps` runs them in order, remembering what each removed
(`Who.handled`). Each package that writes something about a participant exports the step that
erases it (production's runs, admin's documents, the nbgrader course, the room); the ordered
list lives in `parler_kit.erase`, the package the command line calls.

This module is at the bottom of the layers (it imports only `parler_kit.atomic`), so that every
owner of a step can import the protocol.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from parler_kit.atomic import write_atomic

Action = Literal["removed", "rewritten", "kept"]


@dataclass(frozen=True)
class Outcome:
    """What erasure did with one file: removed, rewritten without the person, or kept (why)."""

    path: Path
    action: Action
    reason: str = ""


@dataclass
class Who:
    """The participant being erased, where to look, and the names learnt on the way."""

    participant_id: str
    folders: tuple[Path, ...]
    #: Full names found in production manifests (searched for by the last step, `leftovers`).
    names: set[str] = field(default_factory=set)
    #: Files already dealt with by an earlier step.
    handled: set[Path] = field(default_factory=set)

    def files(self) -> list[Path]:
        """Every file under the folders that no earlier step removed."""
        found: list[Path] = []
        for folder in self.folders:
            if folder.is_dir():
                found.extend(p for p in sorted(folder.rglob("*")) if p.is_file())
        return found


Step = Callable[[Who], list[Outcome]]


def run_steps(who: Who, steps: Sequence[Step]) -> list[Outcome]:
    """Run every step in order; each file removed or rewritten is remembered as handled."""
    outcomes: list[Outcome] = []
    for step in steps:
        done = step(who)
        who.handled.update(o.path for o in done)
        outcomes.extend(done)
    return outcomes


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


def forget_rows(path: Path, participant_id: str) -> bool:
    """Drop the CSV rows whose first cell is the participant's id; whether any was dropped."""
    text = path.read_text("utf-8-sig")
    delimiter = ";" if text.count(";") >= text.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    kept = [row for row in rows if not row or row[0] != participant_id]
    if len(kept) == len(rows):
        return False
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(kept)
    write_atomic(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))
    return True
