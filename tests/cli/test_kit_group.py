"""No traceback reaches the user: the root group's handling of every kind of failure."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parler_kit import errors
from parler_kit.cli import main
from parler_kit.cli.kit_group import EXIT_BUG, EXIT_INPUT, KitGroup
from parler_kit.errors import RosterError, naming_failures

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "examples" / "roster.csv"
SESSION = REPO / "examples" / "session.yaml"


def plain(text: str) -> str:
    """Output with French no-break spaces folded to plain spaces, for matching."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def group_with(failing: click.Command) -> KitGroup:
    """A root group like `main`, holding one command that fails on purpose."""
    root = KitGroup(name="parler-kit")
    root.add_command(failing)
    return root


@click.command("inventaire")
@click.argument("source", type=click.Path(path_type=Path))
def _buggy(source: Path) -> None:
    """A command with a bug: it indexes past the end of its input's lines."""
    lines = source.read_text("utf-8").splitlines()
    click.echo(lines[len(lines)])


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder, pointed at a fresh folder for this test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_main_is_a_kit_group() -> None:
    """`parler-kit` itself is a KitGroup, so every command registered on it is covered."""
    assert isinstance(main, KitGroup)


def test_bug_gives_french_message_log_and_exit_3(tmp_path: Path, temp_folder: Path) -> None:
    """A bug ends with exit 3 and one French paragraph naming command, input and log file."""
    source = tmp_path / "liste.txt"
    source.write_text("une ligne\n", "utf-8")
    result = CliRunner().invoke(group_with(_buggy), ["inventaire", str(source)])
    assert result.exit_code == EXIT_BUG
    output = plain(result.output)
    assert "Traceback" not in output and "IndexError" in output
    assert f"Erreur inattendue dans la commande « parler-kit inventaire {source} »" in output
    assert f"Fichiers d'entrée : {source}." in output
    (log,) = temp_folder.glob("parler-kit-erreur-*.log")
    assert f"journal : {log}" in output
    text = log.read_text("utf-8")
    assert "Traceback (most recent call last)" in text and "lines[len(lines)]" in text
    assert log.stat().st_mode & 0o077 == 0  # the traceback may hold names: owner only


def test_unhandled_kit_error_is_printed_with_exit_1() -> None:
    """A kit error a command let through is printed as is (file, row), exit 1, no log."""

    @click.command("lire")
    def lire() -> None:
        raise RosterError([], "Liste des participants invalide : ligne 4.")

    result = CliRunner().invoke(group_with(lire), ["lire"])
    assert result.exit_code == EXIT_INPUT
    assert result.output.strip() == "Liste des participants invalide : ligne 4."


def test_os_error_names_the_document_not_the_temporary_file(tmp_path: Path) -> None:
    """An OSError while writing a temporary file is told as the document and its cause."""
    target = tmp_path / "feuille.pdf"
    partial = tmp_path / ".feuille.pdf.partial"

    @click.command("ecrire")
    def ecrire() -> None:
        with naming_failures(target, partial):
            raise OSError(28, "No space left on device")

    result = CliRunner().invoke(group_with(ecrire), ["ecrire"])
    assert result.exit_code == EXIT_INPUT
    assert f"« {target} » : plus de place sur le disque." in plain(result.output)
    assert "conservés" in result.output and "Traceback" not in result.output


def test_broken_pipe_is_left_to_click() -> None:
    """Output piped into a reader that stopped (``| head``): quiet exit 1, no message."""

    @click.command("lister")
    def lister() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    result = CliRunner().invoke(group_with(lister), ["lister"])
    assert result.exit_code == 1 and result.output == ""


def test_click_exits_pass_through() -> None:
    """--help exits 0 and a usage error exits 2: the handler does not swallow click's exits."""
    assert CliRunner().invoke(main, ["admin", "--help"]).exit_code == 0
    assert CliRunner().invoke(main, ["admin", "emargement"]).exit_code == 2


@pytest.mark.parametrize("command", [["admin", "emargement"], ["workbooks", "build"]], ids=" ".join)
def test_out_inside_a_regular_file(tmp_path: Path, command: list[str]) -> None:
    """--out below a regular file: French message naming the path, exit 1, nothing written."""
    regular = tmp_path / "notes.txt"
    regular.write_text("à garder\n", "utf-8")
    out = regular / "sortie"
    args = [*command, str(ROSTER), "--session", str(SESSION), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXIT_INPUT
    output = plain(result.output)
    assert "un élément de ce chemin est un fichier, pas un dossier" in output
    assert str(out) in output and "Traceback" not in output
    assert regular.read_text("utf-8") == "à garder\n"


def _kit_error_names() -> set[str]:
    """The names of `ParlerKitError` and of every error class of `parler_kit.errors` below it."""
    return {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.ParlerKitError)
    }


def test_commands_leave_kit_errors_and_exit_codes_to_the_root_group() -> None:
    """No command catches a kit error to print it (`KitGroup` does, exit 1); no bare exit number."""
    kit_errors = _kit_error_names()
    found = []
    for path in sorted((REPO / "src" / "parler_kit" / "cli").glob("*.py")):
        if path.name == "kit_group.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
                names = {
                    c.id if isinstance(c, ast.Name) else getattr(c, "attr", "") for c in caught
                }
                found += [f"{path.name}:{node.lineno} except {n}" for n in names & kit_errors]
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "SystemExit"
                and any(isinstance(a, ast.Constant) for a in node.args)
            ):
                found.append(f"{path.name}:{node.lineno} SystemExit(number): use cli.kit_group's")
    assert found == []
