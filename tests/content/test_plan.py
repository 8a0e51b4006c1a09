"""One course plan: the curriculum's days label the workbook, the evaluation and the trainer guide."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from parler_kit.content import (
    FOLLOW_UP_DELAY,
    ContentBank,
    EvaluationQuestion,
    course_days,
    day_label,
    day_of_section,
    load_bank,
    section_heading,
)

ROOT = Path(__file__).resolve().parents[2]
CURRICULUM = ROOT / "curriculum"
WORKBOOK = ROOT / "workbooks" / "workbook.ipynb"
TRAINER_GUIDE = ROOT / "docs" / "trainer-guide.md"


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def test_the_plan_lists_every_curriculum_notebook_under_its_day(bank: ContentBank) -> None:
    """Each day of the plan holds exactly the notebooks of curriculum/dayN, titled « Jour N · »."""
    days = course_days(bank)
    assert [d.day for d in days] == [1, 2, 3]
    for day in days:
        on_disk = sorted(
            p.relative_to(CURRICULUM).as_posix() for p in CURRICULUM.glob(f"day{day.day}/*.ipynb")
        )
        assert list(day.notebooks) == on_disk
        for name in day.notebooks:
            title = nbformat.read(CURRICULUM / name, as_version=4).cells[0].source
            assert title.startswith(f"# Jour {day.day} · "), name


def test_workbook_headings_take_their_day_from_the_plan(bank: ContentBank) -> None:
    """Every « ## Jour N — titre » heading of the workbook template is the plan's heading."""
    cells = nbformat.read(WORKBOOK, as_version=4).cells
    headings = [
        line.replace("\u202f", " ")
        for cell in cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if re.match(r"^## (Jour|Day) \d", line)
    ]
    titles = [h.split(" — ", 1)[1] for h in headings]
    assert headings == [f"## {section_heading(t, bank=bank)}" for t in titles]
    planned = {s.fr for d in course_days(bank) for s in d.workbook_sections}
    assert set(titles) == planned


def test_the_hot_evaluation_names_the_days_of_the_plan(bank: ContentBank) -> None:
    """The « which day was most useful » choices are the plan's day labels, in both languages."""
    question = next(q for q in bank.evaluation_questions if q.id == "eval-chaud-journee-utile")
    assert isinstance(question, EvaluationQuestion)
    for number, choice in enumerate(question.choices, start=1):
        assert choice.text.fr == day_label(number, bank=bank)
        assert choice.text.en == day_label(number, "en", bank=bank)


def test_the_trainer_guide_uses_the_plan_day_labels(bank: ContentBank) -> None:
    """The trainer guide's « ### Jour N — … » headings are the plan's labels."""
    found = re.findall(r"^### Jour (\d) — (.+)$", TRAINER_GUIDE.read_text("utf-8"), re.M)
    assert found == [(str(d.day), d.label.fr) for d in course_days(bank)]


def test_a_section_heading_names_its_day(bank: ContentBank) -> None:
    """Sections belong to one day; an unknown section or day is a KeyError naming it."""
    assert section_heading("La fiche action", bank=bank) == "Jour 3 — La fiche action"
    assert day_of_section("Parler avec les tout-petits : les techniques", bank=bank) == 2
    with pytest.raises(KeyError, match="Inconnue"):
        day_of_section("Inconnue", bank=bank)
    with pytest.raises(KeyError, match="4"):
        day_label(4, bank=bank)


FOLLOW_UP_PLACES = [
    "docs/trainer-guide.md",
    "docs/organiser-guide.md",
    "docs/organiser-admin.md",
    "curriculum/day3/04-bilan-evaluation.ipynb",
    "src/parler_kit/content/data/evaluation_questions.yaml",
    "src/parler_kit/i18n/catalogs/fr/admin.yaml",
    "src/parler_kit/i18n/catalogs/fr/widgets.yaml",
]


@pytest.mark.parametrize("place", FOLLOW_UP_PLACES)
def test_the_follow_up_timing_is_said_the_same_way(place: str) -> None:
    """Where the « à froid » evaluation's timing is given, it is « environ trois mois après »."""
    text = (ROOT / place).read_text("utf-8").replace("\u202f", " ").replace("\u00a0", " ")
    assert FOLLOW_UP_DELAY.fr in text.lower()  # « Environ trois mois… » opens a title
    assert not re.search(r"quelques (semaines|mois)", text)
