"""Every parler-kit command has French --help text and appears in the README or a guide."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parler_kit.cli import main

REPO = Path(__file__).resolve().parents[2]
DOC_LINES = [
    line
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    for line in path.read_text("utf-8").splitlines()
]


def leaf_commands() -> list[tuple[str, ...]]:
    """Every runnable command as its words after ``parler-kit`` (e.g. ("room", "start"))."""
    found: list[tuple[str, ...]] = []

    def walk(command: click.Command, words: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, (*words, name))
        else:
            found.append(words)

    walk(main, ())
    return found


@pytest.mark.parametrize("words", leaf_commands(), ids=" ".join)
def test_command_has_french_help_and_is_documented(words: tuple[str, ...]) -> None:
    """`--help` exits 0 with French text; a README/guide line names `parler-kit <group>` and the command."""
    result = CliRunner().invoke(main, [*words, "--help"])
    assert result.exit_code == 0, result.output
    assert "Show this message" not in result.output and "Usage:" not in result.output
    group = words[0]
    lines = [line for line in DOC_LINES if f"parler-kit {group}" in line]
    assert lines, f"parler-kit {group} appears in no guide"
    if len(words) > 1:
        assert any(re.search(rf"\b{re.escape(words[-1])}\b", line) for line in lines), words
