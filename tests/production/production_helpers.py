"""Helpers for production tests: small rosters and templates written in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SESSION = REPO / "examples" / "session.yaml"

PARAMETERS = """participant_id = "x"
full_name = "x"
role = "rpe"
structure = "x"
session_id = "x"
session_title = "x"
locale = "fr"
answers_path = "workbook.answers.json"
classify_ids = []
reformulate_ids = []
dialogue_ids = []
quiz_ids = []"""


def notebook(*cells: tuple[str, str, list[str]]) -> dict[str, object]:
    """A minimal nbformat-4 notebook from (type, source, tags) triples."""
    built = []
    for number, (cell_type, source, tags) in enumerate(cells):
        cell: dict[str, object] = {
            "id": f"cell-{number}",
            "cell_type": cell_type,
            "metadata": {"tags": tags},
            "source": source,
        }
        if cell_type == "code":
            cell.update(outputs=[], execution_count=None)
        built.append(cell)
    return {
        "cells": built,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_template(folder: Path, *cells: tuple[str, str, list[str]]) -> Path:
    """A template with the kit's parameters cell followed by `cells`."""
    path = folder / "template.ipynb"
    content = notebook(("code", PARAMETERS, ["parameters"]), *cells)
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return path


def write_roster(
    folder: Path, lines: list[str], header: str = "nom;prénom;profession;structure"
) -> Path:
    """A `;` roster with `header` and `lines`."""
    path = folder / "roster.csv"
    path.write_text("\n".join([header, *lines]) + "\n", "utf-8")
    return path
