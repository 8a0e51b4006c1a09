"""Erasure's step for the administration's documents, and which of them erasure keeps.

- `personal_documents`: the attestation, convocation and certificat de réalisation made for the
  participant (``<prefix><id>.pdf``, the prefixes of the modules that write them);
- `is_signed_sheet`: a signed attendance sheet (``emargement-<date>-<period>.pdf``) is kept on
  purpose, as proof of presence the training body must keep (the last step of
  `parler_kit.erase` names it as kept).

The erasure protocol is `parler_kit.erasure`; the ordered steps are `parler_kit.erase`.
"""

from __future__ import annotations

import json
from pathlib import Path

from parler_kit.admin.attestations import ATTESTATION_PREFIX
from parler_kit.admin.convocation import CONVOCATION_PREFIX
from parler_kit.admin.emargement import EMARGEMENT_PREFIX
from parler_kit.admin.realisation import REALISATION_PREFIX
from parler_kit.atomic import write_atomic
from parler_kit.erasure import Outcome, Who, forget_rows, remove

#: Documents made for one person only, named ``<prefix><id>.pdf``.
PERSONAL_PREFIXES = (ATTESTATION_PREFIX, CONVOCATION_PREFIX, REALISATION_PREFIX)


def personal_documents(who: Who) -> list[Outcome]:
    """Erasure step: the attestation, convocation and certificat de réalisation made for them."""
    names = {f"{prefix}{who.participant_id}.pdf" for prefix in PERSONAL_PREFIXES}
    return [Outcome(p, "removed") for p in remove(p for p in who.files() if p.name in names)]


def is_signed_sheet(path: Path) -> bool:
    """Whether `path` is an attendance sheet (kept by erasure: proof of presence)."""
    return path.name.startswith(EMARGEMENT_PREFIX) and path.suffix == ".pdf"


def forget_in_manifest(folder: Path, participant_id: str) -> list[Path]:
    """Drop the participant from a production manifest (``manifest.json`` and ``.csv``).

    Kept only for `parler_kit.room.erase`, which imports it from here: its owner points it at
    `parler_kit.production.manifest.forget_participant` (the format's owner, which the room may
    import), then this copy goes.
    """
    rewritten = []
    manifest = folder / "manifest.json"
    try:
        data = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError):
        data = None
    participants = data.get("participants") if isinstance(data, dict) else None
    if isinstance(participants, dict) and participant_id in participants:
        del participants[participant_id]
        write_atomic(
            manifest, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        )
        rewritten.append(manifest)
    summary = folder / "manifest.csv"
    if summary.is_file() and forget_rows(summary, participant_id):
        rewritten.append(summary)
    return rewritten


__all__ = [
    "PERSONAL_PREFIXES",
    "Outcome",  # for parler_kit.room.erase until it imports parler_kit.erasure
    "forget_in_manifest",
    "is_signed_sheet",
    "personal_documents",
]
