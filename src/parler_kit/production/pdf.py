"""The handout PDF, fast: each section laid out once per batch, joined behind each person's cover.

WeasyPrint lays out a 40-page handout in seconds; doing it for every participant is what made
batches slow (docs/performance.md). A handout body is a series of sections, each starting on a
new page (`parler_kit.production.handout.HandoutBody.sections`). Each section is laid out
alone, without running header nor page numbers, and cached under ``<out>/.cache/`` by the hash
of its HTML: the sections every profession shares (the milestones, vocabulary, observation,
memo…) are laid out once per batch, the exercise sections once per profession. A section that
holds a participant's own answers is laid out for their handout only and never cached: the cache
holds nothing personal, so erasing a participant (`parler_kit.erase`) has nothing to look
for in it. Each participant's front pages (cover, contents with
the page numbers the sections give, how to use the booklet) are then laid out, joined with the
cached sections keeping the structure tree (`parler_kit.printing.join`), given one bookmark per
day with its sections beneath, and stamped with the running header and « page n / N ».
"""

from __future__ import annotations

import hashlib
import html
import io
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pikepdf
from weasyprint import HTML

from parler_kit import printing
from parler_kit.atomic import locked, write_atomic
from parler_kit.content import ContentBank, QuizQuestion
from parler_kit.i18n import Locale, ui_text
from parler_kit.printing import document_html, offline_fetcher, render_pdf
from parler_kit.printing.join import (
    Part,
    join_tagged,
    named_pages,
    number_pages,
    to_bytes,
)
from parler_kit.printing.pdf import PDF_OPTIONS
from parler_kit.printing.typography import typeset_html
from parler_kit.production.handout import HANDOUT_CSS, HandoutBody, HandoutParts
from parler_kit.production.personal import running_header
from parler_kit.production.selection import select_for_role
from parler_kit.roster import Session

CACHE_DIR = ".cache"

#: Sections are laid out without page furniture: the overlay stamps it on the joined pages.
_BARE_PAGES = "<style>@page { @top-left { content: none } @bottom-right { content: none } }</style>"


@dataclass(frozen=True)
class _Laid:
    """A laid-out section: its PDF (cached file or bytes), page count, anchors' 0-based pages."""

    source: Path | bytes
    pages: int
    anchors: dict[str, int]


def _anchors(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Section anchors « sec-N » → 0-based page index."""
    return {name: page for name, page in named_pages(pdf).items() if name.startswith("sec-")}


def _render(page: str) -> bytes:
    """A tagged PDF of a complete page, as bytes."""
    document = HTML(string=page, url_fetcher=offline_fetcher()).render(**PDF_OPTIONS)
    return bytes(document.write_pdf(**PDF_OPTIONS))


_laid: dict[Path, _Laid] = {}  # per worker process


def section_pdf(section: str, out: Path, lang: str = "fr", *, shared: bool = True) -> _Laid:
    """The laid-out PDF of one section, from the batch's cache or laid out now (once).

    Worker processes that need the same section at the same time wait on a lock file instead
    of laying it out twice: the second one finds the finished file. A section that is not
    `shared` (it holds someone's answers) is laid out in memory and never written to the cache.
    """
    # Nothing personal in it (not even the title), so that participants share it; the body it
    # comes from is already typeset (`handout_body`).
    page = document_html("", HANDOUT_CSS + _BARE_PAGES + section, lang=lang, typeset=False)
    if not shared:
        laid_out = _render(page)
        with pikepdf.open(io.BytesIO(laid_out)) as pdf:
            return _Laid(laid_out, len(pdf.pages), _anchors(pdf))
    key = hashlib.sha256(page.encode("utf-8")).hexdigest()[:20]
    cache_file = out / CACHE_DIR / f"section-{key}.pdf"
    if cache_file in _laid and cache_file.is_file():
        os.utime(cache_file)  # marks it as used by this batch (see `prune_cache`)
        return _laid[cache_file]
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    if not cache_file.is_file():
        with locked(cache_file.with_suffix(".lock")):
            if not cache_file.is_file():
                write_atomic(cache_file, _render(page))
    os.utime(cache_file)
    with pikepdf.open(cache_file) as pdf:
        laid = _Laid(cache_file, len(pdf.pages), _anchors(pdf))
    _laid[cache_file] = laid
    return laid


@cache
def _furniture(total: int, header: str, lang: str) -> bytes:
    """`total` empty pages with the running header (not on the cover) and « page n / N »."""
    blank = '<div style="break-before: page"></div>' * (total - 1)
    # Transparent: the stamp is drawn over the page, a white background would hide it all.
    clear = "<style>html, body { background: none !important; }</style>"
    page = document_html("", clear + "<div></div>" + blank, header=header, lang=lang)
    return bytes(HTML(string=page, url_fetcher=offline_fetcher()).write_pdf())


def _front(parts: HandoutParts, pages: dict[str, int], lang: str) -> str:
    """Cover, contents (page numbers of the other sections written in) and the first section."""
    cover = typeset_html(parts.cover) if lang == "fr" else parts.cover
    head = parts.body.toc_html(pages) + parts.body.sections[0]
    return document_html(
        parts.title, HANDOUT_CSS + _BARE_PAGES + cover + head, lang=lang, typeset=False
    )


def body_sections(body: HandoutBody) -> list[str]:
    """The sections of a handout body laid out apart (the first shares the contents' pages)."""
    return list(body.sections[1:])


def handout_pdf(
    parts: HandoutParts,
    out: Path,
    target: Path,
    lang: str = "fr",
    *,
    shared: frozenset[str] | None = None,
) -> Path:
    """Write `target`: this participant's front pages, then the sections (cached when shared).

    `shared`: the sections that may be cached, those of the same handout without answers
    (`body_sections` of a blank body); None when the handout holds no answers (all shared).
    A section holding the participant's answers is laid out for this handout only.
    """
    sections = body_sections(parts.body)
    laid = [
        section_pdf(section, out, lang, shared=shared is None or section in shared)
        for section in sections
    ]
    front_pages = 2
    while True:  # the contents page gives page numbers that depend on the front's length
        pages: dict[str, int] = {}
        start = front_pages
        for section in laid:
            pages.update({a: start + p + 1 for a, p in section.anchors.items()})
            start += section.pages
        front = _render(_front(parts, pages, lang))
        with pikepdf.open(io.BytesIO(front)) as front_pdf:
            length = len(front_pdf.pages)
            pages.update({a: p + 1 for a, p in _anchors(front_pdf).items()})
        if length == front_pages:
            break
        front_pages = length
    joined = join_tagged(
        [Part(front), *(Part(section.source) for section in laid)],
        title=parts.title,
        lang=lang,
        bookmarks=parts.body.bookmarks(pages),
    )
    number_pages(joined, _furniture(len(joined.pages), parts.header, lang))
    write_atomic(target, to_bytes(joined))
    return target


#: The group's fiche action, beside the participants' folders (printed once for the group).
GROUP_SHEET_NAME = "fiche-action-groupe.pdf"


def group_sheet_pdf(bank: ContentBank, session: Session, out: Path, locale: Locale = "fr") -> Path:
    """The fiche action as one group document: the booklets point to it instead of holding it.

    The fiche action is written together on day 3 (the coordination, the trainers and the
    group): one copy for the group, not one in each of the participants' booklets.
    """
    title = ui_text("production.group_sheet_title", locale)
    page = document_html(
        f"{title} — {session.title}",
        printing.action_sheet_html(bank, locale=locale),
        header=running_header(session, locale),
        lang=locale,
    )
    return render_pdf(page, out / GROUP_SHEET_NAME)


#: The trainer's edition: the answer key of the questionnaire, never in a participant's booklet.
TRAINER_KEY_NAME = "corrige-formateur.pdf"


def trainer_key_pdf(bank: ContentBank, session: Session, out: Path, locale: Locale = "fr") -> Path:
    """The answer key of the workbooks' questionnaire, for the trainer only.

    The positioning questions are asked again at the end of the course: a key bound into the
    participants' booklets on day 1 would make the entry → end progress meaningless. The
    questions are those every workbook asks (`select_for_role`: they do not depend on the role).
    """
    asked = select_for_role(bank, bank.roles[0].id).quiz_ids
    questions = sorted(
        (q for q in bank.exercises_of(QuizQuestion) if q.id in asked),
        key=lambda q: asked.index(q.id),
    )
    title = ui_text("production.trainer_key_title", locale)
    intro = html.escape(ui_text("production.trainer_key_intro", locale, count=len(questions)))
    key = printing.quiz_key_html(questions, bank=bank, locale=locale)
    page = document_html(
        f"{title} — {session.title}",
        f'<p class="pk-note">{intro}</p>{key}',
        header=running_header(session, locale, suffix=title),
        lang=locale,
    )
    return render_pdf(page, out / TRAINER_KEY_NAME)


def prune_cache(out: Path, started: float) -> None:
    """Remove cached sections no participant used since `started` (a template or content change)."""
    folder = out / CACHE_DIR
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix == ".lock" or path.stat().st_mtime < started:
            path.unlink(missing_ok=True)
