"""Separate processes, separate rights: one system account per participant, a room tree they cannot leave.

The hub runs as root (as JupyterHub's `LocalProcessSpawner` and The Littlest JupyterHub do) and
starts each participant's server as that participant's own system account; trainers share one
account of the room. The operating system then keeps each participant inside their own folder:

* ``ROOM`` and the folders that hold everyone's folders (``participants/``, ``etat/``…) can be
  crossed (mode 0711) but not listed;
* ``acces/`` (clear codes) and ``hub/`` (accounts, cookie secret, database, API token) are the
  organiser's alone (0700); so is the room's nbgrader course, except the trainers' curriculum;
* ``participants/<id>/``, ``etat/homes/<user>/`` and the server's runtime folder
  ``/run/parler-kit/<tag>/<account>/`` (its kernels talk over Unix sockets there: no TCP port to
  race for or to reach from another account) belong to that person's account, mode 0700: no
  other participant can read, list or write them;
* what every server reads (its configuration, the content bank's cache) belongs to the organiser
  and is read-only for everyone else, so nobody can plant something another person's kernel loads.

Another account's processes are out of reach too: ``/proc/<pid>/environ`` and the memory of a
process are readable only by the same account (Linux), so a participant cannot read another
server's API token.

System accounts are named ``pk<tag>-p<NN>`` (participants, in roster order) and ``pk<tag>-form``
(the trainers), with a random tag per room so that two rooms on one computer never share an
account. They are created with ``useradd`` by `room start` (root) and recorded in
``hub/comptes-systeme.json``; `remove_system_accounts` deletes them (``userdel``).
"""

from __future__ import annotations

import os
import pwd
import secrets
import shlex
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parler_kit.environment import CACHE_DIR as CACHE_DIR_VARIABLE
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.accounts import Account, load_accounts
from parler_kit.room.layout import RoomLayout, read_json, write_json

SYSTEM_ACCOUNTS_SCHEMA_VERSION = 1
#: No login shell: the account exists only to run that person's Jupyter server.
NO_LOGIN_SHELL = "/usr/sbin/nologin"
#: The accounts' home in /etc/passwd (Debian's convention for system accounts); the servers get
#: their real $HOME under ROOM/etat/homes from the spawner.
NO_HOME = "/nonexistent"
#: Each account's Jupyter runtime folder (connection files, kernels' Unix sockets): short paths,
#: because a Unix socket's path may not exceed 107 bytes, and the room folder can be anywhere.
RUNTIME_ROOT = Path("/run/parler-kit")
#: What the command line shows to the person who must give the rights.
SUDO_HINT = "sudo"


@dataclass(frozen=True)
class SystemAccounts:
    """The system account of every hub user of one room (``hub/comptes-systeme.json``)."""

    tag: str
    by_username: dict[str, str]

    def of(self, username: str) -> str:
        """The system account the server of hub user `username` runs as."""
        try:
            return self.by_username[username]
        except KeyError:
            raise ParlerKitError(ui_text("room.isolation.no_account", username=username)) from None

    def runtime_dir(self, username: str) -> Path:
        """The Jupyter runtime folder of a hub user's server: ``/run/parler-kit/<tag>/<account>``."""
        return RUNTIME_ROOT / self.tag / self.of(username)

    def names(self) -> list[str]:
        """Every distinct system account of the room, sorted."""
        return sorted(set(self.by_username.values()))


def system_accounts_file(layout: RoomLayout) -> Path:
    """``hub/comptes-systeme.json``: hub user → system account (organiser's only, 0600)."""
    return layout.hub / "comptes-systeme.json"


def isolation_available() -> bool:
    """Whether this process may create accounts and start servers as them (it runs as root)."""
    return os.geteuid() == 0 and shutil.which("useradd") is not None


def require_isolation_rights() -> None:
    """A French error saying how to give the rights when this process cannot isolate the room."""
    if isolation_available():
        return
    command = f"{SUDO_HINT} {shlex.join(sys.argv)}" if sys.argv else SUDO_HINT
    raise ParlerKitError(ui_text("room.isolation.needs_root", command=command))


def load_system_accounts(layout: RoomLayout) -> SystemAccounts | None:
    """The room's system accounts, or None when none were created yet."""
    path = system_accounts_file(layout)
    if not path.is_file():
        return None
    data: Any = read_json(path)
    try:
        tag = str(data["tag"])
        mapping = {str(k): str(v) for k, v in dict(data["accounts"]).items()}
    except (KeyError, TypeError, ValueError):
        raise ParlerKitError(
            ui_text(
                "room.error.bad_file", path=path, reason=ui_text("room.reason.unexpected_content")
            )
        ) from None
    return SystemAccounts(tag, mapping)


def plan_system_accounts(accounts: Iterable[Account], tag: str) -> SystemAccounts:
    """Name a system account for every hub user: one per participant, one for all trainers."""
    mapping: dict[str, str] = {}
    number = 0
    for account in accounts:
        if account.kind == "participant":
            number += 1
            mapping[account.username] = f"pk{tag}-p{number:02d}"
        else:
            mapping[account.username] = f"pk{tag}-form"
    return SystemAccounts(tag, mapping)


def ensure_system_accounts(layout: RoomLayout) -> SystemAccounts:
    """Create the room's missing system accounts (root only) and record them; return them all.

    An account already recorded keeps its name; a participant added since (there is none today:
    rooms are prepared whole) would get the next number.
    """
    require_isolation_rights()
    known = load_system_accounts(layout)
    tag = known.tag if known else secrets.token_hex(3)
    planned = plan_system_accounts(load_accounts(layout.accounts), tag)
    mapping = {**planned.by_username, **(known.by_username if known else {})}
    mapping = {u: mapping[u] for u in planned.by_username}  # erased people are forgotten
    accounts = SystemAccounts(tag, mapping)
    for name in accounts.names():
        _create_account(name, layout)
    write_json(
        system_accounts_file(layout),
        {"schema_version": SYSTEM_ACCOUNTS_SCHEMA_VERSION, "tag": tag, "accounts": mapping},
        private=True,
    )
    return accounts


def _create_account(name: str, layout: RoomLayout) -> None:
    """``useradd`` a system account with its own group, no login shell and no real home."""
    if _exists(name):
        return
    result = subprocess.run(
        ["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", NO_HOME,
         "--shell", NO_LOGIN_SHELL, "--comment", f"parler_kit salle {layout.root.name}", name],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise ParlerKitError(
            ui_text("room.isolation.useradd_failed", name=name, detail=result.stderr.strip())
        )


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def remove_system_accounts(layout: RoomLayout, usernames: Iterable[str] | None = None) -> list[str]:
    """Delete the room's system accounts (all, or those of `usernames`); return the names removed.

    Files stay where they are (``userdel`` without ``--remove``): the room folder holds them and
    deleting the folder removes them. The trainers' shared account is removed only with all.
    """
    accounts = load_system_accounts(layout)
    if accounts is None:
        return []
    wanted = set(accounts.by_username) if usernames is None else set(usernames)
    keep = {u: n for u, n in accounts.by_username.items() if u not in wanted}
    removed = []
    for name in sorted({accounts.by_username[u] for u in wanted if u in accounts.by_username}):
        if name in keep.values():
            continue  # still used by someone who stays (the trainers' account)
        if _exists(name):
            subprocess.run(["userdel", name], capture_output=True, check=False)
        shutil.rmtree(RUNTIME_ROOT / accounts.tag / name, ignore_errors=True)
        removed.append(name)
    write_json(
        system_accounts_file(layout),
        {"schema_version": SYSTEM_ACCOUNTS_SCHEMA_VERSION, "tag": accounts.tag, "accounts": keep},
        private=True,
    )
    if not keep:
        shutil.rmtree(RUNTIME_ROOT / accounts.tag, ignore_errors=True)
    return removed


# -- the room tree's rights ----------------------------------------------------------------------

#: Folders anyone may cross to reach their own, but not list.
_CROSSABLE = 0o711
_PRIVATE_DIR = 0o700
_PRIVATE_FILE = 0o600
_SHARED_DIR = 0o755
_SHARED_FILE = 0o644


def secure_room(layout: RoomLayout, accounts: SystemAccounts) -> None:
    """Give every file of the room its owner and mode (see the module docstring); idempotent.

    Called by `room start` and after each release, as root. The organiser's own files keep their
    owner (the account that prepared the room); only the people's folders change owner.
    """
    people = {a.username: a for a in load_accounts(layout.accounts)}
    _set(layout.root, _CROSSABLE)
    for private in (layout.access, layout.hub):
        _tree(private, _PRIVATE_DIR, _PRIVATE_FILE)
    _set(layout.description(), _SHARED_FILE)
    # The course: organiser only, but the trainers' account works in its curriculum.
    if layout.course.is_dir():
        _set(layout.course, _CROSSABLE)
        for entry in layout.course.iterdir():
            if entry != layout.curriculum:
                _tree(entry, _PRIVATE_DIR, _PRIVATE_FILE)
    for name in _trainer_accounts(accounts, people):
        _tree(layout.curriculum, _PRIVATE_DIR, _PRIVATE_FILE, owner=name)
    _set(layout.participants, _CROSSABLE)
    for username, account in people.items():
        if account.kind == "participant" and username in accounts.by_username:
            folder = layout.participant(account.person_id)
            _tree(folder, _PRIVATE_DIR, _PRIVATE_FILE, owner=accounts.of(username))
    _secure_state(layout, accounts, _trainer_accounts(accounts, people))


def _trainer_accounts(accounts: SystemAccounts, people: dict[str, Account]) -> set[str]:
    """The system account(s) the trainers' servers run as (one per room)."""
    return {
        name
        for username, name in accounts.by_username.items()
        if username in people and people[username].kind == "formateur"
    }


def _secure_state(layout: RoomLayout, accounts: SystemAccounts, trainers: set[str]) -> None:
    """``etat/``: shared read-only settings and caches, one private home and runtime per person."""
    state = layout.state
    state.mkdir(parents=True, exist_ok=True)
    _set(state, _CROSSABLE)
    for shared in ("config", "data", "cache"):
        (state / shared).mkdir(exist_ok=True)
        _tree(state / shared, _SHARED_DIR, _SHARED_FILE)
    # The trainers' JupyterLab settings are theirs to change (a trainer may change the theme).
    for name in trainers:
        _tree(state / "config" / "formateur", _PRIVATE_DIR, _PRIVATE_FILE, owner=name)
    for private in ("ipython", "matplotlib", "runtime/hub", "config/hub"):
        if (state / private).exists():
            _tree(state / private, _PRIVATE_DIR, _PRIVATE_FILE)
    for crossable in ("homes", "runtime"):
        (state / crossable).mkdir(exist_ok=True)
        _set(state / crossable, _CROSSABLE)
    for folder in (RUNTIME_ROOT, RUNTIME_ROOT / accounts.tag):
        folder.mkdir(exist_ok=True)
        _set(folder, _CROSSABLE)
    for username, name in accounts.by_username.items():
        for own in (layout.home(username), accounts.runtime_dir(username)):
            own.mkdir(parents=True, exist_ok=True)
            _tree(own, _PRIVATE_DIR, _PRIVATE_FILE, owner=name)


def _set(path: Path, mode: int) -> None:
    if path.exists():
        path.chmod(mode)


def _tree(top: Path, dir_mode: int, file_mode: int, *, owner: str | None = None) -> None:
    """Mode (and owner) of `top` and everything under it; symbolic links are never followed."""
    if not top.exists():
        return
    uid = gid = -1
    if owner is not None:
        entry = pwd.getpwnam(owner)
        uid, gid = entry.pw_uid, entry.pw_gid
    for path in _walk(top):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            continue
        if owner is not None:
            os.chown(path, uid, gid, follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            path.chmod(dir_mode)
        else:
            # Keep the execute bit of programs (none today; a kernel never needs one here).
            executable = info.st_mode & 0o100
            path.chmod(file_mode | (0o100 if executable else 0))


def _walk(top: Path) -> Iterator[Path]:
    yield top
    if top.is_dir() and not top.is_symlink():
        for dirpath, dirnames, filenames in os.walk(top):
            for name in (*dirnames, *filenames):
                yield Path(dirpath) / name


def warm_content_cache(layout: RoomLayout) -> None:
    """Write the content bank's cache (``etat/cache``) as the organiser, before any server starts.

    Every kernel of the room reads it (≈ 1 s saved per page); written here, by the account that
    owns the room, it is read-only for the servers, so no participant can plant a cache file that
    another person's kernel would load.
    """
    cache = layout.state / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", "from parler_kit.content import load_bank; load_bank()"],
        env={**os.environ, CACHE_DIR_VARIABLE: str(cache)},
        check=True, capture_output=True,
    )  # fmt: skip


def check_reachable(paths: Iterable[Path]) -> None:
    """Refuse to start when another account could not reach the kit or the room (a folder 0700).

    Every folder from ``/`` down to each path must be crossable by others (the ``x`` bit for
    "others"): the participants' accounts run the kit's Python and reach their own folder.
    """
    for path in paths:
        for folder in [*reversed(path.resolve().parents), path.resolve()]:
            if folder.is_dir() and not folder.stat().st_mode & 0o001:
                raise ParlerKitError(
                    ui_text("room.isolation.not_reachable", folder=folder, path=path)
                )
