"""What every chart shares: a pyplot-free figure factory, black-and-white-safe styles, exports.

Figures are built with the object-oriented API only (`matplotlib.figure.Figure` on an Agg
canvas): no `pyplot`, so no hidden global figure list, nothing leaks between widgets or kernels,
and building a chart never opens a window. Series are told apart by marker, line style and hatch
as well as by colour, so a chart stays readable printed in black and white or by a colour-blind
reader; the colours are the Okabe–Ito palette, which is colour-blind safe.
"""

from __future__ import annotations

import hashlib
import html
import io
import re

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

#: Okabe–Ito colours (distinguishable with every common colour-vision deficiency).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
#: Markers, line styles and hatches, used together with `COLOURS` (same index = same series).
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
LINE_STYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (3, 2)))
HATCHES = ("//", "\\\\", "..", "xx", "--", "++", "oo")

#: No text under 8 pt on paper (charts are printed at their size: see `PRINT_WIDTH_IN`).
MIN_FONT_PT = 8.0
#: Labels and legends: smaller than the 10 pt body, still comfortably above the minimum.
SMALL_FONT_PT = 8.5

#: Width of an A4 text block (170 mm) in inches, the widest a printed chart is shown.
PRINT_WIDTH_IN = 6.7


def new_figure(width: float = PRINT_WIDTH_IN, height: float = 3.6) -> Figure:
    """A blank figure on its own Agg canvas, sized in inches, with a constrained layout."""
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def figure_to_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (150 dpi by default: sharp enough on paper and on a projector)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


_XML_PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def figure_to_svg(fig: Figure, *, title: str | None = None) -> str:
    """The figure as one ``<svg>`` element, ready to inline in an HTML page (vector, no script).

    `title`, the chart's alternative text, becomes the SVG's first ``<title>``: screen readers
    read it, and WeasyPrint writes it as the tagged PDF's ``/Alt`` of the figure.

    The XML prologue and doctype are dropped (they are invalid inside HTML), and every ``id`` is
    prefixed with a digest of the drawing, so two charts inlined in the same page never point at
    each other's clip paths. Text stays text (``svg.fonttype: none``, DejaVu Sans named): it can
    be selected and read back from a PDF, and WeasyPrint lays it out twice as fast as glyph paths.
    """
    buffer = io.StringIO()
    # The SVG backend reads its font mode from rcParams only; rc_context restores it on exit.
    with rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)
    prefix = "c" + hashlib.sha1(svg.encode("utf-8")).hexdigest()[:8] + "-"
    for old in sorted(set(_ID.findall(svg)), key=len, reverse=True):
        new = prefix + old
        svg = svg.replace(f'id="{old}"', f'id="{new}"')
        svg = svg.replace(f"#{old})", f"#{new})").replace(f'"#{old}"', f'"#{new}"')
    if title is not None:
        svg = _SVG_OPEN.sub(lambda m: f"{m.group(0)}<title>{html.escape(title)}</title>", svg, 1)
    return svg.strip()
