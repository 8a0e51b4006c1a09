"""Find and remove what the kit wrote about one participant (RGPD right to erasure).

Erasure is a list of **steps** (`Step`): each looks for one kind of file under the folders the
organiser names, removes or rewrites what it can, and returns one `Outcome` per file — removed,
rewritten, or kept with the reason in French. `erase` runs the steps in order. The steps of this
module know the kit's own outputs:

- `production_runs`: the participant's folder of a production run (``<out>/<id>/``, listed in
  that run's ``manifest.json``: workbook, answers, handouts, à froid notebook) and their line of
  the manifest (JSON and CSV summary), which holds their name;
- `personal_documents`: their attestation, convocation and certificat de réalisation;
- `answers_files`: every answers file naming them (the id is written inside), with the store's
  lock file and any broken copy kept aside (``.corrupt-<timestamp>``);
- `returned_notebooks`: every notebook that names them (a returned « jour1 Benali.ipynb » in
  a pickup folder), and the notebooks that shared a folder with their answers file;
- `spreadsheets`: their rows of any CSV or XLSX table (grade exports, attendance files);
- `empty_folders`: the folders those removals left empty (``<answers>/<id>/``);
- `leftovers` (last): every other file still holding their id or name, PDF text included —
  the signed attendance sheets are kept on purpose (proof of presence the training body must
  keep), anything else is named so that the organiser can deal with it.

Other layers add their own steps (the nbgrader course: `parler_kit.course.erase`), composed by
the command line (`parler_kit.cli.erase`).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from parler_kit.admin.attestations import ATTESTATION_PREFIX
from parler_kit.answers import read_answers
from parler_kit.atomic import write_atomic
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import ui_text

MANIFEST = "manifest.json"
MANIFEST_CSV = "manifest.csv"
#: Documents made for one person only, named ``<prefix><id>.pdf``.
PERSONAL_PREFIXES = (ATTESTATION_PREFIX, "convocation-", "certificat-realisation-")
#: Signed attendance sheets (``emargement-<date>-<period>.pdf``): kept as proof of presence.
ATTENDANCE_PREFIX = "emargement-"

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
    #: Full names found in production manifests (searched for by `leftovers`).
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


def erase(who: Who, steps: Sequence[Step]) -> list[Outcome]:
    """Run every step in order; each file removed or rewritten is remembered as handled."""
    outcomes: list[Outcome] = []
    for step in steps:
        done = step(who)
        who.handled.update(o.path for o in done)
        outcomes.extend(done)
    return outcomes


def production_runs(who: Who) -> list[Outcome]:
    """The participant's folder of each production run, and their line of its manifests."""
    outcomes = []
    for folder in who.folders:
        for manifest in sorted(folder.rglob(MANIFEST)) if folder.is_dir() else []:
            run = manifest.parent
            name = _manifest_name(manifest, who.participant_id)
            if name is None:
                continue
            who.names.add(name)
            outcomes += [Outcome(p, "removed") for p in remove([run / who.participant_id])]
            outcomes += [
                Outcome(p, "rewritten") for p in forget_in_manifest(run, who.participant_id)
            ]
    return outcomes


def personal_documents(who: Who) -> list[Outcome]:
    """The attestation, convocation and certificat de réalisation made for the participant."""
    names = {f"{prefix}{who.participant_id}.pdf" for prefix in PERSONAL_PREFIXES}
    return [Outcome(p, "removed") for p in remove(p for p in who.files() if p.name in names)]


def answers_files(who: Who) -> list[Outcome]:
    """Every answers file naming the participant, its lock file and its broken copies."""
    return [
        Outcome(p, "removed") for p in remove(participant_files(who.participant_id, who.folders))
    ]


def returned_notebooks(who: Who) -> list[Outcome]:
    """Every notebook naming the participant, and those whose answers file was theirs.

    A returned notebook holds the person's id, or sits in a folder whose answers file (now
    removed) was theirs and no other answers file is left: that notebook was theirs too.
    """
    theirs = {
        p.parent
        for p in who.handled
        if ".answers" in p.name and not any(p.parent.glob("*.answers*.json"))
    }
    found = [
        p
        for p in who.files()
        if p.suffix == ".ipynb" and (p.parent in theirs or who.participant_id in _text(p))
    ]
    return [Outcome(p, "removed") for p in remove(found)]


def spreadsheets(who: Who) -> list[Outcome]:
    """CSV and XLSX tables (grade exports, attendance files…): the participant's rows dropped."""
    rewritten = []
    for path in who.files():
        if path in who.handled or path.name.startswith(".~lock"):
            continue
        if (path.suffix == ".csv" and forget_rows(path, who.participant_id)) or (
            path.suffix == ".xlsx" and _forget_xlsx_rows(path, who.participant_id)
        ):
            rewritten.append(Outcome(path, "rewritten"))
    return rewritten


def empty_folders(who: Who) -> list[Outcome]:
    """Folders emptied by the removals (``<answers>/<id>/jour1/``…), up to the folders named."""
    emptied = []
    parents = {p.parent for p in who.handled}
    roots = {folder.resolve() for folder in who.folders}
    for parent in sorted(parents, key=lambda p: len(p.parts), reverse=True):
        while (
            any(root in parent.resolve().parents for root in roots)
            and parent.is_dir()
            and not any(parent.iterdir())
        ):
            parent.rmdir()
            emptied.append(Outcome(parent, "removed"))
            parent = parent.parent
    return emptied


def leftovers(who: Who, extra: Iterable[Path] = ()) -> list[Outcome]:
    """Files still holding the participant's id or name: attendance sheets kept, others named."""
    # A name counts when every word of it is in the file, in any order or case (« BENALI Fatima »
    # on an attendance sheet): a file named wrongly is only reported, never removed.
    names = [n.casefold().split() for n in who.names if n.strip()]
    folders = Who(who.participant_id, (*who.folders, *extra))
    outcomes = []
    for path in folders.files():
        if path in who.handled:
            continue
        text = _text(path)
        if who.participant_id.casefold() not in text and not any(
            all(word in text for word in name) for name in names
        ):
            continue
        if path.name.startswith(ATTENDANCE_PREFIX) and path.suffix == ".pdf":
            outcomes.append(Outcome(path, "kept", ui_text("erase.kept.attendance")))
        else:
            outcomes.append(Outcome(path, "kept", ui_text("erase.kept.other")))
    return outcomes


#: The steps of this module, in the order `erase` runs them (`leftovers` comes last, after the
#: steps other layers add).
ADMIN_STEPS: tuple[Step, ...] = (
    production_runs,
    personal_documents,
    answers_files,
    returned_notebooks,
    spreadsheets,
    empty_folders,
)


def _text(path: Path) -> str:
    """What a file says, case-folded with spaces collapsed: PDF and XLSX text, or its bytes."""
    try:
        if path.suffix == ".pdf":
            text = _pdf_text(path)
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                text = " ".join(
                    archive.read(n).decode("utf-8", "replace")
                    for n in archive.namelist()
                    if n.endswith(".xml")
                )
        else:
            text = path.read_bytes().decode("utf-8", "replace")
    except (OSError, ValueError, zipfile.BadZipFile):
        return ""
    except Exception:  # a PDF that pypdf cannot read: searched as bytes below
        text = path.read_bytes().decode("latin-1")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


def _pdf_text(path: Path) -> str:
    """A PDF's text: poppler's pdftotext when installed (fast), else pypdf."""
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False)
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace")
    from pypdf import PdfReader  # only when a PDF is searched without poppler

    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


def participant_files(participant_id: str, folders: Iterable[Path]) -> list[Path]:
    """Every file or folder under `folders` that belongs to the participant (read-only search)."""
    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        if (
            _manifest_name(folder / MANIFEST, participant_id) is not None
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


def _manifest_name(manifest: Path, participant_id: str) -> str | None:
    """The participant's full name in a production manifest, None when it does not list them."""
    try:
        data = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    participants = data.get("participants") if isinstance(data, dict) else None
    if not isinstance(participants, dict) or participant_id not in participants:
        return None
    entry = participants[participant_id]
    name = entry.get("full_name") if isinstance(entry, dict) else None
    return name if isinstance(name, str) else ""


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
    if _manifest_name(manifest, participant_id) is not None:
        data = json.loads(manifest.read_text("utf-8"))
        del data["participants"][participant_id]
        write_atomic(
            manifest, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        )
        rewritten.append(manifest)
    summary = folder / MANIFEST_CSV
    if summary.is_file() and forget_rows(summary, participant_id):
        rewritten.append(summary)
    return rewritten


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


def _forget_xlsx_rows(path: Path, participant_id: str) -> bool:
    """Drop the rows of every sheet whose first cell is the participant's id."""
    from openpyxl import load_workbook  # only when a workbook is searched

    try:
        workbook = load_workbook(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return False
    changed = False
    for sheet in workbook.worksheets:
        for row in range(sheet.max_row, 0, -1):
            if sheet.cell(row, 1).value == participant_id:
                sheet.delete_rows(row)
                changed = True
    if changed:
        content = io.BytesIO()
        workbook.save(content)
        write_atomic(path, content.getvalue())
    return changed
