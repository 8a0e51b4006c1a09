"""Participant fields are data: quotes, backslashes, newlines, markup and braces come out literally."""

from __future__ import annotations

import ast
import html
from pathlib import Path

import pytest
from production_helpers import SESSION

from parler_kit.content import load_bank
from parler_kit.production import DEFAULT_TEMPLATE, load_template
from parler_kit.production.handout import handout_html
from parler_kit.production.personal import cover_markdown, markdown_literal, workbook_parameters
from parler_kit.production.workbook import workbook_notebook
from parler_kit.roster import Participant, load_session

EVIL_FIRST = 'Zoé "\\n" <script>alert(1)</script>'
EVIL_LAST = "O'Brien {{ 7*7 }} \\ `x` **y** [z](javascript:1)"
EVIL_STRUCTURE = '=HYPERLINK("http://x")\nDeuxième ligne'


@pytest.fixture(scope="module")
def evil() -> Participant:
    """A participant whose every field looks like code or markup."""
    return Participant(
        id="evil-1",
        last_name=EVIL_LAST,
        first_name=EVIL_FIRST,
        role="laep",
        structure=EVIL_STRUCTURE,
        email=None,
        commune=None,
        row=2,
    )


def test_injected_parameters_round_trip(evil: Participant) -> None:
    """Papermill's injected cell holds the exact name as one Python string literal."""
    bank = load_bank()
    session = load_session(SESSION)
    parameters = workbook_parameters(evil, session, bank)
    import nbformat

    template = nbformat.reads(DEFAULT_TEMPLATE.read_text("utf-8"), as_version=4)
    notebook = workbook_notebook(template, parameters, evil, session, bank)
    (injected,) = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assigned = {
        node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
        for node in ast.parse(injected.source).body
        if isinstance(node, ast.Assign)
    }
    assert assigned["full_name"] == evil.full_name
    assert assigned["structure"] == EVIL_STRUCTURE
    assert injected.metadata["jupyter"]["source_hidden"] is True
    assert "parameters" not in notebook.metadata.get("papermill", {})


def test_cover_markdown_escapes_markup(evil: Participant) -> None:
    """The workbook cover escapes HTML and markdown: no tag, link or emphasis is created."""
    text = cover_markdown(evil, load_session(SESSION), load_bank())
    assert "<script>" not in text and "[z](javascript" not in text
    assert "\\*\\*y\\*\\*" in text and "\\{\\{ 7\\*7 \\}\\}" in text


def test_markdown_literal_renders_back_to_the_text() -> None:
    """Rendering the escaped markdown gives back exactly the original text."""
    import mistune

    for text in (EVIL_FIRST, EVIL_LAST, "a_b_c # 1. - + ! | ~ $x$ &amp;"):
        rendered = mistune.html(markdown_literal(text)).strip()
        inner = rendered.removeprefix("<p>").removesuffix("</p>")
        assert html.unescape(inner) == text


def test_handout_html_shows_fields_literally(evil: Participant) -> None:
    """In the handout HTML the fields are escaped: no script tag, braces and quotes kept."""
    bank = load_bank()
    session = load_session(SESSION)
    template = load_template(DEFAULT_TEMPLATE)
    page = handout_html(template, workbook_parameters(evil, session, bank), evil, session, bank)
    assert "<script>alert(1)" not in page
    assert html.escape(EVIL_FIRST, quote=False) in page or html.escape(EVIL_FIRST) in page
    assert "{{ 7*7 }}" in page and "49" not in page.split("pk-cover", 1)[1][:2000]


def test_handout_for_unsafe_row_stays_in_out(tmp_path: Path) -> None:
    """A row named like a path (« ../../etc », « /root ») gets its workbook inside --out, nothing elsewhere."""
    from production_helpers import SESSION, write_roster

    from parler_kit.production import build_workbooks

    roster = write_roster(tmp_path, ["../../etc;..;ass mat;/root", "..;/tmp/x;RPE;.."])
    out = tmp_path / "depot" / "carnets"
    result = build_workbooks(roster, SESSION, out, formats=("ipynb", "html"), jobs=1)
    assert [e.status for e in result.entries] == ["ok", "ok"]
    for entry in result.entries:
        assert "/" not in entry.participant_id and ".." not in entry.participant_id
        assert (out / entry.participant_id / "workbook.ipynb").is_file()
    outside = {p for p in tmp_path.rglob("*") if out not in (p, *p.parents)}
    assert outside == {roster, tmp_path / "depot"}
