"""The room's spawner: each person's single-user server, with their own folder and settings.

JupyterHub's `LocalProcessSpawner`: in an isolated room (the default, `room start` as root) each
participant's server runs as that participant's own system account and the trainers' as the
room's trainer account (`parler_kit.room.isolation`), so the operating system keeps every person
inside their own folder. A room started with ``--no-isolation`` runs every server as the account
that started the hub, like JupyterHub's `SimpleLocalProcessSpawner` (docs/room-guide.md, « Ce que
la salle protège »). Root folder, landing page and settings depend on who logs in:

* a participant's server has their own folder ``ROOM/participants/<id>/`` as root, lands on the
  static page ``accueil.html`` (its links open notebooks in Voilà) and runs with JupyterLab, the
  classic notebook, terminals and nbgrader's extensions switched off, so there is no code to see
  and nothing but Voilà to use;
* a trainer's server has the room's curriculum as root and lands in JupyterLab, in French.

Every server's Jupyter, IPython and matplotlib folders and its ``$HOME`` are under ``ROOM/etat``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Bool, Unicode

from parler_kit.environment import CACHE_DIR, PARTICIPANT_ID, SESSION_ID
from parler_kit.room.accounts import Account, load_accounts
from parler_kit.room.isolation import load_system_accounts
from parler_kit.room.layout import RoomLayout
from parler_kit.room.settings import (
    JUPYTER_PATH_DIR,
    PARTICIPANT_LANDING,
    TRAINER_LANDING,
    participant_jupyter_path,
    server_config_dir,
)

#: jupyter-server's own log format with the person's username after the logger's name.
SERVER_LOG_FORMAT = "[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s {username}] %(message)s"


class RoomSpawner(LocalProcessSpawner):  # type: ignore[misc]  # jupyterhub ships no types
    """Start one person's server with their folder, landing page, account and environment."""

    room_dir = Unicode(help="The room folder (ROOM).", config=True)
    session_id = Unicode(help="The session's id, recorded in every answers file.", config=True)
    isolated = Bool(
        True, help="Run each server as the person's own system account (hub as root).", config=True
    )
    home_dir = Unicode(help="The $HOME of the server (under ROOM/etat/homes).")

    def system_account(self) -> str | None:
        """The system account this server runs as (None: the hub's own, room not isolated)."""
        if not self.isolated:
            return None
        accounts = load_system_accounts(self._layout())
        if accounts is None:
            raise RuntimeError(f"No system accounts recorded for the room {self.room_dir}")
        return accounts.of(self.user.name)

    def _runtime_dir(self) -> Path:
        """Where the server keeps its connection files (and, isolated, its kernels' sockets)."""
        accounts = load_system_accounts(self._layout()) if self.isolated else None
        if accounts is not None:
            return accounts.runtime_dir(self.user.name)
        return self._layout().state / "runtime" / str(self.user.name)

    def get_args(self) -> list[str]:
        """JupyterHub's arguments; isolated, kernels talk over Unix sockets in the runtime folder.

        No TCP port is picked free then bound later, which two kernels starting at once could both
        pick (« Address already in use »: a page left waiting), and no other account can connect.
        """
        args: list[str] = super().get_args()
        # Every line this server logs names its person, in the room's one log (`room status`
        # counts the pages whose kernel failed from it).
        args.append(f"--ServerApp.log_format={SERVER_LOG_FORMAT.format(username=self.user.name)}")
        return [*args, "--KernelManager.transport=ipc"] if self.isolated else args

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        """Become the person's system account (isolated room), then go to the server's home."""
        account = self.system_account()
        home = self.home_dir
        become = set_user_setuid(account, chdir=False) if account else None

        def preexec() -> None:
            if become is not None:
                become()
            os.chdir(home)

        return preexec

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        """USER, HOME and SHELL of the server: its account, its home under ROOM/etat, no shell."""
        env["USER"] = self.system_account() or self.user.name
        env["HOME"] = self.home_dir
        env["SHELL"] = "/bin/sh"
        return env

    async def move_certs(self, paths: dict[str, str]) -> dict[str, str]:
        """Internal TLS is not used by the room (all on 127.0.0.1): nothing to move."""
        return paths

    def _layout(self) -> RoomLayout:
        return RoomLayout.at(Path(self.room_dir))

    def _account(self) -> Account:
        layout = self._layout()
        for account in load_accounts(layout.accounts):
            if account.username == self.user.name:
                return account
        raise RuntimeError(f"No account {self.user.name!r} in {layout.accounts}")

    async def start(self) -> Any:
        """Set the person's folder, landing page and home, then start as usual."""
        layout, account = self._layout(), self._account()
        if account.kind == "participant":
            self.notebook_dir = str(layout.participant(account.person_id))
            self.default_url = PARTICIPANT_LANDING
        else:
            self.notebook_dir = str(layout.curriculum)
            self.default_url = TRAINER_LANDING
        self.home_dir = str(layout.home(self.user.name))
        Path(self.home_dir).mkdir(parents=True, exist_ok=True)
        self.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
        return await super().start()

    def get_env(self) -> dict[str, str]:
        """JupyterHub's environment, plus who this is and where their state lives (never $HOME)."""
        env: dict[str, str] = super().get_env()
        layout, account = self._layout(), self._account()
        home = layout.home(self.user.name)
        state = layout.state
        env.update(
            {
                "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
                "JUPYTER_PLATFORM_DIRS": "1",
                "JUPYTER_CONFIG_DIR": str(server_config_dir(layout, account.kind)),
                # Each person's own: nbformat writes its notebook-signing secret there.
                "JUPYTER_DATA_DIR": str(home / ".local" / "share" / "jupyter"),
                "JUPYTER_RUNTIME_DIR": str(self._runtime_dir()),
                "IPYTHONDIR": str(home / ".ipython"),
                # Each person's own: matplotlib writes its font cache there.
                "MPLCONFIGDIR": str(home / ".matplotlib"),
                "XDG_CACHE_HOME": str(home / ".cache"),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
                SESSION_ID: self.session_id,
                # One content-bank cache for the whole room, written by `room start` (the
                # organiser's, read-only for every server: a pickle nobody else can plant).
                CACHE_DIR: str(state / "cache"),
                # Where Voilà finds the participant page's template (`settings.VOILA_TEMPLATE`).
                "JUPYTER_PATH": str(JUPYTER_PATH_DIR),
            }
        )
        if account.kind == "participant":
            env[PARTICIPANT_ID] = account.person_id
            env["JUPYTER_PATH"] = participant_jupyter_path()  # and the page's lighter kernel
        else:
            env["JUPYTERLAB_SETTINGS_DIR"] = str(
                server_config_dir(layout, account.kind) / "lab" / "user-settings"
            )
        return env
