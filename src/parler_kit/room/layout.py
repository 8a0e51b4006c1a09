"""Where everything of a training room lives: one folder, ``ROOM``, holds all of its state.

Deleting ``ROOM`` removes the room: accounts, codes, the hub's database and cookie secret, every
participant's folder and answers, the room's nbgrader course. Nothing is written to ``$HOME`` or
``/srv``: the hub, the proxy, every single-user server and every kernel get their Jupyter,
IPython and matplotlib folders under ``ROOM/etat/``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parler_kit.atomic import write_atomic
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.i18n.oserrors import os_error_cause

#: The room's description file; its presence is what makes a folder a room.
ROOM_FILE = "salle.json"
ROOM_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class RoomLayout:
    """The paths of one room folder (all absolute)."""

    root: Path

    @classmethod
    def at(cls, root: Path) -> RoomLayout:
        """The layout of the room folder `root` (the folder need not exist yet)."""
        return cls(Path(root).absolute())

    # -- what the organiser hands out -----------------------------------------------------------
    @property
    def access(self) -> Path:
        """``acces/``: the clear codes (mode 0600) and the printable access cards."""
        return self.root / "acces"

    @property
    def codes_csv(self) -> Path:
        """``acces/codes.csv``: identifiant;nom;prénom;rôle;code — the only file with clear codes."""
        return self.access / "codes.csv"

    @property
    def cards_pdf(self) -> Path:
        """``acces/cartes-acces.pdf``: one card per person."""
        return self.access / "cartes-acces.pdf"

    # -- people's folders -----------------------------------------------------------------------
    @property
    def participants(self) -> Path:
        """``participants/``: one folder per participant (their server's root), nobody else's."""
        return self.root / "participants"

    def participant(self, participant_id: str) -> Path:
        """The folder of one participant: their workbook, released days and answers files."""
        return self.participants / participant_id

    @property
    def course(self) -> Path:
        """``cours/``: the room's nbgrader course (source copy, release, submitted, gradebook)."""
        return self.root / "cours"

    @property
    def course_config(self) -> Path:
        """``cours/nbgrader_config.py``: what ``parler-kit course grade --config`` reads."""
        return self.course / "nbgrader_config.py"

    @property
    def curriculum(self) -> Path:
        """``cours/curriculum/``: the room's copy of the curriculum, the trainers' JupyterLab root."""
        return self.course / "curriculum"

    # -- the organiser's records ---------------------------------------------------------------
    @property
    def emargement(self) -> Path:
        """``emargement/``: the signed attendance register (organiser only, 0700; issue 22)."""
        return self.root / "emargement"

    # -- the hub's state --------------------------------------------------------------------------
    @property
    def hub(self) -> Path:
        """``hub/``: JupyterHub's configuration, database, cookie secret, pid files and logs."""
        return self.root / "hub"

    @property
    def hub_config(self) -> Path:
        """``hub/jupyterhub_config.py``: the configuration ``jupyterhub -f`` reads."""
        return self.hub / "jupyterhub_config.py"

    @property
    def accounts(self) -> Path:
        """``hub/comptes.json``: usernames, roles and *hashed* codes (mode 0600)."""
        return self.hub / "comptes.json"

    @property
    def hub_pid(self) -> Path:
        """``hub/jupyterhub.pid``: written by the hub itself while it runs."""
        return self.hub / "jupyterhub.pid"

    @property
    def hub_log(self) -> Path:
        """``hub/jupyterhub.log``: the hub's log when it runs in the background."""
        return self.hub / "jupyterhub.log"

    @property
    def running(self) -> Path:
        """``hub/en-cours.json``: address, ports and PIDs of the running hub (`room start`)."""
        return self.hub / "en-cours.json"

    @property
    def logins(self) -> Path:
        """``hub/connexions.log``: one line per successful login (time, username), for `room status`."""
        return self.hub / "connexions.log"

    @property
    def api_token(self) -> Path:
        """``hub/jeton-api``: the token `room status` uses to ask the hub who is connected."""
        return self.hub / "jeton-api"

    @property
    def state(self) -> Path:
        """``etat/``: Jupyter/IPython/matplotlib folders and homes of every server of the room."""
        return self.root / "etat"

    def home(self, username: str) -> Path:
        """The ``$HOME`` a user's server runs with (never the real one)."""
        return self.state / "homes" / username

    def description(self) -> Path:
        """``salle.json``: the room's description (session, people, released days)."""
        return self.root / ROOM_FILE


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only (0600), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"), private=True)


def write_json(path: Path, data: Any, *, private: bool = False) -> None:
    """Write `data` as indented UTF-8 JSON, atomically (0600 when `private`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"), private=private)


def read_json(path: Path) -> Any:
    """Read a JSON file the room wrote; a French error names the file when it cannot be used."""
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ParlerKitError(ui_text("room.error.missing_file", path=path)) from None
    except json.JSONDecodeError as error:
        reason = ui_text("answers.reason.invalid_json", line=error.lineno, column=error.colno)
    except (OSError, UnicodeDecodeError) as error:
        reason = os_error_cause(error)
    raise ParlerKitError(ui_text("room.error.bad_file", path=path, reason=reason))
