"""ObservationChecklist: a pseudonymous observation grid for one child, saved as it is filled.

The person enters a child code (a name is refused), the age in months, the date and the context,
then marks each item of the age band jamais / parfois / souvent and writes the dated fact apart
from its interpretation. A profile chart summarises the marks; an item linked to a warning sign
marked « jamais » shows the referral path. A button erases the child's record.
Stored under ``observation:<child code>`` (see `parler_kit.answers.validation.observation_key`).
A list offers the children already observed (by code); opening the grid again (reload, kernel
restart) shows the child whose record was saved last.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from typing import Any

import ipywidgets as w

from parler_kit.answers.validation import (
    AGE_BANDS,
    MAX_SHORT_TEXT,
    InvalidAnswer,
    band_for_age,
    check_age_months,
    check_child_code,
    check_observation_date,
    observation_key,
)
from parler_kit.content import ContentBank, ObservationItem
from parler_kit.i18n import Locale
from parler_kit.widgets.base import (
    KitWidget,
    StoreArg,
    button,
    heading_html,
    labelled_style,
    message_html,
)
from parler_kit.widgets.profile import profile_html


class _ItemRow:
    """The controls of one observation item: frequency buttons, fact, interpretation."""

    def __init__(self, item: ObservationItem, owner: ObservationChecklist) -> None:
        from parler_kit.charts import (
            FREQUENCIES,
        )  # matplotlib (0.3 s): imported when first needed, not at kernel start

        self.item = item
        self.frequency = w.ToggleButtons(
            options=[(owner.t(f"charts.frequency.{f}"), f) for f in FREQUENCIES], value=None,
            description=owner.t("widgets.observation.frequency"), style=labelled_style(),
            tooltips=[owner.t(f"charts.frequency.{f}") for f in FREQUENCIES],
        )  # fmt: skip
        self.frequency.add_class("pk-choice")
        self.fact = w.Text(
            description=owner.t("widgets.observation.fact"), continuous_update=False,
            style=labelled_style(), layout=w.Layout(width="100%"),
        )  # fmt: skip
        self.interpretation = w.Text(
            description=owner.t("widgets.observation.interpretation"), continuous_update=False,
            style=labelled_style(), layout=w.Layout(width="100%"),
        )  # fmt: skip
        for control in (self.frequency, self.fact, self.interpretation):
            control.observe(owner._on_item_change, names="value")
        self.box = w.VBox(
            [w.HTML(f"<p><strong>{owner.kit(item.text)}</strong></p>"), self.frequency, self.fact,
             self.interpretation],
            layout=w.Layout(border="1px solid #999", padding="4px", margin="4px 0"),
        )  # fmt: skip

    def entry(self) -> dict[str, str] | None:
        """The stored form of this row, or None when nothing was entered."""
        entry = {
            "frequency": self.frequency.value or "",
            "fact": self.fact.value.strip(),
            "interpretation": self.interpretation.value.strip(),
        }
        return entry if any(entry.values()) else None

    def restore(self, entry: Any) -> None:
        """Fill the controls from a stored entry (unknown shapes are ignored)."""
        from parler_kit.charts import FREQUENCIES  # see __init__

        entry = entry if isinstance(entry, dict) else {}
        frequency = entry.get("frequency")
        self.frequency.value = frequency if frequency in FREQUENCIES else None
        self.fact.value = str(entry.get("fact") or "")
        self.interpretation.value = str(entry.get("interpretation") or "")


class ObservationChecklist(KitWidget):
    """Observation grid for one child code; every change is saved at once."""

    def __init__(
        self,
        age_band: int | None = None,
        *,
        child_code: str | None = None,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        self._restoring = False
        self._fixed_band = age_band
        self._built_band = 0
        self._current_code: str | None = None
        self.code = w.Text(
            description=self.t("widgets.observation.code"), continuous_update=False,
            style=labelled_style(),
        )  # fmt: skip
        self.age = w.IntText(
            value=band_for_age(age_band or AGE_BANDS[0]), description=self.t("widgets.observation.age"),
            style=labelled_style(),
        )  # fmt: skip
        self.date = w.DatePicker(
            value=dt.date.today(), description=self.t("widgets.observation.date"),
            style=labelled_style(),
        )  # fmt: skip
        self.context = w.Textarea(
            description=self.t("widgets.observation.context"), continuous_update=False,
            style=labelled_style(), layout=w.Layout(width="100%", min_height="4em"),
        )  # fmt: skip
        self.observed = w.Dropdown(
            description=self.t("widgets.observation.observed"), style=labelled_style(),
        )  # fmt: skip
        self.observed.observe(self._on_observed_pick, names="value")
        self.rows: dict[str, _ItemRow] = {}
        self.items_box = w.VBox()
        self.profile = w.HTML()
        self.referral = w.HTML()
        self.erase_button = button(self.t("widgets.observation.erase"))
        self.confirm_button = button(self.t("widgets.observation.erase_confirm"))
        self.confirm_button.layout.display = "none"
        self.erase_button.on_click(lambda _b: self._ask_erase())
        self.confirm_button.on_click(lambda _b: self.erase_record())
        self.code.observe(self._on_code_change, names="value")
        for control in (self.age, self.date, self.context):
            control.observe(self._on_header_change, names="value")
        self.set_parts([
            w.HTML(heading_html(self.h("widgets.observation.title"))),
            w.HTML(message_html("info", self.t("widgets.observation.privacy"), locale)),
            self.observed, self.code, self.age, self.date, self.context, self.status,
            self.items_box, self.referral, self.profile,
            w.HBox([self.erase_button, self.confirm_button]),
        ])  # fmt: skip
        self._build_items()
        codes = self._refresh_observed()
        if child_code:
            self.code.value = child_code
        elif codes:
            self.code.value = codes[0]  # the child whose record was saved last

    # -- public ------------------------------------------------------------------------------

    @property
    def value(self) -> dict[str, Any] | None:
        """The stored record of the current child code, or None (no valid code / nothing saved)."""
        key = self._key()
        stored = self.load(key) if key else None
        return stored.value if stored is not None and isinstance(stored.value, dict) else None

    def erase_record(self) -> bool:
        """Erase the current child's record from the store and empty the grid."""
        self.confirm_button.layout.display = "none"
        key = self._key()
        if key is None or not self.erase(key):
            return False
        self._clear_grid()
        self._refresh_outputs()
        self._refresh_observed()
        self.show_ok(self.t("widgets.observation.erased", code=self.code.value.strip().upper()))
        return True

    def _clear_grid(self) -> None:
        """Empty every mark and the context without saving (the change handlers stay quiet)."""
        self._restoring = True
        try:
            for row in self.rows.values():
                row.restore({})
            self.context.value = ""
        finally:
            self._restoring = False

    # -- events ------------------------------------------------------------------------------

    def _on_code_change(self, _change: object = None) -> None:
        code = self.guarded(lambda: check_child_code(self.code.value, self.locale))
        if code is None:
            return
        self.clear_status()
        previous, self._current_code = self._current_code, code
        stored = self.load(observation_key(code))
        if stored is not None and isinstance(stored.value, dict):
            self._restore(stored.value)
        else:
            # A new child after another one starts blank (one child's marks must never be
            # filed under another's code); marks made before any valid code are kept and saved.
            if previous is not None:
                self._clear_grid()
            self._save()
        self._refresh_outputs()
        self._refresh_observed()

    def _on_observed_pick(self, change: Any) -> None:
        code = change["new"]
        if code and code != self._current_code:
            self.code.value = code

    def _refresh_observed(self) -> list[str]:
        """List the codes already observed in the store, last saved first; return them."""
        store = self.store
        stored = (self.guarded(store.items) or {}) if store is not None else {}
        records = sorted(
            ((answer.changed_at, key.removeprefix("observation:"))
             for key, answer in stored.items() if key.startswith("observation:")),
            reverse=True,
        )  # fmt: skip
        codes = [code for _changed, code in records]
        self.observed.options = [(self.t("widgets.observation.observed_new"), "")] + [
            (code, code) for code in sorted(codes)
        ]
        self.observed.value = self._current_code if self._current_code in codes else ""
        return codes

    def _on_header_change(self, change: Any) -> None:
        if self._restoring:
            return
        if change["owner"] is self.age and self._fixed_band is None:
            age = self.age.value
            if isinstance(age, int) and 0 <= age <= 72 and band_for_age(age) != self._built_band:
                self._build_items()
        self._save()

    def _on_item_change(self, change: Any) -> None:
        if self._restoring:
            return
        self._save()
        if isinstance(change["owner"], w.ToggleButtons):  # texts change neither chart nor referral
            self._refresh_outputs()

    def _ask_erase(self) -> None:
        if self._key() is None:
            self.show_problem(self.t("answers.invalid.code_empty"))
            return
        self.confirm_button.layout.display = None
        self.status.value = message_html(
            "info", self.t("widgets.observation.erase_ask", code=self.code.value.strip().upper()),
            self.locale,
        )  # fmt: skip

    # -- internals ---------------------------------------------------------------------------

    def _key(self) -> str | None:
        try:
            return observation_key(self.code.value)
        except InvalidAnswer:
            return None

    def _record(self) -> dict[str, Any]:
        """The record from the controls; InvalidAnswer when a header field or a text is bad."""
        code = check_child_code(self.code.value, self.locale)
        age = check_age_months(self.age.value, self.locale)
        day = check_observation_date(self.date.value, self.locale)
        items: dict[str, dict[str, str]] = {}
        for item_id, row in self.rows.items():
            entry = row.entry()
            if entry is None:
                continue
            for field in ("fact", "interpretation"):
                if len(entry[field]) > MAX_SHORT_TEXT:
                    label = self.t(f"widgets.observation.{field}")
                    raise InvalidAnswer(
                        self.t("answers.invalid.too_long", field=label, length=len(entry[field]),
                               limit=MAX_SHORT_TEXT)
                    )  # fmt: skip
            items[item_id] = entry
        context = self.context.value.strip()
        if len(context) > MAX_SHORT_TEXT:
            raise InvalidAnswer(
                self.t("answers.invalid.too_long", field=self.t("widgets.observation.context"),
                       length=len(context), limit=MAX_SHORT_TEXT)
            )  # fmt: skip
        # Entries of items from another band (the age changed) are kept, not silently dropped.
        previous = self.load(observation_key(code))
        if previous is not None and isinstance(previous.value, dict):
            for item_id, entry in (previous.value.get("items") or {}).items():
                if item_id not in self.rows:
                    items[item_id] = entry
        return {
            "child_code": code, "age_months": age, "date": day.isoformat(), "context": context,
            "items": items,
        }  # fmt: skip

    def _save(self) -> bool:
        record = self.guarded(self._record)
        if record is None:
            return False
        if self.save(observation_key(record["child_code"]), record) is None:
            return False
        self.clear_status()
        return True

    @property
    def _band(self) -> int:
        if self._fixed_band is not None:
            return self._fixed_band
        age = self.age.value
        return band_for_age(age if isinstance(age, int) and age >= 0 else 0)

    def _build_items(self) -> None:
        band = self._built_band = self._band
        items = [
            i for i in self.bank.observation_items if i.subject == "child" and i.age_band == band
        ]
        self.rows = {item.id: _ItemRow(item, self) for item in items}
        stored = self.value
        if stored:
            self._restoring = True
            try:
                for item_id, row in self.rows.items():
                    row.restore((stored.get("items") or {}).get(item_id))
            finally:
                self._restoring = False
        self.items_box.children = [
            w.HTML(heading_html(self.h("widgets.observation.items", band=band), 4)),
            w.HTML(f"<p>{self.h('widgets.observation.items_help')}</p>"),
            *(row.box for row in self.rows.values()),
        ]
        self._refresh_outputs()

    def _restore(self, record: dict[str, Any]) -> None:
        self._restoring = True
        try:
            age = record.get("age_months")
            if isinstance(age, int):
                self.age.value = age
            with contextlib.suppress(ValueError):
                self.date.value = dt.date.fromisoformat(str(record.get("date")))
            self.context.value = str(record.get("context") or "")
        finally:
            self._restoring = False
        self._build_items()

    def _refresh_outputs(self) -> None:
        marks: dict[str, list[str]] = {}
        alerts = []
        for row in self.rows.values():
            frequency = row.frequency.value
            if frequency:
                marks.setdefault(row.item.domain, []).append(frequency)
            if frequency == "jamais" and row.item.warning_sign:
                alerts.append(row.item)
        if marks:
            self.profile.value = heading_html(
                self.h("widgets.observation.profile"), 4
            ) + profile_html(marks, self.locale)
        else:
            self.profile.value = ""
        self.referral.value = self._referral_html(alerts)

    def _referral_html(self, items: list[ObservationItem]) -> str:
        if not items:
            return ""
        parts = []
        seen: set[str] = set()
        for item in items:
            sign_id = item.warning_sign or ""
            if sign_id in seen:
                continue
            seen.add(sign_id)
            try:
                sign = self.bank.get(sign_id)
            except KeyError:
                continue
            text = getattr(sign, "text", None)
            action = getattr(sign, "action", None)
            parts.append(f"<li><strong>{self.kit(text)}</strong><br>{self.kit(action)}</li>")
        return (
            "<div role='status' style='border-left:6px double #D55E00; padding:6px 10px; margin:6px 0'>"
            f"<p><span aria-hidden='true'>⚑</span> <strong>{self.h('widgets.observation.referral')}</strong></p>"
            f"<p>{self.h('widgets.observation.referral_intro')}</p><ul>{''.join(parts)}</ul>"
            f"<p><em>{html.escape(self.t('widgets.observation.not_diagnosis'))}</em></p></div>"
        )
