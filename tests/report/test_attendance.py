"""report --attendance reads the same presence file as the certificates."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.errors import RosterError
from parler_kit.report import load_attendance
from parler_kit.roster import load_roster, load_session

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_example_presence_file_gives_the_bilan_its_headcounts() -> None:
    """examples/presence.csv: 12 present at each half-day but the last (11); a late arrival counts."""
    roster = load_roster(EXAMPLES / "roster.csv")
    session = load_session(EXAMPLES / "session.yaml")
    attendance = load_attendance(EXAMPLES / "presence.csv", roster, session)
    assert [len(attendance[h]) for h in session.half_days] == [12, 12, 12, 12, 12, 11]


def test_a_bad_cell_stops_the_bilan_with_row_and_column(tmp_path: Path) -> None:
    """The presence file's own errors (row, column, French) stop the report too."""
    roster = load_roster(EXAMPLES / "roster.csv")
    session = load_session(EXAMPLES / "session.yaml")
    text = (
        (EXAMPLES / "presence.csv")
        .read_text("utf-8-sig")
        .replace("Faure;Cécile;1;", "Faure;Cécile;peut-être;")
    )
    bad = tmp_path / "presence.csv"
    bad.write_text(text, "utf-8")
    with pytest.raises(RosterError, match=r"ligne 14, champ « 08/03/2027 matin \(colonne C\) »"):
        load_attendance(bad, roster, session)
