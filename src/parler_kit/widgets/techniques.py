"""TechniqueExercise: read an adult utterance in context, tick the technique(s) it shows.

« À éviter » is one of the options. The explanation and the expected answer appear right after
validating; a running score covers the whole set. Each item is stored under its own id as the
sorted list of chosen technique ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from parler_kit.answers import Score, score_classification
from parler_kit.content import ClassificationItem, ContentBank
from parler_kit.i18n import Locale
from parler_kit.widgets.base import StoreArg, heading_html
from parler_kit.widgets.choices import CheckboxGroup, ScoredCards


class TechniqueExercise(ScoredCards):
    """Classification items → technique checkboxes + « à éviter », validated one by one."""

    def __init__(
        self,
        items: Sequence[str | ClassificationItem] | str | ClassificationItem | None = None,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        records = self.bank.select(
            items, ClassificationItem, self.bank.exercises_of(ClassificationItem)
        )
        self.options = self.technique_options()
        header = [
            w.HTML(heading_html(self.h("widgets.techniques.title"))),
            w.HTML(f"<p>{self.h('widgets.techniques.help')}</p>"),
        ]
        self._build_cards(header, records)

    def _prompt(self, item: ClassificationItem, number: int) -> str:
        return (
            f"<p><strong>{number}.</strong> <em>{self.kit(item.context)}</em></p>"
            f"<blockquote style='margin:0.3em 1em; font-size:1.1em'>{self.kit(item.utterance)}</blockquote>"
            f"<p>{self.h('widgets.techniques.question')}</p>"
        )

    def _control(self, item: ClassificationItem) -> CheckboxGroup:
        return CheckboxGroup(self.options, columns=2)

    def _chosen(self, item: ClassificationItem, control: CheckboxGroup) -> list[str]:
        return control.value

    def _restore(self, item: ClassificationItem, control: CheckboxGroup, value: Any) -> None:
        if isinstance(value, list):
            control.value = [v for v in value if isinstance(v, str)]

    def _score(self, item: ClassificationItem, value: Any) -> Score:
        chosen = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        return score_classification(item, chosen)

    def _feedback(self, item: ClassificationItem, value: Any) -> str:
        expected = ", ".join(self.technique_name(t) for t in item.answer)
        return (
            f"{self.h('widgets.key')} {expected}<br>"
            f"{self.h('widgets.explanation')} {self.kit(item.explanation)}"
        )
