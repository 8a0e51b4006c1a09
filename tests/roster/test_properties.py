"""Property-based tests: ids stable under reordering, names round-trip, ids safe."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parler_kit.roster import derive_id, is_safe_id, load_roster
from parler_kit.roster.ids import identity_key

# Printable words joined by single spaces: surrounding spaces are stripped on purpose.
words = st.text(alphabet=st.characters(blacklist_categories=("C", "Z")), min_size=1, max_size=12)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)


def person_key(person: tuple[str, str, str]) -> tuple[str, str, str]:
    return identity_key(*person)


def write_roster(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["nom", "prénom", "profession", "structure"])
    for last, first, structure in rows:
        writer.writerow([last, first, "ass mat", structure])
    path = folder / "r.csv"
    path.write_text(buffer.getvalue(), "utf-8")
    return path


@settings(max_examples=60, deadline=None)
@given(last=names, first=names, structure=names)
def test_any_printable_name_round_trips(last: str, first: str, structure: str) -> None:
    """Whatever printable name is written in the CSV comes back unchanged."""
    assert last.isprintable() and first.isprintable()
    with tempfile.TemporaryDirectory() as folder:
        (participant,) = load_roster(
            write_roster(Path(folder), [(last, first, structure)])
        ).participants
    assert (participant.last_name, participant.first_name) == (last, first)
    assert participant.structure == structure


@settings(max_examples=200, deadline=None)
@given(last=st.text(max_size=40), first=st.text(max_size=40), structure=st.text(max_size=40))
def test_derived_ids_always_safe(last: str, first: str, structure: str) -> None:
    """A derived id is a safe path component whatever the text (slashes, dots, control chars)."""
    participant_id = derive_id(last, first, structure)
    assert is_safe_id(participant_id)
    assert Path(participant_id).name == participant_id and ".." not in participant_id


@settings(max_examples=25, deadline=None)
@given(
    people=st.lists(st.tuples(names, names, names), min_size=2, max_size=6, unique_by=person_key),
    data=st.data(),
)
def test_ids_stable_when_rows_reordered(
    people: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    """Shuffling the rows gives every participant the same id."""
    shuffled = data.draw(st.permutations(people))
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        first = load_roster(write_roster(Path(one), people))
        second = load_roster(write_roster(Path(two), list(shuffled)))
    by_name = {(p.last_name, p.first_name, p.structure): p.id for p in first.participants}
    assert all(
        by_name[(p.last_name, p.first_name, p.structure)] == p.id for p in second.participants
    )
