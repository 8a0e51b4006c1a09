"""HTML fragments of the live view (French, escaped): the home counts and each view's sections.

The fragments are what the page shows and what the stream pushes; they hold counts, content
texts and the participants' free texts, never a participant's name or id. In projection mode a
free text appears only once the trainer has chosen to show it; in moderation mode (the trainer's
own screen) every text is listed with a button to show or hide it on the projection.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from parler_kit.answers.distribution import SCALE, Distribution
from parler_kit.content import AVOID, ClassificationItem, ContentBank, ReformulationItem, Text
from parler_kit.i18n import french_typography, ui_text
from parler_kit.live.aggregate import (
    Card,
    EvaluationSpread,
    KeyedSpread,
    QuestionBars,
    Section,
    TextCards,
)
from parler_kit.live.views import View


@dataclass(frozen=True)
class Display:
    """How the trainer set a view: answer revealed, cards shown, moderation screen or not."""

    revealed: bool = False
    shown: frozenset[str] = frozenset()
    moderation: bool = False


@dataclass(frozen=True)
class Bar:
    """One bar: its label (escaped HTML), count, and whether it is (part of) the right answer."""

    label: str
    count: int
    right: bool = False


def h(key: str, **params: object) -> str:
    """A French UI string, HTML-escaped."""
    return html.escape(ui_text(key, "fr", **params))


def text_html(text: Text) -> str:
    """A content text in French, typeset and escaped."""
    return html.escape(text.localised())


def quoted(text: Text) -> str:
    """A content text between « », unless it already opens with them."""
    inner = text_html(text)
    return inner if inner.startswith("«") else html.escape(french_typography(f"« {text.fr} »"))


def bars_html(bars: Sequence[Bar], n: int, revealed: bool) -> str:
    """A horizontal bar chart in HTML: one row per option, width proportional to its count."""
    rows = []
    for bar in bars:
        width = round(100 * bar.count / n) if n else 0
        right = revealed and bar.right
        mark = f' <span class="key-mark">{h("live.key.mark")}</span>' if right else ""
        rows.append(
            f'<li class="bar{" right" if right else ""}">'
            f'<span class="bar-label">{bar.label}{mark}</span>'
            f'<span class="bar-track"><span class="bar-fill" style="width:{width}%"></span></span>'
            f'<span class="bar-count">{bar.count}</span></li>'
        )
    return f'<ul class="bars">{"".join(rows)}</ul>'


def _n(n: int) -> str:
    return f'<p class="n">{h("live.n", n=n)}</p>'


def _quiz(section: QuestionBars, number: int, display: Display) -> str:
    question = section.question
    letters = "abcdefghijklmnopqrstuvwxyz"

    def chart(spread: Distribution) -> str:
        bars = [
            Bar(
                f"{letters[i]}) {text_html(c.text)}",
                spread.counts.get(c.id, 0),
                c.id in question.correct,
            )
            for i, c in enumerate(question.choices)
        ]
        return _n(spread.n) + bars_html(bars, spread.n, display.revealed)

    if section.end is None:
        body = chart(section.entry)
    else:
        body = (
            f'<div class="side-by-side"><div><h3>{h("live.positioning.entry")}</h3>'
            f"{chart(section.entry)}</div><div><h3>{h('live.positioning.end')}</h3>"
            f"{chart(section.end)}</div></div>"
        )
    explanation = (
        f'<p class="explanation">{text_html(question.explanation)}</p>' if display.revealed else ""
    )
    return (
        f'<section class="question"><h2>{number}. {text_html(question.question)}</h2>'
        f"{body}{explanation}</section>"
    )


def technique_label(bank: ContentBank, technique_id: str) -> str:
    """A technique's French name (or « À éviter »), escaped; the id when unknown."""
    if technique_id == AVOID:
        return h("live.technique.avoid")
    try:
        return text_html(bank.technique(technique_id).name)
    except KeyError:
        return html.escape(technique_id)


def _keyed(bank: ContentBank, section: KeyedSpread, number: int, display: Display) -> str:
    item = section.item
    if isinstance(item, ClassificationItem):
        title = f"{text_html(item.context)} — {quoted(item.utterance)}"
    else:
        assert section.turn is not None
        turn = item.turns[section.turn]
        title = h("live.dialogue.turn", title=item.title.fr, turn=section.turn + 1)
        title += f" {quoted(turn.text)}"
    order = [tech.id for tech in bank.techniques] + [AVOID]
    ids = [i for i in order if section.spread.counts.get(i) or i in section.key]
    bars = [
        Bar(technique_label(bank, i), section.spread.counts.get(i, 0), i in section.key)
        for i in ids
    ]
    right = (
        f'<p class="right-count">{h("live.right", right=section.right, n=section.spread.n)}</p>'
        if display.revealed
        else ""
    )
    return (
        f'<section class="question"><h2>{number}. {title}</h2>{_n(section.spread.n)}'
        f"{bars_html(bars, section.spread.n, display.revealed)}{right}</section>"
    )


def cards_html(cards: Sequence[Card], display: Display) -> str:
    """The free texts: in projection only those shown; in moderation all, each with its button."""
    shown = [c for c in cards if c.card_id in display.shown]
    summary = f'<p class="n">{h("live.cards.count", total=len(cards), shown=len(shown))}</p>'
    items = []
    for card in cards if display.moderation else shown:
        on = card.card_id in display.shown
        button = (
            f'<button type="button" class="card-toggle" id="b-{card.card_id}" '
            f'data-card="{card.card_id}" aria-pressed="{"true" if on else "false"}">'
            f"{h('live.cards.hide' if on else 'live.cards.show')}</button>"
            if display.moderation
            else ""
        )
        items.append(
            f'<li class="card{" on" if on else ""}"><p class="card-text">'
            f"{html.escape(card.text)}</p>{button}</li>"
        )
    return f'{summary}<ul class="cards">{"".join(items)}</ul>'


def _texts(section: TextCards, number: int, display: Display) -> str:
    record = section.record
    if isinstance(record, ReformulationItem):
        title = f"{text_html(record.context)} — {quoted(record.child_utterance)}"
    else:
        title = text_html(record.label)
    return (
        f'<section class="question"><h2>{number}. {title}</h2>'
        f"{cards_html(section.cards, display)}</section>"
    )


def _evaluation(section: EvaluationSpread, number: int, display: Display) -> str:
    question = section.question
    head = f'<section class="question"><h2>{number}. {text_html(question.text)}</h2>'
    if question.kind == "text":
        return f"{head}{cards_html(section.cards, display)}</section>"
    if question.kind == "scale":
        bars = [Bar(h(f"live.scale.{v}"), section.spread.counts.get(v, 0)) for v in SCALE]
    else:
        bars = [
            Bar(text_html(c.text), section.spread.counts.get(c.id, 0)) for c in question.choices
        ]
    return f"{head}{_n(section.spread.n)}{bars_html(bars, section.spread.n, False)}</section>"


def view_html(bank: ContentBank, sections: Sequence[Section], display: Display) -> str:
    """The body of one view: every section, numbered."""
    parts = []
    for number, section in enumerate(sections, start=1):
        if isinstance(section, QuestionBars):
            parts.append(_quiz(section, number, display))
        elif isinstance(section, KeyedSpread):
            parts.append(_keyed(bank, section, number, display))
        elif isinstance(section, TextCards):
            parts.append(_texts(section, number, display))
        else:
            parts.append(_evaluation(section, number, display))
    return "".join(parts) or f"<p>{h('live.empty')}</p>"


@dataclass(frozen=True)
class HomeCounts:
    """What the home page counts: participants, who answered, skipped files, views answered."""

    participants: int
    started: int
    skipped: int
    views: Sequence[tuple[View, int]]


def home_html(counts: HomeCounts, base: str) -> str:
    """The home page body: how many joined, then the views of the released days with counts."""
    parts = [
        f'<p class="big">{h("live.home.started", started=counts.started, total=counts.participants)}</p>'
    ]
    if counts.skipped:
        parts.append(f'<p class="warning">{h("live.home.skipped", count=counts.skipped)}</p>')
    days: dict[int, list[str]] = {}
    for view, answered in counts.views:
        days.setdefault(view.day, []).append(
            f'<li><a href="{base}vue/{view.slug}">{h(view.title_key)}</a> '
            f'<span class="count">{h("live.home.answered", count=answered)}</span></li>'
        )
    for day, links in sorted(days.items()):
        parts.append(
            f'<h2>{h("live.home.day", day=day)}</h2><ul class="views">{"".join(links)}</ul>'
        )
    if not days:
        parts.append(f"<p>{h('live.home.no_day')}</p>")
    return "".join(parts)
