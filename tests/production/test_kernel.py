"""The produced workbook really runs in a Jupyter kernel, in print mode as in JupyterLab."""

from __future__ import annotations

import json
import re
from pathlib import Path

import papermill
import pytest
from production_helpers import write_roster, write_template

from parler_kit.production import build_workbooks


@pytest.mark.kernel
@pytest.mark.parametrize("mode", ["print", ""])
def test_workbook_executes_in_a_kernel(
    tmp_path: Path, session: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Every cell of a built workbook runs without error; print mode displays the HTML twins."""
    roster = write_roster(tmp_path, ["Benali;Fatima;ass mat;Domicile"])
    (entry,) = build_workbooks(roster, session, tmp_path / "out", formats=["ipynb"], jobs=1).entries
    folder = tmp_path / "out" / entry.participant_id
    monkeypatch.setenv("PARLER_KIT_MODE", mode)  # the kernel inherits this process's environment
    executed = papermill.execute_notebook(
        str(folder / "workbook.ipynb"),
        str(tmp_path / "executed.ipynb"),
        cwd=str(folder),
        progress_bar=False,
        kernel_name="python3",
    )
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    mime = "text/html" if mode == "print" else "application/vnd.jupyter.widget-view+json"
    shown = [o for o in outputs if mime in o.get("data", {})]
    assert len(shown) >= 8
    if mode == "print":
        page = "".join(o["data"]["text/html"] for o in shown)
        assert "<script" not in page and "pk-" in page
    answers = json.loads((folder / "workbook.answers.json").read_text("utf-8"))
    assert answers["participant_id"] == entry.participant_id


@pytest.mark.kernel
def test_kernel_engine_handout_and_failing_cell(tmp_path: Path, session: Path) -> None:
    """With --engine kernel a failing cell fails only its participant, named by template cell."""
    template = write_template(
        tmp_path,
        ("markdown", "## Quiz du jour", []),
        ("code", "from parler_kit.widgets import show", []),
        ("code", 'show("quiz", questions=participant_id, store=answers_path)', []),
    )
    roster = write_roster(
        tmp_path,
        ["A;Zoé;rpe;S;quiz-pb-evaluation", "C;D;rpe;S;pas-une-question"],
        header="nom;prénom;profession;structure;id",
    )
    result = build_workbooks(
        roster,
        session,
        tmp_path / "out",
        formats=["html"],
        jobs=2,
        template_path=template,
        engine="kernel",
    )
    assert [e.status for e in result.entries] == ["ok", "failed"]
    failure = result.failed[0].error
    assert failure is not None and failure.cell == 3 and "pas-une-question" in failure.message
    page = (tmp_path / "out" / "quiz-pb-evaluation" / "handout.html").read_text("utf-8")
    assert "Quiz du jour" in page and "Zoé A" in page and "pk-" in page
    assert "show(" not in page and "participant_id" not in page and "<script" not in page


@pytest.mark.kernel
def test_both_engines_give_the_same_handout(tmp_path: Path, session: Path) -> None:
    """The in-process handout equals the one a print-mode kernel run of the template gives."""
    roster = write_roster(tmp_path, ["Haddad;Yasmine;LAEP;LAEP La Passerelle"])
    pages = []
    for engine in ("inprocess", "kernel"):
        out = tmp_path / engine
        (entry,) = build_workbooks(
            roster, session, out, formats=["html"], jobs=1, engine=engine
        ).entries
        assert entry.status == "ok", entry.error
        pages.append((out / entry.participant_id / "handout.html").read_bytes())
    # matplotlib's SVG charts carry random ids (a "c1a2b3c4d-" prefix, clip-path and marker ids
    # such as "p0123456789"): set them aside, everything else must be identical.
    same = [
        re.sub(rb"\b[a-z][0-9a-f]{10}\b", b"x", re.sub(rb"\bc[0-9a-f]{8}-", b"c-", page))
        for page in pages
    ]
    assert same[0] == same[1]
