"""Hand-made class folders for the live view: answers files written as JSON, like the room's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

#: Participant ids and names that must never reach a page or its stream.
PEOPLE = {
    "p-amelie-berthier": "Amélie Berthier",
    "p-jose-nunez": "José Núñez",
    "p-lina-roy": "Lina Roy",
}
#: An observation record about a child: never read, never shown.
OBSERVATION = {"child_code": "E-07", "notes": "Nathanaël ne pointe pas encore du doigt"}


def write_answers(
    path: Path, participant: str, answers: dict[str, Any], at: str = "2026-03-03T09:00:00.000Z"
) -> Path:
    """Write an answers file (schema 1) holding `answers` ({key: value}) saved at `at`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "schema_version": 1,
        "participant_id": participant,
        "session_id": "s-2026-03",
        "answers": {
            key: {"value": value, "changed_at": at, "attempts": 1, "score": None, "max_score": None}
            for key, value in answers.items()
        },
    }
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    """A fresh class folder for one test (see `build_class_folder`)."""
    return build_class_folder(tmp_path / "participants")


@pytest.fixture(scope="module")
def module_class_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A class folder shared by a module's tests (one server for them all)."""
    return build_class_folder(tmp_path_factory.mktemp("class") / "participants")


def build_class_folder(root: Path) -> Path:
    """Three participants' answers of every kind, two broken files, an erased participant."""
    amelie, jose, lina = PEOPLE
    write_answers(
        root / amelie / "day1" / "carnet.answers.json",
        amelie,
        {"quiz-pb-evaluation": ["b"], "quiz-depp-cp": ["c"]},
        "2026-03-03T09:00:00.000Z",
    )
    write_answers(
        root / amelie / "day3" / "carnet.answers.json",
        amelie,
        {
            "quiz-pb-evaluation": ["a"],
            "fiche-action": {"fa-intitule": "Lire ensemble au square"},
            "evaluation:chaud": {
                "eval-chaud-satisfaction": 5,
                "eval-chaud-points-forts": "Très concret !",
            },
            "observation:E-07": OBSERVATION,
        },
        "2026-03-05T15:00:00.000Z",
    )
    write_answers(
        root / jose / "day2" / "carnet.answers.json",
        jose,
        {
            "cl-01": ["ne-pas-anticiper"],
            "ref-01": "  Oui, il est tombé dans l'eau ? Le ballon…  ",
            "dlg-01": {"0": ["ne-pas-anticiper"], "2": ["nommer"]},
        },
    )
    write_answers(root / jose / "day1" / "carnet.answers.json", jose, {"quiz-depp-cp": ["a"]})
    write_answers(
        root / lina / "day2" / "carnet.answers.json",
        lina,
        {
            "cl-01": ["reformulation", "nommer"],
            "dlg-01": {"0": ["ne-pas-anticiper"], "2": ["reformulation"]},
        },
    )
    (root / lina / "day1").mkdir(parents=True)
    (root / lina / "day1" / "carnet.answers.json").write_text(
        '{"schema_version": 1, "answ', "utf-8"
    )
    (root / lina / "carnet").mkdir()
    (root / lina / "carnet" / "workbook.answers.json").write_text("{ pas du json", "utf-8")
    (root / "p-erased").mkdir()  # erased: `parler-kit erase` removed every file of theirs
    return root
