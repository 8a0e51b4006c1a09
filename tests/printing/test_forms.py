"""Form twins: observation grid, fiche action and evaluation, blank for paper or filled."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from printing_samples import HOSTILE, HOSTILE_ESCAPED

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank, load_bank
from parler_kit.printing import (
    action_sheet_html,
    document_html,
    evaluation_form_html,
    observation_grid_html,
    render_pdf,
)
from pdf_tags import figure_alts


def test_observation_grid_blank_for_a_band_has_a_row_per_item(bank: ContentBank) -> None:
    """A blank 24-month grid lists that band's child items and the adult items, boxes unticked."""
    html = observation_grid_html(bank, 24)
    child = [i for i in bank.observation_items if i.subject == "child" and i.age_band == 24]
    adult = [i for i in bank.observation_items if i.subject == "adult"]
    assert html.count('class="pk-tick"') == 3 * (len(child) + len(adult))
    assert "☒" not in html and "<svg" not in html
    assert "Observer n&#39;est pas diagnostiquer" in html


def test_observation_grid_blank_without_band_covers_every_band(bank: ContentBank) -> None:
    """With no band and no record, the grid holds every band's items."""
    html = observation_grid_html(bank)
    assert html.count('class="pk-tick"') == 3 * len(bank.observation_items)


def test_observation_grid_filled_from_a_record(bank: ContentBank, store: AnswerStore) -> None:
    """A stored record fills code, age, marks, fact and interpretation (escaped) and adds a chart."""
    item = next(i for i in bank.observation_items if i.subject == "child" and i.age_band == 24)
    store.set(
        "observation:E-07",
        {
            "child_code": "E-07",
            "age_months": 26,
            "date": "2026-03-03",
            "context": "Repas",
            "items": {item.id: {"frequency": "parfois", "fact": HOSTILE, "interpretation": "?"}},
        },
    )
    html = observation_grid_html(bank, answers=store, key="observation:E-07")
    assert "E-07" in html and "<td>26</td>" in html and "3 mars 2026" in html
    assert html.count("☒") == 1 and HOSTILE_ESCAPED in html
    assert "<svg" in html


def test_action_sheet_blank_then_filled(bank: ContentBank, store: AnswerStore) -> None:
    """Blank: help, example and lines per field; filled: the text escaped and a completeness count."""
    fields = sorted(bank.action_sheet_fields, key=lambda f: f.order)
    blank = action_sheet_html(bank)
    assert blank.count('class="pk-item"') == len(fields)
    assert blank.count("Exemple\u202f:") == len(fields)
    store.set("fiche-action", {fields[0].id: HOSTILE})
    filled = action_sheet_html(bank, store)
    assert HOSTILE_ESCAPED in filled
    required = sum(1 for f in fields if f.required)
    assert f"remplies\u202f: {1 if fields[0].required else 0} / {required}" in filled


def test_evaluation_form_blank_then_filled(bank: ContentBank, store: AnswerStore) -> None:
    """Scale questions get five boxes; filled, the chosen point, choice and text appear."""
    questions = [q for q in bank.evaluation_questions if q.form == "chaud"]
    scale = [q for q in questions if q.kind == "scale"]
    choice = next(q for q in questions if q.kind == "choice")
    text = next(q for q in questions if q.kind == "text")
    blank = evaluation_form_html(bank, "chaud")
    assert "Évaluation à chaud" in blank and "☒" not in blank
    assert blank.count('class="pk-item"') == len(questions)
    assert blank.count("☐") >= 5 * len(scale)
    store.set(
        "evaluation:chaud",
        {scale[0].id: 4, choice.id: choice.choices[1].id, text.id: HOSTILE},
    )
    filled = evaluation_form_html(bank, "chaud", store)
    assert filled.count("☒") == 2 and HOSTILE_ESCAPED in filled


def test_evaluation_froid_multiple_choice_ticks_each_chosen(
    bank: ContentBank, store: AnswerStore
) -> None:
    """A multiple-choice question of the follow-up form ticks every stored choice."""
    question = next(q for q in bank.evaluation_questions if q.form == "froid" and q.multiple)
    chosen = [c.id for c in question.choices[:3]]
    store.set("evaluation:froid", {question.id: chosen})
    html = evaluation_form_html(bank, "froid", store)
    assert "Évaluation à froid" in html and html.count("☒") == 3


def test_frequency_headings_stay_inside_their_columns_on_the_pdf(tmp_path: Path) -> None:
    """« Souvent » ends before the next heading starts (the text layer read « SouventFait »)."""
    page = document_html("Grille", observation_grid_html(load_bank(), 18))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(render_pdf(page, tmp_path / "g.pdf")), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    words = [
        (w, float(x0), float(x1))
        for x0, x1, w in re.findall(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes
        )
    ]
    heading = next(i for i, (w, _, _) in enumerate(words) if w == "Souvent")
    assert words[heading][2] < words[heading + 1][1], words[heading : heading + 2]
    assert (
        "SouventFait"
        not in subprocess.run(
            ["pdftotext", str(tmp_path / "g.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    )


def test_a_filled_grid_s_chart_has_an_alternative_text_with_its_counts_on_the_pdf(
    bank: ContentBank, store: AnswerStore, tmp_path: Path
) -> None:
    """The profile chart of a filled grid is a /Figure whose /Alt gives each domain's counts."""
    items = [i for i in bank.observation_items if i.subject == "child" and i.age_band == 24][:3]
    marks = {
        i.id: {"frequency": f} for i, f in zip(items, ("souvent", "souvent", "jamais"), strict=True)
    }
    store.set("observation:E-07", {"child_code": "E-07", "age_months": 26, "items": marks})
    page = document_html(
        "Grille", observation_grid_html(bank, answers=store, key="observation:E-07")
    )
    alts = [" ".join(alt.split()) for alt in figure_alts(render_pdf(page, tmp_path / "g.pdf"))]
    assert len(alts) == 1 and alts[0].startswith("Graphique"), alts
    assert sum(int(n) for n in re.findall(r"(\d+) souvent", alts[0])) == 2, alts
    assert sum(int(n) for n in re.findall(r"(\d+) jamais", alts[0])) == 1, alts
