"""A room's Wi-Fi, emulated in Chromium for one page (issue 26).

The figures of a busy venue's Wi-Fi as the issue states them: 150 ms of latency, 4 Mbit/s down and
1 Mbit/s up per device. Chromium applies them to every request of the page (DevTools protocol,
``Network.emulateNetworkConditions``), reloads included. Used by the room's tests and by
``benchmarks/room.py --wifi``.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

#: DevTools' parameters: latency in ms, throughputs in bytes per second.
ROOM_WIFI: dict[str, Any] = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 4_000_000 / 8,
    "uploadThroughput": 1_000_000 / 8,
}


def on_room_wifi(page: Page) -> None:
    """Put `page` on the emulated room Wi-Fi from its next request on."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", ROOM_WIFI)
