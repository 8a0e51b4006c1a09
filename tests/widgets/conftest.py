"""Widget test fixtures: the shipped content bank and a fresh answer store per test.

Tests pick records from the bank by kind (the first classification item, a multiple-choice
question…) rather than by id, so they keep working as the content team edits the bank.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets
import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank, load_bank


@pytest.fixture(scope="session")
def bank() -> ContentBank:
    """The shipped content bank."""
    return load_bank()


@pytest.fixture
def store(tmp_path: Path) -> AnswerStore:
    """A fresh answer store in a temporary folder."""
    return AnswerStore.open(tmp_path / "carnet.answers.json", participant_id="P-001")


def _visible(markup: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"[\s\u202f\u00a0]+", " ", text).strip()


@pytest.fixture(scope="session")
def visible() -> Callable[[str], str]:
    """Turn widget HTML into the text a person reads (tags dropped, French spaces normalised)."""
    return _visible


def _page_text(widget: Any) -> str:
    parts = []
    stack = [widget]
    while stack:
        node = stack.pop(0)
        if isinstance(node, ipywidgets.HTML):
            parts.append(_visible(node.value))
        stack.extend(getattr(node, "children", ()))
    return " ".join(parts)


@pytest.fixture(scope="session")
def page_text() -> Callable[[Any], str]:
    """All the text a person reads in a widget tree (every HTML part, in order)."""
    return _page_text
