"""The hub services of a room: the status token, idle-server culling, the live view, the émargement."""

from __future__ import annotations

import json
import os
import socket
import sys
from typing import Any

from parler_kit.environment import ROOM_ADDRESS
from parler_kit.room.emargement import last_day
from parler_kit.room.layout import RoomLayout

#: Name of the service whose token `room status` uses (read-only: who is connected).
STATUS_SERVICE = "parler-kit-salle"
#: The trainers' live class view (parler_kit.live), at /services/classe/.
LIVE_SERVICE = "classe"
#: The émargement (parler_kit.signing), at /services/emargement/: trainers open sheets, everyone signs.
SIGNING_SERVICE = "emargement"
#: The public address `room start` gives the hub process, shown on the live view's join panel.
ADDRESS_VARIABLE = ROOM_ADDRESS
#: Servers idle for this long are stopped (their answers are on disk; a new login restarts them).
IDLE_TIMEOUT_S = 3600


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def hub_services(
    layout: RoomLayout, address: str, cookie_options: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The `services` and `load_roles` of the hub config (`address`: the room's public one)."""
    token = layout.api_token.read_text("utf-8").strip()
    address = os.environ.get(ADDRESS_VARIABLE) or address
    live_command = [sys.executable, "-m", "parler_kit.live", "--hub-service",
                    str(layout.participants), "--address", address]  # fmt: skip
    last = last_day(layout)
    if last is not None:  # a lone positioning answer that day is an end answer, as in the bilan
        live_command += ["--last-day", last]
    services: list[dict[str, Any]] = [
        {"name": STATUS_SERVICE, "api_token": token},
        {
            # The live view reads the participants' answers files (read-only) and checks, through
            # the hub's OAuth, that the visitor is in the trainers' group.
            "name": LIVE_SERVICE,
            "url": f"http://127.0.0.1:{_free_port()}",
            "command": live_command,
            "oauth_no_confirm": True,
            # Its login cookie, like the hub's: SameSite=Lax (HubOAuth reads this variable).
            "environment": {"JUPYTERHUB_COOKIE_OPTIONS": json.dumps(cookie_options)},
        },
        {
            # The émargement writes the register under ROOM/emargement/ (the organiser's, 0700)
            # and takes each person's identity from the hub's OAuth, never from the page.
            "name": SIGNING_SERVICE,
            "url": f"http://127.0.0.1:{_free_port()}",
            "command": [
                sys.executable,
                "-m",
                "parler_kit.signing",
                "--hub-service",
                str(layout.emargement),
            ],
            "oauth_no_confirm": True,
            "environment": {"JUPYTERHUB_COOKIE_OPTIONS": json.dumps(cookie_options)},
        },
        {
            "name": "idle-culler",
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={IDLE_TIMEOUT_S}",
            ],
        },
    ]
    roles: list[dict[str, Any]] = [
        {
            "name": "salle-etat",
            # Who is connected (`room status`), starting the participants' servers ahead of their
            # login (`room start`), removing a user on erasure (`erase --room`).
            "scopes": [
                "list:users",
                "read:users:activity",
                "read:servers",
                "servers",
                "admin:users",
            ],
            "services": [STATUS_SERVICE],
        },
        {
            # Everyone may reach the service, so that a participant gets its French refusal page
            # rather than the hub's own; the service itself admits only the trainers' group.
            "name": "classe-acces",
            "scopes": [f"access:services!service={LIVE_SERVICE}"],
            "groups": ["formateurs", "participants"],
        },
        {
            # Participants sign and trainers run the sheets; the service checks which is which.
            "name": "emargement-acces",
            "scopes": [f"access:services!service={SIGNING_SERVICE}"],
            "groups": ["formateurs", "participants"],
        },
        {
            "name": "idle-culler",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["idle-culler"],
        },
    ]
    return services, roles
