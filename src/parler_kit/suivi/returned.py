"""Read the forms people sent back: every PDF of a folder, kept when valid, named when not.

Read-only: no returned file is moved, renamed or rewritten. A PDF is left out, with a French
reason naming what to do, when it cannot be read, is not one of the kit's forms, comes from
another session or someone absent from the roster, or was returned without any answer. Two forms
for one person (or two follow-ups of one point): an identical copy is counted once; different
answers leave every copy out (the organiser keeps the right one) — nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from parler_kit.answers import AnswersFile, StoredAnswer
from parler_kit.answers.fileformat import SCHEMA_VERSION
from parler_kit.content import ContentBank
from parler_kit.i18n import ui_text
from parler_kit.roster import Roster, Session
from parler_kit.suivi.a_froid import A_FROID_KIND, a_froid_answers, questions
from parler_kit.suivi.fields import FormProblem, read_form
from parler_kit.suivi.plan import PLAN_KIND, PlanFollowUp, plan_follow_up

#: The key the room's à froid notebook stores its answers under (`parler_kit.widgets`).
A_FROID_KEY = "evaluation:froid"


class _Returned(Protocol):
    @property
    def path(self) -> Path: ...


T = TypeVar("T", bound=_Returned)


@dataclass
class Returned:
    """What a folder's returned PDFs hold: à froid answers, plan follow-ups, and what was left out."""

    a_froid: list[AnswersFile] = field(default_factory=list)
    plans: list[PlanFollowUp] = field(default_factory=list)
    #: (file, French reason) for every PDF not used.
    left_out: list[tuple[Path, str]] = field(default_factory=list)


def read_returned(
    bank: ContentBank,
    folder: Path,
    roster: Roster,
    session: Session,
    recorded: Sequence[PlanFollowUp] = (),
) -> Returned:
    """Every returned form under `folder` for `session` and `roster`; see the module doc.

    `recorded`: the follow-ups recorded in a room (`recorded_plans`), counted with the returned
    forms by the same rule (one per point; different records of one point all left out).
    """
    found = Returned()
    known = {p.id for p in roster.participants}
    asked = questions(bank)
    forms: list[AnswersFile] = []
    plans: list[PlanFollowUp] = list(recorded)
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"):
        try:
            fields = read_form(path)
            if fields.session_id != session.id:
                raise FormProblem(ui_text("suivi.read.other_session", session=fields.session_id,
                                          expected=session.id))  # fmt: skip
            if fields.kind == A_FROID_KIND:
                if fields.participant_id not in known:
                    raise FormProblem(ui_text("suivi.read.not_in_roster",
                                              participant=fields.participant_id or ""))  # fmt: skip
                answers = a_froid_answers(fields.values, asked)
                if not answers:
                    raise FormProblem(ui_text("suivi.read.unfilled"))
                forms.append(_answers_file(path, fields.participant_id, session.id, answers))
            elif fields.kind == PLAN_KIND:
                plan = plan_follow_up(path, fields)
                if not any(a.filled for a in plan.actions):
                    raise FormProblem(ui_text("suivi.read.unfilled"))
                plans.append(plan)
            else:
                raise FormProblem(ui_text("suivi.read.unknown_kind", kind=fields.kind))
        except FormProblem as problem:
            found.left_out.append((path, str(problem)))
    found.a_froid = _once(
        forms, lambda f: f.participant_id, lambda f: f.answers[A_FROID_KEY].value, found.left_out
    )
    found.plans = _once(plans, lambda p: p.months, lambda p: p.actions, found.left_out)
    return found


def _answers_file(
    path: Path, participant_id: str, session_id: str, answers: dict[str, object]
) -> AnswersFile:
    """The form's answers as an answers file would hold them, dated when the PDF was saved."""
    saved = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC).isoformat()
    stored = {A_FROID_KEY: StoredAnswer(answers, saved, 1)}
    return AnswersFile(path, SCHEMA_VERSION, participant_id, session_id, stored)


def _once(
    items: Sequence[T],
    key: Callable[[T], Hashable],
    content: Callable[[T], object],
    left_out: list[tuple[Path, str]],
) -> list[T]:
    """One item per key: identical copies counted once, different ones all left out."""
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    kept: list[T] = []
    for group in groups.values():
        first = group[0]
        if all(content(other) == content(first) for other in group[1:]):
            kept.append(first)
            left_out += [(o.path, ui_text("suivi.read.copy", other=first.path.name))
                         for o in group[1:]]  # fmt: skip
            continue
        names = ", ".join(item.path.name for item in group)
        left_out += [(item.path, ui_text("suivi.read.twice", files=names)) for item in group]
    return kept
