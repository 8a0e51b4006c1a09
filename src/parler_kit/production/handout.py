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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import mistune

from parler_kit import printing
from parler_kit.content import ContentBank
from parler_kit.errors import ProductionError
from parler_kit.i18n import Locale, french_typography, ui_text
from parler_kit.printing import Answers
from parler_kit.printing.join import Bookmark
from parler_kit.printing.typography import typeset_html, typeset_text
from parler_kit.production.personal import cover_html, role_examples_html, running_header
from parler_kit.production.template import Block, Markdown, Placeholder, Show, Template
from parler_kit.roster import Participant, Session

# Laid out (so the contents can give its page) but takes no room and shows nothing.
_INVISIBLE = "height:0;margin:0;padding:0;border:0;overflow:hidden;font-size:0"
#: Between two sections of a handout body: each section starts a page and is laid out alone.
SEGMENT = "\n<!--pk-segment-->\n"
#: Words that only make sense on a screen; a sentence holding one is not printed.
_SCREEN = re.compile(
    r"\b(cliqu\w*|s'affich\w*|s’affich\w*|rouvr\w*|enregistre vos réponses|onglet\w*|bouton\w*)",
    re.IGNORECASE,
)
#: The template's own headings name their day: « Jour 2 — Parler avec les tout-petits ».
_DAY = re.compile(r"(?:Jour|Day)\s+(\d+)\b")
_DAY_TITLE = re.compile(r"(?:Jour|Day)\s+(\d+)\s+[—–-]\s+(.+)")
_MARKDOWN_PLUGINS = ["table", "strikethrough"]
#: The template's markdown as tokens: its headings' text is read from them, not from HTML.
_markdown_tokens = mistune.create_markdown(renderer=None, plugins=_MARKDOWN_PLUGINS)


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the contents page: a ``##`` heading of the template (or the memo card).

    `title` is the heading's text as printed (typeset, escaped HTML); `day` the course day its
    heading names (« Jour 2 — … »), and `label` the title without « Jour 2 — », as the PDF's
    bookmarks show it under their day.
    """

    anchor: str
    title: str
    day: int | None = None
    label: str = ""


class _SectionRenderer(mistune.HTMLRenderer):
    """The template's markdown as HTML; each ``##`` heading becomes a numbered contents entry."""

    def __init__(self, entries: list[ContentsEntry], locale: Locale) -> None:
        super().__init__(escape=False)  # kit-authored markdown only: never participant data
        self.entries = entries
        self.locale = locale

    def render_token(self, token: dict[str, Any], state: Any) -> str:
        """A ``##`` heading gets its anchor « sec-N » and a contents entry from its tokens."""
        if token["type"] != "heading" or token.get("attrs", {}).get("level") != 2:
            return str(super().render_token(token, state))
        entry = _entry(f"sec-{len(self.entries) + 1}", _plain(token), self.locale)
        self.entries.append(entry)
        text = self.render_tokens(token["children"], state)
        return f'<h2 class="pk-section" id="{entry.anchor}">{text}</h2>\n'


def _plain(token: dict[str, Any]) -> str:
    """The text of a markdown token, inline HTML left out (as a reader sees it)."""
    if token["type"] == "inline_html":
        return ""
    if "raw" in token:
        return str(token["raw"])
    return "".join(_plain(child) for child in token.get("children", ()))


def _entry(anchor: str, plain: str, locale: Locale) -> ContentsEntry:
    """A contents entry for a heading's plain text: typeset, escaped, and its day read."""
    escaped = html.escape(plain.strip())
    title = typeset_text(escaped) if locale == "fr" else escaped
    printed = html.unescape(title)
    day = _DAY_TITLE.fullmatch(printed)
    if day is None:
        return ContentsEntry(anchor, title)
    return ContentsEntry(anchor, title, int(day.group(1)), day.group(2))


def _first_day(section: Sequence[Piece]) -> int:
    """The day a section's heading names (0 before the days: how to use the booklet…)."""
    first = section[0]
    if first.kind != "markdown" or not first.text.lstrip().startswith("## "):
        return 0
    tokens = _markdown_tokens(first.text.lstrip())
    heading = next((t for t in tokens if isinstance(t, dict) and t["type"] == "heading"), None)
    day = _DAY.match(_plain(heading).strip()) if heading is not None else None
    return int(day.group(1)) if day else 0


# Extra print rules for what only the handout has: cover page and table of contents.
HANDOUT_CSS = """
<style>
.pk-cover { break-after: page; page-break-after: always; padding-top: 35mm; }
.pk-cover h1 { font-size: 24pt; }
.pk-cover-name { font-size: 20pt; font-weight: bold; margin: 8mm 0 10mm; }
.pk-cover-table th { width: 40mm; }
.pk-toc ol { list-style: none; padding: 0; }
.pk-toc li { margin: 2mm 0; }
.pk-toc a { color: #000; text-decoration: none; }
/* Page numbers at the right of a dotted line (WeasyPrint's leader() costs seconds a page). */
.pk-toc li { border-bottom: 0.6pt dotted #000; }
.pk-toc a { display: block; }
.pk-toc a::after { float: right; content: target-counter(attr(href), page); }
.pk-toc a[data-page]::after { content: attr(data-page); }
/* Each section (so each day) starts a page; the contents share theirs with the first one. */
h2.pk-section { break-before: page; page-break-before: always; }
.pk-toc + h2.pk-section { break-before: auto; page-break-before: auto; }
/* Bookmarks: the sections only (the PDF joiner groups them by day). */
h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
h2.pk-section { bookmark-level: 1; }
/* A heading never ends a page: it stays with what follows. */
h2, h3, h4, .pk-instructions { break-after: avoid; page-break-after: avoid; }
.pk-output > .pk-twin > h2 + *, h3 + p, h4 + p { break-before: avoid; }
</style>
"""


class CellError(ProductionError):
    """A template cell failed for one participant; `cell` is its 0-based index in the notebook."""

    def __init__(self, cell: int, detail: str) -> None:
        self.cell = cell
        self.detail = detail
        super().__init__(ui_text("production.cell_failed", cell=cell, detail=detail))


@dataclass(frozen=True)
class Piece:
    """One printable piece of a workbook: a markdown cell, the role examples or a twin's HTML."""

    kind: str  # "markdown", "role-examples" or the show() kind of a twin
    text: str  # markdown source, or HTML


def _twin(kind: str, kwargs: dict[str, Any], bank: ContentBank, answers: Answers | None) -> str:
    """HTML twin of one ``show(kind, **kwargs)`` call (kwargs as the widgets take them)."""
    # A template names only existing ids: an empty selection stays empty (not "every record").
    arguments = {k: v for k, v in kwargs.items() if k not in ("store", "bank", "locale")}
    for name in ("items", "questions"):
        if name in arguments and arguments[name] is None:
            arguments[name] = []
    return printing.twin_html(kind, bank, answers, locale=kwargs.get("locale", "fr"), **arguments)


def _markdown_section(source: str, locale: Locale, entries: list[ContentsEntry]) -> str:
    """A template markdown cell as HTML; its ``##`` headings are added to the contents `entries`.

    Only the template's own sections go in the contents (the twins have headings too).
    """
    text = french_typography(source) if locale == "fr" else source
    renderer = _SectionRenderer(entries, locale)
    return str(mistune.create_markdown(renderer=renderer, plugins=_MARKDOWN_PLUGINS)(text))


def _pieces(
    blocks: Sequence[Block],
    parameters: dict[str, Any],
    participant: Participant,
    bank: ContentBank,
    answers: Answers | None,
    locale: Locale,
) -> list[Piece]:
    pieces: list[Piece] = []
    for block in blocks:
        if isinstance(block, Markdown):
            pieces.append(Piece("markdown", block.source))
        elif isinstance(block, Placeholder):
            if block.tag == "role-examples":
                pieces.append(Piece("role-examples", role_examples_html(bank, participant, locale)))
        elif isinstance(block, Show):
            try:
                twin = _twin(block.kind, block.resolve(parameters), bank, answers)
            except Exception as error:  # a failing cell is reported, whatever the cause
                raise CellError(block.index, f"{type(error).__name__}: {error}") from error
            pieces.append(Piece(block.kind, twin))
    return pieces


def _without_screen_wording(source: str) -> str:
    """Drop the sentences and list items that only make sense on a screen (« cliquez »…)."""
    kept: list[str] = []
    for line in source.splitlines():
        if _SCREEN.search(line) and line.lstrip().startswith(("- ", "* ")):
            continue  # a list item about the screen
        sentences = re.split(r"(?<=[.!?…])\s+", line)
        kept.append(" ".join(s for s in sentences if not _SCREEN.search(s)))
    return "\n".join(kept)


def _sections(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Pieces grouped by the template's ``##`` headings (a section starts with its heading)."""
    sections: list[list[Piece]] = []
    for piece in pieces:
        if not sections or (piece.kind == "markdown" and piece.text.lstrip().startswith("## ")):
            sections.append([])
        sections[-1].append(piece)
    return sections


def _print_section(
    section: list[Piece], bank: ContentBank, locale: Locale, entries: list[ContentsEntry]
) -> str:
    """One section as printed.

    Paper is not a screen: the anonymous evaluation form is not in a named booklet (the organiser
    prints it apart, `parler-kit admin evaluation`); the fiche action, a group document, is
    replaced by a pointer to the group's copy and room for notes; a ``###`` heading and
    instruction written just before a twin are left out, the twin prints its own; sentences
    about clicking or what appears on screen are dropped.
    """
    kinds = {piece.kind for piece in section}
    if "evaluation" in kinds:
        return ""
    parts: list[str] = []
    for index, piece in enumerate(section):
        following = section[index + 1].kind if index + 1 < len(section) else None
        if piece.kind == "markdown":
            source = piece.text.lstrip()
            if source.startswith("###") and following not in (None, "markdown", "role-examples"):
                continue
            if "action_sheet" in kinds and source.startswith("## "):
                source = source.splitlines()[0]  # the heading only; the text is the group's
            parts.append(_markdown_section(_without_screen_wording(source), locale, entries))
        elif piece.kind == "role-examples":
            parts.append(piece.text)
        elif piece.kind == "action_sheet":
            note = html.escape(ui_text("production.group_sheet", locale))
            notes = html.escape(ui_text("production.notes", locale))
            lines = '<div class="pk-line"></div>' * 18
            parts.append(
                f'<p class="pk-note">{note}</p><h3>{notes}</h3><div class="pk-lines">{lines}</div>'
            )
        else:
            parts.append(f'<div class="pk-output">{piece.text}</div>')
            if piece.kind == "quiz":
                pointer = html.escape(ui_text("production.quiz_key_pointer", locale))
                parts.append(f'<p class="pk-note">{pointer}</p>')
    return "\n".join(parts)


def _finish(pieces: Sequence[Piece], bank: ContentBank, locale: Locale) -> HandoutBody:
    """The printed sections and the memo card, each with its contents entries.

    No answer key: the same questions are asked again at the end of the course, so the key is
    in the trainer's edition (`parler_kit.production.pdf.trainer_key_pdf`), not in the booklet.

    Each section starts on a new page and the PDF is laid out section by section
    (`parler_kit.production.pdf`). The booklet follows the course's days (a stable sort: within
    a day, the template's order); headings are numbered in that order.
    """
    entries: list[ContentsEntry] = []
    segments: list[str] = []
    for section in sorted(_sections(pieces), key=_first_day):
        printed = _print_section(section, bank, locale, entries)
        if printed:
            segments.append(printed)
    memo_title = ui_text("production.memo", locale)
    memo = printing.technique_memo_html(bank, locale=locale)
    # The memo card has its own heading: an invisible section heading gives it a contents line.
    entry = _entry(f"sec-{len(entries) + 1}", memo_title, locale)
    entries.append(entry)
    segments.append(
        f'<h2 class="pk-section" id="{entry.anchor}" style="{_INVISIBLE}">'
        f"{html.escape(memo_title)}</h2>"
        f'<div class="pk-output pk-memo">{memo}</div>'
    )
    # French print typography once per body (a batch shares bodies), not once per page made.
    sections = tuple(typeset_html(s) if locale == "fr" else s for s in segments)
    return HandoutBody(tuple(entries), sections, locale)


@dataclass(frozen=True)
class HandoutBody:
    """Everything after the cover, as data: the contents entries and the sections' HTML.

    Sections are typeset; each starts a page. The contents page and the PDF's bookmarks are
    made from `entries`, never read back from the HTML.
    """

    entries: tuple[ContentsEntry, ...]
    sections: tuple[str, ...]
    locale: Locale = "fr"

    def toc_html(self, pages: Mapping[str, int] | None = None) -> str:
        """The contents page.

        An entry whose page is in `pages` writes it; the others let the layout count it
        (``target-counter``).
        """
        known = pages or {}
        lines = "".join(
            f'<li><a href="#{e.anchor}" data-page="{known[e.anchor]}">{e.title}</a></li>'
            if e.anchor in known
            else f'<li><a href="#{e.anchor}">{e.title}</a></li>'
            for e in self.entries
        )
        title = html.escape(ui_text("production.toc", self.locale))
        title = typeset_text(title) if self.locale == "fr" else title  # entries already are
        return f'<nav class="pk-toc"><h2>{title}</h2><ol>{lines}</ol></nav>'

    @property
    def html(self) -> str:
        """Contents and sections as one HTML body (`SEGMENT` between two sections)."""
        return self.toc_html() + SEGMENT.join(self.sections)

    def bookmarks(self, pages: Mapping[str, int]) -> list[Bookmark]:
        """One bookmark per day with its sections beneath; other sections on their own.

        `pages`: each entry's 1-based page in the joined PDF.
        """
        marks: list[Bookmark] = []
        for entry in self.entries:
            page = pages.get(entry.anchor, 1) - 1
            if entry.day is None:
                marks.append(Bookmark(html.unescape(entry.title), page))
                continue
            label = ui_text("production.day", "fr", number=entry.day)
            child = Bookmark(entry.label, page)
            if marks and marks[-1].title == label:
                last = marks.pop()
                marks.append(Bookmark(label, last.page, (*last.children, child)))
            else:
                marks.append(Bookmark(label, page, (child,)))
        return marks


@dataclass(frozen=True)
class HandoutParts:
    """A handout split into what is personal (cover) and what participants share (the body)."""

    title: str
    header: str
    cover: str
    body: HandoutBody

    def page(self, cover: str | None = None, *, lang: str = "fr") -> str:
        """The complete HTML page (cover, contents, content), optionally with another cover.

        The body is typeset once when it is made (`handout_body`): only the cover is here.
        """
        front = self.cover if cover is None else cover
        return printing.document_html(
            self.title,
            HANDOUT_CSS + (typeset_html(front) if lang == "fr" else front) + self.body.html,
            header=self.header,
            lang=lang,
            typeset=False,
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


def handout_body(
    template: Template,
    parameters: dict[str, Any],
    participant: Participant,
    bank: ContentBank,
    answers: Answers | None = None,
    locale: Locale = "fr",
) -> HandoutBody:
    """Contents page and content: everything after the cover (the expensive part)."""
    return _finish(
        _pieces(template.blocks, parameters, participant, bank, answers, locale), bank, locale
    )


def executed_body(
    notebook: Any,
    template: Template,
    participant: Participant,
    bank: ContentBank,
    locale: Locale = "fr",
) -> HandoutBody:
    """The same body taken from a workbook executed with ``PARLER_KIT_MODE=print`` in a kernel.

    Markdown cells are converted as in `handout_body`; each code cell contributes its HTML
    outputs (the printed twins `parler_kit.widgets.show` displayed), as the piece of the kind
    its ``show("kind", …)`` call names in `template` (the same cell, papermill's injected one
    aside); the parameters cells and the injected cell are left out, as is the cover (the
    handout has its own).
    """
    kinds: dict[int, str] = {}
    for block in template.blocks:
        if isinstance(block, Show):
            kinds.setdefault(block.index, block.kind)
    template_cells = [
        cell
        for cell in notebook.cells
        if "injected-parameters" not in cell.get("metadata", {}).get("tags", [])
    ]
    pieces: list[Piece] = []
    for index, cell in enumerate(template_cells):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & {"parameters", "cover"}:
            continue
        if "role-examples" in tags:
            pieces.append(Piece("role-examples", role_examples_html(bank, participant, locale)))
        elif cell.cell_type == "markdown":
            pieces.append(Piece("markdown", cell.source))
        elif cell.cell_type == "code":
            shown = [
                "".join(data)
                if isinstance(data := output.get("data", {})["text/html"], list)
                else data
                for output in cell.get("outputs", [])
                if "text/html" in output.get("data", {})
            ]
            if shown:
                pieces.append(Piece(kinds.get(index, "output"), "".join(shown)))
    return _finish(pieces, bank, locale)


def handout_parts(
    body: HandoutBody,
    participant: Participant,
    session: Session,
    bank: ContentBank,
    locale: Locale = "fr",
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
