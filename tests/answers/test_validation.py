"""Input checks before the store: child codes, ages, dates, texts, word counts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parler_kit.answers.validation import (
    MAX_SHORT_TEXT,
    InvalidAnswer,
    band_for_age,
    check_age_months,
    check_child_code,
    check_observation_date,
    check_word_count,
    clean_text,
    observation_key,
)


@pytest.mark.parametrize(
    ("code", "expected"), [("E-07", "E-07"), (" enf-12 ", "ENF-12"), ("E-123", "E-123")]
)
def test_pseudonymous_codes_are_accepted_and_upper_cased(code: str, expected: str) -> None:
    """E-07 / ENF-12 style codes pass, normalised to capitals."""
    assert check_child_code(code) == expected
    assert observation_key(code) == f"observation:{expected}"


@pytest.mark.parametrize("name", ["Lucas", "Marie-Claire", "lina benali", "N'Golo", "Éloïse"])
def test_names_are_refused_with_an_explanation(name: str) -> None:
    """Anything that reads like a name is refused, saying why and what to write instead."""
    with pytest.raises(InvalidAnswer, match="ressemble à un prénom") as caught:
        check_child_code(name)
    assert "E-07" in str(caught.value)


@pytest.mark.parametrize("code", ["LEO-12", "E07", "E-7", "ENF-1234", "7", "E-07 Lucas"])
def test_other_shapes_are_refused(code: str) -> None:
    """Codes with another prefix (which could hide a name) or digit count are refused."""
    with pytest.raises(InvalidAnswer):
        check_child_code(code)


def test_empty_code_asks_for_one() -> None:
    """An empty code asks for a code, with an example."""
    with pytest.raises(InvalidAnswer, match="Indiquez le code"):
        check_child_code("  ")


@given(st.integers(min_value=-1000, max_value=1000))
def test_age_is_accepted_exactly_within_0_72(age: int) -> None:
    """Whole months 0–72 pass unchanged; every other integer is refused."""
    if 0 <= age <= 72:
        assert check_age_months(age) == age
    else:
        with pytest.raises(InvalidAnswer, match="entre 0 et 72"):
            check_age_months(age)


@pytest.mark.parametrize("age", [True, 12.5, "12", None])
def test_non_integer_ages_are_refused(age: object) -> None:
    """Booleans, fractions, strings and None are not ages in months."""
    with pytest.raises(InvalidAnswer):
        check_age_months(age)


def test_text_is_stripped_and_bounded() -> None:
    """Texts are stripped; blank and over-long texts are refused naming the field."""
    assert clean_text("  bonjour ", "Réponse") == "bonjour"
    with pytest.raises(InvalidAnswer, match=r"Réponse.*est vide"):
        clean_text(" \n\t", "Réponse")
    with pytest.raises(InvalidAnswer, match="10000 caractères"):
        clean_text("a" * 10_000, "Réponse")
    assert clean_text("a" * MAX_SHORT_TEXT, "Réponse") == "a" * MAX_SHORT_TEXT


def test_observation_date_must_be_given_and_not_future() -> None:
    """A missing or future date is refused; today is fine."""
    today = dt.date.today()
    assert check_observation_date(today) == today
    with pytest.raises(InvalidAnswer, match="Indiquez la date"):
        check_observation_date(None)
    with pytest.raises(InvalidAnswer, match="dans le futur"):
        check_observation_date(today + dt.timedelta(days=1))


def test_word_counts_are_bounded() -> None:
    """Counts run from 0 to the list size."""
    assert check_word_count(0, 100) == 0
    with pytest.raises(InvalidAnswer, match="entre 0 et 100"):
        check_word_count(101, 100)


@pytest.mark.parametrize(("age", "band"), [(0, 9), (9, 9), (17, 12), (18, 18), (47, 36), (72, 48)])
def test_band_for_age_is_the_oldest_band_not_older_than_the_child(age: int, band: int) -> None:
    """A child gets the items of the last band at or below their age (9 months at least)."""
    assert band_for_age(age) == band
