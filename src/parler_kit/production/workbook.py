"""The participant's interactive workbook: the template with parameters injected by papermill.

Papermill's Python API with ``prepare_only=True`` injects the parameters without running a
kernel: the participant runs the workbook in JupyterLab or Voilà, where the widgets come alive
(widget outputs saved from a headless run would only show « model not found »). The injected
cell and the parameters cell are hidden; the cover and role-examples cells are filled in.
"""

from __future__ import annotations

import copy
from typing import Any

import nbformat
import papermill

from parler_kit.content import ContentBank
from parler_kit.i18n import Locale
from parler_kit.production.personal import cover_markdown, role_examples_markdown
from parler_kit.roster import Participant, Session

_HIDDEN_TAGS = {"parameters", "injected-parameters", "hide-input"}


def workbook_notebook(
    template: nbformat.NotebookNode,
    parameters: dict[str, Any],
    participant: Participant,
    session: Session,
    bank: ContentBank,
    locale: Locale = "fr",
) -> nbformat.NotebookNode:
    """The personalised workbook as a notebook node (nothing written)."""
    notebook = prepared_notebook(template, parameters)
    for cell in notebook.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "cover" in tags:
            cell.cell_type = "markdown"
            cell.source = cover_markdown(participant, session, bank, locale)
        elif "role-examples" in tags:
            cell.source = role_examples_markdown(bank, participant, locale)
    return notebook


def prepared_notebook(
    template: nbformat.NotebookNode, parameters: dict[str, Any]
) -> nbformat.NotebookNode:
    """`template` with `parameters` injected by papermill (no kernel), parameter cells hidden."""
    notebook: nbformat.NotebookNode = papermill.execute_notebook(
        copy.deepcopy(template),
        None,
        parameters=parameters,
        prepare_only=True,
        kernel_name="python3",
        language="python",
        progress_bar=False,
        log_output=False,
    )
    for cell in notebook.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.cell_type == "code" and tags & _HIDDEN_TAGS:
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    # papermill copies every parameter into the notebook's metadata; the cell above is enough.
    notebook.metadata.get("papermill", {}).pop("parameters", None)
    return notebook
