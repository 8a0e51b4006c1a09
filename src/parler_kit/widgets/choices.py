"""Building blocks of the scored exercises: labelled checkboxes and cards with a running score.

Each card holds one item, a validate button and the feedback shown right after answering.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

# Style classes are not exported at ipywidgets' top level.
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_button import ButtonStyle

from parler_kit.answers import Score
from parler_kit.i18n import format_number as _num
from parler_kit.widgets.base import KitWidget, button, verdict_html


class CheckboxGroup(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type information
    """Labelled checkboxes (keyboard: Tab, Space) whose `value` is the sorted list of ticked ids.

    `columns` > 1 sets them in a grid (one column on a phone); `layout` is the group's own layout
    (it may be shared by many groups).
    """

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        columns: int = 1,
        layout: w.Layout | None = None,
    ) -> None:
        # One layout and one style for all the boxes: each is a model the browser must fetch
        # and build at page load, and a techniques exercise has hundreds of boxes (15 per item).
        box_layout = w.Layout(width="auto", margin="0 1.5em 0 0")
        box_style = CheckboxStyle()
        self.boxes = {
            option_id: w.Checkbox(
                value=False, description=label, indent=False, layout=box_layout, style=box_style
            )
            for label, option_id in options
        }
        boxes = list(self.boxes.values())
        if columns > 1:
            body: w.Widget = w.GridBox(
                boxes,
                layout=w.Layout(grid_template_columns=f"repeat({columns}, minmax(12em, 1fr))"),
            )
            children = [body]
        else:
            children = boxes
        super().__init__(children, **({"layout": layout} if layout is not None else {}))

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
        self.score_label = self.text_html()
        cards = []
        # The cards share their layouts and styles (never changed after creation): each is a
        # widget model the page must fetch and build, and an exercise can have 30 cards.
        card_layout = w.Layout(border="1px solid #777", padding="6px", margin="6px 0")
        validate_label = self.t("widgets.validate")
        validate_layout, validate_style = w.Layout(width="auto", min_width="10em"), ButtonStyle()
        for number, item in enumerate(self.items, start=1):
            control = self._control(item)
            validate = button(
                validate_label, primary=True, layout=validate_layout, style=validate_style
            )
            validate.on_click(lambda _b, item=item: self.validate(item.id))
            feedback = self.text_html()
            prompt = self.text_html(self._prompt(item, number))
            self.controls[item.id] = control
            self.feedback[item.id] = feedback
            cards.append(w.VBox([prompt, control, validate, feedback], layout=card_layout))
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
