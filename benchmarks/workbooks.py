"""Batch production speed: the naive per-participant CLI loop vs ``parler-kit workbooks build``.

Targets (issue 13), on a 2-core machine: the kit at least 8x faster than the naive loop at 20
participants; 200 participants in at most 3 minutes; peak memory at most 2 GB (issue 6 asked for
5x, a marginal cost of at most 1.5 s per participant and 2 GB at 100 participants).

The naive loop is what a user would script with the tools' own commands, for each participant:
``papermill`` (the template executed in print mode, parameters given with ``-y``), then
``jupyter nbconvert --to html --no-input``, then the ``weasyprint`` command. The kit run is the
``parler-kit workbooks build`` command with ``--force``. Peak memory is the largest sum of the
resident memory of the measured process tree, sampled every 0.1 s.

Usage::

    .venv/bin/python benchmarks/workbooks.py [--participants 20] [--naive-participants 20]
                                             [--jobs N] [--also-100] [--also-200]

With ``--naive-participants K`` (K < participants) the naive loop runs K participants and its time
for the full roster is extrapolated linearly (printed as such).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TEMPLATE = REPO / "workbooks" / "workbook.ipynb"
SESSION = REPO / "examples" / "session.yaml"

_FIRST = ["Aïcha", "Bérénice", "Chloé", "Djamila", "Élodie", "Fatoumata", "Gaëlle", "Hélène"]
_LAST = ["Benali", "Lefèvre", "N'Diaye", "Çelik", "Moreau", "Da Silva", "Giraud", "Haddad"]
_ROLES = ["ass mat", "RPE", "LAEP", "assistante maternelle", "coordinatrice", "EJE"]


def make_roster(folder: Path, count: int) -> Path:
    """A fictional `;` roster of `count` participants with mixed professions."""
    lines = ["nom;prénom;profession;structure"]
    for n in range(count):
        first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST)) % len(_LAST)]
        lines.append(f"{last};{first} {n + 1};{_ROLES[n % len(_ROLES)]};Structure {n % 5 + 1}")
    path = folder / f"roster-{count}.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


class PeakMemory:
    """Samples the resident memory of this process's children (recursively) until stopped."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for child in me.children(recursive=True):
                # A process may end between listing and reading: skip it.
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def run(command: list[str], **env: str) -> None:
    """Run a command, failing loudly (the benchmark must not time a failure)."""
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, **env})


def naive_loop(roster: Path, out: Path, limit: int) -> float:
    """The per-participant CLI loop over the first `limit` participants; wall seconds."""
    sys.path.insert(0, str(REPO / "src"))
    from parler_kit.content import load_bank
    from parler_kit.production.personal import workbook_parameters
    from parler_kit.roster import load_roster, load_session

    bank, session = load_bank(), load_session(SESSION)
    participants = load_roster(roster).participants[:limit]
    started = time.perf_counter()
    for participant in participants:
        folder = out / participant.id
        folder.mkdir(parents=True, exist_ok=True)
        params = json.dumps(workbook_parameters(participant, session, bank))  # JSON is YAML
        executed = folder / "handout.ipynb"
        run(
            [
                str(BIN / "papermill"),
                str(TEMPLATE),
                str(executed),
                "-y",
                params,
                "--cwd",
                str(folder),
            ],
            PARLER_KIT_MODE="print",
        )
        run([str(BIN / "jupyter-nbconvert"), "--to", "html", "--no-input", str(executed)])
        run([str(BIN / "weasyprint"), str(folder / "handout.html"), str(folder / "handout.pdf")])
    return time.perf_counter() - started


def kit_build(roster: Path, out: Path, jobs: int | None) -> float:
    """``parler-kit workbooks build`` with every format, from scratch; wall seconds."""
    command = [str(BIN / "parler-kit"), "workbooks", "build", str(roster)]
    command += ["--session", str(SESSION), "--out", str(out), "--force"]
    if jobs:
        command += ["--jobs", str(jobs)]
    started = time.perf_counter()
    run(command)
    return time.perf_counter() - started


def main() -> None:
    """Run both ways and print wall times, ratio, marginal cost and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--naive-participants", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--also-100", action="store_true")
    parser.add_argument("--also-200", action="store_true")
    args = parser.parse_args()
    count = args.participants
    naive_count = min(args.naive_participants or count, count)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="pk-bench-") as scratch:
        folder = Path(scratch)
        roster = make_roster(folder, count)
        half = make_roster(folder, count // 2)
        with PeakMemory() as kit_memory:
            kit = kit_build(roster, folder / "kit", args.jobs)
        kit_half = kit_build(half, folder / "kit-half", args.jobs)
        with PeakMemory() as naive_memory:
            naive = naive_loop(roster, folder / "naive", naive_count)
        if naive_count < count:
            print(f"naive loop: {naive:.1f} s for {naive_count} participants, extrapolated")
            naive = naive * count / naive_count
        marginal = (kit - kit_half) / (count - count // 2)
        # Load-independent view of the same thing: per-participant build times from the manifest
        # (the first participants also lay out the handout sections, shared by the batch).
        durations = sorted(
            entry["duration_s"]
            for entry in json.loads((folder / "kit" / "manifest.json").read_text("utf-8"))[
                "participants"
            ].values()
        )
        sections = len(list((folder / "kit" / ".cache").glob("section-*.pdf")))
        bodies = min(len(durations) - 1, 5)  # the builds that laid out the shared sections
        cover_only = durations[: len(durations) - bodies]
        print(
            f"naive loop ({count} participants): {naive:.1f} s, peak {naive_memory.peak / 2**20:.0f} MB"
        )
        print(
            f"parler-kit ({count} participants): {kit:.1f} s, peak {kit_memory.peak / 2**20:.0f} MB"
        )
        print(f"ratio: {naive / kit:.1f}x (target >= 8x)")
        print(f"parler-kit ({count // 2} participants): {kit_half:.1f} s")
        print(f"marginal cost: {marginal:.2f} s per participant (target <= 1.5 s)")
        jobs = args.jobs or os.cpu_count() or 1
        print(
            f"manifest: {sections} sections laid out for the batch (slowest builds: "
            f"{', '.join(f'{d:.1f}' for d in durations[-bodies:])} s); other participants "
            f"{statistics.median(cover_only):.2f} s median each (front pages, join), i.e. "
            f"{statistics.median(cover_only) / jobs:.2f} s of wall time with {jobs} workers"
        )
        for size, wanted, limit in (
            (100, args.also_100, ""),
            (200, args.also_200, " (target <= 180 s)"),
        ):
            if not wanted:
                continue
            big = make_roster(folder, size)
            with PeakMemory() as big_memory:
                seconds = kit_build(big, folder / f"kit-{size}", args.jobs)
            print(
                f"parler-kit ({size} participants): {seconds:.1f} s{limit}, "
                f"peak {big_memory.peak / 2**30:.2f} GB (target <= 2 GB)"
            )
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
