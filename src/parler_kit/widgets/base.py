"""What every widget shares: store and bank resolution, the status line, feedback blocks.

Widgets are composite ipywidgets (`KitWidget` is a `VBox`) built from content records and an
`AnswerStore`. Expected problems (bad input, an unreadable answers file) are shown in the widget's
status line in French — never raised into the notebook as a traceback; bugs still raise.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as w

# Style classes are not exported at ipywidgets' top level.
from ipywidgets.widgets.widget_button import ButtonStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from parler_kit.answers import DAY_ANSWERS, AnswerStore, StoredAnswer
from parler_kit.content import AVOID, ContentBank, Text, load_bank
from parler_kit.errors import AnswerStoreError, ParlerKitError
from parler_kit.i18n import Locale, ui_text

#: The answers file used when a widget is given no store: ``carnet.answers.json`` in the cwd.
DEFAULT_ANSWERS_NAME = DAY_ANSWERS

# Okabe–Ito colours (colour-blind safe) on white; every state also has an icon and a word.
_GOOD = "#0072B2"  # blue
_BAD = "#D55E00"  # vermillion
_INFO = "#555555"
# Page-wide rules for the kit's widgets (an HTML widget's <style> applies to the whole page):
# a thick focus ring for keyboard users on a projector, and a tick + outline on the selected
# button of a button group, so the choice does not rest on a grey shade alone. Any device
# (phone 390 px wide to laptop): text at least 16 px, touch targets at least 44 px high, labels
# and buttons wrap instead of being cut, description and control stack on narrow screens, and
# nothing is wider than the page (no horizontal scrolling).
KIT_CSS = """<style>
:root { --jp-content-font-size1: 16px; --jp-ui-font-size1: 16px; --jp-code-font-size: 16px; }
.pk-kit { --jp-widgets-font-size: 16px; --jp-widgets-inline-height: 44px;
  --jp-widgets-inline-width: 100%; font-size: 16px; line-height: 1.45;
  max-width: 100%; box-sizing: border-box; overflow-wrap: anywhere; }
.pk-kit :focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
.pk-choice .mod-active { font-weight: bold; outline: 3px solid #000000; outline-offset: -3px; }
.pk-choice .mod-active::before { content: "✓ "; }
.pk-kit .widget-label, .pk-kit .widget-label-basic, .pk-kit .widget-label-basic span,
.pk-kit .jupyter-button, .pk-kit .widget-readout { white-space: normal; overflow: visible;
  text-overflow: clip; height: auto; min-height: 44px; line-height: 1.3; }
.pk-kit .jupyter-button { min-width: 44px; max-width: 100%; padding: 6px 12px; }
.pk-kit .widget-inline-hbox, .pk-kit .widget-toggle-buttons, .pk-kit .widget-hbox {
  flex-wrap: wrap; height: auto; max-width: 100%; }
.pk-kit input, .pk-kit textarea, .pk-kit select { font-size: 16px; min-height: 44px;
  max-width: 100%; box-sizing: border-box; }
.pk-kit textarea { min-height: 5em; }
.pk-kit input[type=checkbox], .pk-kit input[type=radio] { min-height: 0; width: 22px;
  height: 22px; margin: 0 8px 0 2px; }
.pk-kit .widget-checkbox, .pk-kit .widget-radio-box label { min-height: 44px; height: auto;
  display: flex; align-items: center; }
.pk-kit .widget-radio-box { height: auto; }
.pk-kit .widget-slider { min-height: 44px; }
.pk-kit small { font-size: 16px; color: #333333; }
.pk-kit .widget-html-content, .pk-kit .widget-label { line-height: 1.45; }
.pk-kit img { max-width: 100%; height: auto; }
.pk-kit table { display: block; max-width: 100%; overflow-x: auto; }
@media (max-width: 600px) {
  .pk-kit .widget-inline-hbox { flex-direction: column; align-items: stretch; }
  .pk-kit .widget-inline-hbox > .widget-label { width: auto !important; max-width: 100%; }
  .pk-kit .widget-inline-hbox > * { max-width: 100%; }
  .pk-kit .widget-gridbox { grid-template-columns: minmax(0, 1fr) !important; }
}
</style>"""
_STYLE = "border-left:6px {line} {colour}; padding:6px 10px; margin:4px 0; background:#ffffff; color:#111111; font-size:1em; line-height:1.4"

StoreArg = AnswerStore | Path | str | None
_R = TypeVar("_R")


def open_store(store: StoreArg) -> tuple[AnswerStore | None, str | None]:
    """The store to use and, when the file had to be set aside or cannot be used, why (French).

    A corrupt file is moved aside by `AnswerStore.open` (which raises); the widget then starts a
    fresh file and shows the message naming the file kept aside, so nothing is lost silently.
    """
    if isinstance(store, AnswerStore):
        return store, None
    path = Path(store) if store is not None else Path.cwd() / DEFAULT_ANSWERS_NAME
    try:
        return AnswerStore.open(path), None
    except AnswerStoreError as first:
        try:
            return AnswerStore.open(path), str(first)
        except AnswerStoreError as second:
            return None, f"{first}\n{second}"


def plain_text(text: Text | None, locale: Locale = "fr") -> str:
    """A content text in `locale` (French when not translated), French-typeset, not escaped."""
    return text.localised(locale) if text is not None else ""


def text_html(text: Text | None, locale: Locale = "fr") -> str:
    """A content text in `locale`, French-typeset and HTML-escaped."""
    return html.escape(plain_text(text, locale))


def message_html(kind: str, body: str, locale: Locale = "fr") -> str:
    """A status block: ``kind`` is ok, problem or info; icon + word + text, not colour alone."""
    icon, word, colour, line = {
        "ok": ("✓", ui_text("widgets.status.ok", locale), _GOOD, "solid"),
        "problem": ("⚠", ui_text("widgets.status.problem", locale), _BAD, "double"),
        "info": ("ℹ", ui_text("widgets.status.info", locale), _INFO, "solid"),
    }[kind]
    role = "alert" if kind == "problem" else "status"
    text = html.escape(body).replace("\n", "<br>")
    return (
        f'<div role="{role}" aria-live="polite" style="{_STYLE.format(line=line, colour=colour)}">'
        f'<span aria-hidden="true" style="color:{colour}; font-weight:bold">{icon}</span> '
        f"<strong>{html.escape(word)}</strong> {text}</div>"
    )


def verdict_html(correct: bool, body_html: str, locale: Locale = "fr") -> str:
    """Feedback after an answer: ✓ « Juste » (blue, solid) or ✗ « Pas tout à fait » (vermillion, dashed)."""
    icon, key, colour, line = (
        ("✓", "widgets.verdict.right", _GOOD, "solid")
        if correct
        else ("✗", "widgets.verdict.wrong", _BAD, "dashed")
    )
    return (
        f'<div role="status" style="{_STYLE.format(line=line, colour=colour)}">'
        f'<span aria-hidden="true" style="color:{colour}; font-weight:bold; font-size:1.2em">{icon}</span> '
        f"<strong>{html.escape(ui_text(key, locale))}</strong><br>{body_html}</div>"
    )


def figure_html(figure: Any, alt: str) -> str:
    """A matplotlib figure as an ``<img>`` with a text alternative (PNG, no external file)."""
    from parler_kit.charts import (
        figure_to_png,
    )  # matplotlib (0.3 s): imported when first needed, not at kernel start

    data = base64.b64encode(figure_to_png(figure, dpi=100)).decode("ascii")
    return (
        f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}" '
        'style="max-width:100%; height:auto">'
    )


def heading_html(text: str, level: int = 3) -> str:
    """A heading (already-escaped text): screen readers use headings to move through a page."""
    return f"<h{level} style='margin:0.6em 0 0.2em'>{text}</h{level}>"


def labelled_style() -> dict[str, str]:
    """Style that shows a control's whole description (no truncated labels)."""
    return {"description_width": "initial"}


class KitWidget(w.VBox):  # type: ignore[misc]  # ipywidgets ships no type information
    """Base of the kit's widgets: a VBox with a bank, a locale, a store and a status line."""

    def __init__(
        self,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
        needs_store: bool = True,
    ) -> None:
        super().__init__(layout=w.Layout(width="100%", max_width="960px"))
        self.locale: Locale = locale
        self.bank = bank if bank is not None else load_bank()
        # Every widget, its layout and its style is one model the browser fetches and builds at
        # page load: the text blocks of a widget share one layout and one style (`text_html`).
        self._text_layout = w.Layout()
        self._text_style = HTMLStyle()
        self.status = self.text_html()
        self._css = self.text_html(KIT_CSS)
        self.add_class("pk-kit")
        self.store: AnswerStore | None = None
        if needs_store:
            self.store, problem = open_store(store)
            if problem:
                self.show_problem(problem)

    def text_html(self, value: str = "") -> w.HTML:
        """A block of HTML text sharing this widget's text layout and style (never change them)."""
        return w.HTML(value, layout=self._text_layout, style=self._text_style)

    def set_parts(self, parts: Sequence[Any]) -> None:
        """Set the widget's children (the kit's stylesheet comes first, invisibly)."""
        self.children = [self._css, *parts]

    # -- text and status --------------------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        """A UI string in the widget's locale (not escaped)."""
        return ui_text(key, self.locale, **params)

    def h(self, key: str, **params: object) -> str:
        """A UI string in the widget's locale, HTML-escaped."""
        return html.escape(ui_text(key, self.locale, **params))

    def plain(self, text: Text | None) -> str:
        """A content text in the widget's locale, not escaped (for messages escaped later)."""
        return plain_text(text, self.locale)

    def technique_options(self) -> list[tuple[str, str]]:
        """(label, id) of every technique of the bank, then « À éviter »: the choices of a key."""
        options = [(self.plain(t.name), t.id) for t in self.bank.techniques]
        options.append((self.t("widgets.techniques.avoid"), AVOID))
        return options

    def kit(self, text: Text | None) -> str:
        """A content text, HTML-escaped, in the widget's locale."""
        return text_html(text, self.locale)

    def technique_name(self, technique_id: str) -> str:
        """A technique's name (or « À éviter »), HTML-escaped; the id when unknown."""
        if technique_id == AVOID:
            return self.h("widgets.techniques.avoid")
        try:
            return self.kit(self.bank.technique(technique_id).name)
        except KeyError:
            return html.escape(technique_id)

    def citations(self, source_ids: Sequence[str]) -> str:
        """The citations of some sources, joined and HTML-escaped (the id when unknown)."""
        names = []
        for source_id in source_ids:
            try:
                names.append(self.bank.source(source_id).citation)
            except KeyError:
                names.append(source_id)
        return html.escape(" ; ".join(names))

    def show_problem(self, message: str) -> None:
        """Show a French problem message in the status line."""
        self.status.value = message_html("problem", message, self.locale)

    def show_ok(self, message: str) -> None:
        """Show a confirmation in the status line."""
        self.status.value = message_html("ok", message, self.locale)

    def clear_status(self) -> None:
        """Empty the status line."""
        self.status.value = ""

    # -- store access that never raises into the notebook ---------------------------------------

    def guarded(self, action: Callable[[], _R]) -> _R | None:
        """Run `action`; a ParlerKitError (bad input, unreadable file) is shown, not raised."""
        try:
            return action()
        except ParlerKitError as error:
            self.show_problem(str(error))
            return None

    def save(
        self, key: str, value: Any, *, score: float | None = None, max_score: float | None = None
    ) -> StoredAnswer | None:
        """Write one answer at once; on failure show why and return None (the file is unchanged)."""
        store = self.store
        if store is None:
            self.show_problem(self.t("widgets.status.no_store"))
            return None
        return self.guarded(lambda: store.set(key, value, score=score, max_score=max_score))

    def load(self, key: str) -> StoredAnswer | None:
        """The stored answer for `key`, or None (a problem reading the file is shown)."""
        store = self.store
        if store is None:
            return None
        return self.guarded(lambda: store.get(key))

    def stored_values(self, keys: Sequence[str], kind: type | None = None) -> dict[str, Any]:
        """The stored value of each key that has one (of type `kind` when given), by key."""
        values: dict[str, Any] = {}
        for key in keys:
            stored = self.load(key)
            if stored is not None and (kind is None or isinstance(stored.value, kind)):
                values[key] = stored.value
        return values

    def erase(self, key: str) -> bool:
        """Delete one stored answer; False (with the reason shown) when it could not be done."""
        store = self.store
        if store is None:
            self.show_problem(self.t("widgets.status.no_store"))
            return False

        def delete() -> bool:
            store.delete(key)
            return True

        return self.guarded(delete) is True


def button(
    description: str,
    *,
    primary: bool = False,
    tooltip: str = "",
    layout: w.Layout | None = None,
    style: ButtonStyle | None = None,
) -> w.Button:
    """A button with a visible text label (never an icon alone).

    `layout` and `style` may be shared by many buttons that never change them (fewer widget
    models for the page to load); by default the button gets its own.
    """
    return w.Button(
        description=description,
        button_style="primary" if primary else "",
        tooltip=tooltip or description,
        layout=layout or w.Layout(width="auto", min_width="10em"),
        **({"style": style} if style is not None else {}),
    )
