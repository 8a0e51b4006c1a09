"""The kit's fillable PDF forms: write them (WeasyPrint's PDF forms) and read their fields (pypdf).

Every form of the kit carries three read-only fields that say what it is and whose it is:
`FORM_FIELD` (the kind of form and its version), `SESSION_FIELD` and, for a participant's form,
`PARTICIPANT_FIELD`. A PDF without them is not the kit's form. Field names never contain a dot
(a dot separates a parent field from its children in a PDF form).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader

from parler_kit.atomic import write_atomic
from parler_kit.i18n import ui_text
from parler_kit.printing import render_pdf

FORM_FIELD = "pk-formulaire"
SESSION_FIELD = "pk-session"
PARTICIPANT_FIELD = "pk-participant"
#: The checked state WeasyPrint gives a checkbox (``/on``); unchecked is ``/Off``.
CHECKED = "/on"
_READ_ONLY = 1  # bit 1 of a field's /Ff


class FormProblem(Exception):
    """Why a PDF is not a usable returned form (a French reason, without the path)."""


@dataclass(frozen=True)
class FormFields:
    """The fields of a returned PDF: the kind of form, its session, and every value as text."""

    kind: str
    session_id: str
    participant_id: str | None
    values: dict[str, str]


def write_form(html: str, out: Path, read_only: Iterable[str]) -> Path:
    """Write `html` as a fillable, tagged PDF at `out`, the `read_only` fields locked.

    WeasyPrint ignores the HTML ``readonly`` attribute, so the flag is set afterwards with
    pikepdf; the file is written atomically (`out` is either absent, the old file or complete).
    """
    render_pdf(html, out, forms=True)
    locked = set(read_only)
    with pikepdf.open(out) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            if str(field.get("/T", "")) in locked:
                field.Ff = int(field.get("/Ff", 0)) | _READ_ONLY
        buffer = io.BytesIO()
        pdf.save(buffer)
    write_atomic(out, buffer.getvalue())
    return out


def read_form(path: Path) -> FormFields:
    """The kit's fields of the PDF at `path`; `FormProblem` when it is not one of the kit's forms."""
    try:
        fields = PdfReader(path).get_fields() or {}
    # pypdf raises many kinds of error on a damaged file (its own, ValueError, KeyError,
    # RecursionError…): whatever one returned PDF holds, it is named and the others are read.
    except Exception as error:
        raise FormProblem(ui_text("suivi.read.unreadable", detail=type(error).__name__)) from None
    values = {name: _text(field.get("/V")) for name, field in fields.items()}
    kind = values.get(FORM_FIELD, "")
    session_id = values.get(SESSION_FIELD, "")
    if not kind.startswith("parler-kit:") or not session_id:
        raise FormProblem(ui_text("suivi.read.not_kit_form"))
    participant = values.get(PARTICIPANT_FIELD) or None
    return FormFields(kind, session_id, participant, values)


def _text(value: Any) -> str:
    """A field's value as text: a name (``/on``) keeps its slash; a list is joined by « | »."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_text(v) for v in value)
    return str(value).strip()


def is_checked(value: str) -> bool:
    """Whether a checkbox's value is a checked state (any name but ``/Off``)."""
    return value.startswith("/") and value != "/Off"
