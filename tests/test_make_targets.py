"""``make demo``, ``make app`` and ``make lab`` run by make, on the real files, as the README says.

Each target runs from a copy of the Makefile and the files it reads, in a temporary folder (its
``build/`` is then there, never in the repository), with the installed ``.venv``. Servers are
started in their own process group, found by the URL they print, and stopped by that PID.
"""

from __future__ import annotations

import csv
import html
import json
import random
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from browser.jupyter_servers import _stop as stop_process_group
from parler_kit.cli import main
from parler_kit.roster import load_roster, load_session
from user_runs import ROSTER, SESSION, CourseRun, DemoRun, copy_from_repo, make, user_env

BANNER = (
    "Aperçu pour une seule personne\u202f: les réponses de toute personne qui ouvre cette page "
    "s'écrivent dans le même fichier\u202f; pour une salle, utilisez la salle de formation "
    "(parler-kit room)"
)


# -- make demo (one run, shared: see tests/user_runs.py) ------------------------------------------


def test_make_demo_prints_where_everything_is_and_writes_it(demo_run: DemoRun) -> None:
    """make demo's two summary lines, and each participant's files, documents and the bilan."""
    assert "build/demo/carnets/<identifiant>/" in demo_run.stdout
    assert "build/demo/bilan-demonstration.pdf" in demo_run.stdout
    people = load_roster(ROSTER).participants
    carnets = demo_run.out / "carnets"
    manifest = json.loads((carnets / "manifest.json").read_text("utf-8"))
    assert sorted(manifest["participants"]) == sorted(p.id for p in people)
    for person in people:
        folder = carnets / person.id
        for name in ("workbook.ipynb", "workbook.answers.json", "handout.html", "handout.pdf",
                     "evaluation_a_froid.ipynb", "evaluation_a_froid.answers.json"):  # fmt: skip
            assert (folder / name).is_file(), (person.id, name)
    administration = demo_run.out / "administration"
    session = load_session(SESSION)
    assert len(list(administration.glob("emargement-*.pdf"))) == len(session.half_days)
    assert len(list(administration.glob("attestation-*.pdf"))) == len(people)
    assert {p.name for p in administration.glob("evaluation-a-*.pdf")} == {
        "evaluation-a-chaud.pdf",
        "evaluation-a-froid.pdf",
    }
    # admin attestations --demo: the certificate names the person and says it is a demonstration.
    certificate = _pages(administration / f"attestation-{people[0].id}.pdf")[0].casefold()
    assert "démonstration" in certificate
    assert all(word in certificate for word in people[0].full_name.casefold().split())
    # admin evaluation: the à froid form asks the follow-up questions.
    froid = " ".join(_pages(administration / "evaluation-a-froid.pdf"))
    assert "Depuis la formation, mes échanges avec les enfants ont changé." in froid


def _pages(path: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext), spaces folded."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("\u2019", "'")
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def test_demo_bilan_has_every_part_for_twelve_participants(demo_run: DemoRun) -> None:
    """Percentages, charts, technique readings, the missing last day, the à froid answers; DÉMONSTRATION on every page."""
    pdf = demo_run.out / "bilan-demonstration.pdf"
    pages = _pages(pdf)
    assert len(pages) > 2 and all("DÉMONSTRATION" in page for page in pages)
    text = " ".join(pages)
    assert "réponses exploitables pour 12 personnes" in text
    assert re.search(r"\d+ % \(1[12] personnes\)", text)  # percentages from 5 answers on
    assert "Part de bonnes réponses par question" in text  # the positioning chart's caption
    assert "Part de réponses justes par technique" in text  # the techniques chart's caption
    assert re.search(r"maîtrisée par le groupe|en cours d'acquisition|à retravailler", text)
    last = load_roster(ROSTER).participants[-1]
    # The funder-facing bilan gives a count; the trainer gets the names in the terminal (issue 21).
    assert (
        "Participants sans réponses du dernier jour (questionnaire de fin de formation absent) : 1."
        in text
    )
    assert last.full_name not in text and last.id not in text
    assert (
        f"Pas de réponses du dernier jour pour {last.full_name}"
        in demo_run.stdout + demo_run.stderr
    )
    follow_up = text[text.index("Évaluation à froid") :].split("Méthode")[0]
    assert "Aucune réponse." not in follow_up and "n = 11" in follow_up


def test_report_with_an_attendance_file_counts_each_half_day(
    demo_run: DemoRun, tmp_path: Path
) -> None:
    """report --attendance on the demo's answers: the attendance table gives present / enrolled per half-day."""
    people = load_roster(ROSTER).participants
    session = load_session(SESSION)
    presence = tmp_path / "presences.csv"
    labels = [f"{h.date.isoformat()} {h.period}" for h in session.half_days]
    with presence.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["id", *labels])
        for number, person in enumerate(people):
            writer.writerow(
                [person.id, *("" if number < 2 and i == 0 else "x" for i in range(len(labels)))]
            )
    answers = tmp_path / "reponses"
    shutil.copytree(demo_run.out / "reponses-simulees", answers)
    out = tmp_path / "bilan.pdf"
    result = CliRunner().invoke(main, [
        "report", "--session", str(SESSION), "--roster", str(ROSTER), "--answers", str(answers),
        "--attendance", str(presence), "--out", str(out),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(_pages(out))
    attendance = text[text.index("Assiduité par demi-journée") :][:600]
    assert re.search(r"matin 83 % \(12 ", attendance) and "100 % (12 " in attendance


# -- servers started by make ---------------------------------------------------------------------


@contextmanager
def _make_server(target: str, root: Path, *variables: str) -> Iterator[tuple[str, Path]]:
    """Run ``make TARGET`` in its own process group; yield the URL it prints; stop it by PID."""
    log = root / f"make-{target}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            make(target, root, *variables), env=user_env(), stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        url = _printed_url(process, log)
        yield url, log
    finally:
        stop_process_group(process)


def _printed_url(process: subprocess.Popen[bytes], log: Path, timeout: float = 240) -> str:
    """The http://127.0.0.1:PORT/… URL the server prints once it listens (it may have moved port)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # A whole line only: a line still being written could end inside the port number.
        match = re.search(r"(http://127\.0\.0\.1:\d+/\S*)\r?\n", log.read_text("utf-8", "replace"))
        if match:
            return match.group(1)
        if process.poll() is not None:
            raise AssertionError(f"make stopped ({process.returncode}):\n{log.read_text('utf-8')}")
        time.sleep(0.2)  # polling the log for a condition, not waiting a fixed time
    raise AssertionError(f"No URL printed after {timeout} s:\n{log.read_text('utf-8')}")


def _get(url: str, timeout: float = 180) -> str:
    """The page at `url`; a refused connection is retried until the server accepts (30 s)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return str(response.read().decode("utf-8"))
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)  # polling until the server accepts connections


def _visible(page: str) -> str:
    """A page's text as read on screen: tags dropped, entities decoded, spaces folded."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    return re.sub(r"[ \t\r\n]+", " ", text)  # narrow no-break spaces kept, as typeset


def _port() -> str:
    """A starting port; the server moves to the next free one itself (port_retries), and says so."""
    return str(random.randint(20000, 59000))


@pytest.mark.kernel
def test_make_app_serves_the_days_with_the_one_person_banner(
    course_run: CourseRun, tmp_path: Path
) -> None:
    """make app: the day list and a day's page carry the one-person banner; no trainer part or code."""
    copy_from_repo(tmp_path, "Makefile", "pyproject.toml", "constraints.txt", "nbgrader_config.py",
                   "curriculum", "nbgrader_templates", "share")  # fmt: skip
    # The three days already released by nbgrader with this configuration (course_run): make app
    # keeps an existing release, exactly as it keeps answers written there in an earlier session.
    shutil.copytree(course_run.course / "release", tmp_path / "build" / "course" / "release")
    with _make_server("app", tmp_path, f"APP_PORT={_port()}") as (url, log):
        assert BANNER in log.read_text("utf-8")  # also said in the terminal
        base = url.split("/", 3)[:3]
        home = _visible(_get("/".join(base) + "/"))
        assert BANNER in home
        assert all(day in home.split() for day in ("day1", "day2", "day3"))
        page = _get("/".join(base) + "/voila/render/day1/01-accueil-positionnement.ipynb")
        assert BANNER in _visible(page) and "application/vnd.jupyter.widget-view+json" in page
        assert "Pour le formateur" not in page and "score_exercises" not in page
        # The room's page template under the banner: French loading text, nothing from another
        # site (no Font Awesome link, MathJax switched off), the lost-connection warning.
        assert "Préparation de votre page" in page
        assert "cdn.jsdelivr.net" not in page and '"fullMathjaxUrl": "null"' in page
        watch = re.search(r'<script src="([^"]*/static/connexion\.js[^"]*)"', page)
        assert watch is not None, "the lost-connection warning's script is not on the page"
        assert "plus reliée au serveur" in _get("/".join(base) + watch.group(1))


@pytest.mark.kernel
def test_make_lab_opens_jupyterlab_in_french_on_the_curriculum(tmp_path: Path) -> None:
    """make lab: JupyterLab answers on 127.0.0.1, lists the three days and the follow-up notebook, in French."""
    copy_from_repo(tmp_path, "Makefile", "pyproject.toml", "constraints.txt", "curriculum")
    with _make_server("lab", tmp_path, f"LAB_PORT={_port()}") as (url, log):
        base, token = url.split("/lab")[0].split("?")[0].rstrip("/"), url.split("token=")[-1]
        assert url.startswith("http://127.0.0.1:"), log.read_text("utf-8")
        contents = json.loads(_get(f"{base}/api/contents?token={token}"))
        names = sorted(item["name"] for item in contents["content"])
        assert names == ["day1", "day2", "day3", "suivi-fiche-action.ipynb"]
        settings = json.loads(
            _get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}")
        )
        assert settings["settings"]["locale"] == "fr_FR"
        assert "JupyterLab" in _get(f"{base}/lab?token={token}")
