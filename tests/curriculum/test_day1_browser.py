"""Day 1 in a real JupyterLab (French interface, as `make lab` sets it up), driven by Chromium.

The day's notebooks are copied to a temporary folder first: running them in the browser writes
outputs (autosave) and an answers file, which must never touch the committed sources. Servers,
browser and environment come from ``tests/browser/jupyter_servers.py`` (shared browser helpers).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import Page

from browser.jupyter_servers import SCREENSHOTS, Server, jupyter_env, run_lab

REPO = Path(__file__).resolve().parents[2]
DAY1 = REPO / "curriculum" / "day1"
#: The kernel is really connected and idle: the status bar's « Inactif » (the toolbar indicator
#: already says "idle" while the kernel is still starting).
KERNEL_IDLE = (
    "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
    ".some(e => /\\| Inactif$/.test(e.textContent.trim()))"
)

#: How many code cells have a rendered widget in their output.
CELLS_WITH_A_WIDGET = (
    "() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')].filter(cell =>"
    " cell.querySelector('.jp-OutputArea-output .jupyter-widgets')).length"
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lab(jupyter_home: Path) -> Iterator[Server]:
    """JupyterLab on a copy of day 1, with the French settings written by `make lab-settings`."""
    env = jupyter_env(jupyter_home, trainer=True)
    subprocess.run(
        ["make", "-s", "lab-settings", f"LAB_CONFIG={jupyter_home / 'config'}"],
        cwd=REPO,
        check=True,
        env=env,
    )
    notebooks = jupyter_home / "day1"
    shutil.copytree(DAY1, notebooks, ignore=shutil.ignore_patterns("*.answers.json*"))
    with run_lab(notebooks, env) as server:
        yield server


def _expected_outputs(path: Path) -> tuple[int, int]:
    """(cells calling show(), cells displaying something): not pure imports, not graded cells.

    A graded cell displays its score only when nbgrader runs it (NBGRADER_EXECUTION is set).
    """
    cells = [
        c
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "code" and not c.metadata.get("nbgrader", {}).get("grade")
    ]
    shows = sum(1 for c in cells if "show(" in c.source)
    displays = sum(
        1
        for c in cells
        if not all(
            line.startswith(("from ", "import ", "#")) for line in c.source.splitlines() if line
        )
    )
    return shows, displays


def _run_all_and_wait(page: Page, expected_outputs: int, timeout_s: float = 180) -> None:
    """Use the French menu « Exécution → Exécuter toutes les cellules »; wait for the run to end.

    Finding the French labels is itself the check that `make lab-settings` selects the language
    pack. The run has ended when every cell that displays something has its output and the
    kernel is idle again.
    """
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_s * 1000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Exécution").click()
    page.locator(".lm-Menu-itemLabel", has_text="Exécuter toutes les cellules").first.click()
    page.wait_for_function(
        f"""() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length
            >= {expected_outputs} && ({KERNEL_IDLE})()""",
        timeout=timeout_s * 1000,
    )


@pytest.mark.parametrize("notebook", sorted(p.name for p in DAY1.glob("*.ipynb")))
def test_day1_notebook_runs_in_french_jupyterlab_with_widgets_and_no_error(
    lab: Server, page: Page, notebook: str
) -> None:
    """All cells run in the browser; every exercise cell shows a rendered widget; no error output."""
    page.goto(f"{lab.url}/lab/tree/{notebook}?token={lab.token}&reset")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    shows, displays = _expected_outputs(lab.root / notebook)
    _run_all_and_wait(page, displays)
    # Count code cells whose output holds a rendered widget (one per show() cell), not the
    # widget DOM nodes (one widget has many); wait for the views to attach instead of sleeping.
    page.wait_for_function(f"() => ({CELLS_WITH_A_WIDGET})() >= {shows}", timeout=60_000)
    errors = page.locator(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
        " .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widgets = page.locator(".jp-OutputArea-output .jupyter-widgets")
    if widgets.count():
        widgets.first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"day1-{Path(notebook).stem}.png"))
    assert errors.count() == 0, errors.first.inner_text()
    with_widget = page.evaluate(f"({CELLS_WITH_A_WIDGET})()")
    assert with_widget == shows, f"{with_widget} cells show a widget for {shows} show() cells"
