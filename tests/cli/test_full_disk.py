"""A full disk during `admin emargement`, on a real tiny filesystem, run as the organiser runs it.

The output folder is a 48 KiB tmpfs mounted in a private mount namespace (``unshare``: as root
directly, otherwise in a user namespace), so the disk really fills up at the OS boundary, the
mount disappears with the process and nothing on the machine is touched. This is also the suite's
run of the real ``parler-kit`` executable in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pikepdf

from parler_kit.admin.emargement import emargement_file_name
from parler_kit.roster import load_session

REPO = Path(__file__).resolve().parents[2]
ROSTER = REPO / "examples" / "roster.csv"
SESSION = REPO / "examples" / "session.yaml"
PARLER_KIT = Path(sys.executable).parent / "parler-kit"
#: Mount a tmpfs on $1, run the command that follows, copy what it left to $2, keep its status.
SCRIPT = (
    'mount -t tmpfs -o size=48k tmpfs "$1" || exit 90; disk="$1"; copy="$2"; shift 2; '
    '"$@"; status=$?; cp -a "$disk/." "$copy"; exit $status'
)


def run_on_tiny_disk(
    disk: Path, copy: Path, command: list[str]
) -> subprocess.CompletedProcess[str]:
    """Run `command` with a 48 KiB filesystem mounted on `disk`; its content is copied to `copy`."""
    namespace = ["unshare", "--mount"]
    if os.geteuid() != 0:
        namespace = ["unshare", "--user", "--map-root-user", "--mount"]
    return subprocess.run(
        [*namespace, "sh", "-c", SCRIPT, "sh", str(disk), str(copy), *command],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_full_disk_names_the_file_and_keeps_complete_sheets(tmp_path: Path) -> None:
    """Exit 1, the sheet that did not fit named in French, earlier sheets complete, no partial."""
    disk, copy = tmp_path / "disque", tmp_path / "copie"
    disk.mkdir()
    copy.mkdir()
    out = disk / "emargements"
    command = [str(PARLER_KIT), "admin", "emargement", str(ROSTER), "--session", str(SESSION),
               "--out", str(out)]  # fmt: skip
    result = run_on_tiny_disk(disk, copy, command)
    assert result.returncode == 1, result.stderr
    message = result.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    assert "Traceback" not in message + result.stdout
    names = [emargement_file_name(half_day) for half_day in load_session(SESSION).half_days]
    (failed,) = [
        name for name in names if f"« {out / name} » : plus de place sur le disque" in message
    ]
    kept = sorted(path.name for path in (copy / "emargements").iterdir())
    assert kept == sorted(names[: names.index(failed)]) and kept  # earlier ones, none after
    for name in kept:  # each kept sheet is a whole PDF
        with pikepdf.open(copy / "emargements" / name) as pdf:
            assert len(pdf.pages) >= 1
    assert "les fichiers terminés avant l'erreur sont conservés" in message
