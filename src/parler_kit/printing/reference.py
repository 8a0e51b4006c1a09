"""Printed twins of the reference widgets: milestone timeline, vocabulary norms, technique memo.

Charts are inlined as SVG; every statement cites its numbered sources, listed at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from parler_kit.charts import (
    figure_to_svg,
    milestone_timeline_figure,
    vocabulary_norms_figure,
)
from parler_kit.content import AgeRange, ContentBank, Disagreement, Milestone, WarningSign
from parler_kit.content.model import Evidenced
from parler_kit.i18n import Locale, format_age_months, format_number, ui_text
from parler_kit.printing.answers import Answers, answer_value, as_list
from parler_kit.printing.environment import kit_text, render
from parler_kit.printing.typography import citation_text

#: Answers-file key of the counts placed on the vocabulary chart.
PLACEMENTS_KEY = "vocabulary:placements"


def timeline_html(
    bank: ContentBank, age_months: int | None = None, *, locale: Locale = "fr"
) -> str:
    """Milestones (chart and table), warning signs and disagreements between references.

    With `age_months`, only what is expected by that age is listed: milestones starting at or
    before it and warning signs applying from that age on or earlier. Disagreements are always
    shown, each position side by side.
    """
    milestones = sorted(
        (m for m in bank.milestones if age_months is None or m.age.min <= age_months),
        key=lambda m: (m.age.min, m.age.max),
    )
    signs = sorted(
        (s for s in bank.warning_signs if age_months is None or s.age.min <= age_months),
        key=lambda s: (s.age.min, s.age.max),
    )
    disagreements = list(bank.disagreements)
    numbers, sources = number_sources(bank, _timeline_citations(milestones, signs, disagreements))
    alt = ui_text("printing.timeline.chart_alt", locale, count=len(milestones))
    chart = figure_to_svg(milestone_timeline_figure(bank, age_months, locale=locale), title=alt)
    # The convention of each milestone and the advice of each sign repeat from row to row:
    # each is written once, in a legend or a note, and the rows carry its mark. The two
    # legends share the section's letters, each letter with one meaning (A–F, then G…).
    conventions = _marks(m.convention for m in milestones)
    actions = _marks((kit_text(s.action, locale) for s in signs), first=len(conventions))
    return render(
        "timeline.html.j2",
        locale=locale,
        age_months=age_months,
        chart=Markup(chart),
        milestones=milestones,
        conventions=conventions,
        actions=actions,
        signs=signs,
        disagreements=disagreements,
        sources=sources,
        cite=lambda ids: _cite(ids, numbers),
        unverified=lambda record: unverified_mark(record, locale),
        age_label=lambda age: age_label(age, locale),
    )


def unverified_mark(record: Evidenced, locale: Locale = "fr") -> str:
    """« (non vérifié) » after a claim whose figures were not found in its source's words."""
    return "" if record.verified else f" ({ui_text('charts.unverified', locale)})"


def vocabulary_html(
    bank: ContentBank, answers: Answers | None = None, *, locale: Locale = "fr"
) -> str:
    """The vocabulary norms: chart, one table per population (n, percentiles), caveats.

    Filled from the answers (``"vocabulary:placements"``), the anonymous counts placed in the
    widget are listed and the last one is drawn on the chart, as the widget shows it.
    """
    placements = [
        (p["age_months"], p["words"])
        for p in as_list(answer_value(answers, PLACEMENTS_KEY))
        if isinstance(p, dict)
        and isinstance(p.get("age_months"), int | float)
        and isinstance(p.get("words"), int | float)
    ]
    populations = sorted(
        {n.population for n in bank.vocabulary_norms}, key=["france", "quebec"].index
    )
    groups = [
        (
            p,
            sorted(
                (n for n in bank.vocabulary_norms if n.population == p), key=lambda n: n.age.min
            ),
        )
        for p in populations
    ]
    numbers, sources = number_sources(bank, [n.sources for _, norms in groups for n in norms])
    placed = placements[-1] if placements else None
    alt = ui_text(
        "printing.vocabulary.chart_alt",
        locale,
        populations=", ".join(ui_text(f"charts.population.{p}", locale) for p in populations),
    )
    if placed:
        alt += " " + ui_text(
            "printing.vocabulary.chart_alt_placed",
            locale,
            words=format_number(placed[1]),
            age=format_number(placed[0]),
        )
    chart = figure_to_svg(
        vocabulary_norms_figure(bank, tuple(populations), placed, locale=locale), title=alt
    )
    return render(
        "vocabulary.html.j2",
        locale=locale,
        chart=Markup(chart),
        placements=placements,
        groups=groups,
        sources=sources,
        cite=lambda ids: _cite(ids, numbers),
        age_label=lambda age: age_label(age, locale),
        number=format_number,
    )


def technique_memo_html(bank: ContentBank, *, locale: Locale = "fr") -> str:
    """The memo card: each technique's name, definition, one example and one thing to avoid."""
    return render("technique_memo.html.j2", locale=locale, techniques=bank.techniques)


def number_sources(
    bank: ContentBank, id_groups: Iterable[Iterable[str]]
) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The kit's numbers of the sources cited in `id_groups`, and their numbered citations.

    A source has one number in every section and document (`source_numbers`), so « [1] » never
    stands for two sources in one handout; a section lists only the sources it cites.
    """
    known = {s.id: s for s in bank.sources}
    numbers = source_numbers(bank)
    cited = {i for ids in id_groups for i in ids if i in numbers}
    listed = sorted(cited, key=numbers.__getitem__)
    return numbers, [(numbers[i], citation_text(known[i])) for i in listed]


def source_numbers(bank: ContentBank) -> dict[str, int]:
    """Source id → its one number in the kit.

    Numbered in order of first citation through the timeline (all ages), then the vocabulary
    norms, as the handout prints them.
    """
    milestones = sorted(bank.milestones, key=lambda m: (m.age.min, m.age.max))
    signs = sorted(bank.warning_signs, key=lambda s: (s.age.min, s.age.max))
    groups = _timeline_citations(milestones, signs, list(bank.disagreements))
    groups += [n.sources for n in bank.vocabulary_norms]
    known = {s.id for s in bank.sources}
    numbers: dict[str, int] = {}
    for ids in groups:
        for source_id in ids:
            if source_id in known and source_id not in numbers:
                numbers[source_id] = len(numbers) + 1
    return numbers


def _timeline_citations(
    milestones: Sequence[Milestone],
    signs: Sequence[WarningSign],
    disagreements: Sequence[Disagreement],
) -> list[Iterable[str]]:
    groups: list[Iterable[str]] = [m.sources for m in milestones]
    groups += [s.sources for s in signs]
    groups += [p.sources for d in disagreements for p in d.positions]
    return groups


def age_label(age: AgeRange, locale: Locale = "fr") -> str:
    """« 18 mois » for a single age, « 16–17 mois » for a range."""
    if age.min == age.max:
        return format_age_months(age.min, locale)
    unit = "mois" if locale == "fr" else "months"
    return f"{age.min}–{age.max}\u00a0{unit}"


def _marks(values: Iterable[str], first: int = 0) -> dict[str, str]:
    """Each distinct value → its mark: A, B, C… in order of first appearance.

    From the `first`-th letter on, so that two legends of one section never share a letter.
    """
    marks: dict[str, str] = {}
    for value in values:
        marks.setdefault(value, chr(ord("A") + first + len(marks)))
    return marks


def _cite(ids: Iterable[str], numbers: dict[str, int]) -> str:
    cited = [str(numbers[i]) for i in ids if i in numbers]
    return f"[{', '.join(cited)}]" if cited else ""
