"""The course plan: one source of truth for the days, their time and the exercises of the course.

The days follow the curriculum (``curriculum/dayN/``); ``course_plan.yaml`` stores each day's
label, its half-days (slot, notebooks with their minutes, breaks), its workbook sections and its
exercises. The workbook, the handout, the hot evaluation and the trainer guide take their day
labels from here; the day notebooks (``show("quiz", questions=exercise_ids("enjeux"))``) and the
live view's views take the items of each exercise from here (tests keep them equal).
"""

from __future__ import annotations

from parler_kit.content.bank import ContentBank
from parler_kit.content.loader import load_bank
from parler_kit.content.model import (
    ClassificationItem,
    CourseDay,
    DialogueItem,
    ExerciseItem,
    ExerciseSelection,
    PlannedExercise,
    QuizQuestion,
    ReformulationItem,
    Text,
)

#: When the follow-up (« à froid ») evaluation is sent, said the same way everywhere.
FOLLOW_UP_DELAY = Text(
    fr="environ trois mois après la formation", en="about three months after the course"
)

_DAY_WORD = {"fr": "Jour", "en": "Day"}
_COLON = {"fr": " : ", "en": ": "}


def course_days(bank: ContentBank | None = None) -> tuple[CourseDay, ...]:
    """The days of the course, in order."""
    return tuple(sorted((bank or load_bank()).course_days, key=lambda d: d.day))


def course_minutes(bank: ContentBank | None = None) -> int:
    """Minutes the plan fills (notebooks and breaks), summed over every half-day."""
    return sum(day.planned_minutes for day in course_days(bank))


def slot_minutes(bank: ContentBank | None = None) -> tuple[int, ...]:
    """The half-days' slots, in order (day 1 morning first): the time each one certifies."""
    return tuple(half.slot_minutes for day in course_days(bank) for half in day.half_days)


def _text(text: Text, locale: str) -> str:
    return text.en if locale == "en" and text.en else text.fr


def day_label(day: int, locale: str = "fr", bank: ContentBank | None = None) -> str:
    """« Jour 2 : Converser avec le tout-petit » (KeyError naming the day when unknown).

    Plain spaces: French typography is applied where the text is displayed or printed.
    """
    for course_day in course_days(bank):
        if course_day.day == day:
            return f"{_DAY_WORD[locale]} {day}{_COLON[locale]}{_text(course_day.label, locale)}"
    raise KeyError(f"No day {day} in the course plan")


def _section(title: str, bank: ContentBank | None) -> tuple[int, Text]:
    for course_day in course_days(bank):
        for section in course_day.workbook_sections:
            if title in (section.fr, section.en):
                return course_day.day, section
    raise KeyError(f"No workbook section {title!r} in the course plan")


def day_of_section(title: str, bank: ContentBank | None = None) -> int:
    """The day a workbook section (its French or English title, as in the plan) belongs to."""
    return _section(title, bank)[0]


def section_heading(title: str, locale: str = "fr", bank: ContentBank | None = None) -> str:
    """A workbook or handout heading: « Jour 3 — La fiche action »."""
    day, section = _section(title, bank)
    return f"{_DAY_WORD[locale]} {day} — {_text(section, locale)}"


def planned_exercises(bank: ContentBank | None = None) -> tuple[tuple[int, PlannedExercise], ...]:
    """Every exercise of the plan with its day, in the order of the course."""
    return tuple((day.day, exercise) for day in course_days(bank) for exercise in day.exercises)


def _selected(item: ExerciseItem, rule: ExerciseSelection) -> bool:
    if isinstance(item, QuizQuestion):
        return (
            rule.kind == "quiz"
            and item.positioning == rule.positioning
            and rule.topic in (None, item.topic)
        )
    if isinstance(item, ClassificationItem):
        return rule.kind == "classify" and (
            not rule.situations or item.situation in rule.situations
        )
    if isinstance(item, ReformulationItem):
        return rule.kind == "reformulate"
    return isinstance(item, DialogueItem) and rule.kind == "dialogue"


def exercise_ids(slug: str, bank: ContentBank | None = None) -> list[str]:
    """The ids of the items the exercise `slug` of the plan shows, in the bank's order.

    What a day notebook passes to ``show(…)`` and what the live view's view of `slug` reads
    (KeyError naming the slug when the plan has no such exercise).
    """
    bank = bank or load_bank()
    for _day, exercise in planned_exercises(bank):
        if exercise.slug == slug:
            return [item.id for item in bank.exercises if _selected(item, exercise.select)]
    raise KeyError(f"No exercise {slug!r} in the course plan")
