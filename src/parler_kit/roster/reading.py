"""Turn a roster file into validated participants, reporting every problem at once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from parler_kit.content import ContentBank, load_bank
from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import ui_text
from parler_kit.roster.ids import derive_id, identity_key, is_safe_id
from parler_kit.roster.model import Participant, Roster
from parler_kit.roster.normalise import fold
from parler_kit.roster.roles import match_role, role_lookup
from parler_kit.roster.table import Table, column_letter, read_table

#: Canonical column → folded header spellings accepted for it.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "nom": ("nom", "nom de famille", "last name", "surname", "family name"),
    "prénom": ("prenom", "first name", "given name"),
    "profession": ("profession", "metier", "fonction", "role"),
    "structure": ("structure", "etablissement", "employeur", "organisme", "service"),
    "email": ("email", "e mail", "mail", "courriel", "adresse mail", "adresse email"),
    "commune": ("commune", "ville", "city"),
    "id": ("id", "identifiant"),
}
REQUIRED = ("nom", "prénom", "profession", "structure")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class _Column:
    index: int
    header: str

    def where(self) -> str:
        """The header as typed, as the problem's field (« Prénom (colonne B) »)."""
        return f"{self.header} (colonne {column_letter(self.index)})"


def load_roster(path: Path, *, bank: ContentBank | None = None) -> Roster:
    """Participants of a CSV/XLSX roster; RosterError listing every problem (row and column)."""
    path = Path(path)
    table = read_table(path)
    problems: list[Problem] = []
    if not table.rows:
        raise RosterError([Problem(ui_text("roster.empty"), file=str(path))])
    table = replace(table, rows=table.rows[_header_index(table) :])
    columns = _match_header(table, path, problems)
    if any(name not in columns for name in REQUIRED):
        raise RosterError(problems)
    fields = {column.index: column.where() for column in columns.values()}
    problems += table.formula_problems(path, table.rows[0][0], fields)
    participants = _participants(table, columns, path, bank or load_bank(), problems)
    _check_unique(participants, path, problems)
    if not participants and not problems:
        problems.append(Problem(ui_text("roster.empty"), file=str(path)))
    if problems:
        raise RosterError(sorted(problems, key=lambda p: (p.row or 0, p.field or "")))
    return Roster(participants=tuple(participants), source=path)


def _header_index(table: Table) -> int:
    """Position of the header row: the first row naming two required columns, else the first.

    Spreadsheets often start with a title line (« Liste des participants — mars 2027 ») above
    the column names; those lines are skipped.
    """
    spellings = {s for name in REQUIRED for s in COLUMNS[name]}
    for index, (_, cells) in enumerate(table.rows[:10]):
        if sum(fold(cell) in spellings for cell in cells) >= 2:
            return index
    return 0


def _match_header(table: Table, path: Path, problems: list[Problem]) -> dict[str, _Column]:
    header_row, headers = table.rows[0]
    spelling_to_column = {s: name for name, spellings in COLUMNS.items() for s in spellings}
    columns: dict[str, _Column] = {}
    for index, header in enumerate(headers):
        name = spelling_to_column.get(fold(header))
        if name is None:
            continue  # extra columns (téléphone, remarques…) are allowed and ignored
        column = _Column(index, header)
        if name in columns:
            problems.append(
                Problem(
                    ui_text("roster.header.duplicate", first=columns[name].where()),
                    file=str(path),
                    row=header_row,
                    field=column.where(),
                )
            )
            continue
        columns[name] = column
    for name in REQUIRED:
        if name not in columns:
            problems.append(
                Problem(
                    ui_text("roster.header.missing", column=name),
                    file=str(path),
                    row=header_row,
                    field=name,
                )
            )
    return columns


def _participants(
    table: Table,
    columns: dict[str, _Column],
    path: Path,
    bank: ContentBank,
    problems: list[Problem],
) -> list[Participant]:
    roles = role_lookup(bank)
    accepted = ", ".join(sorted({r.label.fr for r in bank.roles}))
    participants: list[Participant] = []
    for row, cells in table.rows[1:]:
        # A formula without a usable result is reported once (`Table.formula_problems`).
        formula = {name for name, col in columns.items() if (row, col.index) in table.uncomputed}
        values = {
            name: cells[col.index] if col.index < len(cells) and name not in formula else ""
            for name, col in columns.items()
        }
        found: list[tuple[str, str]] = []  # (column, message) for this row
        for name in REQUIRED:
            if not values[name] and name not in formula:
                found.append((name, ui_text("roster.value.required", column=name)))
        role = match_role(values["profession"], roles)
        if values["profession"] and role is None:
            message = ui_text(
                "roster.value.profession", value=values["profession"], accepted=accepted
            )
            found.append(("profession", message))
        email = values.get("email") or None
        if email and not _EMAIL.match(email):
            found.append(("email", ui_text("roster.value.email", value=email)))
        given_id = values.get("id") or None
        if given_id and not is_safe_id(given_id):
            found.append(("id", ui_text("roster.value.id", value=given_id)))
        problems.extend(
            Problem(message, file=str(path), row=row, field=columns[name].where())
            for name, message in found
        )
        if found or role is None or formula:
            continue
        participants.append(
            Participant(
                id=given_id or derive_id(values["nom"], values["prénom"], values["structure"]),
                last_name=values["nom"],
                first_name=values["prénom"],
                role=role,
                structure=values["structure"],
                email=email,
                commune=values.get("commune") or None,
                row=row,
            )
        )
    return participants


def _check_unique(participants: list[Participant], path: Path, problems: list[Problem]) -> None:
    """Same person twice (same names and structure) or the same id twice: name both rows."""
    seen_people: dict[tuple[str, str, str], Participant] = {}
    seen_ids: dict[str, Participant] = {}
    for participant in participants:
        key = identity_key(participant.last_name, participant.first_name, participant.structure)
        first = seen_people.get(key)
        if first is not None:
            problems.append(
                Problem(
                    ui_text(
                        "roster.duplicate.person",
                        name=participant.full_name,
                        structure=participant.structure,
                        first_row=first.row,
                        row=participant.row,
                    ),
                    file=str(path),
                    row=participant.row,
                    field="nom, prénom, structure",
                )
            )
            continue
        seen_people[key] = participant
        # Compared without case: "Abc" and "abc" are one folder on macOS and Windows.
        other = seen_ids.get(participant.id.lower())
        if other is not None:
            problems.append(
                Problem(
                    ui_text(
                        "roster.duplicate.id",
                        id=participant.id,
                        first_row=other.row,
                        row=participant.row,
                    ),
                    file=str(path),
                    row=participant.row,
                    field="id",
                )
            )
            continue
        seen_ids[participant.id.lower()] = participant
