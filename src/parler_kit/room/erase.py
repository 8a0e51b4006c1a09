"""Erase one participant from a room: their folder, account, code, card, hub user, system account and grades.

Used by ``parler-kit erase --participant ID --room ROOM`` as one step of the erasure (see
`parler_kit.admin.erase`). The signed attendance register (``emargement/``, with the roster and session
copies its sheets are printed from) is kept and named
as kept, like the paper sheets: it is the proof of presence the training body must keep. The room's other files are rewritten without the person: accounts,
codes, access cards (printed again for the others, same codes). JupyterHub's own record of the
username goes through the hub's API when the room runs (which also stops their server), else
through JupyterHub's database module.
"""

from __future__ import annotations

import shutil
import urllib.error
from pathlib import Path

from parler_kit.atomic import write_atomic
from parler_kit.course import course_step, load_course_config
from parler_kit.erasure import Outcome, Who
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.production.manifest import forget_participant
from parler_kit.room.accounts import (
    Account,
    IssuedAccount,
    codes_csv_text,
    load_accounts,
    read_codes_csv,
    save_accounts,
)
from parler_kit.room.cards import reprint_cards
from parler_kit.room.description import load_description
from parler_kit.room.emargement import SOURCE as SIGNING_SOURCES
from parler_kit.room.isolation import remove_system_accounts, system_accounts_file
from parler_kit.room.layout import RoomLayout, write_private
from parler_kit.room.server import hub_api, running_hub
from parler_kit.signing import Register
from parler_kit.signing.records import REGISTER_FILE, SETUP_FILE, SIGNATURES


def erase_from_room(layout: RoomLayout, participant_id: str) -> list[Outcome]:
    """Remove everything of `participant_id` from the room; what was done, file by file."""
    load_description(layout)  # refuses a folder that is not a room
    accounts = load_accounts(layout.accounts)
    account = next(
        (a for a in accounts if a.person_id == participant_id and a.kind == "participant"), None
    )
    outcomes: list[Outcome] = []
    if account is not None:
        outcomes += _forget_hub_user(layout, account)
    for folder in (
        layout.participant(participant_id),
        layout.home(participant_id.lower()),
        layout.state / "runtime" / participant_id.lower(),  # a room started --no-isolation
    ):
        if folder.is_dir() and folder.resolve().is_relative_to(layout.root.resolve()):
            shutil.rmtree(folder)
            outcomes.append(Outcome(folder, "removed"))
    course = load_course_config(layout.course_config) if layout.course_config.is_file() else None
    outcomes += course_step(course)(Who(participant_id, (layout.root,)))
    outcomes += [
        Outcome(p, "rewritten") for p in forget_participant(layout.participants, participant_id)
    ]
    outcomes += _forget_in_logs(layout, {participant_id, participant_id.lower()})
    outcomes += _signed_attendance(layout, participant_id.lower())
    if account is not None:
        outcomes += _forget_account(layout, accounts, account)
    return outcomes


def _signed_attendance(layout: RoomLayout, username: str) -> list[Outcome]:
    """The room's signed attendance register is kept, as the paper sheets are (proof of presence)."""
    folder = layout.emargement
    if not folder.is_dir():  # a room prepared before the émargement existed
        return []
    reason = ui_text("erase.kept.room_attendance")
    kept = [folder / REGISTER_FILE, folder / SETUP_FILE]
    try:
        entries = Register(folder).entries()
    except ParlerKitError:
        entries = []
    kept += sorted(
        {folder / SIGNATURES / e.signature for e in entries if e.person == username and e.signature}
    )
    # The roster and session the sheets are printed from: the names on the legal sheet.
    kept += sorted((folder / SIGNING_SOURCES).glob("*"))
    return [Outcome(path, "kept", reason) for path in kept if path.exists()]


def _forget_in_logs(layout: RoomLayout, names: set[str]) -> list[Outcome]:
    """Rewrite the room's logs (hub, nbgrader) without the lines that name the person."""
    outcomes = []
    for log in sorted(layout.root.rglob("*.log")):
        lines = log.read_text("utf-8", errors="replace").splitlines(keepends=True)
        kept = [line for line in lines if not any(name in line for name in names)]
        if len(kept) != len(lines):
            write_atomic(log, "".join(kept).encode("utf-8"))
            outcomes.append(Outcome(log, "rewritten"))
    return outcomes


def _forget_account(
    layout: RoomLayout, accounts: tuple[Account, ...], gone: Account
) -> list[Outcome]:
    """Rewrite comptes.json and codes.csv without the person and print the others' cards again."""
    remaining = [a for a in accounts if a.username != gone.username]
    outcomes = []
    if remove_system_accounts(layout, [gone.username]):  # the system account their server ran as
        outcomes.append(Outcome(system_accounts_file(layout), "rewritten"))
    save_accounts(layout.accounts, remaining)
    codes = read_codes_csv(layout.codes_csv)
    issued = [IssuedAccount(a, codes[a.username]) for a in remaining if a.username in codes]
    write_private(layout.codes_csv, codes_csv_text(issued))
    cards = reprint_cards(layout, load_description(layout).address)
    return [
        *outcomes,
        Outcome(layout.accounts, "rewritten"),
        Outcome(layout.codes_csv, "rewritten"),
        Outcome(cards, "rewritten"),
    ]


def _forget_hub_user(layout: RoomLayout, account: Account) -> list[Outcome]:
    """Delete the user from JupyterHub (through the running hub, or its database when stopped)."""
    database = layout.hub / "jupyterhub.sqlite"
    hub = running_hub(layout)
    if hub is not None:
        try:
            hub_api(layout, hub, "DELETE", f"users/{account.username}", timeout=60)
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            return []
        return [Outcome(database, "rewritten")]
    if not database.is_file():
        return []
    from jupyterhub import orm

    session = orm.new_session_factory(f"sqlite:///{database}")()
    try:
        user = orm.User.find(session, account.username)
        if user is None:
            return []
        session.delete(user)
        session.commit()
    finally:
        session.close()
    return [Outcome(database, "rewritten")]


def room_of(path: Path) -> RoomLayout:
    """The layout of the room folder `path` (checked to be a room)."""
    layout = RoomLayout.at(path)
    load_description(layout)
    return layout


__all__ = ["erase_from_room", "room_of"]
