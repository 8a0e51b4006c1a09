"""The end-of-course bilan: aggregate answers, attendance and evaluations into an A4 PDF.

`load_answers` reads a folder of answers files (read-only) and says what it left out and why;
`load_attendance` reads the attendance file; `build_bilan` computes everything the report
prints; `write_bilan` renders it with charts through `parler_kit.printing`. Observation data
about children is never read; free comments are anonymised (`anonymise`).
"""

from parler_kit.report.aggregate import (
    MIN_N_FOR_PERCENT,
    Tally,
    participant_exercises,
    participant_quiz,
)
from parler_kit.report.anonymise import anonymise, name_pattern
from parler_kit.report.attendance import (
    Attendance,
    attendance_from_presence,
    half_day_key,
    load_attendance,
)
from parler_kit.report.bilan import Bilan, build_bilan
from parler_kit.report.inputs import AnswersSet, LeftOut, load_answers
from parler_kit.report.render import bilan_html, write_bilan

__all__ = [
    "MIN_N_FOR_PERCENT",
    "AnswersSet",
    "Attendance",
    "Bilan",
    "LeftOut",
    "Tally",
    "anonymise",
    "attendance_from_presence",
    "bilan_html",
    "build_bilan",
    "half_day_key",
    "load_answers",
    "load_attendance",
    "name_pattern",
    "participant_exercises",
    "participant_quiz",
    "write_bilan",
]
