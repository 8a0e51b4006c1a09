"""The files the kit ships beside its code, read as package data, and the room's proxy program.

The course notebooks (``curriculum/``), the papermill templates (``workbooks/``) and nbgrader's
French feedback template (``nbgrader_templates/``) live at the top of the repository, where
trainers and nbgrader find them. ``src/parler_kit/shipped/`` holds a symbolic link to each, so the
wheel carries them as package data (``pyproject.toml``'s package-data) and the kit reads them
through `importlib.resources` the same way from a checkout (editable install) and from an
installed wheel. They are handed to nbgrader, papermill and `shutil` as folders and files, so the
kit must be installed as files on disk (what pip does with a wheel), never run from a zip.

configurable-http-proxy is not Python: `make` installs the version pinned in ``package-lock.json``
into the checkout's ``node_modules/``; an installed kit (a container image for a hosted room)
finds it on ``PATH`` (``npm install -g``).

Bottom layer: imports nothing of the kit.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

#: The proxy program JupyterHub starts (configurable-http-proxy).
PROXY_PROGRAM = "configurable-http-proxy"
#: The checkout's folder of npm programs (``make`` installs the pinned proxy there).
_NODE_PROGRAMS = Path(__file__).resolve().parent.parent.parent / "node_modules" / ".bin"


def shipped(*parts: str) -> Path:
    """A file or folder the kit ships (``shipped/curriculum``…), as a path on disk."""
    resource = files("parler_kit").joinpath("shipped", *parts)
    if not isinstance(resource, Path):  # only a zipped install gives anything else
        raise RuntimeError(f"parler_kit must be installed as files, not zipped: {resource}")
    return resource


#: The course notebooks (nbgrader source, one folder per day).
CURRICULUM = shipped("curriculum")
#: The participant workbook's papermill template.
WORKBOOK_TEMPLATE = shipped("workbooks", "workbook.ipynb")
#: The follow-up evaluation's (évaluation à froid) template.
FOLLOW_UP_TEMPLATE = shipped("workbooks", "evaluation_a_froid.ipynb")
#: nbgrader's French feedback template (adapted from nbgrader's own).
FEEDBACK_TEMPLATES = shipped("nbgrader_templates")


def proxy_command() -> Path:
    """configurable-http-proxy: the checkout's pinned one, else the one on ``PATH``.

    When neither exists, the checkout's path (which ``room start`` names in its French error).
    """
    pinned = _NODE_PROGRAMS / PROXY_PROGRAM
    if pinned.exists():
        return pinned
    found = shutil.which(PROXY_PROGRAM)
    return Path(found) if found is not None else pinned
