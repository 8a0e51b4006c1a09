"""The JupyterHub configuration of a room, applied by the ``hub/jupyterhub_config.py`` it writes.

Everything the hub keeps lives under ``ROOM/hub`` (database, cookie secret, pid files);
`room start` passes the public address and the internal ports on the command line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from parler_kit.paths import proxy_command
from parler_kit.room.accounts import load_accounts
from parler_kit.room.layout import RoomLayout
from parler_kit.room.services import hub_services

#: The hub's groups: the live view and the room's status check who is a trainer by these.
TRAINER_GROUP = "formateurs"
PARTICIPANT_GROUP = "participants"
TEMPLATES = Path(__file__).with_name("templates") / "hub"
#: configurable-http-proxy, installed by the Makefile from package-lock.json (or on PATH).
PROXY_COMMAND = proxy_command()

#: Options of every cookie the room sets (tornado's names; the hub adds HttpOnly itself).
COOKIE_OPTIONS = {"SameSite": "Lax"}
#: JupyterHub's default « user » role, narrowed: a person may open and start their own server and
#: nothing else of the hub's API — no API tokens (the default « self » scope grants
#: ``tokens!user``, with which a participant could script the hub).
PEOPLE_ROLE = {
    "name": "user",
    "description": "Participants and trainers of the room: their own server only",
    "scopes": [
        "access:servers!user",
        "servers!user",
        "read:servers!user",
        "read:users:name!user",
        # What their own server's token reports to the hub (JupyterHub's « server » role); a
        # server's token may not have more than its owner.
        "users:activity!user",
        "read:users:groups!user",
    ],
}

CONFIG_FILE_TEXT = '''"""JupyterHub configuration of this training room (written by `parler-kit room prepare`).

Every setting comes from parler_kit.room.hub_config; edit the room with parler-kit commands.
"""

from pathlib import Path

from parler_kit.room.hub_config import configure

configure(c, Path(__file__).resolve().parent.parent)  # type: ignore[name-defined]  # noqa: F821
'''


def configure(c: Any, room_dir: Path) -> None:
    """Fill the traitlets config `c` of the hub of the room in `room_dir`."""
    layout = RoomLayout.at(room_dir)
    accounts = load_accounts(layout.accounts)
    description = _description(layout)

    c.JupyterHub.db_url = f"sqlite:///{layout.hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(layout.hub / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(layout.hub_pid)
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.template_vars = {"room_title": description.get("title", "")}
    # Every cookie of the hub, of the servers (passed on by the spawner) and XSRF: HttpOnly (the
    # hub's default) and SameSite=Lax, so another site's page cannot act with them.
    c.JupyterHub.tornado_settings = {"cookie_options": dict(COOKIE_OPTIONS)}
    c.ConfigurableHTTPProxy.command = [str(PROXY_COMMAND)]
    c.ConfigurableHTTPProxy.pid_file = str(layout.hub / "proxy.pid")
    c.ConfigurableHTTPProxy.debug = False

    c.JupyterHub.authenticator_class = "parler_kit.room.authenticator.RoomAuthenticator"
    c.RoomAuthenticator.accounts_file = str(layout.accounts)
    c.RoomAuthenticator.logins_file = str(layout.logins)
    c.Authenticator.allowed_users = {a.username for a in accounts}
    c.Authenticator.admin_users = set()
    # Same wait for a known and an unknown name, and a limit per client address
    # (`parler_kit.room.authenticator`); the address is the one the proxy saw (X-Forwarded-For,
    # last hop), which a browser cannot choose.
    c.JupyterHub.load_groups = {
        TRAINER_GROUP: {"users": sorted(a.username for a in accounts if a.kind == "formateur")},
        PARTICIPANT_GROUP: {
            "users": sorted(a.username for a in accounts if a.kind == "participant")
        },
    }

    c.JupyterHub.spawner_class = "parler_kit.room.spawner.RoomSpawner"
    c.RoomSpawner.room_dir = str(layout.root)
    c.RoomSpawner.session_id = str(description.get("session_id", ""))
    # `room start` says whether servers run as each person's account (--RoomSpawner.isolated).
    c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
    # Jupyter refuses to run as root unless told. Passed whenever the hub runs as root, it only
    # matters for a room started --no-isolation (servers as root); an isolated room's servers run
    # as their own accounts, where it changes nothing.
    c.Spawner.args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
    # 25 people logging in within a minute on 2 cores: servers may take longer than the defaults.
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 120

    services, roles = hub_services(layout, str(description.get("address", "")), COOKIE_OPTIONS)
    c.JupyterHub.services = services
    c.JupyterHub.load_roles = [PEOPLE_ROLE, *roles]


def _description(layout: RoomLayout) -> dict[str, Any]:
    from parler_kit.room.layout import read_json

    data = read_json(layout.description())
    return data if isinstance(data, dict) else {}
