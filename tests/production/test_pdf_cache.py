"""The cache of shared handout sections: pruned of sections no participant used, never personal."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from production_helpers import SESSION, write_roster, write_template

from parler_kit.answers import AnswerStore
from parler_kit.production import build_workbooks
from parler_kit.production.pdf import CACHE_DIR, prune_cache


def test_prune_keeps_sections_used_by_this_run(tmp_path: Path) -> None:
    """Sections touched since the run started stay; older ones and lock files go."""
    cache = tmp_path / CACHE_DIR
    cache.mkdir()
    old, used, lock = (
        cache / "section-old.pdf",
        cache / "section-used.pdf",
        cache / "section-used.lock",
    )
    for path in (old, used, lock):
        path.write_bytes(b"%PDF")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    prune_cache(tmp_path, started=time.time() - 60)
    assert sorted(p.name for p in cache.iterdir()) == ["section-used.pdf"]


def test_prune_without_cache_folder(tmp_path: Path) -> None:
    """No cache folder (no PDF requested) is not an error."""
    prune_cache(tmp_path, started=time.time())
    assert not (tmp_path / CACHE_DIR).exists()


def test_the_section_cache_never_holds_a_participant_s_answers(
    tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    """A free-text answer is printed in its author's handout, never in a cached section."""
    template = write_template(
        tmp_path,
        ("markdown", "## Jour 1 — Repères", []),  # the first section is laid out with the cover
        ("code", 'show("timeline", age_months=24)', []),
        ("markdown", "## Jour 2 — Reformuler", []),
        ("code", 'show("reformulation", items=["ref-01"])', []),
    )
    roster = write_roster(
        tmp_path,
        ["Durand;Éloïse;ass mat;Domicile;p1", "Martin;Léo;ass mat;Domicile;p2"],
        header="nom;prénom;profession;structure;id",
    )
    out = tmp_path / "out"
    options = {"formats": ["pdf"], "jobs": 1, "template_path": template}
    build_workbooks(roster, SESSION, out, **options)  # type: ignore[arg-type]
    answer = "RÉPONSE-LIBRE-DE-LA-PERSONNE"
    AnswerStore.open(out / "p1" / "workbook.answers.json").set("ref-01", answer)
    result = build_workbooks(roster, SESSION, out, **options)  # type: ignore[arg-type]
    assert [e.status for e in result.entries] == ["ok", "skipped"], result.entries

    assert answer in pdf_text(out / "p1" / "handout.pdf")
    cached = sorted((out / CACHE_DIR).glob("section-*.pdf"))
    assert len(cached) >= 2  # shared sections are cached: the blank exercise, the memo card…
    for path in cached:
        assert answer not in pdf_text(path), path
