"""Add up the bilans of several sessions into the network's figures, with no name in them.

Every figure comes from each session's `Bilan` (the bilan's own aggregation, never recomputed
from the answers) and is added up here. The bilan's small-numbers rule holds: a count of people
under `MIN_N_FOR_PERCENT` is shown as « moins de 5 » and drawn nowhere, and a share is printed as
a percentage only over at least that many people (`Tally.percent_allowed`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parler_kit.answers.distribution import merged_answers
from parler_kit.content import ContentBank, EvaluationQuestion
from parler_kit.report import MIN_N_FOR_PERCENT, Bilan, Tally
from parler_kit.report.aggregate import EvaluationResult
from parler_kit.suivi import A_FROID_KEY

#: The à froid question whose ticks are « techniques in use ».
TECHNIQUES_QUESTION = "eval-froid-techniques"


def suppressed(count: float) -> bool:
    """Whether a count of people is too small to be printed (the bilan's rule, 1 to 4)."""
    return 0 < count < MIN_N_FOR_PERCENT


def combined(tallies: Iterable[Tally]) -> Tally:
    """Several tallies added up (right, total and people)."""
    items = list(tallies)
    return Tally(sum(t.right for t in items), sum(t.total for t in items), sum(t.n for t in items))


@dataclass(frozen=True)
class ActionProgress:
    """How far one fiche action got: its territory, title and status at each follow-up point."""

    territory: str
    title: str
    statuses: dict[int, str | None]

    @property
    def latest(self) -> str | None:
        """The status at the latest point that recorded one."""
        return next((self.statuses[m] for m in sorted(self.statuses, reverse=True)
                     if self.statuses[m]), None)  # fmt: skip


@dataclass(frozen=True)
class NetworkBilan:
    """Every figure of the network bilan."""

    sessions: int
    #: (territory, role id) → people trained.
    trained: Counter[tuple[str, str]]
    hours: dict[str, float]
    #: Whether every session's hours come from its presence file.
    hours_attended: bool
    attendance: dict[str, Tally]
    satisfaction: list[EvaluationResult]
    positioning: dict[str, tuple[Tally, Tally]]
    a_froid: dict[str, Tally]
    techniques: Counter[str]
    actions: list[ActionProgress]

    @property
    def trainees(self) -> int:
        """People trained, all sessions (the BPF's « nombre de stagiaires »)."""
        return sum(self.trained.values())

    @property
    def trainee_hours(self) -> float:
        """Hours of training followed, all sessions (the BPF's « nombre total d'heures »)."""
        return sum(self.hours.values())

    def by_role(self) -> Counter[str]:
        """People trained per role, all territories."""
        counts: Counter[str] = Counter()
        for (_, role), n in self.trained.items():
            counts[role] += n
        return counts

    def by_territory(self) -> Counter[str]:
        """People trained per territory, all roles."""
        counts: Counter[str] = Counter()
        for (territory, _), n in self.trained.items():
            counts[territory] += n
        return counts


def territory(bilan: Bilan) -> str:
    """A session's territory: its Cité éducative."""
    return bilan.session.cite_educative


def network_bilan(bank: ContentBank, bilans: Sequence[Bilan]) -> NetworkBilan:
    """The network's figures over `bilans` (one per session)."""
    trained: Counter[tuple[str, str]] = Counter()
    hours: dict[str, float] = {}
    attendance: dict[str, list[Tally]] = {}
    positioning: dict[str, list[tuple[Tally, Tally]]] = {}
    a_froid: dict[str, list[Tally]] = {}
    techniques: Counter[str] = Counter()
    actions = []
    for bilan in bilans:
        place = territory(bilan)
        for person in bilan.trainees:  # absent from every half-day: not trained (BPF)
            trained[(place, person.role)] += 1
        hours[place] = hours.get(place, 0.0) + sum(h for _, _, h in bilan.communes)
        if bilan.attendance is not None:
            present = sum(t.right for _, t in bilan.attendance)
            expected = sum(t.total for _, t in bilan.attendance)
            people = len(bilan.roster.participants)
            attendance.setdefault(place, []).append(Tally(present, expected, people))
        positioning.setdefault(place, []).append(bilan.quiz_overall)
        files = bilan.inputs.files
        respondents = sum(
            1 for p in bilan.trainees if A_FROID_KEY in merged_answers(files.get(p.id, []))
        )
        size = len(bilan.trainees)
        a_froid.setdefault(place, []).append(Tally(float(respondents), float(size), size))
        for result in bilan.follow_up:
            if result.question.id == TECHNIQUES_QUESTION:
                techniques.update(result.counts)
        for row in bilan.plan:
            statuses: dict[int, str | None] = {m: (p.status if p else None) for m, p in row.points}
            actions.append(ActionProgress(place, row.title, statuses))
    return NetworkBilan(
        sessions=len(bilans),
        trained=trained,
        hours=hours,
        hours_attended=all(b.hours_attended for b in bilans),
        attendance={k: combined(v) for k, v in attendance.items()},
        satisfaction=_satisfaction(bank, bilans),
        positioning={
            k: (combined(e for e, _ in v), combined(x for _, x in v))
            for k, v in positioning.items()
        },
        a_froid={k: combined(v) for k, v in a_froid.items()},
        techniques=techniques,
        actions=actions,
    )


def _satisfaction(bank: ContentBank, bilans: Sequence[Bilan]) -> list[EvaluationResult]:
    """The à chaud scale questions, their answers added up over the sessions."""
    results = []
    scales: list[EvaluationQuestion] = [
        q for q in bank.evaluation_questions if q.form == "chaud" and q.kind == "scale"
    ]
    for question in scales:
        counts: Counter[str] = Counter()
        n = 0
        for bilan in bilans:
            for result in bilan.satisfaction:
                if result.question.id == question.id:
                    counts.update(result.counts)
                    n += result.n
        results.append(EvaluationResult(question, dict(counts), n))
    return results
