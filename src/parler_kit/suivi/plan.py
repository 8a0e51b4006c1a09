"""The fiche action's follow-up at 3 and 6 months: a fillable form for the coordination, read back.

The group's fiche action (one or more sheets, as the bilan finds them in the answers) is the
plan. `write_plan_form` writes ``suivi-fiche-action-<n>-mois.pdf``: per action, its title (locked),
the indicators and calendar the sheet planned (printed, for reference), and fields for its status
(pas commencée / en cours / réalisée / abandonnée), the indicators' values, what was done and what
got in the way; and a ready e-mail. `plan_follow_up` reads a returned form into `PlanFollowUp`.

Where a room still runs, the coordination records the same follow-up in the trainers' notebook
``suivi-fiche-action.ipynb`` (`parler_kit.widgets.plan_follow_up`), which stores each point in an
answers file under `plan_key` (`plan_value`); `recorded_plans` reads it back into the same
`PlanFollowUp`, so both paths feed the bilan's « Suivi du plan d'action ».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from parler_kit.answers import AnswersFile
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.printing import document_html
from parler_kit.roster import Session
from parler_kit.suivi.fields import FORM_FIELD, SESSION_FIELD, FormFields, FormProblem, read_form
from parler_kit.suivi.fields import write_form as _write_form
from parler_kit.suivi.mail import write_eml
from parler_kit.suivi.render import render

PLAN_KIND = "parler-kit:fiche-action:1"
MONTHS_FIELD = "pk-mois"
Status = Literal["pas-commencee", "en-cours", "realisee", "abandonnee"]
STATUSES: tuple[Status, ...] = get_args(Status)
#: When the coordination records the follow-up, in months after the course.
POINTS = (3, 6)
#: The fiche action's fields the form prints as the plan to compare with.
TITLE, INDICATORS, CALENDAR = "fa-intitule", "fa-indicateurs", "fa-calendrier"
#: The fields of each action in the form (``action-<n>:<name>``) and in a room's record.
_NAMES = ("intitule", "statut", "indicateurs", "realise", "freins")
#: How the answers-file key of a point recorded in a room begins (``suivi:fiche-action:3``).
PLAN_KEY_PREFIX = "suivi:fiche-action:"


@dataclass(frozen=True)
class ActionPoint:
    """Where one action stood at a follow-up point, as the coordination recorded it."""

    number: int
    title: str
    status: Status | None
    indicators: str
    done: str
    obstacles: str

    @property
    def filled(self) -> bool:
        """Whether anything was recorded for this action."""
        return bool(self.status or self.indicators or self.done or self.obstacles)


@dataclass(frozen=True)
class PlanFollowUp:
    """A returned follow-up form: its session, the point (3 or 6 months), each action's record."""

    path: Path
    session_id: str
    months: int
    actions: tuple[ActionPoint, ...]


def _field(number: int, name: str) -> str:
    return f"action-{number}:{name}"


def action_title(sheet: dict[str, str], number: int) -> str:
    """The action's title from its sheet, or « Fiche action n° 2 » when it has none."""
    return sheet.get(TITLE) or ui_text("suivi.plan.untitled", number=number)


def plan_form_html(session: Session, sheets: Sequence[dict[str, str]], months: int) -> str:
    """The full page of the follow-up form at `months` months for the group's `sheets`."""
    actions = [
        {
            "number": number,
            "title": action_title(sheet, number),
            "indicators": sheet.get(INDICATORS, ""),
            "calendar": sheet.get(CALENDAR, ""),
            "field": lambda name, n=number: _field(n, name),
        }
        for number, sheet in enumerate(sheets, start=1)
    ]
    body = render(
        "plan.html.j2",
        session=session,
        months=months,
        actions=actions,
        kind=PLAN_KIND,
        statuses=STATUSES,
    )
    title = ui_text("suivi.plan.title", months=months)
    return document_html(f"{title} — {session.title}", body, header=f"{session.title} — {title}")


def plan_form_name(months: int) -> str:
    """« suivi-fiche-action-3-mois.pdf »."""
    return f"suivi-fiche-action-{months}-mois.pdf"


def write_plan_form(
    session: Session,
    sheets: Sequence[dict[str, str]],
    months: int,
    out: Path,
    *,
    to: str | None = None,
) -> list[Path]:
    """Write the follow-up form and its e-mail into `out`; a filled form there is never replaced."""
    if months not in POINTS:
        raise ParlerKitError(ui_text("suivi.plan.bad_months", months=months))
    if not sheets:
        raise ParlerKitError(ui_text("suivi.plan.no_sheet"))
    pdf = out / plan_form_name(months)
    if pdf.is_file():
        try:
            existing = plan_follow_up(pdf, read_form(pdf))
        except FormProblem:
            raise ParlerKitError(ui_text("suivi.write.not_ours", path=pdf)) from None
        if any(a.filled for a in existing.actions):
            raise ParlerKitError(ui_text("suivi.write.filled", path=pdf))
    out.mkdir(parents=True, exist_ok=True)
    locked = [FORM_FIELD, SESSION_FIELD, MONTHS_FIELD, "pk-session-titre"]
    locked += [_field(n, "intitule") for n in range(1, len(sheets) + 1)]
    _write_form(plan_form_html(session, sheets, months), pdf, locked)
    eml = write_eml(
        pdf.with_suffix(".eml"),
        to=to,
        subject=ui_text("suivi.plan.mail_subject", months=months, session=session.title),
        body=ui_text(
            "suivi.plan.mail_body",
            months=months,
            session=session.title,
            organisation=session.organisation,
        ),
        attachment=pdf,
    )
    return [pdf, eml]


def plan_follow_up(path: Path, fields: FormFields) -> PlanFollowUp:
    """The follow-up recorded in a returned form; `FormProblem` when its fields are not the plan's."""
    if fields.kind != PLAN_KIND:
        raise FormProblem(ui_text("suivi.read.not_kit_form"))
    try:
        months = int(fields.values.get(MONTHS_FIELD, ""))
    except ValueError:
        raise FormProblem(ui_text("suivi.read.not_kit_form")) from None
    actions = []
    number = 1
    while _field(number, "intitule") in fields.values:
        value = {n: fields.values.get(_field(number, n), "") for n in _NAMES}
        status = value["statut"]
        actions.append(
            ActionPoint(
                number=number,
                title=value["intitule"],
                status=next((s for s in STATUSES if s == status), None),
                indicators=value["indicateurs"],
                done=value["realise"],
                obstacles=value["freins"],
            )
        )
        number += 1
    return PlanFollowUp(path, fields.session_id, months, tuple(actions))


def plan_key(months: int) -> str:
    """The answers-file key of the follow-up recorded in a room at `months` months."""
    return f"{PLAN_KEY_PREFIX}{months}"


def plan_value(actions: Sequence[ActionPoint]) -> dict[str, object]:
    """What a room's record of one point stores: each action's fields, named as in the form."""
    rows = [
        dict(zip(_NAMES, (a.title, a.status or "", a.indicators, a.done, a.obstacles), strict=True))
        for a in actions
    ]
    return {"actions": rows}


def recorded_plans(data: AnswersFile, session_id: str) -> list[PlanFollowUp]:
    """The follow-ups recorded in a room that an answers file holds (none in most files).

    A point where nothing was recorded is not a follow-up. `FormProblem` (French) when a record
    is not what the kit writes (a hand-edited file): the file is then left out, named.
    """
    plans = []
    for key, stored in data.answers.items():
        if not key.startswith(PLAN_KEY_PREFIX):
            continue
        months = key.removeprefix(PLAN_KEY_PREFIX)
        if months not in {str(m) for m in POINTS}:
            raise FormProblem(ui_text("suivi.room.bad_record", record=key))
        actions = recorded_actions(stored.value, key)
        if any(a.filled for a in actions):
            plans.append(
                PlanFollowUp(data.path, data.session_id or session_id, int(months), actions)
            )
    return plans


def recorded_actions(value: object, key: str) -> tuple[ActionPoint, ...]:
    """The actions of a room's record stored under `key`; `FormProblem` when it is not the kit's."""
    rows = value.get("actions") if isinstance(value, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise FormProblem(ui_text("suivi.room.bad_record", record=key))
    actions = []
    for number, row in enumerate(rows, start=1):
        text = {name: str(row.get(name) or "").strip() for name in _NAMES}
        actions.append(
            ActionPoint(
                number=number,
                title=text["intitule"],
                status=next((s for s in STATUSES if s == text["statut"]), None),
                indicators=text["indicateurs"],
                done=text["realise"],
                obstacles=text["freins"],
            )
        )
    return tuple(actions)
