"""`prepare_room`: from a roster and a session file, everything a training room needs, in ROOM.

Read like a script: read and check the roster and session (nothing is written when they are
invalid) → accounts and codes → the room's nbgrader course and every day's release → each
participant's personalised workbook → landing pages → access cards → hub configuration. The room
is assembled in a hidden sibling folder and renamed to ROOM at the very end, so a failure leaves
no half-prepared room behind, and an existing ROOM is never touched.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parler_kit.atomic import move
from parler_kit.content import load_bank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.production import build_workbooks
from parler_kit.room.accounts import (
    IssuedAccount,
    check_unique,
    issue,
    save_accounts,
    trainer_identity,
    write_codes_csv,
)
from parler_kit.room.cards import login_address, write_cards
from parler_kit.room.course_setup import CURRICULUM, setup_course
from parler_kit.room.description import RoomDescription, load_description, save_description
from parler_kit.room.emargement import write_signing_setup
from parler_kit.room.hub_config import CONFIG_FILE_TEXT
from parler_kit.room.layout import RoomLayout, write_private
from parler_kit.room.release import refresh_landings, release_day
from parler_kit.room.settings import write_server_settings
from parler_kit.roster import Roster, Session, load_roster, load_session

DEFAULT_ADDRESS = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class PreparedRoom:
    """What `prepare_room` made."""

    layout: RoomLayout
    participants: int
    trainers: int
    days: tuple[str, ...]
    released: tuple[str, ...]


def prepare_room(
    roster_path: Path,
    session_path: Path,
    out: Path,
    *,
    address: str = DEFAULT_ADDRESS,
    release: Sequence[str] = (),
    curriculum: Path = CURRICULUM,
) -> PreparedRoom:
    """Prepare the room folder `out` (which must not exist, or be empty)."""
    roster = load_roster(roster_path)
    session = load_session(session_path)
    final = RoomLayout.at(out)
    if final.root.exists() and (not final.root.is_dir() or any(final.root.iterdir())):
        raise ParlerKitError(ui_text("room.error.exists", path=final.root))
    building = RoomLayout.at(final.root.with_name(f".{final.root.name}.preparation"))
    if building.root.exists():
        shutil.rmtree(
            building.root
        )  # our own leftover from an interrupted prepare, never user data
    try:
        issued = _issue_accounts(roster, session)
        building.root.mkdir(parents=True)
        save_accounts(building.accounts, [item.account for item in issued])
        write_signing_setup(building, session, [item.account for item in issued],
                            roster_path, session_path)  # fmt: skip
        write_codes_csv(building.codes_csv, issued)
        write_private(building.api_token, secrets.token_hex(32) + "\n")
        days = setup_course(building, curriculum)
        description = RoomDescription(session.id, session.title, login_address(address), days)
        save_description(building, description)
        _build_workbooks(roster_path, session_path, building)
        write_server_settings(building)
        building.hub_config.write_text(CONFIG_FILE_TEXT, "utf-8")
        for day in release:
            release_day(building, day)
        refresh_landings(building, load_description(building))
        write_cards(building.cards_pdf, issued, login_address(address), session.title)
        if final.root.exists():
            final.root.rmdir()  # empty, checked above
        move(building.root, final.root)
    except BaseException:
        shutil.rmtree(building.root, ignore_errors=True)
        raise
    return PreparedRoom(
        final, len(roster.participants), len(session.trainers), days, tuple(release)
    )


def _issue_accounts(roster: Roster, session: Session) -> list[IssuedAccount]:
    """One account per participant (roster order), then one per trainer of the session."""
    bank = load_bank()
    issued = [
        issue(p.id, "participant", p.last_name, p.first_name, bank.role(p.role).label.fr)
        for p in roster.participants
    ]
    for line in session.trainers:
        person_id, last_name, first_name, role = trainer_identity(line)
        label = ui_text("room.trainer_role") + (f" ({role})" if role else "")
        issued.append(issue(person_id, "formateur", last_name, first_name, label))
    check_unique(item.account for item in issued)
    return issued


def _build_workbooks(roster_path: Path, session_path: Path, layout: RoomLayout) -> None:
    """Each participant's personalised workbook, as `workbooks build` makes it (notebook only)."""
    result = build_workbooks(roster_path, session_path, layout.participants, formats=("ipynb",))
    if result.failed:
        names = ", ".join(f"{e.full_name} ({e.participant_id})" for e in result.failed)
        raise ParlerKitError(ui_text("room.error.workbooks", names=names))
