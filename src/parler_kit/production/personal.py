"""What is personal in a workbook: its parameters, cover page and role examples.

Participant fields are data: every generated piece of HTML escapes them, and every generated
piece of markdown escapes both HTML and markdown syntax, so a name with quotes, backslashes,
``<script>`` or ``{{ }}`` is shown exactly as typed.
"""

from __future__ import annotations

import html
import re
from typing import Any

from parler_kit.answers.files import WORKBOOK_ANSWERS
from parler_kit.content import ContentBank
from parler_kit.i18n import Locale, format_date, format_days, ui_text
from parler_kit.production.selection import role_examples, select_for_role
from parler_kit.roster import Participant, Session

#: Name of the answers file beside ``workbook.ipynb`` (what `answers_path_for` gives).
ANSWERS_NAME = WORKBOOK_ANSWERS

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&])")


def workbook_parameters(
    participant: Participant, session: Session, bank: ContentBank, locale: Locale = "fr"
) -> dict[str, Any]:
    """Plain values injected in the template's parameters cell for one participant."""
    selection = select_for_role(bank, participant.role)
    return {
        "participant_id": participant.id,
        "full_name": participant.full_name,
        "role": participant.role,
        "structure": participant.structure,
        "session_id": session.id,
        "session_title": session.title,
        "locale": locale,
        "answers_path": ANSWERS_NAME,
        "classify_ids": list(selection.classify_ids),
        "reformulate_ids": list(selection.reformulate_ids),
        "dialogue_ids": list(selection.dialogue_ids),
        "quiz_ids": list(selection.quiz_ids),
    }


def session_dates(session: Session, locale: Locale = "fr") -> str:
    """« 8 mars 2027, 9 mars 2027 et 22 mars 2027 »."""
    days = [format_date(day, locale) for day in session.days]
    if len(days) < 2:
        return "".join(days)
    return ui_text("production.dates", locale, head=", ".join(days[:-1]), last=days[-1])


#: Characters that fit on the running header's line: 8 pt DejaVu Sans across the A4 page's
#: 174 mm (the trainer's edition's header, 127 characters, fits with a little room).
HEADER_LENGTH = 130


def running_header(session: Session, locale: Locale = "fr", suffix: str = "") -> str:
    """The running header, one line: title — dates (« 8, 9 et 22 mars 2027 ») [— suffix].

    The place is on the cover (with it the header wrapped onto two lines on every page); a
    title too long for the line is shortened with « … », the dates and suffix kept.
    """
    rest = f" — {format_days(session.days, locale)}" + (f" — {suffix}" if suffix else "")
    title = session.title
    if len(title) + len(rest) > HEADER_LENGTH:
        title = title[: max(HEADER_LENGTH - len(rest) - 1, 10)].rstrip(" ,;:—–-") + "…"
    return title + rest


def markdown_literal(text: str) -> str:
    """`text` as markdown that renders exactly as typed (HTML and markdown syntax escaped)."""
    flat = " ".join(text.splitlines())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def _cover_lines(
    participant: Participant, session: Session, bank: ContentBank, locale: Locale
) -> tuple[str, list[tuple[str, str]]]:
    # The person's own profession (« animatrice / animateur de RPE »), not the role's name.
    record = bank.role(participant.role)
    role = getattr(record, "profession", None) or record.label
    role_label = role.en if locale == "en" and role.en else role.fr
    lines = [
        (ui_text("production.cover.participant", locale), participant.full_name),
        (ui_text("production.cover.role", locale), role_label),
        (ui_text("production.cover.structure", locale), participant.structure),
        (ui_text("production.cover.session", locale), session.title),
        (ui_text("production.cover.place", locale), f"{session.place}, {session.address}"),
        (ui_text("production.cover.dates", locale), session_dates(session, locale)),
        (ui_text("production.cover.trainers", locale), ", ".join(session.trainers)),
        (ui_text("production.cover.organisation", locale), session.organisation),
        (ui_text("production.cover.cite", locale), session.cite_educative),
    ]
    return ui_text("production.cover.title", locale), lines


def cover_markdown(
    participant: Participant, session: Session, bank: ContentBank, locale: Locale = "fr"
) -> str:
    """The workbook's cover as a markdown cell."""
    title, lines = _cover_lines(participant, session, bank, locale)
    body = "\n".join(f"- **{label}** {markdown_literal(value)}" for label, value in lines)
    return f"# {title}\n\n{body}\n"


def cover_html(
    participant: Participant, session: Session, bank: ContentBank, locale: Locale = "fr"
) -> str:
    """The handout's cover page (its own page, every value escaped)."""
    title, lines = _cover_lines(participant, session, bank, locale)
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
        for label, value in lines
    )
    return (
        f'<section class="pk-cover"><h1>{html.escape(title)}</h1>'
        f'<p class="pk-cover-name">{html.escape(participant.full_name)}</p>'
        f'<table class="pk-cover-table">{rows}</table></section>'
    )


def role_examples_markdown(
    bank: ContentBank, participant: Participant, locale: Locale = "fr"
) -> str:
    """Markdown list: for each technique, an example from the participant's own situations."""
    lines = [f"### {ui_text('production.examples.title', locale)}", ""]
    for technique, example in role_examples(bank, participant.role):
        name = technique.name.localised()
        text = example.text.localised()
        lines.append(f"- **{markdown_literal(name)}**\u202f: {markdown_literal(text)}")
    return "\n".join(lines) + "\n"


def role_examples_html(bank: ContentBank, participant: Participant, locale: Locale = "fr") -> str:
    """The same list as HTML, for the handout."""
    items = "".join(
        f"<li><strong>{html.escape(t.name.localised())}</strong>\u202f: "
        f"{html.escape(e.text.localised())}</li>"
        for t, e in role_examples(bank, participant.role)
    )
    title = html.escape(ui_text("production.examples.title", locale))
    return f'<section class="pk-role-examples"><h3>{title}</h3><ul>{items}</ul></section>'
