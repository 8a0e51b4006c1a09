"""The widgets in a real Jupyter kernel: every kind displays, and answers survive a new kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from parler_kit.widgets import WIDGETS

pytestmark = pytest.mark.kernel

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _run(cells: list[str], folder: Path) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    return notebook


def _errors(notebook: nbformat.NotebookNode) -> list[str]:
    return [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error" or output.get("name") == "stderr"
    ]


def test_every_kind_shows_a_widget_then_its_twin_in_print_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a kernel, show(kind) outputs a widget view; with PARLER_KIT_MODE=print, static HTML."""
    cells = ["from parler_kit.widgets import show"] + [f"show({kind!r})" for kind in WIDGETS]
    notebook = _run(cells, tmp_path)
    assert _errors(notebook) == []
    for cell in notebook.cells[1:]:
        assert any(WIDGET_VIEW in output.get("data", {}) for output in cell.outputs), cell.source
    monkeypatch.setenv("PARLER_KIT_MODE", "print")
    printed = _run(cells, tmp_path)
    assert _errors(printed) == []
    for cell in printed.cells[1:]:
        (output,) = cell.outputs
        assert "text/html" in output.data
        assert WIDGET_VIEW not in output.data
        assert "<script" not in output.data["text/html"]


def test_answers_given_in_one_kernel_are_back_in_a_new_kernel(tmp_path: Path) -> None:
    """A quiz answered in one kernel is restored by the same cell run in a fresh kernel."""
    setup = (
        "from parler_kit.content import QuizQuestion, load_bank\n"
        "from parler_kit.widgets import Quiz\n"
        "question = load_bank().exercises_of(QuizQuestion)[0]\n"
        "quiz = Quiz([question.id])"
    )
    answer = (
        "quiz.controls[question.id].value = question.correct[0]\nassert quiz.validate(question.id)"
    )
    check = (
        "assert quiz.value == {question.id: [question.correct[0]]}, quiz.value\nprint('restored')"
    )
    first = _run([setup, answer], tmp_path)
    assert _errors(first) == []
    assert (tmp_path / "carnet.answers.json").exists()
    second = _run([setup, check], tmp_path)
    assert _errors(second) == []
    assert second.cells[1].outputs[0]["text"].strip() == "restored"
