"""Where the nbgrader course lives: read from the course's ``nbgrader_config.py``.

The kit never duplicates nbgrader's configuration: the same file drives ``nbgrader`` commands
typed by hand and the ``parler-kit course`` commands, so both always agree on the folders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parler_kit.errors import ParlerKitError


@dataclass(frozen=True)
class CourseConfig:
    """The folders and id of an nbgrader course, all paths absolute."""

    config_file: Path
    course_id: str
    root: Path
    source: Path
    #: The whole traitlets ``Config`` the file defines, handed to nbgrader as is.
    nbgrader: Any = field(default=None, compare=False, repr=False)

    @property
    def submitted(self) -> Path:
        """``submitted/``: one folder per participant, then one per day (nbgrader's layout)."""
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        """``autograded/``: the executed, graded copies."""
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        """``feedback/``: the HTML feedback for each participant and day."""
        return self.root / "feedback"

    @property
    def db_url(self) -> str:
        """The gradebook database, nbgrader's default place under the course root."""
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def days(self) -> tuple[str, ...]:
        """The assignments (days) found in the source folder, sorted."""
        if not self.source.is_dir():
            return ()
        return tuple(
            sorted(p.name for p in self.source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
        )


def load_course_config(config_file: Path) -> CourseConfig:
    """Read ``course_id``, ``root`` and ``source_directory`` from an ``nbgrader_config.py``.

    Relative folders are taken relative to the config file's folder, as nbgrader does when it is
    run from there. Raises `ParlerKitError` (French) when the file is missing or incomplete.
    """
    # Imported here: traitlets is only needed by the course commands.
    from traitlets.config.loader import PyFileConfigLoader

    config_file = config_file.resolve()
    if not config_file.is_file():
        raise ParlerKitError(f"Fichier de configuration nbgrader introuvable : {config_file}")
    try:
        config = PyFileConfigLoader(config_file.name, path=str(config_file.parent)).load_config()
    except Exception as error:  # a user-edited Python file: any error is reported, not raised raw
        raise ParlerKitError(
            f"Le fichier de configuration nbgrader {config_file} ne peut pas être lu : {error}"
        ) from error
    section = config.get("CourseDirectory", {})
    course_id = str(section.get("course_id", "") or "")
    if not course_id:
        raise ParlerKitError(
            f"{config_file} : « c.CourseDirectory.course_id » manque (identifiant du cours)."
        )
    base = config_file.parent
    root = base / str(section.get("root", "") or ".")
    source = Path(str(section.get("source_directory", "") or "source"))
    source = source if source.is_absolute() else root / source
    return CourseConfig(config_file, course_id, root.resolve(), source.resolve(), config)
