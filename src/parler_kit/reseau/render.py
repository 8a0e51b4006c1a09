"""The network bilan as HTML (Jinja2, autoescaped) with one chart per figure, and as an A4 PDF."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from parler_kit.charts import figure_to_svg, quiz_before_after_figure
from parler_kit.content import ContentBank
from parler_kit.i18n import format_date, format_number, ui_text
from parler_kit.printing import document_html, render_pdf
from parler_kit.printing.environment import template_environment
from parler_kit.report import MIN_N_FOR_PERCENT
from parler_kit.report.render import tally_text
from parler_kit.reseau.aggregate import TECHNIQUES_QUESTION, NetworkBilan, suppressed
from parler_kit.reseau.charts import bars_figure


def count_text(count: float) -> str:
    """A count of people as printed: the number, or « moins de 5 » (the bilan's rule)."""
    if suppressed(count):
        return ui_text("reseau.suppressed", min=MIN_N_FOR_PERCENT)
    return format_number(count)


@cache
def _environment() -> Environment:
    env = template_environment(
        "parler_kit.reseau", count=count_text, tally=tally_text, plain_date=format_date
    )
    env.globals.update(t=ui_text, MIN_N=MIN_N_FOR_PERCENT)
    return env


def _svg(figure: Any) -> Markup:
    return Markup(figure_to_svg(figure))


def _charts(network: NetworkBilan, bank: ContentBank) -> dict[str, Markup]:
    """One chart per figure, over what may be shown only (no count under the threshold)."""
    role = _role_label(bank)
    charts: dict[str, Markup] = {}
    people = "reseau.axis.people"
    shown = {role(r): n for r, n in network.by_role().items() if not suppressed(n)}
    if shown:
        charts["roles"] = _svg(bars_figure(shown, title=ui_text("reseau.roles.title"),
                                           axis=ui_text(people)))  # fmt: skip
    shown = {k: n for k, n in network.by_territory().items() if not suppressed(n)}
    if shown:
        charts["territories"] = _svg(bars_figure(shown, title=ui_text("reseau.territories.title"),
                                                 axis=ui_text(people)))  # fmt: skip
    if network.hours:
        charts["hours"] = _svg(bars_figure(network.hours, title=ui_text("reseau.hours.title"),
                                           axis=ui_text("reseau.axis.hours")))  # fmt: skip
    for key, tallies in (("attendance", network.attendance), ("a_froid", network.a_froid)):
        shares = {k: 100 * (t.share or 0.0) for k, t in tallies.items() if t.percent_allowed}
        if shares:
            charts[key] = _svg(bars_figure(shares, title=ui_text(f"reseau.{key}.title"),
                                           axis=ui_text("reseau.axis.percent"), percent=True))  # fmt: skip
    means = {
        r.question.text.localised(): r.mean
        for r in network.satisfaction
        if r.mean is not None and r.n >= MIN_N_FOR_PERCENT
    }
    if means:
        charts["satisfaction"] = _svg(bars_figure(means, title=ui_text("reseau.satisfaction.title"),
                                                  axis=ui_text("reseau.axis.mean")))  # fmt: skip
    pairs = {k: v for k, v in network.positioning.items()
             if v[0].percent_allowed and v[1].percent_allowed}  # fmt: skip
    if pairs:
        charts["positioning"] = _svg(quiz_before_after_figure(
            {k: v[0].share or 0.0 for k, v in pairs.items()},
            {k: v[1].share or 0.0 for k, v in pairs.items()},
        ))  # fmt: skip
    labels = _technique_labels(bank)
    shown = {labels.get(k, k): n for k, n in network.techniques.most_common() if not suppressed(n)}
    if shown:
        charts["techniques"] = _svg(bars_figure(shown, title=ui_text("reseau.techniques.title"),
                                                axis=ui_text(people)))  # fmt: skip
    statuses: dict[str, float] = {}
    for action in network.actions:
        key = (
            ui_text(f"suivi.plan.status.{action.latest}")
            if action.latest
            else ui_text("reseau.actions.no_follow_up")
        )
        statuses[key] = statuses.get(key, 0) + 1
    if statuses:
        charts["actions"] = _svg(bars_figure(statuses, title=ui_text("reseau.actions.title"),
                                             axis=ui_text("reseau.axis.actions")))  # fmt: skip
    return charts


def _role_label(bank: ContentBank) -> Any:
    return lambda rid: bank.role(rid).label.localised()


def _technique_labels(bank: ContentBank) -> dict[str, str]:
    for question in bank.evaluation_questions:
        if question.id == TECHNIQUES_QUESTION:
            return {c.id: c.text.localised() for c in question.choices}
    return {}


def network_html(network: NetworkBilan, bank: ContentBank, made_on: dt.date | None = None) -> str:
    """The full printable page of the network bilan."""
    context: dict[str, Any] = {
        "n": network,
        "charts": _charts(network, bank),
        "role_label": _role_label(bank),
        "technique_labels": _technique_labels(bank),
        "made_on": made_on or dt.date.today(),
        "territories": sorted(network.by_territory()),
        "roles": sorted(network.by_role(), key=lambda r: -network.by_role()[r]),
    }
    body = _environment().get_template("reseau.html.j2").render(**context)
    title = ui_text("reseau.title")
    return document_html(title, body, header=title)


def write_network_bilan(network: NetworkBilan, bank: ContentBank, out: Path) -> Path:
    """Write the network bilan PDF at `out` and return it."""
    return render_pdf(network_html(network, bank), out)
