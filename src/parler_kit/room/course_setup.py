"""The room's own nbgrader course: a copy of the curriculum, its configuration and its releases.

The course lives in ``ROOM/cours`` so that a room never writes into the repository, and so that
several rooms (two groups, two sessions) never share a gradebook. Its ``nbgrader_config.py``
calls the same `apply_course_settings` as the repository's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from parler_kit import paths
from parler_kit.answers import STORE_GLOBS
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.room.layout import RoomLayout

#: The curriculum shipped in the repository (nbgrader source notebooks, one folder per day).
CURRICULUM = paths.CURRICULUM

COURSE_CONFIG_TEXT = '''"""nbgrader configuration of this room's course (written by `parler-kit room prepare`).

`parler-kit course grade DAY --config <this file>` grades what `parler-kit room collect` gathered.
"""

from pathlib import Path

from parler_kit.course.settings import apply_course_settings

HERE = Path(__file__).resolve().parent
apply_course_settings(get_config(), root=HERE, source=HERE / "curriculum")  # type: ignore[name-defined]  # noqa: F821
'''

_NOT_COPIED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", *STORE_GLOBS, "*.lock")


def curriculum_days(curriculum: Path = CURRICULUM) -> tuple[str, ...]:
    """The days of the curriculum (``day1``, ``day2``…), sorted."""
    return tuple(
        sorted(p.name for p in curriculum.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
    )


def setup_course(layout: RoomLayout, curriculum: Path = CURRICULUM) -> tuple[str, ...]:
    """Copy the curriculum, write the course configuration and release every day; return the days."""
    shutil.copytree(curriculum, layout.curriculum, ignore=_NOT_COPIED)
    layout.course_config.write_text(COURSE_CONFIG_TEXT, "utf-8")
    days = curriculum_days(layout.curriculum)
    for day in days:
        generate_release(layout, day)
    return days


def release_folder(layout: RoomLayout, day: str) -> Path:
    """``cours/release/<day>``: the participant version of a day (no trainer part, no hidden tests)."""
    return layout.course / "release" / day


def generate_release(layout: RoomLayout, day: str) -> Path:
    """Run nbgrader's generate_assignment for `day` in the room's course; French error on failure."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", day, "--force"],
        cwd=layout.course,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    folder = release_folder(layout, day)
    if result.returncode != 0 or not any(folder.glob("*.ipynb")):
        raise ParlerKitError(
            ui_text("room.error.release", day=day, detail=result.stderr.strip()[-2000:])
        )
    return folder
