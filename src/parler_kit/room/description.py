"""``salle.json``: what a room is — its session, the address on its cards, its days, what is released."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.layout import ROOM_SCHEMA_VERSION, RoomLayout, read_json, write_json


@dataclass(frozen=True)
class RoomDescription:
    """The room's description file, read and written whole."""

    session_id: str
    title: str
    address: str
    days: tuple[str, ...]
    released: tuple[str, ...] = ()
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    def with_released(self, day: str) -> RoomDescription:
        """The same room with `day` released too (in course order)."""
        released = set(self.released) | {day}
        return replace(self, released=tuple(d for d in self.days if d in released))


def save_description(layout: RoomLayout, description: RoomDescription) -> None:
    """Write ``salle.json``."""
    data: dict[str, Any] = {"schema_version": ROOM_SCHEMA_VERSION, **asdict(description)}
    write_json(layout.description(), data)


def load_description(layout: RoomLayout) -> RoomDescription:
    """Read ``salle.json``; a French error when the folder is not a room prepared by the kit."""
    if not layout.description().is_file():
        raise ParlerKitError(ui_text("room.error.not_a_room", path=layout.root))
    data = read_json(layout.description())
    try:
        if data.pop("schema_version") != ROOM_SCHEMA_VERSION:
            raise ValueError("schema_version")
        data["days"] = tuple(data["days"])
        data["released"] = tuple(data["released"])
        return RoomDescription(**data)
    except KeyError as error:
        reason = ui_text("room.reason.missing_field", field=error.args[0])
    except (TypeError, ValueError, AttributeError):
        reason = ui_text("room.reason.unexpected_content")
    raise ParlerKitError(ui_text("room.error.bad_file", path=layout.description(), reason=reason))
