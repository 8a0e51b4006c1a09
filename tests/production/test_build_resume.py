"""``parler-kit workbooks build`` from the command line, and what a second run rebuilds.

An .xlsx roster, ``--jobs``, ``--engine kernel``, ``--force``, and each kind of change the
organiser's guide lists under « Relancer la commande ».
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from parler_kit.cli import main
from user_runs import BIN, REPO, user_env

PEOPLE = [("Durand", "Éloïse", "ass mat", "Domicile"), ("Martin", "Léo", "RPE", "RPE Nord")]


def _statuses(output: str) -> dict[str, str]:
    """Participant id → the status word its line starts with (« fait », « à jour », « ÉCHEC »)."""
    return {
        match["id"]: match["status"]
        for match in re.finditer(
            r"^(?P<status>fait|à jour|ÉCHEC) .* \((?P<id>[^()]+)\) — ", output, re.M
        )
    }


def _xlsx_roster(folder: Path) -> Path:
    """The organiser's roster as a spreadsheet (.xlsx), header on the first row."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["nom", "prénom", "profession", "structure"])
    for row in PEOPLE:
        sheet.append(list(row))
    path = folder / "participants.xlsx"
    workbook.save(path)
    return path


@pytest.mark.kernel
def test_a_second_run_rebuilds_exactly_what_changed(tmp_path: Path) -> None:
    """Unchanged: up to date; an altered file, new answers: that person; session, template, --force, engine: all."""
    session = tmp_path / "session.yaml"
    shutil.copy2(REPO / "examples" / "session.yaml", session)
    roster, out = _xlsx_roster(tmp_path), tmp_path / "carnets"
    build = ["workbooks", "build", str(roster), "--session", str(session), "--out", str(out),
             "--formats", "ipynb,html", "--jobs", "2"]  # fmt: skip

    def run(*extra: str) -> dict[str, str]:
        # In this process (the same command-line entry point, without a new interpreter each time).
        result = CliRunner().invoke(main, [*build, *extra])
        assert result.exit_code == 0, result.output
        return _statuses(result.output)

    first = run()
    assert sorted(first.values()) == ["fait", "fait"]
    durand, martin = sorted(first, key=lambda pid: not pid.startswith("durand"))
    assert run() == {durand: "à jour", martin: "à jour"}

    with (out / durand / "handout.html").open("a", encoding="utf-8") as handle:
        handle.write("<!-- retouché à la main -->")  # same name, other content: checksum differs
    assert run() == {durand: "fait", martin: "à jour"}

    answers = out / martin / "workbook.answers.json"
    data = json.loads(answers.read_text("utf-8"))
    data["answers"]["fiche-action"] = {"value": {"titre": "Lire au parc"}, "attempts": 1,
                                       "changed_at": "2027-03-22T10:00:00+00:00",
                                       "score": None, "max_score": None}  # fmt: skip
    answers.write_text(json.dumps(data), "utf-8")
    assert run() == {durand: "à jour", martin: "fait"}

    session.write_text(
        session.read_text("utf-8").replace("Montreynaud", "Montreynaud-Sud", 1), "utf-8"
    )
    assert run() == {durand: "fait", martin: "fait"}

    template = tmp_path / "modele.ipynb"
    notebook = nbformat.read(REPO / "workbooks" / "workbook.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("## Notes personnelles"))
    nbformat.write(notebook, template)
    assert run("--template", str(template)) == {durand: "fait", martin: "fait"}
    assert run("--template", str(template)) == {durand: "à jour", martin: "à jour"}
    assert run("--template", str(template), "--force") == {durand: "fait", martin: "fait"}

    kernel = run("--template", str(template), "--engine", "kernel")
    assert kernel == {durand: "fait", martin: "fait"}
    handout = (out / martin / "handout.html").read_text("utf-8")
    assert "Léo Martin" in handout and "Notes personnelles" in handout


def test_a_change_of_the_kit_s_content_rebuilds_everyone(tmp_path: Path) -> None:
    """With the content bank edited (a copy of the kit run from PYTHONPATH), every participant is rebuilt."""
    roster, out = _xlsx_roster(tmp_path), tmp_path / "carnets"
    build = ["workbooks", "build", str(roster), "--session", str(REPO / "examples" / "session.yaml"),
             "--out", str(out), "--formats", "ipynb", "--jobs", "1"]  # fmt: skip
    first = CliRunner().invoke(main, build)
    assert sorted(_statuses(first.output).values()) == ["fait", "fait"]
    copy = tmp_path / "kit"
    shutil.copytree(REPO / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "workbooks", copy / "workbooks")
    sources = copy / "src" / "parler_kit" / "content" / "data" / "sources.yaml"
    sources.write_text(sources.read_text("utf-8") + "\n# relu\n", "utf-8")
    env = {**user_env(), "PYTHONPATH": str(copy / "src")}
    result = subprocess.run(
        [str(BIN / "parler-kit"), *build],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(_statuses(result.stderr + result.stdout).values()) == ["fait", "fait"]
