"""docs/live-view.md stays true: its screenshots exist and its hub config is the one tested."""

from __future__ import annotations

import re

from browser.jupyter_servers import REPO
from live.hub_room import CONFIG

DOC = REPO / "docs" / "live-view.md"


def test_screenshots_exist() -> None:
    """Every image the guide shows is in docs/img."""
    images = re.findall(r"!\[[^\]]*\]\((img/[^)]+)\)", DOC.read_text("utf-8"))
    assert len(images) >= 6
    assert [i for i in images if not (DOC.parent / i).is_file()] == []


def test_hub_config_is_the_tested_one() -> None:
    """The service and role the guide asks for are those the real-hub test runs with."""
    text = DOC.read_text("utf-8")
    for needle in (
        '"name": "classe"',
        '"-m", "parler_kit.live", "--hub-service"',
        '"oauth_no_confirm": True',
        '"scopes": ["access:services!service=classe"]',
        '"groups": ["formateurs", "participants"]',
    ):
        assert needle in text
        assert needle in CONFIG.replace("{{", "{").replace("}}", "}")
