"""The participant's answer store: one JSON file per workbook, every change written at once.

Safety rules, because participants must never lose an answer:

* every write goes to a temporary file in the same folder, is flushed and fsynced, then
  `os.replace`\\ d over the answers file, and the folder is fsynced (`parler_kit.atomic`), so a
  killed kernel leaves either the old or the new file, and a power cut does not undo a save;
* writers take an exclusive `fcntl.flock` on ``<file>.lock`` and re-read the file under it, so two
  kernels with the same workbook open never lose each other's answers to *different* keys;
* a file that does not parse (hand edit, unknown ``schema_version``) is moved aside to
  ``<file>.corrupt-<timestamp>`` and the error names both paths: it is never overwritten silently.

Reads do not take the lock (the file is always whole thanks to `os.replace`) and are served from
memory while the file's inode, size and modification time are unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from parler_kit.answers.fileformat import AnswersFile, FormatProblem, StoredAnswer, dump, parse
from parler_kit.answers.files import answers_name
from parler_kit.atomic import locked, move, partial_path, write_atomic
from parler_kit.environment import PARTICIPANT_ID, SESSION_ID, variable
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import ui_text
from parler_kit.i18n.oserrors import os_error_cause

_StatKey = tuple[int, int, int, int]


def answers_path_for(notebook: Path) -> Path:
    """The answers file that goes with a notebook: ``<dir>/<stem>.answers.json``."""
    notebook = Path(notebook)
    return notebook.with_name(answers_name(notebook.stem))


def read_answers(path: Path) -> AnswersFile:
    """Read an answers file without changing anything on disk (reports, collection, grading).

    Raises AnswerStoreError (French) when the file is missing, unreadable, corrupt or of an unknown
    version; unlike `AnswerStore.open`, it never moves the file aside.
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise AnswerStoreError(ui_text("answers.error.missing", path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        cause = os_error_cause(error)
        raise AnswerStoreError(
            ui_text("answers.error.unreadable", path=path, reason=cause), reason=cause
        ) from None
    try:
        return parse(text, path)
    except FormatProblem as problem:
        raise AnswerStoreError(
            ui_text("answers.error.corrupt_readonly", path=path, reason=problem),
            reason=str(problem),
        ) from None


def utc_now_iso() -> str:
    """The current time as ISO 8601 UTC with milliseconds (e.g. ``2026-03-03T09:15:02.123Z``)."""
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


class AnswerStore:
    """Read and write one answers file; create it with `AnswerStore.open`."""

    def __init__(
        self, path: Path, participant_id: str | None, session_id: str | None, *, _token: object
    ) -> None:
        if _token is not _OPEN_TOKEN:
            raise TypeError("Use AnswerStore.open(path) to create an AnswerStore")
        self._path = path
        self._participant_id = participant_id
        self._session_id = session_id
        self._cache: tuple[_StatKey, dict[str, StoredAnswer]] | None = None

    # -- creation -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, participant_id: str | None = None, session_id: str | None = None
    ) -> AnswerStore:
        """Open (creating it if missing) the answers file at `path`.

        A corrupt or unknown-version file is moved aside to ``<name>.corrupt-<timestamp>`` and
        AnswerStoreError is raised naming both paths; opening again then starts a fresh file.
        A file that belongs to another participant id is refused (AnswerStoreError). Without
        `participant_id` / `session_id`, the environment's ``PARLER_KIT_PARTICIPANT_ID`` /
        ``PARLER_KIT_SESSION_ID`` (set in a training room) are used.
        """
        path = Path(path).absolute()
        # In a training room each person's server runs with their identity in the environment
        # (parler_kit.room.spawner): every file a widget opens there records, and is checked
        # against, its owner, even when the notebook did not say whose answers these are.
        participant_id = participant_id or variable(PARTICIPANT_ID)
        session_id = session_id or variable(SESSION_ID)
        store = cls(path, participant_id, session_id, _token=_OPEN_TOKEN)
        with store._locked():
            store._remove_stale_temp_files()
            current = store._load_locked()
            if current is None:
                store._write_locked({})
                return store
            if participant_id and current.participant_id not in (None, participant_id):
                raise AnswerStoreError(
                    ui_text(
                        "answers.error.participant",
                        path=path,
                        found=current.participant_id,
                        expected=participant_id,
                    )
                )
            store._participant_id = participant_id or current.participant_id
            store._session_id = session_id or current.session_id
            if (store._participant_id, store._session_id) != (
                current.participant_id,
                current.session_id,
            ):
                store._write_locked(current.answers)
        return store

    # -- reading --------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The answers file (absolute)."""
        return self._path

    @property
    def participant_id(self) -> str | None:
        """The participant the answers belong to, if known."""
        return self._participant_id

    @property
    def session_id(self) -> str | None:
        """The training session the answers belong to, if known."""
        return self._session_id

    def get(self, key: str) -> StoredAnswer | None:
        """The stored answer for `key`, as currently on disk, or None."""
        return self._answers().get(key)

    def items(self) -> dict[str, StoredAnswer]:
        """Every stored answer by key (a copy: changing it does not change the store)."""
        return dict(self._answers())

    # -- writing --------------------------------------------------------------------------------

    def set(
        self,
        key: str,
        value: Any,
        *,
        score: float | None = None,
        max_score: float | None = None,
    ) -> StoredAnswer:
        """Save `value` (plain JSON data) under `key` at once; attempts grows by one.

        Other keys are taken from the file as it is on disk now, under the lock, so a change made
        by another kernel since this store last read the file is kept.
        """
        _check_key(key)
        plain = _plain_json(key, value)
        with self._locked():
            current = self._load_locked()
            answers = dict(current.answers) if current else {}
            previous = answers.get(key)
            answer = StoredAnswer(
                value=plain,
                changed_at=utc_now_iso(),
                attempts=(previous.attempts if previous else 0) + 1,
                score=None if score is None else float(score),
                max_score=None if max_score is None else float(max_score),
            )
            answers[key] = answer
            self._write_locked(answers)
        return answer

    def delete(self, key: str) -> None:
        """Remove the answer stored under `key` (nothing happens when there is none)."""
        _check_key(key)
        with self._locked():
            current = self._load_locked()
            if current is None or key not in current.answers:
                return
            answers = dict(current.answers)
            del answers[key]
            self._write_locked(answers)

    # -- internals ------------------------------------------------------------------------------

    @property
    def _lock_path(self) -> Path:
        return self._path.with_name(self._path.name + ".lock")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the exclusive lock on ``<file>.lock`` (a separate file: os.replace swaps inodes)."""
        with contextlib.ExitStack() as stack:
            try:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                stack.enter_context(locked(self._lock_path))
            except OSError as error:
                raise AnswerStoreError(
                    ui_text(
                        "answers.error.unreadable", path=self._path, reason=os_error_cause(error)
                    )
                ) from None
            yield

    def _stat_key(self) -> _StatKey | None:
        try:
            info = self._path.stat()
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def _answers(self) -> dict[str, StoredAnswer]:
        """The answers on disk, from memory when the file has not changed since the last read."""
        key = self._stat_key()
        if key is not None and self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        with self._locked():
            current = self._load_locked()
        return current.answers if current else {}

    def _load_locked(self) -> AnswersFile | None:
        """Read and parse the file (lock held); move a corrupt file aside and raise."""
        key = self._stat_key()
        if key is None:
            self._cache = None
            return None
        try:
            text = self._path.read_text("utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:
            raise AnswerStoreError(
                ui_text("answers.error.unreadable", path=self._path, reason=os_error_cause(error))
            ) from None
        except UnicodeDecodeError as error:
            self._set_aside(os_error_cause(error))
        try:
            loaded = parse(text, self._path)
        except FormatProblem as problem:
            self._set_aside(str(problem))
        self._cache = (key, loaded.answers)
        return loaded

    def _set_aside(self, reason: str) -> NoReturn:
        """Move the unreadable file to ``<name>.corrupt-<timestamp>`` and raise saying so."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self._path.with_name(f"{self._path.name}.corrupt-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self._path.with_name(f"{self._path.name}.corrupt-{stamp}-{counter}")
        move(self._path, aside)
        self._cache = None
        raise AnswerStoreError(
            ui_text("answers.error.corrupt", path=self._path, reason=reason, aside=aside)
        )

    def _write_locked(self, answers: dict[str, StoredAnswer]) -> None:
        """Write the whole file atomically and durably (`parler_kit.atomic.write_atomic`), 0600."""
        data = dump(self._participant_id, self._session_id, answers).encode("utf-8")
        try:
            write_atomic(self._path, data, private=True)
        except OSError as error:
            raise AnswerStoreError(
                ui_text("answers.error.unreadable", path=self._path, reason=os_error_cause(error))
            ) from None
        key = self._stat_key()
        self._cache = (key, answers) if key is not None else None

    def _remove_stale_temp_files(self) -> None:
        """Delete the temp file left by a writer killed mid-write (safe: we hold the lock).

        ``.<name>.<random>.tmp`` files are those the kit's versions before 2026-12 left.
        """
        stale = [partial_path(self._path), *self._path.parent.glob(f".{self._path.name}.*.tmp")]
        for leftover in stale:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


_OPEN_TOKEN = object()


def _check_key(key: object) -> None:
    if not isinstance(key, str) or not key.strip():
        raise AnswerStoreError(ui_text("answers.error.bad_key", item=key))


def _plain_json(key: str, value: Any) -> Any:
    """`value` as plain JSON data (tuples become lists), or AnswerStoreError if it is not JSON."""
    try:
        return json.loads(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError) as error:
        raise AnswerStoreError(ui_text("answers.error.not_json", item=key, reason=error)) from None
