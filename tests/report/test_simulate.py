"""The demonstration's simulated answers tell one story: each person's answers agree with each other."""

from __future__ import annotations

from pathlib import Path
from statistics import correlation, fmean
from typing import Any

import pytest

from parler_kit.answers import read_answers
from parler_kit.content import ContentBank
from parler_kit.report.simulate import simulate_answers
from parler_kit.roster import load_roster, load_session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES, HELD_APART = ROOT / "examples", ROOT / "tests" / "data" / "reseau" / "session-vaulx"
RANK = {"non": 0, "plutot-non": 1, "plutot-oui": 2, "oui": 3}

People = dict[str, tuple[str, dict[str, Any], dict[str, Any]]]


def _satisfaction(hot: dict[str, Any]) -> float:
    """Mean of a person's answers to the satisfaction questions (not the objectives' self-rating)."""
    return fmean(v for k, v in hot.items() if isinstance(v, int) and "-obj-" not in k)


def _people(bank: ContentBank, source: Path, folder: Path, seed: int) -> People:
    """First name, à chaud and à froid answers of each simulated person who returned both."""
    roster, session = load_roster(source / "roster.csv"), load_session(source / "session.yaml")
    simulate_answers(bank, roster, session, folder, seed=seed)
    people: People = {}
    for participant in roster.participants:
        last_day = folder / participant.id / "jour3" / "carnet.answers.json"
        if last_day.exists():
            hot = read_answers(last_day).answers["evaluation:chaud"].value
            cold_file = folder / participant.id / "a-froid" / "evaluation_a_froid.answers.json"
            cold = read_answers(cold_file).answers["evaluation:froid"].value
            people[participant.id] = (participant.first_name, hot, cold)
    return people


@pytest.fixture(
    scope="module",
    params=[(EXAMPLES, 2027), (EXAMPLES, 11), (HELD_APART, 2027)],
    ids=["examples", "examples-other-seed", "held-apart-roster"],
)
def people(
    request: pytest.FixtureRequest, bank: ContentBank, tmp_path_factory: pytest.TempPathFactory
) -> People:
    """The simulated people of a roster (the examples' with two seeds, and a held-apart one)."""
    source, seed = request.param
    return _people(bank, source, tmp_path_factory.mktemp("simulees"), seed)


def test_a_more_satisfied_person_never_recommends_the_course_less(people: People) -> None:
    """Recommendation rises with the mean of a person's satisfaction answers; recommenders are happier."""
    rows = sorted(
        (_satisfaction(hot), RANK[hot["eval-chaud-recommander"]]) for _, hot, _ in people.values()
    )
    ranks = [rank for _, rank in rows]
    assert ranks == sorted(ranks), rows
    recommend = [mean for mean, rank in rows if rank >= RANK["plutot-oui"]]
    others = [mean for mean, rank in rows if rank < RANK["plutot-oui"]]
    assert recommend and (not others or min(recommend) > max(others)), rows
    # A group that rates the course 4 out of 5 or more on average mostly recommends it.
    overall = fmean(hot["eval-chaud-satisfaction"] for _, hot, _ in people.values())
    assert overall < 4 or len(recommend) > len(others), (overall, rows)


def test_a_froid_answers_vary_and_follow_the_use_of_the_techniques(people: People) -> None:
    """Respondents tick different numbers of techniques, « Aucune » alone, more change with more use."""
    ticked = [cold["eval-froid-techniques"] for _, _, cold in people.values()]
    counts = [0 if chosen == ["aucune"] else len(chosen) for chosen in ticked]
    assert len(set(counts)) >= min(3, len(counts) // 2), counts
    assert not [chosen for chosen in ticked if "aucune" in chosen and len(chosen) > 1]
    change = [cold["eval-froid-changement"] for _, _, cold in people.values()]
    assert len(set(change)) == 1 or correlation(counts, change) > 0, (counts, change)


def test_comments_agree_with_their_author_s_answers(people: People) -> None:
    """Praise of the exchanges by who rated them well, the pace criticised by who rated it low."""
    written = 0
    for first_name, hot, cold in people.values():
        praise, wish = (
            hot.get("eval-chaud-points-forts", ""),
            hot.get("eval-chaud-ameliorations", ""),
        )
        written += bool(praise) + bool(wish)
        if "échanges entre métiers" in praise:
            assert hot["eval-chaud-echanges"] >= 4, hot
        if "rythme" in wish:
            assert hot["eval-chaud-rythme"] <= 3, hot
        if praise:
            assert hot["eval-chaud-recommander"] != "non", hot
        for text in (praise, cold.get("eval-froid-commentaire", "")):
            assert f"Merci à {first_name}" not in text, (first_name, text)
        if "temps d'attente est difficile" in cold.get("eval-froid-freins", ""):
            assert "temps-d-attente" not in cold["eval-froid-techniques"], cold
    assert written >= len(people) // 2
