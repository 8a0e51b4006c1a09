"""The rights `room start` gives the room tree: each person's folder theirs alone, secrets the organiser's.

Real system accounts that every Debian has (nobody, daemon, bin) stand for the room's accounts;
`room start` creates its own (tests/room/test_isolation.py checks those in a running room).
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import stat
from pathlib import Path

import pytest

from parler_kit.errors import ParlerKitError
from parler_kit.room.accounts import Account, save_accounts
from parler_kit.room.isolation import (
    RUNTIME_ROOT,
    SystemAccounts,
    check_reachable,
    plan_system_accounts,
    require_isolation_rights,
    secure_room,
)
from parler_kit.room.layout import RoomLayout, write_json


def _account(username: str, kind: str) -> Account:
    return Account(username, username.upper() if kind == "participant" else username, kind,  # type: ignore[arg-type]
                   "Nom", "Prénom", "Rôle", "scrypt$00$00")  # fmt: skip


PEOPLE = [
    _account("p001", "participant"),
    _account("p002", "participant"),
    _account("formateur-a", "formateur"),
    _account("formateur-b", "formateur"),
]


def test_one_system_account_per_participant_and_one_for_the_trainers() -> None:
    """Participants get pk<tag>-p01, -p02… in roster order; every trainer the room's -form."""
    planned = plan_system_accounts(PEOPLE, "a1b2c3")
    assert planned.by_username == {
        "p001": "pka1b2c3-p01",
        "p002": "pka1b2c3-p02",
        "formateur-a": "pka1b2c3-form",
        "formateur-b": "pka1b2c3-form",
    }
    assert planned.names() == ["pka1b2c3-form", "pka1b2c3-p01", "pka1b2c3-p02"]


def _room(root: Path) -> RoomLayout:
    layout = RoomLayout.at(root)
    save_accounts(layout.accounts, PEOPLE)
    for path in (
        layout.codes_csv,
        layout.participant("P001") / "day1" / "carnet.answers.json",
        layout.participant("P002") / "workbook.ipynb",
        layout.curriculum / "day1" / "01.ipynb",
        layout.course / "release" / "day1" / "01.ipynb",
        layout.state / "config" / "participant" / "jupyter_server_config.json",
        layout.state / "cache" / "content-bank-x.pickle",
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", "utf-8")
    write_json(layout.description(), {"schema_version": 1})
    return layout


def _owner_and_mode(path: Path) -> tuple[str, int]:
    info = path.stat()
    return pwd.getpwuid(info.st_uid).pw_name, stat.S_IMODE(info.st_mode)


def test_secure_room_gives_each_folder_its_owner_and_mode(tmp_path: Path) -> None:
    """Participants' folders 0700 to them; codes, hub and course to the organiser; shared read-only."""
    layout = _room(tmp_path / "ROOM")
    accounts = SystemAccounts(secrets.token_hex(3), {"p001": "nobody", "p002": "daemon",
                              "formateur-a": "bin", "formateur-b": "bin"})  # fmt: skip
    try:
        secure_room(layout, accounts)
        _check_rights(layout, accounts)
    finally:
        shutil.rmtree(RUNTIME_ROOT / accounts.tag, ignore_errors=True)


def _check_rights(layout: RoomLayout, accounts: SystemAccounts) -> None:
    organiser = pwd.getpwuid(layout.root.stat().st_uid).pw_name
    assert _owner_and_mode(layout.root)[1] == 0o711
    assert _owner_and_mode(layout.participants)[1] == 0o711
    assert _owner_and_mode(layout.participant("P001")) == ("nobody", 0o700)
    assert _owner_and_mode(layout.participant("P001") / "day1" / "carnet.answers.json") == (
        "nobody",
        0o600,
    )
    assert _owner_and_mode(layout.participant("P002") / "workbook.ipynb") == ("daemon", 0o600)
    assert _owner_and_mode(layout.access) == (organiser, 0o700)
    assert _owner_and_mode(layout.codes_csv) == (organiser, 0o600)
    assert _owner_and_mode(layout.hub) == (organiser, 0o700)
    assert _owner_and_mode(layout.course)[1] == 0o711
    assert _owner_and_mode(layout.course / "release") == (organiser, 0o700)
    assert _owner_and_mode(layout.curriculum / "day1" / "01.ipynb") == ("bin", 0o600)
    shared = layout.state / "cache" / "content-bank-x.pickle"
    assert _owner_and_mode(shared) == (organiser, 0o644)
    assert _owner_and_mode(layout.home("p002")) == ("daemon", 0o700)
    assert _owner_and_mode(accounts.runtime_dir("p001")) == ("nobody", 0o700)
    assert _owner_and_mode(RUNTIME_ROOT / accounts.tag)[1] == 0o711


def test_a_room_in_a_folder_closed_to_other_accounts_is_refused_naming_it(tmp_path: Path) -> None:
    """A 0700 folder on the way to the room: the French error names it and how to open it."""
    closed = tmp_path / "ferme"
    (closed / "salle").mkdir(parents=True)
    closed.chmod(0o700)
    with pytest.raises(ParlerKitError) as refused:
        check_reachable([closed / "salle"])
    assert str(closed) in str(refused.value) and "chmod o+x" in str(refused.value)


def test_without_root_the_refusal_gives_the_command_to_type_quoted_for_the_shell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without administrator rights, the French refusal names the whole command again after sudo."""
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    command = ["/opt/kit/.venv/bin/parler-kit", "room", "start", "/srv/salle de mars"]
    monkeypatch.setattr("sys.argv", command)
    with pytest.raises(ParlerKitError) as refused:
        require_isolation_rights()
    assert "sudo /opt/kit/.venv/bin/parler-kit room start '/srv/salle de mars'" in str(
        refused.value
    )
    assert "droits d'administrateur" in str(refused.value)
