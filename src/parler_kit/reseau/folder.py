"""One session's folder for the network bilan: its files found by name, read, and its bilan built.

A session folder holds ``session.yaml``, the roster (``roster.csv`` or ``roster.xlsx``), the
presence file when there is one (``presence.csv``, ``.xlsx`` or ``.yaml``) and the answers folder
(``answers/`` or ``reponses/``: answers files, returned à froid and fiche action forms). The
session's figures are computed by the bilan's own code (`parler_kit.report.build_bilan`).
"""

from __future__ import annotations

from pathlib import Path

from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.report import AnswersSet, Bilan, build_bilan, load_answers, load_attendance
from parler_kit.roster import load_roster, load_session

ROSTER_NAMES = ("roster.csv", "roster.xlsx")
PRESENCE_NAMES = ("presence.csv", "presence.xlsx", "presence.yaml")
ANSWERS_NAMES = ("answers", "reponses")


def _first(folder: Path, names: tuple[str, ...]) -> Path | None:
    return next((folder / n for n in names if (folder / n).exists()), None)


def session_bilan(bank: ContentBank, folder: Path) -> Bilan:
    """The bilan of the session in `folder`; a French error names a missing file."""
    session_file = folder / "session.yaml"
    roster_file = _first(folder, ROSTER_NAMES)
    if not session_file.is_file() or roster_file is None:
        raise ParlerKitError(ui_text("reseau.folder.missing", folder=folder))
    roster, session = load_roster(roster_file), load_session(session_file)
    presence = _first(folder, PRESENCE_NAMES)
    attendance = load_attendance(presence, roster, session) if presence else None
    answers = _first(folder, ANSWERS_NAMES)
    inputs = load_answers(answers, roster, session) if answers is not None else AnswersSet()
    if answers is None:
        inputs.without_answers = list(roster.participants)
    return build_bilan(bank, session, roster, inputs, attendance)
