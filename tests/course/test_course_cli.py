"""parler-kit course collect / grade / export from the command line, as the organiser's guide types them."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from parler_kit.cli import main
from parler_kit.course import CourseConfig
from user_runs import PLAYERS_BY_DAY, RENAMED, CourseRun


def test_collect_command_lists_placed_and_unmatched_files(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """One workbook placed, one stray file reported: exit 1 and both lines in French."""
    inbox = tmp_path / "retours"
    returned_workbook(course, inbox, "exercices.ipynb", participant="p001", answers={"q1": ["b"]})
    (inbox / "notes.txt").write_text("?", "utf-8")
    result = CliRunner().invoke(
        main, ["course", "collect", str(inbox), "--config", str(course.config_file)]
    )
    assert result.exit_code == 1
    assert "Rangé\u202f: p001 / day1 / exercices" in result.stdout
    assert "Non rangé" in result.stderr and "notes.txt" in result.stderr
    assert "1 carnet rangé, 0 version écartée, 1 fichier non rangé." in result.stdout


@pytest.mark.kernel
def test_collect_with_roster_and_session_places_every_returned_day(course_run: CourseRun) -> None:
    """collect --roster --session on the real release: every notebook placed, nothing left, exit 0."""
    output = course_run.outputs["collect"].stdout
    notebooks = {
        (plan, day): len(list((course_run.course / "release" / day).glob("*.ipynb")))
        for day, plans in PLAYERS_BY_DAY.items()
        for plan in plans
    }
    placed = [line for line in output.splitlines() if line.startswith("Rangé\u202f: ")]
    assert len(placed) == sum(notebooks.values())
    partly = course_run.players["en-partie"]
    assert f"Rangé\u202f: {partly.id} / day1 / 01-accueil-positionnement ← " in output
    assert RENAMED.format(last_name=partly.last_name) in output  # renamed copy recognised
    assert (
        f"{sum(notebooks.values())} carnets rangés, 0 version écartée, 0 fichier non rangé."
        in output
    )
    for (participant, day), deserved in course_run.deserved.items():
        folder = course_run.course / "submitted" / participant / day
        assert {p.stem for p in folder.glob("*.ipynb")} == set(deserved)
        assert (folder / "carnet.answers.json").is_file()


@pytest.mark.kernel
@pytest.mark.parametrize("day", sorted(PLAYERS_BY_DAY))
def test_grade_prints_each_participant_graded_with_feedback(
    course_run: CourseRun, day: str
) -> None:
    """course grade DAY prints one « Corrigé » line per participant naming their feedback pages."""
    output = course_run.outputs[f"grade {day}"].stdout
    for plan in PLAYERS_BY_DAY[day]:
        participant = course_run.players[plan].id
        line = next(
            row for row in output.splitlines() if row.startswith(f"Corrigé\u202f: {participant} ")
        )
        assert str(course_run.course / "feedback" / participant / day) in line
    graded = len(PLAYERS_BY_DAY[day])  # the count agrees with its number: « 1 participant »
    agreed = "participant corrigé" if graded == 1 else "participants corrigés"
    assert f"{graded} {agreed}, 0 échec." in output


@pytest.mark.kernel
def test_export_writes_both_tables_in_csv_and_xlsx(course_run: CourseRun) -> None:
    """course export: per-day and per-exercise CSVs, and an XLSX whose two sheets hold the same rows."""
    notes = course_run.root / "notes"
    output = course_run.outputs["export"].stdout
    for name in ("notes-par-journee.csv", "notes-par-exercice.csv", "notes.xlsx"):
        assert f"Écrit\u202f: {notes / name}" in output
    tables = {}
    for name in ("notes-par-journee.csv", "notes-par-exercice.csv"):
        with (notes / name).open(encoding="utf-8-sig", newline="") as handle:
            tables[name] = list(csv.reader(handle, delimiter=";"))
    days = tables["notes-par-journee.csv"]
    assert days[0] == ["participant", "journée", "points", "points possibles"]
    assert sorted((row[0], row[1]) for row in days[1:]) == sorted(course_run.deserved)
    exercises = tables["notes-par-exercice.csv"]
    assert exercises[0] == [
        "participant",
        "journée",
        "carnet",
        "exercice",
        "points",
        "points possibles",
    ]
    for (participant, day), deserved in course_run.deserved.items():
        for notebook, points in deserved.items():
            rows = [r for r in exercises[1:] if r[:3] == [participant, day, notebook]]
            total = sum(float(r[4].replace(",", ".")) for r in rows)  # none: nothing graded
            assert math.isclose(total, points), (participant, day, notebook)
    workbook = load_workbook(notes / "notes.xlsx")
    assert workbook.sheetnames == ["Résultats par journée", "Résultats par exercice"]
    sheet = workbook["Résultats par exercice"]
    assert sheet.max_row == len(exercises)
