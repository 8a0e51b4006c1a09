"""The page wrapper and the print stylesheet: A4, page numbers, escaped title and header."""

from __future__ import annotations

import re

from printing_samples import HOSTILE, HOSTILE_ESCAPED

from parler_kit.content import ContentBank
from parler_kit.printing import (
    action_sheet_html,
    classification_html,
    dialogue_html,
    document_html,
    evaluation_form_html,
    observation_grid_html,
    page_css,
    quiz_html,
    reformulation_html,
    technique_memo_html,
    timeline_html,
    vocabulary_html,
)


def test_stylesheet_is_a4_with_page_numbers_and_running_header() -> None:
    """The print CSS sets A4, « page N / M » from counters, and a running header element."""
    css = page_css()
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)
    assert 'content: "page " counter(page) " / " counter(pages)' in css
    assert "position: running(pk-header)" in css and "element(pk-header)" in css
    assert "DejaVu Sans" in css


def test_document_escapes_title_and_header_but_keeps_the_body() -> None:
    """Title and header are escaped data; the body (kit HTML) is inserted as is."""
    html = document_html(HOSTILE, "<p>corps</p>", header=HOSTILE, lang="fr")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert html.count(HOSTILE_ESCAPED) == 2
    assert "<script>" not in html and "<p>corps</p>" in html
    assert page_css().splitlines()[0] in html


def test_every_twin_is_static_and_offline(bank: ContentBank) -> None:
    """No twin contains a script, an event handler, or a link/source pointing to the network."""
    from parler_kit.content import ClassificationItem, DialogueItem, QuizQuestion, ReformulationItem

    twins = [
        timeline_html(bank, 24),
        vocabulary_html(bank),
        technique_memo_html(bank),
        classification_html(bank.exercises_of(ClassificationItem)[:3], bank=bank),
        reformulation_html(bank.exercises_of(ReformulationItem)[:3]),
        dialogue_html(bank.exercises_of(DialogueItem)[0], bank=bank),
        quiz_html(bank.exercises_of(QuizQuestion)[:3], bank=bank),
        observation_grid_html(bank, 18),
        action_sheet_html(bank),
        evaluation_form_html(bank),
    ]
    for html in twins:
        assert "<script" not in html.lower()
        assert not re.search(r"\son[a-z]+=", html)
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
        assert "{{" not in html and "{%" not in html
