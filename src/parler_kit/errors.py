"""The kit's exception hierarchy.

Every error a user can meet carries enough context (file, row, record id, field) to be fixed
without reading a traceback. Messages are French because organisers and trainers read them.
This module imports nothing from the kit: every layer may raise these.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class ParlerKitError(Exception):
    """Root of every error the kit raises on purpose (as opposed to a bug)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input, located precisely enough to fix it."""

    message: str
    file: str | None = None
    record_id: str | None = None
    field: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"ligne {self.row}")
        if self.record_id:
            where.append(f"fiche « {self.record_id} »")
        if self.field:
            where.append(f"champ « {self.field} »")
        prefix = ", ".join(where)
        return f"{prefix} : {self.message}" if prefix else self.message


class ProblemsError(ParlerKitError):
    """An input with one or more located problems, all reported together."""

    def __init__(self, problems: list[Problem], summary: str) -> None:
        self.problems = list(problems)
        self.summary = summary
        lines = [summary, *(f"  - {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


def problems_found(count: int) -> str:
    """« 1 problème trouvé », « 3 problèmes trouvés » (this module cannot use the catalogs)."""
    return f"{count} problème trouvé" if count < 2 else f"{count} problèmes trouvés"


class ContentError(ProblemsError):
    """The content bank (YAML under content/data) is invalid."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, f"Contenu invalide : {problems_found(len(problems))}.")


class RosterError(ProblemsError):
    """A roster or session file cannot be used; nothing is produced from it."""

    def __init__(self, problems: list[Problem], summary: str | None = None) -> None:
        super().__init__(
            problems,
            summary or f"Liste des participants invalide : {problems_found(len(problems))}.",
        )


class AnswerStoreError(ParlerKitError):
    """An answers file cannot be read or written; the message says what was kept aside.

    `reason` is the cause alone (« ce n'est pas du JSON valide, ligne 1, colonne 1 »), for a
    message that names the file itself (the bilan's list of files left out); by default the
    whole message.
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class ProductionError(ParlerKitError):
    """A batch production step failed for a reason that concerns the whole batch."""


@contextmanager
def naming_failures(path: Path, partial: Path) -> Iterator[None]:
    """Re-raise an OSError met while writing `partial` (to become `path`) as one naming `path`.

    A full disk fails a ``write()`` with no file name at all, and the temporary name means
    nothing to the organiser: the message must name the document that could not be written.
    The errno is kept (``OSError(errno, …)`` builds the matching subclass).
    """
    try:
        yield
    except OSError as error:
        if error.filename is not None and str(error.filename) != str(partial):
            raise  # about another path (the folder that could not be created, for instance)
        raise OSError(error.errno, error.strerror, str(path)) from error
