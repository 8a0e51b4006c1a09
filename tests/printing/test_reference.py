"""Reference twins: timeline, vocabulary norms and technique memo, with inline charts and sources."""

from __future__ import annotations

import re

from markupsafe import escape

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.i18n import french_typography
from parler_kit.printing import technique_memo_html, timeline_html, vocabulary_html


def test_timeline_at_an_age_lists_only_what_is_expected_by_then(bank: ContentBank) -> None:
    """At 12 months, milestones starting later are left out; the chart is inline SVG."""
    html = timeline_html(bank, 12)
    assert "<svg" in html and "<img" not in html
    early = next(m for m in bank.milestones if m.age.min <= 12)
    late = next(m for m in bank.milestones if m.age.min > 36)
    assert str(escape(french_typography(early.text.fr))) in html
    assert str(escape(french_typography(late.text.fr))) not in html
    assert "1\u00a0an (12\u00a0mois)" in html


def test_timeline_shows_warning_signs_disagreements_and_numbered_sources(bank: ContentBank) -> None:
    """Warning signs, each disagreement's positions side by side, and a numbered source list."""
    html = timeline_html(bank)
    assert "Signes d&#39;alerte" in html and "pas un diagnostic" in html
    assert html.count('class="pk-positions"') == len(bank.disagreements)
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", html) for n in group.split(",")}
    listed = html.split('class="pk-sources"')[1].count("<li>")
    assert cited == set(range(1, listed + 1))


def test_vocabulary_twin_has_tables_with_n_and_the_caveat(bank: ContentBank) -> None:
    """One table per population with each band's n; the not-a-diagnosis note comes first."""
    html = vocabulary_html(bank)
    assert html.index("jamais un diagnostic") < html.index("<svg")
    assert html.count("<table>") == len({n.population for n in bank.vocabulary_norms})
    for norm in bank.vocabulary_norms:
        assert f"<td>{norm.n}</td>" in html


def test_technique_memo_has_one_card_per_technique(bank: ContentBank) -> None:
    """Every technique gets a card with its definition, an example and a counter-example."""
    html = technique_memo_html(bank)
    assert html.count('class="pk-memo-card"') == len(bank.techniques)
    assert html.count("Exemple\u202f:") == len(bank.techniques)
    assert html.count("À éviter\u202f:") == len(bank.techniques)


def test_kit_text_gets_french_typography(bank: ContentBank) -> None:
    """Kit text is typeset the French way: a narrow no-break space before « : » and « ? »."""
    html = technique_memo_html(bank) + timeline_html(bank)
    assert "\u202f:" in html
    assert not re.search(r"\w [?;!:]", re.sub(r"<[^>]+>", "", html))


def test_vocabulary_filled_lists_placed_counts_and_stars_the_last(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Counts placed in the widget are listed; the last one is drawn on the chart as a star."""
    store.set(
        "vocabulary:placements",
        [{"age_months": 20, "words": 35}, {"age_months": 24, "words": 80}, "bad"],
    )
    html = vocabulary_html(bank, store)
    assert "Comptes placés (anonymes)" in html
    assert "<td>20 mois</td><td>35</td>" in html and "<td>24 mois</td><td>80</td>" in html
    assert "80 mots à 24 mois" in html  # the chart's legend names the starred count
    assert "Comptes placés" not in vocabulary_html(bank)


def test_timeline_prints_unverified_claims_as_such(bank: ContentBank) -> None:
    """A milestone whose figures are not in its source's words is printed « non vérifié ».

    One quoted from its source is not.
    """
    html = timeline_html(bank).replace("\u00a0", " ").replace("\u202f", " ")
    unverified = next(m for m in bank.milestones if not m.verified)
    verified = next(m for m in bank.milestones if m.verified and m.states_figures)
    rows = {m.id: html.split(str(escape(french_typography(m.text.fr))).replace("\u00a0", " ")
                              .replace("\u202f", " "), 1)[1].split("</td>", 1)[0]
            for m in (unverified, verified)}  # fmt: skip
    assert "(non vérifié)" in rows[unverified.id]
    assert "non vérifié" not in rows[verified.id]
