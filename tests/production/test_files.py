"""Output paths stay inside --out; CSV cells never become formulas."""

from __future__ import annotations

from pathlib import Path

import pytest

from parler_kit.errors import ProductionError
from parler_kit.production import participant_dir
from parler_kit.production.files import csv_bytes


@pytest.mark.parametrize("bad", ["../../etc/x", "..", "a/b", "/abs", ".hidden", "", "nul"])
def test_participant_dir_refuses_escapes(tmp_path: Path, bad: str) -> None:
    """An id that would leave the output folder (or is not one component) is refused."""
    with pytest.raises(ProductionError):
        participant_dir(tmp_path, bad)


def test_participant_dir_inside_out(tmp_path: Path) -> None:
    """A safe id gives a direct child of the output folder."""
    assert participant_dir(tmp_path, "dupont-a1b2").parent == tmp_path.resolve()


def test_csv_bytes_bom_semicolon_and_neutralised() -> None:
    """The kit's CSV is UTF-8 with BOM, `;`-separated, with formulas neutralised."""
    data = csv_bytes(["nom", "erreur"], [('=HYPERLINK("x")', "a;b")])
    text = data.decode("utf-8-sig")
    assert data.startswith(b"\xef\xbb\xbf")
    assert text.splitlines()[1] == '"\'=HYPERLINK(""x"")";"a;b"'
