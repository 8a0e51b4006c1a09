"""The émargement register: append-only lines, the signing rules, corrections, the presence file."""

from __future__ import annotations

import datetime as dt
import json
import os
import pwd
from pathlib import Path

import pytest

from parler_kit.roster import HalfDay, Roster, Session, load_presence, load_roster, load_session
from parler_kit.signing import Person, Refused, Register, SheetSetup, half_day_key, write_setup
from parler_kit.signing.records import outcomes, presence_csv

REPO = Path(__file__).resolve().parents[2]
MORNING = HalfDay(dt.date(2027, 3, 8), "matin", dt.time(9), dt.time(12, 30))
AFTERNOON = HalfDay(dt.date(2027, 3, 8), "après-midi", dt.time(13, 30), dt.time(17))
AM = half_day_key(MORNING)
PM = half_day_key(AFTERNOON)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
PEOPLE = (
    Person("p01", "P01", "participant", "Martin", "Zoé"),
    Person("p02", "P02", "participant", "Durand", "Léo"),
    Person("formateur-1", "formateur-1", "formateur", "Vasseur", "Claire"),
)


@pytest.fixture
def register(tmp_path: Path) -> Register:
    """A register over a two-half-day session, two participants and a trainer."""
    folder = tmp_path / "emargement"
    write_setup(folder, SheetSetup("Formation", (MORNING, AFTERNOON), PEOPLE))
    return Register(folder)


def test_the_folder_and_its_files_are_the_organisers_alone(register: Register) -> None:
    """The register's folder is 0700 and its lines and signatures 0600 (nobody else reads them)."""
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", png=PNG)
    assert register.folder.stat().st_mode & 0o777 == 0o700
    assert register.path.stat().st_mode & 0o777 == 0o600
    assert all(
        p.stat().st_mode & 0o777 == 0o600 for p in (register.folder / "signatures").iterdir()
    )


def test_a_signature_is_recorded_with_time_client_and_image(register: Register) -> None:
    """Signing an open sheet stores the person, half-day, time, address and the PNG."""
    register.append("open", "formateur-1", half_day=AM)
    now = dt.datetime(2027, 3, 8, 9, 4, tzinfo=dt.UTC)
    entry = register.append(
        "sign", "p01", half_day=AM, person="p01", png=PNG, client="192.168.1.20", now=now
    )
    assert (entry.person, entry.half_day, entry.client) == ("p01", AM, "192.168.1.20")
    assert entry.moment == now
    assert register.signature_bytes(entry) == PNG
    assert register.state()[AM].people["p01"].signature == entry


def test_nobody_signs_a_sheet_that_is_not_open(register: Register) -> None:
    """Before opening, after closing, and for another half-day than the open one: refused."""
    with pytest.raises(Refused, match="n'est pas ouverte"):
        register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    register.append("open", "formateur-1", half_day=AM)
    with pytest.raises(Refused, match="n'est pas ouverte"):
        register.append("sign", "p01", half_day=PM, person="p01", typed="Zoé Martin")
    register.append("close", "formateur-1", half_day=AM)
    with pytest.raises(Refused, match="n'est pas ouverte"):
        register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    assert [e.action for e in register.entries()] == ["open", "close"]


def test_nobody_signs_twice_nor_for_another(register: Register) -> None:
    """A second signature and a signature for someone else are refused, and nothing is written."""
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    with pytest.raises(Refused, match="déjà enregistrée"):
        register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    with pytest.raises(Refused, match="pour une autre personne"):
        register.append("sign", "p01", half_day=AM, person="p02", typed="Léo Durand")
    assert len(register.entries()) == 2


def test_only_trainers_run_sheets_and_mark(register: Register) -> None:
    """A participant cannot open, close or mark; an unknown user cannot act at all."""
    for action in ("open", "absent", "arrival", "departure"):
        with pytest.raises(Refused, match="Seuls les formateurs"):
            register.append(action, "p01", half_day=AM, person="p02", clock="9:30")  # type: ignore[arg-type]
    with pytest.raises(Refused, match="pas inscrite"):
        register.append("sign", "intrus", half_day=AM, person="intrus", typed="X")
    assert register.entries() == []


def test_one_sheet_open_at_a_time(register: Register) -> None:
    """Opening a second sheet while one is open is refused; after closing it may open."""
    register.append("open", "formateur-1", half_day=AM)
    with pytest.raises(Refused, match="déjà ouverte"):
        register.append("open", "formateur-1", half_day=PM)
    register.append("close", "formateur-1", half_day=AM)
    register.append("open", "formateur-1", half_day=PM)
    assert register.state()[PM].is_open and not register.state()[AM].is_open


def test_bad_signatures_are_refused(register: Register) -> None:
    """Neither a PNG nor a name, a non-PNG, an oversized image: refused with a French reason."""
    register.append("open", "formateur-1", half_day=AM)
    with pytest.raises(Refused, match="Dessinez"):
        register.append("sign", "p01", half_day=AM, person="p01", typed="   ")
    with pytest.raises(Refused, match="pas utilisable"):
        register.append("sign", "p01", half_day=AM, person="p01", png=b"GIF89a")
    with pytest.raises(Refused, match="pas utilisable"):
        register.append("sign", "p01", half_day=AM, person="p01", png=PNG + b"\x00" * 400_000)


def test_a_correction_is_a_new_line_naming_who_and_what(register: Register) -> None:
    """Marking absent after a signature appends a line by the trainer that corrects the signature's."""
    register.append("open", "formateur-1", half_day=AM)
    signed = register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    before = register.path.read_bytes()
    mark = register.append("absent", "formateur-1", half_day=AM, person="p01")
    assert register.path.read_bytes().startswith(before)  # nothing above was changed
    assert (mark.by, mark.person, mark.corrects) == ("formateur-1", "p01", signed.seq)
    state = register.state()[AM].people["p01"]
    assert state.signature == signed and state.absent == mark


def test_lines_are_never_rewritten(register: Register) -> None:
    """Every append keeps the earlier bytes of the register as they were (append-only)."""
    register.append("open", "formateur-1", half_day=AM)
    snapshots = [register.path.read_bytes()]
    register.append("sign", "p02", half_day=AM, person="p02", typed="Léo Durand")
    snapshots.append(register.path.read_bytes())
    register.append("arrival", "formateur-1", half_day=AM, person="p02", clock="9h40")
    snapshots.append(register.path.read_bytes())
    register.append("close", "formateur-1", half_day=AM)
    final = register.path.read_bytes()
    assert all(final.startswith(s) for s in snapshots)
    assert [json.loads(line)["seq"] for line in final.splitlines()] == [1, 2, 3, 4]


def test_a_bad_arrival_time_is_refused(register: Register) -> None:
    """« Arrivée à » takes 9:30, 9h30 or 09 30; anything else is a French refusal."""
    with pytest.raises(Refused, match="Heure illisible"):
        register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="bientôt")


def test_outcomes_follow_signatures_and_marks(register: Register) -> None:
    """Signed → present; arrival time → late by the minutes after start; marked or unsigned → absent."""
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    register.append("sign", "p02", half_day=AM, person="p02", png=PNG)
    register.append("arrival", "formateur-1", half_day=AM, person="p02", clock="9:40")
    register.append("close", "formateur-1", half_day=AM)
    register.append("open", "formateur-1", half_day=PM)
    register.append("sign", "p01", half_day=PM, person="p01", png=PNG)
    register.append("absent", "formateur-1", half_day=PM, person="p01")
    table = outcomes(register.setup, register.state())
    assert table["p01"][AM].status == "present"
    assert (table["p02"][AM].status, table["p02"][AM].late_minutes) == ("late", 40)
    assert table["p01"][PM].status == "absent"
    assert table["p02"][PM].status == "absent"


def _example_register(folder: Path) -> tuple[Session, Roster, tuple[Person, ...], Register]:
    """A register for the example session and the test room's roster (and one trainer)."""
    session = load_session(REPO / "examples" / "session.yaml")
    roster = load_roster(REPO / "tests" / "data" / "room" / "roster.csv")
    people = (
        *(
            Person(p.id.lower(), p.id, "participant", p.last_name, p.first_name)
            for p in roster.participants
        ),
        Person("formateur-1", "formateur-1", "formateur", "Vasseur", "Claire"),
    )
    write_setup(folder, SheetSetup(session.title, session.half_days, people))
    return session, roster, people, Register(folder)


def test_the_presence_file_reads_back_with_the_same_hours(tmp_path: Path) -> None:
    """The presence file written from the register is read by `load_presence` with its hours."""
    session, roster, people, register = _example_register(tmp_path / "e")
    first = session.half_days[0]
    key = half_day_key(first)
    one, two = people[0].username, people[1].username
    register.append("open", "formateur-1", half_day=key)
    register.append("sign", one, half_day=key, person=one, typed="A")
    register.append("sign", two, half_day=key, person=two, typed="B")
    register.append("arrival", "formateur-1", half_day=key, person=two, clock="9:30")
    path = tmp_path / "presence.csv"
    path.write_text(presence_csv(register.setup, register.state()), "utf-8")
    presence = load_presence(path, roster, session)
    assert presence.hours(people[0].person_id) == first.hours
    assert presence.hours(people[1].person_id) == first.hours - 0.5
    assert presence.hours(people[2].person_id) == 0


def test_a_departure_is_a_trainers_correction_line_with_its_time(register: Register) -> None:
    """« Départ à … »: a trainer's line correcting the signature; minutes before the end count."""
    register.append("open", "formateur-1", half_day=AM)
    signed = register.append("sign", "p01", half_day=AM, person="p01", png=PNG)
    before = register.path.read_bytes()
    left = register.append("departure", "formateur-1", half_day=AM, person="p01", clock="11h45")
    register.append("departure", "formateur-1", half_day=AM, person="p02", clock="12:00")
    assert register.path.read_bytes().startswith(before)
    assert (left.action, left.clock, left.by, left.corrects) == (
        "departure", "11:45", "formateur-1", signed.seq
    )  # fmt: skip
    assert register.state()[AM].people["p01"].departure == left
    table = outcomes(register.setup, register.state())
    assert (table["p01"][AM].status, table["p01"][AM].early_minutes) == ("present", 45)
    assert (table["p02"][AM].status, table["p02"][AM].early_minutes) == ("present", 30)


def test_arrival_and_departure_together_give_both_deductions(register: Register) -> None:
    """Arrived 9:40, left 11:45: late 40 min and 45 min early; a later « absent » still wins."""
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", png=PNG)
    register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="9:40")
    register.append("departure", "formateur-1", half_day=AM, person="p01", clock="11:45")
    result = outcomes(register.setup, register.state())["p01"][AM]
    assert (result.status, result.late_minutes, result.early_minutes) == ("late", 40, 45)
    register.append("absent", "formateur-1", half_day=AM, person="p01")
    assert outcomes(register.setup, register.state())["p01"][AM].status == "absent"


@pytest.mark.parametrize(
    ("clock", "reason"),
    [
        ("8:30", "doit être dans la demi-journée"),
        ("9:00", "doit être dans la demi-journée"),
        ("13:00", "doit être dans la demi-journée"),
        ("9:30", "ce n'est pas après l'arrivée à 9"),
        ("9:45", "ce n'est pas après l'arrivée à 9"),
        ("midi moins le quart", "Heure illisible"),
    ],
)
def test_a_departure_outside_the_half_day_or_before_the_arrival_is_refused(
    register: Register, clock: str, reason: str
) -> None:
    """Before or at the start, after the end, not after the arrival, unreadable: refused in French."""
    register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="9:45")
    with pytest.raises(Refused, match=reason):
        register.append("departure", "formateur-1", half_day=AM, person="p01", clock=clock)
    assert [e.action for e in register.entries()] == ["arrival"]


def test_an_arrival_at_the_end_or_after_the_departure_is_refused(register: Register) -> None:
    """An arrival from the end of the half-day on, or not before the departure noted: refused."""
    with pytest.raises(Refused, match="la demi-journée se termine à 12"):
        register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="12:30")
    register.append("departure", "formateur-1", half_day=AM, person="p01", clock="11:00")
    with pytest.raises(Refused, match="ce n'est pas après l'arrivée à 11"):
        register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="11:00")
    register.append("arrival", "formateur-1", half_day=AM, person="p01", clock="10:59")
    assert [e.action for e in register.entries()] == ["departure", "arrival"]


def test_a_departure_at_the_end_corrects_an_early_departure_noted_by_mistake(
    register: Register,
) -> None:
    """A second « Départ à » at the half-day's end leaves no early minutes (a correction line)."""
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", png=PNG)
    wrong = register.append("departure", "formateur-1", half_day=AM, person="p01", clock="11:00")
    fixed = register.append("departure", "formateur-1", half_day=AM, person="p01", clock="12:30")
    assert fixed.corrects == wrong.seq
    result = outcomes(register.setup, register.state())["p01"][AM]
    assert (result.status, result.early_minutes) == ("present", 0)


def test_departures_round_trip_through_the_presence_file(tmp_path: Path) -> None:
    """Register → presence_csv → load_presence: left early, late and left early, same hours."""
    session, roster, people, register = _example_register(tmp_path / "e")
    first, second = session.half_days[:2]  # 9:00–12:30 and 13:30–17:00
    one, two, three = (p.username for p in people[:3])
    for half_day in (first, second):
        key = half_day_key(half_day)
        register.append("open", "formateur-1", half_day=key)
        for name in (one, two, three):
            register.append("sign", name, half_day=key, person=name, typed=name)
        register.append("close", "formateur-1", half_day=key)
    register.append(
        "departure", "formateur-1", half_day=half_day_key(first), person=one, clock="11:45"
    )
    register.append(
        "arrival", "formateur-1", half_day=half_day_key(second), person=two, clock="14:05"
    )
    register.append(
        "departure", "formateur-1", half_day=half_day_key(second), person=two, clock="16:20"
    )
    text = presence_csv(register.setup, register.state())
    assert "départ à 11 h 45" in text and "arrivée à 14 h 05, départ à 16 h 20" in text
    path = tmp_path / "presence.csv"
    path.write_text(text, "utf-8")
    presence = load_presence(path, roster, session)
    table = outcomes(register.setup, register.state())
    for person in people[:3]:
        expected = sum(
            h.hours - (table[person.username][half_day_key(h)].late_minutes
                       + table[person.username][half_day_key(h)].early_minutes) / 60
            for h in (first, second)
        )  # fmt: skip
        assert presence.hours(person.person_id) == pytest.approx(expected)
    assert presence.hours(people[0].person_id) == pytest.approx(3.5 - 0.75 + 3.5)
    assert presence.hours(people[1].person_id) == pytest.approx(3.5 + 3.5 - (35 + 40) / 60)
    marks = dict(presence.of(people[1].person_id))
    assert (marks[second].late_minutes, marks[second].early_minutes) == (35, 40)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another account needs root")
def test_files_written_as_root_stay_the_organisers(register: Register) -> None:
    """Run as root (an isolated room's hub), the register and signatures get the folder's owner."""
    organiser = pwd.getpwnam("nobody")
    os.chown(register.folder, organiser.pw_uid, organiser.pw_gid)
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", png=PNG)
    written = [register.path, *(register.folder / "signatures").iterdir()]
    assert {p.stat().st_uid for p in written} == {organiser.pw_uid}
