"""ReformulationExercise: write a reformulation of a child's utterance, get indicative feedback.

The text is checked (not empty, not too long) and stored under the item id for the trainer to
read; the rubric feedback from `assess_reformulation` and the model replies appear after saving.
The feedback is indicative: it points at features, it does not grade.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as w

from parler_kit.answers import assess_reformulation
from parler_kit.answers.validation import MAX_SHORT_TEXT, clean_text
from parler_kit.content import ContentBank, ReformulationItem
from parler_kit.i18n import Locale, format_age_months
from parler_kit.widgets.base import KitWidget, StoreArg, button, heading_html

_PASSED = ("✓", "#0072B2")
_TO_WORK = ("→", "#D55E00")


class ReformulationExercise(KitWidget):
    """Reformulation items → a text area each, rubric feedback, then the model replies."""

    def __init__(
        self,
        items: Sequence[str | ReformulationItem] | str | ReformulationItem | None = None,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        self.items = self.bank.select(
            items, ReformulationItem, self.bank.exercises_of(ReformulationItem)
        )
        self.texts: dict[str, w.Textarea] = {}
        self.feedback: dict[str, w.HTML] = {}
        cards = []
        for number, item in enumerate(self.items, start=1):
            # Sent once, when the field loses the focus (before the button's press), never
            # keystroke by keystroke: the front end holds a field's next update until the kernel
            # has handled the previous one, so on a slow kernel a press right after typing
            # overtook the last characters and saved the reply cut short
            # (tests/browser/test_slow_kernel.py).
            text = w.Textarea(
                description=self.t("widgets.reformulation.your_reply"),
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="100%", min_height="5em"),
            )
            save = button(self.t("widgets.reformulation.save"), primary=True)
            save.on_click(lambda _b, item_id=item.id: self.submit(item_id))
            feedback = w.HTML()
            self.texts[item.id], self.feedback[item.id] = text, feedback
            stored = self.load(item.id)
            if stored is not None and isinstance(stored.value, str):
                text.value = stored.value
                feedback.value = self._feedback_html(item, stored.value)
            cards.append(
                w.VBox(
                    [w.HTML(self._prompt(item, number)), text, save, feedback],
                    layout=w.Layout(border="1px solid #777", padding="6px", margin="6px 0"),
                )
            )
        self.set_parts(
            [
                w.HTML(heading_html(self.h("widgets.reformulation.title"))),
                w.HTML(f"<p>{self.h('widgets.reformulation.help')}</p>"),
                *cards,
                self.status,
            ]
        )

    @property
    def value(self) -> dict[str, str]:
        """The saved reformulation of every answered item, by item id."""
        return self.stored_values([item.id for item in self.items], str)

    def submit(self, item_id: str) -> bool:
        """Check and save the text typed for `item_id`, then show the feedback."""
        item = next(i for i in self.items if i.id == item_id)
        label = self.t("widgets.reformulation.your_reply")
        text = self.guarded(
            lambda: clean_text(
                self.texts[item_id].value, label, limit=MAX_SHORT_TEXT, locale=self.locale
            )
        )
        if text is None or self.save(item_id, text) is None:
            return False
        self.show_ok(self.t("widgets.status.saved"))
        self.feedback[item_id].value = self._feedback_html(item, text)
        return True

    def _prompt(self, item: ReformulationItem, number: int) -> str:
        age = format_age_months(item.child_age_months, self.locale)
        return (
            f"<p><strong>{number}.</strong> <em>{self.kit(item.context)}</em> "
            f"({self.h('widgets.reformulation.child_age', age=age)})</p>"
            f"<blockquote style='margin:0.3em 1em; font-size:1.1em'>{self.kit(item.child_utterance)}</blockquote>"
        )

    def _feedback_html(self, item: ReformulationItem, reply: str) -> str:
        feedback = assess_reformulation(item, reply, self.locale)
        lines = []
        for check in feedback.checks:
            icon, colour = _PASSED if check.passed else _TO_WORK
            word = self.h(
                "widgets.reformulation.ok" if check.passed else "widgets.reformulation.todo"
            )
            lines.append(
                f"<li><span aria-hidden='true' style='color:{colour}; font-weight:bold'>{icon}</span> "
                f"<strong>{word}</strong> {html.escape(check.message)}</li>"
            )
        models = "".join(f"<li>{self.kit(reply)}</li>" for reply in item.model_replies)
        return (
            "<div role='status' style='border-left:6px solid #555; padding:6px 10px'>"
            f"<p><strong>{self.h('widgets.reformulation.feedback')}</strong></p><ul>{''.join(lines)}</ul>"
            f"<p><em>{self.h('widgets.reformulation.indicative')}</em></p>"
            f"<p><strong>{self.h('widgets.reformulation.models')}</strong></p><ul>{models}</ul></div>"
        )
