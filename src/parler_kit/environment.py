"""The kit's environment variables (``PARLER_KIT_*``): their names and how they are read.

Bottom layer, imports nothing of the kit, so the hub process, a kernel and the CLI can all use it.

* `PRINT_MODE` — ``print`` when a notebook runs for print: `show()` then displays the static
  twin instead of the widget. Set by production (papermill kernel engine) and by nbgrader's
  feedback kernels (course); read by the widgets.
* `PARTICIPANT_ID`, `SESSION_ID` — whose answers a kernel writes: set by the room's spawner,
  read by the answer store, which records them in every answers file it creates.
* `CACHE_DIR` — where the content bank's parsed cache lives (one per room): set by the spawner,
  read by the content loader.
* `ROOM_ADDRESS` — the room's public address, given by ``room start`` to the hub and shown on
  the live view's join panel.
"""

from __future__ import annotations

import os

PRINT_MODE = "PARLER_KIT_MODE"
PARTICIPANT_ID = "PARLER_KIT_PARTICIPANT_ID"
SESSION_ID = "PARLER_KIT_SESSION_ID"
CACHE_DIR = "PARLER_KIT_CACHE_DIR"
ROOM_ADDRESS = "PARLER_KIT_ROOM_ADDRESS"

#: The value of `PRINT_MODE` that asks for print.
_PRINT = "print"


def print_mode() -> bool:
    """Whether this process runs a notebook for print (``PARLER_KIT_MODE=print``)."""
    return os.environ.get(PRINT_MODE, "").strip().lower() == _PRINT


def print_environment() -> dict[str, str]:
    """The variables a process (a kernel and its children) needs to run notebooks for print."""
    return {PRINT_MODE: _PRINT}


def variable(name: str) -> str | None:
    """The variable's value, or None when unset or empty."""
    return os.environ.get(name) or None
