"""Export the gradebook: one row per participant and day, one row per exercise; CSV and XLSX.

Cells are formula-safe: a text starting with ``= + - @`` (or a tab / carriage return) is
prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from parler_kit.atomic import write_atomic
from parler_kit.course.config import CourseConfig
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.spreadsheet import neutralise_formula

Cell = str | float


@dataclass(frozen=True)
class Exported:
    """The files `export` wrote."""

    summary_csv: Path
    exercises_csv: Path
    xlsx: Path


def gradebook_tables(course: CourseConfig) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """The summary table and the per-exercise table (each with its header row), from the gradebook."""
    database = course.root / "gradebook.db"
    if not database.is_file():
        raise ParlerKitError(ui_text("course.export.no_gradebook", folder=course.root))
    from nbgrader.api import Gradebook, MissingEntry

    from parler_kit.course.grade import put_own_scripts_on_path

    put_own_scripts_on_path()

    summary: list[list[Cell]] = [
        [ui_text(f"course.export.{k}") for k in ("participant", "day", "score", "max_score")]
    ]
    exercises: list[list[Cell]] = [
        [
            ui_text(f"course.export.{k}")
            for k in ("participant", "day", "notebook", "exercise", "score", "max_score")
        ]
    ]
    with Gradebook(course.db_url, course.course_id) as gradebook:
        assignments = sorted(a.name for a in gradebook.assignments)
        for student in sorted(s.id for s in gradebook.students):
            for day in assignments:
                try:
                    submission = gradebook.find_submission(day, student)
                except MissingEntry:
                    continue
                summary.append([student, day, float(submission.score), float(submission.max_score)])
                for notebook in sorted(submission.notebooks, key=lambda n: n.name):
                    for grade in sorted(notebook.grades, key=lambda g: g.name):
                        exercises.append(
                            [
                                student,
                                day,
                                notebook.name,
                                grade.name,
                                float(grade.score),
                                float(grade.max_score),
                            ]
                        )
    return summary, exercises


def export(course: CourseConfig, out: Path) -> Exported:
    """Write ``notes-par-journee.csv``, ``notes-par-exercice.csv`` and ``notes.xlsx`` into `out`."""
    summary, exercises = gradebook_tables(course)
    out.mkdir(parents=True, exist_ok=True)
    written = Exported(
        out / "notes-par-journee.csv", out / "notes-par-exercice.csv", out / "notes.xlsx"
    )
    write_csv(written.summary_csv, summary)
    write_csv(written.exercises_csv, exercises)
    write_xlsx(
        written.xlsx,
        {
            ui_text("course.export.sheet_summary"): summary,
            ui_text("course.export.sheet_exercises"): exercises,
        },
    )
    return written


def write_csv(path: Path, rows: list[list[Cell]]) -> None:
    """Write formula-safe rows as CSV, UTF-8 with BOM and ``;`` (French spreadsheets open it as is).

    Atomic: an interrupted export leaves the previous file whole, never half a gradebook.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow([_csv_cell(neutralise_formula(value)) for value in row])
    write_atomic(path, buffer.getvalue().encode("utf-8-sig"))


def _csv_cell(value: Cell) -> str:
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",")  # French decimal comma
    return value


def write_xlsx(path: Path, sheets: dict[str, list[list[Cell]]]) -> None:
    """Write formula-safe rows as an XLSX workbook, one sheet per entry, header row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title[:31])  # Excel's limit on sheet names
        for row in rows:
            sheet.append([neutralise_formula(value) for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    content = io.BytesIO()
    workbook.save(content)
    write_atomic(path, content.getvalue())  # atomic, as `write_csv`
