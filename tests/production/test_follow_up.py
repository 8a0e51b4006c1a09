"""The à froid evaluation: produced for each participant, filled weeks later, counted in the bilan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from click.testing import CliRunner
from production_helpers import write_roster

from parler_kit.cli import main
from parler_kit.production import build_workbooks
from parler_kit.production.follow_up import FOLLOW_UP_ANSWERS_NAME, FOLLOW_UP_NAME
from parler_kit.widgets import EvaluationForm

PEOPLE = [
    "Durand;Éloïse;ass mat;Domicile",
    "Martin;Léo;RPE;RPE Nord",
    "Diallo;Awa;LAEP;LAEP Sud",
    "Benali;Fatima;ass mat;Domicile",
    "Lefèvre;Anaïs;RPE;RPE Sud",
    "Nguyen;Minh;LAEP;LAEP Nord",
]


def _open_as_the_participant(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run the produced notebook's code cells in its folder, as Voilà would; return its store."""
    notebook = nbformat.read(folder / FOLLOW_UP_NAME, as_version=4)
    namespace: dict[str, Any] = {}
    monkeypatch.chdir(folder)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            exec(cell.source, namespace)  # the kit's own notebook, as the participant runs it
    monkeypatch.undo()
    return namespace["store"]


def test_follow_up_answers_reach_the_bilan_from_production(
    tmp_path: Path,
    session: Path,
    monkeypatch: pytest.MonkeyPatch,
    pdf_text: Callable[[Path], str],
) -> None:
    """workbooks build writes each à froid notebook with the ids; its answers fill the bilan's à froid part."""
    out = tmp_path / "carnets"
    result = build_workbooks(write_roster(tmp_path, PEOPLE), session, out, formats=("ipynb",))
    assert [e.status for e in result.entries] == ["ok"] * len(PEOPLE)
    session_id = json.loads((out / result.entries[0].participant_id / "workbook.answers.json")
                            .read_text("utf-8"))["session_id"]  # fmt: skip
    for number, entry in enumerate(result.entries):
        folder = out / entry.participant_id
        assert FOLLOW_UP_NAME in entry.files
        answers = json.loads((folder / FOLLOW_UP_ANSWERS_NAME).read_text("utf-8"))
        assert (answers["participant_id"], answers["session_id"]) == (
            entry.participant_id,
            session_id,
        )
        form = EvaluationForm("froid", store=_open_as_the_participant(folder, monkeypatch))
        scale = next(q for q in form.questions if q.kind == "scale")
        form.controls[scale.id].value = 4 if number % 2 else 5
        grid = next(q for q in form.questions if q.id == "eval-froid-observation")
        form.controls[grid.id].value = "plusieurs-fois"

    bilan = tmp_path / "bilan.pdf"
    run = CliRunner().invoke(main, [
        "report", "--session", str(session), "--roster", str(tmp_path / "roster.csv"),
        "--answers", str(out), "--out", str(bilan),
    ])  # fmt: skip
    assert run.exit_code == 0, run.output
    text = " ".join(pdf_text(bilan).split())
    follow_up = text[text.index("Évaluation à froid") :]
    assert "moyenne 4,5 sur 5 (n = 6)" in follow_up
    assert "Oui, plusieurs fois : 6" in follow_up
    assert "Aucune réponse." not in follow_up.split("Méthode")[0]


def test_a_rebuild_never_touches_follow_up_answers(tmp_path: Path, session: Path) -> None:
    """--force rewrites the à froid notebook but keeps the answers given in it; a template change rebuilds."""
    out = tmp_path / "carnets"
    roster = write_roster(tmp_path, PEOPLE[:1])
    (entry,) = build_workbooks(roster, session, out, formats=("ipynb",)).entries
    answers = out / entry.participant_id / FOLLOW_UP_ANSWERS_NAME
    data = json.loads(answers.read_text("utf-8"))
    data["answers"]["evaluation:froid"] = {
        "value": {"eval-froid-changement": 3},
        "changed_at": "2027-05-02T10:00:00+00:00",
        "attempts": 1,
        "score": None,
        "max_score": None,
    }
    answers.write_text(json.dumps(data), "utf-8")
    (again,) = build_workbooks(roster, session, out, formats=("ipynb",), force=True).entries
    assert again.status == "ok" and '"eval-froid-changement": 3' in answers.read_text("utf-8")
    template = tmp_path / "a-froid.ipynb"
    notebook = nbformat.read(Path(__file__).parents[2] / "workbooks" / FOLLOW_UP_NAME, 4)
    notebook.cells[-1].source += " À bientôt."
    nbformat.write(notebook, template)
    (changed,) = build_workbooks(
        roster, session, out, formats=("ipynb",), follow_up_path=template
    ).entries
    assert changed.status == "ok"
    assert "À bientôt." in (out / entry.participant_id / FOLLOW_UP_NAME).read_text("utf-8")
