"""Collect returned workbooks into nbgrader's ``submitted/<participant>/<day>/`` folders.

Pipeline: scan the inbox (read-only) → read what each file says about itself → pair each notebook
with its answers file → keep the newest version per participant, day and notebook (and per
answers file) → copy into ``submitted/``. Everything that could not be placed is reported with
the reason, in French. The inbox is never modified: files are only opened for reading and copied.

A notebook's answers file is ``<notebook>.answers.json`` beside it or, as the course notebooks do,
one store shared by every notebook of the folder (``carnet.answers.json``); it keeps its name in
``submitted/`` because that is the name the notebook opens when nbgrader runs it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from parler_kit.answers import read_answers
from parler_kit.answers.files import answers_name as answers_file_name
from parler_kit.atomic import replacing
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


class AnswersInfo(NamedTuple):
    """What an answers file of the inbox says about itself."""

    stem: str  # workbook stem, copy marks removed
    participant_id: str | None
    session_id: str | None
    last_change: str  # latest ``changed_at`` of its answers, "" when it holds none


@dataclass(frozen=True)
class Candidate:
    """A returned notebook identified as one participant's copy of one course notebook."""

    participant_id: str
    notebook: CourseNotebook
    notebook_path: Path
    answers_path: Path | None
    #: File name the answers get in submitted/ (what the notebook opens), when there are answers.
    answers_name: str | None
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
    candidates: list[Candidate] = []
    used_answers: set[Path] = set()
    for info in notebooks:
        paired = _pair(info, answers, notebooks)
        if paired is not None:
            used_answers.add(paired[0])
        candidate = _identify(
            info, paired, answers, course_notebooks, participants, session_id, report
        )
        if candidate is not None:
            candidates.append(candidate)
    for path in sorted(set(answers) - used_answers):
        report.unmatched.append(Skipped(path, ui_text("course.collect.answers_without_notebook")))
    _place_newest(candidates, answers, course, report)
    return report


def _scan(inbox: Path, report: CollectReport) -> tuple[list[NotebookInfo], dict[Path, AnswersInfo]]:
    """Read every notebook and answers file under `inbox`; anything else is reported as ignored."""
    notebooks: list[NotebookInfo] = []
    answers: dict[Path, AnswersInfo] = {}
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        if ".ipynb_checkpoints" in path.parts or _is_housekeeping(path):
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
            answers[path] = AnswersInfo(stem, data.participant_id, data.session_id, last)
        else:
            report.unmatched.append(Skipped(path, ui_text("course.collect.not_a_workbook")))
    return notebooks, answers


def _is_housekeeping(path: Path) -> bool:
    """A lock or temporary file the answer store leaves beside a workbook: not worth reporting."""
    return path.name.endswith(".lock") or path.name.startswith(".")


def _pair(
    info: NotebookInfo, answers: dict[Path, AnswersInfo], notebooks: list[NotebookInfo]
) -> tuple[Path, str] | None:
    """The answers file of a notebook and the name it must keep, or None when there is none.

    First the notebook's own (same name, copy marks aside), then the store its folder shares:
    an answers file of the same folder named after no notebook there (``carnet.answers.json``).
    Among several copies, the newest that does not name another participant wins.
    """
    folder = [(path, found) for path, found in answers.items() if path.parent == info.path.parent]
    stem = normalise_stem(info.path.stem)
    own = [(p, f) for p, f in folder if f.stem.casefold() == stem]
    if not own:
        notebook_stems = {
            normalise_stem(n.path.stem) for n in notebooks if n.path.parent == info.path.parent
        }
        own = [(p, f) for p, f in folder if f.stem.casefold() not in notebook_stems]
        if len({f.stem.casefold() for _, f in own}) != 1:
            return None
    if info.participant_id is not None:
        # Several participants' files may share a folder: prefer the notebook's own; a file
        # naming someone else is kept only so that `_identify` reports the disagreement.
        same = [(p, f) for p, f in own if f.participant_id in (None, info.participant_id)]
        own = same or own
    path, found = max(own, key=lambda item: (item[1].last_change, str(item[0])))
    return path, found.stem


def _identify(
    info: NotebookInfo,
    paired: tuple[Path, str] | None,
    answers: dict[Path, AnswersInfo],
    course_notebooks: tuple[CourseNotebook, ...],
    participants: Collection[str] | None,
    session_id: str | None,
    report: CollectReport,
) -> Candidate | None:
    """Match one notebook to a participant and a course notebook, or report why not."""
    found = answers[paired[0]] if paired else None
    participant = info.participant_id or (found.participant_id if found else None)
    session = info.session_id or (found.session_id if found else None)
    if found and info.participant_id and found.participant_id not in (None, info.participant_id):
        report.unmatched.append(
            Skipped(info.path, ui_text("course.collect.ids_disagree",
                                       notebook=info.participant_id, answers=found.participant_id))
        )  # fmt: skip
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
            Skipped(info.path, ui_text("course.collect.other_session",
                                       session=session, expected=session_id))
        )  # fmt: skip
        return None
    notebook = match_course_notebook(info, course_notebooks)
    if notebook is None:
        report.unmatched.append(Skipped(info.path, ui_text("course.collect.unknown_notebook")))
        return None
    mtime = dt.datetime.fromtimestamp(info.path.stat().st_mtime, dt.UTC).isoformat()
    last_change = found.last_change if found and found.last_change else mtime
    answers_name = None
    if paired is not None:
        own = paired[1].casefold() == normalise_stem(info.path.stem)
        answers_name = answers_file_name(notebook.name if own else paired[1])
    return Candidate(
        participant, notebook, info.path, paired[0] if paired else None, answers_name, last_change
    )


def _place_newest(
    candidates: list[Candidate],
    answers: dict[Path, AnswersInfo],
    course: CourseConfig,
    report: CollectReport,
) -> None:
    """Copy the newest notebook per participant/day/notebook and the newest answers per file."""
    by_notebook: dict[tuple[str, str, str], list[Candidate]] = {}
    newest_answers: dict[tuple[str, str, str], Path] = {}
    for candidate in candidates:
        key = (candidate.participant_id, candidate.notebook.day, candidate.notebook.name)
        by_notebook.setdefault(key, []).append(candidate)
        if candidate.answers_path is not None and candidate.answers_name is not None:
            answers_key = (candidate.participant_id, candidate.notebook.day, candidate.answers_name)
            current = newest_answers.get(answers_key)
            if (
                current is None
                or answers[candidate.answers_path].last_change > answers[current].last_change
            ):
                newest_answers[answers_key] = candidate.answers_path
    for versions in by_notebook.values():
        versions.sort(key=lambda c: (c.last_change, str(c.notebook_path)), reverse=True)
        newest, *older = versions
        for candidate in older:
            reason = ui_text("course.collect.older", newest=newest.notebook_path.name)
            report.older.append(Skipped(candidate.notebook_path, reason))
        folder = course.submitted / newest.participant_id / newest.notebook.day
        existing = (
            _existing_last_change(folder / newest.answers_name) if newest.answers_name else ""
        )
        if existing > newest.last_change:
            report.older.append(
                Skipped(newest.notebook_path, ui_text("course.collect.already_newer"))
            )
            continue
        folder.mkdir(parents=True, exist_ok=True)
        destination = folder / f"{newest.notebook.name}.ipynb"
        _copy_atomic(newest.notebook_path, destination)
        (folder / "timestamp.txt").write_text(nbgrader_timestamp(newest.last_change), "utf-8")
        report.placed.append(
            Placed(newest.participant_id, newest.notebook.day, newest.notebook.name,
                   newest.notebook_path, newest.answers_path, destination)
        )  # fmt: skip
    for (participant, day, name), source in newest_answers.items():
        destination = course.submitted / participant / day / name
        if (
            destination.parent.is_dir()
            and _existing_last_change(destination) <= answers[source].last_change
        ):
            _copy_atomic(source, destination)


def _existing_last_change(answers_file: Path) -> str:
    """Latest change recorded in an answers file already in submitted/ ("" when none)."""
    if not answers_file.is_file():
        return ""
    try:
        data = read_answers(answers_file)
    except AnswerStoreError:
        return ""
    return max((a.changed_at for a in data.answers.values()), default="")


def _copy_atomic(source: Path, destination: Path) -> None:
    """Copy through a temporary file so an interrupted collect never leaves half a notebook."""
    with replacing(destination, concurrent=True) as temporary:
        shutil.copyfile(source, temporary)


def nbgrader_timestamp(iso: str) -> str:
    """The submission time in the format nbgrader's ``timestamp.txt`` expects."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        moment = dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
