"""Servers and a browser for the real-browser tests (JupyterLab, Voilà, Debian's Chromium).

``tests/browser/conftest.py`` makes the fixtures below available to ``tests/browser/``. Any
other test folder reuses them with ``from browser.jupyter_servers import chromium, page, ...``
in its own ``conftest.py`` (``tests/`` is on ``sys.path`` because ``tests/conftest.py`` lives
there), and the plain helpers with a normal import:

- ``jupyter_home`` (module): a temporary folder holding every Jupyter/IPython/matplotlib state
  directory, with JupyterLab's news toast and notebook windowing disabled; ``jupyter_env(home)`` gives the matching
  environment variables (also usable on its own).
- ``run_lab(root, env)`` / ``run_voila(notebook, env)``: context managers that start JupyterLab
  or Voilà on 127.0.0.1 and a free port, wait until the server answers, yield a `Server`
  (``url``, ``token``, ``root``, ``process``) and stop it by its PID (the whole process group
  it leads, so its kernels go too). Voilà gets the extension denylist of STACK-NOTES.md.
- ``chromium`` (session): Playwright driving ``/usr/bin/chromium`` (never ``playwright
  install``); ``page`` (function): a fresh browser context and page, closed after the test.
- ``widget_notebook`` (function): a copy of ``tests/data/notebooks/all_widgets.ipynb`` in a
  temporary folder, so the answers file the widgets write never lands in the repository.
- ``SCREENSHOTS``: ``parler_kit-screenshots/`` in the system's temporary folder (never the
  repository), where tests save what a human should look at, and
  ``screenshot_top(page, element, path)`` to save the visible top of a (tall) widget.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from parler_kit.room.settings import (
    JUPYTER_PATH_DIR,
    NO_MATHJAX_FROM_THE_INTERNET,
    PAGE_TEMPLATES_EXTENSION,
    SPARE_KERNEL_MANAGER,
    SPARE_KERNEL_WARMUP,
    VOILA_DENYLIST,
    VOILA_TEMPLATE,
    WIDGET_MESSAGE_TYPES,
    participant_jupyter_path,
)

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "tests" / "data" / "notebooks"
SCREENSHOTS = Path(tempfile.gettempdir()) / "parler_kit-screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
_BIN = Path(sys.executable).parent
#: The Voilà options of a participant's server in the room (`parler_kit.room.settings`): a
#: French page (``<html lang="fr">``), no Python traceback shown, the room's page template
#: (found on the ``JUPYTER_PATH`` that `jupyter_env` sets, as the room's spawner does), no
#: MathJax from the internet.
ROOM_VOILA_OPTIONS = (
    "--VoilaExporter.language_code=fr",
    "--VoilaConfiguration.show_tracebacks=False",
    f"--VoilaConfiguration.template={VOILA_TEMPLATE}",
    *(f"--ServerApp.tornado_settings={k}={v}" for k, v in NO_MATHJAX_FROM_THE_INTERNET.items()),
    "--ServerApp.tornado_settings=compress_response=True",  # settings.COMPRESSED_RESPONSES
    # The pages' kernels take widget messages only and the server lists and writes no file, as
    # in the room: every exercise must work so. (The room's Authorizer is not set here: these
    # tests stop a kernel through the REST API with the server's token, as the culler would.)
    *(f"--MappingKernelManager.allowed_message_types={t}" for t in WIDGET_MESSAGE_TYPES),
    "--ServerApp.contents_manager_class=parler_kit.page_server.PageContentsManager",
    # One warmed kernel kept ready for the next page, as in the room.
    f"--ServerApp.kernel_manager_class={SPARE_KERNEL_MANAGER}",
    f"--SparePageKernelManager.warmup_code={SPARE_KERNEL_WARMUP}",
    # Voilà's page template compiled once per server, as in the room.
    f"--ServerApp.jpserver_extensions={PAGE_TEMPLATES_EXTENSION}=True",
)


@dataclass(frozen=True)
class Server:
    """A running Jupyter server: its base URL (no trailing slash), token and root folder."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen[bytes]


#: What Jupyter and Voilà (« already in use ») and ``parler-kit live`` (« déjà pris ») log when
#: their port was taken before they bound it.
PORT_TAKEN = ("already in use", "déjà pris")
#: Starts tried with a new free port when another program took the previous one first.
PORT_ATTEMPTS = 3


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (another program may take it before we bind it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_taken_since(log: Path, offset: int) -> bool:
    """Whether `log`, from byte `offset` on, says the server's port was already taken."""
    if not log.exists():
        return False
    with log.open("rb") as reread:
        reread.seek(offset)
        said = reread.read().decode("utf-8", "replace")
    return any(marker in said for marker in PORT_TAKEN)


class ServerStopped(AssertionError):
    """The server process ended before it answered."""


def jupyter_env(home: Path, *, trainer: bool = False) -> dict[str, str]:
    """Environment variables keeping Jupyter, IPython, matplotlib and XDG state under `home`.

    Kernels are the participants' page kernels (`parler_kit.page_kernel`), as in the room, unless
    `trainer`: a trainer's JupyterLab in the room runs the installed kernel.
    """
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / "ipython"),
        MPLCONFIGDIR=str(home / "matplotlib"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        JUPYTER_PLATFORM_DIRS="1",
        # The room's Voilà template (ROOM_VOILA_OPTIONS), and for participants the page's kernel.
        JUPYTER_PATH=str(JUPYTER_PATH_DIR) if trainer else participant_jupyter_path(),
        PATH=str(_BIN) + os.pathsep + os.environ.get("PATH", ""),
    )
    env.pop("PARLER_KIT_MODE", None)  # the widgets, not their print twins
    return env


def _configure_lab(config_dir: Path) -> None:
    """Disable JupyterLab's news toast and notebook windowing (every output stays in the DOM).

    The toast setting is what ``jupyter labextension disable …:announcements`` writes, without
    a 2-second CLI call.
    """
    labconfig = config_dir / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    page_config = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
    (labconfig / "page_config.json").write_text(json.dumps(page_config), "utf-8")
    notebook = config_dir / "lab" / "user-settings" / "@jupyterlab" / "notebook-extension"
    notebook.mkdir(parents=True, exist_ok=True)
    (notebook / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}), "utf-8"
    )


def _wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerStopped(f"The server stopped (status {process.returncode}) before {url}")
        try:
            with urllib.request.urlopen(url, timeout=3):
                return
        except urllib.error.HTTPError:
            return  # it answers (a 403 before login is still an answer)
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"No answer from {url} after {timeout} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server we started, by its PID: SIGTERM to its process group, SIGKILL if stuck."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def _start(
    command: list[str], probe: str, root: Path, env: dict[str, str], output: IO[bytes]
) -> subprocess.Popen[bytes]:
    """Start `command` and wait until `probe` answers; the process (ServerStopped if it ended)."""
    # start_new_session: the server leads its own process group, so stopping that group by
    # the server's PID also stops the kernels it started, and nothing else.
    process = subprocess.Popen(
        command, cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        _wait_until_up(probe, process)
    except BaseException:
        _stop(process)
        raise
    return process


@contextmanager
def serve_on_free_port(
    command_for: Callable[[int], list[str]],
    probe_path: str,
    token: str,
    root: Path,
    env: dict[str, str],
    log: Path,
) -> Iterator[Server]:
    """Run ``command_for(port)`` on a free port of 127.0.0.1 until `probe_path` answers.

    A port found free can be taken by another program before the server binds it; the server
    then stops, saying so in `log`, and is started again on another port (`PORT_ATTEMPTS` in
    all). Any other early stop fails at once. The server is stopped by its PID on exit.
    """
    with log.open("ab") as output:
        for attempt in range(1, PORT_ATTEMPTS + 1):
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            written = log.stat().st_size
            try:
                process = _start(command_for(port), url + probe_path, root, env, output)
            except ServerStopped:
                output.flush()
                if port_taken_since(log, written) and attempt < PORT_ATTEMPTS:
                    continue
                raise
            break
        try:
            yield Server(url=url, token=token, root=root, process=process)
        finally:
            _stop(process)


@contextmanager
def _run_jupyter(
    app: str, root: Path, env: dict[str, str], options: Sequence[str], log_name: str
) -> Iterator[Server]:
    """``jupyter <app>`` serving `root` on 127.0.0.1 with token auth, stopped by PID on exit."""
    token = os.urandom(12).hex()

    def command(port: int) -> list[str]:
        return [
            str(_BIN / "jupyter"), app, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
            f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
            "--ServerApp.port_retries=0", *options,
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ]  # fmt: skip

    with serve_on_free_port(
        command, f"/api/status?token={token}", token, root, env, root.parent / log_name
    ) as server:
        yield server


def run_lab(root: Path, env: dict[str, str]) -> AbstractContextManager[Server]:
    """JupyterLab serving `root` on 127.0.0.1 (token auth), stopped by PID on exit."""
    return _run_jupyter("lab", root, env, ["--LabApp.news_url="], "lab.log")


@contextmanager
def run_voila(
    notebook: Path, env: dict[str, str], *, preheat: bool = False, extra_args: Sequence[str] = ()
) -> Iterator[Server]:
    """Voilà rendering `notebook` on 127.0.0.1, stopped by PID on exit (`extra_args`: traitlets)."""
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    runtime.mkdir(parents=True, exist_ok=True)

    def command(port: int) -> list[str]:
        return [
            str(_BIN / "voila"), notebook.name, "--no-browser", f"--port={port}",
            "--Voila.ip=127.0.0.1", f"--Voila.connection_dir_root={runtime}",
            "--Voila.port_retries=0",
            *(f"--VoilaConfiguration.extension_denylist={name}" for name in VOILA_DENYLIST),
            *(["--preheat_kernel=True", "--pool_size=1"] if preheat else []),
            *extra_args,
        ]  # fmt: skip

    with serve_on_free_port(
        command,
        "/voila/static/favicon.ico",
        "",
        notebook.parent,
        env,
        notebook.parent.parent / "voila.log",
    ) as server:
        yield server


def run_voila_extension(
    root: Path, env: dict[str, str], *, extra_args: Sequence[str] = ()
) -> AbstractContextManager[Server]:
    """A jupyter-server with Voilà as a server extension (as in the room), stopped by PID.

    Pages are at ``{url}/voila/render/<path>?token=…``; `extra_args` are traitlets options
    (e.g. ``--VoilaConfiguration.progressive_rendering=True``).
    """
    denylist = [f"--VoilaConfiguration.extension_denylist={name}" for name in VOILA_DENYLIST]
    return _run_jupyter("server", root, env, [*denylist, *extra_args], "server.log")


def screenshot_top(page: Page, element: Locator, path: Path) -> None:
    """Save the part of `element` that fits in the viewport, scrolled to its top.

    An element screenshot of a widget taller than the window comes out partly blank in
    Chromium; what a person sees first (title, controls, feedback) is what matters.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    element.evaluate("e => e.scrollIntoView({block: 'start'})")
    box = element.bounding_box()
    assert box is not None, "the element is not displayed"
    viewport = page.viewport_size or {"width": 1280, "height": 900}
    top = max(box["y"], 0)
    height = min(box["y"] + box["height"], viewport["height"]) - top
    page.screenshot(
        path=path, clip={"x": box["x"], "y": top, "width": box["width"], "height": height}
    )


@pytest.fixture(scope="module")
def jupyter_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary home for all Jupyter state (JupyterLab: no news toast, no windowing)."""
    home = tmp_path_factory.mktemp("jupyter-state")
    _configure_lab(home / "config")
    return home


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (headless)."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh browser context and page (French locale), closed after the test."""
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def widget_notebook(tmp_path: Path) -> Path:
    """A copy of the all-widgets notebook in its own folder (the answers file goes beside it)."""
    folder = tmp_path / "carnets"
    folder.mkdir()
    return Path(shutil.copy(NOTEBOOKS / "all_widgets.ipynb", folder / "all_widgets.ipynb"))
