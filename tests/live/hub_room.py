"""A minimal real JupyterHub (DummyAuthenticator) with the live view as its ``classe`` service.

Everything is on 127.0.0.1 and under a temporary folder (database, cookie secret, pid files);
the hub leads its own process group, so stopping it by its PID also stops the proxy and the
service it started. The config is what docs/live-view.md asks the room's hub config to hold.
"""

from __future__ import annotations

import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from browser.jupyter_servers import REPO, Server, _serve, free_port, jupyter_env

TRAINER, PARTICIPANT = "formatrice-test", "p-amelie-berthier"
PASSWORD = "code-de-test"

CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {state!r} + "/proxy.pid"
c.JupyterHub.db_url = "sqlite:///" + {state!r} + "/hub.sqlite"
c.JupyterHub.cookie_secret_file = {state!r} + "/cookie_secret"
c.JupyterHub.pid_file = {state!r} + "/hub.pid"
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = {{{trainer!r}, {participant!r}}}
c.JupyterHub.load_groups = {{
    "formateurs": {{"users": [{trainer!r}]}},
    "participants": {{"users": [{participant!r}]}},
}}
c.JupyterHub.services = [
    {{
        "name": "classe",
        "url": "http://127.0.0.1:{service_port}",
        "command": [{python!r}, "-m", "parler_kit.live", "--hub-service", {folder!r},
                    "--address", "http://127.0.0.1:{port}/"],
        "oauth_no_confirm": True,
    }}
]
c.JupyterHub.load_roles = [
    {{
        "name": "classe-acces",
        "scopes": ["access:services!service=classe"],
        "groups": ["formateurs", "participants"],
    }}
]
"""


@contextmanager
def run_hub(folder: Path, state: Path) -> Iterator[Server]:
    """JupyterHub on 127.0.0.1 with the ``classe`` service over `folder`; stopped by PID."""
    state.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = CONFIG.format(
        port=port,
        hub_port=free_port(),
        proxy_api=free_port(),
        service_port=free_port(),
        proxy=str(REPO / "node_modules" / ".bin" / "configurable-http-proxy"),
        state=str(state),
        password=PASSWORD,
        trainer=TRAINER,
        participant=PARTICIPANT,
        python=sys.executable,
        folder=str(folder),
    )
    (state / "jupyterhub_config.py").write_text(config, "utf-8")
    command = [
        str(Path(sys.executable).parent / "jupyterhub"),
        "-f",
        str(state / "jupyterhub_config.py"),
    ]
    url = f"http://127.0.0.1:{port}"
    env = jupyter_env(state / "jupyter")
    with _serve(command, f"{url}/hub/api/", "", state, env, state / "hub.log") as server:
        _wait_for_route(f"{url}/services/classe/", server)
        yield Server(url=url, token="", root=state, process=server.process)


def _wait_for_route(url: str, server: Server, timeout: float = 90) -> None:
    """Until the proxy routes the service (before that, the proxy answers 404 for everything)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.process.poll() is None, "the hub stopped; see hub.log"
        try:
            with urllib.request.urlopen(url, timeout=3):  # redirected to the hub's login page
                return
        except OSError:  # HTTPError (404 before the routes exist) or no answer yet
            time.sleep(0.3)
    raise AssertionError(f"{url} not routed after {timeout} s")
