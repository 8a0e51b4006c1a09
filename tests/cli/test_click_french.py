"""click's own texts in French for every command: help, usage lines, usage errors, bad values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parler_kit.cli import main

REPO = Path(__file__).resolve().parents[2]
ROSTER = str(REPO / "examples" / "roster.csv")
SESSION = str(REPO / "examples" / "session.yaml")
ENGLISH = ("Show this message", "Usage:", "Error:", "Invalid value", "Missing", "No such", "Try ",
           "COMMAND [", "TEXT ", "INTEGER", "BOOLEAN", "required", "default:")  # fmt: skip


def plain(text: str) -> str:
    """Output with French no-break spaces folded to plain spaces, for matching."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path below `group`, groups included (``()``, ``("admin",)``…)."""
    yield prefix
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("path", list(command_paths(main)), ids=" ".join)
def test_every_help_is_french(path: tuple[str, ...]) -> None:
    """Each --help page starts « Utilisation : » and offers « Affiche cette aide et quitte »."""
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    output = plain(result.output)
    assert output.startswith("Utilisation : ") and "Affiche cette aide et quitte." in output
    assert "Options :" in output
    assert not [word for word in ENGLISH if word in output]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["workbooks", "build", ROSTER, "--session", SESSION, "--out", "x", "--jobs", "0"],
         "Valeur refusée pour '--jobs' : 0 est hors de l'intervalle x>=1."),
        (["workbooks", "build", ROSTER, "--session", SESSION, "--out", "x", "--engine", "gpu"],
         "« gpu » n'est pas l'une des valeurs"),
        (["workbooks", "build", ROSTER, "--out", "x"], "Option manquante '--session'."),
        (["workbooks", "build", "absente.csv", "--session", SESSION, "--out", "x"],
         "Fichier « absente.csv » introuvable."),
        (["admin", "emargement", ROSTER, "--session", SESSION, "--out", ROSTER],
         "c'est un fichier, pas un dossier"),
        (["admin", "envoyer"], "Commande inconnue : « envoyer »."),
        (["report", "--bilan"], "Option inconnue : « --bilan »."),
        (["workbooks", "build", "--jobs"], "L'option « --jobs » attend une valeur."),
    ],
    ids=["jobs-0", "engine", "missing-option", "missing-file", "out-is-file", "command",
         "option", "no-value"],
)  # fmt: skip
def test_usage_errors_are_french(args: list[str], expected: str) -> None:
    """A usage error exits 2 with « Erreur : … » and the French reason, no English from click."""
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    output = plain(result.output)
    assert "Erreur : " in output and expected in output
    assert "Usage" not in output
    assert not [word for word in ENGLISH if word in output]


def test_unknown_format_is_french(tmp_path: Path) -> None:
    """An unknown --formats value is refused in French (the kit's check), exit 1, nothing built."""
    out = tmp_path / "out"
    args = ["workbooks", "build", ROSTER, "--session", SESSION, "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--formats", "docx"])
    assert result.exit_code == 1
    assert "docx" in result.output and "ipynb, html, pdf" in result.output
    assert not [word for word in ENGLISH if word in result.output]
    assert not out.exists()
