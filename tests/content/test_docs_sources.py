"""docs/content.md stays honest: it lists every source and describes every data file of the bank."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from parler_kit.content import load_bank

DOC = Path(__file__).resolve().parents[2] / "docs" / "content.md"


def _documented_ids() -> set[str]:
    """Source ids written as the first cell of a row of the table under « ## Les sources »."""
    _, found, section = DOC.read_text("utf-8").partition("\n## Les sources\n")
    assert found, "docs/content.md has no « ## Les sources » section"
    section = section.split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9][a-z0-9_.-]*)` \|", section, re.M))


def test_every_source_is_listed_in_the_trainer_doc() -> None:
    """Each source id of the bank has its row in the sources table of docs/content.md."""
    missing = {source.id for source in load_bank().sources} - _documented_ids()
    assert not missing, f"sources absentes de docs/content.md : {sorted(missing)}"


def test_the_doc_lists_no_source_that_does_not_exist() -> None:
    """No row of the table names a source id that the bank does not have (renamed or removed)."""
    unknown = _documented_ids() - {source.id for source in load_bank().sources}
    assert not unknown, f"sources inconnues dans docs/content.md : {sorted(unknown)}"


def test_every_data_file_is_described() -> None:
    """Each YAML file of the shipped bank is named in docs/content.md."""
    text = DOC.read_text("utf-8")
    data = files("parler_kit.content").joinpath("data")
    names = sorted(entry.name for entry in data.iterdir() if entry.name.endswith(".yaml"))
    assert names, "no data file found"
    assert [name for name in names if f"`{name}`" not in text] == []


def _rows() -> dict[str, list[str]]:
    """Cells of each row of the sources table, by source id."""
    section = DOC.read_text("utf-8").partition("\n## Les sources\n")[2].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"^\| `([a-z0-9][a-z0-9_.-]*)` \|(.*)\|$", line)
        if match:
            rows[match.group(1)] = [
                c.strip().replace("\\|", "|") for c in match.group(2).split(" | ")
            ]
    return rows


def test_the_doc_shows_each_reference_and_how_it_was_checked() -> None:
    """A row gives the source's full reference and its verification status, as in the data."""
    rows = _rows()
    for source in load_bank().sources:
        reference, verification = rows[source.id][0], rows[source.id][1]
        assert reference == source.citation, source.id
        expected = f"vérifiée : {source.checked}" if source.checked else "non vérifiée"
        assert verification.startswith(expected), source.id
        assert (source.missing or "") in verification, source.id
