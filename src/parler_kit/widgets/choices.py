"""Building blocks of the scored exercises: labelled checkboxes and cards with a running score.

Each card holds one item, a validate button and the feedback shown right after answering.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from parler_kit.answers import Score
from parler_kit.widgets.base import KitWidget, button, verdict_html
from parler_kit.widgets.base import number_text as _num


class CheckboxGroup(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type information
    """Labelled checkboxes (keyboard: Tab, Space) whose `value` is the sorted list of ticked ids."""

    def __init__(self, options: Sequence[tuple[str, str]], *, columns: int = 1) -> None:
        self.boxes = {
            option_id: w.Checkbox(
                value=False, description=label, indent=False,
                layout=w.Layout(width="auto", margin="0 1.5em 0 0"),
            )
            for label, option_id in options
        }  # fmt: skip
        boxes = list(self.boxes.values())
        if columns > 1:
            body: w.Widget = w.GridBox(
                boxes,
                layout=w.Layout(grid_template_columns=f"repeat({columns}, minmax(12em, 1fr))"),
            )
            super().__init__([body])
        else:
            super().__init__(boxes)

    @property
    def value(self) -> list[str]:
        """The ticked option ids, sorted."""
        return sorted(option_id for option_id, box in self.boxes.items() if box.value)

    @value.setter
    def value(self, chosen: Sequence[str]) -> None:
        wanted = set(chosen)
        for option_id, box in self.boxes.items():
            box.value = option_id in wanted


class ScoredCards(KitWidget):
    """Cards of items answered one by one; each validation is saved with its score at once.

    Subclasses build each item's control (`_control`), read it (`_chosen`), set it (`_restore`),
    score it (`_score`) and write the feedback body (`_feedback`).
    """

    def _build_cards(self, header: list[Any], items: Sequence[Any]) -> None:
        self.items = tuple(items)
        self.controls: dict[str, Any] = {}
        self.feedback: dict[str, w.HTML] = {}
        self.score_label = w.HTML()
        cards = []
        for number, item in enumerate(self.items, start=1):
            control = self._control(item)
            validate = button(self.t("widgets.validate"), primary=True)
            validate.on_click(lambda _b, item=item: self.validate(item.id))
            feedback = w.HTML()
            self.controls[item.id] = control
            self.feedback[item.id] = feedback
            cards.append(
                w.VBox(
                    [w.HTML(self._prompt(item, number)), control, validate, feedback],
                    layout=w.Layout(border="1px solid #777", padding="6px", margin="6px 0"),
                )
            )
            stored = self.load(item.id)
            if stored is not None:
                self._restore(item, control, stored.value)
                self._show_feedback(item, stored.value)
        self.set_parts([*header, *cards, self.score_label, self.status])
        self._update_score()

    @property
    def value(self) -> dict[str, Any]:
        """The saved answer of every answered item, by item id (plain JSON data)."""
        return self.stored_values([item.id for item in self.items])

    def validate(self, item_id: str) -> bool:
        """Save the current answer to `item_id` with its score and show the feedback."""
        item = next(i for i in self.items if i.id == item_id)
        chosen = self._chosen(item, self.controls[item_id])
        if not chosen:
            self.show_problem(self.t("widgets.choose_first"))
            return False
        score = self._score(item, chosen)
        saved = self.save(item.id, chosen, score=score.points, max_score=score.max_points)
        if saved is None:
            return False
        self.clear_status()
        self._show_feedback(item, saved.value)
        self._update_score()
        return True

    def _show_feedback(self, item: Any, value: Any) -> None:
        score = self._score(item, value)
        self.feedback[item.id].value = verdict_html(
            score.correct, self._feedback(item, value), self.locale
        )

    def _update_score(self) -> None:
        total = Score(0.0, 0.0)
        answered = 0
        for item in self.items:
            stored = self.load(item.id)
            if stored is not None:
                answered += 1
                total = total + self._score(item, stored.value)
        self.score_label.value = "<p role='status'><strong>{}</strong></p>".format(
            self.h(
                "widgets.score", points=_num(total.points), total=_num(total.max_points),
                answered=answered, count=len(self.items),
            )
        )  # fmt: skip

    # -- to implement -------------------------------------------------------------------------

    def _prompt(self, item: Any, number: int) -> str:
        raise NotImplementedError

    def _control(self, item: Any) -> Any:
        raise NotImplementedError

    def _chosen(self, item: Any, control: Any) -> Any:
        raise NotImplementedError

    def _restore(self, item: Any, control: Any, value: Any) -> None:
        raise NotImplementedError

    def _score(self, item: Any, value: Any) -> Score:
        raise NotImplementedError

    def _feedback(self, item: Any, value: Any) -> str:
        raise NotImplementedError
