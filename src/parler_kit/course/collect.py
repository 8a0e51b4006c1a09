"""Collect returned workbooks into nbgrader's ``submitted/<participant>/<day>/`` folders.

Pipeline: scan the inbox (read-only) → read what each file says about itself → pair each notebook
with its answers file → keep the newest version per participant, day and notebook → copy into
``submitted/``. Everything that could not be placed is reported with the reason, in French.
The inbox is never modified: files are only opened for reading and copied.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from parler_kit.answers import read_answers
from parler_kit.course.config import CourseConfig
from parler_kit.course.identify import (
    CourseNotebook,
    NotebookInfo,
    answers_stem,
    index_course,
    match_course_notebook,
    normalise_stem,
    read_notebook_info,
)
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import ui_text


@dataclass(frozen=True)
class Candidate:
    """A returned notebook identified as one participant's copy of one course notebook."""

    participant_id: str
    notebook: CourseNotebook
    notebook_path: Path
    answers_path: Path | None
    #: Last change recorded in the answers file (ISO 8601 UTC), else the notebook's mtime.
    last_change: str


@dataclass(frozen=True)
class Placed:
    """A workbook copied into nbgrader's submitted folder."""

    participant_id: str
    day: str
    notebook: str
    source: Path
    answers_source: Path | None
    destination: Path


@dataclass(frozen=True)
class Skipped:
    """A file of the inbox that was not placed, and why (French)."""

    path: Path
    reason: str


@dataclass
class CollectReport:
    """What `collect` did: placed workbooks, older copies set aside, files it could not match."""

    placed: list[Placed] = field(default_factory=list)
    older: list[Skipped] = field(default_factory=list)
    unmatched: list[Skipped] = field(default_factory=list)


def collect(
    inbox: Path,
    course: CourseConfig,
    *,
    participants: Collection[str] | None = None,
    session_id: str | None = None,
) -> CollectReport:
    """Place every returned workbook found under `inbox` into ``course.submitted``.

    `participants` (the roster's ids) and `session_id`, when given, reject workbooks of someone
    not on the roster or from another session. An older copy than what is already in
    ``submitted/`` never replaces it.
    """
    report = CollectReport()
    course_notebooks = index_course(course.source)
    notebooks, answers = _scan(inbox, report)
    candidates: dict[tuple[str, str, str], list[Candidate]] = {}
    used_answers: set[Path] = set()
    for info in notebooks:
        answers_path = _pair(info, answers)
        if answers_path is not None:
            used_answers.add(answers_path)
        candidate = _identify(
            info, answers_path, answers, course_notebooks, participants, session_id, report
        )
        if candidate is None:
            continue
        key = (candidate.participant_id, candidate.notebook.day, candidate.notebook.name)
        candidates.setdefault(key, []).append(candidate)
    for path in sorted(set(answers) - used_answers):
        report.unmatched.append(Skipped(path, ui_text("course.collect.answers_without_notebook")))
    for versions in candidates.values():
        versions.sort(key=lambda c: (c.last_change, str(c.notebook_path)), reverse=True)
        newest, *older = versions
        for candidate in older:
            report.older.append(
                Skipped(
                    candidate.notebook_path,
                    ui_text("course.collect.older", newest=newest.notebook_path.name),
                )
            )
        placed = _place(newest, course)
        if placed is None:
            report.older.append(
                Skipped(newest.notebook_path, ui_text("course.collect.already_newer"))
            )
        else:
            report.placed.append(placed)
    return report


def _scan(
    inbox: Path, report: CollectReport
) -> tuple[list[NotebookInfo], dict[Path, tuple[str, str | None, str | None, str]]]:
    """Read every notebook and answers file under `inbox`; anything else is reported as ignored."""
    notebooks: list[NotebookInfo] = []
    # answers path → (normalised stem, participant id, session id, last change)
    answers: dict[Path, tuple[str, str | None, str | None, str]] = {}
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        if ".ipynb_checkpoints" in path.parts:
            continue
        stem = answers_stem(path)
        if path.suffix == ".ipynb":
            try:
                notebooks.append(read_notebook_info(path))
            except ValueError:
                report.unmatched.append(
                    Skipped(path, ui_text("course.collect.unreadable_notebook"))
                )
        elif stem is not None:
            try:
                data = read_answers(path)
            except AnswerStoreError as error:
                report.unmatched.append(
                    Skipped(path, ui_text("course.collect.bad_answers", error=str(error)))
                )
                continue
            last = max((a.changed_at for a in data.answers.values()), default="")
            answers[path] = (stem, data.participant_id, data.session_id, last)
        else:
            report.unmatched.append(Skipped(path, ui_text("course.collect.not_a_workbook")))
    return notebooks, answers


def _identify(
    info: NotebookInfo,
    answers_path: Path | None,
    answers: dict[Path, tuple[str, str | None, str | None, str]],
    course_notebooks: tuple[CourseNotebook, ...],
    participants: Collection[str] | None,
    session_id: str | None,
    report: CollectReport,
) -> Candidate | None:
    """Match one notebook to a participant and a course notebook, or report why not."""
    answers_info = answers.get(answers_path) if answers_path else None
    participant = info.participant_id or (answers_info[1] if answers_info else None)
    session = info.session_id or (answers_info[2] if answers_info else None)
    if (
        answers_info
        and info.participant_id
        and answers_info[1]
        and answers_info[1] != info.participant_id
    ):
        report.unmatched.append(
            Skipped(
                info.path,
                ui_text(
                    "course.collect.ids_disagree",
                    notebook=info.participant_id,
                    answers=answers_info[1],
                ),
            )
        )
        return None
    if participant is None:
        report.unmatched.append(Skipped(info.path, ui_text("course.collect.no_participant")))
        return None
    if participants is not None and participant not in participants:
        report.unmatched.append(
            Skipped(info.path, ui_text("course.collect.not_in_roster", participant=participant))
        )
        return None
    if session_id is not None and session is not None and session != session_id:
        report.unmatched.append(
            Skipped(
                info.path,
                ui_text("course.collect.other_session", session=session, expected=session_id),
            )
        )
        return None
    notebook = match_course_notebook(info, course_notebooks)
    if notebook is None:
        report.unmatched.append(Skipped(info.path, ui_text("course.collect.unknown_notebook")))
        return None
    mtime = dt.datetime.fromtimestamp(info.path.stat().st_mtime, dt.UTC).isoformat()
    last_change = answers_info[3] if answers_info and answers_info[3] else mtime
    return Candidate(participant, notebook, info.path, answers_path, last_change)


def _pair(
    info: NotebookInfo, answers: dict[Path, tuple[str, str | None, str | None, str]]
) -> Path | None:
    """The answers file beside a notebook: same name first, then same name without copy marks."""
    exact = info.path.with_name(f"{info.path.stem}.answers.json")
    if exact in answers:
        return exact
    stem = normalise_stem(info.path.stem)
    same_folder = [
        path
        for path, (a_stem, a_participant, _, _) in answers.items()
        if path.parent == info.path.parent
        and a_stem == stem
        and (info.participant_id is None or a_participant in (None, info.participant_id))
    ]
    if not same_folder:
        return None
    return max(same_folder, key=lambda p: (answers[p][3], str(p)))


def _place(candidate: Candidate, course: CourseConfig) -> Placed | None:
    """Copy a notebook and its answers file into submitted/, unless what is there is newer."""
    folder = course.submitted / candidate.participant_id / candidate.notebook.day
    notebook_dest = folder / f"{candidate.notebook.name}.ipynb"
    answers_dest = folder / f"{candidate.notebook.name}.answers.json"
    if _existing_last_change(answers_dest) > candidate.last_change:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    _copy_atomic(candidate.notebook_path, notebook_dest)
    if candidate.answers_path is not None:
        _copy_atomic(candidate.answers_path, answers_dest)
    (folder / "timestamp.txt").write_text(_nbgrader_timestamp(candidate.last_change), "utf-8")
    return Placed(
        candidate.participant_id,
        candidate.notebook.day,
        candidate.notebook.name,
        candidate.notebook_path,
        candidate.answers_path,
        notebook_dest,
    )


def _existing_last_change(answers_file: Path) -> str:
    if not answers_file.is_file():
        return ""
    try:
        data = read_answers(answers_file)
    except AnswerStoreError:
        return ""
    return max((a.changed_at for a in data.answers.values()), default="")


def _copy_atomic(source: Path, destination: Path) -> None:
    """Copy through a temporary file so an interrupted collect never leaves half a notebook."""
    handle, temp = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.")
    os.close(handle)
    try:
        shutil.copyfile(source, temp)
        Path(temp).replace(destination)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _nbgrader_timestamp(iso: str) -> str:
    """The submission time in the format nbgrader's ``timestamp.txt`` expects."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        moment = dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
