"""Turn pydantic validation errors into French messages naming the field."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_MESSAGES = {
    "missing": "champ obligatoire absent",
    "extra_forbidden": "champ inconnu (faute de frappe ?)",
    "string_type": "un texte est attendu",
    "int_type": "un nombre entier est attendu",
    "int_parsing": "un nombre entier est attendu",
    "int_from_float": "un nombre entier est attendu",
    "float_type": "un nombre est attendu",
    "float_parsing": "un nombre est attendu",
    "bool_type": "oui/non (true/false) est attendu",
    "bool_parsing": "oui/non (true/false) est attendu",
    "tuple_type": "une liste est attendue",
    "list_type": "une liste est attendue",
    "model_type": "une table (clé : valeur) est attendue",
    "dict_type": "une table (clé : valeur) est attendue",
    "date_type": "une date AAAA-MM-JJ est attendue",
    "date_from_datetime_parsing": "une date AAAA-MM-JJ est attendue",
    "date_parsing": "une date AAAA-MM-JJ est attendue",
    "string_pattern_mismatch": "format d'identifiant invalide",
    "union_tag_invalid": "type d'exercice inconnu",
    "union_tag_not_found": "le champ « kind » est absent",
}


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind == "literal_error":
        expected = str(ctx.get("expected", "?")).replace(" or ", " ou ")
        return f"valeur inconnue {given!r} (attendu : {expected})"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "?")
        relation = {
            "greater_than_equal": "≥",
            "less_than_equal": "≤",
            "greater_than": ">",
            "less_than": "<",
        }
        return f"valeur {given!r} hors limites (attendu {relation[kind]} {bound})"
    if kind in ("too_short", "too_long"):
        return f"nombre d'éléments incorrect ({error['msg']})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "union_tag_invalid":
        return f"type d'exercice inconnu {ctx.get('tag')!r} (attendu : {ctx.get('expected_tags')})"
    return _MESSAGES.get(kind, f"valeur invalide ({error['msg']})")


def describe_validation_error(error: ValidationError) -> list[tuple[str | None, str]]:
    """One (field path, French message) pair per problem; the path is like ``positions.2.claim``."""
    described = []
    for detail in error.errors():
        # Drop the union tag pydantic puts in the location of a discriminated union ("classify").
        parts = [
            str(p)
            for p in detail["loc"]
            if p not in ("classify", "reformulate", "dialogue", "quiz")
        ]
        field = ".".join(parts) or None
        described.append((field, _message(detail)))
    return described
