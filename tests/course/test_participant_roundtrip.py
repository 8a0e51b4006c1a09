"""A participant's day through real nbgrader: release, answers through the widgets, grades, feedback.

nbgrader runs from the repository root, so it reads the course's own ``nbgrader_config.py``; only
the course root is moved to a temporary folder (command-line settings win over the config file).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest

from parler_kit.answers import AnswerStore
from parler_kit.content import (
    AVOID,
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    load_bank,
)

REPO = Path(__file__).resolve().parents[2]
COURSE_ID = "parler-tout-petits"
STORE_NAME = "carnet.answers.json"
#: Days played end to end, and by whom: day 1 (quizzes) by three participants — all right, all
#: wrong, partly right; day 2 (classification, dialogues: several points per item) by the partly
#: right one only, to keep the test near three minutes on a 2-core machine.
STUDENTS_BY_DAY = {
    "day1": ("tout-juste", "tout-faux", "en-partie"),
    "day2": ("en-partie",),
}

pytestmark = pytest.mark.kernel


def _nbgrader(course_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an nbgrader command from the repository root against a temporary course root."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "nbgrader"),
            *args,
            f"--CourseDirectory.root={course_root}",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# -- what the answers deserve, from the bank's keys (independently of the scoring module) -----------


def _wrong_set(key: tuple[str, ...], pool: list[str]) -> list[str]:
    """A set of ids that is not the key (one id of the pool outside the key)."""
    return [next(option for option in pool if option not in key)]


def _technique_pool(bank: ContentBank) -> list[str]:
    return [AVOID, *(t.id for t in bank.techniques)]


Answer = Callable[[int], bool]  # item position → answer it right?


def _answer_items(
    bank: ContentBank, kind: str, ids: list[str], store: AnswerStore, right: Answer
) -> float:
    """Answer `ids` through the widget of `kind` as a browser would; return the points deserved."""
    from parler_kit.widgets import DialogueAnnotator, Quiz, TechniqueExercise

    deserved = 0.0
    if kind in ("quiz", "classify"):
        widget: Any = (
            Quiz(ids, store=store, bank=bank)
            if kind == "quiz"
            else TechniqueExercise(ids, store=store, bank=bank)
        )
        for position, item_id in enumerate(ids):
            item = bank.exercise(item_id)
            if isinstance(item, QuizQuestion):
                key, pool = item.correct, [c.id for c in item.choices]
            else:
                assert isinstance(item, ClassificationItem)
                key, pool = item.answer, _technique_pool(bank)
            chosen = list(key) if right(position) else _wrong_set(key, pool)
            control = widget.controls[item_id]
            if isinstance(item, QuizQuestion) and not item.multiple:
                control.value = chosen[0]
            else:
                control.value = chosen
            assert widget.validate(item_id)
            deserved += 1.0 if right(position) else 0.0
    elif kind == "dialogue":
        widget = DialogueAnnotator(ids, store=store, bank=bank)
        turn_number = 0
        for item_id in ids:
            item = bank.exercise(item_id)
            assert isinstance(item, DialogueItem)
            for index, group in widget.groups[item_id].items():
                key = item.turns[index].techniques
                good = right(turn_number)
                group.value = list(key) if good else _wrong_set(key, _technique_pool(bank))
                deserved += 1.0 if good else 0.0
                turn_number += 1
            assert widget.compare(item_id)
    else:  # pragma: no cover - a new graded kind must be taught to this test
        raise AssertionError(f"no way to answer {kind!r}")
    return deserved


def _selections(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """The notebook's own one-line item queries, evaluated: variable → selected ids."""
    found: dict[str, list[str]] = {}
    for cell in notebook.cells:
        for line in cell.source.splitlines() if cell.cell_type == "code" else []:
            match = re.match(r"^(\w+) = (\[.*\])$", line)
            if match:
                found[match.group(1)] = eval(match.group(2), {"load_bank": load_bank})
    return found


def _play(release: Path, folder: Path, bank: ContentBank, right: Answer) -> dict[str, float]:
    """Copy the release to `folder`, answer every selection; return the points deserved per notebook."""
    shutil.copytree(release, folder)
    store = AnswerStore.open(folder / STORE_NAME, participant_id=folder.parent.name)
    deserved: dict[str, float] = {}
    for path in sorted(folder.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        total = 0.0
        for ids in _selections(notebook).values():
            kind = bank.exercise(ids[0]).kind
            if kind == "reformulate":
                continue  # indicative rubric, never graded
            total += _answer_items(bank, kind, ids, store, right)
        deserved[path.stem] = total
    return deserved


PLANS: dict[str, Answer] = {
    "tout-juste": lambda position: True,
    "tout-faux": lambda position: False,
    "en-partie": lambda position: position % 2 == 0,
}


@pytest.fixture(scope="module", params=sorted(STUDENTS_BY_DAY))
def graded_course(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Release a day, let its participants answer, autograde and write the feedback."""
    day: str = request.param
    students = STUDENTS_BY_DAY[day]
    root = tmp_path_factory.mktemp(f"cours-{day}")
    bank = load_bank()
    # A trainer who ran the day live left an answers file in curriculum/ (git-ignored): it must be
    # neither released nor copied over the participants' answers by autograde.
    AnswerStore.open(REPO / "curriculum" / day / STORE_NAME)
    _nbgrader(root, "generate_assignment", day, "--force")
    release = root / "release" / day
    deserved = {
        student: _play(release, root / "submitted" / student / day, bank, PLANS[student])
        for student in students
    }
    _nbgrader(root, "autograde", day, "--create", "--force")
    _nbgrader(root, "generate_feedback", day, "--force")
    return {
        "day": day,
        "students": students,
        "root": root,
        "deserved": deserved,
        "release": release,
    }


def _gradebook_scores(course: dict[str, Any], student: str) -> dict[str, tuple[float, float]]:
    from nbgrader.api import Gradebook

    url = f"sqlite:///{course['root'] / 'gradebook.db'}"
    with Gradebook(url, course_id=COURSE_ID) as gradebook:
        submission = gradebook.find_submission(course["day"], student)
        return {nb.name: (nb.score, nb.max_score) for nb in submission.notebooks}


def test_gradebook_scores_match_what_the_answers_deserve(graded_course: dict[str, Any]) -> None:
    """Each notebook's autograded score equals the points each participant's answers deserve."""
    totals: dict[str, float] = {}
    for student in graded_course["students"]:
        scores = _gradebook_scores(graded_course, student)
        deserved = graded_course["deserved"][student]
        assert set(scores) == set(deserved)
        for name, (score, max_score) in scores.items():
            assert math.isclose(score, deserved[name]), (student, name, score, deserved[name])
            if student == "tout-juste":
                assert math.isclose(score, max_score), name
        totals[student] = sum(score for score, _ in scores.values())
    assert totals["en-partie"] > 0
    if len(totals) == 3:
        assert totals["tout-faux"] == 0 < totals["en-partie"] < totals["tout-juste"]


def test_feedback_is_in_french_and_shows_no_code(graded_course: dict[str, Any]) -> None:
    """Feedback pages are French, show the answers as printed twins, and no code or English label."""
    pages = sorted((graded_course["root"] / "feedback").glob(f"*/{graded_course['day']}/*.html"))
    notebooks = len(list(graded_course["release"].glob("*.ipynb")))
    assert len(pages) == len(graded_course["students"]) * notebooks
    for page in pages:
        text = page.read_text("utf-8")
        assert '<html lang="fr">' in text
        assert "Retour sur votre carnet" in text and "point(s) sur" in text
        for english in ("Score:", "Test cell", "Student's answer", "Grade cell", "(Top)"):
            assert english not in text, (page.name, english)
        if "positionnement" in page.name or "reconnaitre" in page.name:
            assert 'class="pk-twin' in text and "☒" in text  # printed twins, with the answers
        for code in ("score_exercises", "read_answers", "load_bank()", "BEGIN HIDDEN TESTS"):
            assert code not in text, (page.name, code)


def _assert_release_is_clean(release: Path, day: str) -> None:
    """Every notebook of the day is released, none with a key, hidden test, trainer part or store."""
    notebooks = sorted(release.glob("*.ipynb"))
    assert len(notebooks) == len(list((REPO / "curriculum" / day).glob("*.ipynb")))
    assert not list(release.glob("*.answers.json*"))
    for path in notebooks:
        text = path.read_text("utf-8")
        for marker in (
            "BEGIN SOLUTION",
            "BEGIN HIDDEN TESTS",
            "Pour le formateur",
            "score_exercises",
        ):
            assert marker not in text, (path.name, marker)
        notebook = nbformat.read(path, as_version=4)
        assert all("formateur" not in c.metadata.get("tags", []) for c in notebook.cells)


def test_release_has_no_key_no_hidden_test_and_no_trainer_part(
    graded_course: dict[str, Any],
) -> None:
    """The participants' release holds no solution or hidden-test region, trainer part or answers file."""
    _assert_release_is_clean(graded_course["release"], graded_course["day"])


@pytest.mark.parametrize("day", sorted({"day1", "day2", "day3"} - set(STUDENTS_BY_DAY)))
def test_other_days_release_cleanly(tmp_path: Path, day: str) -> None:
    """generate_assignment succeeds for the other days, without keys, hidden tests or trainer parts."""
    _nbgrader(tmp_path, "generate_assignment", day, "--force")
    _assert_release_is_clean(tmp_path / "release" / day, day)
