"""Record the scripts a participant's page loads, for the page template to announce them early.

Voilà's page asks for its ≈ 90 scripts in waves, each starting when the previous one has run:
its main bundle once the notebook has run, the widget extensions after the page's « load »
event, the widgets' own code after the kernel connects. On a room's Wi-Fi every wave waits for
the network (150 ms or more per round trip, issue 26). The page template lists them all as
``<link rel="preload">`` at the top of the page, so the browser fetches them while the notebook
runs on the server.

The list depends on the exact versions of Voilà and the widget extensions (constraints.txt):
``tests/room/test_page_weight.py`` fails when the page loads other scripts than the list, and says
to run this again:

    .venv/bin/python scripts/record-page-scripts.py

It opens the example workbook with the room's settings in Chromium and rewrites
``page-scripts.html.j2`` beside the page template.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO / "benchmarks")]
import participant_page  # noqa: E402  (the benchmark's server and workbook helpers)
from browser.jupyter_servers import CHROMIUM, CHROMIUM_ARGS, jupyter_env  # noqa: E402
from parler_kit.room.settings import PAGE_SCRIPTS, page_scripts_template  # noqa: E402


def recorded_scripts() -> list[str]:
    """Paths (from the server's base URL) of the Voilà and extension scripts the page loads."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = participant_page.produce_workbook(Path(folder))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            env = jupyter_env(Path(folder) / "jupyter")
            with participant_page.serve("extension", notebook, env) as server:
                page = browser.new_page()
                page.goto(participant_page.page_url("extension", server, notebook))
                page.locator(participant_page.FIRST_INTERACTIVE).first.wait_for(timeout=120_000)
                page.wait_for_load_state("networkidle")
                time.sleep(1)
                names: list[str] = page.evaluate(
                    "performance.getEntriesByType('resource').map(r => r.name)"
                )
            browser.close()
    base = server.url + "/"
    return sorted(
        {n.removeprefix(base) for n in names if PAGE_SCRIPTS.fullmatch(n.removeprefix(base))}
    )


def main() -> None:
    """Record, then write the template's list; print how many."""
    scripts = recorded_scripts()
    target = page_scripts_template()
    target.write_text(
        "{#- Written by scripts/record-page-scripts.py: the scripts Voilà's page loads, announced\n"
        "    early so the browser fetches them while the notebook runs (issue 26). -#}\n"
        + "".join(
            f'<link rel="preload" as="script" href="{{{{ resources.base_url }}}}{path}">\n'
            for path in scripts
        ),
        "utf-8",
    )
    print(f"{len(scripts)} scripts → {target}")


if __name__ == "__main__":
    main()
