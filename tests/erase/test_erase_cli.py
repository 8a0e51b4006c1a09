"""parler-kit erase: one participant's data removed everywhere the kit wrote it, others kept.

The last test erases someone from the output of a whole course (``make demo`` and three days
through nbgrader, the shared ``demo_run`` and ``course_run`` fixtures, copied first) and then
reads every file left, PDF text included, for their name, their id and one of their answers.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from erase_helpers import write_answers

from parler_kit.answers import AnswerStore
from parler_kit.cli import main
from parler_kit.course import load_course_config
from parler_kit.course.grade import put_own_scripts_on_path
from parler_kit.production import DEFAULT_TEMPLATE
from parler_kit.widgets import EvaluationForm
from user_runs import RENAMED, CourseRun, DemoRun, kit

SESSION = Path(__file__).resolve().parents[2] / "examples" / "session.yaml"


def _kit_outputs(root: Path) -> dict[str, Path]:
    """A production run, an answers folder, documents and an nbgrader course for p001 and p002."""
    production = root / "carnets"
    for pid in ("p001", "p002"):
        (production / pid).mkdir(parents=True)
        (production / pid / "workbook.ipynb").write_text("{}", "utf-8")
        write_answers(production / pid / "workbook.answers.json", pid)
    manifest = {"schema_version": 1, "participants": {
        "p001": {"full_name": "Zoé Étienne", "files": {"workbook.ipynb": "x"}},
        "p002": {"full_name": "Awa N'Diaye", "files": {"workbook.ipynb": "y"}},
    }}  # fmt: skip
    (production / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    (production / "manifest.csv").write_text(
        "\ufeffid;nom;statut\r\np001;Zoé Étienne;ok\r\np002;Awa N'Diaye;ok\r\n", "utf-8"
    )
    documents = root / "documents"
    documents.mkdir()
    for name in ("attestation-p001.pdf", "attestation-p002.pdf", "emargement-2026-03-02-matin.pdf"):
        (documents / name).write_bytes(b"%PDF-1.4")
    write_answers(root / "reponses" / "jour1" / "zoe.answers.json", "p001")
    write_answers(root / "reponses" / "jour1" / "awa.answers.json", "p002")
    course_root = root / "cours"
    for step in ("submitted", "autograded", "feedback"):
        for pid in ("p001", "p002"):
            (course_root / step / pid / "day1").mkdir(parents=True)
    config = root / "nbgrader_config.py"
    config.write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = 'essai'\nc.CourseDirectory.root = {str(course_root)!r}\n",
        "utf-8",
    )
    from nbgrader.api import Gradebook

    put_own_scripts_on_path()
    with Gradebook(load_course_config(config).db_url, "essai") as gradebook:
        gradebook.add_student("p001")
        gradebook.add_student("p002")
    return {"production": production, "documents": documents, "reponses": root / "reponses",
            "course": course_root, "config": config}  # fmt: skip


def test_erase_removes_one_participant_everywhere_and_says_what(tmp_path: Path) -> None:
    """Workbook folder, manifest lines, certificate, answers, nbgrader folders and grades of p001 go; p002 stays."""
    where = _kit_outputs(tmp_path)
    result = CliRunner().invoke(main, [
        "erase", "--participant", "p001", "--out", str(where["production"]),
        "--out", str(where["documents"]), "--out", str(where["reponses"]), "--config", str(where["config"]),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        not (where["production"] / "p001").exists()
        and (where["production"] / "p002" / "workbook.ipynb").is_file()
    )
    assert not (where["documents"] / "attestation-p001.pdf").exists()
    assert (where["documents"] / "attestation-p002.pdf").is_file()
    assert (where["documents"] / "emargement-2026-03-02-matin.pdf").is_file()
    assert not (where["reponses"] / "jour1" / "zoe.answers.json").exists()
    assert (where["reponses"] / "jour1" / "awa.answers.json").is_file()
    for step in ("submitted", "autograded", "feedback"):
        assert (
            not (where["course"] / step / "p001").exists()
            and (where["course"] / step / "p002").is_dir()
        )
    manifest = json.loads((where["production"] / "manifest.json").read_text("utf-8"))
    assert list(manifest["participants"]) == ["p002"]
    summary = (where["production"] / "manifest.csv").read_text("utf-8-sig")
    assert "Zoé" not in summary and "p002;Awa N'Diaye;ok" in summary
    from nbgrader.api import Gradebook

    with Gradebook(load_course_config(where["config"]).db_url, "essai") as gradebook:
        assert [s.id for s in gradebook.students] == ["p002"]
    assert f"Supprimé\u202f: {where['production'] / 'p001'}" in result.output
    assert (
        "Retiré du manifeste" in result.output
        and "Retiré du carnet de notes nbgrader" in result.output
    )
    assert "Zoé" not in result.output


def test_erase_of_an_unknown_participant_says_nothing_was_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is removed and the command says so."""
    where = _kit_outputs(tmp_path)
    monkeypatch.chdir(tmp_path)  # no nbgrader_config.py here: the repository's course is not read
    result = CliRunner().invoke(
        main, ["erase", "--participant", "p404", "--out", str(where["documents"])]
    )
    assert result.exit_code == 0 and "Rien trouvé pour le participant" in result.output
    assert len(list(where["documents"].iterdir())) == 3


def test_erase_finds_the_lock_and_broken_copies_of_an_answers_file(tmp_path: Path) -> None:
    """The store's lock file and a corrupt copy kept aside are erased with the answers file."""
    from parler_kit.erase import participant_files

    folder = tmp_path / "retours"
    write_answers(folder / "carnet.answers.json", "p001")
    (folder / "carnet.answers.json.lock").write_text("", "utf-8")
    (folder / "carnet.answers.json.corrupt-20261124T010000").write_text(
        '{"participant_id": "p001", "answers": {"q1": {"val', "utf-8"
    )
    (folder / "autre.answers.json.corrupt-20261124T010000").write_text(
        '{"participant_id": "p002"', "utf-8"
    )
    found = {p.name for p in participant_files("p001", [folder])}
    assert found == {
        "carnet.answers.json",
        "carnet.answers.json.lock",
        "carnet.answers.json.corrupt-20261124T010000",
    }


def _readable(path: Path, pdf_text: Callable[[Path], str]) -> str:
    """A file's text as a person searching it would read it (PDF and XLSX text, else bytes)."""
    if path.suffix == ".pdf":
        text = pdf_text(path)
    elif path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            text = " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    else:
        text = path.read_bytes().decode("utf-8", "replace")
    return " ".join(text.split()).casefold()


def _handout_template(folder: Path) -> Path:
    """The kit's workbook template cut to two sections, the second a free-text exercise."""
    template = nbformat.read(DEFAULT_TEMPLATE, as_version=4)
    parameters = next(c for c in template.cells if "parameters" in c.metadata.get("tags", []))
    template.cells = [
        parameters,
        nbformat.v4.new_markdown_cell("## Jour 1 — Repères"),
        nbformat.v4.new_code_cell('show("timeline", age_months=24)'),
        nbformat.v4.new_markdown_cell("## Jour 2 — Reformuler"),
        nbformat.v4.new_code_cell('show("reformulation", items=["ref-01"])'),
    ]
    path = folder / "modele.ipynb"
    nbformat.write(template, path)
    return path


def test_erase_after_a_handout_with_answers_leaves_nothing_in_the_section_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pdf_text: Callable[[Path], str]
) -> None:
    """A PDF handout rebuilt with a free-text answer, then erasure: no file, cache included, holds it."""
    roster = tmp_path / "liste.csv"
    roster.write_text(
        "nom;prénom;profession;structure;id\nDurand;Éloïse;ass mat;Domicile;p001\n"
        "Martin;Léo;ass mat;Domicile;p002\n",
        "utf-8",
    )
    out = tmp_path / "carnets"
    build = ["workbooks", "build", str(roster), "--session", str(SESSION), "--out", str(out),
             "--formats", "pdf", "--jobs", "1", "--template", str(_handout_template(tmp_path))]  # fmt: skip
    assert CliRunner().invoke(main, build).exit_code == 0
    answer = "RÉPONSE-LIBRE-ÉCRITE-PAR-LA-PERSONNE"
    AnswerStore.open(out / "p001" / "workbook.answers.json").set("ref-01", answer)
    assert CliRunner().invoke(main, [*build, "--force"]).exit_code == 0
    assert answer.casefold() in _readable(out / "p001" / "handout.pdf", pdf_text)
    monkeypatch.chdir(tmp_path)  # no nbgrader_config.py here: the repository's course is not read
    result = CliRunner().invoke(main, ["erase", "--participant", "p001", "--out", str(out)])
    assert result.exit_code == 0, result.output

    cached = sorted((out / ".cache").glob("section-*.pdf"))
    assert cached  # the cache is there, and searched below
    needles = {"answer": answer, "name": "Éloïse Durand", "id": "p001"}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        text = _readable(path, pdf_text)
        for what, needle in needles.items():
            assert needle.casefold() not in text, (what, path)
    assert (out / "p002" / "handout.pdf").is_file()


@pytest.mark.kernel
def test_erase_after_a_whole_course_leaves_no_trace_but_the_signed_sheets(
    demo_run: DemoRun,
    course_run: CourseRun,
    tmp_path: Path,
    pdf_text: Callable[[Path], str],
) -> None:
    """Workbooks, documents, pickup folder, grading and exports: nothing names the person but the kept sheets."""
    demo, kit_folder = tmp_path / "demo", tmp_path / "kit"
    shutil.copytree(demo_run.out, demo)
    shutil.copytree(course_run.root, kit_folder)  # its nbgrader_config.py follows the copy
    person = course_run.players["en-partie"]
    assert (demo / "carnets" / person.id).is_dir()
    # Weeks later, the person answers the à froid evaluation in their own notebook.
    answer = "RÉPONSE-LIBRE-ÉCRITE-PAR-LA-PERSONNE"
    store = AnswerStore.open(demo / "carnets" / person.id / "evaluation_a_froid.answers.json")
    form = EvaluationForm("froid", store=store)
    form.controls[next(q.id for q in form.questions if q.kind == "text")].value = answer
    returned = (
        kit_folder
        / "retours"
        / person.last_name
        / "day1"
        / RENAMED.format(last_name=person.last_name)
    )
    assert returned.is_file()

    result = kit(
        "erase", "--participant", person.id, "--out", str(demo),
        "--out", str(kit_folder / "retours"), "--out", str(kit_folder / "notes"),
        cwd=kit_folder,
    )  # fmt: skip
    assert not returned.exists() and f"Supprimé : {returned}" in result.stdout
    kept = {
        Path(line.split(" : ", 1)[1].split(" — ")[0]): line
        for line in result.stdout.splitlines()
        if line.startswith("Conservé")
    }
    sheets = sorted((demo / "administration").glob("emargement-*.pdf"))
    assert sheets and set(kept) == set(sheets), result.stdout
    for line in kept.values():
        assert "preuve de sa présence" in line and "3 ans" in line

    needles = {
        "id": person.id.casefold(),
        "name": person.full_name.casefold(),
        "last name": person.last_name.casefold(),
        "answer": answer.casefold(),
    }
    for path in sorted(p for p in tmp_path.rglob("*")):
        for what, needle in needles.items():
            assert needle not in str(path.relative_to(tmp_path)).casefold(), (what, path)
        if path.is_file() and path not in kept:
            text = _readable(path, pdf_text)
            for what, needle in needles.items():
                assert needle not in text, (what, path)
    other = course_run.players["tout-juste"]
    assert (demo / "carnets" / other.id / "workbook.ipynb").is_file()
    assert (kit_folder / "build" / "course" / "submitted" / other.id / "day1").is_dir()
