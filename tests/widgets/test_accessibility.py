"""Accessibility basics for every widget: every control has a visible label; no colour-only cue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets
import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.widgets import WIDGETS, build
from parler_kit.widgets.base import message_html, verdict_html

_DISPLAY_ONLY = (ipywidgets.HTML, ipywidgets.Label, ipywidgets.Output, ipywidgets.Box)


def _controls(widget: Any) -> list[Any]:
    found, stack = [], [widget]
    while stack:
        node = stack.pop()
        if isinstance(node, ipywidgets.Box):
            stack.extend(node.children)
        elif isinstance(node, ipywidgets.DOMWidget) and not isinstance(node, _DISPLAY_ONLY):
            found.append(node)
    return found


@pytest.mark.parametrize("kind", sorted(WIDGETS))
def test_every_control_has_a_visible_label(kind: str, bank: ContentBank, tmp_path: Path) -> None:
    """Each input, button, slider or choice list carries a non-empty description (its label)."""
    widget = build(kind, store=AnswerStore.open(tmp_path / "a.answers.json"), bank=bank)
    controls = _controls(widget)
    assert controls
    unlabeled = [type(c).__name__ for c in controls if not str(c.description).strip()]
    assert unlabeled == []
    assert not any(getattr(c, "placeholder", "") and not c.description for c in controls)


@pytest.mark.parametrize("kind", ["techniques", "dialogue", "quiz", "evaluation"])
def test_labels_are_plain_text_not_html_entities(
    kind: str, bank: ContentBank, tmp_path: Path
) -> None:
    """Labels and options show « l'enfant », never « l&#x27;enfant » (they are not HTML)."""
    widget = build(kind, store=AnswerStore.open(tmp_path / "a.answers.json"), bank=bank)
    texts = []
    for control in _controls(widget):
        texts.append(str(control.description))
        texts.extend(str(label) for label in getattr(control, "_options_labels", ()))
    assert texts
    assert not [t for t in texts if "&#" in t or "&amp;" in t or "&lt;" in t]
    if kind == "techniques":  # « Nommer ce que l'enfant regarde »
        assert any("'" in t for t in texts)


def test_feedback_and_messages_carry_an_icon_and_a_word() -> None:
    """Right/wrong and problem messages are told apart by ✓/✗/⚠ and words, not colour alone."""
    assert "✓" in verdict_html(True, "") and "Juste" in verdict_html(True, "")
    assert "✗" in verdict_html(False, "") and "Pas tout à fait" in verdict_html(False, "")
    assert "dashed" in verdict_html(False, "") and "solid" in verdict_html(True, "")
    problem = message_html("problem", "x")
    assert "⚠" in problem and "À corriger" in problem and 'role="alert"' in problem
