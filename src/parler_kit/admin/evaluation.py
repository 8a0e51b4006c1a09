"""Blank evaluation forms for paper: à chaud (end of course) and à froid (a few weeks later).

The questions are the content bank's (`bank.evaluation_questions`) through the printing layer's
twin of `EvaluationForm`, so the paper form and the notebook form always ask the same things.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from parler_kit.admin.environment import render
from parler_kit.admin.personal import issuer
from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.printing import document_html, evaluation_form_html, render_pdf
from parler_kit.roster import Session

Form = Literal["chaud", "froid"]
FORMS: tuple[Form, ...] = ("chaud", "froid")


def evaluation_html(bank: ContentBank, session: Session, form: Form) -> str:
    """The full printable page of the blank `form` for `session`."""
    if not any(q.form == form for q in bank.evaluation_questions):
        raise ParlerKitError(ui_text("admin.evaluation.no_questions", form=form))
    intro = render("evaluation_intro.html.j2", session=session, form=form)
    # Both parts are kit-built HTML; joined as text (adding a str to Markup would escape it).
    body = "".join([intro, str(evaluation_form_html(bank, form))])
    title = ui_text(f"admin.evaluation.title_{form}")
    return document_html(title, body, header=f"{session.title} — {title}", author=issuer(session))


def write_evaluations(bank: ContentBank, session: Session, out: Path) -> list[Path]:
    """Write « evaluation-a-chaud.pdf » and « evaluation-a-froid.pdf » into `out`."""
    return [
        render_pdf(evaluation_html(bank, session, form), out / f"evaluation-a-{form}.pdf")
        for form in FORMS
    ]
