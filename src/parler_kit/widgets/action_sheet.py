"""ActionSheet: the fiche action (neighbourhood project sheet), field by field.

Each field shows its help and an example; every field is saved when the person leaves it (or
presses Enter on a one-line field). A completeness indicator counts the required fields filled,
and a button exports the sheet as a printable HTML page beside the answers file. Stored under
``fiche-action`` as ``{field id: text}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as w

from parler_kit.answers.validation import MAX_LONG_TEXT, clean_text
from parler_kit.atomic import write_atomic
from parler_kit.content import ActionSheetField, ContentBank
from parler_kit.i18n import Locale
from parler_kit.i18n.oserrors import os_error_cause
from parler_kit.widgets.base import KitWidget, StoreArg, button, heading_html

KEY = "fiche-action"
EXPORT_NAME = "fiche-action.html"


class ActionSheet(KitWidget):
    """Fiche action fields with help and examples, completeness, and HTML export."""

    def __init__(
        self,
        fields: Sequence[str | ActionSheetField] | None = None,
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        records = self.bank.select(fields, ActionSheetField, self.bank.action_sheet_fields)
        self.fields = tuple(sorted(records, key=lambda f: f.order))
        self.inputs: dict[str, Any] = {}
        self.progress = w.IntProgress(
            min=0, max=max(1, sum(f.required for f in self.fields)),
            description=self.t("widgets.action_sheet.progress_label"), style={"description_width": "initial"},
        )  # fmt: skip
        self.completeness = w.HTML()
        self.export_button = button(self.t("widgets.action_sheet.export"), primary=True)
        self.export_button.on_click(lambda _b: self.export())
        stored = self._stored()
        parts: list[Any] = [
            w.HTML(heading_html(self.h("widgets.action_sheet.title"))),
            w.HTML(f"<p>{self.h('widgets.action_sheet.help')}</p>"),
        ]
        for field in self.fields:
            control_type = w.Textarea if field.multiline else w.Text
            control = control_type(
                value=str(stored.get(field.id, "")),
                description=self.t("widgets.action_sheet.your_text"),
                continuous_update=False, style={"description_width": "initial"},
                layout=w.Layout(width="100%", min_height="6em" if field.multiline else "auto"),
            )  # fmt: skip
            control.observe(
                lambda change, field_id=field.id: self.set_field(field_id, change["new"]),
                names="value",
            )
            self.inputs[field.id] = control
            parts.append(
                w.VBox(
                    [
                        w.HTML(
                            f"<p><strong>{field.order}. {self.kit(field.label)}</strong>"
                            f"{'' if not field.required else ' <span>' + self.h('widgets.action_sheet.required') + '</span>'}<br>"
                            f"{self.kit(field.help)}<br><small><em>{self.h('widgets.action_sheet.example')}</em> "
                            f"{self.kit(field.example)}</small></p>"
                        ),
                        control,
                    ],
                    layout=w.Layout(border="1px solid #999", padding="4px", margin="4px 0"),
                )
            )
        self.set_parts([*parts, self.progress, self.completeness, self.export_button, self.status])
        self._update_completeness()

    @property
    def value(self) -> dict[str, str]:
        """The saved text of every filled field, by field id."""
        return self._stored()

    def set_field(self, field_id: str, text: str) -> bool:
        """Check and save one field; a too long text is refused (store unchanged).

        Emptying a field that holds text clears it (the sheet is a draft the group revises);
        a blank text for a field that holds nothing is refused with the usual message.
        """
        field = next(f for f in self.fields if f.id == field_id)
        label = self.plain(field.label)
        stored = self._stored()
        if not text.strip() and field_id in stored:
            remaining = {k: v for k, v in stored.items() if k != field_id}
            if self.save(KEY, remaining) is None:
                return False
            self.show_ok(self.t("widgets.action_sheet.cleared", field=label))
            self._update_completeness()
            return True
        cleaned = self.guarded(
            lambda: clean_text(text, label, limit=MAX_LONG_TEXT, locale=self.locale)
        )
        if cleaned is None:
            return False
        values = {**stored, field_id: cleaned}
        if self.save(KEY, values) is None:
            return False
        self.show_ok(self.t("widgets.action_sheet.saved", field=self.plain(field.label)))
        self._update_completeness()
        return True

    def export(self) -> Path | None:
        """Write the sheet as a printable HTML page beside the answers file; its path, or None."""
        if self.store is None:
            self.show_problem(self.t("widgets.status.no_store"))
            return None
        from parler_kit.printing import action_sheet_html, document_html  # heavy: only on export

        body = action_sheet_html(self.bank, self.store, locale=self.locale)
        page = document_html(self.t("widgets.action_sheet.title"), body, lang=self.locale)
        target = self.store.path.with_name(EXPORT_NAME)
        try:
            write_atomic(target, page.encode("utf-8"))
        except OSError as error:
            reason = os_error_cause(error, self.locale)
            self.show_problem(
                self.t("widgets.action_sheet.export_failed", path=target, reason=reason)
            )
            return None
        self.show_ok(self.t("widgets.action_sheet.exported", path=target))
        return target

    def _stored(self) -> dict[str, str]:
        stored = self.load(KEY)
        if stored is None or not isinstance(stored.value, dict):
            return {}
        return {str(k): v for k, v in stored.value.items() if isinstance(v, str)}

    def _update_completeness(self) -> None:
        values = self._stored()
        required = [f for f in self.fields if f.required]
        done = [f for f in required if values.get(f.id, "").strip()]
        missing = [self.kit(f.label) for f in required if f not in done]
        self.progress.value = len(done)
        if missing:
            text = self.h("widgets.action_sheet.missing", done=len(done), total=len(required))
            self.completeness.value = f"<p role='status'>◔ {text} {', '.join(missing)}</p>"
        else:
            text = self.h("widgets.action_sheet.complete", total=len(required))
            self.completeness.value = f"<p role='status'>✓ <strong>{text}</strong></p>"
