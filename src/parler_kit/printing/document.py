"""A complete printable page: the kit's stylesheet, a running header, and a body of twins."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from markupsafe import Markup

from parler_kit.printing.environment import environment
from parler_kit.printing.typography import typeset_html, typeset_text


@cache
def page_css() -> str:
    """The kit's print stylesheet (A4 ``@page``, running header, « page N / M », writing lines)."""
    return files("parler_kit.printing").joinpath("styles", "print.css").read_text("utf-8")


def document_html(
    title: str,
    body_html: str,
    *,
    header: str = "",
    lang: str = "fr",
    typeset: bool = True,
    author: str | None = None,
) -> str:
    """A full HTML page around `body_html` (kit-built HTML, inserted as is) with the print CSS.

    `title` becomes the page (and PDF) title and `header` the running header printed at the top
    of every page but the first, typically the session's title, place and dates; both are
    escaped. The title is not repeated in the body: the twins carry their own headings. French
    print typography is applied to the body and the header (`typeset=False`: the body already
    went through `typeset_html`, as a batch's shared handout body does once). `author` becomes
    the PDF's /Author (the organisation that issues the document).
    """
    template = environment().get_template("document.html.j2")
    if lang == "fr":  # French print typography on every text the page shows
        header = typeset_text(header)
        if typeset:
            body_html = typeset_html(body_html)
    return template.render(
        title=title,
        header=header,
        lang=lang,
        css=Markup(page_css()),
        body=Markup(body_html),
        author=author,
    )
