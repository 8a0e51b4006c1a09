"""The room holds against its own participants, attacked the way a curious participant would.

Each test plays one step of a participant with their access card and a browser's developer
console: code sent to their page's kernel over its websocket, their own server's REST API with
their cookie, code running as their account (if any ever ran) reading the codes, the hub's
secrets, another participant's folder and another server's environment, a cell added to their
notebook before grading. Each would succeed on a room without isolation.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from room_fixtures import Hub, Person, folder_of, log_in, new_device, run_cli
from test_room_hub import FIRST_NOTEBOOK

from browser.answering import (
    KINDS,
    answer_every_exercise,
    reload_and_find_every_answer,
)
from parler_kit.answers import read_answers
from parler_kit.room.isolation import load_system_accounts

pytestmark = pytest.mark.browser


def system_account(hub: Hub, person: Person) -> pwd.struct_passwd:
    """The system account a person's server runs as."""
    accounts = load_system_accounts(hub.room.layout)
    assert accounts is not None, "the room started without system accounts"
    return pwd.getpwnam(accounts.of(person.username))


def processes_of(username: str) -> list[int]:
    """PIDs of the processes started for a hub user (their server and kernels)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"JUPYTERHUB_USER={username}".encode() in environ:
            found.append(int(entry.name))
    return found


def uid_of(pid: int) -> int:
    """The real user id of a process."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^Uid:\s+(\d+)", status, re.MULTILINE).group(1))  # type: ignore[union-attr]


def run_as(account: pwd.struct_passwd, code: str) -> dict[str, Any]:
    """Run Python `code` as `account` (its groups only), as code in its kernel would; its JSON."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        user=account.pw_uid, group=account.pw_gid, extra_groups=[],
        env={"PATH": os.environ["PATH"], "HOME": "/tmp", "LANG": "C.UTF-8"},
        capture_output=True, text=True, timeout=120, cwd="/",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def open_first_notebook(page: Page, hub: Hub, person: Person) -> None:
    """Log in and open day 1's first notebook in Voilà, as from the landing page."""
    log_in(page, hub, person)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))
    page.get_by_role("link", name=re.compile(FIRST_NOTEBOOK)).click()
    expect(page.locator(".widget-radio-box").first).to_be_visible()


def test_each_participants_server_and_kernels_run_as_their_own_account(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """The server and the page's kernel run as the person's system account, nobody else's."""
    person = room_hub.room.participants[0]
    page = new_device(chromium, contexts)
    open_first_notebook(page, room_hub, person)
    mine = system_account(room_hub, person).pw_uid
    pids = processes_of(person.username)
    assert len(pids) >= 2, "the server and the page's kernel"
    assert {uid_of(pid) for pid in pids} == {mine}
    others = {system_account(room_hub, p).pw_uid for p in room_hub.room.participants[1:]}
    assert mine not in others and 0 not in others | {mine}


def test_a_pages_kernel_takes_no_code_from_the_browser_console(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """On one's own page, an execute_request sent on the kernel's websocket runs nothing.

    The same socket answers a kernel_info_request (the channel itself works), so the refusal is
    the kernel's message filter, not a closed door.
    """
    person = room_hub.room.participants[1]
    page = new_device(chromium, contexts)
    open_first_notebook(page, room_hub, person)
    marker = Path("/tmp") / f"parler-kit-attaque-{secrets.token_hex(4)}"
    replies = page.evaluate(
        """async (code) => {
            const config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
            const url = `ws://${location.host}${config.baseUrl}api/kernels/${config.kernelId}`
                + "/channels?session_id=console";
            const socket = new WebSocket(url);
            const seen = [];
            socket.onmessage = (event) => {
                const message = JSON.parse(event.data);
                seen.push([message.msg_type, message.parent_header.msg_id || ""]);
            };
            await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
            const send = (id, type, content) => socket.send(JSON.stringify({
                header: {msg_id: id, msg_type: type, username: "", session: "console",
                         version: "5.3", date: new Date().toISOString()},
                parent_header: {}, metadata: {}, content: content, channel: "shell", buffers: [],
            }));
            send("info", "kernel_info_request", {});
            send("code", "execute_request", {code: code, silent: false, store_history: false,
                                             user_expressions: {}, allow_stdin: false});
            await new Promise((resolve) => setTimeout(resolve, 4000));
            socket.close();
            return seen;
        }""",
        f"open({str(marker)!r}, 'w').write('écrit depuis la console')",
    )
    assert ["kernel_info_reply", "info"] in replies, replies
    assert not [r for r in replies if r[1] == "code"], replies
    assert not marker.exists()


def _xsrf(page: Page) -> str:
    """The _xsrf cookie the participant's own server gave their browser."""
    cookies = page.context.cookies()
    return next(c["value"] for c in cookies if c["name"] == "_xsrf" and "/user/" in c["path"])


def test_a_participants_own_server_serves_pages_not_an_api(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """With their cookie and XSRF token, every API of their own server (and hub tokens) is 403.

    Their landing page and their notebooks' pages still open: the refusals are the server's
    authorization, not a broken server.
    """
    person = room_hub.room.participants[1]
    page = new_device(chromium, contexts)
    open_first_notebook(page, room_hub, person)
    me = f"/user/{person.username}/"
    notebook = json.dumps({"cells": [{"cell_type": "code", "source": "import os", "metadata": {},
                                      "outputs": [], "execution_count": None}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 5})  # fmt: skip
    attempts = [
        ("PUT", me + "api/contents/pirate.ipynb",
         json.dumps({"type": "notebook", "format": "json", "content": json.loads(notebook)})),
        ("GET", me + "api/contents", None),
        ("GET", me + "api/contents/day1", None),
        ("POST", me + "api/kernels", "{}"),
        ("GET", me + "api/kernels", None),
        ("POST", me + "api/sessions",
         json.dumps({"path": "x.ipynb", "type": "notebook", "kernel": {"name": "python3"}})),
        ("GET", me + "api/sessions", None),
        ("GET", me + "api/kernelspecs", None),
        ("GET", me + "nbconvert/html/workbook.ipynb", None),
        ("GET", me + "voila/tree", None),
        ("GET", me + "voila/api/contents", None),
        ("POST", f"/hub/api/users/{person.username}/tokens", json.dumps({"note": "moi"})),
    ]  # fmt: skip
    statuses = page.evaluate(
        """async ([attempts, xsrf]) => {
            const out = [];
            for (const [method, path, body] of attempts) {
                const response = await fetch(path, {method, body, credentials: "same-origin",
                    headers: {"X-XSRFToken": xsrf, "Content-Type": "application/json"}});
                out.push([method, path, response.status]);
            }
            return out;
        }""",
        [attempts, _xsrf(page)],
    )
    refused = {(method, path) for method, path, status in statuses if status == 403}
    assert refused == {(method, path) for method, path, _ in attempts}, statuses
    assert not (folder_of(room_hub, person) / "pirate.ipynb").exists()
    for path in (me + "files/accueil.html", me + "voila/render/workbook.ipynb"):
        response = page.goto(room_hub.url.rstrip("/") + path)
        assert response is not None and response.status == 200, path


def test_code_running_as_a_participant_reaches_nothing_outside_their_folder(
    room_hub: Hub,
) -> None:
    """As their account: codes, hub secrets, others' folders and servers' environment refused.

    Their own answers file opens (the account itself works); every other read or write fails
    with a permission error, including writing into another participant's answers file through
    the kit's own answer store and planting a file in the room's shared cache.
    """
    layout = room_hub.room.layout
    me, other = room_hub.room.participants[0], room_hub.room.participants[1]
    others_folder = folder_of(room_hub, other)
    other_pids = processes_of(other.username)
    assert other_pids, "the other participant's server runs (started with the room)"
    targets = {
        "codes": str(layout.codes_csv),
        "comptes": str(layout.accounts),
        "cookie_secret": str(layout.hub / "jupyterhub_cookie_secret"),
        "api_token": str(layout.api_token),
        "hub_database": str(layout.hub / "jupyterhub.sqlite"),
        "other_answers": str(others_folder / "day1" / "carnet.answers.json"),
        "other_server_environ": f"/proc/{other_pids[0]}/environ",
        "gradebook_folder": str(layout.course),
    }
    result = run_as(
        system_account(room_hub, me),
        f"""
        import json, os, sys
        from pathlib import Path
        sys.path[:0] = {sys.path!r}
        from parler_kit.answers import AnswerStore
        outcome = {{}}
        for name, path in {targets!r}.items():
            try:
                Path(path).read_bytes() if Path(path).is_file() or name.endswith("environ") else os.listdir(path)
                outcome[name] = "read"
            except PermissionError:
                outcome[name] = "refused"
        try:
            os.listdir({str(others_folder)!r})
            outcome["other_folder"] = "listed"
        except PermissionError:
            outcome["other_folder"] = "refused"
        try:
            store = AnswerStore.open(Path({str(others_folder / "day1" / "carnet.answers.json")!r}),
                                     participant_id={others_folder.name!r}, session_id="x")
            store.set("pirate", "écrit par un autre")
            outcome["write_other_answers"] = "written"
        except Exception as error:  # PermissionError, or the store saying it cannot write
            outcome["write_other_answers"] = type(error).__name__
        try:
            Path({str(layout.state / "cache" / "content-bank-piege.pickle")!r}).write_bytes(b"x")
            outcome["plant_cache"] = "written"
        except PermissionError:
            outcome["plant_cache"] = "refused"
        own = Path({str(folder_of(room_hub, me) / "day1" / "carnet.answers.json")!r})
        outcome["own_answers"] = "read" if json.loads(own.read_text("utf-8")) else "empty"
        print(json.dumps(outcome))
        """,
    )
    assert result.pop("own_answers") == "read"
    assert result.pop("write_other_answers") != "written"
    assert set(result.values()) == {"refused"}, result
    assert "pirate" not in read_answers(others_folder / "day1" / "carnet.answers.json").answers


def test_a_cell_added_to_a_participants_notebook_is_never_run_by_grading(room_hub: Hub) -> None:
    """collect names the changed notebook; grading runs the kit's own notebook, not the added cell."""
    layout = room_hub.room.layout
    person = room_hub.room.participants[3]
    folder = folder_of(room_hub, person) / "day1"
    notebook = next(p for p in sorted(folder.glob("*.ipynb")))
    marker = Path("/tmp") / f"parler-kit-correction-{secrets.token_hex(4)}"
    data = json.loads(notebook.read_text("utf-8"))
    data["cells"].append({"cell_type": "code", "metadata": {}, "outputs": [],
                          "execution_count": None,
                          "source": f"open({str(marker)!r}, 'w').write('sous le compte du formateur')"})  # fmt: skip
    notebook.write_text(json.dumps(data), "utf-8")
    collected = run_cli("room", "collect", str(layout.root), "day1", home=room_hub.room.home)
    assert notebook.name in collected.stderr and "ne sont plus celles" in collected.stderr
    submitted = layout.course / "submitted" / folder.parent.name / "day1" / notebook.name
    release = layout.course / "release" / "day1" / notebook.name
    assert submitted.read_bytes() == release.read_bytes()
    run_cli("course", "grade", "day1", "--config", str(layout.course_config),
            "--participant", folder.parent.name, home=room_hub.room.home)  # fmt: skip
    assert not marker.exists()


def test_every_exercise_kind_is_answered_and_restored_in_a_page_of_the_isolated_room(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """The workbook's nine kinds, done from the keyboard in the room, are saved and come back.

    The page's kernel runs as the participant's account and takes widget messages only: every
    exercise must still work so.
    """
    person = room_hub.room.participants[0]
    folder = folder_of(room_hub, person)
    page = new_device(chromium, contexts)
    log_in(page, room_hub, person)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))
    page.goto(room_hub.url + f"user/{person.username}/voila/render/workbook.ipynb")
    expect(page.locator(".pk-section")).to_have_count(len(KINDS), timeout=120_000)
    answer_every_exercise(page, folder)
    reload_and_find_every_answer(page)
    assert read_answers(folder / "workbook.answers.json").participant_id == folder.name


def test_kernels_talk_over_unix_sockets_in_their_accounts_runtime_folder(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """No TCP port to race for or reach: connection files say ipc, sockets are in a 0700 folder.

    With a page open, its kernel's connection file names the ipc transport, and the hub's log
    never shows ipykernel's warning about a kernel running over TCP without encryption.
    """
    accounts = load_system_accounts(room_hub.room.layout)
    assert accounts is not None
    person = room_hub.room.participants[2]
    open_first_notebook(new_device(chromium, contexts), room_hub, person)
    runtime = accounts.runtime_dir(person.username)
    assert runtime.stat().st_uid == system_account(room_hub, person).pw_uid
    assert runtime.stat().st_mode & 0o077 == 0
    connections = sorted(runtime.glob("kernel-*.json"))
    assert connections, "a page of the room is open: its kernel has a connection file"
    assert {json.loads(p.read_text("utf-8"))["transport"] for p in connections} == {"ipc"}
    log = room_hub.room.layout.hub_log.read_text("utf-8")
    assert "Kernel is running over TCP without encryption" not in log
