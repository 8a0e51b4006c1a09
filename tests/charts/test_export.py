"""Figure export: inline-ready SVG, PNG bytes, and no pyplot global state anywhere."""

from __future__ import annotations

import subprocess
import sys

from parler_kit.charts import (
    figure_to_png,
    figure_to_svg,
    score_by_technique_figure,
    vocabulary_norms_figure,
)
from parler_kit.content import load_bank


def test_svg_is_a_bare_svg_element_without_script() -> None:
    """figure_to_svg returns one <svg> element: no XML prologue, no doctype, no script."""
    svg = figure_to_svg(score_by_technique_figure({"Reformuler": (1, 2)}))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg and "<script" not in svg


def test_two_figures_get_distinct_id_prefixes() -> None:
    """Ids of two different charts never collide, so both can be inlined in one page."""
    first = figure_to_svg(score_by_technique_figure({"A": (1, 2)}))
    second = figure_to_svg(vocabulary_norms_figure(load_bank()))
    ids_first = {part.split('"')[1] for part in first.split(" id=")[1:]}
    ids_second = {part.split('"')[1] for part in second.split(" id=")[1:]}
    assert ids_first and ids_second and not ids_first & ids_second
    assert "url(#" in second and all(
        ref.split(")")[0] in ids_second for ref in second.split("url(#")[1:]
    )


def test_png_bytes_scale_with_dpi() -> None:
    """figure_to_png gives a PNG whose pixel width follows the dpi."""
    figure = score_by_technique_figure({"A": (1, 2)})
    low, high = figure_to_png(figure, dpi=50), figure_to_png(figure)
    assert low.startswith(b"\x89PNG") and high.startswith(b"\x89PNG")
    width = int.from_bytes(high[16:20], "big")
    assert width == round(figure.get_figwidth() * 150)
    assert int.from_bytes(low[16:20], "big") < width


def test_building_every_chart_never_imports_pyplot() -> None:
    """Building and exporting charts in a fresh process leaves matplotlib.pyplot unimported."""
    code = (
        "import sys\n"
        "from parler_kit.charts import *\n"
        "from parler_kit.content import load_bank\n"
        "b = load_bank()\n"
        "for f in (vocabulary_norms_figure(b), milestone_timeline_figure(b, 24),\n"
        "          observation_profile_figure({'expression': ['souvent']}),\n"
        "          score_by_technique_figure({'A': (1, 2)}),\n"
        "          quiz_before_after_figure({'A': 0.5}, {'A': 1.0})):\n"
        "    figure_to_svg(f); figure_to_png(f)\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
