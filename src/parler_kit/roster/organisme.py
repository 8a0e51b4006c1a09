"""The session file's ``organisme_formation`` block and the objectives with their assessment.

The organisme's identity (raison sociale, address, SIRET, NDA, representative, logos, the
funder's mention, contacts) is printed on the certificates, the certificat de réalisation and the
convocations. Fields are optional here; each document asks for the ones it needs. What is given
is checked now: a SIRET with 14 digits and a valid Luhn key, an NDA with 11 digits, logo files
that exist and are images.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from parler_kit.errors import Problem
from parler_kit.i18n import ui_text
from parler_kit.roster.model import Assessment, Organisme
from parler_kit.roster.normalise import fold

#: Folded key → `Organisme` field.
_ORGANISME_KEYS: Mapping[str, str] = {
    "raison sociale": "legal_name",
    "legal name": "legal_name",
    "adresse": "address",
    "address": "address",
    "siret": "siret",
    "nda": "nda",
    "numero de declaration d activite": "nda",
    "representant": "representative",
    "representative": "representative",
    "logos": "logos",
    "logo": "logos",
    "mention financeur": "funder_mention",
    "financeur": "funder_mention",
    "funder mention": "funder_mention",
    "contact": "contact",
    "referent handicap": "disability_contact",
    "disability contact": "disability_contact",
}
_REPRESENTATIVE_KEYS: Mapping[str, str] = {
    "nom": "representative",
    "name": "representative",
    "qualite": "representative_role",
    "fonction": "representative_role",
    "role": "representative_role",
}
_LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
_ASSESSMENTS: Mapping[str, Assessment | None] = {
    "exercices": "exercices",
    "exercises": "exercices",
    "enjeux": "prevention",
    "prevention": "prevention",
    "quiz enjeux": "prevention",
    "developpement": "development",
    "development": "development",
    "quiz developpement": "development",
    "techniques": "techniques",
    "exercices techniques": "techniques",
    "observation": "observation",
    "quiz observation": "observation",
    "fiche action": "fiche_action",
    "aucune": None,
    "non evalue": None,
    "none": None,
}
_OBJECTIVE_TEXT = ("objectif", "intitule", "objective", "text", "texte")
_OBJECTIVE_ASSESSMENT = ("evaluation", "assessment")


def organisme_of(value: Any, organisation: str, path: Path, problems: list[Problem]) -> Organisme:
    """The `Organisme` of the block `value` (None when absent); problems name each field."""
    where = str(path)
    if value is None:
        return Organisme(legal_name=organisation or None)
    if not isinstance(value, dict):
        problems.append(
            Problem(ui_text("admin.organisme.mapping"), file=where, field="organisme_formation")
        )
        return Organisme()
    fields: dict[str, Any] = {}
    for key, item in value.items():
        field = f"organisme_formation.{key}"
        name = _ORGANISME_KEYS.get(fold(str(key)))
        if name is None:
            problems.append(
                Problem(ui_text("admin.organisme.unknown_key"), file=where, field=field)
            )
        elif name == "representative":
            fields.update(_representative(item, where, field, problems))
        elif name == "logos":
            fields["logos"] = _logos(item, path, field, problems)
        else:
            fields[name] = _checked_text(name, item, where, field, problems)
    fields.setdefault("legal_name", organisation or None)
    return Organisme(**fields)


def _text_or_none(item: Any) -> str | None:
    if isinstance(item, str | int) and not isinstance(item, bool) and str(item).strip():
        return " ".join(str(item).split())
    return None


def _checked_text(
    name: str, item: Any, where: str, field: str, problems: list[Problem]
) -> str | None:
    text = _text_or_none(item)
    if text is None:
        problems.append(Problem(ui_text("admin.organisme.text"), file=where, field=field))
        return None
    digits = text.replace(" ", "")
    if name == "siret" and not (len(digits) == 14 and digits.isdigit() and _luhn(digits)):
        problems.append(
            Problem(ui_text("admin.organisme.siret", value=text), file=where, field=field)
        )
        return None
    if name == "nda" and not (len(digits) == 11 and digits.isdigit()):
        problems.append(
            Problem(ui_text("admin.organisme.nda", value=text), file=where, field=field)
        )
        return None
    return text


def _luhn(digits: str) -> bool:
    """The Luhn key every SIRET carries (the INSEE's check)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _representative(item: Any, where: str, field: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(item, dict):
        problems.append(Problem(ui_text("admin.organisme.representative"), file=where, field=field))
        return {}
    found: dict[str, str] = {}
    for key, text in item.items():
        name = _REPRESENTATIVE_KEYS.get(fold(str(key)))
        value = _text_or_none(text)
        if name is None or value is None:
            problems.append(
                Problem(
                    ui_text("admin.organisme.representative"), file=where, field=f"{field}.{key}"
                )
            )
        else:
            found[name] = value
    return found


def _logos(item: Any, path: Path, field: str, problems: list[Problem]) -> tuple[Path, ...]:
    items = [item] if isinstance(item, str) else item if isinstance(item, list) else None
    if items is None or not all(isinstance(i, str) and i.strip() for i in items):
        problems.append(Problem(ui_text("admin.organisme.logos"), file=str(path), field=field))
        return ()
    logos: list[Path] = []
    for number, name in enumerate(items, start=1):
        logo = (path.parent / name.strip()).resolve()
        if logo.suffix.lower() not in _LOGO_SUFFIXES:
            message = ui_text("admin.organisme.logo_format", name=name)
        elif not logo.is_file():
            message = ui_text("admin.organisme.logo_missing", name=name, path=logo)
        else:
            logos.append(logo)
            continue
        problems.append(Problem(message, file=str(path), field=f"{field}[{number}]"))
    return tuple(logos)


def split_objectives(
    value: Any, where: str, problems: list[Problem]
) -> tuple[tuple[str, ...], tuple[Assessment | None, ...]]:
    """Objectives as texts, and how each is assessed.

    An objective is a text (not assessed individually) or a mapping ``{objectif: "…", evaluation:
    …}``, the evaluation being « exercices » (all graded exercises), « enjeux », « développement »,
    « techniques » or « observation » (the graded exercises of that area), « fiche action » or
    « aucune ».
    """
    if isinstance(value, str) and value.strip():
        value = [value]
    if not isinstance(value, list) or not value:
        problems.append(Problem(ui_text("session.list_required"), file=where, field="objectives"))
        return (), ()
    texts: list[str] = []
    assessments: list[Assessment | None] = []
    for number, item in enumerate(value, start=1):
        field = f"objectives[{number}]"
        if isinstance(item, str) and item.strip():
            texts.append(item.strip())
            assessments.append(None)
            continue
        entry = {fold(str(k)): v for k, v in item.items()} if isinstance(item, dict) else {}
        text = next((_text_or_none(entry[k]) for k in _OBJECTIVE_TEXT if k in entry), None)
        how = next((entry[k] for k in _OBJECTIVE_ASSESSMENT if k in entry), None)
        known = set(_OBJECTIVE_TEXT) | set(_OBJECTIVE_ASSESSMENT)
        if text is None or fold(str(how)) not in _ASSESSMENTS or set(entry) - known:
            problems.append(Problem(ui_text("admin.organisme.objective"), file=where, field=field))
            continue
        texts.append(text)
        assessments.append(_ASSESSMENTS[fold(str(how))])
    return tuple(texts), tuple(assessments)
