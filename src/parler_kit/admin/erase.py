"""Erasure's step for the administration's documents, and which of them erasure keeps.

- `personal_documents`: the attestation, convocation and certificat de réalisation made for the
  participant (``<prefix><id>.pdf``, the prefixes of the modules that write them);
- `is_signed_sheet`: a signed attendance sheet (``emargement-<date>-<period>.pdf``) is kept on
  purpose, as proof of presence the training body must keep (the last step of
  `parler_kit.erase` names it as kept).

The erasure protocol is `parler_kit.erasure`; the ordered steps are `parler_kit.erase`.
"""

from __future__ import annotations

from pathlib import Path

from parler_kit.admin.attestations import ATTESTATION_PREFIX
from parler_kit.admin.convocation import CONVOCATION_PREFIX
from parler_kit.admin.emargement import EMARGEMENT_PREFIX
from parler_kit.admin.realisation import REALISATION_PREFIX
from parler_kit.erasure import Outcome, Who, remove

#: Documents made for one person only, named ``<prefix><id>.pdf``.
PERSONAL_PREFIXES = (ATTESTATION_PREFIX, CONVOCATION_PREFIX, REALISATION_PREFIX)


def personal_documents(who: Who) -> list[Outcome]:
    """Erasure step: the attestation, convocation and certificat de réalisation made for them."""
    names = {f"{prefix}{who.participant_id}.pdf" for prefix in PERSONAL_PREFIXES}
    return [Outcome(p, "removed") for p in remove(p for p in who.files() if p.name in names)]


def is_signed_sheet(path: Path) -> bool:
    """Whether `path` is an attendance sheet (kept by erasure: proof of presence)."""
    return path.name.startswith(EMARGEMENT_PREFIX) and path.suffix == ".pdf"


__all__ = [
    "PERSONAL_PREFIXES",
    "is_signed_sheet",
    "personal_documents",
]
