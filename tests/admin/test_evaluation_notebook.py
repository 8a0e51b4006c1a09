"""workbooks/evaluation_a_froid.ipynb runs in a real kernel, interactive and in print mode."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "workbooks" / "evaluation_a_froid.ipynb"


def _run(folder: Path, **environment: str) -> nbformat.NotebookNode:
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    notebook = nbformat.read(folder / NOTEBOOK.name, as_version=4)
    saved = dict(os.environ)
    os.environ.update(environment)
    try:
        NotebookClient(
            notebook, timeout=120, resources={"metadata": {"path": str(folder)}}
        ).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return notebook


@pytest.mark.kernel
def test_follow_up_notebook_shows_the_froid_form_and_its_printed_twin(tmp_path: Path) -> None:
    """Interactive: a widget and an answers file, no error; print mode: the à froid questions as HTML."""
    (tmp_path / "a").mkdir()
    interactive = _run(tmp_path / "a")
    outputs = [o for cell in interactive.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert (
        json.loads((tmp_path / "a" / "evaluation_a_froid.answers.json").read_text("utf-8"))[
            "schema_version"
        ]
        == 1
    )

    (tmp_path / "b").mkdir()
    printed = _run(tmp_path / "b", PARLER_KIT_MODE="print")
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for cell in printed.cells if cell.cell_type == "code" for o in cell.outputs
    )  # fmt: skip
    assert "Évaluation à froid" in html and "widget-view" not in html
