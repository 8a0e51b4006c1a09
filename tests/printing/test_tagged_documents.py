"""Every kind of PDF the organiser's commands make is tagged and declares /Lang fr (pikepdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from parler_kit.cli import main
from pdf_tags import structure

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMMANDS = ("emargement", "attestations", "realisation", "convocations", "evaluation")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """The administrative PDFs of two example participants, one folder per command."""
    folder = tmp_path_factory.mktemp("admin")
    rows = EXAMPLES.joinpath("roster.csv").read_text("utf-8-sig").splitlines()
    roster = folder / "roster.csv"
    roster.write_text("\n".join(rows[:3]) + "\n", "utf-8")
    names = {tuple(row.split(";")[:2]) for row in rows[1:3]}
    presence_rows = EXAMPLES.joinpath("presence.csv").read_text("utf-8-sig").splitlines()
    presence = folder / "presence.csv"
    kept = [r for r in presence_rows[2:] if tuple(r.split(";")[:2]) in names]
    presence.write_text("\n".join([*presence_rows[:2], *kept]) + "\n", "utf-8")
    made: dict[str, list[Path]] = {}
    for command in COMMANDS:
        out = folder / command
        arguments = ["admin", command, str(roster), "--session", str(EXAMPLES / "session.yaml")]
        arguments += ["--out", str(out)]
        if command in ("attestations", "realisation"):
            arguments += ["--presence", str(presence)]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, (command, result.output)
        made[command] = sorted(out.rglob("*.pdf"))
    return made


@pytest.mark.parametrize("command", COMMANDS)
def test_organiser_documents_are_tagged_and_french(
    documents: dict[str, list[Path]], command: str
) -> None:
    """Attendance sheets, attestations, certificats, convocations, evaluation forms: all tagged."""
    assert documents[command], f"{command} wrote no PDF"
    for path in documents[command]:
        problems, types = structure(path)
        assert problems == [], (path.name, problems)
        assert types["P"] + types["Table"] >= 1, (path.name, types)
