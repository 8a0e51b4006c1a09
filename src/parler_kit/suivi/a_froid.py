"""The évaluation à froid as a fillable PDF sent by e-mail, and its answers read back.

`write_a_froid` writes, for each participant of the roster, ``a-froid-<id>.pdf`` (the à froid
questions of the content bank as form fields; the person and the session filled in and locked)
and ``a-froid-<id>.eml`` (a French e-mail with the PDF attached, addressed to the roster's e-mail
when there is one). `a_froid_answers` turns the fields of a returned PDF into the value the room's
à froid notebook stores under ``evaluation:froid``, so the bilan reads both the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from parler_kit.content import ContentBank, EvaluationQuestion
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import format_date, ui_text
from parler_kit.printing import document_html
from parler_kit.roster import Participant, Roster, Session
from parler_kit.suivi.fields import (
    FORM_FIELD,
    PARTICIPANT_FIELD,
    SESSION_FIELD,
    FormProblem,
    is_checked,
    read_form,
    write_form,
)
from parler_kit.suivi.mail import write_eml
from parler_kit.suivi.render import render

#: The value of the form's `FORM_FIELD`: what it is, and the version of its fields.
A_FROID_KIND = "parler-kit:a-froid:1"
#: Points of a « scale » question.
SCALE = ("1", "2", "3", "4", "5")
_LOCKED = (FORM_FIELD, SESSION_FIELD, PARTICIPANT_FIELD, "pk-nom", "pk-session-titre")


def questions(bank: ContentBank) -> list[EvaluationQuestion]:
    """The à froid questions, in the content bank's order."""
    found = [q for q in bank.evaluation_questions if q.form == "froid"]
    if not found:
        raise ParlerKitError(ui_text("admin.evaluation.no_questions", form="froid"))
    return found


def a_froid_html(bank: ContentBank, participant: Participant, session: Session) -> str:
    """The full page of one participant's fillable à froid form."""
    body = render(
        "a_froid.html.j2",
        session=session,
        participant=participant,
        questions=questions(bank),
        kind=A_FROID_KIND,
        scale=SCALE,
    )
    title = ui_text("suivi.a_froid.title")
    return document_html(f"{title} — {session.title}", body, header=f"{session.title} — {title}")


def form_name(participant: Participant) -> str:
    """« a-froid-p03.pdf »: the file name of a participant's form."""
    return f"a-froid-{participant.id}.pdf"


def write_a_froid(bank: ContentBank, roster: Roster, session: Session, out: Path) -> list[Path]:
    """Write every participant's form and e-mail into `out`; return the paths written.

    A form already in `out` that has been filled in (a returned copy saved over the sent one) is
    never overwritten: the run stops before writing anything, naming the file.
    """
    asked = questions(bank)
    for participant in roster.participants:
        _refuse_filled(out / form_name(participant), asked)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for participant in roster.participants:
        pdf = write_form(
            a_froid_html(bank, participant, session), out / form_name(participant), _LOCKED
        )
        eml = write_eml(
            pdf.with_suffix(".eml"),
            to=participant.email,
            subject=ui_text("suivi.a_froid.mail_subject", session=session.title),
            body=ui_text(
                "suivi.a_froid.mail_body",
                first_name=participant.first_name,
                session=session.title,
                last_day=format_date(session.days[-1]),
                organisation=session.organisation,
            ),
            attachment=pdf,
        )
        written += [pdf, eml]
    return written


def _refuse_filled(path: Path, asked: list[EvaluationQuestion]) -> None:
    if not path.is_file():
        return
    try:
        fields = read_form(path)
    except FormProblem:
        raise ParlerKitError(ui_text("suivi.write.not_ours", path=path)) from None
    if fields.kind == A_FROID_KIND and a_froid_answers(fields.values, asked):
        raise ParlerKitError(ui_text("suivi.write.filled", path=path))


def a_froid_answers(values: dict[str, str], asked: list[EvaluationQuestion]) -> dict[str, Any]:
    """The answers given in a returned form, as the notebook stores them (empty: unfilled).

    Scale answers are integers 1–5, single choices a choice id, multiple choices a sorted list of
    ids, texts the text typed. A value the question does not offer is ignored, not guessed.
    """
    answers: dict[str, Any] = {}
    for question in asked:
        if question.kind == "choice" and question.multiple:
            ticked = sorted(
                c.id
                for c in question.choices
                if is_checked(values.get(f"{question.id}:{c.id}", ""))
            )
            if ticked:
                answers[question.id] = ticked
            continue
        value = values.get(question.id, "")
        # A viewer may save an option's text (« 1 — pas du tout d'accord ») rather than its value.
        point = value.split()[0] if value.split() else ""
        if question.kind == "scale" and point in SCALE:
            answers[question.id] = int(point)
        elif question.kind == "choice":
            chosen = _choice(question, value)
            if chosen is not None:
                answers[question.id] = chosen
        elif question.kind == "text" and value:
            answers[question.id] = value
    return answers


def _choice(question: EvaluationQuestion, value: str) -> str | None:
    """A choice id from its id or its displayed text (viewers differ in which one they save)."""
    for choice in question.choices:
        if value in (choice.id, choice.text.fr):
            return choice.id
    return None
