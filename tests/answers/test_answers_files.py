"""What an answers file is: its names and the one rule that recognises one, for every reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.answers import (
    DAY_ANSWERS,
    STORE_GLOBS,
    AnswerStore,
    answers_name,
    answers_path_for,
    answers_paths,
    is_answers_name,
)
from parler_kit.answers.files import answers_name_parts


@pytest.mark.parametrize(
    "name",
    [
        "carnet.answers.json",
        "workbook.answers.json",
        "carnet.answers (1).json",
        "jour1 (1).answers.json",
        "CARNET.ANSWERS.JSON",
    ],
)
def test_answers_files_and_their_copies_are_recognised(name: str) -> None:
    """The store's names and the copies a person or a system makes of them are answers files."""
    assert is_answers_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "._carnet.answers.json",  # a Mac's resource fork on a USB key
        ".carnet.answers.json.x1y2.tmp",  # the store's temporary file
        "carnet.answers.json.lock",
        "carnet.answers.json.corrupt-20260301T090000-1",
        "carnet.json",
        "answers.json",
        "carnet.ipynb",
    ],
)
def test_hidden_files_locks_and_other_files_are_not_answers_files(name: str) -> None:
    """Hidden files, the store's lock and kept-aside copies, other JSON files are not."""
    assert not is_answers_name(name)


def test_name_parts_keep_what_surrounds_answers() -> None:
    """The parts before « .answers » and before « .json » are kept for matching a notebook."""
    assert answers_name_parts("jour1.answers (1).json") == ("jour1", " (1)")
    assert answers_name_parts("jour1 (1).answers.json") == ("jour1 (1)", "")


def test_the_store_writes_the_names_the_rule_recognises(tmp_path: Path) -> None:
    """A notebook's answers file and the day's store are named by `answers_name`."""
    assert answers_path_for(tmp_path / "jour1.ipynb") == tmp_path / answers_name("jour1")
    assert answers_name("carnet") == DAY_ANSWERS == "carnet.answers.json"  # rooms already hold it
    store = AnswerStore.open(tmp_path / DAY_ANSWERS)
    store.set("quiz-x", ["a"])
    beside = {p.name for p in tmp_path.iterdir()}
    assert all(any(p.match(glob) for glob in STORE_GLOBS) for p in map(Path, beside)), beside


def test_answers_paths_finds_files_at_any_depth_but_not_in_hidden_folders(tmp_path: Path) -> None:
    """Answers files below the folder are found, sorted; hidden folders and other files are not."""
    for name in (
        "p1/day1/carnet.answers.json",
        "p1/carnet/workbook.answers (1).json",
        "p1/.ipynb_checkpoints/carnet.answers.json",
        "p1/day1/01.ipynb",
        "p1/day1/._carnet.answers.json",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", "utf-8")
    assert answers_paths(tmp_path) == [
        tmp_path / "p1/carnet/workbook.answers (1).json",
        tmp_path / "p1/day1/carnet.answers.json",
    ]
