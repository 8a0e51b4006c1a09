"""Which exercise items and examples a participant's workbook shows, from their profession.

An item tagged for the participant's role comes first, then items set in one of the role's usual
situations (`Role.situations`), then the rest, each group in bank order, so the choice is
deterministic: the same role always gets the same workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parler_kit.content import (
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
    Technique,
)
from parler_kit.content.model import Example, RoleId, Situation

#: How many items of each kind a workbook holds (fewer when the bank has fewer; the quiz holds
#: every positioning question even when they are more than QUIZ_COUNT).
CLASSIFY_COUNT = 8
REFORMULATE_COUNT = 4
DIALOGUE_COUNT = 1
QUIZ_COUNT = 8


@dataclass(frozen=True)
class Selection:
    """Record ids chosen for one role, passed to the template as plain lists."""

    classify_ids: tuple[str, ...]
    reformulate_ids: tuple[str, ...]
    dialogue_ids: tuple[str, ...]
    quiz_ids: tuple[str, ...]


def _ranked(
    items: Sequence[ClassificationItem | ReformulationItem | DialogueItem],
    role: RoleId,
    situations: Sequence[Situation],
    count: int,
) -> tuple[str, ...]:
    def rank(item: ClassificationItem | ReformulationItem | DialogueItem) -> int:
        if role in item.roles:
            return 0
        return 1 if item.situation in situations else 2

    ordered = sorted(enumerate(items), key=lambda pair: (rank(pair[1]), pair[0]))
    return tuple(item.id for _, item in ordered[:count])


def select_for_role(bank: ContentBank, role: RoleId) -> Selection:
    """The exercise items of a workbook for `role` (see the module docstring for the order)."""
    situations = bank.role(role).situations
    # Every positioning question (asked again at the end: the bilan counts them all), then
    # other questions up to QUIZ_COUNT.
    questions = bank.exercises_of(QuizQuestion)
    positioning = [q for q in questions if q.positioning]
    others = [q for q in questions if not q.positioning]
    quiz = positioning + others[: max(0, QUIZ_COUNT - len(positioning))]
    return Selection(
        classify_ids=_ranked(
            bank.exercises_of(ClassificationItem), role, situations, CLASSIFY_COUNT
        ),
        reformulate_ids=_ranked(
            bank.exercises_of(ReformulationItem), role, situations, REFORMULATE_COUNT
        ),
        dialogue_ids=_ranked(bank.exercises_of(DialogueItem), role, situations, DIALOGUE_COUNT),
        quiz_ids=tuple(q.id for q in quiz),
    )


def role_examples(bank: ContentBank, role: RoleId) -> list[tuple[Technique, Example]]:
    """For each technique, its first example set in one of the role's situations (if any)."""
    situations = set(bank.role(role).situations)
    chosen: list[tuple[Technique, Example]] = []
    for technique in bank.techniques:
        for example in technique.examples:
            if example.situation in situations:
                chosen.append((technique, example))
                break
    return chosen
