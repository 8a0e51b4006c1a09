"""The kit installed from its wheel, in a clean virtual environment, works without a checkout.

What a container image for a hosted room does: build the wheel, ``pip install`` it (with the
lock's versions) into a new virtual environment, then run the organiser's commands on the example
files. Everything happens in a temporary folder: the wheel is built from a copy of the repository's
files, so the repository is left as it was. Marked ``wheel`` (a few minutes, mostly pip installing
the dependencies): ``pytest -m wheel`` runs it alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


def _copy_sources(target: Path) -> None:
    """The repository's files (tracked or not ignored), as they are now, symbolic links kept."""
    names = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, names):
        source, destination = REPO / name, target / name
        if not source.is_symlink() and not source.exists():
            continue  # deleted in the working tree, not yet in the index
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            destination.symlink_to(source.readlink())
        else:
            shutil.copy2(source, destination)


def _run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The bin folder of a fresh virtual environment holding only the built wheel, and its env."""
    work = tmp_path_factory.mktemp("wheel")
    source, dist, venv = work / "source", work / "dist", work / "venv"
    _copy_sources(source)
    home = work / "home"
    home.mkdir()
    path = os.pathsep.join(
        p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(REPO))
    )
    env = {**os.environ, "HOME": str(home), "PATH": path, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source], work, env)
    (wheel,) = dist.glob("parler_kit-*.whl")
    _run([sys.executable, "-m", "venv", venv], work, env)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-compile"]
    _run([*pip, "-c", REPO / "constraints.txt", wheel], work, env)
    return venv / "bin", env


def test_the_installed_kit_is_the_wheel_not_the_checkout(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """The fresh environment imports parler_kit from its own site-packages, shipped files included."""
    bin_dir, env = installed
    script = (
        "import parler_kit, parler_kit.paths as p; print(parler_kit.__file__); "
        "print(p.WORKBOOK_TEMPLATE.is_file(), p.FEEDBACK_TEMPLATES.is_dir(), "
        "sorted(d.name for d in p.CURRICULUM.iterdir()))"
    )
    where, shipped = _run([bin_dir / "python", "-c", script], tmp_path, env).splitlines()
    assert Path(where).is_relative_to(bin_dir.parent)
    assert shipped == "True True ['day1', 'day2', 'day3', 'suivi-fiche-action.ipynb']"


def test_workbooks_build_and_room_prepare_run_from_the_wheel(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """``workbooks build`` and ``room prepare`` on the example files succeed from the wheel."""
    bin_dir, env = installed
    before = _git("status", "--porcelain", "--untracked-files=all")
    roster, session = EXAMPLES / "roster.csv", EXAMPLES / "session.yaml"
    kit = bin_dir / "parler-kit"
    _run([kit, "workbooks", "build", roster, "--session", session, "--out", "carnets",
          "--formats", "ipynb,html"], tmp_path, env)  # fmt: skip
    workbooks = sorted(tmp_path.glob("carnets/*/workbook.ipynb"))
    assert len(workbooks) == 12 and all((w.parent / "handout.html").is_file() for w in workbooks)
    _run([kit, "room", "prepare", roster, "--session", session, "--out", "salle"], tmp_path, env)
    trainers = sorted(p.name for p in (tmp_path / "salle" / "cours" / "curriculum").iterdir())
    assert trainers == ["day1", "day2", "day3", "suivi-fiche-action.ipynb"]
    assert (tmp_path / "salle" / "acces" / "cartes-acces.pdf").is_file()
    assert _git("status", "--porcelain", "--untracked-files=all") == before
