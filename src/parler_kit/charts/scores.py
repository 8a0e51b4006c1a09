"""Score charts for the trainer and the bilan: success by technique, quiz before and after."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from parler_kit.charts.base import (
    COLOURS,
    HATCHES,
    MIN_FONT_PT,
    SMALL_FONT_PT,
    new_figure,
)
from parler_kit.i18n import Locale, format_number, ui_text


def score_by_technique_figure(
    scores: Mapping[str, tuple[float, float]],
    *,
    thresholds: Sequence[tuple[float, str]] = (),
    locale: Locale = "fr",
) -> Figure:
    """Horizontal bars of the share of points obtained per technique, labelled « 3 / 4 ».

    `scores` maps a label to shown (usually the technique's name) to ``(points, max_points)``;
    a label with no possible point is drawn empty and labelled « — » rather than as 0 %.
    `thresholds` are ``(percent, meaning)`` lines drawn across the bars (the bilan's 50 % and
    75 %), each named in the legend under the plot, which never covers a bar.
    """
    labels = list(scores)
    shares = [100 * p / m if m else 0.0 for p, m in scores.values()]
    figure = new_figure(height=1.6 + 0.32 * max(len(labels), 1))
    axes = figure.add_subplot()
    rows = list(range(len(labels)))[::-1]
    bars = axes.barh(rows, shares, color=COLOURS[0], edgecolor="black", hatch=HATCHES[0])
    axes.bar_label(
        bars,
        labels=[
            f"{format_number(p)} / {format_number(m)}" if m else "—" for p, m in scores.values()
        ],
        padding=3,
        fontsize=SMALL_FONT_PT,
    )
    axes.set_yticks(rows, labels)
    axes.set_xlim(0, 110)
    axes.set_xticks(range(0, 101, 25))
    axes.set_xlabel(ui_text("charts.scores.x", locale))
    axes.set_title(ui_text("charts.scores.title", locale))
    axes.grid(True, axis="x", linestyle=":", linewidth=0.6, color="#999999")
    for (percent, meaning), style in zip(thresholds, ("--", "-."), strict=False):
        axes.axvline(percent, color="black", linestyle=style, linewidth=1.2, label=meaning)
    if thresholds:
        figure.legend(loc="outside lower center", ncols=2, fontsize=SMALL_FONT_PT)
    return figure


def quiz_before_after_figure(
    before: Mapping[str, float], after: Mapping[str, float], *, locale: Locale = "fr"
) -> Figure:
    """Paired bars of the share of right answers (0–1) before and after the course, per label.

    Labels are questions, topics or participants, as the bilan chooses; a label present on one
    side only gets a bar on that side only. « Avant » is hatched, « Après » solid dark, so the
    pair reads in black and white.
    """
    labels = list(dict.fromkeys([*before, *after]))
    figure = new_figure(height=3.8)
    axes = figure.add_subplot()
    width = 0.38
    for offset, values, key, colour, hatch in (
        (-width / 2, before, "before", "#ffffff", HATCHES[0]),
        (width / 2, after, "after", COLOURS[0], ""),
    ):
        xs = [i + offset for i, label in enumerate(labels) if label in values]
        ys = [100 * values[label] for label in labels if label in values]
        bars = axes.bar(
            xs, ys, width, color=colour, edgecolor="black", hatch=hatch,
            label=ui_text(f"charts.quiz.{key}", locale),
        )  # fmt: skip
        axes.bar_label(bars, labels=[f"{y:.0f} %" for y in ys], padding=2, fontsize=MIN_FONT_PT)
    axes.set_xticks(range(len(labels)), labels, rotation=30 if len(labels) > 4 else 0, ha="right")
    axes.set_ylim(0, 110)
    axes.set_yticks(range(0, 101, 25))
    axes.set_ylabel(ui_text("charts.scores.x", locale))
    axes.set_title(ui_text("charts.quiz.title", locale))
    # Under the plot: a legend inside it would cover the tallest bars.
    figure.legend(loc="outside lower center", ncols=2, fontsize=SMALL_FONT_PT)
    return figure
