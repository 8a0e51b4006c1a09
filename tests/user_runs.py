"""The kit run as its users run it, once per test session, in temporary folders.

Two expensive artefacts are made once and shared by every test that reads them
(``tests/conftest.py`` imports the fixtures):

- ``demo_run``: ``make demo``, run by ``make`` from a copy of the Makefile and ``examples/`` in
  a temporary folder (the installed ``.venv`` is reused: ``-o`` tells make its stamp is current),
  so everything lands in ``<tmp>/build/demo`` and nothing in the repository;
- ``course_run``: a trainer's three days through nbgrader, with the repository's own
  ``nbgrader_config.py`` copied beside a copy of ``curriculum/`` (its course root, ``build/course``,
  is then inside the temporary folder): ``nbgrader generate_assignment`` for day 1, 2 and 3,
  participants of ``examples/roster.csv`` answering through the widgets, then from the command line
  ``parler-kit course collect --roster --session``, ``course grade`` for each day and
  ``course export``.

Helpers: `kit` runs ``.venv/bin/parler-kit``; `copy_from_repo` copies repository files keeping
their modification times (so make sees the venv stamps as current).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
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
    exercise_ids,
    load_bank,
)
from parler_kit.roster import Participant, load_roster, load_session

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VENV = BIN.parent
EXAMPLES = REPO / "examples"
ROSTER = EXAMPLES / "roster.csv"
SESSION = EXAMPLES / "session.yaml"
STORE_NAME = "carnet.answers.json"
DAYS = ("day1", "day2", "day3")


def copy_from_repo(destination: Path, *names: str) -> None:
    """Copy repository files or folders into `destination`, modification times kept."""
    ignore = shutil.ignore_patterns("*.answers.json*", ".ipynb_checkpoints", "__pycache__")
    for name in names:
        source, target = REPO / name, destination / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore, copy_function=shutil.copy2)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def user_env() -> dict[str, str]:
    """The environment of a user whose shell has the venv's scripts first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def kit(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``.venv/bin/parler-kit ARGS`` in `cwd`, as typed in a terminal."""
    result = subprocess.run(
        [str(BIN / "parler-kit"), *args],
        cwd=cwd,
        env=user_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if check:
        assert result.returncode == 0, (
            f"parler-kit {' '.join(args)}\n{result.stdout}{result.stderr}"
        )
    return result


def make(target: str, cwd: Path, *variables: str) -> list[str]:
    """The ``make`` command line of `target` in a repository copy, reusing the installed venv."""
    return [
        "make", "--no-print-directory", f"VENV={VENV}",
        "-o", f"{VENV}/.installed-runtime", "-o", f"{VENV}/.installed-dev",
        "-C", str(cwd), *variables, target,
    ]  # fmt: skip


# -- make demo ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoRun:
    """What ``make demo`` printed and where it wrote."""

    root: Path
    out: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """``make demo`` once, from a copy of the Makefile and the examples (about 1.5 minutes)."""
    root = tmp_path_factory.mktemp("make-demo")
    copy_from_repo(root, "Makefile", "pyproject.toml", "constraints.txt", "examples", "scripts")
    result = subprocess.run(
        make("demo", root), env=user_env(), capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return DemoRun(root, root / "build" / "demo", result.stdout, result.stderr)


# -- a trainer's three days through nbgrader ------------------------------------------------------

Answer = Callable[[int], bool]  # item position → answer it right?

PLANS: dict[str, Answer] = {
    "tout-juste": lambda position: True,
    "tout-faux": lambda position: False,
    "en-partie": lambda position: position % 2 == 0,
}
#: Who plays each day (by plan): day 1 by all three, days 2 and 3 by the partly-right one only,
#: to keep grading near three minutes on a 2-core machine.
PLAYERS_BY_DAY = {
    "day1": ("tout-juste", "tout-faux", "en-partie"),
    "day2": ("en-partie",),
    "day3": ("en-partie",),
}
#: The participants of examples/roster.csv who play each plan (rows 1 to 3).
PLAN_ROWS = {"en-partie": 0, "tout-juste": 1, "tout-faux": 2}


def _wrong_set(key: tuple[str, ...], pool: list[str]) -> list[str]:
    """A set of ids that is not the key (one id of the pool outside the key)."""
    return [next(option for option in pool if option not in key)]


def _answer_items(
    bank: ContentBank, kind: str, ids: list[str], store: AnswerStore, right: Answer
) -> float:
    """Answer `ids` through the widget of `kind` as a browser would; return the points deserved."""
    from parler_kit.widgets import DialogueAnnotator, Quiz, TechniqueExercise

    techniques = [AVOID, *(t.id for t in bank.techniques)]
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
                key, pool = item.answer, techniques
            chosen = list(key) if right(position) else _wrong_set(key, pool)
            control = widget.controls[item_id]
            control.value = (
                chosen[0] if isinstance(item, QuizQuestion) and not item.multiple else chosen
            )
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
                group.value = list(key) if good else _wrong_set(key, techniques)
                deserved += 1.0 if good else 0.0
                turn_number += 1
            assert widget.compare(item_id)
    else:  # pragma: no cover - a new graded kind must be taught to these tests
        raise AssertionError(f"no way to answer {kind!r}")
    return deserved


def selections(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """The notebook's one-line item selections (``x = exercise_ids("slug")``), evaluated: variable → ids."""
    found: dict[str, list[str]] = {}
    for cell in notebook.cells:
        for line in cell.source.splitlines() if cell.cell_type == "code" else []:
            match = re.match(r"^(\w+) = (exercise_ids\(.*\)|\[.*\])$", line)
            if match:
                names = {"load_bank": load_bank, "exercise_ids": exercise_ids}
                found[match.group(1)] = eval(match.group(2), names)
    return found


def play(
    release: Path, folder: Path, bank: ContentBank, right: Answer, participant: str, session: str
) -> dict[str, float]:
    """Copy a day's release to `folder` and answer every selection; points deserved per notebook."""
    shutil.copytree(release, folder)
    store = AnswerStore.open(folder / STORE_NAME, participant_id=participant, session_id=session)
    deserved: dict[str, float] = {}
    for path in sorted(folder.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        total = 0.0
        for ids in selections(notebook).values():
            kind = bank.exercise(ids[0]).kind
            if kind != "reformulate":  # indicative rubric, never graded
                total += _answer_items(bank, kind, ids, store, right)
        deserved[path.stem] = total
    return deserved


@dataclass
class CourseRun:
    """The course folder, who played what, and what each command printed."""

    root: Path  # the copy: nbgrader_config.py, curriculum/, nbgrader_templates/
    course: Path  # root/build/course, as the repository's config says
    inbox: Path  # what participants returned, as collected
    players: dict[str, Participant]  # plan → participant of examples/roster.csv
    deserved: dict[tuple[str, str], dict[str, float]]  # (participant id, day) → notebook → points
    outputs: dict[str, subprocess.CompletedProcess[str]] = field(default_factory=dict)

    @property
    def config(self) -> Path:
        """The repository's nbgrader_config.py, copied."""
        return self.root / "nbgrader_config.py"


#: The returned name of the positioning notebook of the partly-right participant (a copy
#: renamed by hand, with their id in its metadata, as a returned workbook may carry it).
RENAMED = "jour1 {last_name}.ipynb"


@pytest.fixture(scope="session")
def course_run(tmp_path_factory: pytest.TempPathFactory) -> CourseRun:
    """Release the three days, let participants answer, then collect, grade and export by CLI."""
    root = tmp_path_factory.mktemp("cours-reel")
    copy_from_repo(root, "nbgrader_config.py", "curriculum", "nbgrader_templates")
    bank = load_bank()
    session = load_session(SESSION)
    people = load_roster(ROSTER).participants
    players = {plan: people[row] for plan, row in PLAN_ROWS.items()}
    run = CourseRun(root, root / "build" / "course", root / "retours", players, {})
    for day in DAYS:
        # A trainer who ran the day live left an answers file in the source folder: it must be
        # neither released nor copied over the participants' answers by autograde.
        AnswerStore.open(root / "curriculum" / day / STORE_NAME)
        result = subprocess.run(
            [str(BIN / "nbgrader"), "generate_assignment", day],
            cwd=root, env=user_env(), capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
        for plan in PLAYERS_BY_DAY[day]:
            person = players[plan]
            folder = run.inbox / person.last_name / day
            run.deserved[(person.id, day)] = play(
                run.course / "release" / day, folder, bank, PLANS[plan], person.id, session.id
            )
    partly = players["en-partie"]
    original = run.inbox / partly.last_name / "day1" / "01-accueil-positionnement.ipynb"
    notebook = json.loads(original.read_text("utf-8"))
    notebook["metadata"]["parler_kit"] = {"participant_id": partly.id, "session_id": session.id}
    renamed = original.with_name(RENAMED.format(last_name=partly.last_name))
    renamed.write_text(json.dumps(notebook), "utf-8")
    original.unlink()
    # As the organiser's guide types them, from the kit's folder (its nbgrader_config.py).
    run.outputs["collect"] = kit(
        "course", "collect", str(run.inbox), "--roster", str(ROSTER), "--session", str(SESSION),
        cwd=root,
    )  # fmt: skip
    for day in DAYS:
        run.outputs[f"grade {day}"] = kit("course", "grade", day, cwd=root)
    run.outputs["export"] = kit("course", "export", "--out", str(root / "notes"), cwd=root)
    return run
