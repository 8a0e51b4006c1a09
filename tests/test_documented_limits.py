"""The text limits docs/widgets.md promises, pinned at their boundaries through the widgets.

The numbers are read from the guide itself (« plus de 1 000 caractères pour une réponse courte,
4 000 pour une rubrique de fiche action »), not from the code's constants: if either changes
alone, this test fails.
"""

from __future__ import annotations

import re
from pathlib import Path

from parler_kit.answers import AnswerStore
from parler_kit.widgets import ActionSheet, EvaluationForm

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "widgets.md"


def _documented_limits() -> tuple[int, int]:
    """The short-answer and fiche-action limits as the guide writes them (« 1 000 », « 4 000 »)."""
    text = " ".join(GUIDE.read_text("utf-8").split())
    match = re.search(
        r"plus de ([\d\u202f\u00a0 ]+) caractères pour une réponse courte, ([\d\u202f\u00a0 ]+) pour une rubrique de fiche action",
        text,
    )
    assert match, "docs/widgets.md no longer states the text limits"
    short, long = (int(re.sub(r"\D", "", group)) for group in match.groups())
    return short, long


def test_short_answers_are_saved_up_to_the_documented_length_and_refused_past_it(
    tmp_path: Path,
) -> None:
    """An evaluation comment of exactly the documented length is saved; one character more is refused."""
    short, _ = _documented_limits()
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    form = EvaluationForm("chaud", store=store)
    question = next(q for q in form.questions if q.kind == "text")
    assert form.answer(question.id, "a" * short)
    assert form.value[question.id] == "a" * short
    assert not form.answer(question.id, "b" * (short + 1))
    assert form.value[question.id] == "a" * short  # nothing saved
    assert f"{short + 1}" in form.status.value


def test_fiche_action_fields_are_saved_up_to_the_documented_length_and_refused_past_it(
    tmp_path: Path,
) -> None:
    """A fiche action field of exactly the documented length is saved; one character more is refused."""
    _, long = _documented_limits()
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    sheet = ActionSheet(store=store)
    field = sheet.fields[0].id
    assert sheet.set_field(field, "a" * long)
    assert sheet.value[field] == "a" * long
    assert not sheet.set_field(field, "b" * (long + 1))
    assert sheet.value[field] == "a" * long
