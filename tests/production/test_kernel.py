"""The produced workbook really runs in a Jupyter kernel, in print mode as in JupyterLab."""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest
from production_helpers import write_roster

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
