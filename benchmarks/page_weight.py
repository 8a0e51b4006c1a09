"""What a participant's page costs the room's Wi-Fi: bytes transferred for a first open and a reload.

Issue 26's targets: the produced workbook's first open transfers ≤ 1.5 MB, a reload ≤ 250 KB,
as Chromium counts transferred bytes (``Network.loadingFinished``'s ``encodedDataLength``:
compressed body + headers; a file served from the browser's cache counts 0). The page is served
as in the room (jupyter-server + Voilà extension with the room's settings, `ROOM_VOILA_OPTIONS`,
which include the participants' compression and cache settings). It prints the totals, the number
of requests, how many were answered from the cache, and the ten heaviest responses.

Run: ``.venv/bin/python benchmarks/page_weight.py``
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))
from browser.jupyter_servers import (  # noqa: E402  (the tests' server helpers)
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOM_VOILA_OPTIONS,
    jupyter_env,
    run_voila_extension,
)
from participant_page import FIRST_INTERACTIVE, produce_workbook  # noqa: E402

FIRST_OPEN_TARGET = 1_500_000
RELOAD_TARGET = 250_000


@dataclass
class Transfer:
    """Bytes and requests of one page load, from Chromium's own network events."""

    urls: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    cached: set[str] = field(default_factory=set)

    def on_response(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]
        if event["response"].get("fromDiskCache") or event["response"].get("fromMemoryCache"):
            self.cached.add(event["requestId"])

    def on_finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def on_cached(self, event: dict[str, Any]) -> None:
        self.cached.add(event["requestId"])

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


def load(page: Any, action: Any) -> Transfer:
    """Run `action` (goto or reload) and count what crossed the network until the page works."""
    transfer = Transfer()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.responseReceived", transfer.on_response)
    cdp.on("Network.loadingFinished", transfer.on_finished)
    cdp.on("Network.requestServedFromCache", transfer.on_cached)
    action()
    page.locator(FIRST_INTERACTIVE).first.wait_for(state="visible", timeout=120_000)
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return transfer


def report(name: str, transfer: Transfer, target: int) -> None:
    verdict = "OK" if transfer.total <= target else "OVER"
    print(
        f"{name}: {transfer.total / 1000:.0f} KB transferred in {len(transfer.urls)} requests "
        f"({len(transfer.cached)} from the cache); target ≤ {target / 1000:.0f} KB: {verdict}"
    )
    heaviest = sorted(transfer.sizes.items(), key=lambda item: item[1], reverse=True)[:10]
    for request_id, size in heaviest:
        print(f"    {size / 1000:8.1f} KB  {transfer.urls.get(request_id, '?').split('?')[0]}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        notebook = produce_workbook(Path(tmp) / "carnets")
        home = Path(tmp) / "home"
        home.mkdir()
        with (
            run_voila_extension(
                notebook.parent, jupyter_env(home), extra_args=ROOM_VOILA_OPTIONS
            ) as server,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context().new_page()
            url = f"{server.url}/voila/render/{notebook.name}?token={server.token}"
            report("first open", load(page, lambda: page.goto(url)), FIRST_OPEN_TARGET)
            report("reload", load(page, page.reload), RELOAD_TARGET)
            browser.close()


if __name__ == "__main__":
    main()
