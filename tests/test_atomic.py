"""write_atomic: whole files only, private files never readable by others, errors naming the file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from parler_kit.atomic import write_atomic


def test_a_file_is_replaced_whole_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    """The new bytes replace the old ones; nothing else stays in the folder."""
    target = tmp_path / "manifest.csv"
    target.write_bytes(b"old")
    write_atomic(target, "nouveau contenu é".encode())
    assert target.read_bytes() == "nouveau contenu é".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.csv"]


def test_a_private_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """private=True gives mode 0600, also over a leftover temporary file with a wider mode."""
    target = tmp_path / "codes.csv"
    leftover = tmp_path / ".codes.csv.partial"  # left by a crash, readable by everyone
    leftover.write_bytes(b"")
    leftover.chmod(0o644)
    write_atomic(target, b"identifiant;code\n", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not leftover.exists()


def test_a_failed_write_names_the_file_not_the_temporary_one(tmp_path: Path) -> None:
    """An OSError (here: no such folder) names the file that could not be written."""
    target = tmp_path / "absent" / "handout.pdf"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(target, b"%PDF")
    assert caught.value.filename == str(target)
