"""What the folder fsync costs per save (issue 27): one answer saved with and without it.

Since issue 27 every atomic write (`parler_kit.atomic.write_atomic`, used by the answer store)
fsyncs the folder after the rename, so that a power cut just after a save cannot bring the old
file back. This prints the median time of one `AnswerStore.set` (lock, read, temp file, fsync,
rename, folder fsync) and of the same save with the folder fsync replaced by nothing, in a folder
of the disk the room uses (``--folder``, default: a temporary folder under ``build/``, which is
on the same disk as the checkout; ``/tmp`` may be a tmpfs where fsync costs nothing).
Target: the answer store's ≤ 5 ms per save (issue 4, ``benchmarks/widgets.py``).

Run: ``.venv/bin/python benchmarks/durable_save.py [--repeat N] [--folder DIR]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from parler_kit import atomic
from parler_kit.answers import AnswerStore

SAVE_TARGET_MS = 5.0


def save_ms(store: AnswerStore, index: int) -> float:
    """Wall time of one answer saved, in milliseconds."""
    start = time.perf_counter()
    store.set("reformulation", f"réponse numéro {index} " * 20)
    return (time.perf_counter() - start) * 1000


def medians(folder: Path, repeat: int) -> tuple[float, float]:
    """Median save time with and without the folder fsync, saves alternated (same disk load)."""
    stores = []
    for name in ("durable", "without"):
        (folder / name).mkdir()
        stores.append(AnswerStore.open(folder / name / "carnet.answers.json", participant_id="p"))
    durable, without = [], []
    for index in range(repeat):
        durable.append(save_ms(stores[0], index))
        # The comparison only: the same save without the folder fsync.
        with mock.patch.object(atomic, "fsync_folder", lambda folder: None):
            without.append(save_ms(stores[1], index))
    return statistics.median(durable), statistics.median(without)


def main() -> None:
    """Print the two medians and their difference, the folder fsync's cost per save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--folder", type=Path, default=Path("build"))
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=arguments.folder) as scratch:
        durable, without = medians(Path(scratch), arguments.repeat)
    print(f"folder: {arguments.folder.resolve()} ({arguments.repeat} saves each)")
    print(f"one save, folder fsynced:     {durable:6.2f} ms  (target ≤ {SAVE_TARGET_MS} ms)")
    print(f"one save, folder not fsynced: {without:6.2f} ms")
    print(f"cost of the folder fsync:     {durable - without:6.2f} ms per save")


if __name__ == "__main__":
    main()
