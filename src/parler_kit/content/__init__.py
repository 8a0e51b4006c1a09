"""The content bank: sourced, validated records (milestones, techniques, exercises…).

Use `load_bank()` for the shipped data; `load_bank_from(path)` validates another folder
(the ``parler-kit content check --data`` command and the tests use it).
"""

from parler_kit.content.bank import ContentBank, ExerciseRecord
from parler_kit.content.loader import SCHEMA_VERSION, load_bank, load_bank_from
from parler_kit.content.model import (
    AVOID,
    ActionSheetField,
    AgeRange,
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
    Text,
    Vignette,
    VocabularyNorm,
    WarningSign,
)
from parler_kit.content.plan import (
    FOLLOW_UP_DELAY,
    course_days,
    course_minutes,
    day_label,
    day_of_section,
    exercise_ids,
    planned_exercises,
    section_heading,
    slot_minutes,
)
from parler_kit.content.stats import content_stats

__all__ = [
    "AVOID",
    "FOLLOW_UP_DELAY",
    "SCHEMA_VERSION",
    "ActionSheetField",
    "AgeRange",
    "ClassificationItem",
    "ContentBank",
    "CourseDay",
    "DialogueItem",
    "Disagreement",
    "EvaluationQuestion",
    "ExerciseRecord",
    "Milestone",
    "ObservationItem",
    "PreventionFigure",
    "QuizQuestion",
    "ReformulationItem",
    "Role",
    "Source",
    "Technique",
    "Text",
    "Vignette",
    "VocabularyNorm",
    "WarningSign",
    "content_stats",
    "course_days",
    "course_minutes",
    "day_label",
    "day_of_section",
    "exercise_ids",
    "load_bank",
    "load_bank_from",
    "planned_exercises",
    "section_heading",
    "slot_minutes",
]
