"""The kit's environment variables: one module names them, print mode is read one way."""

from __future__ import annotations

import pytest

from parler_kit import environment


@pytest.mark.parametrize(
    ("value", "expected"), [("print", True), (" Print\n", True), ("", False), ("screen", False)]
)
def test_print_mode_reads_the_variable_production_sets(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    """Print mode is on when PARLER_KIT_MODE is « print » (case and spaces aside), off otherwise."""
    monkeypatch.setenv(environment.PRINT_MODE, value)
    assert environment.print_mode() is expected


def test_print_environment_turns_print_mode_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The variables production and nbgrader give a kernel are the ones print_mode reads."""
    monkeypatch.delenv(environment.PRINT_MODE, raising=False)
    assert not environment.print_mode()
    for name, value in environment.print_environment().items():
        monkeypatch.setenv(name, value)
    assert environment.print_mode()


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty participant id is no participant id (the store then records none)."""
    monkeypatch.setenv(environment.PARTICIPANT_ID, "")
    assert environment.variable(environment.PARTICIPANT_ID) is None
    monkeypatch.setenv(environment.PARTICIPANT_ID, "p-1")
    assert environment.variable(environment.PARTICIPANT_ID) == "p-1"
