"""PlanFollowUpForm: the fiche action's follow-up at 3 or 6 months, recorded in a running room.

A trainers' tool, not a participant's exercise (no printed twin, not a `show()` kind): the
notebook ``suivi-fiche-action.ipynb`` at the root of the trainers' curriculum shows one form per
point. For each action of the group's fiche action — found in the answers files below the
notebook's folder (the sheet the trainer projected and filled on day 3), or typed when none is
found — the coordination records its status, the indicators' values, what was done and what got
in the way. Every change is saved at once in ``suivi-fiche-action.answers.json`` under
``suivi:fiche-action:<months>`` (`parler_kit.suivi.plan_value`): the record the bilan's « Suivi du
plan d'action » reads as it reads the returned PDF forms (`parler_kit.suivi.recorded_plans`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w

from parler_kit.answers import PLAN_FOLLOW_UP_ANSWERS, AnswersFile, answers_paths, read_answers
from parler_kit.answers.validation import MAX_LONG_TEXT, clean_text
from parler_kit.content import ContentBank
from parler_kit.errors import AnswerStoreError
from parler_kit.i18n import Locale
from parler_kit.suivi.fields import FormProblem
from parler_kit.suivi.plan import (
    CALENDAR,
    INDICATORS,
    POINTS,
    STATUSES,
    ActionPoint,
    action_title,
    plan_key,
    plan_value,
    recorded_actions,
)
from parler_kit.widgets.base import KitWidget, StoreArg, button, heading_html

#: The text fields of an action: (attribute of `ActionPoint`, label key).
_TEXTS = (
    ("indicators", "suivi.plan.indicators_label"),
    ("done", "suivi.plan.done_label"),
    ("obstacles", "suivi.plan.obstacles_label"),
)


def sheets_below(folder: Path) -> list[dict[str, str]]:
    """The group's fiches action in the answers files below `folder`, by the bilan's own rule.

    Read-only; a file that cannot be read is passed over (the trainers' own carnets).
    """
    # Imported here: the report package pulls in matplotlib and WeasyPrint, which no participant's
    # page needs when it imports the widgets.
    from parler_kit.report.aggregate import action_sheets

    files: dict[str, list[AnswersFile]] = {}
    for path in answers_paths(folder):
        try:
            files[str(path)] = [read_answers(path)]
        except AnswerStoreError:
            continue
    return action_sheets(files)


class PlanFollowUpForm(KitWidget):
    """One follow-up point of the fiche action: per action, status, indicators, done, obstacles."""

    def __init__(
        self,
        months: int = 3,
        *,
        sheets: Sequence[Mapping[str, str]] | None = None,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        if months not in POINTS:
            raise ValueError(f"months must be one of {POINTS}, not {months!r}")
        super().__init__(
            store=store if store is not None else Path.cwd() / PLAN_FOLLOW_UP_ANSWERS,
            bank=bank,
            locale=locale,
        )
        self.months = months
        folder = self.store.path.parent if self.store is not None else Path.cwd()
        self.sheets = [dict(s) for s in sheets] if sheets is not None else sheets_below(folder)
        self.rows: list[dict[str, Any]] = []
        self.actions_box = w.VBox()
        self.add_button = button(self.t("widgets.plan_follow_up.add"))
        self.add_button.on_click(lambda _b: self.add_action())
        stored = self._stored_actions()
        for number in range(1, max(len(self.sheets), len(stored), 1) + 1):
            self._add_row(number, stored[number - 1] if number <= len(stored) else None)
        intro_key = "intro_sheets" if self.sheets else "intro_no_sheet"
        parts: list[Any] = [
            w.HTML(heading_html(self.h("suivi.plan.title", months=months))),
            w.HTML(f"<p>{self.h(f'widgets.plan_follow_up.{intro_key}', months=months)}</p>"),
            self.actions_box,
        ]
        if not self.sheets:
            parts.append(self.add_button)
        self.set_parts([*parts, self.status])

    @property
    def value(self) -> dict[str, Any]:
        """The record saved for this point (``{"actions": [...]}``), or an empty dict."""
        stored = self.load(plan_key(self.months))
        return stored.value if stored is not None and isinstance(stored.value, dict) else {}

    def add_action(self) -> None:
        """Add a blank action (when the fiche action was not found: titles are typed)."""
        self._add_row(len(self.rows) + 1, None)

    def _stored_actions(self) -> tuple[ActionPoint, ...]:
        stored = self.load(plan_key(self.months))
        if stored is None:
            return ()
        try:
            return recorded_actions(stored.value, plan_key(self.months))
        except FormProblem as problem:
            self.show_problem(str(problem))
            return ()

    def _add_row(self, number: int, point: ActionPoint | None) -> None:
        sheet = self.sheets[number - 1] if number <= len(self.sheets) else None
        title = w.Text(
            value=action_title(sheet, number) if sheet is not None else (point.title if point else ""),
            description=self.t("suivi.plan.title_label"), disabled=sheet is not None,
            continuous_update=False, style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )  # fmt: skip
        choices = [(self.t("suivi.form.choose"), "")]
        choices += [(self.t(f"suivi.plan.status.{s}"), s) for s in STATUSES]
        status = w.Dropdown(
            options=choices, value=(point.status or "") if point else "",
            description=self.t("suivi.plan.status_label"), style={"description_width": "initial"},
        )  # fmt: skip
        texts = {
            name: w.Textarea(
                value=getattr(point, name) if point else "",
                description=self.t(label),
                continuous_update=False,
                style={"description_width": "initial"},
                layout=w.Layout(width="100%", min_height="4em"),
            )
            for name, label in _TEXTS
        }
        row = {"title": title, "status": status, **texts}
        for control in row.values():
            control.observe(lambda _change: self.save_point(), names="value")
        self.rows.append(row)
        planned = []
        if sheet is not None:
            for key, label in ((INDICATORS, "suivi.plan.planned_indicators"),
                               (CALENDAR, "suivi.plan.planned_calendar")):  # fmt: skip
                text = sheet.get(key) or self.t("suivi.plan.nothing_planned")
                planned.append(f"<p><em>{self.h(label)}</em> {html.escape(text)}</p>")
        box = w.VBox(
            [
                w.HTML(f"<h3>{self.h('suivi.plan.action', number=number)}</h3>{''.join(planned)}"),
                title,
                status,
                *texts.values(),
            ],
            layout=w.Layout(border="1px solid #999", padding="4px", margin="4px 0"),
        )
        self.actions_box.children = [*self.actions_box.children, box]

    def save_point(self) -> bool:
        """Check every text and save the whole point at once; a too long text is refused."""
        actions = []
        for number, row in enumerate(self.rows, start=1):
            texts: dict[str, str] = {}
            for name in ("title", *(n for n, _ in _TEXTS)):
                control = row[name]
                cleaned = self._cleaned(control.value, control.description)
                if cleaned is None:
                    return False
                texts[name] = cleaned
            status = row["status"].value or None
            actions.append(ActionPoint(number=number, status=status, **texts))
        if self.save(plan_key(self.months), plan_value(actions)) is None:
            return False
        self.show_ok(self.t("widgets.plan_follow_up.saved", months=self.months))
        return True

    def _cleaned(self, text: str, label: str) -> str | None:
        if not (text or "").strip():
            return ""
        return self.guarded(
            lambda: clean_text(text, label, limit=MAX_LONG_TEXT, locale=self.locale)
        )
