"""The session file's organisme block and objectives: read, checked, every problem named by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.errors import RosterError
from parler_kit.roster import load_session

BASE = """\
titre: Formation
lieu: Salle
adresse: 1 rue X, 42000 Saint-Étienne
cite_educative: Cité éducative
organisation: Organisme
formateurs: [A]
coordination: C
journees:
  - {date: 2027-03-08, matin: "9h00-12h30"}
"""


def _session(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "session.yaml"
    path.write_text(BASE + extra, "utf-8")
    return path


def test_organisme_block_objectives_and_convocation_fields_are_read(tmp_path: Path) -> None:
    """Identity, representative, logo, assessments, the convocation's rules, methods and price."""
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "of.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    session = load_session(_session(tmp_path, """\
objectifs:
  - "Comprendre les enjeux."
  - {objectif: "Connaître les étapes.", evaluation: exercices}
  - {objectif: "Écrire la fiche.", evaluation: fiche action}
accessibilite: "Plain-pied."
reglement_interieur: "https://premiers-pas.example/reglement"
méthodes: "Exercices."
tarif: "Gratuit."
organisme_formation:
  raison_sociale: "Association Essai"
  siret: "999 999 999 00017"
  nda: "84 42 99999 42"
  representant: {nom: "Odile Marchand", qualité: "présidente"}
  logos: logos/of.png
  mention_financeur: "Action financée par l'État."
"""))  # fmt: skip
    org = session.organisme
    assert (org.legal_name, org.siret, org.nda) == (
        "Association Essai",
        "999 999 999 00017",
        "84 42 99999 42",
    )
    assert (org.representative, org.representative_role) == ("Odile Marchand", "présidente")
    assert org.logos == ((tmp_path / "logos" / "of.png").resolve(),)
    assert session.objectives[1] == "Connaître les étapes."
    assert session.assessments == (None, "exercices", "fiche_action")
    assert session.accessibility == "Plain-pied." and session.audience is None
    assert (session.rules, session.methods, session.price) == (
        "https://premiers-pas.example/reglement",
        "Exercices.",
        "Gratuit.",
    )


def test_without_the_block_the_organisation_is_the_raison_sociale(tmp_path: Path) -> None:
    """No organisme block: the session still loads; only the name is known."""
    session = load_session(_session(tmp_path, "objectifs: [Un objectif]\n"))
    assert session.organisme.legal_name == "Organisme" and session.organisme.siret is None


def test_bad_siret_nda_logo_and_objective_are_each_named_by_field(tmp_path: Path) -> None:
    """A SIRET failing its key, a short NDA, a missing logo, a non-image, an unknown key."""
    (tmp_path / "logo.txt").write_text("pas une image", "utf-8")
    path = _session(tmp_path, """\
objectifs:
  - {objectif: "Connaître.", evaluation: examen}
organisme_formation:
  siret: "999 999 999 00018"
  nda: "84 42 999"
  logos: [absent.png, logo.txt]
  telephone: "04"
""")  # fmt: skip
    with pytest.raises(RosterError) as caught:
        load_session(path)
    message = " ".join(str(caught.value).replace("\u00a0", " ").replace("\u202f", " ").split())
    assert "champ « organisme_formation.siret » : SIRET « 999 999 999 00018 » invalide" in message
    assert "champ « organisme_formation.nda » : Numéro de déclaration d'activité" in message
    assert "champ « organisme_formation.logos[1] » : Logo « absent.png » introuvable" in message
    assert "champ « organisme_formation.logos[2] » : Logo « logo.txt » refusé" in message
    assert "champ « organisme_formation.telephone » : Champ inconnu" in message
    assert "champ « objectives[1] »" in message
