"""`make slides`: a notebook's reveal.js export opens and runs with the network cut off.

The test converts one short notebook with the Makefile's own command (the reveal.js, require.js and
jQuery copies in build/slides/vendor/ are fetched from the npm registry the first time only).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = "curriculum/day1/04-references-divergentes.ipynb"
SLIDES = REPO / "build" / "slides" / "day1" / "04-references-divergentes.slides.html"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def slides() -> Path:
    """The slides of one day-1 notebook, written by `make slides` (venv stamps left alone)."""
    SLIDES.unlink(missing_ok=True)
    subprocess.run(
        ["make", "-s", "-o", ".venv/.installed-runtime", "slides", f"SLIDES_NOTEBOOKS={NOTEBOOK}"],
        cwd=REPO,
        check=True,
        timeout=600,
    )
    return SLIDES


def test_slides_hide_code_and_keep_trainer_notes_as_speaker_notes(slides: Path) -> None:
    """The page shows no code, carries the trainer part as reveal.js notes and asks no CDN."""
    text = slides.read_text("utf-8")
    assert '<aside class="notes">' in text and "Pour le formateur" in text
    assert "from parler_kit" not in text and "show(" not in text
    for cdn in ("unpkg.com", "cdnjs.cloudflare.com", "cdn.jsdelivr.net"):
        assert cdn not in text


def test_slides_run_offline_in_chromium(slides: Path, page: Page) -> None:
    """With every http(s) request refused, reveal.js starts and the timeline twin is displayed."""
    requests: list[str] = []
    page.route("http*://**", lambda route: (requests.append(route.request.url), route.abort()))
    page.goto(slides.as_uri())
    page.wait_for_function("() => document.querySelector('.reveal.ready') !== null")
    sections = page.evaluate("() => document.querySelectorAll('.slides section').length")
    assert requests == []
    assert sections >= 5
    assert page.locator(".slides section .pk-twin").count() >= 1, "the timeline's printed twin"
