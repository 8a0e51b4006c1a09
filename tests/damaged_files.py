"""Damaged input files as organisers receive them, shared by the roster and CLI tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook

HEADER = "nom;prénom;profession;structure;email;commune"


def cut_workbook(folder: Path, *, sheet_title: str = "Inscrits") -> Path:
    """A roster .xlsx that is a valid zip whose sheet XML stops halfway (a cut attachment)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title
    sheet.append(["nom", "prénom", "profession", "structure"])
    for number in range(30):
        sheet.append([f"Nom{number}", "Léa", "rpe", "RPE Nord"])
    whole = folder / "entier.xlsx"
    book.save(whole)
    cut = folder / "liste.xlsx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    whole.unlink()
    return cut


def billion_laughs(levels: int) -> str:
    """A session.yaml of nested aliases: 9 ** `levels` strings once expanded, tiny on disk."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    lines.append(f"objectifs: *l{levels - 1}")
    return "\n".join(lines) + "\n"


def mixed_encoding_roster(folder: Path) -> Path:
    """A UTF-8 roster whose row 3 was pasted from a Windows-1252 file."""
    path = folder / "liste.csv"
    rows = [HEADER.encode(), "Benali;Fatima;ass mat;Crèche Éveil;;Saint-Étienne".encode(),
            "Lefèvre;Anaïs;ass mat;Crèche Éveil;;Saint-Étienne".encode("cp1252")]  # fmt: skip
    path.write_bytes(b"\r\n".join(rows) + b"\r\n")
    return path
