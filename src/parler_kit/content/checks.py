"""Bank-wide checks: rules that need more than one record to be verified."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parler_kit.content.bank import ContentBank
from parler_kit.content.model import (
    AVOID,
    ClassificationItem,
    DialogueItem,
    Disagreement,
    ObservationItem,
    ReformulationItem,
    Source,
)
from parler_kit.errors import Problem


def check_bank(bank: ContentBank, located: Iterable[tuple[str, Any]]) -> list[Problem]:
    """Every cross-record problem of `bank`; `located` pairs each record with its file name."""
    located = list(located)
    problems: list[Problem] = []
    problems += _duplicate_ids(located)
    problems += _sources(bank, located)
    problems += _technique_references(bank, located)
    problems += _warning_sign_references(bank, located)
    return problems


def _duplicate_ids(located: list[tuple[str, Any]]) -> list[Problem]:
    first_seen: dict[str, str] = {}
    problems = []
    for file, record in located:
        if record.id in first_seen:
            message = f"identifiant en double (déjà utilisé dans {first_seen[record.id]})"
            problems.append(Problem(message, file=file, record_id=record.id, field="id"))
        else:
            first_seen[record.id] = file
    return problems


def _cited_sources(record: Any) -> list[tuple[str, tuple[str, ...]]]:
    """(field path, source ids) for every place of `record` that cites sources."""
    cited = [("sources", tuple(record.sources))]
    if isinstance(record, Disagreement):
        cited += [(f"positions.{i}.sources", p.sources) for i, p in enumerate(record.positions)]
    return cited


def _sources(bank: ContentBank, located: list[tuple[str, Any]]) -> list[Problem]:
    known = {source.id for source in bank.sources}
    problems = []
    for file, record in located:
        if isinstance(record, Source):
            continue
        if not record.sources:
            problems.append(
                Problem(
                    "aucune source : chaque fiche cite au moins une référence",
                    file,
                    record.id,
                    "sources",
                )
            )
        for field, ids in _cited_sources(record):
            for source_id in ids:
                if source_id not in known:
                    message = f"source inconnue « {source_id} » (absente de sources.yaml)"
                    problems.append(Problem(message, file, record.id, field))
    return problems


def _technique_references(bank: ContentBank, located: list[tuple[str, Any]]) -> list[Problem]:
    known = {technique.id for technique in bank.techniques} | {AVOID}
    problems = []
    for file, record in located:
        for field, ids in _named_techniques(record):
            for technique_id in ids:
                if technique_id not in known:
                    message = f"la clé nomme une technique inconnue « {technique_id} »"
                    problems.append(Problem(message, file, record.id, field))
    return problems


def _named_techniques(record: Any) -> list[tuple[str, tuple[str, ...]]]:
    if isinstance(record, ClassificationItem):
        return [("answer", record.answer)]
    if isinstance(record, ReformulationItem):
        return [("techniques", record.techniques)]
    if isinstance(record, DialogueItem):
        return [(f"turns.{i}.techniques", t.techniques) for i, t in enumerate(record.turns)]
    return []


def _warning_sign_references(bank: ContentBank, located: list[tuple[str, Any]]) -> list[Problem]:
    """An item's warning sign exists, covers the item's age band and is not a composite sign."""
    signs = {sign.id: sign for sign in bank.warning_signs}
    problems = []
    for file, record in located:
        if not isinstance(record, ObservationItem) or not record.warning_sign:
            continue
        sign = signs.get(record.warning_sign)
        if sign is None:
            message = f"signe d'alerte inconnu « {record.warning_sign} »"
        elif record.age_band is not None and not sign.age.contains(record.age_band):
            message = (
                f"le signe « {sign.id} » couvre {sign.age.min}–{sign.age.max} mois, "
                f"pas la tranche de {record.age_band} mois de l'item"
            )
        elif sign.composite:
            message = (
                f"le signe « {sign.id} » réunit plusieurs comportements : "
                "aucun item seul ne peut le déclencher"
            )
        else:
            continue
        problems.append(Problem(message, file, record.id, "warning_sign"))
    return problems
