"""The handout PDF, fast: the shared body is laid out once, each participant's cover alone.

WeasyPrint lays out a 40-page handout in seconds; doing it for every participant is what made
batches slow (docs/performance.md). Participants whose handouts differ only by their cover share
one body PDF, cached under ``<out>/.cache/`` by a key of everything the body depends on; each
participant's one-page cover is rendered alone, with the body's page total in its footer, and
put in front of the body's pages 2…N with pypdf.
"""

from __future__ import annotations

import fcntl
import io
import os
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from parler_kit.printing import offline_fetcher, render_pdf
from parler_kit.production.files import write_atomic
from parler_kit.production.handout import HandoutParts

CACHE_DIR = ".cache"


def _cover_css(total_pages: int) -> str:
    # Rendered alone, the cover would read « page 1 / 1 »: give it the whole handout's total.
    return (
        f'<style>@page :first {{ @bottom-right {{ content: "page 1 / {total_pages}"; }} }}</style>'
    )


def body_pdf(parts: HandoutParts, key: str, out: Path) -> Path:
    """The body PDF for `key` (rendered once, with this participant's cover as page 1).

    Worker processes that need the same body at the same time wait on a lock file instead of
    laying it out twice: the second one finds the finished file.
    """
    cache = out / CACHE_DIR / f"body-{key}.pdf"
    if cache.is_file():
        os.utime(cache)  # marks it as used by this batch (see `prune_cache`)
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.with_suffix(".lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            if not cache.is_file():
                scratch = cache.with_name(f"{cache.stem}.{os.getpid()}.pdf")
                render_pdf(parts.page(), scratch)
                scratch.replace(cache)
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    return cache


def handout_pdf(parts: HandoutParts, key: str, out: Path, target: Path) -> Path:
    """Write `target`: this participant's cover, then pages 2…N of the shared body."""
    body = PdfReader(body_pdf(parts, key, out))
    total = len(body.pages)
    page = parts.page(cover=_cover_css(total) + parts.cover)
    # Only the cover page is needed: cut the document before the contents page.
    cover_only = page.split('<nav class="pk-toc">', 1)[0] + "</body></html>"
    cover = HTML(string=cover_only, url_fetcher=offline_fetcher()).render()
    if len(cover.pages) != 1:  # an extremely long name or structure: lay out everything
        return render_pdf(page, target)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover.write_pdf())))
    writer.append(body, pages=(1, total))
    writer.add_metadata({"/Title": parts.title, "/Creator": "parler-kit"})
    buffer = io.BytesIO()
    writer.write(buffer)
    write_atomic(target, buffer.getvalue())
    return target


def prune_cache(out: Path, started: float) -> None:
    """Remove cached bodies no participant used since `started` (a template or content change)."""
    folder = out / CACHE_DIR
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix == ".lock" or path.stat().st_mtime < started:
            path.unlink(missing_ok=True)
