"""Which role a roster's « profession » cell names, from the roles' ids, labels and aliases.

Organisers type professions in many ways: « EJE », « Éducatrice de jeunes enfants (EJE) »,
« Animatrice / animateur RPE », « Aux. puér. ». A cell is compared without case, accents, spaces or
punctuation; when the whole cell is not known, its parts are tried: the text without its
parenthesis, what the parenthesis holds, then each side of a « / ».
"""

from __future__ import annotations

import re
from typing import get_args

from parler_kit.content import ContentBank
from parler_kit.content.model import RoleId
from parler_kit.roster.normalise import fold

_PARENTHESIS = re.compile(r"\(([^)]*)\)")


def profession_key(text: str) -> str:
    """Folded and without spaces, so « R.P.E. », « Ass-Mat » and « assmat » match."""
    return fold(text).replace(" ", "")


def role_lookup(bank: ContentBank) -> dict[str, RoleId]:
    """Profession key → role id, from each role's id, labels, printed profession and aliases."""
    lookup: dict[str, RoleId] = {}
    known: tuple[RoleId, ...] = get_args(RoleId)
    for role in bank.roles:
        if role.id not in known:
            continue
        spellings = (role.id, role.label.fr, role.profession.fr, *role.aliases)
        for spelling in spellings:
            lookup.setdefault(profession_key(spelling), role.id)
    return lookup


def _candidates(cell: str) -> list[str]:
    """The whole cell, then its parts (outside and inside parentheses, each side of « / »)."""
    outside = _PARENTHESIS.sub(" ", cell)
    inside = _PARENTHESIS.findall(cell)
    parts = [cell, outside, *inside]
    for text in (outside, cell):
        if "/" in text:
            sides = text.split("/")
            parts += sides
            # « Animatrice / animateur de RPE »: the shared end belongs to both sides.
            parts += [f"{side} {sides[-1]}" for side in sides[:-1]]
    return parts


def match_role(cell: str, lookup: dict[str, RoleId]) -> RoleId | None:
    """The role a profession cell names, or None when no part of it is a known spelling."""
    for candidate in _candidates(cell):
        role = lookup.get(profession_key(candidate))
        if role is not None:
            return role
    return None
