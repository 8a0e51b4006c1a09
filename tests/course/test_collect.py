"""Collecting returned workbooks into nbgrader's submitted/ folder."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from parler_kit.course import CourseConfig, collect

ROSTER = {"p001", "p002", "p003"}


def _snapshot(folder: Path) -> dict[str, tuple[str, float]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _awkward_inbox(
    course: CourseConfig, inbox: Path, returned_workbook: Callable[..., Path]
) -> None:
    # p001: a renamed copy (newest) and an older version in a sub-folder.
    returned_workbook(course, inbox, "jour 1 (2).ipynb", participant="p001", answers={"q1": ["b"]},
                      changed_at="2026-03-02T16:00:00+00:00")  # fmt: skip
    returned_workbook(course, inbox / "ancien", "exercices.ipynb", participant="p001",
                      answers={"q1": ["a"]}, changed_at="2026-03-02T11:00:00+00:00")  # fmt: skip
    # p002: no id in the notebook, only in the answers file beside it (named with a copy mark).
    returned_workbook(course, inbox / "p2", "Copie de exercices.ipynb", participant="p002",
                      answers={"q1": ["b"], "q2": ["a", "c"]}, id_in_notebook=False,
                      answers_name="exercices.answers (1).json")  # fmt: skip
    # p002 day 2.
    returned_workbook(course, inbox / "p2", "atelier.ipynb", day="day2", participant="p002",
                      answers={"c1": ["nommer"]})  # fmt: skip
    # Another session, someone not on the roster, no id at all.
    returned_workbook(course, inbox / "autre", "exercices.ipynb", participant="p003",
                      session="session-autre", answers={"q1": ["b"]})  # fmt: skip
    returned_workbook(course, inbox / "inconnu", "exercices.ipynb", participant="p999", answers={})
    returned_workbook(course, inbox / "anonyme", "exercices.ipynb", participant=None)
    # An answers file of an unknown schema version, one without notebook, a stray PDF.
    (inbox / "vieux.answers.json").write_text(
        json.dumps({"schema_version": 99, "participant_id": "p003", "answers": {}}), "utf-8"
    )
    (inbox / "seul").mkdir()
    (inbox / "seul" / "exercices.answers.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "participant_id": "p003",
                "session_id": "session-test",
                "answers": {},
            }
        ),
        "utf-8",
    )
    (inbox / "programme.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "p2" / "exercices.answers.json.lock").write_text("", "utf-8")  # left by the store


def test_collect_places_newest_copy_and_reports_the_rest(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """Each workbook lands in submitted/<id>/<day>/ under its course name; each problem is named."""
    inbox = tmp_path / "retours"
    _awkward_inbox(course, inbox, returned_workbook)
    report = collect(inbox, course, participants=ROSTER, session_id="session-test")

    placed = {(p.participant_id, p.day, p.notebook) for p in report.placed}
    assert placed == {
        ("p001", "day1", "exercices"),
        ("p002", "day1", "exercices"),
        ("p002", "day2", "atelier"),
    }
    p001 = course.submitted / "p001" / "day1"
    answers = json.loads((p001 / "exercices.answers.json").read_text("utf-8"))
    assert answers["answers"]["q1"]["value"] == ["b"]  # the 16:00 version, not the 11:00 one
    assert (p001 / "exercices.ipynb").is_file()
    assert (p001 / "timestamp.txt").read_text("utf-8").startswith("2026-03-02 16:00:00")
    assert (course.submitted / "p002" / "day1" / "exercices.answers.json").is_file()

    assert [s.path.relative_to(inbox).as_posix() for s in report.older] == [
        "ancien/exercices.ipynb"
    ]
    reasons = {s.path.relative_to(inbox).as_posix(): s.reason for s in report.unmatched}
    assert "autre session" in reasons["autre/exercices.ipynb"]
    assert (
        "p999" in reasons["inconnu/exercices.ipynb"]
        and "absent" in reasons["inconnu/exercices.ipynb"]
    )
    assert "aucun identifiant" in reasons["anonyme/exercices.ipynb"]
    assert "99" in reasons["vieux.answers.json"]
    assert "sans carnet" in reasons["seul/exercices.answers.json"]
    assert "ignoré" in reasons["programme.pdf"]
    assert "p2/exercices.answers.json.lock" not in reasons
    # the other session's answers file is not "without notebook": it was read with its notebook
    assert "autre/exercices.answers.json" not in reasons


def test_collect_never_modifies_the_inbox(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """Every file of the input folder keeps its bytes and modification time; none is removed."""
    inbox = tmp_path / "retours"
    _awkward_inbox(course, inbox, returned_workbook)
    before = _snapshot(inbox)
    collect(inbox, course, participants=ROSTER, session_id="session-test")
    assert _snapshot(inbox) == before


def test_an_older_copy_collected_later_does_not_replace_a_newer_one(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """Collecting again from a folder holding only an older copy keeps the newer submission."""
    returned_workbook(course, tmp_path / "a", "exercices.ipynb", participant="p001",
                      answers={"q1": ["b"]}, changed_at="2026-03-02T16:00:00+00:00")  # fmt: skip
    collect(tmp_path / "a", course)
    returned_workbook(course, tmp_path / "b", "exercices.ipynb", participant="p001",
                      answers={"q1": ["a"]}, changed_at="2026-03-02T09:00:00+00:00")  # fmt: skip
    report = collect(tmp_path / "b", course)
    assert report.placed == []
    assert "plus récente" in report.older[0].reason
    saved = json.loads(
        (course.submitted / "p001" / "day1" / "exercices.answers.json").read_text("utf-8")
    )
    assert saved["answers"]["q1"]["value"] == ["b"]


def test_a_notebook_whose_answers_file_names_someone_else_is_refused(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """A workbook for p001 beside an answers file for p002 is reported, not guessed."""
    path = returned_workbook(course, tmp_path / "in", "exercices.ipynb", participant="p001")
    returned_workbook(
        course, tmp_path / "tmp", "exercices.ipynb", participant="p002", answers={"q1": ["b"]}
    )
    (tmp_path / "tmp" / "exercices.answers.json").rename(path.with_name("exercices.answers.json"))
    report = collect(tmp_path / "in", course)
    assert report.placed == []
    assert "p001" in report.unmatched[0].reason and "p002" in report.unmatched[0].reason


def test_the_store_shared_by_a_folder_goes_with_each_notebook_under_its_own_name(
    course: CourseConfig, tmp_path: Path, returned_workbook: Callable[..., Path]
) -> None:
    """carnet.answers.json beside notebooks identifies them and keeps its name in submitted/."""
    inbox = tmp_path / "retours"
    # Two participants' files dropped in one folder: the second copy got « (1) » in its name.
    returned_workbook(course, inbox, "exercices.ipynb", participant="p001",
                      answers={"q1": ["b"]}, answers_name="carnet.answers.json")  # fmt: skip
    returned_workbook(course, inbox, "exercices (1).ipynb", participant="p002",
                      answers={"q1": ["a"]}, answers_name="carnet.answers (1).json")  # fmt: skip
    # A third one whose notebook carries no id: the shared store beside it says who it is.
    returned_workbook(course, inbox / "p3", "exercices.ipynb", participant="p003", id_in_notebook=False,
                      answers={"q1": ["c"]}, answers_name="carnet.answers.json")  # fmt: skip
    report = collect(inbox, course)
    assert report.unmatched == [] and report.older == []
    for participant, value in (("p001", ["b"]), ("p002", ["a"]), ("p003", ["c"])):
        folder = course.submitted / participant / "day1"
        saved = json.loads((folder / "carnet.answers.json").read_text("utf-8"))
        assert saved["participant_id"] == participant and saved["answers"]["q1"]["value"] == value
        assert (folder / "exercices.ipynb").is_file()
