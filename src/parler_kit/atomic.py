"""Writing a file atomically: a temporary file beside it, flushed to disk, then moved into place.

A reader (or a crash, or a full disk) never sees half a file: either the old content or the new.
Used by production (workbooks, handouts, manifests), the room (accounts, settings) and erase.
"""

from __future__ import annotations

import os
from pathlib import Path

from parler_kit.errors import naming_failures


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` atomically; `private`: readable by its owner only (0600).

    A private file is created 0600 from its first byte (never readable by others, even while
    being written). An OSError names `path`, not the temporary file (`naming_failures`).
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        with naming_failures(path, partial):
            descriptor = os.open(
                partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o666
            )
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if private:
                partial.chmod(0o600)  # a partial file left by a crash kept its old mode
            partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
