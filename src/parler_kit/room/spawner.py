"""The room's spawner: each person's single-user server, with their own folder and settings.

A `SimpleLocalProcessSpawner` (every server runs as the system user who started the hub; see
docs/room-guide.md, « Ce que la salle protège ») whose root folder, landing page and settings
depend on who logs in:

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
from pathlib import Path
from typing import Any

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode

from parler_kit.room.accounts import Account, load_accounts
from parler_kit.room.layout import RoomLayout
from parler_kit.room.settings import (
    JUPYTER_PATH_DIR,
    PARTICIPANT_LANDING,
    TRAINER_LANDING,
    server_config_dir,
)


class RoomSpawner(SimpleLocalProcessSpawner):  # type: ignore[misc]  # jupyterhub ships no types
    """Start one person's server with their folder, landing page and environment."""

    room_dir = Unicode(help="The room folder (ROOM).", config=True)
    session_id = Unicode(help="The session's id, recorded in every answers file.", config=True)

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
                "JUPYTER_DATA_DIR": str(state / "data"),
                "JUPYTER_RUNTIME_DIR": str(state / "runtime" / self.user.name),
                "IPYTHONDIR": str(home / ".ipython"),
                "MPLCONFIGDIR": str(state / "matplotlib"),
                "XDG_CACHE_HOME": str(home / ".cache"),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
                "PARLER_KIT_SESSION_ID": self.session_id,
                # One content-bank cache for the whole room: the first kernel writes it, every
                # other participant's kernel reads it (docs/performance.md).
                "PARLER_KIT_CACHE_DIR": str(state / "cache"),
                # Where Voilà finds the participant page's template (`settings.VOILA_TEMPLATE`).
                "JUPYTER_PATH": str(JUPYTER_PATH_DIR),
            }
        )
        if account.kind == "participant":
            env["PARLER_KIT_PARTICIPANT_ID"] = account.person_id
        else:
            env["JUPYTERLAB_SETTINGS_DIR"] = str(
                server_config_dir(layout, account.kind) / "lab" / "user-settings"
            )
        return env
