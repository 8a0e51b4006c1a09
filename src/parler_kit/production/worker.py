"""Build one participant's outputs, in a worker process; never raises for expected failures.

The batch-wide inputs (template, session, content bank…) are handed to each worker process once,
by `init_worker`; each job then only carries the participant. Whatever goes wrong for one
participant becomes a ``failed`` manifest entry naming the failing cell when there is one.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from parler_kit.answers import AnswersFile, AnswerStore, read_answers
from parler_kit.atomic import write_atomic
from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import Locale, ui_text
from parler_kit.i18n.oserrors import os_error_text
from parler_kit.production.files import (
    answers_digest,
    participant_dir,
    sha256_file,
)
from parler_kit.production.follow_up import (
    FOLLOW_UP_ANSWERS_NAME,
    FOLLOW_UP_NAME,
    follow_up_notebook,
)
from parler_kit.production.handout import (
    CellError,
    HandoutBody,
    body_key,
    executed_body,
    handout_body,
    handout_parts,
)
from parler_kit.production.kernel import execute_for_print
from parler_kit.production.manifest import Entry, ParticipantError
from parler_kit.production.pdf import body_sections, handout_pdf
from parler_kit.production.personal import ANSWERS_NAME, workbook_parameters
from parler_kit.production.template import Template, check_parameters
from parler_kit.production.workbook import workbook_notebook
from parler_kit.roster import Participant, Session

#: Output file of each format, inside ``<out>/<participant id>/``.
FORMAT_FILES = {"ipynb": "workbook.ipynb", "html": "handout.html", "pdf": "handout.pdf"}


@dataclass(frozen=True)
class BatchContext:
    """What every participant of a batch shares (sent once to each worker process)."""

    template: Template
    notebook: nbformat.NotebookNode
    session: Session
    bank: ContentBank
    formats: tuple[str, ...]
    out: Path
    locale: Locale
    #: "inprocess" (default: the template's show() calls rendered here) or "kernel".
    engine: str = "inprocess"
    #: The follow-up evaluation template, written beside each workbook with the ipynb format.
    follow_up: nbformat.NotebookNode | None = None


_context: BatchContext | None = None


def init_worker(context: BatchContext) -> None:
    """Process initialiser: keep the batch context for the jobs this process will run."""
    global _context  # one context per worker process, set once before any job
    _context = context


def build_participant(participant: Participant, inputs_hash: str) -> Entry:
    """Build the requested formats for `participant`; a failure is returned, not raised."""
    assert _context is not None, "init_worker must run first"
    started = time.perf_counter()
    try:
        files = _build(_context, participant)
    except CellError as error:
        failure = ParticipantError(str(error), cell=error.cell)
    except ParlerKitError as error:
        failure = ParticipantError(str(error))
    except OSError as error:  # full disk, no permission…: the file and the cause, in French
        failure = ParticipantError(os_error_text(error))
    except Exception as error:  # a bug or a library failure: isolate it, keep its trace short
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()
        failure = ParticipantError(ui_text("production.unexpected", detail=detail))
    else:
        return _entry(participant, inputs_hash, "ok", files, started, None)
    return _entry(participant, inputs_hash, "failed", {}, started, failure)


def _entry(
    participant: Participant,
    inputs_hash: str,
    status: Any,
    files: dict[str, str],
    started: float,
    error: ParticipantError | None,
) -> Entry:
    return Entry(
        participant_id=participant.id,
        full_name=participant.full_name,
        row=participant.row,
        status=status,
        inputs_hash=inputs_hash,
        files=files,
        duration_s=round(time.perf_counter() - started, 3),
        error=error,
    )


_bodies: dict[str, HandoutBody] = {}  # body key → body, per worker process


def _body(
    context: BatchContext,
    parameters: dict[str, Any],
    participant: Participant,
    answers: AnswersFile | None,
    digest: str | None,
) -> HandoutBody:
    """The handout body, computed once per distinct key in this process."""
    key = body_key(context.template, parameters, participant.role, digest, "")
    if key not in _bodies:
        _bodies[key] = handout_body(
            context.template, parameters, participant, context.bank, answers, context.locale
        )
    return _bodies[key]


def _blank_sections(
    context: BatchContext, parameters: dict[str, Any], participant: Participant
) -> frozenset[str]:
    """The sections of the participant's handout without answers: nothing personal in them."""
    return frozenset(body_sections(_body(context, parameters, participant, None, None)))


def _build(context: BatchContext, participant: Participant) -> dict[str, str]:
    folder = participant_dir(context.out, participant.id)
    folder.mkdir(parents=True, exist_ok=True)
    parameters = workbook_parameters(participant, context.session, context.bank, context.locale)
    check_parameters(context.template, parameters)
    answers_path = folder / ANSWERS_NAME
    written: list[Path] = []
    notebook = workbook_notebook(
        context.notebook,
        parameters,
        participant,
        context.session,
        context.bank,
        context.locale,
    )
    if "ipynb" in context.formats:
        path = folder / FORMAT_FILES["ipynb"]
        write_atomic(path, nbformat.writes(notebook).encode("utf-8"))  # type: ignore[no-untyped-call]
        written.append(path)
        if context.follow_up is not None:
            written.append(_write_follow_up(context, participant, folder))
    if not answers_path.exists():  # never touch answers a participant already gave
        _new_answers_file(answers_path, participant, context)
    if "html" in context.formats or "pdf" in context.formats:
        digest = answers_digest(answers_path)
        answers = read_answers(answers_path) if digest is not None else None
        if context.engine == "kernel":
            executed = execute_for_print(notebook, folder)
            body = executed_body(
                executed, context.template, participant, context.bank, context.locale
            )
        else:
            body = _body(context, parameters, participant, answers, digest)
        parts = handout_parts(
            body,
            participant,
            context.session,
            context.bank,
            context.locale,
        )
        if "html" in context.formats:
            path = folder / FORMAT_FILES["html"]
            write_atomic(path, parts.page(lang=context.locale).encode("utf-8"))
            written.append(path)
        if "pdf" in context.formats:
            # With answers, only the sections a blank handout has too go to the shared cache.
            shared = None if answers is None else _blank_sections(context, parameters, participant)
            target = folder / FORMAT_FILES["pdf"]
            written.append(handout_pdf(parts, context.out, target, shared=shared))
    return {path.name: sha256_file(path) for path in written}


def _write_follow_up(context: BatchContext, participant: Participant, folder: Path) -> Path:
    """Write the participant's à froid notebook and create its answers file when missing."""
    assert context.follow_up is not None
    path = folder / FOLLOW_UP_NAME
    notebook = follow_up_notebook(context.follow_up, participant, context.session)
    write_atomic(path, nbformat.writes(notebook).encode("utf-8"))  # type: ignore[no-untyped-call]
    answers = folder / FOLLOW_UP_ANSWERS_NAME
    if not answers.exists():  # answers given a few weeks later are never touched
        _new_answers_file(answers, participant, context)
    return path


def _new_answers_file(path: Path, participant: Participant, context: BatchContext) -> None:
    """An empty answers file for `participant`, without the lock file the store left beside it.

    The folder is handed out as it is: no lock file in it. Nobody else can hold that lock (the
    file did not exist); the store makes it again when the participant's first answer is saved.
    """
    AnswerStore.open(path, participant_id=participant.id, session_id=context.session.id)
    path.with_name(path.name + ".lock").unlink(missing_ok=True)
