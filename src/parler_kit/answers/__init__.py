"""The participant's answers: a durable JSON store per workbook, and exercise scoring.

`AnswerStore` is what widgets write to; `read_answers` is the read-only view for reports,
collection and grading; `parler_kit.answers.files` says what an answers file is (names, the one
rule that recognises one, finding them below a folder); `parler_kit.answers.scoring` holds the pure scoring functions.
"""

from parler_kit.answers.fileformat import SCHEMA_VERSION, AnswersFile, StoredAnswer
from parler_kit.answers.files import (
    DAY_ANSWERS,
    FOLLOW_UP_ANSWERS,
    PLAN_FOLLOW_UP_ANSWERS,
    STORE_GLOBS,
    SUFFIX,
    WORKBOOK_ANSWERS,
    answers_name,
    answers_paths,
    is_answers_name,
)
from parler_kit.answers.scoring import (
    RubricCheck,
    RubricFeedback,
    Score,
    assess_reformulation,
    score_classification,
    score_dialogue,
    score_exercises,
    score_quiz,
)
from parler_kit.answers.store import AnswerStore, answers_path_for, read_answers

__all__ = [
    "DAY_ANSWERS",
    "FOLLOW_UP_ANSWERS",
    "PLAN_FOLLOW_UP_ANSWERS",
    "SCHEMA_VERSION",
    "STORE_GLOBS",
    "SUFFIX",
    "WORKBOOK_ANSWERS",
    "AnswerStore",
    "AnswersFile",
    "RubricCheck",
    "RubricFeedback",
    "Score",
    "StoredAnswer",
    "answers_name",
    "answers_path_for",
    "answers_paths",
    "assess_reformulation",
    "is_answers_name",
    "read_answers",
    "score_classification",
    "score_dialogue",
    "score_exercises",
    "score_quiz",
]
