"""Build .xlsx files as Excel and LibreOffice save them: each formula with its computed result.

openpyxl cannot write a formula together with its result (it saves the formula alone, as any
script does), so the sheet's XML is written here by hand, the way the two spreadsheets write it
(ECMA-376 part 1, § 18.3.1.4 « c » and § 18.3.1.40 « f »; LibreOffice's attributes as they appear
in the sheets it saves):

- literal text goes to the shared strings (``t="s"``), numbers are written inline;
- a formula cell holds ``<f>`` (the formula, without « = ») and ``<v>`` (its last result); a text
  result has ``t="str"`` (an empty text result too, with an empty ``<v>``), an error ``t="e"``;
- Excel writes a column filled down as one *shared* formula (``<f t="shared" ref=… si="0">`` on
  its first cell, ``<f t="shared" si="0"/>`` on the others) and leaves a number's type implicit;
  LibreOffice writes every formula in full with ``aca="false"``, a style ``s="0"`` on every cell
  and ``t="n"`` on numbers.

A formula saved *without* its result is what a script writes: those files are made with openpyxl.
"""

from __future__ import annotations

import html
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl.utils import get_column_letter

Maker = Literal["excel", "libreoffice"]


@dataclass(frozen=True)
class Formula:
    """A formula cell: `text` without « = », the `result` saved with it (an error: « #NAME? »)."""

    text: str
    result: str | float
    shared: bool = False  # Excel: the first cell of a filled-down column holds the formula


Cell = str | float | Formula | None

_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<sheets><sheet name="Feuille1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
</Relationships>"""
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _cell(
    ref: str, value: Cell, maker: Maker, strings: list[str], shared: dict[str, str], last_row: int
) -> str:
    style = ' s="0"' if maker == "libreoffice" else ""
    if value is None:
        return ""
    if isinstance(value, Formula):
        kind = ' t="n"' if maker == "libreoffice" else ""
        if isinstance(value.result, str):
            kind = ' t="e"' if value.result.startswith("#") else ' t="str"'
        column = ref.rstrip("0123456789")
        if maker == "libreoffice":
            formula = f'<f aca="false">{html.escape(value.text)}</f>'
        elif value.shared and column in shared:  # a later cell of a filled-down column
            formula = f'<f t="shared" si="{shared[column]}"/>'
        elif value.shared:
            shared[column] = str(len(shared))
            span = f"{ref}:{column}{last_row}"
            formula = (
                f'<f t="shared" ref="{span}" si="{shared[column]}">{html.escape(value.text)}</f>'
            )
        else:
            formula = f"<f>{html.escape(value.text)}</f>"
        result = html.escape(str(value.result))
        return f'<c r="{ref}"{style}{kind}>{formula}<v>{result}</v></c>'
    if isinstance(value, str):
        strings.append(value)
        return f'<c r="{ref}"{style} t="s"><v>{len(strings) - 1}</v></c>'
    number = ' t="n"' if maker == "libreoffice" else ""
    return f'<c r="{ref}"{style}{number}><v>{value}</v></c>'


def saved_xlsx(path: Path, rows: list[list[Cell]], maker: Maker) -> Path:
    """Write `rows` (first: the header) to `path` as `maker` saves a sheet; return `path`."""
    strings: list[str] = []
    shared: dict[str, str] = {}
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(
            _cell(f"{get_column_letter(index)}{number}", value, maker, strings, shared, len(rows))
            for index, value in enumerate(row, start=1)
        )
        lines.append(f'<row r="{number}">{cells}</row>')
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
        f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )
    items = "".join(f"<si><t>{html.escape(s)}</t></si>" for s in strings)
    shared_strings = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared_strings)
    return path
