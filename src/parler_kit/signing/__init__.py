"""Émargement in the room: the append-only register of signed presence and its hub service.

`records` owns the register (``ROOM/emargement/``) and the rules of signing; `service` is the
room's ``emargement`` hub service (imported only by that process: it needs JupyterHub).
"""

from parler_kit.signing.records import (
    Entry,
    HalfDayState,
    Outcome,
    Person,
    Refused,
    Register,
    SheetSetup,
    half_day_key,
    load_setup,
    outcomes,
    presence_csv,
    sheet_state,
    write_setup,
)

__all__ = [
    "Entry",
    "HalfDayState",
    "Outcome",
    "Person",
    "Refused",
    "Register",
    "SheetSetup",
    "half_day_key",
    "load_setup",
    "outcomes",
    "presence_csv",
    "sheet_state",
    "write_setup",
]
