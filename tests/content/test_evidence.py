"""Figures carry their source's words: each number of a claim is in a verbatim excerpt.

Or the record says why it is not, and is then shown « non vérifié ».
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from parler_kit.content import ContentBank, PreventionFigure, load_bank
from parler_kit.content.evidence import quoted_numbers, stated_numbers, uncovered_numbers
from parler_kit.content.model import Evidenced


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def _evidenced(bank: ContentBank) -> list[Evidenced]:
    positions = [p for d in bank.disagreements for p in d.positions]
    return [*bank.milestones, *bank.warning_signs, *bank.prevention_figures, *bank.techniques,
            *positions]  # fmt: skip


def _figure(claim: str, **fields: Any) -> PreventionFigure:
    base: dict[str, Any] = {
        "id": "pf-x",
        "title": {"fr": "Un chiffre"},
        "figure": {"fr": claim},
        "shows": {"fr": "Ce qu'il montre."},
        "does_not_show": {"fr": "Ce qu'il ne montre pas."},
        "sources": ["src-x"],
    }
    return PreventionFigure.model_validate(base | fields)


def _excerpt(text: str, *conversions: str) -> dict[str, Any]:
    return {"source": "src-x", "text": text, "read_at": "https://exemple.org/page",
            "conversions": list(conversions)}  # fmt: skip


def test_a_french_claim_states_its_numbers_but_not_its_years() -> None:
    """« 11 496 », « 32,8 », « 10e » and ranges are numbers; « 2022 » names a document."""
    found = stated_numbers(
        "En 2022, 11 496 enfants : 32,8 points, 0,50, 10e percentile, 18–24 mois."
    )
    assert found == {"11496", "32.8", "0.5", "10", "18", "24"}


def test_an_excerpt_is_read_with_every_meaning_of_its_commas() -> None:
    """« 1,734 » is 1734 in English; « 23-24,132,690 » is a data row of three values."""
    assert {"1734", "0.37"} <= quoted_numbers("1,734 participants (g = 0.37)")
    assert {"23", "24", "132", "690"} <= quoted_numbers("FrenchFrenchWS_Kern,23-24,132,690")
    assert uncovered_numbers(["de 2 à 4 enfants"], ["2 or 3 children"]) == ["4"]


def test_a_drift_from_the_source_words_is_refused() -> None:
    """« 2 à 4 enfants » against a source saying « 2 or 3 » is refused, naming the 4."""
    with pytest.raises(ValidationError, match=r"chiffres absents des extraits.*: 4"):
        _figure("Ateliers de 2 à 4 enfants.", excerpts=[_excerpt("workshops of 2 or 3 children")])
    kept = _figure(
        "Ateliers de 2 ou 3 enfants.", excerpts=[_excerpt("workshops of 2 or 3 children")]
    )
    assert kept.verified


def test_a_stated_conversion_covers_a_number() -> None:
    """« 4 à 7 % » is found through the stated conversion of R² = 0,04–0,07."""
    figure = _figure(
        "Le lien explique 4 à 7 % des différences.",
        excerpts=[_excerpt("R2=0.04-0.07 across measures", "4 à 7 % = R² de 0,04 à 0,07")],
    )
    assert figure.verified and figure.unquoted_numbers == []


def test_a_figure_without_excerpt_must_say_why_and_is_then_unverified() -> None:
    """No excerpt and no reason (or a blank one) is refused; with a reason, « non vérifié »."""
    with pytest.raises(ValidationError, match="donnez un extrait de la source"):
        _figure("94 crèches.")
    with pytest.raises(ValidationError, match="excerpt_missing est vide"):
        _figure("94 crèches.", excerpt_missing="  ")
    figure = _figure("94 crèches.", excerpt_missing="la note n'a pas été relue")
    assert not figure.verified
    assert _figure("Aucun chiffre ici.").verified


def test_an_excerpt_names_a_source_of_its_record() -> None:
    """An excerpt of a source the record does not cite is refused."""
    excerpt = _excerpt("94 crèches") | {"source": "autre"}
    with pytest.raises(ValidationError, match="« autre », absente de sources"):
        _figure("94 crèches.", excerpts=[excerpt])


def test_every_figure_of_the_bank_is_quoted_or_says_why(bank: ContentBank) -> None:
    """Each record stating a number has excerpts holding all of it, or an excerpt_missing reason."""
    stating = [r for r in _evidenced(bank) if r.states_figures]
    assert len(stating) > 100
    for record in stating:
        assert record.verified or (record.excerpt_missing or "").strip(), record
    for record in stating:
        for excerpt in record.excerpts:
            assert len(excerpt.text) <= 400 and excerpt.read_at.strip()


def test_the_reviewed_figures_carry_their_source_words(bank: ContentBank) -> None:
    """The figures the second review checked are verified against sentences of their sources."""
    figures = {f.id: f for f in bank.prevention_figures}
    for figure_id in ("pf-dailey-bergelson", "pf-coffey-snedeker", "pf-depp-cp-rep-plus",
                      "pf-interventions-parents", "pf-tours-conversation-gilkerson",
                      "pf-romeo-cerveau"):  # fmt: skip
        assert figures[figure_id].verified, figure_id
    dailey = figures["pf-dailey-bergelson"]
    assert "modeste" not in dailey.shows.fr and "important" in dailey.shows.fr
    coplan = next(m for m in bank.milestones if m.id == "ms-coplan-intelligibilite")
    assert coplan.verified and coplan.convention == "expected_by"
    assert any("by which a child should be" in e.text for e in coplan.excerpts)
    assert figures["pf-pb-ipp-2021"].verified  # « 94 crèches », read in a copy of the note
    bilingual = figures["pf-bilinguisme"]  # read again in the second pass
    assert bilingual.verified and any("743 infants" in e.text for e in bilingual.excerpts)
    elfe = figures["pf-elfe-2-ans"]  # every number quoted, but partly from the press: a caveat
    assert not elfe.unquoted_numbers and elfe.excerpt_missing and not elfe.verified
    assert any(
        "demi-écart-type" in e.text and "santepubliquefrance" in e.read_at for e in elfe.excerpts
    )


def test_the_second_pass_quotes_french_milestones_and_asha_signs(bank: ContentBank) -> None:
    """French medical milestones quote FMC Dinan or ADMP; ASHA warning signs quote ASHA's list."""
    french = [m for m in bank.milestones if m.sources == ("fr-reperes-medicaux",)]
    assert len(french) >= 14
    for milestone in french:
        assert any("fmcdinan.org" in e.read_at or "admp.bexter.fr" in e.read_at
                   for e in milestone.excerpts), milestone.id  # fmt: skip
    assert [m.id for m in french if not m.verified] == ["ms-fr-36-48-phrase-complete"]
    asha = [w for w in bank.warning_signs if "asha-signes-alerte" in w.sources]
    assert len(asha) == 8 and all(w.verified for w in asha)
    assert all(e.source == "asha-signes-alerte" for w in asha for e in w.excerpts)


def test_sources_never_read_keep_their_claims_unverified(bank: ContentBank) -> None:
    """Records resting on rp974 or portailenfance (no stored copy found) stay « non vérifié »."""
    unread = {"rp974-reperage", "portailenfance-signes"}
    signs = [w for w in bank.warning_signs if unread & set(w.sources)]
    assert {w.id for w in signs} >= {"ws-18-aucun-mot", "ws-36-phrases", "ws-15-pointage-attention"}
    for sign in signs:
        assert not sign.verified and "aucune copie enregistrée" in (sign.excerpt_missing or "")


def test_claims_reworded_to_their_source_stay_so(bank: ContentBank) -> None:
    """Figures the second pass found drifting say what their source says."""
    figures = {f.id: f for f in bank.prevention_figures}
    assert "13 %" not in figures["pf-parleurs-tardifs"].figure.fr
    assert "premier au troisième anniversaire" in figures["pf-30-millions-hart-risley"].figure.fr
    techniques = {t.id: t for t in bank.techniques}
    assert "2–3 ans" not in techniques["lecture-dialogique-crowd"].evidence.fr
    assert "réponses plus longues" not in techniques["temps-d-attente"].evidence.fr
    rire = next(m for m in bank.milestones if m.id == "ms-fr-03-rire")
    assert rire.text.fr == "Rit aux éclats."
    assert "contre 30 %" in figures["pf-qpv-population"].figure.fr
    quiz = next(q for q in bank.exercises if q.id == "quiz-qpv-jeunes")
    assert "31 %" not in quiz.model_dump_json()


def test_most_cdc_milestones_quote_the_cdc_checklist(bank: ContentBank) -> None:
    """CDC milestones quote the CDC checklist line of their age (a few are absent from it)."""
    cdc = [m for m in bank.milestones if m.convention == "cdc_75"]
    quoted = [m for m in cdc if m.verified]
    assert len(quoted) >= len(cdc) - 4
    for milestone in quoted:
        assert all(e.source == "cdc-2022" for e in milestone.excerpts)
        assert any(
            f"{milestone.age.min} mois" in c for e in milestone.excerpts for c in e.conversions
        )
