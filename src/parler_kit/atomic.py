"""Writing a file atomically and durably, and locking a file: the kit's only copies of both.

A reader (or a killed process, or a full disk) never sees half a file: the new content is written
to a temporary file beside the target, flushed to disk (``fsync``), moved over the target
(``os.replace``, atomic on POSIX), and then the *folder* is flushed too, so that a power cut just
after a save cannot bring the old file back (on ext4 and most file systems a rename lives in the
folder's entries, which are not on disk until the folder itself is fsynced; SQLite and PostgreSQL
do the same). Where the platform cannot open a folder (Windows) that last step is skipped.

- `write_atomic(path, data)`: the kit's bytes (workbooks, manifests, answers, exports…);
- `replacing(path)`: a temporary path for a writer that is not ours (WeasyPrint, a copy, pickle),
  put in place on success;
- `move(source, destination)`: a durable rename (a broken answers file moved aside);
- `locked(lock_file)`: an exclusive ``flock`` held for a block (the answer store, the PDF cache).

Nothing else in ``src/`` renames a file over another (``os.replace``, ``Path.replace``…) or calls
``fcntl.flock``: ``tests/test_atomic.py`` fails if one appears.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from parler_kit.errors import naming_failures

#: fsync of a folder refused by the file system (some network and FUSE file systems): skipped.
_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EISDIR}


def partial_path(path: Path) -> Path:
    """The temporary file `write_atomic` and `replacing` use for `path` (``.<name>.partial``)."""
    return path.with_name(f".{path.name}.partial")


def fsync_folder(folder: Path) -> None:
    """Flush `folder`'s entries to disk, so that a rename just made in it survives a power cut.

    POSIX only: skipped where a folder cannot be opened (no ``O_DIRECTORY``, as on Windows) or
    where the file system refuses to fsync one.
    """
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    descriptor = os.open(folder, os.O_RDONLY | flag)
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _UNSUPPORTED:
            raise
    finally:
        os.close(descriptor)


def _fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def replacing(path: Path, *, private: bool = False, concurrent: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends normally, it becomes `path`.

    The block writes the temporary file however it likes; it is then fsynced, moved over `path`
    and the folder fsynced. On any exception `path` is untouched and the temporary file removed.
    `private`: the result is readable by its owner only (0600). `concurrent`: several processes
    may write `path` at once without a lock, so each gets a temporary name of its own (otherwise
    ``.<name>.partial``, which a crash leaves behind and the next write reuses). An OSError names
    `path`, not the temporary file (`naming_failures`).
    """
    partial = partial_path(path)
    if concurrent:
        partial = partial.with_name(f"{partial.name}-{secrets.token_hex(6)}")
    try:
        with naming_failures(path, partial):
            yield partial
            if private:
                partial.chmod(0o600)  # a partial file left by a crash kept its old mode
            _fsync_file(partial)
            partial.replace(path)
            fsync_folder(path.parent)
    finally:
        partial.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` atomically and durably; `private`: readable by its owner only (0600).

    A private file is created 0600 from its first byte (never readable by others, even while
    being written). An OSError names `path`, not the temporary file (`naming_failures`).
    """
    with replacing(path, private=private) as partial:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        with os.fdopen(os.open(partial, flags, 0o600 if private else 0o666), "wb") as handle:
            handle.write(data)


def move(source: Path, destination: Path) -> None:
    """Rename `source` to `destination` (replacing it), durably: the folders are fsynced."""
    source.replace(destination)
    fsync_folder(destination.parent)
    if source.parent != destination.parent:
        fsync_folder(source.parent)


@contextlib.contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on `lock_file` (created when missing) for the block.

    The lock is on a separate file, never on the data file: `write_atomic` swaps the data file's
    inode, which would leave a lock on the old one. Other processes calling `locked` on the same
    file wait; the lock goes when the block ends or the process dies.
    """
    with lock_file.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
