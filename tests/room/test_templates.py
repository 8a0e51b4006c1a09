"""The room's hub pages are French with French typography (what participants read first)."""

from __future__ import annotations

import re
from pathlib import Path

from parler_kit.room.hub_config import TEMPLATES

#: Visible text between tags, scripts and template statements removed.
_TAGS = re.compile(r"<script.*?</script>|<style.*?</style>|\{[%#{].*?[%#}]\}|<[^>]+>", re.S)


def visible_text(path: Path) -> str:
    """The words of a template a person sees."""
    return _TAGS.sub(" ", path.read_text("utf-8"))


def test_every_hub_page_declares_french_and_uses_narrow_spaces_before_punctuation() -> None:
    """page.html says lang="fr"; no visible text has a plain space before : ; ? or !."""
    assert '<html lang="fr">' in (TEMPLATES / "page.html").read_text("utf-8")
    pages = sorted(TEMPLATES.glob("*.html"))
    assert {p.name for p in pages} >= {
        "page.html",
        "login.html",
        "error.html",
        "spawn_pending.html",
    }
    for page in pages:
        assert not re.search(r"\w [:;?!]", visible_text(page)), page.name


def test_no_english_jupyterhub_wording_is_left_on_the_pages() -> None:
    """The participant never meets « Sign in », « Password », « Logout » or « Your server »."""
    for page in TEMPLATES.glob("*.html"):
        text = visible_text(page)
        for english in ("Sign in", "Password", "Logout", "Your server", "Home", "Token"):
            assert english not in text, (page.name, english)
