"""Widget responsiveness and answer-saving speed (issue 4 targets).

Prints the median time from a value change to the updated output for several widgets (target
≤ 100 ms: e.g. the timeline slider → the rendered list) and the median time to save one answer
(target ≤ 5 ms). Headless: the time measured is the kernel side (Python callbacks, rendering the
HTML/chart, writing the file), not the browser's paint.

Run: ``.venv/bin/python benchmarks/widgets.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parler_kit.answers import AnswerStore
from parler_kit.content import ClassificationItem, QuizQuestion, load_bank
from parler_kit.widgets import MilestoneTimeline, ObservationChecklist, Quiz, TechniqueExercise

UI_TARGET_MS = 100.0
SAVE_TARGET_MS = 5.0


def median_ms(action: Callable[[int], object], repeat: int) -> float:
    """Median wall time of `action(i)` over `repeat` runs, in milliseconds."""
    times = []
    for index in range(repeat):
        start = time.perf_counter()
        action(index)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(label: str, value: float, target: float) -> None:
    """One line: the figure, the target and whether it is met."""
    verdict = "OK" if value <= target else "ABOVE TARGET"
    print(f"{label:<58} median {value:8.2f} ms   target ≤ {target:g} ms   {verdict}")


def main() -> None:
    """Measure and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=60)
    repeat = parser.parse_args().repeat
    bank = load_bank()
    folder = Path(tempfile.mkdtemp(prefix="pk-bench-"))
    store = AnswerStore.open(folder / "carnet.answers.json", participant_id="P-001")

    timeline = MilestoneTimeline(bank, age_months=0)
    ages = [6, 12, 18, 24, 30, 36, 48, 60, 72]
    report(
        "timeline: slider moved → list re-rendered",
        median_ms(lambda i: setattr(timeline.slider, "value", ages[i % len(ages)]), repeat),
        UI_TARGET_MS,
    )
    domains = ["", "syntax", "expression", "preverbal"]
    report(
        "timeline: domain filter changed → list re-rendered",
        median_ms(lambda i: setattr(timeline.domain, "value", domains[(i + 1) % 4]), repeat),
        UI_TARGET_MS,
    )

    question = next(q for q in bank.exercises_of(QuizQuestion) if not q.multiple)
    quiz = Quiz([question.id], store=store, bank=bank)
    choices = [c.id for c in question.choices]

    def answer_quiz(i: int) -> None:
        quiz.controls[question.id].value = choices[i % len(choices)]
        quiz.validate(question.id)

    report(
        "quiz: answer validated → saved + feedback shown",
        median_ms(answer_quiz, repeat),
        UI_TARGET_MS,
    )

    item = bank.exercises_of(ClassificationItem)[0]
    exercise = TechniqueExercise([item.id], store=store, bank=bank)
    technique_ids = [t.id for t in bank.techniques]

    def answer_techniques(i: int) -> None:
        exercise.controls[item.id].value = [technique_ids[i % len(technique_ids)]]
        exercise.validate(item.id)

    report(
        "techniques: answer validated → saved + feedback + score",
        median_ms(answer_techniques, repeat),
        UI_TARGET_MS,
    )

    observation = ObservationChecklist(child_code="E-01", store=store, bank=bank)
    row = next(iter(observation.rows.values()))
    frequencies = ["jamais", "parfois", "souvent"]
    report(
        "observation: item marked → saved + profile chart redrawn",
        median_ms(lambda i: setattr(row.frequency, "value", frequencies[i % 3]), repeat),
        UI_TARGET_MS,
    )
    report(
        "observation: fact typed → saved",
        median_ms(lambda i: setattr(row.fact, "value", f"Le 3 mars, fait n° {i}"), repeat),
        UI_TARGET_MS,
    )

    # The floor set by the disk: the same write + fsync + rename without any store logic.
    size = len(store.path.read_bytes())
    scratch = folder / "scratch.json"

    def raw_durable_write(_i: int) -> None:
        temp = folder / ".scratch.tmp"
        with temp.open("wb") as handle:
            handle.write(b"x" * size)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(scratch)

    report(
        "disk floor: write + fsync + rename, no store logic",
        median_ms(raw_durable_write, repeat * 5),
        SAVE_TARGET_MS,
    )
    for count in (0, 100):
        for index in range(count):
            store.set(f"filler-{index}", {"text": "réponse " * 20})
        report(
            f"store: save one answer (file holding {len(store.items())} answers)",
            median_ms(
                lambda i: store.set("bench", ["a", "b", str(i)], score=1, max_score=1), repeat * 5
            ),
            SAVE_TARGET_MS,
        )


if __name__ == "__main__":
    main()
