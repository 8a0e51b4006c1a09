"""The handout body is data: sections know their day and title; contents and bookmarks follow."""

from __future__ import annotations

from pathlib import Path

from production_helpers import write_template

from parler_kit.content import load_bank
from parler_kit.production import load_template
from parler_kit.production.handout import HandoutBody, handout_body
from parler_kit.production.personal import workbook_parameters
from parler_kit.roster import load_roster, load_session

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _body(tmp_path: Path, *cells: tuple[str, str, list[str]]) -> HandoutBody:
    """The body of the first example participant's handout from a template of `cells`."""
    bank, session = load_bank(), load_session(EXAMPLES / "session.yaml")
    participant = load_roster(EXAMPLES / "roster.csv").participants[0]
    template = load_template(write_template(tmp_path, *cells))
    parameters = workbook_parameters(participant, session, bank)
    return handout_body(template, parameters, participant, bank)


def test_sections_follow_the_days_their_headings_name_and_number_the_contents(
    tmp_path: Path,
) -> None:
    """A day-3 section written first is printed after day 2; anchors follow the printed order."""
    body = _body(
        tmp_path,
        ("markdown", "## Jour 3 — Observer\n\nTexte du jour 3.", []),
        ("markdown", "## Comment utiliser ce carnet\n\nLire.", []),
        ("markdown", "## Jour 2 — Converser : *les* techniques\n\nTexte du jour 2.", []),
    )
    titles = [(e.anchor, e.day, e.label) for e in body.entries]
    assert titles == [
        ("sec-1", None, ""),
        ("sec-2", 2, "Converser\u202f: les techniques"),
        ("sec-3", 3, "Observer"),
        ("sec-4", None, ""),  # the memo card
    ]
    assert len(body.sections) == 4 and "Texte du jour 2" in body.sections[1]
    assert '<h2 class="pk-section" id="sec-3">Jour 3 — Observer</h2>' in body.sections[2]
    assert body.entries[-1].title == "Mémo des techniques"


def test_contents_and_bookmarks_are_made_from_the_entries(tmp_path: Path) -> None:
    """The contents writes known pages; bookmarks group each day's sections under « Jour N »."""
    body = _body(
        tmp_path,
        ("markdown", "## Comment utiliser ce carnet\n\nLire.", []),
        ("markdown", "## Jour 1 — Les repères\n\nA.", []),
        ("markdown", "## Jour 1 — Le quiz\n\nB.", []),
    )
    toc = body.toc_html({"sec-3": 9})
    assert '<li><a href="#sec-2">Jour 1 — Les repères</a></li>' in toc
    assert '<li><a href="#sec-3" data-page="9">Jour 1 — Le quiz</a></li>' in toc
    marks = body.bookmarks({"sec-1": 2, "sec-2": 3, "sec-3": 9, "sec-4": 12})
    assert [(m.title, m.page, [(c.title, c.page) for c in m.children]) for m in marks] == [
        ("Comment utiliser ce carnet", 1, []),
        ("Jour 1", 2, [("Les repères", 2), ("Le quiz", 8)]),
        ("Mémo des techniques", 11, []),
    ]
    assert body.html.startswith(body.toc_html())
