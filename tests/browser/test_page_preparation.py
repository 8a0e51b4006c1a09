"""A page whose kernel never answers is not left hanging: a French message, one retry, then help.

The room's page template (`parler_kit` Voilà template, static/preparation.js) watches the page's
preparation. Here the notebook's kernel is a process that never answers (a « python3 » kernel
spec that only sleeps), as a kernel that died at start or a machine too loaded to start it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser.jupyter_servers import ROOM_VOILA_OPTIONS, Server, jupyter_env, run_voila_extension

pytestmark = pytest.mark.browser
NOTEBOOK = Path(__file__).resolve().parents[1] / "data" / "notebooks" / "all_widgets.ipynb"


@pytest.fixture(scope="module")
def stalled(tmp_path_factory: pytest.TempPathFactory, jupyter_home: Path) -> Iterator[Server]:
    """A participant's server whose kernels start but never answer."""
    folder = tmp_path_factory.mktemp("page")
    shutil.copy(NOTEBOOK, folder / "carnet.ipynb")
    spec = tmp_path_factory.mktemp("noyau-muet") / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": ["sleep", "600"], "display_name": "Python 3", "language": "python"}
    ), "utf-8")  # fmt: skip
    env = jupyter_env(jupyter_home)
    env["JUPYTER_PATH"] = os.pathsep.join([str(spec.parent.parent), env["JUPYTER_PATH"]])
    with run_voila_extension(folder, env, extra_args=ROOM_VOILA_OPTIONS) as server:
        yield server


def test_a_page_that_stops_getting_ready_says_so_retries_once_then_asks_for_help(
    page: Page, stalled: Server
) -> None:
    """15 s without progress: French message and one reload; stalled again: call the trainer."""
    loads: list[str] = []  # every navigation of the page itself (the first, then reloads)
    page.on(
        "framenavigated",
        lambda frame: loads.append(frame.url) if frame == page.main_frame else None,
    )
    page.goto(f"{stalled.url}/voila/render/carnet.ipynb?token={stalled.token}", wait_until="commit")
    label = page.locator("#loading_text")
    expect(label).to_contain_text("prend plus de temps que prévu", timeout=25_000)
    expect(label).to_contain_text("ne se prépare pas", timeout=60_000)
    expect(label).to_contain_text("Prévenez la formatrice ou le formateur")
    page.wait_for_timeout(20_000)  # no third try
    expect(label).to_contain_text("ne se prépare pas")
    assert len(loads) == 2, loads
