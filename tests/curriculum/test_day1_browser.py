"""Day 1 in a real JupyterLab (French interface, as `make lab` sets it up), driven by Chromium.

The day's notebooks are copied to a temporary folder first: running them in the browser writes
outputs (autosave) and an answers file, which must never touch the committed sources.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DAY1 = REPO / "curriculum" / "day1"
SCREENSHOTS = REPO / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"JupyterLab stopped with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"JupyterLab did not answer on {url}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """JupyterLab on a copy of day 1, French settings written by `make lab-settings`."""
    home = tmp_path_factory.mktemp("lab")
    notebooks = home / "day1"
    shutil.copytree(DAY1, notebooks, ignore=shutil.ignore_patterns("*.answers.json*"))
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        MPLCONFIGDIR=str(home / "matplotlib"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    subprocess.run(
        ["make", "-s", "lab-settings", f"LAB_CONFIG={home / 'config'}"],
        cwd=REPO,
        check=True,
        env=env,
    )
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebooks}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "lab.log").open("wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/api/status?token={token}", server)
        yield f"http://127.0.0.1:{port}", token, notebooks
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


KERNEL_IDLE = "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /\\| Inactif$/.test(e.textContent.trim()))"


def _run_all_and_wait(page: Any, expected_outputs: int, timeout_s: float = 180) -> None:
    """Use the French menu « Exécution → Exécuter toutes les cellules »; wait for the run to end.

    Finding the French labels is itself the check that `make lab-settings` selects the language
    pack. The run has ended when every cell that displays something has its output and the kernel
    is idle again (the status bar's « Inactif », which unlike the toolbar indicator is only shown
    once the kernel is really connected).
    """
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_s * 1000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Exécution").click()
    page.locator(".lm-Menu-itemLabel", has_text="Exécuter toutes les cellules").first.click()
    page.wait_for_function(
        f"""() => document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').length >= {expected_outputs}
            && ({KERNEL_IDLE})()""",
        timeout=timeout_s * 1000,
    )


@pytest.mark.parametrize("notebook", sorted(p.name for p in DAY1.glob("*.ipynb")))
def test_day1_notebook_runs_in_french_jupyterlab_with_widgets_and_no_error(
    lab: tuple[str, str, Path], notebook: str
) -> None:
    """All cells run in the browser; every exercise cell shows a rendered widget; no error output."""
    from playwright.sync_api import sync_playwright

    base, token, folder = lab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-FR")
            page.goto(f"{base}/lab/tree/{notebook}?token={token}&reset")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
            shows, displays = _expected_outputs(folder / notebook)
            _run_all_and_wait(page, displays)
            page.wait_for_timeout(1500)  # let widget views attach to their outputs
            errors = page.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                " .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
            )
            widgets = page.locator(
                ".jp-OutputArea-output .jupyter-widgets, .jp-OutputArea-output .widget-box"
            )
            if widgets.count():
                widgets.first.scroll_into_view_if_needed()
            page.screenshot(
                path=str(SCREENSHOTS / f"day1-{Path(notebook).stem}.png"), full_page=True
            )
            assert errors.count() == 0, errors.first.inner_text()
            assert widgets.count() >= shows, f"{widgets.count()} widgets for {shows} show() cells"
        finally:
            browser.close()


def _expected_outputs(path: Path) -> tuple[int, int]:
    """(cells calling show(), cells displaying something): not pure imports, not graded cells.

    A graded cell displays its score only when nbgrader runs it (NBGRADER_EXECUTION is set).
    """
    import nbformat

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
