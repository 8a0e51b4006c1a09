"""ExerciseSection: an exercise that builds its widget the first time it is opened.

A workbook page holds every exercise of the course; building all of them at once made the page
take 13–18 s to become usable (≈ 1 500 widget models sent to the browser). `show()` therefore
displays each exercise folded — one button naming it — and builds the widget (reading the
participant's saved answers at that moment) when the button is pressed; the first exercise of
the page is built at once. Nothing is saved by the section itself: the widget inside saves and
restores every answer as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import ipywidgets as w

from parler_kit.i18n import Locale, ui_text
from parler_kit.widgets.base import KIT_CSS

#: The catalog key of each kind's title (the evaluation form's title depends on the form).
_TITLE_KEYS = {
    "timeline": "widgets.timeline.title",
    "vocabulary": "widgets.vocabulary.title",
    "techniques": "widgets.techniques.title",
    "reformulation": "widgets.reformulation.title",
    "dialogue": "widgets.dialogue.title",
    "quiz": "widgets.quiz.title",
    "observation": "widgets.observation.title",
    "action_sheet": "widgets.action_sheet.title",
}


def section_title(kind: str, kwargs: dict[str, Any], locale: Locale) -> str:
    """The exercise's title as the widget shows it (not escaped)."""
    if kind == "evaluation":
        return ui_text(f"widgets.evaluation.title.{kwargs.get('form', 'chaud')}", locale)
    return ui_text(_TITLE_KEYS[kind], locale)


@dataclass(frozen=True)
class _SharedParts:
    """What every section of a kernel shows alike: its stylesheet, layouts and button style."""

    css: w.HTML
    section_layout: w.Layout
    toggle_layout: w.Layout
    toggle_style: w.ButtonStyle


@cache
def _shared_parts() -> _SharedParts:
    """One set per kernel, made with its first section.

    Every widget, layout and style is one model the server relays and each device builds when the
    page opens. The workbook's nine sections each had their own copy of these parts (6 models:
    the stylesheet's text block with its layout and style, two layouts, the button's style), 54
    of the page's 93 models; shared, they are 6 and the page 45 (the server's CPU per page
    ≈ 0.04 s less, docs/performance.md). One model can be shown in several places, and none of
    these is ever changed after it is made.
    """
    return _SharedParts(
        css=w.HTML(KIT_CSS),
        section_layout=w.Layout(width="100%", max_width="960px"),
        toggle_layout=w.Layout(width="auto", max_width="100%", min_height="44px", height="auto"),
        toggle_style=w.ButtonStyle(),
    )


class ExerciseSection(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type information
    """A folded exercise: a button naming it; the widget is built on first opening."""

    def __init__(
        self,
        kind: str,
        make: Callable[[], w.Widget],
        *,
        title: str,
        locale: Locale = "fr",
        opened: bool = False,
    ) -> None:
        shared = _shared_parts()
        super().__init__(layout=shared.section_layout)
        self.kind = kind
        self.locale: Locale = locale
        self._make = make
        self._title = title
        self.body: w.Widget | None = None
        self.opened = False
        self.toggle = w.Button(layout=shared.toggle_layout, style=shared.toggle_style)
        self.toggle.add_class("pk-section-toggle")
        self.toggle.on_click(lambda _button: self.set_opened(not self.opened))
        self.add_class("pk-kit")
        self.add_class("pk-section")
        self._css = shared.css
        self.set_opened(opened)

    def set_opened(self, opened: bool) -> None:
        """Open (building the widget the first time) or fold the exercise."""
        if opened and self.body is None:
            self.body = self._make()
        self.opened = opened
        key = "widgets.section.close" if opened else "widgets.section.open"
        self.toggle.description = ui_text(key, self.locale, title=self._title)
        self.toggle.tooltip = self.toggle.description
        self.children = [self._css, self.toggle, self.body] if opened else [self._css, self.toggle]
