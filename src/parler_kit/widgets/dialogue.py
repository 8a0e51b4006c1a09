"""DialogueAnnotator: tag each adult turn of a transcript with the techniques it uses.

Child turns are shown as they are; each adult turn gets a group of technique checkboxes (plus
« à éviter »). Comparing with the key marks every adult turn right or not, with the key's
techniques and the note. Stored under the dialogue id as ``{"<turn index>": [technique ids]}``
(turn index 0-based over all turns).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import ipywidgets as w

from parler_kit.answers import score_dialogue
from parler_kit.answers.scoring import adult_turn_indexes, dialogue_turn_matches
from parler_kit.content import ContentBank, DialogueItem
from parler_kit.i18n import Locale
from parler_kit.widgets.base import (
    KitWidget,
    StoreArg,
    button,
    heading_html,
    verdict_html,
)
from parler_kit.widgets.choices import CheckboxGroup


class DialogueAnnotator(KitWidget):
    """One or more dialogues; per adult turn, technique checkboxes; compared turn by turn."""

    def __init__(
        self,
        items: Sequence[str | DialogueItem] | str | DialogueItem | None = None,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        self.items = self.bank.select(items, DialogueItem, self.bank.exercises_of(DialogueItem))
        options = self.technique_options()
        self.groups: dict[str, dict[int, CheckboxGroup]] = {}
        # Shared by every turn's checkboxes and every card (fewer models for the page to load).
        self._group_layout = w.Layout(margin="0 0 0 2em")
        self._card_layout = w.Layout(border="1px solid #777", padding="6px", margin="6px 0")
        self.turn_feedback: dict[str, dict[int, w.HTML]] = {}
        self.summary: dict[str, w.HTML] = {}
        parts: list[Any] = [
            self.text_html(heading_html(self.h("widgets.dialogue.title"))),
            self.text_html(f"<p>{self.h('widgets.dialogue.help')}</p>"),
        ]
        for item in self.items:
            parts.append(self._build(item, options))
        self.set_parts([*parts, self.status])

    def _build(self, item: DialogueItem, options: list[tuple[str, str]]) -> w.VBox:
        groups: dict[int, CheckboxGroup] = {}
        feedback: dict[int, w.HTML] = {}
        rows: list[Any] = [
            self.text_html(
                heading_html(self.kit(item.title), 4) + f"<p><em>{self.kit(item.context)}</em></p>"
            )
        ]
        for index, turn in enumerate(item.turns):
            speaker = self.h(f"widgets.dialogue.{turn.speaker}")
            rows.append(self.text_html(f"<p><strong>{speaker}</strong> {self.kit(turn.text)}</p>"))
            if turn.speaker == "adult":
                group = CheckboxGroup(options, columns=3, layout=self._group_layout)
                groups[index] = group
                feedback[index] = self.text_html()
                rows.extend([group, feedback[index]])
        compare = button(self.t("widgets.dialogue.compare"), primary=True)
        compare.on_click(lambda _b, item_id=item.id: self.compare(item_id))
        self.summary[item.id] = self.text_html()
        rows.extend([compare, self.summary[item.id]])
        self.groups[item.id], self.turn_feedback[item.id] = groups, feedback
        stored = self.load(item.id)
        if stored is not None and isinstance(stored.value, dict):
            for key, labels in stored.value.items():
                if str(key).isdigit() and int(key) in groups and isinstance(labels, list):
                    groups[int(key)].value = [v for v in labels if isinstance(v, str)]
            self._show(item, stored.value)
        return w.VBox(rows, layout=self._card_layout)

    @property
    def value(self) -> dict[str, dict[str, list[str]]]:
        """The saved labels of every compared dialogue: ``{dialogue id: {"<turn>": [ids]}}``."""
        return self.stored_values([item.id for item in self.items], dict)

    def compare(self, item_id: str) -> bool:
        """Save the labels of `item_id` with the score and show the turn-by-turn comparison."""
        item = next(i for i in self.items if i.id == item_id)
        labels: dict[int | str, Collection[str]] = {
            str(index): group.value for index, group in self.groups[item_id].items()
        }
        if not any(labels.values()):
            self.show_problem(self.t("widgets.dialogue.label_first"))
            return False
        score = score_dialogue(item, labels)
        saved = self.save(item_id, labels, score=score.points, max_score=score.max_points)
        if saved is None:
            return False
        self.clear_status()
        self._show(item, saved.value)
        return True

    def _show(self, item: DialogueItem, labels: dict[str, Any]) -> None:
        clean: dict[int | str, Collection[str]] = {
            k: [v for v in vs if isinstance(v, str)]
            for k, vs in labels.items()
            if isinstance(vs, list)
        }
        matches = dialogue_turn_matches(item, clean)
        for index in adult_turn_indexes(item):
            turn = item.turns[index]
            key = ", ".join(self.technique_name(t) for t in turn.techniques)
            note = f"<br>{self.kit(turn.note)}" if turn.note else ""
            self.turn_feedback[item.id][index].value = verdict_html(
                matches[index], f"{self.h('widgets.key')} {key}{note}", self.locale
            )
        score = score_dialogue(item, clean)
        self.summary[item.id].value = "<p role='status'><strong>{}</strong></p>".format(
            self.h(
                "widgets.dialogue.summary", points=int(score.points), total=int(score.max_points)
            )
        )
