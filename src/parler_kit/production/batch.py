"""The batch: roster + session + template → every participant's outputs, in parallel, resumable.

Read like papermill's ``execute_notebook``, a `BuildRequest` through named stages:
`load_inputs` (every input checked; nothing is produced when one is invalid) → `plan_builds`
(skip what is up to date) → `run_builds` (the participants in worker processes, each result
recorded in the manifest as soon as it arrives) → `finish` (the group's documents, the manifest).
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

import nbformat

from parler_kit.atomic import write_atomic
from parler_kit.content import ContentBank, load_bank
from parler_kit.errors import ProductionError
from parler_kit.i18n import Locale, ui_text
from parler_kit.paths import FOLLOW_UP_TEMPLATE, WORKBOOK_TEMPLATE
from parler_kit.production.files import answers_digest, csv_bytes, participant_dir
from parler_kit.production.follow_up import FOLLOW_UP_NAME, load_follow_up
from parler_kit.production.manifest import (
    MANIFEST_CSV,
    Entry,
    ParticipantError,
    is_up_to_date,
    load_entries,
    write_manifest,
)
from parler_kit.production.pdf import group_sheet_pdf, prune_cache, trainer_key_pdf
from parler_kit.production.personal import ANSWERS_NAME
from parler_kit.production.template import load_template
from parler_kit.production.worker import FORMAT_FILES, BatchContext, build_participant, init_worker
from parler_kit.roster import Participant, Roster, load_roster, load_session

#: The participant workbook template shipped in the repository's ``workbooks/`` folder.
DEFAULT_TEMPLATE = WORKBOOK_TEMPLATE
FORMATS = ("ipynb", "html", "pdf")
#: How the handout is rendered: in this process from the template's show() calls (fast), or by
#: executing the workbook in a Jupyter kernel with PARLER_KIT_MODE=print (docs/performance.md).
ENGINES = ("inprocess", "kernel")

Progress = Callable[[Entry], None]


@dataclass(frozen=True)
class BatchResult:
    """Every participant's entry for this run, and where the manifest is."""

    entries: tuple[Entry, ...]
    manifest: Path

    @property
    def failed(self) -> tuple[Entry, ...]:
        """Entries whose build failed this run."""
        return tuple(e for e in self.entries if e.status == "failed")


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """``"ipynb,pdf"`` → ("ipynb", "pdf") in canonical order; ProductionError on unknown ones."""
    names = [n.strip().lower() for n in (text.split(",") if isinstance(text, str) else text)]
    unknown = sorted({n for n in names if n not in FORMATS})
    if unknown or not any(names):
        raise ProductionError(
            ui_text(
                "production.formats",
                count=max(len(unknown), 1),
                given=", ".join(unknown),
                known=", ".join(FORMATS),
            )
        )
    return tuple(f for f in FORMATS if f in names)


@cache
def _bank_fingerprint() -> str:
    """Hash of the shipped content files: a content change rebuilds every workbook."""
    digest = hashlib.sha256()
    folder = files("parler_kit.content").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def inputs_hash(
    template_sha: str,
    participant: Participant,
    session_bytes: bytes,
    answers: Path,
    locale: str,
    engine: str = "inprocess",
) -> str:
    """What a participant's outputs depend on: template, their row, session, answers, kit."""
    parts = {
        "template": template_sha,
        "participant": {k: v for k, v in asdict(participant).items() if k != "row"},
        "session": hashlib.sha256(session_bytes).hexdigest(),
        "answers": answers_digest(answers),
        "kit": version("parler_kit"),
        "content": _bank_fingerprint(),
        "locale": locale,
        "engine": engine,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def _pool(jobs: int, context: BatchContext) -> cf.ProcessPoolExecutor:
    # fork shares the already-imported libraries and the loaded bank with the workers, but forking
    # a process that runs other threads (a progress-bar monitor, a browser driver or a kernel
    # client in the caller) can leave a child waiting forever on a lock another thread held — seen
    # as a hung batch when the tests had a browser open. So fork only from a single-threaded
    # caller (the CLI); otherwise use the forkserver, a clean process that imports the worker
    # module once and forks workers from there; spawn where neither exists.
    methods = multiprocessing.get_all_start_methods()
    mp_context: multiprocessing.context.BaseContext
    if "fork" in methods and threading.active_count() == 1:
        mp_context = multiprocessing.get_context("fork")
    elif "forkserver" in methods:
        mp_context = multiprocessing.get_context("forkserver")
        mp_context.set_forkserver_preload(["parler_kit.production.worker"])
    else:
        mp_context = multiprocessing.get_context("spawn")
    return cf.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=mp_context,
        initializer=init_worker,
        initargs=(context,),
    )


def _run(
    todo: Sequence[tuple[Participant, str]],
    jobs: int,
    context: BatchContext,
    on_result: Callable[[Entry], None],
) -> None:
    """Build `todo` in `jobs` processes; a crashed process only fails the participant it ran."""
    crashed: list[tuple[Participant, str]] = []
    with _pool(jobs, context) as pool:
        futures = {pool.submit(build_participant, p, h): (p, h) for p, h in todo}
        for future in cf.as_completed(futures):
            try:
                on_result(future.result())
            except cf.process.BrokenProcessPool:
                crashed.append(futures[future])
    # A dead worker breaks the whole pool: retry each unfinished participant alone, so only the
    # one that kills its process again is reported failed.
    for participant, digest in crashed:
        with _pool(1, context) as alone:
            try:
                on_result(alone.submit(build_participant, participant, digest).result())
            except cf.process.BrokenProcessPool:
                on_result(
                    Entry(
                        participant_id=participant.id,
                        full_name=participant.full_name,
                        row=participant.row,
                        status="failed",
                        inputs_hash=digest,
                        error=ParticipantError(ui_text("production.crashed")),
                    )
                )


def _interleave_roles(todo: list[tuple[Participant, str]]) -> list[tuple[Participant, str]]:
    """One participant of each role first: their shared handout bodies are laid out in parallel."""
    by_role: dict[str, list[tuple[Participant, str]]] = {}
    for job in todo:
        by_role.setdefault(job[0].role, []).append(job)
    queues = list(by_role.values())
    ordered: list[tuple[Participant, str]] = []
    while any(queues):
        for queue in queues:
            if queue:
                ordered.append(queue.pop(0))
    return ordered


@dataclass(frozen=True)
class BuildRequest:
    """What a batch is asked to build: whose, for which session, where, and how.

    `roster` is a roster file or one already loaded (the command line reads it once, for its
    progress bar too). With the ipynb format each participant also gets the à froid evaluation
    notebook made from `follow_up_path` (`parler_kit.production.follow_up`); None leaves it out.
    """

    roster: Path | Roster
    session_path: Path
    out: Path
    formats: Sequence[str] = FORMATS
    jobs: int | None = None
    force: bool = False
    template_path: Path = DEFAULT_TEMPLATE
    locale: Locale = "fr"
    bank: ContentBank | None = None
    engine: str = "inprocess"
    follow_up_path: Path | None = FOLLOW_UP_TEMPLATE


@dataclass(frozen=True)
class BatchInputs:
    """Every input of a batch, loaded and checked: nothing is built when one is invalid."""

    request: BuildRequest
    roster: Roster
    session_bytes: bytes
    context: BatchContext
    #: The hash of both templates: a change to either rebuilds every participant's files.
    templates_sha: str
    #: What the manifest records about the batch.
    facts: dict[str, object]


@dataclass(frozen=True)
class BatchPlan:
    """Who is up to date (their entries, « skipped ») and who is to build, with inputs' hash."""

    up_to_date: dict[str, Entry]
    todo: list[tuple[Participant, str]]


def build(request: BuildRequest, progress: Progress | None = None) -> BatchResult:
    """Build every participant's workbook/handouts under ``request.out``, in named stages.

    As papermill's ``execute_notebook`` reads: load and check → plan → run → finish.
    """
    inputs = load_inputs(request)
    plan = plan_builds(inputs, load_entries(request.out))
    entries = run_builds(inputs, plan, progress)
    return finish(inputs, entries)


def build_workbooks(
    roster: Path | Roster,
    session_path: Path,
    out: Path,
    *,
    progress: Progress | None = None,
    **options: Any,
) -> BatchResult:
    """`build` with the request's fields as arguments (`BuildRequest` names the options)."""
    return build(BuildRequest(roster, session_path, out, **options), progress)


def load_inputs(request: BuildRequest) -> BatchInputs:
    """Load and check the roster, session, templates and formats; refuse unsafe ids."""
    if request.engine not in ENGINES:
        raise ProductionError(
            ui_text("production.engine", given=request.engine, known=", ".join(ENGINES))
        )
    roster = request.roster if isinstance(request.roster, Roster) else load_roster(request.roster)
    session = load_session(request.session_path)
    template = load_template(request.template_path)
    notebook = nbformat.reads(request.template_path.read_text("utf-8"), as_version=4)  # type: ignore[no-untyped-call]
    formats = parse_formats(request.formats)
    request.out.mkdir(parents=True, exist_ok=True)
    for participant in roster.participants:
        participant_dir(request.out, participant.id)  # refuses an unsafe id before anything
    follow_up, follow_up_sha = (
        load_follow_up(request.follow_up_path)
        if request.follow_up_path is not None and "ipynb" in formats
        else (None, "")
    )
    context = BatchContext(
        template=template,
        notebook=notebook,
        session=session,
        bank=request.bank or load_bank(),
        formats=formats,
        out=request.out,
        locale=request.locale,
        engine=request.engine,
        follow_up=follow_up,
    )
    facts: dict[str, object] = {
        "kit_version": version("parler_kit"),
        "roster": str(roster.source if isinstance(request.roster, Roster) else request.roster),
        "session": str(request.session_path),
        "template": str(request.template_path),
        "follow_up_template": None if follow_up is None else str(request.follow_up_path),
        "formats": list(formats),
    }
    return BatchInputs(
        request=request,
        roster=roster,
        session_bytes=request.session_path.read_bytes(),
        context=context,
        templates_sha=hashlib.sha256(f"{template.sha256}:{follow_up_sha}".encode()).hexdigest(),
        facts=facts,
    )


def plan_builds(inputs: BatchInputs, previous: dict[str, Entry]) -> BatchPlan:
    """Skip a participant whose inputs and outputs are unchanged since `previous` (unless forced)."""
    request, context = inputs.request, inputs.context
    names = [FORMAT_FILES[f] for f in context.formats]
    names += [FOLLOW_UP_NAME] if context.follow_up is not None else []
    up_to_date: dict[str, Entry] = {}
    todo: list[tuple[Participant, str]] = []
    for participant in inputs.roster.participants:
        folder = request.out / participant.id
        digest = inputs_hash(
            inputs.templates_sha, participant, inputs.session_bytes, folder / ANSWERS_NAME,
            request.locale, request.engine,
        )  # fmt: skip
        old = previous.get(participant.id)
        if not request.force and old is not None and is_up_to_date(old, digest, folder, names):
            up_to_date[participant.id] = Entry(
                **{**asdict(old), "status": "skipped", "error": None}
            )
        else:
            todo.append((participant, digest))
    return BatchPlan(up_to_date, todo)


def run_builds(
    inputs: BatchInputs, plan: BatchPlan, progress: Progress | None = None
) -> dict[str, Entry]:
    """Build the plan's participants in worker processes, recording each result at once."""
    out, entries = inputs.request.out, dict(plan.up_to_date)

    def record(entry: Entry) -> None:
        entries[entry.participant_id] = entry
        if progress is not None:  # first: shown even if the manifest cannot be written (full disk)
            progress(entry)
        write_manifest(out, entries, inputs.facts)

    for entry in list(entries.values()):
        if progress is not None:
            progress(entry)
    if plan.todo:
        started = time.time()
        jobs = max(1, inputs.request.jobs or os.cpu_count() or 1)
        _run(_interleave_roles(plan.todo), jobs, inputs.context, record)
        if len(plan.todo) == len(inputs.roster.participants):
            prune_cache(out, started)  # every body in use was touched by this run
    return entries


def finish(inputs: BatchInputs, entries: dict[str, Entry]) -> BatchResult:
    """The group's documents, then the manifest and its spreadsheet summary in roster order."""
    context, out = inputs.context, inputs.request.out
    if "pdf" in context.formats:  # the fiche action, printed once for the group (not per booklet)
        group_sheet_pdf(context.bank, context.session, out, context.locale)
        trainer_key_pdf(context.bank, context.session, out, context.locale)  # trainers only
    ordered = {p.id: entries[p.id] for p in inputs.roster.participants if p.id in entries}
    manifest = write_manifest(out, ordered, inputs.facts)
    write_atomic(out / MANIFEST_CSV, _summary_csv(ordered.values(), context.locale))
    return BatchResult(tuple(ordered.values()), manifest)


def _summary_csv(entries: Iterable[Entry], locale: Locale) -> bytes:
    """A spreadsheet-friendly summary of the manifest for organisers (formulas neutralised)."""
    header = [ui_text(f"production.csv.{c}", locale) for c in ("id", "name", "status", "error")]
    rows = [
        (
            e.participant_id,
            e.full_name,
            ui_text(f"production.status.{e.status}", locale),
            e.error.message if e.error else "",
        )
        for e in entries
    ]
    return csv_bytes(header, rows)
