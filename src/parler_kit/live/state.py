"""The live view's state: the class folder as last read, and what the trainer chose to display.

Everything the trainer does (« Montrer la réponse », « Geler », showing a text, « Réinitialiser
l'affichage ») changes only this in-memory state, never a file. Resetting remembers the moment:
answers changed before it are left out of the display, so a second group starts from nothing
while every file stays as it is. `version` grows whenever what a page shows may have changed.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from parler_kit.answers.store import utc_now_iso
from parler_kit.content import ContentBank
from parler_kit.live.aggregate import answered_count, view_sections
from parler_kit.live.folder import ClassAnswers, ClassFolder, since
from parler_kit.live.render import Display, HomeCounts, home_html, view_html
from parler_kit.live.views import View, class_views, view_by_slug


class LiveState:
    """The class folder's answers, the views, and the trainer's display choices."""

    def __init__(self, folder: Path, bank: ContentBank, last_day: dt.date | None = None) -> None:
        self.folder = ClassFolder(folder)
        self.bank = bank
        #: The session's last day, when known: a lone positioning answer that day is an end one.
        self.last_day = last_day
        self.views = class_views(bank)
        self.salt = secrets.token_hex(16)
        self.version = 0
        self.reset_at: str | None = None
        self.revealed: set[str] = set()
        self.shown: dict[str, set[str]] = {}
        self.frozen: dict[str, ClassAnswers] = {}
        self.answers = ClassAnswers()
        self.refresh()

    def refresh(self) -> bool:
        """Read the folder again; True (and a new version) when any answers file changed."""
        answers, changed = self.folder.read()
        if self.reset_at is not None:
            answers = ClassAnswers(
                {
                    who: [since(data, self.reset_at) for data in files]
                    for who, files in answers.files.items()
                },
                answers.participants,
                answers.skipped,
                answers.days,
            )
        self.answers = answers
        if changed:
            self.version += 1
        return changed

    def _touch(self) -> None:
        self.version += 1

    def view(self, slug: str) -> View | None:
        """The view with this slug, or None."""
        return view_by_slug(self.views, slug)

    def released_views(self) -> list[View]:
        """The views of the days released (every view when no ``dayN`` folder exists)."""
        days = self.answers.days
        return [v for v in self.views if not days or v.day in days]

    def home(self, base: str) -> str:
        """The home page body."""
        files = self.answers.files
        started = sum(1 for fs in files.values() if any(d.answers for d in fs))
        counts = HomeCounts(
            self.answers.participants,
            started,
            self.answers.skipped,
            [(v, answered_count(v, files)) for v in self.released_views()],
        )
        return home_html(counts, base)

    def body(self, view: View, moderation: bool) -> str:
        """One view's body, as frozen or as now, with the trainer's display choices."""
        answers = self.frozen.get(view.slug, self.answers)
        sections = view_sections(self.bank, view, answers.files, self.salt, self.last_day)
        display = Display(
            view.slug in self.revealed, frozenset(self.shown.get(view.slug, ())), moderation
        )
        return view_html(self.bank, sections, display)

    def flags(self, view: View) -> dict[str, bool]:
        """Whether the view's answer is revealed and whether it is frozen."""
        return {"revealed": view.slug in self.revealed, "frozen": view.slug in self.frozen}

    # -- the trainer's actions (memory only) ------------------------------------------------------

    def toggle_reveal(self, view: View) -> None:
        """« Montrer la réponse » / « Cacher la réponse »."""
        self.revealed.symmetric_difference_update({view.slug})
        self._touch()

    def toggle_freeze(self, view: View) -> None:
        """« Geler » keeps the answers as they are now on this view; again to follow them live."""
        if self.frozen.pop(view.slug, None) is None:
            self.frozen[view.slug] = self.answers
        self._touch()

    def toggle_card(self, view: View, card: str) -> None:
        """Show a free text on the projection, or hide it again."""
        self.shown.setdefault(view.slug, set()).symmetric_difference_update({card})
        self._touch()

    def reset(self) -> None:
        """« Réinitialiser l'affichage »: forget the answers so far and every display choice."""
        self.reset_at = utc_now_iso()
        self.revealed.clear()
        self.shown.clear()
        self.frozen.clear()
        self.refresh()
        self._touch()
