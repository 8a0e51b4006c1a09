"""Each exit code of `parler-kit` has one meaning, and the organiser guide lists every one.

0 done, 1 an input (or the disk) to fix, 2 click's usage error, 3 a bug, 4 a participant failed in
`workbooks build` (``tests/production/test_cli.py::test_failed_participant_exit_4``), 130 Ctrl-C.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parler_kit.cli import main
from parler_kit.cli.kit_group import (
    EXIT_BUG,
    EXIT_CODES,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    KitGroup,
)

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "organiser-guide.md"
SESSION = REPO / "examples" / "session.yaml"


def _build(roster: Path, out: Path, *options: str) -> list[str]:
    return [
        "workbooks",
        "build",
        str(roster),
        "--session",
        str(SESSION),
        "--out",
        str(out),
        *options,
    ]


def test_the_organiser_guide_lists_every_exit_code_and_no_other() -> None:
    """The « code | sens » table of the organiser guide holds exactly the kit's exit codes."""
    text = GUIDE.read_text("utf-8")
    table = text.split("| code | sens |", 1)[1].split("\n\n", 1)[0]
    listed = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert listed == sorted(EXIT_CODES)
    assert len(set(EXIT_CODES)) == len(EXIT_CODES)


def test_exit_0_when_everything_was_done() -> None:
    """A command that did all it was asked (checking the content bank) exits 0."""
    result = CliRunner().invoke(main, ["content", "check"])
    assert result.exit_code == EXIT_OK == 0, result.output


def test_exit_1_when_an_input_is_to_fix(tmp_path: Path) -> None:
    """A roster with an empty required cell: exit 1, the row named, nothing built."""
    roster = tmp_path / "liste.csv"
    roster.write_text("nom;prénom;profession;structure\nDurand;;ass mat;Domicile\n", "utf-8")
    result = CliRunner().invoke(main, _build(roster, tmp_path / "out"))
    assert result.exit_code == EXIT_INPUT == 1
    assert "ligne 2" in result.output and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "options", [["--jobs", "0"], ["--jobz", "2"]], ids=["refused value", "unknown option"]
)
def test_exit_2_is_a_usage_error_only(tmp_path: Path, options: list[str]) -> None:
    """`workbooks build --jobs 0` or a mistyped option: click's usage error, exit 2, nothing built."""
    roster = tmp_path / "liste.csv"
    roster.write_text("nom;prénom;profession;structure\nDurand;Éloïse;ass mat;Domicile\n", "utf-8")
    result = CliRunner().invoke(main, _build(roster, tmp_path / "out", *options))
    assert result.exit_code == EXIT_USAGE == 2
    assert not (tmp_path / "out").exists()


def test_exit_3_for_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that fails by a bug of the kit exits 3 (and names a log, tests/cli/test_kit_group.py)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    @click.command("compter")
    def buggy() -> None:
        click.echo([][0])

    root = KitGroup(name="parler-kit")
    root.add_command(buggy)
    result = CliRunner().invoke(root, ["compter"])
    assert result.exit_code == EXIT_BUG == 3


def test_exit_130_when_interrupted() -> None:
    """Ctrl-C during a command: one French line naming it, exit 130, no traceback."""

    @click.command("fabriquer")
    def interrupted() -> None:
        raise KeyboardInterrupt

    root = KitGroup(name="parler-kit")
    root.add_command(interrupted)
    result = CliRunner().invoke(root, ["fabriquer"])
    assert result.exit_code == EXIT_INTERRUPTED == 130
    assert "« parler-kit fabriquer » interrompue" in result.output.replace("\xa0", " ")
    assert "Traceback" not in result.output
