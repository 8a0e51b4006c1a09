"""MilestoneTimeline: an age slider (0–72 months) and a domain filter over the milestones.

For the chosen age it lists the milestones expected by then (in the last 12 months) and those
still emerging, each with its source and convention, the warning signs that apply at that age,
and the points where references disagree, side by side.
"""

from __future__ import annotations

import html
from typing import Any, get_args

import ipywidgets as w

from parler_kit.content import ContentBank, Milestone
from parler_kit.content.model import Domain, Evidenced
from parler_kit.i18n import Locale, format_age_months
from parler_kit.widgets.base import KitWidget, StoreArg, heading_html, labelled_style

MAX_AGE = 72
#: Milestones shown as "expected by this age" are those due within this many months before it.
RECENT_WINDOW = 12
_DOMAINS: tuple[str, ...] = get_args(Domain)


class MilestoneTimeline(KitWidget):
    """Age slider + domain filter → milestones, warning signs and disagreements (stores nothing)."""

    def __init__(
        self,
        bank: ContentBank | None = None,
        *,
        age_months: int = 18,
        domain: str | None = None,
        store: StoreArg = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale, needs_store=False)
        # A labelled native number field, not a slider: ipywidgets' slider handle has no
        # accessible name (axe-core: serious), while this one is named, takes the arrow keys
        # and opens the numeric keypad on a phone.
        self.slider = w.BoundedIntText(
            value=max(0, min(MAX_AGE, age_months)), min=0, max=MAX_AGE, step=1,
            description=self.t("widgets.timeline.age"), continuous_update=True,
            style=labelled_style(), layout=w.Layout(width="auto", max_width="100%"),
        )  # fmt: skip
        options = [(self.t("widgets.timeline.all_domains"), "")] + [
            (self.t(f"charts.domain.{d}"), d) for d in _DOMAINS
        ]
        self.domain = w.Dropdown(
            options=options, value=domain or "", description=self.t("widgets.timeline.domain"),
            style=labelled_style(),
        )  # fmt: skip
        self.output = w.HTML()
        self.disagreements = w.HTML(self._disagreements_html())
        self.slider.observe(self._refresh, names="value")
        self.domain.observe(self._refresh, names="value")
        self.set_parts(
            [
                w.HTML(heading_html(self.h("widgets.timeline.title"))),
                self.slider,
                self.domain,
                self.output,
                self.disagreements,
                self.status,
            ]
        )
        self._refresh()

    @property
    def value(self) -> dict[str, Any]:
        """``{"age_months": int, "domain": str | None}``: what is being looked at."""
        return {"age_months": self.slider.value, "domain": self.domain.value or None}

    def _refresh(self, _change: object = None) -> None:
        age: int = self.slider.value
        domain: str = self.domain.value
        milestones = [m for m in self.bank.milestones if not domain or m.domain == domain]
        recent = sorted(
            (m for m in milestones if age - RECENT_WINDOW <= m.age.max <= age),
            key=lambda m: (-m.age.max, m.domain),
        )
        emerging = sorted(
            (m for m in milestones if m.age.min <= age < m.age.max), key=lambda m: m.age.max
        )
        signs = [s for s in self.bank.warning_signs if s.age.contains(age)]
        parts = [
            f"<p><strong>{self.h('widgets.timeline.at_age', age=format_age_months(age, self.locale))}</strong></p>",
            heading_html(self.h("widgets.timeline.expected", count=len(recent)), 4),
            self._milestone_list(recent),
            heading_html(self.h("widgets.timeline.emerging", count=len(emerging)), 4),
            self._milestone_list(emerging),
            heading_html(self.h("widgets.timeline.warning_signs", count=len(signs)), 4),
        ]
        if signs:
            parts.append("<ul>")
            for sign in signs:
                parts.append(
                    f"<li><span aria-hidden='true'>⚑</span> {self.kit(sign.text)}"
                    f"<small>{self._unverified(sign)}</small>"
                    f"<br><em>{self.h('widgets.timeline.what_to_do')}</em> {self.kit(sign.action)}"
                    f"{self._sources(sign.sources)}</li>"
                )
            parts.append("</ul>")
        else:
            parts.append(f"<p>{self.h('widgets.timeline.none')}</p>")
        parts.append(f"<p><em>{self.h('widgets.timeline.not_diagnosis')}</em></p>")
        self.output.value = "".join(parts)

    def _milestone_list(self, milestones: list[Milestone]) -> str:
        if not milestones:
            return f"<p>{self.h('widgets.timeline.none')}</p>"
        items = []
        for m in milestones:
            age = m.age
            span = (
                format_age_months(age.min, self.locale)
                if age.min == age.max
                else self.t("widgets.timeline.range", low=age.min, high=age.max)
            )
            items.append(
                f"<li>{self.kit(m.text)} <small>({html.escape(span)} · "
                f"{self.h(f'charts.domain.{m.domain}')} · "
                f"{self.h('widgets.timeline.convention')} {self.h(f'charts.convention.{m.convention}')}"
                f"{self._unverified(m)})"
                f"{self._sources(m.sources)}</small></li>"
            )
        return "<ul>" + "".join(items) + "</ul>"

    def _unverified(self, record: Evidenced) -> str:
        """« · non vérifié » after a claim whose figures were not found in its source's words."""
        return "" if record.verified else f" · <strong>{self.h('charts.unverified')}</strong>"

    def _sources(self, source_ids: tuple[str, ...]) -> str:
        if not source_ids:
            return ""
        return f"<br><small>{self.h('widgets.source')} {self.citations(source_ids)}</small>"

    def _disagreements_html(self) -> str:
        if not self.bank.disagreements:
            return ""
        parts = [heading_html(self.h("widgets.timeline.disagreements"), 4)]
        for item in self.bank.disagreements:
            columns = "".join(
                "<div style='flex:1 1 14em; border:1px solid #777; padding:6px; margin:2px'>"
                f"<strong>{self.kit(p.label)}</strong><br>{self.kit(p.claim)}"
                f"<small>{self._unverified(p)}</small>{self._sources(p.sources)}</div>"
                for p in item.positions
            )
            parts.append(
                f"<details><summary>{self.kit(item.topic)}</summary>"
                f"<div style='display:flex; flex-wrap:wrap'>{columns}</div>"
                f"<p><strong>{self.h('widgets.timeline.takeaway')}</strong> {self.kit(item.takeaway)}</p>"
                "</details>"
            )
        return "".join(parts)
