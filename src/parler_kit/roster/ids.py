"""Participant ids: stable, unique, and safe to use as a folder name.

An id given in the roster's ``id`` column is kept when it is a safe path component. Otherwise the
id is derived from the participant's own fields only (never from the row position), so it stays
the same when the rows are reordered or other participants are added: a readable ASCII slug of
the names and structure followed by a short hash of their folded form.
"""

from __future__ import annotations

import hashlib
import re

from parler_kit.roster.normalise import ascii_slug, fold

#: What an id may look like: it becomes a folder name on every operating system.
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_SLUG_LENGTH = 40


def is_safe_id(candidate: str) -> bool:
    """Whether `candidate` is usable as one path component everywhere (no / \\ .. or reserved name)."""
    return bool(SAFE_ID.match(candidate)) and candidate.lower() not in _WINDOWS_RESERVED


def identity_key(last_name: str, first_name: str, structure: str) -> tuple[str, str, str]:
    """What makes two roster lines the same person: folded names and structure."""
    return fold(last_name), fold(first_name), fold(structure)


def derive_id(last_name: str, first_name: str, structure: str) -> str:
    """Id from the participant's fields, e.g. ``dupont-eloise-a1b2c3d4``."""
    key = "\x1f".join(identity_key(last_name, first_name, structure))
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    slug = ascii_slug(f"{last_name} {first_name}")[:_SLUG_LENGTH].strip("-")
    return f"{slug}-{digest}" if slug else f"p-{digest}"
