"""docs/live-view.md stays true: its screenshots exist and its hub config is the room's own."""

from __future__ import annotations

import re
from pathlib import Path

from browser.jupyter_servers import REPO
from parler_kit.room.layout import RoomLayout
from parler_kit.room.services import hub_services

DOC = REPO / "docs" / "live-view.md"


def test_screenshots_exist() -> None:
    """Every image the guide shows is in docs/img."""
    images = re.findall(r"!\[[^\]]*\]\((img/[^)]+)\)", DOC.read_text("utf-8"))
    assert len(images) >= 6
    assert [i for i in images if not (DOC.parent / i).is_file()] == []


def test_hub_config_in_the_guide_is_what_the_room_declares(tmp_path: Path) -> None:
    """The service and role the guide shows are those parler_kit.room gives the hub."""
    layout = RoomLayout.at(tmp_path)
    layout.hub.mkdir()
    layout.api_token.write_text("jeton", "utf-8")
    services, roles = hub_services(layout, "http://192.168.1.10:8000/", {"SameSite": "Lax"})
    live = next(s for s in services if s["name"] == "classe")
    access = next(r for r in roles if r["name"] == "classe-acces")
    text = DOC.read_text("utf-8")
    assert live["command"][1:4] == ["-m", "parler_kit.live", "--hub-service"]
    assert live["command"][4] == str(layout.participants)
    assert live["oauth_no_confirm"] is True
    for needle in (
        '"name": "classe"',
        '"-m", "parler_kit.live", "--hub-service"',
        '"oauth_no_confirm": True',
        f'"scopes": ["{access["scopes"][0]}"]',
        f'"groups": ["{access["groups"][0]}", "{access["groups"][1]}"]',
    ):
        assert needle in text
