"""The participant's follow-up evaluation (évaluation à froid), produced with their workbook.

``workbooks/evaluation_a_froid.ipynb`` is a notebook of its own, filled a few weeks after the
course. Production gives each participant their copy, ``evaluation_a_froid.ipynb`` beside
``workbook.ipynb``, with their participant and session ids injected by papermill (no kernel run),
and creates its answers file ``evaluation_a_froid.answers.json`` with the same ids: that is what
lets `parler_kit.report` count the answers in the bilan's à froid section (a file without a
participant id is left out).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

from parler_kit.answers.files import FOLLOW_UP_ANSWERS
from parler_kit.paths import FOLLOW_UP_TEMPLATE
from parler_kit.production.workbook import prepared_notebook
from parler_kit.roster import Participant, Session

#: File names inside ``<out>/<participant id>/``.
FOLLOW_UP_NAME = "evaluation_a_froid.ipynb"
FOLLOW_UP_ANSWERS_NAME = FOLLOW_UP_ANSWERS


def load_follow_up(path: Path = FOLLOW_UP_TEMPLATE) -> tuple[nbformat.NotebookNode, str]:
    """The follow-up template as a notebook node, and the SHA-256 of its bytes."""
    data = path.read_bytes()
    notebook = nbformat.reads(data.decode("utf-8"), as_version=4)  # type: ignore[no-untyped-call]
    return notebook, hashlib.sha256(data).hexdigest()


def follow_up_notebook(
    template: nbformat.NotebookNode, participant: Participant, session: Session
) -> nbformat.NotebookNode:
    """The participant's follow-up notebook (nothing written); its parameter cells stay hidden."""
    parameters = {
        "participant_id": participant.id,
        "session_id": session.id,
        "answers_path": FOLLOW_UP_ANSWERS_NAME,
    }
    notebook = prepared_notebook(template, parameters)
    # Like the workbook, the notebook says whose it is (read by `parler-kit course collect`).
    notebook.metadata["parler_kit"] = {"participant_id": participant.id, "session_id": session.id}
    return notebook
