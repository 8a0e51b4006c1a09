"""Fixtures for the administrative documents: the test roster and sessions, a presence file."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from parler_kit.roster import Presence, Roster, Session, load_presence, load_roster, load_session

SESSION_DATA = Path(__file__).resolve().parents[1] / "data" / "course" / "session"

#: The organisme block, objectives with their assessment and the convocation's fields.
ORGANISME = """\
objectifs:
  - "Observer sans poser de diagnostic."
  - {objectif: "Comprendre les enjeux de la prévention précoce.", evaluation: enjeux}
  - {objectif: "Connaître les étapes du développement du langage de 0 à 6 ans.", evaluation: développement}
  - {objectif: "Reconnaître les façons de parler qui favorisent la conversation.", evaluation: techniques}
  - {objectif: "Construire une fiche action pour le quartier.", evaluation: fiche action}
accessibilite: "Salle de plain-pied, accessible en fauteuil roulant."
reglement_interieur: "annexé à cette convocation et affiché dans la salle."
organisme_formation:
  raison_sociale: "Association Essai Formation"
  adresse: "5 place Fictive, 42000 Saint-Étienne"
  siret: "999 999 999 00017"
  nda: "84 42 99999 42"
  representant: {nom: "Odile Marchand", qualite: "présidente"}
  logos: logo.svg
  mention_financeur: "Action financée par la Cité éducative d'essai (État)."
  contact: "Sinem Exemple, 04 00 00 00 00"
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'


@pytest.fixture(scope="session")
def roster() -> Roster:
    """Three fictional participants (accents, an apostrophe, markup in a structure name)."""
    return load_roster(SESSION_DATA / "roster.csv")


@pytest.fixture(scope="session")
def session() -> Session:
    """A two-half-day fictional session, without the organisme's identity."""
    return load_session(SESSION_DATA / "session.yaml")


@pytest.fixture(scope="session")
def full_session_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test session with the organisme block, assessed objectives and a logo (session.yaml)."""
    folder = tmp_path_factory.mktemp("full-session")
    text = (SESSION_DATA / "session.yaml").read_text("utf-8")
    kept = text[: text.index("objectifs:")] + text[text.index("journees:") :]
    (folder / "logo.svg").write_text(LOGO, "utf-8")
    path = folder / "session.yaml"
    path.write_text(kept + ORGANISME, "utf-8")
    return path


@pytest.fixture(scope="session")
def full_session(full_session_file: Path) -> Session:
    """The session of `full_session_file`."""
    return load_session(full_session_file)


@pytest.fixture(scope="session")
def presence_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Zoé present then 30 min late, Awa present then absent, Lucas absent at both half-days."""
    path = tmp_path_factory.mktemp("presence") / "presences.csv"
    path.write_text(
        "nom;prénom;lundi 2 mars matin;03/03/2026 après-midi\n"
        "Étienne;Zoé;P;retard 30 min\nN'Diaye;Awa;présente;A\nMartin;Lucas;A;A\n",
        "utf-8",
    )
    return path


@pytest.fixture(scope="session")
def presence(presence_file: Path, roster: Roster, full_session: Session) -> Presence:
    """The presence of `presence_file`."""
    return load_presence(presence_file, roster, full_session)


def reading_text(path: Path) -> str:
    """The PDF's text in reading order (table cells one after the other), spaces and ’ folded."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    return " ".join(text.split())


@pytest.fixture(scope="session")
def reading() -> Callable[[Path], str]:
    """`reading_text`: a document's text cell by cell, for assertions on tables."""
    return reading_text
