"""The observation profile drawn in HTML: one stacked bar per domain (jamais / parfois / souvent).

The live widget redraws it at every mark, so it is plain HTML (well under a millisecond) rather
than a matplotlib figure (a few hundred milliseconds); the printed grid uses
`parler_kit.charts.observation_profile_figure`. Each segment carries its count and its word, and
the three levels are told apart by grey shade and border style, not by hue.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from parler_kit.i18n import Locale, ui_text

_SEGMENT_STYLE = {
    "jamais": "background:#ffffff; color:#000000; border:2px dashed #000000",
    "parfois": "background:#b3b3b3; color:#000000; border:1px solid #000000",
    "souvent": "background:#4d4d4d; color:#ffffff; border:1px solid #000000",
}


def profile_html(marks: Mapping[str, Sequence[str]], locale: Locale = "fr") -> str:
    """Stacked bars of the frequencies marked per domain, with a legend and a text alternative."""
    from parler_kit.charts import (
        FREQUENCIES,
    )  # matplotlib (0.3 s): imported when first needed, not at kernel start

    rows = []
    widest = max((len(v) for v in marks.values()), default=1) or 1
    for domain, frequencies in marks.items():
        label = _domain_label(domain, locale)
        segments = []
        summary = []
        for frequency in FREQUENCIES:
            count = list(frequencies).count(frequency)
            word = ui_text(f"charts.frequency.{frequency}", locale)
            summary.append(f"{word} {count}")
            if count:
                width = 100 * count / widest
                segments.append(
                    f"<span title='{html.escape(word)}' style='display:inline-block; "
                    f"width:{width:.1f}%; {_SEGMENT_STYLE[frequency]}; box-sizing:border-box; "
                    f"text-align:center; padding:2px 0'>{count}</span>"
                )
        rows.append(
            "<div style='display:flex; align-items:center; margin:2px 0'>"
            f"<span style='flex:0 0 14em'>{html.escape(label)}</span>"
            f"<span role='img' aria-label='{html.escape(label + ' : ' + ', '.join(summary))}' "
            f"style='flex:1 1 auto; display:flex'>{''.join(segments)}</span></div>"
        )
    legend = " ".join(
        f"<span style='display:inline-block; padding:0 0.5em; margin-right:0.5em; "
        f"{_SEGMENT_STYLE[f]}'>{html.escape(ui_text(f'charts.frequency.{f}', locale))}</span>"
        for f in FREQUENCIES
    )
    return f"<div>{''.join(rows)}<p>{legend}</p></div>"


def _domain_label(domain: str, locale: Locale) -> str:
    try:
        return ui_text(f"charts.domain.{domain}", locale)
    except KeyError:
        return domain
