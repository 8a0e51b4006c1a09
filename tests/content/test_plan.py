"""One course plan: the curriculum's days label the workbook, the evaluation and the trainer guide."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from pydantic import ValidationError

from parler_kit.content import (
    FOLLOW_UP_DELAY,
    ContentBank,
    CourseDay,
    EvaluationQuestion,
    course_days,
    course_minutes,
    day_label,
    day_of_section,
    load_bank,
    section_heading,
    slot_minutes,
)
from parler_kit.content.model import HalfDayPlan
from parler_kit.roster import load_session

ROOT = Path(__file__).resolve().parents[2]
CURRICULUM = ROOT / "curriculum"
EXAMPLE_SESSION = ROOT / "examples" / "session.yaml"
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


def _minutes_stated(notebook: str) -> tuple[int, int, int]:
    """(« **Durée** : N minutes », metadata duration, end of the last « Minutage » line)."""
    cells = nbformat.read(CURRICULUM / notebook, as_version=4).cells
    stated = re.search(r"\*\*Durée\*\*\s*:\s*(\d+) minutes", cells[0].source)
    assert stated, notebook
    trainer = next(c for c in cells if "formateur" in c.metadata.get("tags", []))
    ends = re.findall(r"^- \d+–(\d+) min", trainer.source, re.M)
    assert ends, notebook
    return int(stated[1]), cells[0].metadata["parler_kit"]["duration_minutes"], int(ends[-1])


def test_each_notebook_announces_the_minutes_the_plan_gives_it(bank: ContentBank) -> None:
    """A notebook's « Durée », its metadata and the end of its « Minutage » are the plan's minutes."""
    for day in course_days(bank):
        for notebook in day.notebooks:
            planned = day.notebook_minutes(notebook)
            assert _minutes_stated(notebook) == (planned, planned, planned), notebook


def test_every_half_day_is_filled_exactly_to_its_slot(bank: ContentBank) -> None:
    """Notebooks and breaks of each half-day add up to its slot, with a break in each half-day."""
    for day in course_days(bank):
        for half in day.half_days:
            assert half.planned_minutes == half.slot_minutes, (day.day, half.period)
            assert any(step.pause for step in half.steps), (day.day, half.period)


def test_a_half_day_cannot_hold_more_than_its_slot() -> None:
    """A half-day planning 225 minutes in a 210-minute slot is refused, naming both figures."""
    steps = [
        {"notebook": "day2/03-reformuler.ipynb", "minutes": 60},
        {"notebook": "day2/04-analyser-dialogue.ipynb", "minutes": 75},
        {"pause": True, "minutes": 15},
        {"notebook": "day2/05-lecture-partagee.ipynb", "minutes": 75},
    ]
    with pytest.raises(ValidationError, match=r"225 minutes pour un créneau de 210"):
        HalfDayPlan.model_validate({"period": "après-midi", "slot_minutes": 210, "steps": steps})


def test_a_plan_step_is_a_notebook_or_a_break() -> None:
    """A step naming a notebook and a break at once (or neither) is refused."""
    for step in ({"notebook": "day1/x.ipynb", "pause": True, "minutes": 5}, {"minutes": 5}):
        with pytest.raises(ValidationError, match="soit un cahier"):
            HalfDayPlan.model_validate({"period": "matin", "slot_minutes": 210, "steps": [step]})


def test_the_plan_adds_up_to_the_hours_the_documents_certify(bank: ContentBank) -> None:
    """The example session's half-days are the plan's slots: the plan fills the certified 20 h 30.

    Convocations, attestations and certificats de réalisation print the session's hours.
    """
    session = load_session(EXAMPLE_SESSION)
    assert [round(h.hours * 60) for h in session.half_days] == list(slot_minutes(bank))
    assert course_minutes(bank) == round(session.total_hours * 60) == 20 * 60 + 30
    periods = [half.period for day in course_days(bank) for half in day.half_days]
    assert [h.period for h in session.half_days] == periods


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def test_the_trainer_guide_gives_each_day_its_planned_time(bank: ContentBank) -> None:
    """The trainer guide's table of days gives each day the plan's minutes, breaks included."""
    text = TRAINER_GUIDE.read_text("utf-8").replace("\u202f", " ").replace("\u00a0", " ")
    rows = re.findall(r"^\| (\d) — [^|]+\|[^|]+\| ([^|]+) \|$", text, re.M)
    assert rows == [(str(d.day), _hours(d.planned_minutes)) for d in course_days(bank)]


def test_course_day_notebooks_follow_the_half_days() -> None:
    """A day's notebooks are listed in teaching order, morning then afternoon, breaks skipped."""
    day = CourseDay.model_validate(
        {
            "id": "jour-x",
            "day": 1,
            "label": {"fr": "Essai"},
            "half_days": [
                {"period": "matin", "slot_minutes": 30, "steps": [
                    {"notebook": "day1/b.ipynb", "minutes": 15}, {"pause": True, "minutes": 15}]},
                {"period": "après-midi", "slot_minutes": 20, "steps": [
                    {"notebook": "day1/a.ipynb", "minutes": 20}]},
            ],
        }
    )  # fmt: skip
    assert day.notebooks == ("day1/b.ipynb", "day1/a.ipynb")
    assert day.planned_minutes == 50
    assert day.notebook_minutes("day1/a.ipynb") == 20
    with pytest.raises(KeyError, match=r"day1/c\.ipynb"):
        day.notebook_minutes("day1/c.ipynb")


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


def test_workbook_sections_come_in_the_plan_order(bank: ContentBank) -> None:
    """The workbook's « ## Jour N — … » sections follow the plan: day by day, in its order."""
    cells = nbformat.read(WORKBOOK, as_version=4).cells
    titles = [
        line.replace("\u202f", " ").split(" — ", 1)[1]
        for cell in cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if re.match(r"^## Jour \d", line)
    ]
    planned = [s.fr for d in course_days(bank) for s in d.workbook_sections]
    assert titles == planned


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
