"""``parler-kit content check`` and ``content stats`` as an organiser runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from parler_kit.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "content"


def test_check_passes_on_shipped_content() -> None:
    """The shipped bank passes and the command says how many records it holds."""
    result = CliRunner().invoke(main, ["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Contenus valides" in result.output


@pytest.mark.parametrize(
    "fixture",
    sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "valid"),
)
def test_check_fails_on_each_broken_fixture(fixture: str) -> None:
    """Every broken fixture makes the command exit 1 and print the file of the problem."""
    result = CliRunner().invoke(main, ["content", "check", "--data", str(FIXTURES / fixture)])
    assert result.exit_code == 1
    assert ".yaml" in result.output and "Traceback" not in result.output


def test_stats_json_is_an_object_per_kind() -> None:
    """--json prints an object with count, without_source and without_english for each kind."""
    result = CliRunner().invoke(main, ["content", "stats", "--json"])
    assert result.exit_code == 0
    stats = json.loads(result.output)
    assert set(stats["milestones"]) == {"count", "without_source", "without_english"}
    assert all(entry["without_source"] == 0 for entry in stats.values())


def test_every_command_has_help_text() -> None:
    """Every command and group has a --help that describes it."""

    def walk(group, path):  # type: ignore[no-untyped-def]
        yield path, group
        for name, command in getattr(group, "commands", {}).items():
            yield from walk(command, [*path, name])

    for path, command in walk(main, []):
        assert command.help, f"parler-kit {' '.join(path)} has no help"
        assert CliRunner().invoke(main, [*path, "--help"]).exit_code == 0


def test_console_script_runs() -> None:
    """The installed ``parler-kit`` script answers --help with exit 0."""
    script = Path(sys.executable).parent / "parler-kit"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "content" in result.stdout
