"""Read a spreadsheet-like file into rows of text cells, remembering each row's line number.

Organisers export rosters from LibreOffice or Excel: CSV with ``;`` (French locale) or ``,``,
in UTF-8 with or without BOM or in Windows-1252, or they keep the .xlsx. This module only turns
bytes into text cells; what the columns mean is decided in `parler_kit.roster.reading`.

A .xlsx cell holding a formula (« =NOMPROPRE(B3) », a concatenation, a look-up in another sheet)
is read through the result Excel and LibreOffice save beside it. A file written by a program that
does not compute formulas (a script) has no result to read: those cells are remembered
(`Table.uncomputed`) so that the reader refuses them by name instead of calling them empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import Verbatim, ui_text

_DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Table:
    """Non-blank rows of a sheet: ``(row number, cells)``, the first one being the header."""

    rows: tuple[tuple[int, tuple[str, ...]], ...]
    #: ``(row number, 0-based column) → what is wrong`` for the .xlsx cells whose formula has no
    #: saved result (read as empty) or an error as result (« #NOM? »), in French.
    uncomputed: Mapping[tuple[int, int], str] = field(default_factory=dict)

    def formula_problems(
        self, path: Path, after_row: int, fields: Mapping[int, str]
    ) -> list[Problem]:
        """A problem per formula cell without a usable result, below `after_row`, in `fields`.

        `fields` maps a column index to the field name the problem gives (« Prénom (colonne B) »);
        the message says to open the file in a spreadsheet and save it once.
        """
        return [
            Problem(message, file=str(path), row=row, field=fields[index])
            for (row, index), message in sorted(self.uncomputed.items())
            if row > after_row and index in fields
        ]


def column_letter(index: int) -> str:
    """Spreadsheet column name for a 0-based index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_table(path: Path) -> Table:
    """Rows of `path` (CSV or XLSX); RosterError when the file cannot be read at all."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise RosterError([Problem(ui_text("roster.file.missing"), file=str(path))])
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    if suffix in {".csv", ".txt", ".tsv"}:
        return _read_csv(path)
    raise RosterError(
        [Problem(ui_text("roster.file.format", suffix=suffix or "?"), file=str(path))]
    )


def decode(data: bytes, path: Path) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252 (older Excel).

    RosterError naming the real cause otherwise: a file that is not text (a workbook renamed
    .csv, UTF-16 without BOM), or rows saved in another encoding than the rest of the file.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _refusal(path, "roster.file.encoding", position=error.start) from None
    utf8_bom = data.startswith(_UTF8_BOM)
    body = data[len(_UTF8_BOM) :] if utf8_bom else data
    _refuse_binary(body, path)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = body.split(b"\n")
    foreign = [number for number, line in enumerate(lines, start=1) if not _is_utf8(line)]
    if utf8_bom or any(_is_utf8(line) and not line.isascii() for line in lines):
        raise RosterError(
            [
                Problem(
                    ui_text("roster.file.mixed_encoding", text=_shown(lines[n - 1])),
                    file=str(path),
                    row=n,
                )
                for n in foreign
            ]
        )
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as error:
        row = body[: error.start].count(b"\n") + 1
        raise _refusal(path, "roster.file.encoding", row=row, position=error.start) from None


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Leading bytes of files that are not CSV text at all → catalog key saying what they are.
_SIGNATURES = {
    b"PK\x03\x04": "roster.file.zip",
    b"\xd0\xcf\x11\xe0": "roster.file.xls",
    b"%PDF": "roster.file.pdf",
}


def _refusal(path: Path, key: str, row: int | None = None, **params: object) -> RosterError:
    return RosterError([Problem(ui_text(key, "fr", **params), file=str(path), row=row)])


def _refuse_binary(data: bytes, path: Path) -> None:
    """RosterError when `data` is a workbook, a PDF, UTF-16 without BOM or other binary data."""
    for signature, key in _SIGNATURES.items():
        if data.startswith(signature):
            raise _refusal(path, key)
    nul = data.find(b"\x00")
    if nul < 0:
        return
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) * 4 >= len(sample):  # ASCII text in UTF-16: every other byte is zero
        raise _refusal(path, "roster.file.utf16", order="BE" if even > odd else "LE")
    raise _refusal(path, "roster.file.binary", row=data[:nul].count(b"\n") + 1, position=nul)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _shown(line: bytes) -> str:
    """The start of a row as Windows-1252 would show it, so the organiser recognises it."""
    text = line.decode("cp1252", errors="replace").strip()
    return text if len(text) <= 60 else text[:59] + "…"


def _sniff_delimiter(text: str) -> str:
    """The separator: the most frequent of ``; , tab`` (outside quotes) over the first lines.

    Every row has all its separators, while a comma inside a name is occasional; several lines
    are counted because a title line above the header may have none.
    """
    lines = [line for line in text.splitlines() if line.strip(" \t;,")][:10]
    unquoted = [part for line in lines for part in line.split('"')[::2]]
    counts = {d: sum(part.count(d) for part in unquoted) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _read_csv(path: Path) -> Table:
    text = decode(path.read_bytes(), path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[tuple[int, tuple[str, ...]]] = []
    next_line = 1
    try:
        for record in reader:
            # A quoted cell may span lines: the record starts where the previous one ended.
            start, next_line = next_line, reader.line_num + 1
            cells = tuple(cell.strip() for cell in record)
            if any(cells):
                rows.append((start, cells))
    except csv.Error as error:
        raise RosterError(
            [Problem(ui_text("roster.file.csv", detail=str(error)), file=str(path), row=next_line)]
        ) from None
    return Table(tuple(rows))


def _cell_text(value: object) -> str:
    """Spreadsheet cell as the organiser sees it (7.0 → "7", a date → 2026-03-09)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path) -> Table:
    """The first sheet's saved values; formulas read a second time to find those without one."""
    from openpyxl import load_workbook  # imported here: only .xlsx rosters pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors)
        raise RosterError(
            [Problem(ui_text("roster.file.xlsx", detail=type(error).__name__), file=str(path))]
        ) from None
    rows: list[tuple[int, tuple[str, ...]]] = []
    uncomputed: dict[tuple[int, int], str] = {}
    sheet = workbook.worksheets[0]
    number = 0
    try:
        pairs = zip(sheet.iter_rows(), formulas.worksheets[0].iter_rows(), strict=True)
        for number, (saved, written) in enumerate(pairs, start=1):
            cells = tuple(_cell_text(cell.value) for cell in saved)
            missing = {
                (number, index): message
                for index, cell in enumerate(written)
                if (message := _missing_result(cell, saved[index] if index < len(saved) else None))
            }
            uncomputed.update(missing)
            if any(cells) or missing:
                rows.append((number, cells))
    except Exception:  # the sheet's XML is read lazily: a cut file fails here, not on opening
        problem = Problem(
            ui_text("roster.file.xlsx_sheet", sheet=sheet.title), file=str(path), row=number + 1
        )
        raise RosterError([problem]) from None
    finally:
        workbook.close()
        formulas.close()
    return Table(tuple(rows), uncomputed)


def _missing_result(written: Any, saved: Any) -> str | None:
    """In French, what is wrong with a formula cell's saved result (none, or an error).

    None for a formula with a result and for any other cell; « #NOM? » and the like are errors.

    A formula whose result is an empty text is saved with the type « str » (Excel, LibreOffice);
    one never computed has no type at all (« n », openpyxl's default) and no value.
    """
    if getattr(written, "data_type", None) != "f":
        return None
    if saved is None or (saved.value is None and saved.data_type == "n"):
        return ui_text("roster.value.formula", formula=Verbatim(written.value))
    if saved.data_type == "e":
        return ui_text("roster.value.formula_error", error=Verbatim(saved.value))
    return None
