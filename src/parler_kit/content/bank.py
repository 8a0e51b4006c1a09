"""The loaded content bank: every collection as a tuple, with look-ups by id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from parler_kit.content.model import (
    ActionSheetField,
    ClassificationItem,
    CourseDay,
    DialogueItem,
    Disagreement,
    EvaluationQuestion,
    Milestone,
    ObservationItem,
    PreventionFigure,
    QuizQuestion,
    ReformulationItem,
    Role,
    Source,
    Technique,
    Vignette,
    VocabularyNorm,
    WarningSign,
)

ExerciseRecord = ClassificationItem | ReformulationItem | DialogueItem | QuizQuestion
_R = TypeVar("_R", bound=ExerciseRecord)
_T = TypeVar("_T")


@dataclass(frozen=True)
class ContentBank:
    """Every validated record of the kit, grouped by collection."""

    sources: tuple[Source, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    warning_signs: tuple[WarningSign, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    vocabulary_norms: tuple[VocabularyNorm, ...] = ()
    techniques: tuple[Technique, ...] = ()
    exercises: tuple[ExerciseRecord, ...] = ()
    observation_items: tuple[ObservationItem, ...] = ()
    vignettes: tuple[Vignette, ...] = ()
    prevention_figures: tuple[PreventionFigure, ...] = ()
    roles: tuple[Role, ...] = ()
    action_sheet_fields: tuple[ActionSheetField, ...] = ()
    evaluation_questions: tuple[EvaluationQuestion, ...] = ()
    course_days: tuple[CourseDay, ...] = ()
    _by_id: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in COLLECTIONS:
            for record in getattr(self, name):
                self._by_id.setdefault(record.id, record)

    def get(self, record_id: str) -> object:
        """Any record by id (KeyError naming the id when absent)."""
        try:
            return self._by_id[record_id]
        except KeyError:
            raise KeyError(f"No content record with id {record_id!r}") from None

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return _typed(self.get(source_id), Source)

    def technique(self, technique_id: str) -> Technique:
        """The technique with this id."""
        return _typed(self.get(technique_id), Technique)

    def role(self, role_id: str) -> Role:
        """The role (profession) with this id."""
        return _typed(self.get(role_id), Role)

    def exercises_of(self, kind: type[_R]) -> tuple[_R, ...]:
        """Exercise items of one kind (e.g. ``bank.exercises_of(QuizQuestion)``), in file order."""
        return tuple(item for item in self.exercises if isinstance(item, kind))

    def select(self, given: Any, kind: type[_T], default: Sequence[_T]) -> tuple[_T, ...]:
        """Records of `kind` from ids or records (one or several); `default` when `given` is None.

        This is how widgets and printed twins read their ``items=`` / ``questions=`` argument.
        """
        if given is None:
            return tuple(default)
        chosen = [given] if isinstance(given, str | kind) else list(given)
        return tuple(
            _typed(self.get(item) if isinstance(item, str) else item, kind) for item in chosen
        )

    def exercise(self, item_id: str) -> ExerciseRecord:
        """The exercise item with this id, whatever its kind."""
        record = self.get(item_id)
        if not isinstance(
            record, ClassificationItem | ReformulationItem | DialogueItem | QuizQuestion
        ):
            raise KeyError(f"{item_id!r} is not an exercise item")
        return record


def _typed(record: object, kind: type[_T]) -> _T:
    if not isinstance(record, kind):
        raise KeyError(f"{getattr(record, 'id', record)!r} is not a {kind.__name__}")
    return record


#: Collection name (the ``collection:`` key of a YAML file) → record class.
COLLECTIONS: dict[str, type[BaseModel] | None] = {
    "sources": Source,
    "milestones": Milestone,
    "warning_signs": WarningSign,
    "disagreements": Disagreement,
    "vocabulary_norms": VocabularyNorm,
    "techniques": Technique,
    "exercises": None,  # discriminated by each record's ``kind``; see loader
    "observation_items": ObservationItem,
    "vignettes": Vignette,
    "prevention_figures": PreventionFigure,
    "roles": Role,
    "action_sheet_fields": ActionSheetField,
    "evaluation_questions": EvaluationQuestion,
    "course_days": CourseDay,
}
