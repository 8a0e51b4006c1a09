"""The printed handout: cover, contents page, the template's content, the memo card.

By default (`handout_body`) it is rendered in-process from the template's blocks, without a
kernel: each ``show(kind, …)`` call is rendered with the same static twin from
`parler_kit.printing` that `parler_kit.widgets.show` displays when a notebook runs with
``PARLER_KIT_MODE=print``. `executed_body` builds the same body from a workbook that was run in
a kernel in print mode (``--engine kernel``). Markdown cells are converted to HTML, the cover and
the role examples are generated. Measurements behind the default: docs/performance.md.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import mistune

from parler_kit import printing
from parler_kit.content import ContentBank
from parler_kit.errors import ProductionError
from parler_kit.i18n import Locale, french_typography, ui_text
from parler_kit.printing import Answers
from parler_kit.production.personal import cover_html, role_examples_html, running_header
from parler_kit.production.template import Block, Markdown, Placeholder, Show, Template
from parler_kit.roster import Participant, Session

_HEADING = re.compile(r'<h2 class="pk-section"( style="[^"]*")?>(.*?)</h2>', re.DOTALL)
# Laid out (so the contents can give its page) but takes no room and shows nothing.
_INVISIBLE = "height:0;margin:0;padding:0;border:0;overflow:hidden;font-size:0"
_TAG = re.compile(r"<[^>]+>")
# Kit-authored markdown only (template cells); participant data never goes through it.
_markdown = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])

# Extra print rules for what only the handout has: cover page and table of contents.
_HANDOUT_CSS = """
<style>
.pk-cover { break-after: page; page-break-after: always; padding-top: 35mm; }
.pk-cover h1 { font-size: 24pt; }
.pk-cover-name { font-size: 20pt; font-weight: bold; margin: 8mm 0 10mm; }
.pk-cover-table th { width: 40mm; }
.pk-toc { break-after: page; page-break-after: always; }
.pk-toc ol { list-style: none; padding: 0; }
.pk-toc li { margin: 2mm 0; }
.pk-toc a { color: #000; text-decoration: none; }
.pk-toc a::after { content: leader('.') target-counter(attr(href), page); }
</style>
"""


class CellError(ProductionError):
    """A template cell failed for one participant; `cell` is its 0-based index in the notebook."""

    def __init__(self, cell: int, detail: str) -> None:
        self.cell = cell
        self.detail = detail
        super().__init__(ui_text("production.cell_failed", cell=cell, detail=detail))


def _twin(kind: str, kwargs: dict[str, Any], bank: ContentBank, answers: Answers | None) -> str:
    """HTML twin of one ``show(kind, **kwargs)`` call (kwargs as the widgets take them)."""
    # A template names only existing ids: an empty selection stays empty (not "every record").
    arguments = {k: v for k, v in kwargs.items() if k not in ("store", "bank", "locale")}
    for name in ("items", "questions"):
        if name in arguments and arguments[name] is None:
            arguments[name] = []
    return printing.twin_html(kind, bank, answers, locale=kwargs.get("locale", "fr"), **arguments)


def _markdown_section(source: str, locale: Locale) -> str:
    """A template markdown cell as HTML; its h2 headings are sections of the contents page.

    Only the template's own sections go in the contents (the twins have headings too).
    """
    text = french_typography(source) if locale == "fr" else source
    return str(_markdown(text)).replace("<h2>", '<h2 class="pk-section">')


def _body(
    blocks: Sequence[Block],
    parameters: dict[str, Any],
    participant: Participant,
    bank: ContentBank,
    answers: Answers | None,
    locale: Locale,
) -> list[str]:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Markdown):
            parts.append(_markdown_section(block.source, locale))
        elif isinstance(block, Placeholder):
            if block.tag == "role-examples":
                parts.append(role_examples_html(bank, participant, locale))
        elif isinstance(block, Show):
            try:
                twin = _twin(block.kind, block.resolve(parameters), bank, answers)
            except Exception as error:  # a failing cell is reported, whatever the cause
                raise CellError(block.index, f"{type(error).__name__}: {error}") from error
            parts.append(f'<div class="pk-output">{twin}</div>')
    return parts


def _with_toc(body: str, locale: Locale) -> tuple[str, str]:
    """Number the h2 headings (ids sec-1…) and build the table of contents linking to them."""
    entries: list[str] = []

    def number(match: re.Match[str]) -> str:
        anchor = f"sec-{len(entries) + 1}"
        style, inner = match.group(1) or "", match.group(2)
        text = html.escape(html.unescape(_TAG.sub("", inner)).strip())
        entries.append(f'<li><a href="#{anchor}">{text}</a></li>')
        return f'<h2 class="pk-section" id="{anchor}"{style}>{inner}</h2>'

    numbered = _HEADING.sub(number, body)
    title = html.escape(ui_text("production.toc", locale))
    toc = f'<nav class="pk-toc"><h2>{title}</h2><ol>{"".join(entries)}</ol></nav>'
    return toc, numbered


@dataclass(frozen=True)
class HandoutParts:
    """A handout split into what is personal (cover) and what participants share (the body)."""

    title: str
    header: str
    cover: str
    body: str

    def page(self, cover: str | None = None, *, lang: str = "fr") -> str:
        """The complete HTML page (cover, contents, content), optionally with another cover."""
        return printing.document_html(
            self.title,
            _HANDOUT_CSS + (self.cover if cover is None else cover) + self.body,
            header=self.header,
            lang=lang,
        )


def body_key(
    template: Template,
    parameters: dict[str, Any],
    role: str,
    answers_digest: str | None,
    header: str,
) -> str:
    """What the shared body depends on: resolved calls, role, answers, template, running header."""
    calls = [
        (block.index, block.kind, sorted(block.resolve(parameters).items()))
        for block in template.blocks
        if isinstance(block, Show)
    ]
    payload = json.dumps(
        [template.sha256, calls, role, answers_digest, parameters.get("locale"), header],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _finish(parts: list[str], bank: ContentBank, locale: Locale) -> str:
    """Append the memo card, number the sections and put the contents page first."""
    memo_title = html.escape(ui_text("production.memo", locale))
    memo = printing.technique_memo_html(bank, locale=locale)
    # The memo card has its own heading: an invisible section heading gives it a contents line.
    parts.append(
        f'<h2 class="pk-section" style="{_INVISIBLE}">{memo_title}</h2>'
        f'<div class="pk-output pk-memo">{memo}</div>'
    )
    toc, body = _with_toc("\n".join(parts), locale)
    return toc + body


def handout_body(
    template: Template,
    parameters: dict[str, Any],
    participant: Participant,
    bank: ContentBank,
    answers: Answers | None = None,
    locale: Locale = "fr",
) -> str:
    """Contents page and content: everything after the cover (the expensive part)."""
    return _finish(
        _body(template.blocks, parameters, participant, bank, answers, locale), bank, locale
    )


def executed_body(
    notebook: Any, participant: Participant, bank: ContentBank, locale: Locale = "fr"
) -> str:
    """The same body taken from a workbook executed with ``PARLER_KIT_MODE=print`` in a kernel.

    Markdown cells are converted as in `handout_body`; each code cell contributes its HTML
    outputs (the printed twins `parler_kit.widgets.show` displayed); the parameters cells and the
    injected cell are left out, as is the cover (the handout has its own).
    """
    parts: list[str] = []
    for cell in notebook.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & {"parameters", "injected-parameters", "cover"}:
            continue
        if "role-examples" in tags:
            parts.append(role_examples_html(bank, participant, locale))
        elif cell.cell_type == "markdown":
            parts.append(_markdown_section(cell.source, locale))
        elif cell.cell_type == "code":
            shown = [
                "".join(data)
                if isinstance(data := output.get("data", {})["text/html"], list)
                else data
                for output in cell.get("outputs", [])
                if "text/html" in output.get("data", {})
            ]
            if shown:
                parts.append(f'<div class="pk-output">{"".join(shown)}</div>')
    return _finish(parts, bank, locale)


def handout_parts(
    body: str, participant: Participant, session: Session, bank: ContentBank, locale: Locale = "fr"
) -> HandoutParts:
    """Put the participant's cover and the running header around a body."""
    return HandoutParts(
        title=f"{ui_text('production.cover.title', locale)} — {participant.full_name}",
        header=running_header(session, locale),
        cover=cover_html(participant, session, bank, locale),
        body=body,
    )


def handout_html(
    template: Template,
    parameters: dict[str, Any],
    participant: Participant,
    session: Session,
    bank: ContentBank,
    answers: Answers | None = None,
    locale: Locale = "fr",
) -> str:
    """The complete handout page (cover, contents, template content, memo card) as HTML."""
    body = handout_body(template, parameters, participant, bank, answers, locale)
    return handout_parts(body, participant, session, bank, locale).page(lang=locale)
