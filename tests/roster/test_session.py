"""Reading ``session.yaml`` and its French errors naming the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parler_kit.errors import RosterError
from parler_kit.roster import load_session

REPO = Path(__file__).resolve().parents[2]

VALID = """\
title: Formation
place: Salle
address: 1 rue X
cite_educative: Cité éducative
organisation: Organisme
trainers: [A, B]
coordinator: C
objectives: [Objectif]
days:
  - {date: 2027-03-08, matin: "9:00-12:30", afternoon: "13h30 - 17h"}
"""


def test_example_session() -> None:
    """The example session (French keys) has three days, six half-days, 20.5 hours."""
    session = load_session(REPO / "examples" / "session.yaml")
    assert len(session.days) == 3 and len(session.half_days) == 6
    assert session.total_hours == pytest.approx(20.5)
    assert session.half_days[1].period == "après-midi"
    assert session.id == "st-etienne-montreynaud-2027-03"
    assert "Saint-Étienne" in session.address


def test_english_keys_and_hour_spellings(tmp_path: Path) -> None:
    """English keys, « 9:00-12:30 » and « 13h30 - 17h » are read; the id is derived."""
    path = tmp_path / "s.yaml"
    path.write_text(VALID, "utf-8")
    session = load_session(path)
    assert session.half_days[0].start == dt.time(9, 0)
    assert session.half_days[1].end == dt.time(17, 0)
    assert session.total_hours == pytest.approx(7.0)
    assert session.id == "formation-2027-03-08"


def test_all_problems_named_by_field(tmp_path: Path) -> None:
    """Missing fields, bad hours, bad date and unknown keys are all reported, each by field."""
    path = tmp_path / "s.yaml"
    path.write_text(
        "title: ''\nplace: Salle\ncolour: bleu\n"
        "days:\n  - {date: 2027-02-30, matin: '12h-9h'}\n  - {date: 2027-03-01, soir: '18h-20h'}\n",
        "utf-8",
    )
    with pytest.raises(RosterError) as caught:
        load_session(path)
    fields = {p.field for p in caught.value.problems}
    assert {"title", "address", "trainers", "colour", "days[1].date", "days[1].matin"} <= fields
    assert "days[2].soir" in fields and "days[2]" in fields
    assert "Fichier de session invalide" in str(caught.value)


def test_yaml_syntax_error_gives_line(tmp_path: Path) -> None:
    """Broken YAML is one French problem with its line."""
    path = tmp_path / "s.yaml"
    path.write_text("title: a\nplace: [b\n", "utf-8")
    with pytest.raises(RosterError) as caught:
        load_session(path)
    (problem,) = caught.value.problems
    assert problem.row is not None and "YAML" in problem.message


def test_unsafe_session_id(tmp_path: Path) -> None:
    """An explicit id that is not a safe folder name is refused."""
    path = tmp_path / "s.yaml"
    path.write_text(VALID + "id: ../x\n", "utf-8")
    with pytest.raises(RosterError) as caught:
        load_session(path)
    assert [p.field for p in caught.value.problems] == ["id"]
