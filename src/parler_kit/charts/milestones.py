"""The milestone timeline: one row per domain, one marker per milestone, by age in months."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from parler_kit.charts.base import COLOURS, MARKERS, SMALL_FONT_PT, new_figure
from parler_kit.content import ContentBank
from parler_kit.content.model import Convention, Domain
from parler_kit.i18n import Locale, format_age_months, ui_text

#: Age axis of the timeline, in months (the course covers 0–6 years).
TIMELINE_MAX_MONTHS = 72
_DOMAINS: tuple[str, ...] = get_args(Domain)
_CONVENTIONS: tuple[str, ...] = get_args(Convention)
#: Conventions in the order the chart's legend lists them (the printed table uses the same).
CONVENTIONS = _CONVENTIONS
_WARNING_ROW = "warning_signs"


def milestone_timeline_figure(
    bank: ContentBank,
    age_months: int | None = None,
    domains: Iterable[str] | None = None,
    *,
    locale: Locale = "fr",
) -> Figure:
    """Milestones by domain (rows) and age (x axis), the marker shape telling the convention.

    The convention matters as much as the age (« 75 % of children » is not « the usual age »), so
    each convention has its own marker, named in the legend. With `age_months`, a vertical line
    marks that age; milestones expected by then are filled, later ones hollow. Warning signs get a
    row of their own (✕ markers). `domains` keeps only those rows, in the kit's domain order.
    """
    wanted = set(domains) if domains is not None else None
    milestones = [m for m in bank.milestones if wanted is None or m.domain in wanted]
    rows = [d for d in _DOMAINS if any(m.domain == d for m in milestones)]
    signs = [s for s in bank.warning_signs if s.age.min <= TIMELINE_MAX_MONTHS]
    if signs:
        rows.append(_WARNING_ROW)
    figure = new_figure(height=1.2 + 0.45 * max(len(rows), 1))
    axes = figure.add_subplot()
    y_of = {row: len(rows) - 1 - i for i, row in enumerate(rows)}

    for milestone in milestones:
        style = _CONVENTIONS.index(milestone.convention)
        reached = age_months is None or milestone.age.max <= age_months
        colour = COLOURS[style % len(COLOURS)]
        y = y_of[milestone.domain]
        if milestone.age.max > milestone.age.min:
            axes.plot([milestone.age.min, milestone.age.max], [y, y], color=colour, linewidth=3)
        axes.plot(
            [milestone.age.min], [y], linestyle="none", marker=MARKERS[style], markersize=9,
            color=colour, markeredgecolor="black",
            markerfacecolor=colour if reached else "white",
        )  # fmt: skip
    for sign in signs:
        axes.plot(
            [sign.age.min], [y_of[_WARNING_ROW]], linestyle="none", marker="X", markersize=10,
            color="black",
        )  # fmt: skip
    if age_months is not None:
        axes.axvline(age_months, color="black", linestyle="--", linewidth=1.2)
        axes.annotate(
            ui_text("charts.milestones.now", locale, age=format_age_months(age_months, locale)),
            (age_months, len(rows) - 0.5), textcoords="offset points", xytext=(4, 0),
            fontsize=SMALL_FONT_PT, va="top",
        )  # fmt: skip

    axes.set_yticks([y_of[r] for r in rows], [ui_text(f"charts.domain.{r}", locale) for r in rows])
    axes.set_ylim(-0.7, len(rows) - 0.3)
    axes.set_xlim(-1, TIMELINE_MAX_MONTHS + 1)  # room for a marker at 0 or 72
    axes.set_xticks(range(0, TIMELINE_MAX_MONTHS + 1, 6))
    axes.set_xlabel(ui_text("charts.axis.age_months", locale))
    axes.set_title(ui_text("charts.milestones.title", locale))
    axes.grid(True, axis="x", linestyle=":", linewidth=0.6, color="#999999")
    used = sorted({_CONVENTIONS.index(m.convention) for m in milestones})
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=MARKERS[i],
            markersize=8,
            color=COLOURS[i],
            markeredgecolor="black",
            label=ui_text(f"charts.convention.{_CONVENTIONS[i]}", locale),
        )
        for i in used
    ]
    if any(m.age.max > m.age.min for m in milestones):
        handles.append(
            Line2D(
                [],
                [],
                color="#555555",
                linewidth=3,
                label=ui_text("charts.milestones.range", locale),
            )
        )
    if signs:
        handles.append(
            Line2D(
                [], [], linestyle="none", marker="X", markersize=9, color="black",
                label=ui_text("charts.milestones.sign", locale),
            )
        )  # fmt: skip
    if handles:
        figure.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=SMALL_FONT_PT)
    return figure
