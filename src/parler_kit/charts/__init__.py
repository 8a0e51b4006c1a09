"""Charts of the kit: matplotlib figure builders, data in → `Figure` out (Agg, never pyplot).

Every builder takes content records or plain numbers and returns a `matplotlib.figure.Figure`;
`figure_to_svg` / `figure_to_png` turn it into what a page or a widget shows. Labels come from
the i18n catalogs (French by default) and series differ by marker, hatch or line style, not by
colour alone.
"""

from parler_kit.charts.base import figure_to_png, figure_to_svg, new_figure
from parler_kit.charts.milestones import TIMELINE_MAX_MONTHS, milestone_timeline_figure
from parler_kit.charts.observation import (
    FREQUENCIES,
    Frequency,
    observation_profile_alt,
    observation_profile_figure,
)
from parler_kit.charts.scores import quiz_before_after_figure, score_by_technique_figure
from parler_kit.charts.vocabulary import vocabulary_norms_figure

__all__ = [
    "FREQUENCIES",
    "TIMELINE_MAX_MONTHS",
    "Frequency",
    "figure_to_png",
    "figure_to_svg",
    "milestone_timeline_figure",
    "new_figure",
    "observation_profile_alt",
    "observation_profile_figure",
    "quiz_before_after_figure",
    "score_by_technique_figure",
    "vocabulary_norms_figure",
]
