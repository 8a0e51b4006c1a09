"""Chart builders: each returns a Figure with the expected series, labels and print-safe styles."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from parler_kit.charts import (
    milestone_timeline_figure,
    observation_profile_figure,
    quiz_before_after_figure,
    score_by_technique_figure,
    vocabulary_norms_figure,
)
from parler_kit.content import load_bank


def _legend_texts(figure: Figure) -> list[str]:
    legends = [*figure.legends, *(a.get_legend() for a in figure.axes if a.get_legend())]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


def test_vocabulary_norms_has_one_median_line_per_population_with_its_values() -> None:
    """The vocabulary chart draws each population's medians at the middle of its age bands."""
    bank = load_bank()
    figure = vocabulary_norms_figure(bank)
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.get_lines()}
    france = sorted(
        (n for n in bank.vocabulary_norms if n.population == "france"), key=lambda n: n.age.min
    )
    median = lines["Médiane (France)"]
    assert list(median.get_ydata()) == [n.median for n in france]
    assert list(median.get_xdata()) == [(n.age.min + n.age.max) / 2 for n in france]
    assert "Médiane (Québec)" in lines
    assert axes.get_xlabel() == "Âge (mois)"
    assert "De 10 % à 90 % des enfants (France)" in _legend_texts(figure)


def test_vocabulary_norms_shows_sample_sizes_and_differs_without_colour() -> None:
    """Each age point is annotated with its n, and the two medians differ by marker and line style."""
    bank = load_bank()
    axes = vocabulary_norms_figure(bank).axes[0]
    texts = {t.get_text() for t in axes.texts}
    assert {f"n={n.n}" for n in bank.vocabulary_norms} <= texts
    france, quebec = (line for line in axes.get_lines() if "Médiane" in line.get_label())
    assert france.get_marker() != quebec.get_marker()
    assert france.get_linestyle() != quebec.get_linestyle()
    hatches = [c.get_hatch() for c in axes.collections]
    assert len(set(hatches)) == 2 and None not in hatches


def test_vocabulary_norms_one_population_and_a_placed_count() -> None:
    """Asking for France only draws one median; a placed count is a labelled star at its point."""
    axes = vocabulary_norms_figure(load_bank(), populations=("france",), placed=(24, 150)).axes[0]
    labels = [line.get_label() for line in axes.get_lines()]
    assert "Médiane (Québec)" not in labels
    star = next(line for line in axes.get_lines() if line.get_marker() == "*")
    assert (list(star.get_xdata()), list(star.get_ydata())) == ([24], [150])
    assert "150 mots à 24 mois" in star.get_label()


def test_milestone_timeline_has_a_row_per_domain_and_a_marker_per_milestone() -> None:
    """Rows are the French domain names; there is one marker per milestone of the bank."""
    bank = load_bank()
    axes = milestone_timeline_figure(bank).axes[0]
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert "Vocabulaire produit" in ticks and "Communication préverbale" in ticks
    markers = [line for line in axes.get_lines() if line.get_marker() not in ("None", None, "")]
    assert len(markers) == len(bank.milestones) + len(bank.warning_signs)


def test_milestone_timeline_marks_the_age_and_hollows_later_milestones() -> None:
    """With an age, a vertical line sits at it; milestones after it are drawn hollow (white)."""
    bank = load_bank()
    axes = milestone_timeline_figure(bank, age_months=12).axes[0]
    vertical = [line for line in axes.get_lines() if list(line.get_xdata()) == [12, 12]]
    assert len(vertical) == 1
    points = [line for line in axes.get_lines() if line.get_marker() in ("o", "s", "^", "D", "v")]
    later = [p for p in points if p.get_xdata()[0] > 12]
    assert later and all(p.get_markerfacecolor() == "white" for p in later)
    assert any("12" in t.get_text() for t in axes.texts)


def test_milestone_timeline_filters_domains() -> None:
    """Asking for one domain leaves only that row."""
    axes = milestone_timeline_figure(load_bank(), domains=["syntax"]).axes[0]
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert ticks[0] == "Phrases (syntaxe)"
    assert "Vocabulaire produit" not in ticks


def test_observation_profile_stacks_counts_per_frequency() -> None:
    """Each domain bar is split into jamais / parfois / souvent counts, each with its own hatch."""
    figure = observation_profile_figure(
        {"expression": ["jamais", "souvent", "souvent"], "interaction": ["parfois"]}
    )
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels == ["Vocabulaire produit", "Interactions de l'adulte"]
    widths = [[bar.get_width() for bar in container] for container in axes.containers]
    assert widths == [[1, 0], [0, 1], [2, 0]]
    assert _legend_texts(figure) == ["Jamais", "Parfois", "Souvent"]
    hatches = {container[0].get_hatch() for container in axes.containers}
    assert len(hatches) == 3


def test_observation_profile_refuses_an_unknown_frequency() -> None:
    """A frequency outside jamais/parfois/souvent is a ValueError naming it."""
    with pytest.raises(ValueError, match="toujours"):
        observation_profile_figure({"expression": ["toujours"]})


def test_score_by_technique_draws_percentages_labelled_with_points() -> None:
    """Bars are the percentage of points, labelled « points / max »; no possible point shows « — »."""
    axes = score_by_technique_figure(
        {"Reformuler": (3, 4), "Attendre": (0.5, 1), "Vide": (0, 0)}
    ).axes[0]
    assert [bar.get_width() for bar in axes.containers[0]] == [75.0, 50.0, 0.0]
    assert [t.get_text() for t in axes.texts] == ["3 / 4", "0,5 / 1", "—"]


def test_quiz_before_after_pairs_bars_and_keeps_one_sided_labels() -> None:
    """Before and after are two hatched/solid series; a label only present after has one bar."""
    figure = quiz_before_after_figure({"Q1": 0.25, "Q2": 0.5}, {"Q1": 0.75, "Q2": 1.0, "Q3": 1.0})
    axes = figure.axes[0]
    before, after = axes.containers
    assert [b.get_height() for b in before] == [25.0, 50.0]
    assert [b.get_height() for b in after] == [75.0, 100.0, 100.0]
    assert before[0].get_hatch() and not after[0].get_hatch()
    assert _legend_texts(figure) == ["Avant (positionnement)", "Après (fin de formation)"]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Q1", "Q2", "Q3"]


def test_english_labels_come_from_the_english_catalog() -> None:
    """locale='en' gives English axis labels."""
    axes = vocabulary_norms_figure(load_bank(), locale="en").axes[0]
    assert axes.get_xlabel() == "Age (months)"


def _every_figure() -> list[Figure]:
    bank = load_bank()
    scores = {"Observer": (3.0, 4.0), "Reformuler": (1.0, 4.0), "Attendre": (4.0, 4.0)}
    return [
        vocabulary_norms_figure(bank, placed=(24, 150)),
        milestone_timeline_figure(bank, 24),
        observation_profile_figure({"Comprend « non »": {"souvent": 2, "parfois": 1}}),
        score_by_technique_figure(scores, thresholds=[(50, "sous 50 %"), (75, "dès 75 %")]),
        quiz_before_after_figure({"Q1": 1.0, "Q2": 0.4}, {"Q1": 1.0, "Q2": 0.9}),
    ]


def test_no_chart_text_is_smaller_than_8_pt() -> None:
    """Every visible text of every chart (ticks, labels, legends, annotations) is at least 8 pt."""
    for figure in _every_figure():
        figure.canvas.draw()
        small = [
            (text.get_text(), text.get_fontsize())
            for text in figure.findobj(Text)
            if text.get_visible() and text.get_text().strip() and text.get_fontsize() < 8
        ]
        assert small == [], small


def test_legends_never_cover_the_data() -> None:
    """Legends sit outside the plotting area of every chart (nothing drawn under them)."""
    for figure in _every_figure():
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        legends = [*figure.legends, *(a.get_legend() for a in figure.axes if a.get_legend())]
        for legend in legends:
            box = legend.get_window_extent(renderer)
            for axes in figure.axes:
                assert not box.overlaps(axes.get_window_extent(renderer)), legend.get_texts()


def test_score_chart_draws_the_thresholds_named_in_its_legend() -> None:
    """The bilan's 50 % and 75 % lines are drawn across the bars and named in the legend."""
    figure = score_by_technique_figure(
        {"Observer": (3.0, 4.0)}, thresholds=[(50, "sous 50 %"), (75, "dès 75 %")]
    )
    lines = [line.get_xdata()[0] for line in figure.axes[0].get_lines()]
    assert lines == [50, 75]
    assert {"sous 50 %", "dès 75 %"} <= set(_legend_texts(figure))


def test_timeline_legend_names_every_mark() -> None:
    """The timeline's legend names each convention's marker, the age ranges and warning signs."""
    texts = _legend_texts(milestone_timeline_figure(load_bank()))
    assert "Signe d'alerte" in texts and "Tranche d'âge (de… à…)" in texts
    assert any(t.startswith("CDC 2022") for t in texts)
