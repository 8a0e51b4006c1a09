"""Room fixtures (defined in room_fixtures.py, a module name unique in the suite)."""

from room_fixtures import contexts, prepared_room, room_hub

__all__ = ["contexts", "prepared_room", "room_hub"]
