"""Each erasure step alone, on a folder made for it: what it removes, rewrites or keeps.

The whole erasure through the command line is ``test_erase_cli.py``; the room's step is tested
with the room (``tests/room/``).
"""

from __future__ import annotations

import json
from pathlib import Path

from erase_helpers import write_answers
from openpyxl import Workbook, load_workbook

from parler_kit.admin.erase import personal_documents
from parler_kit.course import course_step, load_course_config
from parler_kit.course.grade import put_own_scripts_on_path
from parler_kit.erase import FOLDER_STEPS, erase_participant, steps
from parler_kit.erase.search import (
    answers_files,
    empty_folders,
    leftovers,
    returned_notebooks,
    spreadsheets,
)
from parler_kit.erasure import Outcome, Who, run_steps
from parler_kit.production.manifest import production_runs


def _who(folder: Path, participant: str = "p001") -> Who:
    return Who(participant, (folder,))


def _actions(outcomes: list[Outcome], root: Path) -> set[tuple[str, str]]:
    return {(o.action, o.path.relative_to(root).as_posix()) for o in outcomes}


def test_production_runs_removes_the_folder_and_the_manifest_lines(tmp_path: Path) -> None:
    """Their run folder goes, both manifests lose their line, their name is learnt; p002 stays."""
    run = tmp_path / "carnets"
    for pid in ("p001", "p002"):
        (run / pid).mkdir(parents=True)
    manifest = {"schema_version": 1, "participants": {
        "p001": {"full_name": "Zoé Étienne"}, "p002": {"full_name": "Awa N'Diaye"}}}  # fmt: skip
    (run / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    (run / "manifest.csv").write_text("\ufeffid;nom\r\np001;Zoé Étienne\r\np002;Awa\r\n", "utf-8")
    who = _who(tmp_path)
    outcomes = production_runs(who)
    assert _actions(outcomes, tmp_path) == {
        ("removed", "carnets/p001"),
        ("rewritten", "carnets/manifest.json"),
        ("rewritten", "carnets/manifest.csv"),
    }
    assert who.names == {"Zoé Étienne"} and (run / "p002").is_dir()
    assert list(json.loads((run / "manifest.json").read_text("utf-8"))["participants"]) == ["p002"]
    assert "Zoé" not in (run / "manifest.csv").read_text("utf-8")


def test_personal_documents_removes_the_three_documents_of_one_person(tmp_path: Path) -> None:
    """Attestation, convocation and certificat of p001 go; p002's and the attendance sheet stay."""
    names = ["attestation-p001.pdf", "convocation-p001.pdf", "certificat-realisation-p001.pdf",
             "attestation-p002.pdf", "emargement-2027-03-08-matin.pdf"]  # fmt: skip
    for name in names:
        (tmp_path / name).write_bytes(b"%PDF")
    outcomes = personal_documents(_who(tmp_path))
    assert {o.path.name for o in outcomes} == set(names[:3])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[3:])


def test_answers_files_takes_the_lock_and_the_broken_copies(tmp_path: Path) -> None:
    """Their answers file, its lock and a corrupt copy go; another person's answers stay."""
    mine = write_answers(tmp_path / "jour1" / "zoe.answers.json", "p001")
    (tmp_path / "jour1" / "zoe.answers.json.lock").write_text("", "utf-8")
    (tmp_path / "jour1" / "vieux.answers.json.corrupt-1").write_text('{"p": "p001"', "utf-8")
    other = write_answers(tmp_path / "jour1" / "awa.answers.json", "p002")
    outcomes = answers_files(_who(tmp_path))
    assert {o.path.name for o in outcomes} == {
        mine.name,
        "zoe.answers.json.lock",
        "vieux.answers.json.corrupt-1",
    }
    assert other.is_file()


def test_returned_notebooks_naming_them_or_beside_their_answers_go(tmp_path: Path) -> None:
    """A notebook holding their id, and one left alone beside their removed answers, go."""
    (tmp_path / "retours").mkdir()
    named = tmp_path / "retours" / "jour1 Étienne.ipynb"
    named.write_text('{"participant_id": "p001"}', "utf-8")
    beside = tmp_path / "zoe" / "jour1.ipynb"
    beside.parent.mkdir()
    beside.write_text("{}", "utf-8")
    others = tmp_path / "retours" / "jour1 Awa.ipynb"
    others.write_text('{"participant_id": "p002"}', "utf-8")
    who = _who(tmp_path)
    who.handled.add(beside.parent / "zoe.answers.json")  # removed by the step before
    outcomes = returned_notebooks(who)
    assert {o.path for o in outcomes} == {named, beside} and others.is_file()


def test_spreadsheets_drops_their_rows_of_csv_and_xlsx_tables(tmp_path: Path) -> None:
    """Their row of a CSV and of an XLSX goes, the other rows stay; a table without them is left."""
    (tmp_path / "notes.csv").write_text("id;note\np001;12\np002;14\n", "utf-8")
    (tmp_path / "autre.csv").write_text("id;note\np002;14\n", "utf-8")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", "présent"], ["p001", 1], ["p002", 1]):
        sheet.append(row)
    book.save(tmp_path / "presences.xlsx")
    outcomes = spreadsheets(_who(tmp_path))
    assert _actions(outcomes, tmp_path) == {
        ("rewritten", "notes.csv"),
        ("rewritten", "presences.xlsx"),
    }
    assert "p001" not in (tmp_path / "notes.csv").read_text("utf-8-sig")
    kept = load_workbook(tmp_path / "presences.xlsx").active
    assert kept is not None and [c.value for c in kept["A"]] == ["id", "p002"]


def test_empty_folders_goes_up_to_the_folder_named_and_no_further(tmp_path: Path) -> None:
    """Folders emptied by the removals go, up to (not including) the folder the organiser named."""
    emptied = tmp_path / "reponses" / "p001" / "jour1"
    emptied.mkdir(parents=True)
    (tmp_path / "reponses" / "p002").mkdir()
    who = Who("p001", (tmp_path / "reponses",))
    who.handled.add(emptied / "carnet.answers.json")
    outcomes = empty_folders(who)
    assert [o.path for o in outcomes] == [emptied, emptied.parent]
    assert (tmp_path / "reponses" / "p002").is_dir()


def test_leftovers_keeps_signed_sheets_and_names_other_files(tmp_path: Path) -> None:
    """Files still naming them are kept, never removed: an attendance sheet with its reason."""
    (tmp_path / "emargement-2027-03-08-matin.pdf").write_bytes(b"ETIENNE Zoe p001")
    (tmp_path / "notes.txt").write_text("Appeler Zoé Étienne", "utf-8")
    (tmp_path / "rien.txt").write_text("Awa", "utf-8")
    who = _who(tmp_path)
    who.names.add("Zoé Étienne")
    outcomes = leftovers(who)
    assert {(o.path.name, o.action) for o in outcomes} == {
        ("emargement-2027-03-08-matin.pdf", "kept"),
        ("notes.txt", "kept"),
    }
    reasons = {o.path.name: o.reason for o in outcomes}
    assert "présence" in reasons["emargement-2027-03-08-matin.pdf"]
    assert (tmp_path / "notes.txt").is_file()


def test_course_step_removes_their_nbgrader_folders_and_grades(tmp_path: Path) -> None:
    """submitted/, autograded/ and feedback/ of p001 go and the gradebook forgets them; p002 stays."""
    root = tmp_path / "cours"
    for step in ("submitted", "autograded", "feedback"):
        for pid in ("p001", "p002"):
            (root / step / pid / "day1").mkdir(parents=True)
    config = tmp_path / "nbgrader_config.py"
    config.write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = 'essai'\n"
        f"c.CourseDirectory.root = {str(root)!r}\n",
        "utf-8",
    )
    from nbgrader.api import Gradebook

    course = load_course_config(config)
    put_own_scripts_on_path()
    with Gradebook(course.db_url, "essai") as gradebook:
        gradebook.add_student("p001")
        gradebook.add_student("p002")
    outcomes = course_step(course)(_who(tmp_path))
    assert _actions(outcomes, tmp_path) == {
        ("removed", "cours/submitted/p001"),
        ("removed", "cours/autograded/p001"),
        ("removed", "cours/feedback/p001"),
        ("rewritten", "cours/gradebook.db"),
    }
    with Gradebook(course.db_url, "essai") as gradebook:
        assert [s.id for s in gradebook.students] == ["p002"]
    assert course_step(None)(_who(tmp_path)) == []


def test_run_steps_tells_each_step_what_the_earlier_ones_handled(tmp_path: Path) -> None:
    """A step sees the files the steps before it removed or rewrote (Who.handled)."""
    seen: list[set[Path]] = []

    def first(who: Who) -> list[Outcome]:
        return [Outcome(tmp_path / "a", "removed")]

    def second(who: Who) -> list[Outcome]:
        seen.append(set(who.handled))
        return [Outcome(tmp_path / "b", "kept", "raison")]

    outcomes = run_steps(_who(tmp_path), [first, second])
    assert seen == [{tmp_path / "a"}] and [o.path.name for o in outcomes] == ["a", "b"]


def test_the_steps_run_folders_then_course_then_rooms_then_what_is_left(tmp_path: Path) -> None:
    """The order: the folders' steps, the course, the rooms, and the search for what is left last."""
    ordered = steps()
    assert tuple(ordered[: len(FOLDER_STEPS)]) == FOLDER_STEPS
    assert FOLDER_STEPS[0] is production_runs and FOLDER_STEPS[-1] is empty_folders
    assert len(ordered) == len(FOLDER_STEPS) + 3
    write_answers(tmp_path / "x.answers.json", "p001")
    assert [o.action for o in erase_participant("p001", [tmp_path])] == ["removed"]
