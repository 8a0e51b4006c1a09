"""Each participant's landing page: a code-free Voilà page listing their workbook and released days.

``accueil.ipynb`` is made of markdown cells only (Voilà shows them as a web page). It is rewritten
by `room prepare` and by every `room release`; it holds no answer, so rewriting it loses nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from parler_kit.i18n import french_typography
from parler_kit.room.settings import LANDING_NOTEBOOK

_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def notebook_title(path: Path) -> str:
    """The first level-1 heading of a notebook's markdown, else its file name."""
    try:
        notebook = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return path.stem
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = "".join(cell.get("source", []))
            match = _HEADING.search(source)
            if match:
                return match.group(1).strip()
    return path.stem


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def landing_markdown(folder: Path, first_name: str, workbook: str, days: list[str]) -> str:
    """The page's markdown: greeting, the workbook link, then each released day's notebooks."""
    lines = [
        f"# Bonjour {_escape(first_name)}",
        "",
        "Voici votre espace de formation. Vos réponses sont enregistrées à chaque modification : "
        "vous pouvez fermer la page et revenir quand vous voulez, même depuis un autre appareil.",
        "",
        "## Mon carnet",
        "",
        f"- [Mon carnet de formation]({workbook})" if (folder / workbook).exists() else "",
        "",
    ]
    for day in days:
        notebooks = sorted((folder / day).glob("*.ipynb"))
        if not notebooks:
            continue
        number = day.removeprefix("day")
        lines += [f"## Jour {number}", ""]
        lines += [f"- [{_escape(notebook_title(nb))}]({day}/{nb.name})" for nb in notebooks]
        lines.append("")
    if not days:
        lines += [
            "Les journées apparaîtront ici quand la formatrice ou le formateur les ouvrira.",
            "",
        ]
    return french_typography("\n".join(line for line in lines if line is not None))


def write_landing(folder: Path, first_name: str, workbook: str, days: list[str]) -> Path:
    """Write ``accueil.ipynb`` in a participant's folder; return its path."""
    notebook = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(landing_markdown(folder, first_name, workbook, days))  # type: ignore[no-untyped-call]
    ]
    path = folder / LANDING_NOTEBOOK
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(nbformat.writes(notebook), "utf-8")  # type: ignore[no-untyped-call]
    partial.replace(path)
    return path
