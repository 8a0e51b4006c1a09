"""A roster's « profession » cell names its role, however the organiser spelled it."""

from __future__ import annotations

import pytest

from parler_kit.content import ContentBank, load_bank
from parler_kit.roster.roles import match_role, role_lookup


@pytest.fixture(scope="module")
def lookup() -> dict[str, str]:
    return dict(role_lookup(load_bank()))


@pytest.mark.parametrize(
    ("cell", "role"),
    [
        ("EJE", "eje"),
        ("E.J.E.", "eje"),
        ("Éducatrice de jeunes enfants", "eje"),
        ("Educateur de jeunes enfants", "eje"),
        ("Éducatrice de jeunes enfants (EJE)", "eje"),
        ("Éducatrice / éducateur de jeunes enfants", "eje"),
        ("Auxiliaire de puériculture", "auxiliaire_puericulture"),
        ("AUXILIAIRE PUERICULTURE", "auxiliaire_puericulture"),
        ("Aux. puér.", "auxiliaire_puericulture"),
        ("AP", "auxiliaire_puericulture"),
        ("Animatrice RPE", "rpe"),
        ("Animateur de RPE", "rpe"),
        ("Animatrice / animateur de RPE", "rpe"),
        ("Animatrice relais petite enfance (RPE)", "rpe"),
        ("Accueillante LAEP", "laep"),
        ("Accueillant de LAEP", "laep"),
        ("Accueillant(e) LAEP", "laep"),
        ("Assistante maternelle / assistant maternel", "assistante_maternelle"),
        ("Assistant maternel agréé", "assistante_maternelle"),
        ("Coordinatrice cité éducative", "coordination"),
        ("Cheffe de projet Cité éducative", "coordination"),
        ("Puéricultrice", "autre"),
    ],
)
def test_usual_spellings_name_their_role(lookup: dict[str, str], cell: str, role: str) -> None:
    """Each usual spelling of the field's professions maps to its own role, not to « autre »."""
    assert match_role(cell, lookup) == role  # type: ignore[arg-type]


@pytest.mark.parametrize("cell", ["Boulangère", "Éducatrice spécialisée", "Chargée de mission", ""])
def test_other_jobs_are_not_guessed(lookup: dict[str, str], cell: str) -> None:
    """A profession that is none of the roles' spellings is not matched (the roster reports it)."""
    assert match_role(cell, lookup) is None  # type: ignore[arg-type]


def test_each_role_prints_the_person_s_profession() -> None:
    """Every role has a printed profession written « féminin / masculin » (or one word for both)."""
    bank: ContentBank = load_bank()
    professions = {role.id: role.profession.fr for role in bank.roles}
    assert professions["eje"] == "éducatrice / éducateur de jeunes enfants"
    assert professions["rpe"] == "animatrice / animateur de RPE"
    assert professions["laep"] == "accueillante / accueillant de LAEP"
    assert professions["auxiliaire_puericulture"] == "auxiliaire de puériculture"
    assert all("·" not in p and "(e)" not in p for p in professions.values())


def test_no_spelling_names_two_roles() -> None:
    """An alias of one role is never the id, label or alias of another (no silent first-wins)."""
    seen: dict[str, str] = {}
    clashes = []
    for role in load_bank().roles:
        keys = {
            key
            for spelling in (role.id, role.label.fr, role.profession.fr, *role.aliases)
            if (key := "".join(ch for ch in spelling.casefold() if ch.isalnum()))
        }
        for key in keys:
            if seen.setdefault(key, role.id) != role.id:
                clashes.append((key, seen[key], role.id))
    assert clashes == []
