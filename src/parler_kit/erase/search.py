"""Erasure's generic steps: what any folder may hold about a participant, found by searching.

- `answers_files`: every answers file naming them (the id is written inside), with the store's
  lock file and any broken copy kept aside (``.corrupt-<timestamp>``);
- `returned_notebooks`: every notebook that names them (a returned « jour1 Benali.ipynb » in
  a pickup folder), and the notebooks that shared a folder with their answers file;
- `spreadsheets`: their rows of any CSV or XLSX table (grade exports, attendance files);
- `empty_folders`: the folders those removals left empty (``<answers>/<id>/``);
- `leftovers` (last): every other file still holding their id or name, PDF text included —
  the signed attendance sheets are kept on purpose (`parler_kit.admin.erase.is_signed_sheet`),
  anything else is named so that the organiser can deal with it.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterable
from pathlib import Path

from parler_kit.admin.attestations import ATTESTATION_PREFIX
from parler_kit.admin.erase import is_signed_sheet
from parler_kit.answers import is_answers_name, read_answers
from parler_kit.atomic import write_atomic
from parler_kit.erasure import Outcome, Who, forget_rows, remove
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import ui_text
from parler_kit.production.manifest import participant_name


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
        if is_answers_name(p.name) and not any(is_answers_name(q.name) for q in p.parent.glob("*"))
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
        if is_signed_sheet(path):
            outcomes.append(Outcome(path, "kept", ui_text("erase.kept.attendance")))
        else:
            outcomes.append(Outcome(path, "kept", ui_text("erase.kept.other")))
    return outcomes


def participant_files(participant_id: str, folders: Iterable[Path]) -> list[Path]:
    """Every file or folder under `folders` that belongs to the participant (read-only search)."""
    found: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        if (
            participant_name(folder, participant_id) is not None
            and (folder / participant_id).is_dir()
        ):
            found.add(folder / participant_id)
        for path in folder.rglob("*"):
            if not path.is_file() or any(parent in found for parent in path.parents):
                continue
            if path.name == f"{ATTESTATION_PREFIX}{participant_id}.pdf" or (
                is_answers_name(path.name) and _answers_of(path) == participant_id
            ):
                found.add(path)
                # The store's lock file and the copies it kept aside belong with the answers.
                found.update(p for p in path.parent.glob(f"{path.name}.*") if p.is_file())
            elif ".corrupt-" in path.name and _mentions(path, participant_id):
                found.add(path)  # a broken copy kept aside, still holding their answers
    return sorted(found)


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


def _mentions(path: Path, participant_id: str) -> bool:
    """Whether a file that may not parse any more still names the participant."""
    try:
        return json.dumps(participant_id) in path.read_text("utf-8", errors="replace")
    except OSError:
        return False


def _answers_of(path: Path) -> str | None:
    try:
        return read_answers(path).participant_id
    except AnswerStoreError:
        return None


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
