"""Access codes and login limits, without a hub."""

from __future__ import annotations

import pytest

from parler_kit.errors import ParlerKitError
from parler_kit.room.accounts import (
    CODE_ALPHABET,
    check_unique,
    code_matches,
    hash_code,
    issue,
    new_code,
    printable_code,
    trainer_identity,
)
from parler_kit.room.attempts import (
    BLOCK_S,
    MAX_FAILURES,
    MAX_FAILURES_PER_ADDRESS,
    LoginAttempts,
)

HERE, ELSEWHERE = "192.168.1.21", "192.168.1.66"


def test_codes_avoid_look_alike_characters_and_differ() -> None:
    """Codes use no 0, O, 1, I or L, are 8 characters long, and 200 draws are all different."""
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 8 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_a_code_typed_in_lower_case_with_spaces_or_dashes_is_accepted() -> None:
    """« k7pm 4qxa », « K7PM-4QXA » and « K7PM4QXA » open the same account; another code does not."""
    stored = hash_code("K7PM4QXA")
    for typed in ("k7pm 4qxa", printable_code("K7PM4QXA"), "K7PM4QXA", " K7PM-4QXA\t"):
        assert code_matches(typed, stored)
    assert not code_matches("K7PM4QXB", stored)
    assert not code_matches("K7PM4QXA", "not-a-hash")
    assert hash_code("K7PM4QXA") != stored  # salted


def test_ids_differing_only_by_case_are_refused_as_one_username() -> None:
    """JupyterHub lower-cases usernames: « Ana-1 » and « ana-1 » would share one account."""
    first = issue("Ana-1", "participant", "Ana", "A", "x").account
    second = issue("ana-1", "participant", "Ana", "B", "x").account
    with pytest.raises(ParlerKitError, match="majuscules"):
        check_unique([first, second])


def test_trainer_lines_of_the_session_file_become_accounts() -> None:
    """« Claire Vasseur, orthophoniste » → formateur-claire-vasseur, Vasseur, Claire, orthophoniste."""
    assert trainer_identity("Claire Vasseur, orthophoniste") == (
        "formateur-claire-vasseur", "Vasseur", "Claire", "orthophoniste",
    )  # fmt: skip


def test_five_wrong_codes_within_a_minute_block_for_a_minute() -> None:
    """The fifth failure blocks; the block ends after a minute; a success forgets failures."""
    now = [0.0]
    attempts = LoginAttempts(clock=lambda: now[0])
    for _ in range(MAX_FAILURES - 1):
        attempts.failed("zoe", HERE)
    assert attempts.blocked_for("zoe", HERE) == 0
    attempts.failed("zoe", HERE)
    assert attempts.blocked_for("zoe", HERE) == pytest.approx(BLOCK_S)
    assert attempts.blocked_for("leo", HERE) == 0
    now[0] = BLOCK_S + 0.1
    assert attempts.blocked_for("zoe", HERE) == 0
    for _ in range(MAX_FAILURES - 1):
        attempts.failed("leo", HERE)
    attempts.succeeded("leo", HERE)
    attempts.failed("leo", HERE)
    assert attempts.blocked_for("leo", HERE) == 0


def test_failures_spread_over_more_than_a_minute_do_not_block() -> None:
    """Five wrong codes over several minutes (typos, not guessing) never block."""
    now = [0.0]
    attempts = LoginAttempts(clock=lambda: now[0])
    for _ in range(10):
        attempts.failed("zoe", HERE)
        now[0] += 20.0
    assert attempts.blocked_for("zoe", HERE) == 0


def test_wrong_codes_under_someone_elses_name_do_not_keep_them_out() -> None:
    """Blocking « zoe » from one device leaves zoe free to log in from her own."""
    attempts = LoginAttempts(clock=lambda: 0.0)
    for _ in range(MAX_FAILURES):
        attempts.failed("zoe", ELSEWHERE)
    assert attempts.blocked_for("zoe", ELSEWHERE) == pytest.approx(BLOCK_S)
    assert attempts.blocked_for("zoe", HERE) == 0


def test_a_spray_over_many_accounts_from_one_address_blocks_that_address() -> None:
    """Ten wrong codes from one address, two per account, block that address for every name."""
    attempts = LoginAttempts(clock=lambda: 0.0)
    names = [f"p{n}" for n in range(MAX_FAILURES_PER_ADDRESS // 2)]
    for name in names:
        attempts.failed(name, ELSEWHERE)
        attempts.failed(name, ELSEWHERE)
    assert attempts.blocked_for("formateur-claire", ELSEWHERE) == pytest.approx(BLOCK_S)
    assert attempts.blocked_for("formateur-claire", HERE) == 0
