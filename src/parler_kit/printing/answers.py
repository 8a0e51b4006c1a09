"""Reading a participant's answers for a filled twin, whatever holds them.

A twin is filled from an `AnswerStore` (a live workbook), an `AnswersFile` (read-only, for
production and reports) or any object with ``get(key)`` returning something with ``.value``.
Values come from a JSON file a person may have edited by hand, so every reader here checks the
shape it expects and treats anything else as « not answered » instead of failing the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from parler_kit.answers import AnswersFile


class HasValue(Protocol):
    """A stored answer: only its value matters to a printed twin."""

    @property
    def value(self) -> Any:
        """The JSON value the participant gave."""


class AnswerSource(Protocol):
    """Anything that gives the stored answer for a key, like `AnswerStore.get`."""

    def get(self, key: str) -> HasValue | None:
        """The stored answer for `key`, or None when there is none."""


Answers = AnswerSource | AnswersFile


def answer_value(answers: Answers | None, key: str) -> Any:
    """The stored value for `key`, or None when there is no source or no answer."""
    if answers is None:
        return None
    stored = answers.answers.get(key) if isinstance(answers, AnswersFile) else answers.get(key)
    return None if stored is None else stored.value


def as_str_list(value: Any) -> list[str] | None:
    """A list of strings (chosen ids), or None when the value is missing or of another shape."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def as_list(value: Any) -> list[Any]:
    """A list (empty when the value is missing or of another shape)."""
    return list(value) if isinstance(value, list) else []


def as_text(value: Any) -> str | None:
    """A non-blank string, or None."""
    return value if isinstance(value, str) and value.strip() else None


def as_mapping(value: Any) -> Mapping[str, Any]:
    """A mapping with string keys (empty when the value is missing or of another shape)."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    return {}
