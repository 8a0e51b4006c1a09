"""A device without a browser: what a participant's page asks of the room's server, and nothing else.

Used by ``benchmarks/room.py --wifi --browsers K``: the room's 2 cores cannot run 25 Chromium pages
and the room at once (a real room's devices have their own processors), so K devices are real
Chromium pages (the measured ones) and the others put the same load on the server as their pages
would, through the same doors:

1. log in (the hub's login form, OAuth to the participant's server, the landing page);
2. open the workbook: ``GET …/voila/render/workbook.ipynb`` — Voilà starts a kernel and runs the
   notebook before it answers;
3. connect to that kernel's channel as Voilà's widget manager does (``kernel_info_request``, then
   the ``jupyter.widget.control`` comm's ``request_states``) and wait for the widgets' states:
   the page would be interactive then, once the device had drawn it;
4. on a reload: close the channel, ask Voilà to shut the kernel down (what the page does on
   ``beforeunload``), and open the workbook again.

What it does not do: run Voilà's JavaScript, fetch the static files (served from the browser's
cache or cheaply by tornado), answer the quiz. Its times are the server's share of a device's wait.
"""

from __future__ import annotations

import asyncio
import json
import re
import struct
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import requests
from websockets.asyncio.client import ClientConnection, connect

#: ipywidgets' control comm refuses an opening without its protocol version (ipywidgets 8).
CONTROL_PROTOCOL = "1.0.0"
_KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


@dataclass
class ProtocolDevice:
    """One participant's device played without a browser, and the server times measured on it."""

    index: int
    username: str
    code: str
    landing: float | None = None
    workbook: float | None = None
    reload: float | None = None
    errors: list[str] = field(default_factory=list)
    _session: requests.Session | None = None
    _kernel: str = ""
    _channel: ClientConnection | None = None


def _message(
    msg_type: str, session: str, content: dict[str, Any], metadata: dict[str, Any] | None = None
) -> str:
    """A message of the kernel's websocket protocol (jupyter-server's JSON form, channel shell)."""
    header = {"msg_id": uuid.uuid4().hex, "username": "", "session": session,
              "msg_type": msg_type, "version": "5.3", "date": ""}  # fmt: skip
    return json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {},
                       "content": content, "channel": "shell", "buffers": []})  # fmt: skip


def log_in(url: str, device: ProtocolDevice) -> None:
    """Log in through the hub's form until the landing page (the server started if needed)."""
    session = device._session = requests.Session()
    session.get(url + "hub/login", timeout=600)
    start = time.monotonic()
    answer = session.post(url + "hub/login?next=", timeout=600,
                          data={"username": device.username, "password": device.code,
                                "_xsrf": session.cookies.get("_xsrf")})  # fmt: skip
    while "spawn-pending" in answer.url and time.monotonic() - start < 600:
        time.sleep(0.3)
        answer = session.get(url + f"user/{device.username}/", timeout=600)
    answer.raise_for_status()
    device.landing = time.monotonic() - start


def workbook_page(url: str, device: ProtocolDevice) -> str:
    """Ask for the workbook's page (Voilà runs the notebook first); its kernel's id."""
    assert device._session is not None
    page = device._session.get(url + f"user/{device.username}/voila/render/workbook.ipynb",
                               timeout=600)  # fmt: skip
    page.raise_for_status()
    found = _KERNEL_ID.search(page.text)
    if found is None:
        raise RuntimeError("no kernel id in the workbook page")
    return found[1]


async def _widgets_ready(url: str, device: ProtocolDevice) -> None:
    """Connect to the page's kernel and wait for the widgets' states, as the page does."""
    assert device._session is not None
    server = f"/user/{device.username}/"
    session = uuid.uuid4().hex
    address = url.replace("http://", "ws://") + (
        f"user/{device.username}/api/kernels/{device._kernel}/channels?session_id={session}"
    )
    channel = device._channel = await connect(
        address, additional_headers={"Cookie": _cookie_header(device._session, server)},
        origin=url.rstrip("/"), max_size=None, open_timeout=600,
    )  # fmt: skip
    await channel.send(_message("kernel_info_request", session, {}))
    await _wait_for(channel, lambda m: m["msg_type"] == "kernel_info_reply")
    comm = uuid.uuid4().hex
    await channel.send(_message("comm_open", session,
                                {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}},
                                {"version": CONTROL_PROTOCOL}))  # fmt: skip
    await channel.send(_message("comm_msg", session,
                                {"comm_id": comm, "data": {"method": "request_states"}}))  # fmt: skip
    await _wait_for(channel, lambda m: m["msg_type"] == "comm_msg"
                    and m["content"].get("data", {}).get("method") == "update_states")  # fmt: skip


def _cookie_header(session: requests.Session, path: str) -> str:
    """The cookies a browser would send to `path` (the hub's and the server's carry one name)."""
    return "; ".join(
        f"{c.name}={c.value}" for c in session.cookies if path.startswith(c.path or "/")
    )


def _server_xsrf(session: requests.Session, path: str) -> str:
    """The participant's server's own ``_xsrf`` cookie (the hub has another, under /hub/)."""
    return next(
        (c.value or "" for c in session.cookies if c.name == "_xsrf" and c.path == path), ""
    )


async def _wait_for(channel: ClientConnection, wanted: Any, timeout: float = 300) -> None:
    async with asyncio.timeout(timeout):
        while True:
            if wanted(_decoded(await channel.recv())):
                return


def _decoded(raw: str | bytes) -> Any:
    """A message from the channel; a binary frame (a message with buffers) read for its JSON part.

    jupyter-server's binary frame: the number of parts, their offsets, then the parts (the JSON
    message first, then its buffers).
    """
    if isinstance(raw, str):
        return json.loads(raw)
    parts = struct.unpack_from("!I", raw)[0]
    offsets = [*struct.unpack_from(f"!{parts}I", raw, 4), len(raw)]
    return json.loads(raw[offsets[0] : offsets[1]])


async def open_workbook(url: str, device: ProtocolDevice, *, first: bool) -> float:
    """Log in (`first` opening), open the workbook and wait for its widgets; seconds for the opening."""
    if first:
        await asyncio.to_thread(log_in, url, device)
    start = time.monotonic()
    device._kernel = await asyncio.to_thread(workbook_page, url, device)
    await _widgets_ready(url, device)
    return time.monotonic() - start


async def leave_page(url: str, device: ProtocolDevice) -> None:
    """What a page does when it goes: its channel closes, Voilà is asked to stop its kernel."""
    if device._channel is not None:
        await device._channel.close()
        device._channel = None
    if device._session is not None and device._kernel:
        session = device._session
        xsrf = _server_xsrf(session, f"/user/{device.username}/")
        answer = await asyncio.to_thread(
            session.post, url + f"user/{device.username}/voila/api/shutdown/{device._kernel}",
            headers={"X-XSRFToken": xsrf}, timeout=60,
        )  # fmt: skip
        if answer.status_code != 204:  # what a page's beforeunload would have failed to do
            device.errors.append(f"kernel shutdown answered {answer.status_code}")
