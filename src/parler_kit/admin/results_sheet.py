"""The trainer's results sheet: the paper path's record of each participant's results.

A session run on paper (handouts only) has no graded answers files. `write_results_sheet`
produces an XLSX (or CSV) with one row per participant and one column per objective of the
session file, headed « Objectif 1 », « Objectif 2 »… with the objective's text; the trainer
writes « acquis », « en cours » or « non acquis » in each cell (the XLSX offers them in a list),
« non évalué » where nothing assessed that objective for that person, and leaves a cell empty
when nothing is known. `read_results_sheet` reads it back for the attestations: every problem
(unknown participant, unknown value, objective column missing) names its row and column, in
French, and nothing is produced until it is fixed. A file is never overwritten.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from pathlib import Path

from parler_kit.admin.outcomes import Level
from parler_kit.atomic import write_atomic
from parler_kit.errors import ParlerKitError, Problem, RosterError
from parler_kit.i18n import ui_text
from parler_kit.roster import Roster, Session
from parler_kit.roster.normalise import fold
from parler_kit.roster.table import column_letter, read_table
from parler_kit.spreadsheet import neutralise_formula

#: What the trainer writes, folded (lower case, no accents) → level.
_VALUES: dict[str, Level] = {
    "acquis": "acquis",
    "acquise": "acquis",
    "a": "acquis",
    "en cours": "en_cours",
    "en cours d acquisition": "en_cours",
    "ec": "en_cours",
    "non acquis": "non_acquis",
    "non acquise": "non_acquis",
    "na": "non_acquis",
    "non evalue": "non_evalue",
    "non evaluee": "non_evalue",
    "ne": "non_evalue",
}
#: The values offered in the XLSX's drop-down list, as written.
CHOICES = ("acquis", "en cours", "non acquis", "non évalué")
_OBJECTIVE = re.compile(r"^objectif (\d+)\b")

#: participant id → one level (or None: empty cell) per objective of the session.
Recorded = Mapping[str, tuple[Level | None, ...]]


def _header(session: Session) -> list[str]:
    objectives = [
        ui_text("admin.results_sheet.objective", number=number, objective=objective)
        for number, objective in enumerate(session.objectives, start=1)
    ]
    return ["id", "nom", "prénom", *objectives]


def _rows(roster: Roster, session: Session) -> list[list[str]]:
    empty = [""] * len(session.objectives)
    return [
        [neutralise_formula(p.id), neutralise_formula(p.last_name),
         neutralise_formula(p.first_name), *empty]
        for p in roster.participants
    ]  # fmt: skip


def write_results_sheet(roster: Roster, session: Session, path: Path) -> Path:
    """Write the blank results sheet at `path` (.xlsx or .csv); never over an existing file."""
    if path.exists():
        raise ParlerKitError(ui_text("admin.results_sheet.exists", path=path))
    suffix = path.suffix.lower()
    if suffix not in {".xlsx", ".csv"}:
        raise ParlerKitError(ui_text("admin.results_sheet.format", path=path))
    if not session.objectives:
        raise ParlerKitError(ui_text("admin.results_sheet.no_objectives"))
    path.parent.mkdir(parents=True, exist_ok=True)
    header, rows = _header(session), _rows(roster, session)
    if suffix == ".csv":
        text = io.StringIO()
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerows([header, *rows])
        write_atomic(path, ("\ufeff" + text.getvalue()).encode("utf-8"))
    else:
        write_atomic(path, _xlsx(session, header, rows))
    return path


def _xlsx(session: Session, header: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook  # only the XLSX pays for it
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = ui_text("admin.results_sheet.sheet_title")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 90
    for index in range(len(header)):
        sheet.column_dimensions[column_letter(index)].width = 14 if index < 3 else 30
    sheet.freeze_panes = "D2"
    first, last = column_letter(3), column_letter(len(header) - 1)
    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=ui_text("admin.results_sheet.sheet_title"),
        error=ui_text("admin.results_sheet.choose", choices=", ".join(CHOICES)),
    )
    choices.add(f"{first}2:{last}{len(rows) + 1}")
    sheet.add_data_validation(choices)
    help_sheet = workbook.create_sheet(ui_text("admin.results_sheet.help_title"))
    for line in ui_text("admin.results_sheet.help", title=session.title).split("\n"):
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 110
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def read_results_sheet(
    path: Path, roster: Roster, session: Session
) -> dict[str, tuple[Level | None, ...]]:
    """Each listed participant's level per objective (None: empty cell); RosterError otherwise."""
    table = read_table(path)
    where = str(path)
    problems: list[Problem] = []
    if not table.rows:
        raise RosterError([Problem(ui_text("admin.results_sheet.empty"), file=where)],
                          ui_text("admin.results_sheet.invalid", count=1))  # fmt: skip
    header_row, header = table.rows[0]
    columns = _objective_columns(header, session, where, header_row, problems)
    id_column = next(
        (i for i, cell in enumerate(header) if fold(cell) in {"id", "identifiant"}), None
    )
    if id_column is None:
        problems.append(Problem(ui_text("admin.results_sheet.no_id"), file=where, row=header_row))
        raise RosterError(problems, ui_text("admin.results_sheet.invalid", count=len(problems)))
    known = {p.id for p in roster.participants}
    recorded: dict[str, tuple[Level | None, ...]] = {}
    for row, cells in table.rows[1:]:
        pid = cells[id_column].strip() if id_column < len(cells) else ""
        if pid not in known:
            message = ui_text("admin.results_sheet.unknown_id", participant=pid)
            problems.append(Problem(message, file=where, row=row, field=column_letter(id_column)))
            continue
        if pid in recorded:
            message = ui_text("admin.results_sheet.twice", participant=pid)
            problems.append(Problem(message, file=where, row=row, field=column_letter(id_column)))
            continue
        recorded[pid] = tuple(
            _level(cells, index, where, row, header, problems) if index is not None else None
            for index in columns
        )
    if problems:
        raise RosterError(problems, ui_text("admin.results_sheet.invalid", count=len(problems)))
    return recorded


def _objective_columns(
    header: tuple[str, ...], session: Session, where: str, row: int, problems: list[Problem]
) -> list[int | None]:
    """The column of each objective of the session (« Objectif N… »), in objective order."""
    found: dict[int, int] = {}
    for index, cell in enumerate(header):
        match = _OBJECTIVE.match(fold(cell))
        if match:
            found.setdefault(int(match.group(1)), index)
    columns: list[int | None] = []
    for number in range(1, len(session.objectives) + 1):
        if number not in found:
            message = ui_text("admin.results_sheet.objective_missing", number=number)
            problems.append(Problem(message, file=where, row=row))
        columns.append(found.get(number))
    extra = sorted(n for n in found if n > len(session.objectives))
    for number in extra:
        message = ui_text("admin.results_sheet.objective_extra", number=number,
                          count=len(session.objectives))  # fmt: skip
        problems.append(Problem(message, file=where, row=row, field=column_letter(found[number])))
    return columns


def _level(
    cells: tuple[str, ...],
    index: int,
    where: str,
    row: int,
    header: tuple[str, ...],
    problems: list[Problem],
) -> Level | None:
    text = cells[index].strip() if index < len(cells) else ""
    if not text:
        return None
    level = _VALUES.get(fold(text))
    if level is None:
        message = ui_text("admin.results_sheet.value", value=text, choices=", ".join(CHOICES))
        problems.append(Problem(message, file=where, row=row, field=_field(header, index)))
    return level


def _field(header: tuple[str, ...], index: int) -> str:
    name = header[index] if index < len(header) else ""
    short = name.split(":")[0].strip() or name
    return f"{column_letter(index)} ({short})" if short else column_letter(index)
