"""`room emargement` and `--room`: signed sheets, the presence file, hours, erasure keeps the register."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageDraw

from parler_kit.erasure import Outcome
from parler_kit.room.accounts import issue
from parler_kit.room.emargement import room_presence, write_room_emargement, write_signing_setup
from parler_kit.room.erase import _signed_attendance
from parler_kit.room.layout import RoomLayout
from parler_kit.room.services import hub_services
from parler_kit.roster import load_presence, load_roster, load_session
from parler_kit.signing import Register, half_day_key

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "tests" / "data" / "room" / "roster.csv"
SESSION = REPO / "examples" / "session.yaml"


def _png(shift: int) -> bytes:
    """A small drawn signature (a real PNG, as a canvas would send), one per `shift`."""
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    line = [(10, 80), (80, 20 + shift), (150, 70), (290, 30)]
    ImageDraw.Draw(image).line(line, fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def signed_room(tmp_path: Path) -> tuple[RoomLayout, list[str]]:
    """A room folder with its émargement setup; the first half-day signed (late, absent, left)."""
    layout = RoomLayout.at(tmp_path / "ROOM")
    roster, session = load_roster(ROSTER), load_session(SESSION)
    accounts = [
        issue(p.id, "participant", p.last_name, p.first_name, "x").account
        for p in roster.participants
    ]
    accounts.append(issue("formateur-1", "formateur", "Vasseur", "Claire", "Formatrice").account)
    write_signing_setup(layout, session, accounts, ROSTER, SESSION)
    register = Register(layout.emargement)
    key = half_day_key(session.half_days[0])
    names = [a.username for a in accounts if a.kind == "participant"]
    register.append("open", "formateur-1", half_day=key)
    register.append("sign", names[0], half_day=key, person=names[0], png=_png(1), client="10.0.0.5")
    register.append("departure", "formateur-1", half_day=key, person=names[0], clock="12:00")
    register.append("sign", names[1], half_day=key, person=names[1], typed="Aïcha N'Guessan")
    register.append("arrival", "formateur-1", half_day=key, person=names[1], clock="9:45")
    register.append("sign", names[2], half_day=key, person=names[2], png=_png(2))
    register.append("absent", "formateur-1", half_day=key, person=names[2])
    register.append("sign", "formateur-1", half_day=key, person="formateur-1", png=_png(3))
    register.append("close", "formateur-1", half_day=key)
    return layout, names


def test_room_emargement_writes_signed_sheets_and_the_presence_file(
    signed_room: tuple[RoomLayout, list[str]], tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """One tagged French PDF per half-day with the drawn signatures, times, marks and the audit."""
    layout, _names = signed_room
    session = load_session(SESSION)
    written = write_room_emargement(layout, tmp_path / "out")
    assert [p.name for p in written.sheets] == [
        f"emargement-{half_day_key(h)}.pdf" for h in session.half_days
    ]
    first = written.sheets[0]
    text = pdf_text(first)
    # The typed name wraps in the signature box (the departure column took some of its width).
    assert "signé à" in text and "Nom tapé : Aïcha" in text and "N'Guessan signé à" in text
    assert "9 h 45" in text and "absent(e)" in text
    assert "(heure de départ)" in text and "12 h 00" in text  # the departure column
    assert "heure de départ" in text and "12:00 corrige la" in text  # the audit annex's line
    assert "Annexe d’audit" in text and "10.0.0.5" in text and "corrige la ligne" in text
    registered = len(load_roster(ROSTER).participants)
    assert f"2 participants présents sur {registered} inscrits" in text
    with pikepdf.open(first) as pdf:
        assert str(pdf.Root.get("/Lang")) == "fr" and "/StructTreeRoot" in pdf.Root
        images = sum(len(page.get_images()) for page in pdf.pages)
    assert images >= 3  # two participants' drawn signatures (one then marked absent), the trainer's
    unsigned = pdf_text(written.sheets[1])
    assert "signé à" not in unsigned and "cette feuille n’a pas été ouverte" in unsigned


def test_the_presence_file_and_room_presence_give_the_signed_hours(
    signed_room: tuple[RoomLayout, list[str]], tmp_path: Path
) -> None:
    """Left at 12:00 → 3 h, late from 9:45 → 2.75 h, marked absent → 0; `--presence` reads it."""
    layout, _names = signed_room
    roster, session = load_roster(ROSTER), load_session(SESSION)
    written = write_room_emargement(layout, tmp_path / "out")
    from_file = load_presence(written.presence, roster, session)
    direct = room_presence(layout, roster, session)
    ids = [p.id for p in roster.participants]
    expected = [3.0, 2.75, 0] + [0] * (len(ids) - 3)
    assert [from_file.hours(i) for i in ids] == expected
    assert [direct.hours(i) for i in ids] == expected


def test_erasure_keeps_the_signed_register_and_says_why(
    signed_room: tuple[RoomLayout, list[str]],
) -> None:
    """The register, the setup and the person's signature are kept with the legal reason."""
    layout, names = signed_room
    kept = _signed_attendance(layout, names[0])
    assert {o.path.name for o in kept} >= {"registre.jsonl", "feuilles.json"}
    assert any(o.path.suffix == ".png" for o in kept)
    assert all(isinstance(o, Outcome) and o.action == "kept" and "3 ans" in o.reason for o in kept)
    assert all(o.path.exists() for o in kept)


def test_the_hub_gets_the_signing_service_and_the_live_view_its_last_day(
    signed_room: tuple[RoomLayout, list[str]],
) -> None:
    """hub_services declares /services/emargement/ for both groups; the live view gets --last-day."""
    layout, _names = signed_room
    layout.hub.mkdir()
    layout.api_token.write_text("jeton", "utf-8")
    services, roles = hub_services(layout, "http://192.168.1.10:8000/", {"SameSite": "Lax"})
    signing = next(s for s in services if s["name"] == "emargement")
    assert signing["command"][1:] == [
        "-m", "parler_kit.signing", "--hub-service", str(layout.emargement)
    ]  # fmt: skip
    access = next(r for r in roles if r["name"] == "emargement-acces")
    assert access["scopes"] == ["access:services!service=emargement"]
    assert access["groups"] == ["formateurs", "participants"]
    live = next(s for s in services if s["name"] == "classe")
    last = max(h.date for h in load_session(SESSION).half_days).isoformat()
    assert live["command"][-2:] == ["--last-day", last]
