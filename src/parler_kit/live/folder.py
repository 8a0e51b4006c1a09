"""Read a class folder of answers files, read-only, re-parsing only the files that changed.

The folder holds one sub-folder per participant (``FOLDER/<participant id>/``, as in the room's
``ROOM/participants/``), with answers files anywhere below it (``carnet/workbook.answers.json``,
``day2/carnet.answers.json``…). Files go through `parler_kit.answers.read_answers`, which never
writes. A file that cannot be read (corrupt, half-written, unknown version) or that names another
participant than its folder is skipped and counted. A participant who erased their data has no
files left, so nothing of theirs is read. Released days are the ``dayN`` folders found.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from parler_kit.answers import AnswersFile, is_answers_name, read_answers
from parler_kit.errors import AnswerStoreError

_DAY = re.compile(r"^day(\d+)$")
_StatKey = tuple[int, int, int]


@dataclass(frozen=True)
class ClassAnswers:
    """The valid answers files by participant folder, and what the home page counts."""

    files: dict[str, list[AnswersFile]] = field(default_factory=dict)
    participants: int = 0
    skipped: int = 0
    days: frozenset[int] = frozenset()


def since(data: AnswersFile, moment: str | None) -> AnswersFile:
    """The file with only the answers changed at or after `moment` (ISO 8601 UTC), if given."""
    if moment is None:
        return data
    return replace(data, answers={k: a for k, a in data.answers.items() if a.changed_at >= moment})


class ClassFolder:
    """A class folder read again on demand; unchanged files are served from memory."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._cache: dict[Path, tuple[_StatKey, AnswersFile | None]] = {}
        self._signature: tuple[tuple[str, _StatKey], ...] = ()

    def _listing(self) -> tuple[list[str], dict[Path, tuple[str, _StatKey]], set[int]]:
        people: list[str] = []
        found: dict[Path, tuple[str, _StatKey]] = {}
        days: set[int] = set()
        try:
            entries = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError:
            return people, found, days
        for entry in entries:
            if not entry.is_dir() or entry.name.startswith("."):
                continue
            people.append(entry.name)
            for folder, dirs, names in os.walk(entry.path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                if folder == entry.path:
                    days.update(int(m.group(1)) for d in dirs if (m := _DAY.match(d)))
                for name in names:
                    if not is_answers_name(name):
                        continue
                    path = Path(folder, name)
                    try:
                        stat = path.stat()
                    except OSError:
                        continue
                    found[path] = (entry.name, (stat.st_ino, stat.st_size, stat.st_mtime_ns))
        return people, found, days

    def read(self) -> tuple[ClassAnswers, bool]:
        """The folder's answers now, and whether any file changed since the last call."""
        people, found, days = self._listing()
        signature = tuple(sorted((str(p), key) for p, (_who, key) in found.items()))
        changed = signature != self._signature
        self._signature = signature
        files: dict[str, list[AnswersFile]] = {}
        skipped = 0
        cache: dict[Path, tuple[_StatKey, AnswersFile | None]] = {}
        for path, (who, key) in sorted(found.items()):
            cached = self._cache.get(path)
            data = cached[1] if cached is not None and cached[0] == key else _read(path)
            cache[path] = (key, data)
            if data is None or data.participant_id not in (None, who):
                skipped += 1
                continue
            files.setdefault(who, []).append(data)
        self._cache = cache
        return ClassAnswers(files, len(people), skipped, frozenset(days)), changed


def _read(path: Path) -> AnswersFile | None:
    try:
        return read_answers(path)
    except AnswerStoreError:
        return None
