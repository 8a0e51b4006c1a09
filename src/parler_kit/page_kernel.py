"""The kernel of a participant's page: ipykernel without its debugger, keeping no history.

Voilà gives every page its own kernel, started at each opening and each reload: when a room of 25
reloads together, 25 kernels start on the trainer's computer at once (docs/performance.md, « The
room on an emulated Wi-Fi »). ipykernel imports debugpy as it starts — about 0.1 s of CPU of a
bare kernel's 0.38 s, measured. A page has no use for a debugger (its server refuses
``debug_request``: `parler_kit.room.settings.WIDGET_MESSAGE_TYPES`), so the import is blocked
here and ipykernel starts without one, exactly as it does where debugpy is not installed.
IPython's history is off too: a page runs no typed code, and each start would write an SQLite
file in the person's folder.

The room's kernel spec ``room/page_jupyter_path/kernels/python3`` runs this module; it comes
first on participants' ``JUPYTER_PATH`` (`parler_kit.room.settings.participant_jupyter_path`),
so the notebooks' own kernel name, ``python3``, finds it. Like `parler_kit.page_server`, it
imports nothing of the kit.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Start ipykernel with the command line given, debugger and history off."""
    sys.modules["debugpy"] = None  # type: ignore[assignment]  # « import debugpy » → ImportError
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=[*sys.argv[1:], "--HistoryManager.enabled=False"])


if __name__ == "__main__":
    main()
