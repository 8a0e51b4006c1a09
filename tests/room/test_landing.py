"""A participant's landing page: French, escaped, listing the workbook and released days only."""

from __future__ import annotations

import json
from pathlib import Path

from parler_kit.room.landing import write_landing


def _notebook(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [f"# {title}\n", "Texte"]}]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                "nbformat_minor": 5}), "utf-8")  # fmt: skip


def test_landing_lists_workbook_and_released_days_with_voila_links(tmp_path: Path) -> None:
    """Links go to Voilà beside the page; an unreleased day's folder is not listed."""
    _notebook(tmp_path / "workbook.ipynb", "Carnet")
    _notebook(tmp_path / "day1" / "01-accueil.ipynb", "Jour 1 · 1. Accueil : bienvenue")
    _notebook(tmp_path / "day2" / "01-parler.ipynb", "Jour 2 · 1. Parler avec")
    page = write_landing(tmp_path, "<b>Zoé</b>", "workbook.ipynb", ["day1"]).read_text("utf-8")
    assert '<html lang="fr">' in page
    assert 'href="../voila/render/workbook.ipynb"' in page
    assert 'href="../voila/render/day1/01-accueil.ipynb"' in page
    assert "Jour 1 · 1. Accueil\u202f: bienvenue" in page
    assert "day2" not in page and "Jour 2" not in page
    assert "&lt;b&gt;Zoé&lt;/b&gt;" in page and "<b>Zoé</b>" not in page


def test_landing_without_released_day_says_days_will_come(tmp_path: Path) -> None:
    """Before any release the page says the days will appear, and still links the workbook."""
    _notebook(tmp_path / "workbook.ipynb", "Carnet")
    page = write_landing(tmp_path, "Léo", "workbook.ipynb", []).read_text("utf-8")
    assert "Les journées apparaîtront ici" in page and "Mon carnet de formation" in page
