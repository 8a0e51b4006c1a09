"""EvaluationForm: the end-of-course evaluation (à chaud) or the follow-up one (à froid).

Scale questions are answered on a 1–5 scale, choice questions with radio buttons (checkboxes
when several choices are allowed), text questions in a text area saved when the person leaves
it. Every answer is saved at once under ``evaluation:<form>`` as ``{question id: value}``.
"""

from __future__ import annotations

from typing import Any, Literal

import ipywidgets as w

from parler_kit.answers.validation import MAX_SHORT_TEXT, InvalidAnswer, clean_text
from parler_kit.content import ContentBank, EvaluationQuestion
from parler_kit.i18n import Locale
from parler_kit.widgets.base import KitWidget, StoreArg, heading_html, labelled_style
from parler_kit.widgets.choices import CheckboxGroup

SCALE = (1, 2, 3, 4, 5)


class EvaluationForm(KitWidget):
    """The questions of one evaluation form; each answer saved as soon as it is given."""

    def __init__(
        self,
        form: Literal["chaud", "froid"] = "chaud",
        *,
        store: StoreArg = None,
        bank: ContentBank | None = None,
        locale: Locale = "fr",
    ) -> None:
        super().__init__(store=store, bank=bank, locale=locale)
        self.form = form
        self.key = f"evaluation:{form}"
        self.questions = tuple(q for q in self.bank.evaluation_questions if q.form == form)
        self.controls: dict[str, Any] = {}
        self.progress = w.HTML()
        stored = self.value
        parts: list[Any] = [
            w.HTML(heading_html(self.h(f"widgets.evaluation.title.{form}"))),
            w.HTML(f"<p>{self.h('widgets.evaluation.help')}</p>"),
        ]
        for number, question in enumerate(self.questions, start=1):
            control = self._control(question, stored.get(question.id))
            self.controls[question.id] = control
            parts.append(
                w.VBox(
                    [
                        w.HTML(f"<p><strong>{number}. {self.kit(question.text)}</strong></p>"),
                        control,
                    ],
                    layout=w.Layout(border="1px solid #999", padding="4px", margin="4px 0"),
                )
            )
        self.set_parts([*parts, self.progress, self.status])
        self._update_progress()

    @property
    def value(self) -> dict[str, Any]:
        """The saved answers, by question id (int 1–5, choice id(s) or text)."""
        stored = self.load(self.key)
        return dict(stored.value) if stored is not None and isinstance(stored.value, dict) else {}

    def answer(self, question_id: str, value: Any) -> bool:
        """Check and save one answer; a bad text or an unknown choice is refused (store unchanged)."""
        question = next(q for q in self.questions if q.id == question_id)
        checked = self.guarded(lambda: self._check(question, value))
        if checked is None:
            return False
        if self.save(self.key, {**self.value, question_id: checked}) is None:
            return False
        self.show_ok(self.t("widgets.status.saved"))
        self._update_progress()
        return True

    def _check(self, question: EvaluationQuestion, value: Any) -> Any:
        if question.kind == "text":
            label = self.t("widgets.evaluation.your_answer")
            return clean_text(str(value or ""), label, limit=MAX_SHORT_TEXT, locale=self.locale)
        if question.kind == "scale":
            if value not in SCALE:
                raise InvalidAnswer(self.t("widgets.evaluation.pick_one"))
            return value
        known = {c.id for c in question.choices}
        chosen = sorted(value) if question.multiple else value
        if (question.multiple and (not chosen or not set(chosen) <= known)) or (
            not question.multiple and value not in known
        ):
            raise InvalidAnswer(self.t("widgets.evaluation.pick_one"))
        return chosen

    def _control(self, question: EvaluationQuestion, stored: Any) -> Any:
        if question.kind == "text":
            control = w.Textarea(
                value=stored if isinstance(stored, str) else "",
                description=self.t("widgets.evaluation.your_answer"), continuous_update=False,
                style=labelled_style(), layout=w.Layout(width="100%", min_height="5em"),
            )  # fmt: skip
        elif question.kind == "scale":
            options = [(self.t(f"widgets.evaluation.scale.{n}"), n) for n in SCALE]
            control = w.RadioButtons(
                options=options, value=stored if stored in SCALE else None,
                description=self.t("widgets.evaluation.your_answer"), style=labelled_style(),
            )  # fmt: skip
        elif question.multiple:
            control = CheckboxGroup([(self.plain(c.text), c.id) for c in question.choices])
            if isinstance(stored, list):
                control.value = [v for v in stored if isinstance(v, str)]
            for box in control.boxes.values():
                box.observe(lambda _c, q=question, g=control: self._on_group(q, g), names="value")
            return control
        else:
            ids = {c.id for c in question.choices}
            control = w.RadioButtons(
                options=[(self.plain(c.text), c.id) for c in question.choices],
                value=stored if stored in ids else None,
                description=self.t("widgets.evaluation.your_answer"), style=labelled_style(),
            )  # fmt: skip
        control.observe(lambda change, q=question: self.answer(q.id, change["new"]), names="value")
        return control

    def _on_group(self, question: EvaluationQuestion, group: CheckboxGroup) -> None:
        if group.value:
            self.answer(question.id, group.value)

    def _update_progress(self) -> None:
        done = sum(1 for q in self.questions if q.id in self.value)
        self.progress.value = "<p role='status'>{}</p>".format(
            self.h("widgets.evaluation.progress", done=done, total=len(self.questions))
        )
