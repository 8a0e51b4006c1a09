"""VocabularyChart: the French vocabulary norms (France, Québec) and an anonymous count to place.

The chart comes from `parler_kit.charts.vocabulary_norms_figure`; a table gives the same numbers
(p10, median, p90 and n per age band) for screen readers and exact reading. A placed count is
described against the spread of the sample — never as a verdict.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from parler_kit.answers.validation import check_age_months, check_word_count
from parler_kit.content import ContentBank, VocabularyNorm
from parler_kit.i18n import Locale
from parler_kit.i18n import format_number as _num
from parler_kit.widgets.base import (
    KitWidget,
    StoreArg,
    button,
    figure_html,
    heading_html,
    labelled_style,
    message_html,
)

KEY = "vocabulary:placements"


class VocabularyChart(KitWidget):
    """Norms chart + table; places anonymous counts, stored under ``vocabulary:placements``."""

    def __init__(
        self,
        bank: ContentBank | None = None,
        *,
        store: StoreArg = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        self.norms = sorted(self.bank.vocabulary_norms, key=lambda n: (n.population, n.age.min))
        self.max_words = max((n.n_items for n in self.norms), default=1000)
        self.age = w.IntText(
            value=24, description=self.t("widgets.vocabulary.age"), style=labelled_style()
        )
        self.words = w.IntText(
            value=0, description=self.t("widgets.vocabulary.words"), style=labelled_style()
        )
        self.place_button = button(self.t("widgets.vocabulary.place"), primary=True)
        self.clear_button = button(self.t("widgets.vocabulary.clear"))
        self.place_button.on_click(lambda _b: self.place(self.age.value, self.words.value))
        self.clear_button.on_click(lambda _b: self.clear())
        self.chart = w.HTML()
        self.reading = w.HTML()
        caveats = sorted({self.kit(n.caveat) for n in self.norms})
        self.set_parts(
            [
                w.HTML(heading_html(self.h("widgets.vocabulary.title"))),
                w.HTML(message_html("info", self.t("widgets.vocabulary.never_diagnosis"), locale)),
                self.chart,
                w.HTML(self._table_html()),
                w.HTML(
                    f"<p>{self.h('widgets.vocabulary.spread')}</p>"
                    f"<p>{self.h('widgets.vocabulary.bilingual')}</p>"
                    + "".join(f"<p><small>{c}</small></p>" for c in caveats)
                ),
                w.HTML(f"<p>{self.h('widgets.vocabulary.place_help')}</p>"),
                w.HBox([self.age, self.words]),
                w.HBox([self.place_button, self.clear_button]),
                self.reading,
                self.status,
            ]
        )
        self._render()

    @property
    def value(self) -> list[dict[str, int]]:
        """The counts placed so far: ``[{"age_months": 24, "words": 80}, ...]``."""
        stored = self.load(KEY)
        return list(stored.value) if stored and isinstance(stored.value, list) else []

    def place(self, age_months: object, words: object) -> bool:
        """Place an anonymous count; a bad age or count is explained and nothing is stored."""
        checked = self.guarded(
            lambda: (
                check_age_months(age_months, self.locale),
                check_word_count(words, self.max_words, self.locale),
            )
        )
        if checked is None:
            return False
        age, count = checked
        placements = [*self.value, {"age_months": age, "words": count}]
        if self.save(KEY, placements) is None:
            return False
        self.show_ok(self.t("widgets.vocabulary.placed", words=count, age=age))
        self._render()
        return True

    def clear(self) -> None:
        """Forget every placed count."""
        if self.erase(KEY):
            self.show_ok(self.t("widgets.vocabulary.cleared"))
            self._render()

    def _render(self) -> None:
        placements = self.value
        last = placements[-1] if placements else None
        placed = (float(last["age_months"]), float(last["words"])) if last else None
        from parler_kit.charts import (
            vocabulary_norms_figure,
        )  # matplotlib (0.3 s): imported when first needed, not at kernel start

        figure = vocabulary_norms_figure(self.bank, placed=placed, locale=self.locale)
        self.chart.value = figure_html(figure, self.t("widgets.vocabulary.alt"))
        self.reading.value = self._reading_html(last) if last else ""

    def _reading_html(self, placement: dict[str, Any]) -> str:
        age, words = placement["age_months"], placement["words"]
        lines = []
        for norm in self.norms:
            if not norm.age.contains(age):
                continue
            position = "below" if words < norm.p10 else "above" if words > norm.p90 else "within"
            text = self.h(
                f"widgets.vocabulary.position.{position}",
                population=self.t(f"charts.population.{norm.population}"),
                words=words,
                age=age,
                p10=_num(norm.p10),
                median=_num(norm.median),
                p90=_num(norm.p90),
                n=norm.n,
            )
            lines.append(f"<li>{text}</li>")
        if not lines:
            return f"<p>{self.h('widgets.vocabulary.no_band', age=age)}</p>"
        return f"<ul>{''.join(lines)}</ul><p><em>{self.h('widgets.vocabulary.never_diagnosis')}</em></p>"

    def _table_html(self) -> str:
        header = "".join(
            f"<th scope='col' style='border:1px solid #777; padding:2px 6px'>{self.h(k)}</th>"
            for k in (
                "widgets.vocabulary.col.population", "widgets.vocabulary.col.age",
                "widgets.vocabulary.col.n", "widgets.vocabulary.col.p10",
                "widgets.vocabulary.col.median", "widgets.vocabulary.col.p90",
            )
        )  # fmt: skip
        rows = "".join(self._row(n) for n in self.norms)
        return (
            f"<details><summary>{self.h('widgets.vocabulary.table')}</summary>"
            f"<table style='border-collapse:collapse'><tr>{header}</tr>{rows}</table></details>"
        )

    def _row(self, norm: VocabularyNorm) -> str:
        cells = [
            self.t(f"charts.population.{norm.population}"),
            self.t("widgets.timeline.range", low=norm.age.min, high=norm.age.max),
            str(norm.n), _num(norm.p10), _num(norm.median), _num(norm.p90),
        ]  # fmt: skip
        return (
            "<tr>"
            + "".join(
                f"<td style='border:1px solid #777; padding:2px 6px'>{html.escape(c)}</td>"
                for c in cells
            )
            + "</tr>"
        )
