"""What an answers file is: its names, the one rule that recognises one, and finding them in a folder.

The answer store writes ``<stem>.answers.json`` (`answers_name`): ``carnet.answers.json`` for the
store shared by the notebooks of a day's folder (`DAY_ANSWERS`), ``workbook.answers.json`` beside a
personalised workbook (`WORKBOOK_ANSWERS`), ``evaluation_a_froid.answers.json`` for the follow-up
evaluation (`FOLLOW_UP_ANSWERS`), ``suivi-fiche-action.answers.json`` for the fiche action's
follow-up recorded in a room (`PLAN_FOLLOW_UP_ANSWERS`). Beside each file the store keeps
``<file>.lock`` and, when it found the file damaged, ``<file>.corrupt-<timestamp>`` (`STORE_GLOBS`
matches all three); its temporary files are hidden (``.<file>.<random>.tmp``).

One rule for every reader (`is_answers_name`): a name with ``.answers`` before ``.json``, in any
case, so that the copies a person or a system makes still count (« carnet.answers (1).json »,
« jour1 (1).answers.json », « CARNET.ANSWERS.JSON »); never a hidden file (``._carnet.answers.json``
is the resource fork a Mac writes on a USB key, not answers). `answers_paths` applies it below a
folder, leaving hidden folders out (``.ipynb_checkpoints``…).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: The ending of an answers file the store writes.
SUFFIX = ".answers.json"
#: The store the notebooks of one day's folder share (the course notebooks, a room's ``dayN/``).
DAY_ANSWERS = f"carnet{SUFFIX}"
#: The answers file beside a personalised workbook (production).
WORKBOOK_ANSWERS = f"workbook{SUFFIX}"
#: The follow-up evaluation's answers file (évaluation à froid), weeks after the course.
FOLLOW_UP_ANSWERS = f"evaluation_a_froid{SUFFIX}"
#: The fiche action's follow-up recorded in a running room, beside the trainers' notebook
#: ``suivi-fiche-action.ipynb`` (`parler_kit.suivi.plan`: one record per point, 3 and 6 months).
PLAN_FOLLOW_UP_ANSWERS = f"suivi-fiche-action{SUFFIX}"
#: Globs of an answers file and of what the store keeps beside it (lock, corrupt copies): what
#: must never be released, copied over someone's answers, or graded from the course's source.
STORE_GLOBS = (f"*{SUFFIX}", f"*{SUFFIX}.*")

_NAME = re.compile(r"^(?P<stem>.*?)\.answers(?P<rest>.*)\.json$", re.IGNORECASE)


def answers_name(stem: str) -> str:
    """The name of the answers file of a notebook or store called `stem` (``<stem>.answers.json``)."""
    return f"{stem}{SUFFIX}"


def answers_name_parts(name: str) -> tuple[str, str] | None:
    """(what comes before ``.answers``, what comes between it and ``.json``), or None if not one.

    « jour1 (1).answers.json » gives (« jour1 (1) », « »); « jour1.answers (1).json » gives
    (« jour1 », « (1) »). Hidden files are not answers files.
    """
    match = _NAME.match(name)
    if match is None or name.startswith("."):
        return None
    return match["stem"], match["rest"]


def is_answers_name(name: str) -> bool:
    """Whether a file name is an answers file's (see the module doc for the one rule)."""
    return answers_name_parts(name) is not None


def answers_paths(folder: Path) -> list[Path]:
    """Every answers file below `folder` (any depth, hidden folders left out), sorted."""
    found: list[Path] = []
    for parent, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(parent, n) for n in names if is_answers_name(n))
    return sorted(p for p in found if p.is_file())
