"""The organisme fields a document needs: a missing one stops it, naming the session-file field."""

from __future__ import annotations

from collections.abc import Mapping

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import ui_text
from parler_kit.roster import Session

#: Attribute of `Session` / `Organisme` → the field as written in session.yaml.
FIELDS: Mapping[str, str] = {
    "legal_name": "organisme_formation.raison_sociale",
    "address": "organisme_formation.adresse",
    "siret": "organisme_formation.siret",
    "nda": "organisme_formation.nda",
    "representative": "organisme_formation.representant.nom",
    "representative_role": "organisme_formation.representant.qualite",
    "contact": "organisme_formation.contact",
    "accessibility": "accessibilite",
    "rules": "reglement_interieur",
    "price": "tarif",
}


def require(session: Session, names: tuple[str, ...], document: str) -> None:
    """RosterError listing every field of `names` the session file leaves empty for `document`."""
    missing = [name for name in names if not _value(session, name)]
    if missing:
        where = str(session.source) if session.source else None
        problems = [
            Problem(
                ui_text("admin.identity.missing", document=document), file=where, field=FIELDS[n]
            )
            for n in missing
        ]
        raise RosterError(problems, ui_text("admin.identity.invalid", document=document))


def _value(session: Session, name: str) -> object:
    """The organisme's field `name`, else the session's (« accessibility »)."""
    holder = session.organisme if hasattr(session.organisme, name) else session
    return getattr(holder, name)
