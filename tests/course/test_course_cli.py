"""parler-kit course collect: prints what it placed and what it could not, exit 1 when some file is left."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from parler_kit.cli import main
from parler_kit.course import CourseConfig


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
    assert (
        "1 carnet(s) rangé(s), 0 version(s) écartée(s), 1 fichier(s) non rangé(s)." in result.stdout
    )
