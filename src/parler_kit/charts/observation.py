"""The observation profile: how often each domain's items were seen (jamais / parfois / souvent)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, get_args

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from parler_kit.charts.base import HATCHES, SMALL_FONT_PT, new_figure
from parler_kit.i18n import Locale, ui_text

Frequency = Literal["jamais", "parfois", "souvent"]
FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)
# Light to dark grey plus a hatch each: the three levels read the same printed in black and white.
_SHADES = {"jamais": "#ffffff", "parfois": "#b3b3b3", "souvent": "#4d4d4d"}
_HATCH = {"jamais": HATCHES[2], "parfois": HATCHES[0], "souvent": ""}


def observation_profile_figure(
    items_by_domain: Mapping[str, Sequence[str]], *, locale: Locale = "fr"
) -> Figure:
    """One stacked horizontal bar per domain: how many items were marked jamais, parfois, souvent.

    `items_by_domain` maps a domain id (``"expression"``…, or ``"interaction"`` for the adult
    items) to the frequencies marked for its items; unmarked items are simply left out. The chart
    describes what was observed, it does not score the child: no threshold line, no colour alarm.
    Unknown frequencies raise ValueError (the caller passes the store's values through).
    """
    domains = [d for d, marks in items_by_domain.items() if marks]
    for marks in items_by_domain.values():
        unknown = sorted(set(marks) - set(FREQUENCIES))
        if unknown:
            raise ValueError(f"Unknown frequency {unknown[0]!r}; expected one of {FREQUENCIES}")
    figure = new_figure(height=1.4 + 0.5 * max(len(domains), 1))
    axes = figure.add_subplot()
    rows = list(range(len(domains)))[::-1]
    left = [0] * len(domains)
    for frequency in FREQUENCIES:
        counts = [list(items_by_domain[d]).count(frequency) for d in domains]
        bars = axes.barh(
            rows, counts, left=left, color=_SHADES[frequency], edgecolor="black",
            hatch=_HATCH[frequency], label=ui_text(f"charts.frequency.{frequency}", locale),
        )  # fmt: skip
        axes.bar_label(
            bars, labels=[str(c) if c else "" for c in counts], label_type="center",
            fontsize=SMALL_FONT_PT, color="white" if frequency == "souvent" else "black",
            bbox=None if frequency == "souvent" else {"facecolor": "white", "edgecolor": "none", "pad": 1},
        )  # fmt: skip
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(rows, [_domain_label(d, locale) for d in domains])
    axes.set_xlabel(ui_text("charts.observation.x", locale))
    axes.set_title(ui_text("charts.observation.title", locale))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 item
    figure.legend(loc="outside lower center", ncols=3, fontsize=SMALL_FONT_PT)
    return figure


def observation_profile_alt(
    items_by_domain: Mapping[str, Sequence[str]], *, locale: Locale = "fr"
) -> str:
    """The alternative text of `observation_profile_figure`: what it shows, with its counts."""
    values = " ; " if locale == "fr" else "; "
    values = values.join(
        ui_text(
            "charts.observation.alt_value",
            locale,
            domain=_domain_label(domain, locale),
            **{f: list(marks).count(f) for f in FREQUENCIES},
        )
        for domain, marks in items_by_domain.items()
        if marks
    )
    return ui_text("charts.observation.alt", locale, values=values)


def _domain_label(domain: str, locale: Locale) -> str:
    try:
        return ui_text(f"charts.domain.{domain}", locale)
    except KeyError:
        return domain
