"""Counts per record kind: how much content exists, how much lacks a source or English text."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from parler_kit.content.bank import COLLECTIONS, ContentBank
from parler_kit.content.model import Text


def _texts(value: Any) -> list[Text]:
    """Every `Text` inside a record, however deeply nested."""
    if isinstance(value, Text):
        return [value]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields for t in _texts(getattr(value, name))]
    if isinstance(value, tuple | list):
        return [t for item in value for t in _texts(item)]
    return []


def _kind_of(collection: str, record: Any) -> str:
    # Exercises are counted per kind (classify, reformulate…) because the bank's minimums are.
    return f"exercises.{record.kind}" if collection == "exercises" else collection


def content_stats(bank: ContentBank) -> dict[str, dict[str, int]]:
    """Per record kind: ``count``, ``without_source`` and ``without_english`` (any text lacking ``en``)."""
    stats: dict[str, dict[str, int]] = {}
    for collection in COLLECTIONS:
        for record in getattr(bank, collection):
            entry = stats.setdefault(
                _kind_of(collection, record),
                {"count": 0, "without_source": 0, "without_english": 0},
            )
            entry["count"] += 1
            if collection != "sources" and not record.sources:
                entry["without_source"] += 1
            if any(text.en is None for text in _texts(record)):
                entry["without_english"] += 1
    return dict(sorted(stats.items()))
