"""Grading a day with real nbgrader, French feedback, and the formula-safe gradebook export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parler_kit.course import (
    CourseConfig,
    collect,
    export,
    grade,
    write_csv,
    write_xlsx,
)
from parler_kit.errors import ParlerKitError


@pytest.mark.kernel
def test_grade_scores_from_the_answers_file_and_writes_french_feedback(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """All-right gets 2/2, partly-right 1/2; the feedback is French; export holds the same scores."""
    inbox = tmp_path / "retours"
    returned_workbook(course, inbox / "a", "exercices.ipynb", participant="p001",
                      answers={"q1": ["b"], "q2": ["a", "c"]})  # fmt: skip
    returned_workbook(course, inbox / "b", "mon carnet.ipynb", participant="p002",
                      answers={"q1": ["b"], "q2": ["a"]})  # fmt: skip
    assert len(collect(inbox, course).placed) == 2

    report = grade(course, "day1")
    assert report.graded == ["p001", "p002"] and report.failed == {}
    feedback = report.feedback["p002"][0].read_text("utf-8")
    assert '<html lang="fr">' in feedback and "Retour sur votre carnet" in feedback
    assert "Score:" not in feedback

    written = export(course, tmp_path / "export")
    with written.summary_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["participant", "journée", "points", "points possibles"]
    assert rows[1:] == [["p001", "day1", "2", "2"], ["p002", "day1", "1", "2"]]
    sheet = load_workbook(written.xlsx)["Résultats par exercice"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert ["p002", "day1", "exercices", "q-deux", 0, 1] in values
    assert ["p002", "day1", "exercices", "q-ok", 1, 1] in values


def test_grade_refuses_an_unknown_day_and_a_day_with_nothing_collected(
    course: CourseConfig,
) -> None:
    """The error names the day and says what to do, in French."""
    with pytest.raises(ParlerKitError, match=r"day9.*day1, day2"):
        grade(course, "day9")
    with pytest.raises(ParlerKitError, match="parler-kit course collect"):
        grade(course, "day2")


def test_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    """=, +, -, @ at the start of a text become literal text in the CSV and the XLSX."""
    rows: list[list[str | float]] = [
        ["nom", "note"],
        ['=HYPERLINK("http://x")', 1.5],
        ["+33", -1.0],
    ]
    write_csv(tmp_path / "t.csv", rows)
    text = (tmp_path / "t.csv").read_text("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+33" in text and "1,5" in text
    write_xlsx(tmp_path / "t.xlsx", {"feuille": rows})
    sheet = load_workbook(tmp_path / "t.xlsx")["feuille"]
    assert sheet["A2"].value == '\'=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"
    assert sheet["B3"].value == -1
