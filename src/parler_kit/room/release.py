"""Release a day to every participant of a room, never overwriting what is already there.

Each participant gets their own copy of the day's participant release (nbgrader's, without the
trainer part or the hidden tests) in ``participants/<id>/<day>/`` and their own answers file for
it, created with their id and the session's id so that no two people ever share one. A file the
participant already has — a notebook or answers from an earlier release — is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from parler_kit.answers import DAY_ANSWERS, SUFFIX, AnswerStore
from parler_kit.atomic import write_atomic
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.accounts import Account, load_accounts
from parler_kit.room.course_setup import release_folder
from parler_kit.room.description import RoomDescription, load_description, save_description
from parler_kit.room.isolation import load_system_accounts, require_isolation_rights, secure_room
from parler_kit.room.landing import write_landing
from parler_kit.room.layout import RoomLayout

WORKBOOK_NAME = "workbook.ipynb"


@dataclass
class ReleaseReport:
    """What a release did for each participant."""

    copied: dict[str, list[str]] = field(default_factory=dict)  # participant → new files
    kept: dict[str, list[str]] = field(
        default_factory=dict
    )  # participant → files left as they were


def participants_of(layout: RoomLayout) -> list[Account]:
    """The participants' accounts, in roster order."""
    return [a for a in load_accounts(layout.accounts) if a.kind == "participant"]


def release_day(layout: RoomLayout, day: str) -> ReleaseReport:
    """Make `day` visible to every participant of the room (see the module docstring)."""
    description = load_description(layout)
    if day not in description.days:
        raise ParlerKitError(
            ui_text("room.error.unknown_day", day=day, days=", ".join(description.days))
        )
    isolated = load_system_accounts(layout)
    if isolated is not None:
        require_isolation_rights()  # the participants' folders are theirs: only root writes there
    source = release_folder(layout, day)
    if not source.is_dir():
        raise ParlerKitError(ui_text("room.error.no_release", day=day, path=source))
    report = ReleaseReport()
    for account in participants_of(layout):
        copied, kept = _release_to(source, layout.participant(account.person_id) / day)
        _own_answers_file(
            layout.participant(account.person_id) / day / DAY_ANSWERS,
            account.person_id,
            description.session_id,
        )
        report.copied[account.person_id] = copied
        report.kept[account.person_id] = kept
    updated = description.with_released(day)
    save_description(layout, updated)
    refresh_landings(layout, updated)
    if isolated is not None:
        secure_room(layout, isolated)  # the new files go to each participant's own account
    return report


def _release_to(source: Path, target: Path) -> tuple[list[str], list[str]]:
    """Copy the files of `source` missing from `target`; return (copied, kept) relative names."""
    copied: list[str] = []
    kept: list[str] = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = path.relative_to(source)
        if ".ipynb_checkpoints" in relative.parts or path.name.endswith(SUFFIX):
            continue
        destination = target / relative
        if destination.exists():
            kept.append(str(relative))
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(destination, path.read_bytes())
        copied.append(str(relative))
    return copied, kept


def _own_answers_file(path: Path, participant_id: str, session_id: str) -> None:
    """Create the day's answers file recording its owner (an existing one is only checked)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    AnswerStore.open(path, participant_id=participant_id, session_id=session_id)


def refresh_landings(layout: RoomLayout, description: RoomDescription) -> None:
    """Rewrite every participant's landing page for the days released so far."""
    for account in participants_of(layout):
        write_landing(
            layout.participant(account.person_id),
            account.first_name,
            WORKBOOK_NAME,
            list(description.released),
        )
