"""Run, stop and inspect a room's hub: JupyterHub with configurable-http-proxy, state in ROOM/hub.

`start_hub` runs ``jupyterhub -f ROOM/hub/jupyterhub_config.py`` bound to the address the trainer
chose (127.0.0.1 unless told otherwise). In the foreground, Ctrl-C stops the hub, which stops the
proxy and every participant's server (JupyterHub's cleanup). In the background, the hub's PID is
recorded in ``hub/en-cours.json`` and `stop_hub` stops exactly that process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.i18n.oserrors import os_error_cause
from parler_kit.room.accounts import load_accounts
from parler_kit.room.description import load_description
from parler_kit.room.hub_config import PROXY_COMMAND
from parler_kit.room.isolation import (
    check_reachable,
    ensure_system_accounts,
    require_isolation_rights,
    secure_room,
    warm_content_cache,
)
from parler_kit.room.layout import RoomLayout, read_json, write_json
from parler_kit.room.services import ADDRESS_VARIABLE
from parler_kit.room.settings import write_server_configs

#: The kit's own code, which every participant's server imports (an editable checkout or a wheel).
KIT_PACKAGE = Path(__file__).resolve().parents[1]
READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 30.0
#: How long a process left running after the hub gets to end on SIGTERM before SIGKILL.
LEFTOVER_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class RunningHub:
    """A hub started by `start_hub`: its process, address and ports."""

    pid: int
    ip: str
    port: int
    hub_port: int
    proxy_api_port: int

    @property
    def address(self) -> str:
        """The address participants open (what the trainer writes on the board)."""
        return f"http://{self.ip}:{self.port}/"

    @property
    def local_url(self) -> str:
        """An address that reaches the hub from this machine (127.0.0.1 when bound to all)."""
        host = "127.0.0.1" if self.ip in ("0.0.0.0", "") else self.ip
        return f"http://{host}:{self.port}/"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the hub's internal ports; JupyterHub does the same)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def hub_environment(layout: RoomLayout, address: str) -> dict[str, str]:
    """The hub's environment: Jupyter state under ROOM/etat, a fresh proxy token, the address."""
    state = layout.state
    return {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_CONFIG_DIR": str(state / "config" / "hub"),
        "JUPYTER_DATA_DIR": str(state / "data"),
        "JUPYTER_RUNTIME_DIR": str(state / "runtime" / "hub"),
        "IPYTHONDIR": str(state / "ipython"),
        "MPLCONFIGDIR": str(state / "matplotlib"),
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32),
        ADDRESS_VARIABLE: address,
    }


def hub_command(
    layout: RoomLayout, ip: str, port: int, hub_port: int, api_port: int, *, isolated: bool
) -> list[str]:
    """The ``jupyterhub`` command line of a room."""
    return [
        sys.executable,
        "-m",
        "jupyterhub",
        "-f",
        str(layout.hub_config),
        f"--ip={ip}",
        f"--port={port}",
        f"--JupyterHub.hub_port={hub_port}",
        f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
        f"--RoomSpawner.isolated={isolated}",
    ]


def check_can_start(layout: RoomLayout) -> None:
    """Refuse to start a room that is not prepared, already running, or has no proxy installed."""
    load_description(layout)
    load_accounts(layout.accounts)
    if not PROXY_COMMAND.exists():
        raise ParlerKitError(ui_text("room.error.no_proxy", path=PROXY_COMMAND))
    running = running_hub(layout)
    if running is not None:
        raise ParlerKitError(ui_text("room.error.already_running", address=running.address))


def launch_hub(
    layout: RoomLayout, ip: str, port: int, *, background: bool, isolated: bool = True
) -> tuple[subprocess.Popen[bytes], RunningHub]:
    """Start the hub process; in the background it gets its own session and a log file.

    `isolated` (the default): every participant's server runs as their own system account
    (`parler_kit.room.isolation`); this needs root, and a French error says so otherwise.
    """
    check_can_start(layout)
    if isolated:
        require_isolation_rights()
        interpreter = Path(sys.executable).resolve()
        check_reachable([layout.root.parent, Path(sys.prefix), interpreter, KIT_PACKAGE])
    write_server_configs(layout)  # this version's settings, even for a room prepared earlier
    hub_port, api_port = free_port(), free_port()
    command = hub_command(layout, ip, port, hub_port, api_port, isolated=isolated)
    environment = hub_environment(layout, f"http://{ip}:{port}/")
    for folder in ("config/hub", "runtime/hub", "data"):
        (layout.state / folder).mkdir(parents=True, exist_ok=True)
    warm_content_cache(layout)
    if isolated:
        secure_room(layout, ensure_system_accounts(layout))
    # Where this start's lines begin in the hub's log (`room status` reads failed pages from there).
    offset = layout.hub_log.stat().st_size if layout.hub_log.is_file() else 0
    if background:
        log = layout.hub_log.open("ab")
        process = subprocess.Popen(
            command,
            cwd=layout.hub,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
    else:
        process = subprocess.Popen(command, cwd=layout.hub, env=environment)
    hub = RunningHub(process.pid, ip, port, hub_port, api_port)
    write_json(
        layout.running,
        {**hub.__dict__, "started_at": dt.datetime.now(dt.UTC).isoformat(), "log_offset": offset},
    )
    return process, hub


def wait_until_ready(hub: RunningHub, process: subprocess.Popen[bytes], log: Path | None) -> None:
    """Wait for the hub to answer through the proxy; a French error when it stopped or is too slow."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ParlerKitError(
                ui_text("room.error.hub_exited", code=process.returncode, log=log or "-")
            )
        with (
            contextlib.suppress(OSError, urllib.error.URLError),
            urllib.request.urlopen(hub.local_url + "hub/api/", timeout=2) as answer,
        ):
            if answer.status == 200:
                return
        time.sleep(0.3)
    raise ParlerKitError(
        ui_text("room.error.hub_slow", seconds=int(READY_TIMEOUT_S), log=log or "-")
    )


def running_hub(layout: RoomLayout) -> RunningHub | None:
    """The hub recorded in ``hub/en-cours.json`` when its process still runs, else None."""
    if not layout.running.is_file():
        return None
    data: dict[str, Any] = read_json(layout.running)
    try:
        hub = RunningHub(
            int(data["pid"]), str(data["ip"]), int(data["port"]),
            int(data["hub_port"]), int(data["proxy_api_port"]),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None
    return hub if _is_our_hub(hub.pid, layout) else None


def _is_our_hub(pid: int, layout: RoomLayout) -> bool:
    """Whether `pid` is alive and is this room's jupyterhub (not a recycled PID)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"jupyterhub" in command and str(layout.hub_config).encode() in command


@dataclass(frozen=True)
class StoppedHub:
    """The hub `stop_hub` stopped, and how many processes it had left running."""

    hub: RunningHub
    leftovers: int


def stop_hub(layout: RoomLayout) -> StoppedHub | None:
    """Stop the room's background hub by its PID, and everything it started; None if none ran.

    The hub stops its proxy, services and servers itself when it has the time. When it does not
    (25 servers closing their kernels can take longer than `STOP_TIMEOUT_S`, and the hub is then
    killed), what it had started would keep running without it — and a system account with a
    process left cannot be deleted. So every process under the hub is noted before the stop and
    whatever of them is still alive after it is stopped too (`_stop_leftovers`).
    """
    hub = running_hub(layout)
    if hub is None:
        layout.running.unlink(missing_ok=True)
        return None
    started = _processes_under(hub.pid)
    os.kill(hub.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline and _is_our_hub(hub.pid, layout):
        time.sleep(0.2)
    if _is_our_hub(hub.pid, layout):
        os.kill(hub.pid, signal.SIGKILL)
    _stop_leftover_proxy(layout)
    leftovers = _stop_leftovers(started)
    layout.running.unlink(missing_ok=True)
    return StoppedHub(hub, leftovers)


def _processes_under(pid: int) -> list[psutil.Process]:
    """Every process `pid` has started, and theirs (the proxy, services, servers, kernels)."""
    try:
        return list(psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return []


def _stop_leftovers(processes: list[psutil.Process]) -> int:
    """Stop those of `processes` still running (SIGTERM, then SIGKILL); how many there were.

    psutil checks each process is the one noted (not a new one given a recycled PID).
    """
    alive = [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _gone, remaining = psutil.wait_procs(alive, timeout=LEFTOVER_TIMEOUT_S)
    for process in remaining:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(remaining, timeout=LEFTOVER_TIMEOUT_S)
    return len(alive)


def _stop_leftover_proxy(layout: RoomLayout) -> None:
    """Stop the proxy if the hub could not (killed): its PID is in ``hub/proxy.pid``."""
    pid_file = layout.hub / "proxy.pid"
    with contextlib.suppress(OSError, ValueError):
        pid = int(pid_file.read_text().strip())
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"configurable-http-proxy" in command:
            os.kill(pid, signal.SIGTERM)
    pid_file.unlink(missing_ok=True)


def hub_api(layout: RoomLayout, hub: RunningHub, method: str, path: str, timeout: float) -> None:
    """One call to the room's hub REST API with the room's own token (raises urllib's errors)."""
    token = layout.api_token.read_text("utf-8").strip()
    request = urllib.request.Request(
        f"{hub.local_url}hub/api/{path}",
        method=method,
        headers={"Authorization": f"token {token}"},
    )
    urllib.request.urlopen(request, timeout=timeout).close()


def hub_failure(error: OSError) -> str:
    """Why a call to the hub failed, in plain words (urllib's own messages are English)."""
    if isinstance(error, urllib.error.HTTPError):
        return ui_text("room.reason.http", code=error.code)
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, OSError):
        return os_error_cause(error.reason)
    return os_error_cause(error)


def prestart_servers(layout: RoomLayout, hub: RunningHub) -> int:
    """Ask the hub to start every participant's server now; return how many were asked.

    Starting a server costs seconds of CPU (Python imports); done while the trainer sets up,
    a participant's login then only opens their page. JupyterHub starts them in the background
    (« 202 Accepted »); a server already running is left as it is. Idle ones are culled after an
    hour (`services.IDLE_TIMEOUT_S`) and restart at the next login.
    """
    asked = 0
    for account in load_accounts(layout.accounts):
        if account.kind != "participant":
            continue
        try:
            hub_api(layout, hub, "POST", f"users/{account.username}/server", timeout=30)
            asked += 1
        except urllib.error.HTTPError as error:
            if error.code != 400:  # 400: already running or starting
                raise ParlerKitError(
                    ui_text("room.error.status", reason=hub_failure(error))
                ) from None
        except OSError as error:  # URLError is an OSError
            raise ParlerKitError(ui_text("room.error.status", reason=hub_failure(error))) from None
    return asked


@dataclass(frozen=True)
class Connected:
    """Who has a running server in the room, and whose pages could not be prepared."""

    participants: tuple[str, ...]  # full names
    trainers: tuple[str, ...]
    participants_total: int
    #: Full name → pages of theirs whose kernel died or never answered since the room started.
    failed_pages: dict[str, int] = field(default_factory=dict)


#: A person's page whose kernel never answered or died: their server's log line (each line of a
#: participant's server carries their username, `spawner.RoomSpawner.get_args`).
FAILED_PAGE = re.compile(
    r"ServerApp (\S+)\] .*(?:Kernel didn't respond|[Kk]ernel died|Dead kernel|KernelDied)"
)


def failed_pages(layout: RoomLayout, offset: int) -> Counter[str]:
    """Usernames whose page's kernel failed, counted in the hub's log from `offset`."""
    if not layout.hub_log.is_file():
        return Counter()
    with layout.hub_log.open("rb") as log:
        log.seek(offset)
        text = log.read().decode("utf-8", errors="replace")
    return Counter(FAILED_PAGE.findall(text))


def room_status(layout: RoomLayout) -> tuple[RunningHub, Connected] | None:
    """Who logged in since the room's hub started; None when the room's hub is not running.

    Servers are started ahead of logins (`prestart_servers`), so a running server does not mean
    someone is there: the authenticator's log of successful logins does.
    """
    hub = running_hub(layout)
    if hub is None:
        return None
    started = str(read_json(layout.running).get("started_at", ""))
    logged_in: set[str] = set()
    if layout.logins.is_file():
        for line in layout.logins.read_text("utf-8").splitlines():
            when, _, username = line.partition(" ")
            if when >= started:
                logged_in.add(username)
    accounts = load_accounts(layout.accounts)
    participants = tuple(
        a.full_name for a in accounts if a.kind == "participant" and a.username in logged_in
    )
    trainers = tuple(
        a.full_name for a in accounts if a.kind == "formateur" and a.username in logged_in
    )
    total = sum(1 for a in accounts if a.kind == "participant")
    offset = int(read_json(layout.running).get("log_offset", 0) or 0)
    names = {a.username: a.full_name for a in accounts}
    failed = {names.get(u, u): n for u, n in sorted(failed_pages(layout, offset).items())}
    return hub, Connected(participants, trainers, total, failed)
