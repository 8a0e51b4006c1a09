"""A full disk during `admin emargement` and `workbooks build`, on a real tiny filesystem.

Both run the real ``parler-kit`` executable, as an organiser does. The output folder is a tmpfs mounted in a private mount namespace (``unshare``: as root
directly, otherwise in a user namespace), so the disk really fills up at the OS boundary, the
mount disappears with the process and nothing on the machine is touched. This is also the suite's
run of the real ``parler-kit`` executable in a subprocess.
"""

from __future__ import annotations

import json
import os
import re
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
#: Mount a $1-sized tmpfs on $2, run the command that follows, copy what it left to $3.
SCRIPT = (
    'mount -t tmpfs -o size="$1" tmpfs "$2" || exit 90; disk="$2"; copy="$3"; shift 3; '
    '"$@"; status=$?; cp -a "$disk/." "$copy"; exit $status'
)
FULL = re.compile(r"« ([^»]+) » : plus de place sur le disque")


def run_on_tiny_disk(
    size: str, tmp_path: Path, command: list[str]
) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run `command` with a `size` tmpfs on ``tmp_path/disque``; return it, the disk, the copy."""
    disk, copy = tmp_path / "disque", tmp_path / "copie"
    disk.mkdir()
    copy.mkdir()
    namespace = ["unshare", "--mount"]
    if os.geteuid() != 0:
        namespace = ["unshare", "--user", "--map-root-user", "--mount"]
    result = subprocess.run(
        [*namespace, "sh", "-c", SCRIPT, "sh", size, str(disk), str(copy), *command],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return result, disk, copy


def test_full_disk_names_the_file_and_keeps_complete_sheets(tmp_path: Path) -> None:
    """Exit 1, the sheet that did not fit named in French, earlier sheets complete, no partial."""
    out = tmp_path / "disque" / "emargements"
    command = [str(PARLER_KIT), "admin", "emargement", str(ROSTER), "--session", str(SESSION),
               "--out", str(out)]  # fmt: skip
    result, _, copy = run_on_tiny_disk("48k", tmp_path, command)
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


def test_full_disk_during_workbooks_build(tmp_path: Path) -> None:
    """The participant the disk stopped is named with the file; the first stays whole; no partial."""
    roster = tmp_path / "liste.csv"
    roster.write_text("\n".join(ROSTER.read_text("utf-8-sig").splitlines()[:3]) + "\n", "utf-8")
    out = tmp_path / "disque" / "carnets"
    command = [str(PARLER_KIT), "workbooks", "build", str(roster), "--session", str(SESSION),
               "--out", str(out), "--formats", "ipynb", "--jobs", "1"]  # fmt: skip
    result, _, copy = run_on_tiny_disk("48k", tmp_path, command)
    output = (result.stdout + result.stderr).replace("\u00a0", " ").replace("\u202f", " ")
    assert result.returncode in (1, 4), output  # 4: a participant failed; 1: so did the manifest
    assert "Traceback" not in output
    failed = FULL.findall(output)
    assert failed and all(Path(path).is_relative_to(out) for path in failed), output
    assert "ÉCHEC Anaïs Lefèvre" in output  # the participant the disk stopped, named first
    kept = copy / "carnets"
    assert not [p for p in kept.rglob("*") if p.name.endswith(".partial")]
    for path in failed:  # the file that could not be written is absent, not half there
        assert not (kept / Path(path).relative_to(out)).exists()
    first = next(kept.glob("benali-fatima-*"))
    for notebook in ("workbook.ipynb", "evaluation_a_froid.ipynb"):  # whole, valid notebooks
        assert json.loads((first / notebook).read_text("utf-8"))["cells"]
    manifest = json.loads((kept / "manifest.json").read_text("utf-8"))
    assert '"ok"' in json.dumps(manifest)
