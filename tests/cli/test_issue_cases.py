"""Each hostile input of issue 16, through `workbooks build` and `admin emargement`: exit 1, French."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from damaged_files import billion_laughs, cut_workbook, mixed_encoding_roster
from parler_kit.cli import main

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "examples" / "roster.csv"
SESSION = REPO / "examples" / "session.yaml"
COMMANDS = {
    "workbooks build": ["workbooks", "build"],
    "admin emargement": ["admin", "emargement"],
}


def bomb_session(folder: Path) -> Path:
    path = folder / "session.yaml"
    path.write_text(billion_laughs(9), "utf-8")
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # case → (make the file, which input it is, what the message must say)
    "cut-xlsx": (cut_workbook, "roster", "Feuille « Inscrits » du classeur abîmée"),
    "mixed-encoding": (
        mixed_encoding_roster,
        "roster",
        "ligne 3 : ligne enregistrée dans un autre",
    ),
    "alias-bomb": (bomb_session, "session", "Fichier trop grand une fois ses alias YAML"),
}


@pytest.mark.parametrize("command", COMMANDS, ids=str)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_input_refused_in_french(tmp_path: Path, command: str, case: str) -> None:
    """The file is refused at once with its French reason; exit 1; no traceback, nothing written."""
    make, slot, expected = CASES[case]
    made = make(tmp_path)
    roster, session = (made, SESSION) if slot == "roster" else (ROSTER, made)
    out = tmp_path / "sortie"
    started = time.perf_counter()
    args = [*COMMANDS[command], str(roster), "--session", str(session), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert time.perf_counter() - started < 30
    assert result.exit_code == 1, result.output
    output = result.output.replace("\u00a0", " ").replace("\u202f", " ")
    assert expected in output and "Traceback" not in output
    assert not out.exists()
