"""The trainers' live list of the émargement service: states in words and the forms per person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parler_kit.roster import HalfDay
from parler_kit.signing import Person, Register, SheetSetup, half_day_key, write_setup
from parler_kit.signing.service import _render, list_rows

MORNING = HalfDay(dt.date(2027, 3, 8), "matin", dt.time(9), dt.time(12, 30))
AM = half_day_key(MORNING)
PEOPLE = (
    Person("p01", "P01", "participant", "Martin", "Zoé"),
    Person("p02", "P02", "participant", "Durand", "Léo"),
    Person("formateur-1", "formateur-1", "formateur", "Vasseur", "Claire"),
)


def _register(tmp_path: Path) -> Register:
    write_setup(tmp_path / "emargement", SheetSetup("Formation", (MORNING,), PEOPLE))
    return Register(tmp_path / "emargement")


def test_the_list_says_who_left_early_and_when(tmp_path: Path) -> None:
    """A departure noted by the trainer shows « départ à 11 h 45 » after the arrival time."""
    register = _register(tmp_path)
    register.append("open", "formateur-1", half_day=AM)
    register.append("sign", "p01", half_day=AM, person="p01", typed="Zoé Martin")
    register.append("arrival", "formateur-1", half_day=AM, person="p02", clock="9:40")
    register.append("departure", "formateur-1", half_day=AM, person="p02", clock="11:45")
    rows = {r["username"]: r for r in list_rows(register, AM, MORNING, register.state())}
    nbsp = "\u00a0"
    assert rows["p02"]["status"].endswith(
        f"arrivée à 9{nbsp}h{nbsp}40 — départ à 11{nbsp}h{nbsp}45"
    )
    assert "départ" not in rows["p01"]["status"] and rows["p01"]["status"].startswith("a signé")
    register.append("absent", "formateur-1", half_day=AM, person="p02")
    rows = {r["username"]: r for r in list_rows(register, AM, MORNING, register.state())}
    assert rows["p02"]["status"] == "absent(e)"


def test_each_row_has_a_labelled_departure_form_beside_the_arrival(tmp_path: Path) -> None:
    """Every participant's row posts « depart » with a time field labelled « Départ à … (name) »."""
    register = _register(tmp_path)
    register.append("open", "formateur-1", half_day=AM)
    rows = list_rows(register, AM, MORNING, register.state())
    html = _render("_liste.html.j2", rows=rows, xsrf="x", prefix="/services/emargement/",
                   half_day=AM)  # fmt: skip
    for person in ("p01", "p02"):
        assert f'<label for="depart-{person}">' in html and f'id="depart-{person}"' in html
    assert "Départ à … (Zoé MARTIN)" in html and "Arrivée à … (Zoé MARTIN)" in html
    assert html.count('value="depart"') == 2 and html.count('value="arrivee"') == 2
    assert "Enregistrer le départ" in html and "Enregistrer l&#39;arrivée" in html
