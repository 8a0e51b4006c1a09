"""The kernel of a participant's page: ipykernel without its debugger, keeping no history.

Voilà gives every page its own kernel, started at each opening and each reload: when a room of 25
reloads together, 25 kernels start on the trainer's computer at once (docs/performance.md, « The
room on an emulated Wi-Fi »). ipykernel imports debugpy as it starts — about 0.1 s of CPU of a
bare kernel's 0.38 s, measured. A page has no use for a debugger (its server refuses
``debug_request``: `parler_kit.room.settings.WIDGET_MESSAGE_TYPES`), so the import is blocked
here and ipykernel starts without one, exactly as it does where debugpy is not installed.
IPython's history is off too: a page runs no typed code, and each start would write an SQLite
file in the person's folder.

Once the kernel has answered its shutdown request and its loop has stopped, it leaves at once
(`os._exit`) instead of through Python's own teardown: IPython's reset of the namespace (which
closes every widget, sending their closing messages to a page that has gone) and the freeing of
every module cost ≈ 0.2 s of CPU per kernel, more than the page's own run in it (≈ 0.15 s),
25 times over when a room reloads together (docs/performance.md). Nothing is lost: answers are
written as they are given (`parler_kit.answers`, atomically), the loop that writes them has
stopped, and the server removes the connection file and sockets.

The room's kernel spec ``room/page_jupyter_path/kernels/python3`` runs this module; it comes
first on participants' ``JUPYTER_PATH`` (`parler_kit.room.settings.participant_jupyter_path`),
so the notebooks' own kernel name, ``python3``, finds it. Like `parler_kit.page_server`, it
imports nothing of the kit.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Start ipykernel with the command line given, debugger and history off; leave at once."""
    sys.modules["debugpy"] = None  # type: ignore[assignment]  # « import debugpy » → ImportError
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=[*sys.argv[1:], "--HistoryManager.enabled=False"])
    # Only a stopped kernel gets here (a failed start raises SystemExit with its own status).
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is not None:
            stream.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
