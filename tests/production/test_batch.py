"""The batch: manifest, resume, --force, failure isolation (ipynb + html: no PDF, fast)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from production_helpers import write_roster, write_template

from parler_kit.errors import RosterError
from parler_kit.production import BuildRequest, build, build_workbooks, load_entries
from parler_kit.production.batch import _pool, finish, load_inputs, plan_builds, run_builds
from parler_kit.roster import load_roster

FAST = ("ipynb", "html")
PEOPLE = ["Durand;Éloïse;ass mat;Domicile", "Martin;Léo;RPE;RPE Nord", "Diallo;Awa;LAEP;LAEP Sud"]


def test_manifest_files_and_checksums(tmp_path: Path, session: Path) -> None:
    """Every participant gets workbook + answers + handout, listed in the manifest with sha256."""
    roster = write_roster(tmp_path, PEOPLE)
    result = build_workbooks(roster, session, tmp_path / "out", formats=FAST, jobs=2)
    assert [e.status for e in result.entries] == ["ok", "ok", "ok"]
    manifest = json.loads(result.manifest.read_text("utf-8"))
    entry = manifest["participants"][result.entries[0].participant_id]
    assert set(entry["files"]) == {"workbook.ipynb", "handout.html", "evaluation_a_froid.ipynb"}
    assert entry["error"] is None and entry["duration_s"] > 0
    folder = tmp_path / "out" / result.entries[0].participant_id
    assert (folder / "workbook.answers.json").is_file()
    answers = json.loads((folder / "workbook.answers.json").read_text("utf-8"))
    assert answers["participant_id"] == result.entries[0].participant_id
    summary = (tmp_path / "out" / "manifest.csv").read_text("utf-8-sig")
    assert "Éloïse Durand" in summary


def test_resume_skips_up_to_date_and_rebuilds_changed(tmp_path: Path, session: Path) -> None:
    """A second run skips everyone; a changed row or a deleted file rebuilds only that one."""
    out = tmp_path / "out"
    first = build_workbooks(write_roster(tmp_path, PEOPLE), session, out, formats=FAST, jobs=2)
    again = build_workbooks(write_roster(tmp_path, PEOPLE), session, out, formats=FAST, jobs=2)
    assert [e.status for e in again.entries] == ["skipped"] * 3
    changed = [PEOPLE[0].replace("Domicile", "Domicile Nord"), *PEOPLE[1:]]
    (out / first.entries[1].participant_id / "handout.html").unlink()
    third = build_workbooks(write_roster(tmp_path, changed), session, out, formats=FAST, jobs=2)
    assert [e.status for e in third.entries] == ["ok", "ok", "skipped"]
    forced = build_workbooks(
        write_roster(tmp_path, changed), session, out, formats=FAST, jobs=1, force=True
    )
    assert [e.status for e in forced.entries] == ["ok"] * 3


def test_rebuild_keeps_participant_answers(tmp_path: Path, session: Path) -> None:
    """--force never overwrites an answers file a participant already filled."""
    out = tmp_path / "out"
    roster = write_roster(tmp_path, PEOPLE[:1])
    (entry,) = build_workbooks(roster, session, out, formats=FAST, jobs=1).entries
    answers = out / entry.participant_id / "workbook.answers.json"
    data = json.loads(answers.read_text("utf-8"))
    data["answers"]["fiche-action"] = {
        "value": {"fa-intitule": "Lire au parc"},
        "changed_at": "2027-03-22T10:00:00+00:00",
        "attempts": 1,
        "score": None,
        "max_score": None,
    }
    answers.write_text(json.dumps(data), "utf-8")
    build_workbooks(roster, session, out, formats=FAST, jobs=1, force=True)
    assert "Lire au parc" in answers.read_text("utf-8")


def test_invalid_roster_produces_nothing(tmp_path: Path, session: Path) -> None:
    """A roster with one bad row raises RosterError and writes no output at all."""
    roster = write_roster(tmp_path, [*PEOPLE, "Sans;Métier;boulanger;X"])
    with pytest.raises(RosterError):
        build_workbooks(roster, session, tmp_path / "out", formats=FAST, jobs=1)
    assert not (tmp_path / "out").exists()


def test_failing_cell_for_one_participant(tmp_path: Path, session: Path) -> None:
    """A cell failing for one participant is reported with its cell; the others complete."""
    template = write_template(
        tmp_path,
        ("markdown", "## Quiz", []),
        ("code", 'show("quiz", questions=participant_id)', []),
    )
    roster = write_roster(
        tmp_path,
        [
            "A;B;rpe;S;quiz-pb-evaluation",
            "C;D;rpe;S;pas-une-question",
            "E;F;laep;S;quiz-elfe-ecart",
        ],
        header="nom;prénom;profession;structure;id",
    )
    result = build_workbooks(
        roster, session, tmp_path / "out", formats=FAST, jobs=2, template_path=template
    )
    assert [e.status for e in result.entries] == ["ok", "failed", "ok"]
    failure = result.failed[0].error
    assert failure is not None and failure.cell == 2 and "pas-une-question" in failure.message
    stored = load_entries(tmp_path / "out")["pas-une-question"]
    assert stored.status == "failed" and stored.error == failure
    # The failed participant is retried on the next run; the others are up to date.
    again = build_workbooks(
        roster, session, tmp_path / "out", formats=FAST, jobs=2, template_path=template
    )
    assert [e.status for e in again.entries] == ["skipped", "failed", "skipped"]


CRASH_SCRIPT = """
import json, os, sys
from pathlib import Path
from parler_kit.production import build_workbooks
from parler_kit.production import worker

real_build = worker._build

def crash_for_martin(context, participant):
    if participant.last_name == "Martin":
        os._exit(3)  # the process dies without any Python cleanup
    return real_build(context, participant)

worker._build = crash_for_martin  # inherited by the workers, forked from this single-threaded process
roster, session, out = map(Path, sys.argv[1:4])
result = build_workbooks(roster, session, out, formats=("ipynb", "html"), jobs=2)
print(json.dumps([[e.status, e.error.message if e.error else ""] for e in result.entries]))
"""


def test_crashed_worker_fails_only_its_participant(tmp_path: Path, session: Path) -> None:
    """A worker process dying (as a crashed kernel would) fails one participant, not the batch."""
    # Run in a fresh single-threaded interpreter: its workers are forked and carry the patch.
    roster = write_roster(tmp_path, PEOPLE)
    completed = subprocess.run(
        [sys.executable, "-c", CRASH_SCRIPT, str(roster), str(session), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    entries = json.loads(completed.stdout.strip().splitlines()[-1])
    assert [status for status, _ in entries] == ["ok", "failed", "ok"]
    assert "brutalement" in entries[1][1]


def test_workers_are_not_forked_from_a_threaded_caller() -> None:
    """With another thread running, workers come from the forkserver, never a fork of the caller."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pool = _pool(1, None)  # type: ignore[arg-type]  # the context is only sent when a job starts
        try:
            assert pool._mp_context.get_start_method() in ("forkserver", "spawn")
        finally:
            pool.shutdown()
    finally:
        stop.set()
        thread.join()


def test_a_request_runs_through_named_stages_and_takes_a_loaded_roster(
    tmp_path: Path, session: Path
) -> None:
    """load → plan → run → finish: a loaded roster builds like its file; the plan skips what is done."""
    roster = load_roster(write_roster(tmp_path, PEOPLE[:2]))
    request = BuildRequest(roster, session, tmp_path / "out", formats=FAST, jobs=1)
    inputs = load_inputs(request)
    assert inputs.roster is roster and inputs.facts["roster"] == str(roster.source)
    plan = plan_builds(inputs, load_entries(request.out))
    assert [p.id for p, _ in plan.todo] == [
        p.id for p in roster.participants
    ] and not plan.up_to_date
    result = finish(inputs, run_builds(inputs, plan))
    assert [e.status for e in result.entries] == ["ok", "ok"]
    assert not plan_builds(inputs, load_entries(request.out)).todo  # now up to date
    again = build(request)
    assert [e.status for e in again.entries] == ["skipped", "skipped"]
    manifest = json.loads(result.manifest.read_text("utf-8"))
    assert manifest["roster"] == str(roster.source), manifest
