"""Shared fixtures. Jupyter/IPython/matplotlib state is kept out of $HOME for every test."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

# Browser fixtures (Chromium, a page, a Jupyter home) are defined once for the whole run: a
# second session-scoped Playwright instance in the same process fails to start.
from browser.jupyter_servers import chromium, jupyter_home, page, widget_notebook

# The kit run as its users run it (make demo, a course through nbgrader), once per session.
from user_runs import course_run, demo_run

REPO_ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"

__all__ = ["chromium", "course_run", "demo_run", "jupyter_home", "page", "widget_notebook"]


@pytest.fixture(autouse=True, scope="session")
def _isolated_jupyter_state(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Point every Jupyter-related config/data/runtime directory at a temporary folder."""
    home = tmp_path_factory.mktemp("jupyter-home")
    for variable, sub in {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "IPYTHONDIR": "ipython",
        "MPLCONFIGDIR": "matplotlib",
        "XDG_CACHE_HOME": "cache",
    }.items():
        os.environ.setdefault(variable, str(home / sub))
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")


def _pdf_text(path: Path) -> str:
    """The text of a PDF (pdftotext), with every kind of space folded to one plain space."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="session")
def pdf_text() -> Callable[[Path], str]:
    """Read a PDF's text (pdftotext), spaces folded, for assertions on printed documents."""
    return _pdf_text
