"""`parler-kit room prepare`: accounts, codes, cards, folders — all inside ROOM, nothing on bad input."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from room_fixtures import ROSTER, SESSION, PreparedRoom

from parler_kit.answers import read_answers
from parler_kit.cli import main
from parler_kit.room.accounts import code_matches, load_accounts


def test_every_participant_and_trainer_gets_an_account_with_a_hashed_code(
    prepared_room: PreparedRoom,
) -> None:
    """One account per roster line and per session trainer; comptes.json holds hashes, never codes."""
    accounts = load_accounts(prepared_room.layout.accounts)
    assert [a.kind for a in accounts] == ["participant"] * 8 + ["formateur"] * 2
    assert [a.username for a in accounts] == [p.username for p in prepared_room.people]
    stored = prepared_room.layout.accounts.read_text("utf-8")
    for person, account in zip(prepared_room.people, accounts, strict=True):
        assert person.code not in stored and person.code.replace("-", "") not in stored
        assert code_matches(person.code, account.code_hash)
        assert not code_matches("AAAA-AAAA", account.code_hash)
    assert len({p.code for p in prepared_room.people}) == len(prepared_room.people)


def test_codes_file_is_private_and_names_people_with_their_accents(
    prepared_room: PreparedRoom,
) -> None:
    """codes.csv is mode 0600, ;-separated with the documented header, names as written."""
    path = prepared_room.layout.codes_csv
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(prepared_room.layout.accounts.stat().st_mode) == 0o600
    header = path.read_text("utf-8-sig").splitlines()[0]
    assert header == "identifiant;nom;prénom;rôle;code"
    first = prepared_room.participants[0]
    assert (first.last_name, first.first_name) == ("Étienne-Lefèbvre", "Zoé")
    assert first.username == first.username.lower()


def test_access_cards_show_name_address_username_and_code(
    prepared_room: PreparedRoom, pdf_text: Callable[[Path], str]
) -> None:
    """The cards PDF has one card per person: name with accents, address, username, code."""
    text = pdf_text(prepared_room.layout.cards_pdf).replace("\u2019", "'")
    assert text.count("http://127.0.0.1:8000/") == len(prepared_room.people)
    for person in prepared_room.people:
        assert f"{person.first_name} {person.last_name}".strip() in text
        assert person.username in text
        assert person.code in text
    assert "Recopiez votre identifiant et votre code d'accès" in text


def test_each_participant_has_an_own_folder_with_workbook_landing_page_and_released_day(
    prepared_room: PreparedRoom,
) -> None:
    """Workbook, landing page and day 1 per participant, each answers file recording its owner."""
    layout = prepared_room.layout
    session_id = json.loads(layout.description().read_text("utf-8"))["session_id"]
    for person in prepared_room.participants:
        folder = next(p for p in layout.participants.iterdir() if p.name.lower() == person.username)
        assert (folder / "workbook.ipynb").is_file()
        landing = (folder / "accueil.html").read_text("utf-8")
        assert "Mon carnet de formation" in landing and "Jour 1" in landing
        assert "Jour 2" not in landing and not (folder / "day2").exists()
        assert sorted(p.name for p in (folder / "day1").glob("*.ipynb"))
        for answers in (folder / "workbook.answers.json", folder / "day1" / "carnet.answers.json"):
            stored = read_answers(answers)
            assert (stored.participant_id, stored.session_id) == (folder.name, session_id)


def test_released_day_has_no_trainer_part_and_no_hidden_tests(prepared_room: PreparedRoom) -> None:
    """The participants' copy of a day is nbgrader's release: trainer cells and hidden tests removed."""
    folder = prepared_room.layout.participants
    texts = [nb.read_text("utf-8") for nb in folder.glob("*/day1/*.ipynb")]
    assert texts
    for text in texts:
        assert "Pour le formateur" not in text
        assert "BEGIN HIDDEN TESTS" not in text


def test_hub_configuration_and_state_stay_inside_the_room(prepared_room: PreparedRoom) -> None:
    """The hub config, course config and every file prepare wrote are under ROOM; HOME is empty."""
    layout = prepared_room.layout
    assert layout.hub_config.is_file() and layout.course_config.is_file()
    assert sorted(p.name for p in layout.root.parent.iterdir()) == ["ROOM", "home"]
    assert list(prepared_room.home.iterdir()) == []


def test_bad_roster_prints_the_roster_errors_and_prepares_nothing(tmp_path: Path) -> None:
    """A roster with a missing name is refused with its row named; no room folder is created."""
    roster = tmp_path / "liste.csv"
    roster.write_text(ROSTER.read_text("utf-8-sig").replace("Martin;Léo", ";Léo"), "utf-8")
    result = CliRunner().invoke(main, ["room", "prepare", str(roster), "--session", str(SESSION),
                                       "--out", str(tmp_path / "ROOM")])  # fmt: skip
    assert result.exit_code == 1
    assert "ligne 4" in result.stderr and "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liste.csv"]


def test_an_existing_room_is_never_prepared_over(
    prepared_room: PreparedRoom, tmp_path: Path
) -> None:
    """prepare into a folder that is not empty refuses, in French, and changes nothing."""
    before = prepared_room.layout.codes_csv.read_bytes()
    result = CliRunner().invoke(main, ["room", "prepare", str(ROSTER), "--session", str(SESSION),
                                       "--out", str(prepared_room.layout.root)])  # fmt: skip
    assert result.exit_code == 1
    assert "existe déjà" in result.stderr
    assert prepared_room.layout.codes_csv.read_bytes() == before


@pytest.mark.parametrize("day", ["day9", "jour1"])
def test_releasing_an_unknown_day_names_the_known_days(
    prepared_room: PreparedRoom, day: str
) -> None:
    """room release with a day the course does not have says which days exist."""
    result = CliRunner().invoke(main, ["room", "release", str(prepared_room.layout.root), day])
    assert result.exit_code == 1
    assert "day1, day2, day3" in result.stderr
