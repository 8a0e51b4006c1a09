"""Every widget in Voilà (a web page, no code): renders, answers go to disk, a reload restores them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.jupyter_servers import SCREENSHOTS, jupyter_env, run_voila, screenshot_top
from browser.widget_actions import (
    KINDS,
    act_on_every_widget,
    assert_answers_on_disk,
    assert_no_error_output,
    check_every_widget_restored,
    wait_for_all_widgets,
    widget,
)

pytestmark = pytest.mark.browser
DOC_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"


def test_voila_widgets_save_answers_and_restore_them_after_reload(
    page: Page, widget_notebook: Path, jupyter_home: Path
) -> None:
    """In Voilà all nine widgets render without error, clicks and keys save, reload restores."""
    folder = widget_notebook.parent
    with run_voila(widget_notebook, jupyter_env(jupyter_home)) as server:
        page.goto(f"{server.url}/")
        wait_for_all_widgets(page)
        assert_no_error_output(page)
        stored = act_on_every_widget(page, folder)
        assert_answers_on_disk(folder, stored)
        _screenshots(page, "voila")
        page.reload()
        wait_for_all_widgets(page)
        assert_no_error_output(page)
        check_every_widget_restored(page)


def _screenshots(page: Page, prefix: str) -> None:
    """Save each widget under SCREENSHOTS (and, on request, small copies under docs/img/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    update_docs = os.environ.get("PARLER_KIT_UPDATE_DOC_IMAGES") == "1"
    for kind in KINDS:
        path = SCREENSHOTS / f"{prefix}-{kind}.png"
        screenshot_top(page, widget(page, kind), path)
        assert path.stat().st_size > 5000  # a blank capture is a few hundred bytes
        if update_docs:
            _small_copy(path, DOC_IMAGES / f"{kind}.png")


def _small_copy(source: Path, target: Path, width: int = 760, max_height: int = 900) -> None:
    """A light PNG for the docs: the top of the widget, scaled down, 64-colour palette."""
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as image:
        scale = min(1.0, width / image.width)
        resized = image.resize((round(image.width * scale), round(image.height * scale)))
        cropped = resized.crop((0, 0, resized.width, min(resized.height, max_height)))
        cropped.convert("RGB").quantize(colors=64).save(target, optimize=True)
