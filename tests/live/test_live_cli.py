"""``parler-kit live``: a port already taken is a French error naming it, nothing started."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

from live.live_server import CLI


def test_port_in_use_is_named_in_french(class_folder: Path) -> None:
    """With the port held by another program the command stops at once, exit 1, in French."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        done = subprocess.run(
            [CLI, "live", str(class_folder), f"--port={port}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"Le port {port} de 127.0.0.1 est déjà pris" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
