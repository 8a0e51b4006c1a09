"""The émargement in a real room, in Chromium: a trainer runs a half-day's sheet, participants sign.

The trainer opens the first half-day of the session; three participants sign on phone-sized
pages (two drawing with the mouse on the canvas, one typing their name with the keyboard); the
trainer's list follows without a reload; one is marked late, one leaving early (« Départ à … »),
the fourth absent; the trainer
signs and closes. Signing after the close, twice, for someone else or without the hub's XSRF
token is refused. `room emargement` then writes the signed sheet and presence file, and the
attestations made with ``--room`` carry the hours signed. axe-core finds nothing serious.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from room_fixtures import ROSTER, SESSION, Hub, Person, run_cli

from parler_kit.roster import load_roster, load_session
from parler_kit.signing import half_day_key

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 820, "height": 1180}
SIGNING = "services/emargement/"


def _device(chromium: Browser, contexts: list[BrowserContext], viewport: dict[str, int]) -> Page:
    """A fresh French browser of the given size (a phone has touch)."""
    context = chromium.new_context(
        locale="fr-FR",
        viewport=viewport,
        has_touch=viewport == PHONE,  # type: ignore[arg-type]
    )
    context.set_default_timeout(120_000)
    contexts.append(context)
    return context.new_page()


def _log_in_to_signing(page: Page, hub: Hub, person: Person) -> None:
    """Open the signing address; the hub asks for the card's code, then sends the person back."""
    page.goto(hub.url + SIGNING)
    page.get_by_label("Identifiant").fill(person.username)
    page.get_by_label("Code d'accès").fill(person.code)
    page.get_by_role("button", name="Entrer").click()
    page.wait_for_url(re.compile(r"/services/emargement/$"))


def _serious_axe_violations(page: Page) -> list[tuple[str, list[object]]]:
    """axe-core's serious and critical violations on the page as it is."""
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], [n["target"] for n in v["nodes"][:3]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _draw(page: Page, seed: int) -> None:
    """Draw a stroke across the signature frame with the mouse (a different one per `seed`)."""
    page.locator("#signature-zone").scroll_into_view_if_needed()
    box = page.locator("#signature-zone").bounding_box()
    assert box is not None
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.1, y + h * 0.7)
    page.mouse.down()
    for step in range(1, 9):
        low, high = 0.2 + 0.05 * seed, 0.8 - 0.05 * seed
        page.mouse.move(x + w * (0.1 + step * 0.1), y + h * (low if step % 2 else high))
    page.mouse.up()


def _entries(hub: Hub) -> list[dict[str, object]]:
    """The register's lines as written on disk."""
    path = hub.room.layout.emargement / "registre.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _row(trainer: Page, person: Person) -> Locator:
    """The trainer's list row of a participant."""
    return trainer.locator(f'li[data-personne="{person.username}"]')


def test_a_half_day_signed_in_the_room_gives_the_sheet_and_the_hours(
    room_hub: Hub,
    chromium: Browser,
    contexts: list[BrowserContext],
    tmp_path: Path,
    pdf_text: Callable[[Path], str],
) -> None:
    """Open, sign ×3 on phones (one by keyboard), late, left early, absent, close; PDF and hours."""
    session = load_session(SESSION)
    first = session.half_days[0]
    key = half_day_key(first)
    trainer_person = room_hub.room.trainers[0]
    one, two, three, four = room_hub.room.participants[:4]
    problems: dict[str, object] = {}

    trainer = _device(chromium, contexts, TABLET)
    _log_in_to_signing(trainer, room_hub, trainer_person)
    expect(trainer.locator("h1")).to_have_text("Émargement")
    problems["feuille fermée"] = _serious_axe_violations(trainer)
    trainer.get_by_label("Demi-journée").select_option(key)
    trainer.get_by_role("button", name="Ouvrir l'émargement").click()
    expect(trainer.get_by_role("status")).to_contain_text("Émargement ouvert — lundi 8 mars 2027")
    trainer.evaluate("window.notReloaded = true")

    phones = {}
    for person in (one, two, three):
        phone = _device(chromium, contexts, PHONE)
        _log_in_to_signing(phone, room_hub, person)
        expect(phone.locator("h1")).to_have_text("Signer ma présence — lundi 8 mars 2027, matin")
        phones[person.username] = phone
    problems["signer"] = _serious_axe_violations(phones[one.username])
    tokens = {}
    for seed, person in enumerate((one, two)):
        phone = phones[person.username]
        tokens[person.username] = str(
            phone.locator("input[name=_xsrf]").first.get_attribute("value")
        )
        _draw(phone, seed)
        phone.get_by_role("button", name="Valider ma signature").click()
        expect(phone.get_by_role("status")).to_have_text(
            re.compile(r"^Présence enregistrée à \d{1,2}\u00a0h\u00a0\d{2}$")
        )
    problems["présence enregistrée"] = _serious_axe_violations(phones[one.username])
    # The third signs with the keyboard only: the name field, then Enter.
    keyboard = phones[three.username]
    keyboard.get_by_label(re.compile("Ou tapez votre nom")).focus()
    keyboard.keyboard.type(f"{three.first_name} {three.last_name}")
    keyboard.keyboard.press("Enter")
    expect(keyboard.get_by_role("status")).to_contain_text("Présence enregistrée à")

    # The trainer's list follows without a reload.
    for person in (one, two, three):
        expect(_row(trainer, person)).to_contain_text("a signé à", timeout=15_000)
    expect(_row(trainer, four)).to_contain_text("n'a pas encore signé")
    assert trainer.evaluate("window.notReloaded") is True
    problems["feuille ouverte"] = _serious_axe_violations(trainer)

    # Signing again, « for » the fourth (the form names her) or without the hub's XSRF token.
    keyboard.goto(room_hub.url + SIGNING)
    assert keyboard.locator("input[name=_xsrf]").count() == 0  # signed: no form any more
    expect(keyboard.get_by_role("status")).to_contain_text("Présence enregistrée à")
    forged = phones[one.username].request.post(
        room_hub.url + SIGNING + "signer",
        form={"_xsrf": tokens[one.username], "demi_journee": key, "personne": four.username,
              "nom": f"{four.first_name} {four.last_name}"},
    )  # fmt: skip
    assert forged.status == 409 and "déjà enregistrée" in forged.text()
    no_token = phones[two.username].request.post(
        room_hub.url + SIGNING + "signer", form={"demi_journee": key, "nom": "Sans jeton"}
    )
    assert no_token.status == 403
    assert not any(
        e["person"] == four.username for e in _entries(room_hub) if e["action"] == "sign"
    )

    # Late arrival, early departure, absence, the trainer's own signature, then the close.
    trainer.get_by_label(f"Arrivée à … ({two.first_name} {two.last_name.upper()})").fill("09:40")
    _row(trainer, two).get_by_role("button", name="Enregistrer l'arrivée").click()
    expect(_row(trainer, two)).to_contain_text("arrivée à 9\u00a0h\u00a040")
    trainer.get_by_label(f"Départ à … ({one.first_name} {one.last_name.upper()})").fill("11:45")
    _row(trainer, one).get_by_role("button", name="Enregistrer le départ").click()
    expect(_row(trainer, one)).to_contain_text("départ à 11\u00a0h\u00a045")
    departures = [e for e in _entries(room_hub) if e["action"] == "departure"]
    assert [(e["person"], e["clock"], e["by"]) for e in departures] == [
        (one.username, "11:45", trainer_person.username)
    ]
    _row(trainer, four).get_by_role("button", name=re.compile("Marquer absent")).click()
    expect(_row(trainer, four)).to_contain_text("absent(e)")
    _draw(trainer, 3)
    trainer.get_by_role("button", name="Valider ma signature").click()
    expect(trainer.get_by_role("status")).to_contain_text("Présence enregistrée à")
    trainer.goto(room_hub.url + SIGNING)
    trainer.get_by_role("button", name="Clore l'émargement").click()
    expect(trainer.locator("main")).to_contain_text("Aucune feuille d'émargement n'est ouverte.")

    # After the close: the page says so, and a signature sent anyway is refused.
    late = phones[one.username]
    late.goto(room_hub.url + SIGNING)
    expect(late.get_by_role("status")).to_contain_text("Aucune feuille d'émargement n'est ouverte")
    after = late.request.post(
        room_hub.url + SIGNING + "signer",
        form={"_xsrf": tokens[one.username], "demi_journee": key, "nom": "Trop tard"},
    )
    assert after.status == 409 and "pas ouverte" in after.text()
    signs = [e for e in _entries(room_hub) if e["action"] == "sign"]
    assert sorted(str(e["person"]) for e in signs) == sorted(
        [one.username, two.username, three.username, trainer_person.username]
    )
    assert {str(e["client"]) for e in signs} == {"127.0.0.1"}
    assert len({e["signature"] for e in signs if e["signature"]}) == 3  # two drawn + the trainer's
    # The register is the organiser's (the hub's account), closed to the participants' accounts.
    for path in (
        room_hub.room.layout.emargement,
        room_hub.room.layout.emargement / "registre.jsonl",
    ):
        info = path.stat()
        assert info.st_uid == os.getuid() and info.st_mode & 0o077 == 0, path
    assert all(problems[name] == [] for name in problems), problems

    # The organiser's documents: the signed sheet, the presence file, the attestations' hours.
    out = tmp_path / "emargement"
    run_cli("room", "emargement", str(room_hub.room.layout.root), "--out", str(out),
            home=room_hub.room.home)  # fmt: skip
    sheet = out / f"emargement-{key}.pdf"
    text = pdf_text(sheet)
    for person in (one, two, three):
        assert person.last_name.upper() in text
    assert text.count("signé à") >= 4 and "9 h 40" in text and "Annexe d’audit" in text
    assert "11 h 45" in text and "heure de départ" in text  # the departure column and the audit
    presence_file = (out / "presence-salle.csv").read_text("utf-8")
    assert "départ à 11 h 45" in presence_file and "arrivée à 9 h 40" in presence_file
    with pikepdf.open(sheet) as pdf:
        assert sum(len(page.get_images()) for page in pdf.pages) >= 3  # two drawn + the trainer's
    attestations = tmp_path / "attestations"
    run_cli("admin", "attestations", str(ROSTER), "--session", str(SESSION), "--room",
            str(room_hub.room.layout.root), "--out", str(attestations),
            home=room_hub.room.home)  # fmt: skip
    roster = load_roster(ROSTER)
    by_name = {p.last_name: p for p in roster.participants}
    # Left at 11:45 of 9:00–12:30 → 2 h 45; arrived at 9:40 → 2 h 50; on time → 3 h 30.
    expected = {one.last_name: "2 h 45", two.last_name: "2 h 50", three.last_name: "3 h 30"}
    for last_name, hours in expected.items():
        participant = by_name[last_name]
        certificate = pdf_text(attestations / f"attestation-{participant.id}.pdf")
        assert hours in certificate, (last_name, hours)
        if last_name == one.last_name:
            assert "départ 45 min avant la fin" in certificate
    assert not (attestations / f"attestation-{by_name[four.last_name].id}.pdf").exists()
