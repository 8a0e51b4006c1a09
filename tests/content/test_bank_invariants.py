"""Invariants of the shipped content bank (development, prevention, observation, fiche action).

Each test states a rule from the content brief that a program can check, so that a later edit of
the YAML data that breaks it (a deleted record, a lost source, an age gap) fails the suite.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import get_args

import pytest

from parler_kit.content import (
    ContentBank,
    ObservationItem,
    QuizQuestion,
    Text,
    content_stats,
    load_bank,
)
from parler_kit.content.model import AgeBand, Convention, Domain

MAX_AGE = 72  # the course covers 0–6 years


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def _quiz(bank: ContentBank) -> tuple[QuizQuestion, ...]:
    return bank.exercises_of(QuizQuestion)


def _child_items(bank: ContentBank) -> list[ObservationItem]:
    return [item for item in bank.observation_items if item.subject == "child"]


# --- counts and sources -------------------------------------------------------------------------


def test_counts_reach_the_minimums(bank: ContentBank) -> None:
    """Every kind of part A holds at least the number of records the course needs."""
    counts = {
        "milestones": (len(bank.milestones), 45),
        "warning_signs": (len(bank.warning_signs), 14),
        "disagreements": (len(bank.disagreements), 5),
        "prevention_figures": (len(bank.prevention_figures), 12),
        "quiz": (len(_quiz(bank)), 30),
        "child observation items": (len(_child_items(bank)), 50),
        "adult observation items": (len(bank.observation_items) - len(_child_items(bank)), 10),
        "vignettes": (len(bank.vignettes), 6),
        "action_sheet_fields": (len(bank.action_sheet_fields), 15),
        "roles": (len(bank.roles), 7),
    }
    short = {kind: got for kind, (got, minimum) in counts.items() if got < minimum}
    assert not short, f"below the minimum: {short}"


def test_no_record_lacks_a_source(bank: ContentBank) -> None:
    """content_stats reports zero records without a source, for every kind."""
    missing = {kind: s["without_source"] for kind, s in content_stats(bank).items()}
    assert all(n == 0 for n in missing.values()), missing


def test_every_source_is_cited(bank: ContentBank) -> None:
    """Every source of sources.yaml is cited by at least one record (no dead references)."""
    cited: set[str] = set()
    for collection in (
        bank.milestones,
        bank.warning_signs,
        bank.disagreements,
        bank.prevention_figures,
        bank.exercises,
        bank.observation_items,
        bank.vignettes,
        bank.roles,
        bank.action_sheet_fields,
        bank.evaluation_questions,
        bank.techniques,
        bank.vocabulary_norms,
    ):
        for record in collection:
            cited.update(record.sources)
    for disagreement in bank.disagreements:
        for position in disagreement.positions:
            cited.update(position.sources)
    # Legal basis of the attestation de fin de formation (admin layer); no content record is about it.
    uncited = {s.id for s in bank.sources} - cited - {"code-travail-l6353-1"}
    assert not uncited, f"sources cited by no record: {sorted(uncited)}"


# --- milestones -----------------------------------------------------------------------------------


def test_every_year_from_0_to_6_has_milestones(bank: ContentBank) -> None:
    """Each 12-month span of 0–72 months has at least three milestones, and one reaches 72."""
    for start in range(0, MAX_AGE, 12):
        end = start + 12
        inside = [m for m in bank.milestones if m.age.min < end and m.age.max >= start]
        assert len(inside) >= 3, f"{start}–{end} mois : {len(inside)} repère(s)"
    assert any(m.age.max >= MAX_AGE for m in bank.milestones)


def test_every_domain_and_convention_is_present(bank: ContentBank) -> None:
    """All 7 domains have at least three milestones, and all 5 conventions are used."""
    domains = Counter(m.domain for m in bank.milestones)
    assert {d: domains[d] for d in get_args(Domain) if domains[d] < 3} == {}
    assert {m.convention for m in bank.milestones} == set(get_args(Convention))


@pytest.mark.parametrize(
    ("convention", "source"),
    [
        ("cdc_75", "cdc-2022"),
        ("fr_health_certificate", "fr-certificats-sante"),
        ("asha_range", "asha-milestones"),
    ],
)
def test_convention_matches_its_source(bank: ContentBank, convention: str, source: str) -> None:
    """A milestone stated under a reference's convention cites that reference."""
    wrong = [
        m.id for m in bank.milestones if m.convention == convention and source not in m.sources
    ]
    assert not wrong


def test_milestones_cover_both_health_certificates(bank: ContentBank) -> None:
    """The French 9- and 24-month certificate items are milestones at exactly those ages."""
    ages = {m.age.min for m in bank.milestones if m.convention == "fr_health_certificate"}
    assert ages == {9, 24}
    at_24 = [
        m for m in bank.milestones if m.convention == "fr_health_certificate" and m.age.min == 24
    ]
    assert len(at_24) >= 6  # consigne, image, deux mots, pointe, faire semblant, sollicite


# --- warning signs --------------------------------------------------------------------------------


def test_mandatory_warning_signs_span_every_age(bank: ContentBank) -> None:
    """Loss of skills and « hearing first » exist and apply from 0 to 72 months."""
    by_id = {sign.id: sign for sign in bank.warning_signs}
    for sign_id in ("ws-perte-acquis", "ws-audition-dabord"):
        assert sign_id in by_id, sign_id
        assert (by_id[sign_id].age.min, by_id[sign_id].age.max) == (0, MAX_AGE)
    assert "audition" in by_id["ws-audition-dabord"].text.fr


def test_every_warning_sign_leads_to_parents_then_doctor(bank: ContentBank) -> None:
    """Each action starts from the parents and names the doctor or the PMI."""
    for sign in bank.warning_signs:
        action = sign.action.fr.lower()
        assert "parents" in action, sign.id
        assert "médecin" in action or "pmi" in action, sign.id


def test_warning_signs_cover_the_whole_age_range(bank: ContentBank) -> None:
    """Apart from the any-age signs, warning signs are spread from the first months to 4 years."""
    specific = [s for s in bank.warning_signs if (s.age.min, s.age.max) != (0, MAX_AGE)]
    assert min(s.age.min for s in specific) <= 3
    assert max(s.age.min for s in specific) >= 48


_DIAGNOSIS = re.compile(r"\b(a|présente|est) (un|en) retard\b", re.IGNORECASE)


def test_no_record_diagnoses_a_delay(bank: ContentBank) -> None:
    """Warning signs, observation items and vignettes never state that a child has a delay."""
    texts = [(s.id, s.text.fr + " " + s.action.fr) for s in bank.warning_signs]
    texts += [(i.id, i.text.fr) for i in bank.observation_items]
    texts += [(v.id, _vignette_text(v)) for v in bank.vignettes]
    assert [record_id for record_id, text in texts if _DIAGNOSIS.search(text)] == []


# --- disagreements and prevention figures --------------------------------------------------------


def test_the_five_disagreements_each_have_sourced_positions(bank: ContentBank) -> None:
    """The 5 disagreements of the reference exist, each with ≥2 sourced positions."""
    expected = {
        "dis-50-mots",
        "dis-seuil-alerte-24",
        "dis-intelligibilite",
        "dis-convention-percentile",
        "dis-bilingues",
    }
    by_id = {d.id: d for d in bank.disagreements}
    assert expected <= set(by_id)
    for disagreement in by_id.values():
        assert len(disagreement.positions) >= 2
        assert all(position.sources for position in disagreement.positions), disagreement.id


def test_prevention_figures_cover_the_required_evidence(bank: ContentBank) -> None:
    """French data, turns, the 30-million claim, its critiques and Parler Bambin are covered."""
    cited = {source for figure in bank.prevention_figures for source in figure.sources}
    required = {
        "elfe-beh-2019",
        "depp-cp-2022",
        "insee-qpv-2024",
        "gilkerson-2018",
        "romeo-2018",
        "hart-risley-1995",
        "sperry-2019",
        "dailey-bergelson-2022",
        "golinkoff-2019",
        "coffey-snedeker-2025",
        "asha-late-language",
        "byers-heinlein-2023",
        "zorman-2011",
        "cren-nantes-2016",
        "ipp-note-72",
    }
    assert required - cited == set()


def test_parler_bambin_rct_is_reported_honestly(bank: ContentBank) -> None:
    """The figure citing the 2021 randomised evaluation says it found no effect on language."""
    (figure,) = [f for f in bank.prevention_figures if "ipp-note-72" in f.sources]
    assert "94 crèches" in figure.figure.fr
    assert "aucun effet" in figure.figure.fr


# --- quiz -----------------------------------------------------------------------------------------


def test_quiz_keys_are_valid_and_informative(bank: ContentBank) -> None:
    """Each key names existing choices, single-choice keys have one answer, no key ticks everything."""
    for question in _quiz(bank):
        ids = {choice.id for choice in question.choices}
        assert set(question.correct) <= ids, question.id
        assert set(question.correct) != ids, question.id
        if not question.multiple:
            assert len(question.correct) == 1, question.id
        texts = [choice.text.fr for choice in question.choices]
        assert len(set(texts)) == len(texts), question.id


def test_single_answer_keys_are_spread_over_the_positions(bank: ContentBank) -> None:
    """No choice position holds most of the right answers, so « always b » cannot game the quiz."""
    singles = [q for q in bank.exercises_of(QuizQuestion) if not q.multiple]
    positions = Counter([c.id for c in q.choices].index(q.correct[0]) for q in singles)
    assert len(positions) >= 3
    assert max(positions.values()) <= len(singles) / 2
    positioning = [q for q in singles if q.positioning]
    assert max(Counter(q.correct[0] for q in positioning).values()) <= len(positioning) / 2


def test_quiz_covers_prevention_development_and_positioning(bank: ContentBank) -> None:
    """Prevention and development questions abound, and about ten are asked for positioning."""
    topics = Counter(question.topic for question in _quiz(bank))
    assert topics["prevention"] >= 10 and topics["development"] >= 10
    positioning = [question for question in _quiz(bank) if question.positioning]
    assert 8 <= len(positioning) <= 14
    assert {q.topic for q in positioning} >= {"prevention", "development"}


# --- observation checklist -------------------------------------------------------------------------


def test_every_age_band_has_several_domains(bank: ContentBank) -> None:
    """Each age band (9…48 months) has ≥6 child items spread over ≥4 domains."""
    for band in get_args(AgeBand):
        items = [i for i in _child_items(bank) if i.age_band == band]
        assert len(items) >= 6, f"{band} mois : {len(items)} items"
        assert len({i.domain for i in items}) >= 4, f"{band} mois : domaines trop peu variés"


def test_checklist_covers_every_domain_and_links_warning_signs(bank: ContentBank) -> None:
    """All 7 domains appear in the child items, and at least ten items point to a warning sign."""
    assert {i.domain for i in _child_items(bank)} == set(get_args(Domain))
    linked = [i for i in _child_items(bank) if i.warning_sign]
    assert len(linked) >= 10
    assert any(i.warning_sign == "ws-audition-dabord" for i in linked)


def test_adult_items_are_about_interaction_without_age(bank: ContentBank) -> None:
    """At least ten adult items exist, all in the « interaction » domain and without an age band."""
    adult = [i for i in bank.observation_items if i.subject == "adult"]
    assert len(adult) >= 10
    assert all(i.domain == "interaction" and i.age_band is None for i in adult)


# --- vignettes --------------------------------------------------------------------------------------


def _vignette_text(vignette: object) -> str:
    """The French text of a vignette: context, dated facts and teaching point."""
    texts: list[Text] = [vignette.context, vignette.teaching_point]  # type: ignore[attr-defined]
    texts += [o.fact for o in vignette.observations]  # type: ignore[attr-defined]
    return " ".join(t.fr for t in texts)


def test_vignette_codes_are_unique_pseudonyms(bank: ContentBank) -> None:
    """Vignette codes follow E-nn, are unique, and the children have different ages."""
    codes = [v.code for v in bank.vignettes]
    assert all(re.fullmatch(r"E-\d{2}", code) for code in codes)
    assert len(set(codes)) == len(codes)
    assert len({v.age_months for v in bank.vignettes}) == len(bank.vignettes)


def test_vignettes_include_the_required_profiles(bank: ContentBank) -> None:
    """One bilingual child, one late talker, one warning sign are among the vignettes."""
    assert any(len(v.languages) >= 2 for v in bank.vignettes)
    points = " ".join(v.teaching_point.fr for v in bank.vignettes)
    assert "parleurs tardifs" in points
    assert "signe d'alerte" in points


def test_vignette_observations_are_dated_consistently(bank: ContentBank) -> None:
    """Observations are in date order and the stated ages follow the dates (±1 month)."""
    for vignette in bank.vignettes:
        observations = vignette.observations
        dates = [o.date for o in observations]
        assert dates == sorted(dates), vignette.code
        first = observations[0]
        for later in observations[1:]:
            elapsed = _months_between(first.date, later.date)
            assert abs((later.age_months - first.age_months) - elapsed) <= 1, vignette.code
        assert observations[-1].age_months <= vignette.age_months, vignette.code


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


#: Capitalised words a vignette may contain mid-sentence: acronyms of services, not people.
_ALLOWED_CAPITALS = {"PMI", "RPE", "LAEP", "PCO-TND", "ORL", "CAF", "E", "Yes", "I"}
_CAPITALISED = re.compile(r"(?<![\w-])([A-ZÀ-Ý][\wÀ-ÿ-]*)")


def test_vignettes_contain_no_name_like_words(bank: ContentBank) -> None:
    """Apart from sentence starts and service acronyms, no capitalised word (a first name) appears."""
    suspicious = []
    for vignette in bank.vignettes:
        text = _vignette_text(vignette)
        for match in _CAPITALISED.finditer(text):
            word = match.group(1)
            before = text[: match.start()].rstrip()
            sentence_start = not before or before[-1] in '.!?:«"“'
            if not sentence_start and word not in _ALLOWED_CAPITALS and not word.isupper():
                suspicious.append((vignette.code, word))
    assert suspicious == []


# --- fiche action, evaluation, roles -------------------------------------------------------------


def test_action_sheet_has_the_usual_fields_in_order(bank: ContentBank) -> None:
    """The fiche action has the usual calls-for-projects fields, numbered 1…n without gaps."""
    orders = sorted(field.order for field in bank.action_sheet_fields)
    assert orders == list(range(1, len(orders) + 1))
    ids = {field.id for field in bank.action_sheet_fields}
    expected = {
        "fa-intitule", "fa-axe", "fa-porteur", "fa-referent", "fa-diagnostic", "fa-objectifs",
        "fa-public", "fa-contenu", "fa-calendrier", "fa-moyens", "fa-partenaires",
        "fa-resultats-attendus", "fa-indicateurs", "fa-suivi-evaluation", "fa-budget",
        "fa-cout-beneficiaire",
    }  # fmt: skip
    assert expected - ids == set()


def test_evaluation_forms_have_scales_choices_and_comments(bank: ContentBank) -> None:
    """Both forms exist; à chaud mixes scales, choices and free text; both end with free text."""
    by_form = {
        form: [q for q in bank.evaluation_questions if q.form == form]
        for form in ("chaud", "froid")
    }
    assert {q.kind for q in by_form["chaud"]} == {"scale", "choice", "text"}
    assert sum(q.kind == "scale" for q in by_form["chaud"]) >= 5
    assert any(q.kind == "text" for q in by_form["froid"])


def test_follow_up_form_lists_every_technique(bank: ContentBank) -> None:
    """The à froid « which techniques » question offers every technique, by id and current name."""
    (question,) = [
        q
        for q in bank.evaluation_questions
        if q.form == "froid" and q.kind == "choice" and q.multiple
    ]
    offered = {choice.id: choice.text.fr for choice in question.choices}
    assert {technique.id for technique in bank.techniques} - set(offered) == set()
    renamed = [t.id for t in bank.techniques if offered[t.id] != t.name.fr]
    assert renamed == [], "the choice text must be the technique's current name"


def test_roles_are_the_professions_of_the_field(bank: ContentBank) -> None:
    """The field's professions (EJE, AP, RPE, LAEP, AM, coordination) and « autre » each have a role."""
    assert {role.id for role in bank.roles} == {
        "eje", "auxiliaire_puericulture", "assistante_maternelle", "rpe", "laep", "coordination",
        "autre",
    }  # fmt: skip
    assert all(len(role.context.fr) > 40 for role in bank.roles)
