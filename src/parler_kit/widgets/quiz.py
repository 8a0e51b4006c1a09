"""Quiz: single-choice (radio buttons) and multiple-choice (checkboxes) questions.

After validating, the person sees whether it is right, the explanation and the sources. Each
question is stored under its id as the sorted list of chosen choice ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from parler_kit.answers import Score, score_quiz
from parler_kit.content import ContentBank, QuizQuestion
from parler_kit.i18n import Locale
from parler_kit.widgets.base import StoreArg, heading_html
from parler_kit.widgets.choices import CheckboxGroup, ScoredCards


class Quiz(ScoredCards):
    """Quiz questions, validated one by one, with explanation and source after answering."""

    def __init__(
        self,
        questions: Sequence[str | QuizQuestion] | str | QuizQuestion | None = None,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        records = self.bank.select(questions, QuizQuestion, self.bank.exercises_of(QuizQuestion))
        self._build_cards([w.HTML(heading_html(self.h("widgets.quiz.title")))], records)

    def _prompt(self, item: QuizQuestion, number: int) -> str:
        hint = "widgets.quiz.multiple" if item.multiple else "widgets.quiz.single"
        return (
            f"<p><strong>{number}. {self.kit(item.question)}</strong><br>"
            f"<small>{self.h(hint)}</small></p>"
        )

    def _control(self, item: QuizQuestion) -> Any:
        options = [(self.plain(c.text), c.id) for c in item.choices]
        if item.multiple:
            return CheckboxGroup(options)
        return w.RadioButtons(
            options=options, value=None, description=self.t("widgets.quiz.answer"),
            style={"description_width": "initial"}, layout=w.Layout(width="auto"),
        )  # fmt: skip

    def _chosen(self, item: QuizQuestion, control: Any) -> list[str]:
        if item.multiple:
            chosen: list[str] = control.value
            return chosen
        return [control.value] if control.value is not None else []

    def _restore(self, item: QuizQuestion, control: Any, value: Any) -> None:
        if not isinstance(value, list):
            return
        known = {c.id for c in item.choices}
        chosen = [v for v in value if v in known]
        if item.multiple:
            control.value = chosen
        elif chosen:
            control.value = chosen[0]

    def _score(self, item: QuizQuestion, value: Any) -> Score:
        chosen = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        return score_quiz(item, chosen)

    def _feedback(self, item: QuizQuestion, value: Any) -> str:
        by_id = {c.id: c for c in item.choices}
        expected = " ; ".join(self.kit(by_id[c].text) for c in item.correct)
        sources = self.citations(item.sources)
        return (
            f"{self.h('widgets.key')} {expected}<br>"
            f"{self.h('widgets.explanation')} {self.kit(item.explanation)}"
            + (f"<br><small>{self.h('widgets.source')} {sources}</small>" if sources else "")
        )
