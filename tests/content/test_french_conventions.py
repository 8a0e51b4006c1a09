"""The kit's French conventions and the issue-14 review corrections hold in the data and notebooks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pydantic import BaseModel

from parler_kit.content import ContentBank, DialogueItem, QuizQuestion, Text, load_bank

CURRICULUM = Path(__file__).resolve().parents[2] / "curriculum"
NOTEBOOKS = sorted(CURRICULUM.glob("day*/*.ipynb"))


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def _french(value: Any) -> Iterator[str]:
    """Every French text inside a record, however deeply nested."""
    if isinstance(value, Text):
        yield value.fr
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _french(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _french(item)


def _kit_texts(bank: ContentBank) -> Iterator[tuple[str, str]]:
    """(record id, French text) for the kit's own words (sources' titles are the documents')."""
    for name in type(bank).__dataclass_fields__:
        if name.startswith("_"):
            continue
        for record in getattr(bank, name):
            for text in _french(record):
                yield record.id, text


def _notebook_markdown() -> Iterator[tuple[str, str]]:
    """(notebook, markdown) for the curriculum cells written by the kit (not « Sources citées »)."""
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and "sources" not in cell.metadata.get("tags", []):
                yield path.name, cell.source


def _everything(bank: ContentBank) -> list[tuple[str, str]]:
    return [*_kit_texts(bank), *_notebook_markdown()]


def test_one_inclusive_writing_convention(bank: ContentBank) -> None:
    """No point médian nor « (e) »: the kit writes both forms in full (« participante ou participant »)."""
    found = [(where, m.group()) for where, text in _everything(bank)
             for m in re.finditer(r"\w+·\w+|\w+\(e\)", text)]  # fmt: skip
    assert found == []


def test_signe_d_alerte_not_signe_d_appel(bank: ContentBank) -> None:
    """The kit says « signe d'alerte »; « signe d'appel » only survives in a source's own title."""
    found = [
        where for where, text in _everything(bank) if re.search(r"signes? d'appel", text, re.I)
    ]
    assert found == []


def test_one_spelling_of_cite_educative(bank: ContentBank) -> None:
    """« cité éducative » in lower case inside a sentence (a capital only starts a sentence)."""
    found = [where for where, text in _everything(bank)
             if re.search(r"[a-zé,] Cités? éducatives?", text)]  # fmt: skip
    assert found == []


def test_maraca_singular(bank: ContentBank) -> None:
    """« une maraca », « des maracas »."""
    assert [w for w, t in _everything(bank) if re.search(r"\b(une|sa|la) maracas\b", t)] == []


def test_peer_and_crowd_are_explained_in_french(bank: ContentBank) -> None:
    """The dialogic-reading techniques are named in French; the English letters are given once."""
    for technique_id, letters in (
        ("lecture-dialogique-peer", "Prompt, Evaluate, Expand, Repeat"),
        ("lecture-dialogique-crowd", "Completion, Recall, Open-ended, Wh- questions, Distancing"),
    ):
        technique = bank.technique(technique_id)
        assert not technique.name.fr.split(":")[1].strip().startswith(("la séquence", "les incit"))
        assert technique.definition.fr.count(letters) == 1
    texts = [t for _, t in _everything(bank)]
    assert not [t for t in texts if re.search(r"le « [CROWDPE] » de (CROWD|PEER)", t)]


def test_typical_age_milestones_do_not_say_most_children(bank: ContentBank) -> None:
    """An « âge habituel » milestone is reached by about half the children, not « la plupart »."""
    typical = [m for m in bank.milestones if m.convention == "typical_age"]
    assert typical
    assert [m.id for m in typical if "la plupart" in m.text.fr] == []


def test_distancing_prompts_are_kept_for_three_year_olds(bank: ContentBank) -> None:
    """dlg-04 no longer advises a distancing question for Rayan (2½ years)."""
    dialogue = bank.exercise("dlg-04")
    assert isinstance(dialogue, DialogueItem)
    notes = " ".join(t.note.fr for t in dialogue.turns if t.note)
    assert "3–4 ans" in notes
    assert "Elles sont comment, les tiennes ? » (incitation de distanciation)" not in notes


def test_review_wordings_are_sourced_and_measured(bank: ContentBank) -> None:
    """Quiz wordings the review found overstated or unsourced stay corrected."""
    turns = bank.exercise("quiz-tours-conversation")
    adult = bank.exercise("quiz-items-adulte")
    fifty = bank.exercise("quiz-50-mots-30-mois")
    assert isinstance(turns, QuizQuestion) and isinstance(adult, QuizQuestion)
    assert isinstance(fifty, QuizQuestion)
    assert "le plus fortement" not in turns.question.fr
    assert "faire durer" not in adult.explanation.fr
    assert "pas la même mesure" in fifty.explanation.fr
    claims = " ".join(pos.claim.fr for d in bank.disagreements for pos in d.positions)
    assert "ne se comparent pas directement" in claims


def test_day_one_vocabulary_spread_is_sourced() -> None:
    """Day 1 no longer says « des enfants qui vont bien ont 50 ou 350 mots » without age or source."""
    text = " ".join(source for name, source in _notebook_markdown() if name.startswith("03-"))
    assert "50 ou 350" not in text
    assert "178 mots" in text
