"""The answers file format (schema version 1): parse a file's text into records, and back.

``{"schema_version": 1, "participant_id": ..., "session_id": ..., "answers": {key: {"value": ...,
"changed_at": ..., "attempts": n, "score": x|null, "max_score": y|null}}}``. Parsing checks every
field so that a hand-edited file is refused with a reason a person can act on, never half-read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parler_kit.i18n import ui_text

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class StoredAnswer:
    """One answer as saved: the plain-data value, when it last changed, attempts and score."""

    value: Any
    changed_at: str  # ISO 8601, UTC
    attempts: int
    score: float | None = None
    max_score: float | None = None


@dataclass(frozen=True)
class AnswersFile:
    """The whole content of an answers file, read once (for reports, collection, grading)."""

    path: Path
    schema_version: int
    participant_id: str | None
    session_id: str | None
    answers: dict[str, StoredAnswer]


class FormatProblem(Exception):
    """Why a file's text is not a valid answers file (a French reason, without the path)."""


def parse(text: str, path: Path) -> AnswersFile:
    """Parse an answers file's text; FormatProblem says what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatProblem(
            ui_text("answers.reason.invalid_json", line=error.lineno, column=error.colno)
        ) from None
    if not isinstance(data, dict):
        raise FormatProblem(ui_text("answers.reason.not_object"))
    version = data.get("schema_version")
    if "schema_version" not in data:  # not « None », which means nothing to an organiser
        raise FormatProblem(ui_text("answers.reason.no_version", expected=SCHEMA_VERSION))
    if type(version) is not int or version != SCHEMA_VERSION:
        raise FormatProblem(
            ui_text("answers.reason.version", version=repr(version), expected=SCHEMA_VERSION)
        )
    participant_id = _optional_str(data, "participant_id")
    session_id = _optional_str(data, "session_id")
    raw_answers = data.get("answers")
    if not isinstance(raw_answers, dict):
        raise FormatProblem(ui_text("answers.reason.field", field="answers"))
    answers = {key: _parse_answer(key, raw) for key, raw in raw_answers.items()}
    return AnswersFile(path, version, participant_id, session_id, answers)


def dump(
    participant_id: str | None, session_id: str | None, answers: dict[str, StoredAnswer]
) -> str:
    """The JSON text of an answers file (one line, answers sorted by key)."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "participant_id": participant_id,
        "session_id": session_id,
        "answers": {
            key: {
                "value": answer.value,
                "changed_at": answer.changed_at,
                "attempts": answer.attempts,
                "score": answer.score,
                "max_score": answer.max_score,
            }
            for key, answer in sorted(answers.items())
        },
    }
    # No indent: json's C encoder is only used without one, and saving must stay fast (≤ 5 ms).
    return json.dumps(document, ensure_ascii=False, allow_nan=False) + "\n"


def _optional_str(data: dict[str, Any], field: str) -> str | None:
    value = data.get(field)
    if value is not None and not isinstance(value, str):
        raise FormatProblem(ui_text("answers.reason.field", field=field))
    return value


def _number_or_none(raw: dict[str, Any], key: str, field: str) -> float | None:
    value = raw.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatProblem(ui_text("answers.reason.answer", item=key, field=field))
    return float(value)


def _parse_answer(key: str, raw: object) -> StoredAnswer:
    if not isinstance(raw, dict) or "value" not in raw:
        raise FormatProblem(ui_text("answers.reason.answer", item=key, field="value"))
    changed_at = raw.get("changed_at")
    if not isinstance(changed_at, str):
        raise FormatProblem(ui_text("answers.reason.answer", item=key, field="changed_at"))
    attempts = raw.get("attempts")
    if type(attempts) is not int or attempts < 0:
        raise FormatProblem(ui_text("answers.reason.answer", item=key, field="attempts"))
    return StoredAnswer(
        value=raw["value"],
        changed_at=changed_at,
        attempts=attempts,
        score=_number_or_none(raw, key, "score"),
        max_score=_number_or_none(raw, key, "max_score"),
    )
