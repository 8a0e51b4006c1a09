"""The training room: a JupyterHub where each participant has their own workbook and answers.

`prepare_room` turns a roster and a session file into a room folder (accounts with hashed codes,
access cards, each participant's folder, the room's nbgrader course, the hub's configuration);
`launch_hub` / `stop_hub` / `room_status` run it; `release_day` and `collect_day` move a day's
notebooks to the participants and their work back to nbgrader. Everything lives in the room
folder. JupyterHub itself is imported only by the hub process (`hub_config`, `authenticator`,
`spawner`), never by the CLI.
"""

from parler_kit.room.cards import reprint_cards
from parler_kit.room.collect import RoomCollectReport, collect_day
from parler_kit.room.description import RoomDescription, load_description
from parler_kit.room.layout import RoomLayout
from parler_kit.room.prepare import DEFAULT_ADDRESS, PreparedRoom, prepare_room
from parler_kit.room.release import ReleaseReport, release_day
from parler_kit.room.server import (
    Connected,
    RunningHub,
    launch_hub,
    prestart_servers,
    room_status,
    running_hub,
    stop_hub,
    wait_until_ready,
)

__all__ = [
    "DEFAULT_ADDRESS",
    "Connected",
    "PreparedRoom",
    "ReleaseReport",
    "RoomCollectReport",
    "RoomDescription",
    "RoomLayout",
    "RunningHub",
    "collect_day",
    "launch_hub",
    "load_description",
    "prepare_room",
    "prestart_servers",
    "release_day",
    "reprint_cards",
    "room_status",
    "running_hub",
    "stop_hub",
    "wait_until_ready",
]
