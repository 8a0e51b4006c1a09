"""The network bilan's charts: one per figure, bars only over what may be shown (no small count)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from parler_kit.charts import new_figure
from parler_kit.charts.base import COLOURS, HATCHES, SMALL_FONT_PT
from parler_kit.i18n import format_number


def bars_figure(
    values: Mapping[str, float], *, title: str, axis: str, percent: bool = False
) -> Figure:
    """Horizontal bars, one per label, each labelled with its value (« 12 », « 87 % »)."""
    labels = list(values)
    lines = sum(len(textwrap.wrap(label, 38)) or 1 for label in labels)
    figure = new_figure(height=1.4 + 0.2 * max(lines, 1) + 0.14 * len(labels))
    axes = figure.add_subplot()
    rows = list(range(len(labels)))[::-1]
    numbers = [float(values[label]) for label in labels]
    bars = axes.barh(rows, numbers, color=COLOURS[0], edgecolor="black", hatch=HATCHES[0])
    texts = [f"{v:.0f} %" if percent else format_number(v) for v in numbers]
    axes.bar_label(bars, labels=texts, padding=3, fontsize=SMALL_FONT_PT)
    axes.set_yticks(rows, [textwrap.fill(label, 38) for label in labels])
    top = 100.0 if percent else max(numbers, default=1.0) or 1.0
    axes.set_xlim(0, top * 1.15)
    if not percent:  # counts and hours: whole-number ticks only
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(axis)
    axes.set_title(textwrap.fill(title, 64))
    axes.grid(True, axis="x", linestyle=":", linewidth=0.6, color="#999999")
    return figure
