"""Printing: static HTML twins of every widget (blank or filled), the print stylesheet, PDF.

A twin is an HTML fragment (no JavaScript, no external URL) showing what a widget shows, for
paper: blank to fill by hand, or filled from an answers file. `document_html` wraps fragments
into a full page with the kit's paged-media stylesheet; `render_pdf` turns a page into an A4 PDF
through WeasyPrint without touching the network. Participant text is always escaped.
"""

from parler_kit.printing.answers import Answers, AnswerSource, answer_value
from parler_kit.printing.document import document_html, page_css
from parler_kit.printing.exercises import (
    classification_html,
    dialogue_html,
    exercise_html,
    quiz_html,
    quiz_key_html,
    reformulation_html,
)
from parler_kit.printing.forms import (
    action_sheet_html,
    evaluation_form_html,
    observation_grid_html,
)
from parler_kit.printing.pdf import offline_fetcher, render_pdf
from parler_kit.printing.reference import technique_memo_html, timeline_html, vocabulary_html
from parler_kit.printing.twins import TWIN_KINDS, exercise_records, twin_html

__all__ = [
    "TWIN_KINDS",
    "AnswerSource",
    "Answers",
    "action_sheet_html",
    "answer_value",
    "classification_html",
    "dialogue_html",
    "document_html",
    "evaluation_form_html",
    "exercise_html",
    "exercise_records",
    "observation_grid_html",
    "offline_fetcher",
    "page_css",
    "quiz_html",
    "quiz_key_html",
    "reformulation_html",
    "render_pdf",
    "technique_memo_html",
    "timeline_html",
    "twin_html",
    "vocabulary_html",
]
