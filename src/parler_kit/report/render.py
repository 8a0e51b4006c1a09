"""The bilan as HTML (Jinja2, autoescaped) with its charts, and as an A4 PDF."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from parler_kit.charts import figure_to_svg, quiz_before_after_figure, score_by_technique_figure
from parler_kit.content import AVOID, ContentBank, Text
from parler_kit.i18n import format_date, format_number, ui_text
from parler_kit.printing import document_html, render_pdf
from parler_kit.printing.environment import template_environment
from parler_kit.report.aggregate import MASTERED, MIN_N_FOR_PERCENT, TO_REWORK, Tally
from parler_kit.report.bilan import Bilan, follow_up_due


def tally_text(tally: Tally) -> str:
    """« 72 % (n = 9) », or « 3 sur 4 (n = 4) » below five answers, or « aucune réponse »."""
    if tally.n == 0 or not tally.total:
        return ui_text("report.tally.none")
    people = people_text(tally.n)
    if tally.percent_allowed and tally.share is not None:
        return ui_text("report.tally.percent", percent=round(100 * tally.share), people=people)
    return ui_text(
        "report.tally.count",
        right=format_number(tally.right),
        total=format_number(tally.total),
        people=people,
    )


def people_text(n: int) -> str:
    """« 1 personne », « 9 personnes »."""
    return ui_text("report.people.one" if n == 1 else "report.people.many", n=n)


def _text(text: Text) -> str:
    return text.localised()


@cache
def _environment() -> Environment:
    env = template_environment(  # comments and fiches are participants' text: data, never markup
        "parler_kit.report",
        tally=tally_text,
        text=_text,
        date=lambda d: format_date(d, weekday=True),
        plain_date=format_date,
        number=format_number,
    )
    env.globals.update(t=ui_text, MIN_N=MIN_N_FOR_PERCENT)
    return env


def _charts(bilan: Bilan, bank: ContentBank) -> dict[str, Markup]:
    """The SVG charts, each only over what has enough answers for a percentage."""
    charts: dict[str, Markup] = {}
    pairs = [
        (f"Q{i}", q) for i, q in enumerate(bilan.quiz, start=1)
        if q.entry.percent_allowed and q.end.percent_allowed
    ]  # fmt: skip
    if pairs:
        figure = quiz_before_after_figure(
            {label: q.entry.share or 0.0 for label, q in pairs},
            {label: q.end.share or 0.0 for label, q in pairs},
        )
        values = " ; ".join(
            ui_text("report.chart.quiz_value", label=label, entry=round(100 * (q.entry.share or 0)),
                    end=round(100 * (q.end.share or 0)))
            for label, q in pairs
        )  # fmt: skip
        charts["quiz"] = _image(
            figure_to_svg(figure), ui_text("report.chart.quiz_alt", values=values)
        )
    scores = {
        technique_label(bank, r.technique_id): (r.tally.right, r.tally.total)
        for r in bilan.techniques
        if r.tally.percent_allowed
    }
    if scores:
        thresholds = [
            (100 * TO_REWORK, ui_text("report.techniques.threshold_rework", percent=round(100 * TO_REWORK))),
            (100 * MASTERED, ui_text("report.techniques.threshold_mastered", percent=round(100 * MASTERED))),
        ]  # fmt: skip
        figure = score_by_technique_figure(scores, thresholds=thresholds)
        values = " ; ".join(
            f"{label} : {round(100 * right / total) if total else 0} %"
            for label, (right, total) in scores.items()
        )
        alt = ui_text("report.chart.techniques_alt", values=values)
        charts["techniques"] = _image(figure_to_svg(figure), alt)
    return charts


def _image(svg: str, alt: str) -> Markup:
    """The chart as an image with its alternative text (the tagged PDF's /Alt of the figure)."""
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img class="pk-chart-image" src="{}" alt="{}">').format(uri, alt)


def technique_label(bank: ContentBank, technique_id: str) -> str:
    """The French name of a technique, or « À éviter » for the pseudo-technique."""
    if technique_id == AVOID:
        return ui_text("report.techniques.avoid")
    return bank.technique(technique_id).name.localised()


def bilan_html(bilan: Bilan, bank: ContentBank) -> str:
    """The full printable page of the bilan."""
    context: dict[str, Any] = {
        "b": bilan,
        "bank": bank,
        "charts": _charts(bilan, bank),
        "technique_label": lambda tid: technique_label(bank, tid),
        "role_label": lambda rid: bank.role(rid).label.localised(),
        "fields": sorted(bank.action_sheet_fields, key=lambda f: f.order),
        "follow_up_due": follow_up_due(bilan.session),
    }
    body = _environment().get_template("bilan.html.j2").render(**context)
    title = ui_text("report.title")
    header = f"{bilan.session.title} — {title}"
    if bilan.demo:
        header = f"{ui_text('report.demo.header')} — {header}"
    author = bilan.session.organisme.legal_name or bilan.session.organisation
    return document_html(f"{title} — {bilan.session.title}", body, header=header, author=author)


def write_bilan(bilan: Bilan, bank: ContentBank, out: Path) -> Path:
    """Write the bilan PDF at `out` and return it."""
    return render_pdf(bilan_html(bilan, bank), out)
