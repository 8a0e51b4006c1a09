"""Participants' days through real nbgrader: release, answers through the widgets, grades, feedback.

Everything runs on the ``course_run`` fixture (``tests/user_runs.py``): the repository's own
``nbgrader_config.py`` copied with the curriculum into a temporary folder, day 1, 2 and 3 released
by ``nbgrader generate_assignment``, answered through the widgets by participants of
``examples/roster.csv``, then collected, graded and exported with ``parler-kit course``.
"""

from __future__ import annotations

import math

import nbformat
import pytest

from user_runs import DAYS, PLAYERS_BY_DAY, REPO, CourseRun

COURSE_ID = "parler-tout-petits"

pytestmark = pytest.mark.kernel


def _gradebook_scores(run: CourseRun, student: str, day: str) -> dict[str, tuple[float, float]]:
    from nbgrader.api import Gradebook

    url = f"sqlite:///{run.course / 'gradebook.db'}"
    with Gradebook(url, course_id=COURSE_ID) as gradebook:
        submission = gradebook.find_submission(day, student)
        return {nb.name: (nb.score, nb.max_score) for nb in submission.notebooks}


@pytest.mark.parametrize("day", DAYS)
def test_gradebook_scores_match_what_the_answers_deserve(course_run: CourseRun, day: str) -> None:
    """Each notebook's autograded score equals the points each participant's answers deserve."""
    totals: dict[str, float] = {}
    for plan in PLAYERS_BY_DAY[day]:
        student = course_run.players[plan].id
        scores = _gradebook_scores(course_run, student, day)
        deserved = course_run.deserved[(student, day)]
        assert set(scores) == set(deserved)
        for name, (score, max_score) in scores.items():
            assert math.isclose(score, deserved[name]), (student, name, score, deserved[name])
            if plan == "tout-juste":
                assert math.isclose(score, max_score), name
        totals[plan] = sum(score for score, _ in scores.values())
    assert totals["en-partie"] > 0
    if len(totals) == 3:
        assert totals["tout-faux"] == 0 < totals["en-partie"] < totals["tout-juste"]


@pytest.mark.parametrize("day", DAYS)
def test_feedback_is_in_french_and_shows_no_code(course_run: CourseRun, day: str) -> None:
    """Feedback pages are French, show the answers as printed twins, and no code or English label."""
    pages = sorted((course_run.course / "feedback").glob(f"*/{day}/*.html"))
    notebooks = len(list((course_run.course / "release" / day).glob("*.ipynb")))
    assert len(pages) == len(PLAYERS_BY_DAY[day]) * notebooks
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


@pytest.mark.parametrize("day", DAYS)
def test_release_has_no_key_no_hidden_test_and_no_trainer_part(
    course_run: CourseRun, day: str
) -> None:
    """The participants' release holds no solution or hidden-test region, trainer part or answers file."""
    release = course_run.course / "release" / day
    notebooks = sorted(release.glob("*.ipynb"))
    assert len(notebooks) == len(list((REPO / "curriculum" / day).glob("*.ipynb")))
    # The trainer's answers file left in the source folder was not released.
    assert (course_run.root / "curriculum" / day / "carnet.answers.json").is_file()
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
