"""The French vocabulary norms chart: p10 / median / p90 of words produced, by age and population."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from parler_kit.charts.base import (
    COLOURS,
    HATCHES,
    LINE_STYLES,
    MARKERS,
    MIN_FONT_PT,
    SMALL_FONT_PT,
    new_figure,
)
from parler_kit.content import ContentBank, VocabularyNorm
from parler_kit.i18n import Locale, format_number, ui_text


def vocabulary_norms_figure(
    bank: ContentBank,
    populations: Sequence[str] = ("france", "quebec"),
    placed: tuple[float, float] | None = None,
    *,
    locale: Locale = "fr",
) -> Figure:
    """Median line and p10–p90 band of words produced, by age, one series per population.

    Each age point is placed at the middle of its age band and labelled with its sample size
    (« n=48 ») so a reader sees how few children some bands rest on. `placed` is an optional
    anonymous count, ``(age in months, words)``, drawn as a black star: it is shown against the
    spread, never turned into a verdict.
    """
    figure = new_figure(height=4.0)
    axes = figure.add_subplot()
    for index, population in enumerate(populations):
        norms = sorted(
            (n for n in bank.vocabulary_norms if n.population == population),
            key=lambda n: n.age.min,
        )
        if norms:
            _draw_population(axes, norms, index, locale)
    if placed is not None:
        age, words = placed
        axes.plot(
            [age], [words], linestyle="none", marker="*", markersize=16, color="black",
            markeredgecolor="white", zorder=5,
            label=ui_text("charts.vocabulary.placed", locale, age=format_number(age), words=format_number(words)),
        )  # fmt: skip
    axes.set_title(ui_text("charts.vocabulary.title", locale))
    axes.set_xlabel(ui_text("charts.axis.age_months", locale))
    axes.set_ylabel(ui_text("charts.vocabulary.y", locale))
    # Room above the highest band for the « n= » labels, inside the plot.
    top = max((n.p90 for n in bank.vocabulary_norms if n.population in populations), default=0)
    axes.set_ylim(0, max(top, placed[1] if placed else 0) * 1.25 or 1)
    axes.grid(True, linestyle=":", linewidth=0.6, color="#999999")
    # Under the plot: inside it, the legend would cover the bands of the youngest ages.
    figure.legend(loc="outside lower center", ncols=2, fontsize=SMALL_FONT_PT)
    return figure


def _draw_population(axes: Axes, norms: list[VocabularyNorm], index: int, locale: Locale) -> None:
    name = ui_text(f"charts.population.{norms[0].population}", locale)
    ages = [(n.age.min + n.age.max) / 2 for n in norms]
    colour = COLOURS[index % len(COLOURS)]
    # The band is told apart by its hatching in black and white (the light fill alone is not).
    axes.fill_between(
        ages, [n.p10 for n in norms], [n.p90 for n in norms],
        facecolor=to_rgba(colour, 0.12), edgecolor=colour, hatch=HATCHES[index % len(HATCHES)],
        linewidth=0.8, label=ui_text("charts.vocabulary.band", locale, population=name),
    )  # fmt: skip
    axes.plot(
        ages, [n.median for n in norms], color=colour, linestyle=LINE_STYLES[index],
        marker=MARKERS[index % len(MARKERS)], linewidth=2,
        label=ui_text("charts.vocabulary.median", locale, population=name),
    )  # fmt: skip
    # Sample sizes above the p90 edge, offset per population so two series never overlap.
    for age, norm in zip(ages, norms, strict=True):
        axes.annotate(
            ui_text("charts.vocabulary.n", locale, n=norm.n), (age, norm.p90),
            textcoords="offset points", xytext=(0, 4 + 9 * index), ha="center",
            fontsize=MIN_FONT_PT, color=colour,
        )  # fmt: skip
