"""Printed twins of the form widgets: observation grid, fiche action, evaluation form.

Blank, each is a paper form (boxes, ruled lines, the field's help and example). Filled, it
shows what the participant entered, escaped and kept as typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from markupsafe import Markup

from parler_kit.answers.validation import band_for_age
from parler_kit.charts import (
    FREQUENCIES,
    figure_to_svg,
    observation_profile_alt,
    observation_profile_figure,
)
from parler_kit.content import ContentBank, EvaluationQuestion, ObservationItem
from parler_kit.content.model import AgeBand
from parler_kit.i18n import Locale, format_age_months, format_date, ui_text
from parler_kit.printing.answers import Answers, answer_value, as_mapping, as_str_list, as_text
from parler_kit.printing.environment import render

AGE_BANDS: tuple[int, ...] = get_args(AgeBand)
#: Points of a « scale » evaluation question (1 = pas du tout … 5 = tout à fait).
SCALE = (1, 2, 3, 4, 5)


def observation_grid_html(
    bank: ContentBank,
    age_band: int | None = None,
    answers: Answers | None = None,
    key: str | None = None,
    *,
    locale: Locale = "fr",
) -> str:
    """The observation grid of an age band (child items), then the adult's own items.

    Filled from the record stored under `key` (``"observation:<child code>"``): its code, age,
    date, context, and per item the frequency, the dated fact and the interpretation, kept apart;
    a profile chart then sums up what was marked. Without `age_band`, the band is the one of the
    record's age (the last band at or below it), or every band when the grid is blank.
    """
    record = as_mapping(answer_value(answers, key)) if key is not None else {}
    marks = as_mapping(record.get("items"))
    if age_band is None and isinstance(record.get("age_months"), int):
        age_band = band_for_age(record["age_months"])
    bands = [age_band] if age_band is not None else list(AGE_BANDS)
    groups = [
        _group(
            ui_text("printing.observation.band", locale, age=format_age_months(band, locale)),
            [i for i in bank.observation_items if i.subject == "child" and i.age_band == band],
            marks,
        )
        for band in bands
    ]
    adult = [i for i in bank.observation_items if i.subject == "adult"]
    if adult:
        groups.append(_group(ui_text("printing.observation.adult", locale), adult, marks))
    groups = [g for g in groups if g["rows"]]
    by_domain: dict[str, list[str]] = {}
    for group in groups:
        for row in group["rows"]:
            if row["frequency"] in FREQUENCIES:
                by_domain.setdefault(row["item"].domain, []).append(row["frequency"])
    chart = (
        figure_to_svg(
            observation_profile_figure(by_domain, locale=locale),
            title=observation_profile_alt(by_domain, locale=locale),
        )
        if by_domain
        else None
    )
    return render(
        "observation_grid.html.j2",
        locale=locale,
        record={
            "child_code": as_text(record.get("child_code")),
            "age_months": record.get("age_months")
            if isinstance(record.get("age_months"), int)
            else None,
            "date": _date_text(record.get("date"), locale),
            "context": as_text(record.get("context")),
        },
        groups=groups,
        frequencies=FREQUENCIES,
        chart=Markup(chart) if chart else None,
    )


def action_sheet_html(
    bank: ContentBank, answers: Answers | None = None, *, locale: Locale = "fr"
) -> str:
    """The fiche action: each field with its help and example and room to write, or the text."""
    stored = answer_value(answers, "fiche-action")
    values = as_mapping(stored)
    fields = sorted(bank.action_sheet_fields, key=lambda f: f.order)
    texts = {f.id: as_text(values.get(f.id)) for f in fields}
    rows = [{"field": f, "text": texts[f.id]} for f in fields]
    required = [f for f in fields if f.required]
    return render(
        "action_sheet.html.j2",
        locale=locale,
        rows=rows,
        filled=stored is not None,
        done=sum(1 for f in required if texts[f.id] is not None),
        required=len(required),
    )


def evaluation_form_html(
    bank: ContentBank,
    form: Literal["chaud", "froid"] = "chaud",
    answers: Answers | None = None,
    *,
    locale: Locale = "fr",
) -> str:
    """The evaluation questions of `form`: a 1–5 scale, choices, or lines to write on."""
    values = as_mapping(answer_value(answers, f"evaluation:{form}"))
    rows = [
        {"question": q, "value": _evaluation_value(q, values.get(q.id))}
        for q in bank.evaluation_questions
        if q.form == form
    ]
    return render("evaluation_form.html.j2", locale=locale, form=form, rows=rows, scale=SCALE)


def _evaluation_value(question: EvaluationQuestion, value: Any) -> Any:
    """The stored answer in the shape the question expects (None when it is something else)."""
    if question.kind == "scale":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if question.kind == "choice" and question.multiple:
        return as_str_list(value) or []
    return as_text(value)


def _date_text(value: Any, locale: Locale) -> str | None:
    """An ISO date written out (« 3 mars 2026 »); other text is shown as typed."""
    text = as_text(value)
    if text is None:
        return None
    try:
        return format_date(dt.date.fromisoformat(text.strip()), locale)
    except ValueError:
        return text


def _group(title: str, items: list[ObservationItem], marks: Any) -> dict[str, Any]:
    rows = []
    for item in items:
        mark = as_mapping(marks.get(item.id))
        rows.append(
            {
                "item": item,
                "frequency": mark.get("frequency")
                if mark.get("frequency") in FREQUENCIES
                else None,
                "fact": as_text(mark.get("fact")),
                "interpretation": as_text(mark.get("interpretation")),
            }
        )
    return {"title": title, "rows": rows}
