"""A room whose own files were damaged (by hand, a crash, a bad copy) is refused in French.

Random bytes and random JSON replace ``salle.json`` or ``hub/comptes.json`` of a prepared room;
each room command that reads them must exit 1 with a French message naming the file, no Python
English, and change nothing in the room. Examples are derandomized: every run tries the same.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from room_fixtures import PreparedRoom

from parler_kit.cli import main

ENGLISH = re.compile(r"Traceback|Error|Exception|Expecting|codec|can.t |line \d+ column")
FRENCH = re.compile(r"[éèêàçù«»]")
STATUS, COLLECT = ("status",), ("collect", "day1")
CARDS = ("cards", "--address", "http://10.0.0.2:8000/")
#: (room command, the room file it reads) — ``status`` of a stopped room reads only salle.json.
CASES = [
    (STATUS, "salle.json"), (COLLECT, "salle.json"), (COLLECT, "hub/comptes.json"),
    (CARDS, "salle.json"),
]  # fmt: skip

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["schema_version", "session_id", "accounts", "title"])
            | st.text(max_size=6),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)
payloads = st.binary(max_size=200) | json_values.map(
    lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8")
)


@pytest.fixture(scope="module")
def room_copy(prepared_room: PreparedRoom, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the prepared room (the shared one is left whole for the other tests)."""
    copy = tmp_path_factory.mktemp("abimee") / "ROOM"
    shutil.copytree(prepared_room.layout.root, copy, symlinks=True)
    return copy


def _snapshot(room: Path) -> dict[str, bytes]:
    return {str(p.relative_to(room)): p.read_bytes() for p in room.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("command", "damaged"), CASES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else v
)
@settings(max_examples=5, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(payload=payloads)
def test_a_damaged_room_file_is_refused_in_french(
    room_copy: Path, command: tuple[str, ...], damaged: str, payload: bytes
) -> None:
    """Garbage in a room file: exit 1, a French message naming it, nothing in the room changed."""
    path = room_copy / damaged
    original = path.read_bytes()
    path.write_bytes(payload)
    try:
        before = _snapshot(room_copy)
        result = CliRunner().invoke(main, ["room", command[0], str(room_copy), *command[1:]])
        after = _snapshot(room_copy)
    finally:
        path.write_bytes(original)
    if payload == original:  # hypothesis cannot draw the real file, but say what is meant
        return
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert FRENCH.search(result.output) and not ENGLISH.search(result.output), result.output
    assert path.name in result.output
    assert after == before


def test_an_unexpected_field_in_the_room_description_is_named_in_french(room_copy: Path) -> None:
    """salle.json with a field the kit does not know: « contenu inattendu », not Python's words."""
    path = room_copy / "salle.json"
    original = path.read_bytes()
    path.write_text(json.dumps(json.loads(original) | {"inconnu": 1}), "utf-8")
    try:
        result = CliRunner().invoke(main, ["room", "status", str(room_copy)])
    finally:
        path.write_bytes(original)
    assert result.exit_code == 1
    assert "contenu inattendu" in result.output and not ENGLISH.search(result.output)


def test_a_codes_file_without_its_columns_is_explained_in_french(room_copy: Path) -> None:
    """acces/codes.csv without « identifiant »/« code »: the cards are refused, saying which."""
    path = room_copy / "acces" / "codes.csv"
    original = path.read_bytes()
    path.write_text("nom;prénom\nBenali;Fatima\n", "utf-8")
    try:
        result = CliRunner().invoke(main, ["room", *CARDS[:1], str(room_copy), *CARDS[1:]])
    finally:
        path.write_bytes(original)
    assert result.exit_code == 1
    assert "« identifiant » et « code »" in result.output.replace("\xa0", " ")
    assert not ENGLISH.search(result.output)
