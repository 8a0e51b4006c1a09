"""The participant's answers: a durable JSON store per workbook, and exercise scoring.

`AnswerStore` is what widgets write to; `read_answers` is the read-only view for reports,
collection and grading; `parler_kit.answers.scoring` holds the pure scoring functions.
"""

from parler_kit.answers.fileformat import SCHEMA_VERSION, AnswersFile, StoredAnswer
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
    "SCHEMA_VERSION",
    "AnswerStore",
    "AnswersFile",
    "RubricCheck",
    "RubricFeedback",
    "Score",
    "StoredAnswer",
    "answers_path_for",
    "assess_reformulation",
    "read_answers",
    "score_classification",
    "score_dialogue",
    "score_exercises",
    "score_quiz",
]
