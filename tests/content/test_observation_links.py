"""Observation items ↔ warning signs: every link fits the age band and means the same thing."""

from __future__ import annotations

import pytest

from parler_kit.content import AgeRange, ContentBank, ObservationItem, Text, WarningSign, load_bank
from parler_kit.content.checks import check_bank

#: Each link reviewed by hand (issues 14 and 24): the item's absence at its band is what the sign
#: says.
REVIEWED_LINKS = {
    "obs-09-prenom": "ws-9-items-cs9",  # CS9 : réagit à son prénom
    "obs-09-syllabes": "ws-9-items-cs9",  # CS9 : répète une syllabe
    "obs-09-imite-geste": "ws-9-items-cs9",  # CS9 : imite « au revoir » / « bravo »
    "obs-09-voix-hors-vue": "ws-audition-dabord",  # no reaction to an unseen voice: hearing first
    "obs-12-comprend-non": "ws-7-24-comprehension",  # does not seem to understand
    "obs-18-un-mot": "ws-18-aucun-mot",  # no meaningful word at 18 months
    "obs-18-consigne-sans-geste": "ws-7-24-comprehension",
    "obs-24-deux-mots": "ws-18-24-deux-mots",
    "obs-24-nomme-image": "ws-24-items-cs24",  # CS24 : nomme au moins une image
    "obs-24-consigne": "ws-24-items-cs24",  # CS24 : comprend une consigne simple
    "obs-24-faire-semblant": "ws-24-items-cs24",  # CS24 : joue à faire semblant
    "obs-24-sollicite": "ws-24-items-cs24",  # CS24 : sollicite l'adulte
    "obs-30-nombreux-mots": "ws-30-mots-verbe",
    "obs-30-mot-action": "ws-30-mots-verbe",
    "obs-30-joue-autres": "ws-24-36-jeu-autres",
    "obs-36-phrase-verbe": "ws-36-phrases",
    "obs-36-consigne-orale": "ws-36-phrases",
    "obs-36-compris-proches": "ws-24-36-intelligibilite",
    "obs-48-phrases-longues": "ws-48-comprehension-phrases",
    "obs-48-mots-precis": "ws-48-comprehension-phrases",
    "obs-48-a-quoi-sert": "ws-48-comprehension-phrases",
}


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def test_the_links_are_exactly_the_reviewed_ones(bank: ContentBank) -> None:
    """A new or changed link between an item and a sign must be reviewed and added here."""
    links = {item.id: item.warning_sign for item in bank.observation_items if item.warning_sign}
    assert links == REVIEWED_LINKS


def test_every_link_fits_the_age_band(bank: ContentBank) -> None:
    """The sign's age range contains the band of every item linked to it."""
    signs = {sign.id: sign for sign in bank.warning_signs}
    for item in bank.observation_items:
        if item.warning_sign and item.age_band is not None:
            assert signs[item.warning_sign].age.contains(item.age_band), item.id


def test_a_composite_sign_is_raised_by_no_single_item(bank: ContentBank) -> None:
    """« Aucun mot, pas de pointage, pas d'attention conjointe » (15 mois) needs all three together."""
    composite = {sign.id for sign in bank.warning_signs if sign.composite}
    assert "ws-15-pointage-attention" in composite
    assert not [i.id for i in bank.observation_items if i.warning_sign in composite]


def test_the_review_errors_do_not_come_back(bank: ContentBank) -> None:
    """Three words at 18 months, a two-step instruction at 30, strangers at 36: not alerts."""
    items = {item.id: item for item in bank.observation_items}
    assert items["obs-18-trois-mots"].warning_sign is None
    assert items["obs-30-consigne-deux-etapes"].warning_sign is None
    assert items["obs-36-compris-autres"].warning_sign is None


def test_the_second_review_errors_do_not_come_back(bank: ContentBank) -> None:
    """Issue 24: no pointing at 12 months, familiar adults at 24, one's name at 3: not alerts.

    And « une cinquantaine de mots » is no longer « in one day ».
    """
    items = {item.id: item for item in bank.observation_items}
    signs = {sign.id: sign for sign in bank.warning_signs}
    for item_id in ("obs-12-pointe", "obs-12-au-revoir", "obs-24-compris-proches", "obs-36-prenom"):
        assert items[item_id].warning_sign is None, item_id
    assert signs["ws-7-12-sons-gestes"].composite
    assert "journée" not in items["obs-30-nombreux-mots"].text.fr


def _item(band: int, sign: str) -> ObservationItem:
    return ObservationItem(
        id="obs-x", subject="child", age_band=band, domain="expression",  # type: ignore[arg-type]
        text=Text(fr="Fait observé."), warning_sign=sign, sources=("src",),
    )  # fmt: skip


def _sign(composite: bool = False) -> WarningSign:
    return WarningSign(
        id="ws-x", age=AgeRange(min=7, max=24), text=Text(fr="Signe."),
        action=Text(fr="En parler."), composite=composite, sources=("src",),
    )  # fmt: skip


def test_the_content_check_refuses_a_link_outside_the_band() -> None:
    """An item of the 30-month band linked to a 7–24-month sign is reported, naming both."""
    item = _item(30, "ws-x")
    located = [("observation_items.yaml", item)]
    bank = ContentBank(observation_items=(item,), warning_signs=(_sign(),))
    (problem,) = [p for p in check_bank(bank, located) if p.field == "warning_sign"]
    assert "7–24 mois" in problem.message and "30 mois" in problem.message


def test_the_content_check_refuses_a_link_to_a_composite_sign() -> None:
    """An item linked to a composite sign is reported."""
    item = _item(18, "ws-x")
    bank = ContentBank(observation_items=(item,), warning_signs=(_sign(composite=True),))
    (problem,) = [p for p in check_bank(bank, [("o.yaml", item)]) if p.field == "warning_sign"]
    assert "plusieurs comportements" in problem.message
