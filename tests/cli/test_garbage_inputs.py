"""Property: every command that reads a file answers garbage with a French message, never more.

Random bytes, random CSV, YAML and XLSX structures and damaged workbooks are given in turn as the
roster, the session, the presence file or a content file of each command that reads one (found by
walking `parler-kit`'s commands, so a command added later with such a parameter is covered too).
Each run must exit 1 with a French message and no traceback, leave the output folder without any
file, and leave the input untouched. Examples are derandomized: every run tries the same inputs.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from parler_kit.cli import main

REPO = Path(__file__).resolve().parents[2]
VALID = {
    "roster": REPO / "examples" / "roster.csv",
    "session": REPO / "examples" / "session.yaml",
    "presence": REPO / "examples" / "presence.csv",
}
#: Parameter name → the input it reads.
SLOTS = {
    "roster": "roster", "roster_file": "roster",
    "session": "session", "session_file": "session",
    "presence_file": "presence", "attendance": "presence",
    "data": "content",
}  # fmt: skip
FOLDERS = {"out", "answers", "inbox"}
ENGLISH = re.compile(
    r"Traceback|Error:|Exception|Invalid|No such|Usage:|Missing|\bcodec\b|can.t |cannot"
)
FRENCH = re.compile(r"[éèêàçù«»]|\bFichier\b|\bligne\b")

# --- generators -------------------------------------------------------------------------------

cell_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(';,"\n\t'),
    max_size=12,
)
# Header words from the roster's vocabulary, never all four required columns (no « structure »):
# the generated file can never be a valid roster, so a success would be a real failure.
header_word = (
    st.sampled_from(
        [
            "nom",
            "prénom",
            "profession",
            "email",
            "commune",
            "id",
            "Nom",
            "PRENOM",
            "matin",
            "08/03/2027",
        ]
    )
    | cell_text
)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | cell_text


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A CSV-like table: random header and cells, separator, line ends and encoding."""
    sep = draw(st.sampled_from([";", ",", "\t", "|"]))
    rows = [draw(st.lists(header_word, min_size=1, max_size=6))]
    rows += draw(st.lists(st.lists(cell_text, max_size=7), max_size=6))
    text = draw(st.sampled_from(["\r\n", "\n"])).join(sep.join(row) for row in rows)
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
    return text.encode(codec, errors="replace")


@st.composite
def xlsx_bytes(draw: st.DrawFn) -> bytes:
    """A workbook with random cells (numbers, text, dates as text), sometimes damaged after."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [draw(st.lists(header_word, min_size=1, max_size=6))]
    rows += draw(st.lists(st.lists(st.integers() | cell_text, max_size=6), max_size=5))
    for row in rows:  # control characters cannot be stored in a cell
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", str(value)) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    damage = draw(st.sampled_from(["none", "truncate", "sheet"]))
    if damage == "truncate":
        return data[: draw(st.integers(min_value=0, max_value=len(data) - 1))]
    if damage == "sheet":  # a valid zip whose sheet XML is cut short
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item)
                if item.filename.startswith("xl/worksheets/"):
                    content = content[: draw(st.integers(0, len(content) - 1))]
                target.writestr(item, content)
        return out.getvalue()
    return data


yaml_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["titre", "lieu", "journees", "date", "matin"]) | cell_text,
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)
yaml_bytes = yaml_values.map(
    lambda value: yaml.safe_dump(value, allow_unicode=True).encode("utf-8")
) | st.text(max_size=200).map(lambda text: text.encode("utf-8"))

TABLES = st.tuples(st.just(".csv"), st.binary(max_size=600) | csv_bytes()) | st.tuples(
    st.just(".xlsx"), xlsx_bytes()
)
PAYLOADS = {
    "roster": TABLES,
    "presence": TABLES,
    "session": st.tuples(st.just(".yaml"), st.binary(max_size=600) | yaml_bytes),
    "content": st.tuples(st.just(".yaml"), st.binary(max_size=600) | yaml_bytes),
}

# --- the commands -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One command and the input of it that receives garbage."""

    path: tuple[str, ...]
    command: click.Command
    slot: str

    def __str__(self) -> str:
        return f"{' '.join(self.path)}:{self.slot}"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[Case]:
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
            continue
        required = {p.name for p in command.params if p.required}
        if not required <= set(SLOTS) | FOLDERS:
            continue  # needs something these tests cannot make up (a day, an id…)
        for slot in sorted({SLOTS[p.name] for p in command.params if p.name in SLOTS}):
            yield Case((*prefix, name), command, slot)


CASES = list(_commands(main))


def _arguments(case: Case, garbage: Path, work: Path) -> list[str]:
    """The command line: garbage in the case's slot, valid files elsewhere, fresh folders."""
    options: list[str] = []
    for param in case.command.params:
        if not isinstance(param, click.Option | click.Argument) or param.name is None:
            continue
        value: Path | None = None
        slot = SLOTS.get(param.name)
        if slot == case.slot:
            value = garbage.parent if slot == "content" else garbage
        elif slot is not None and param.required:
            value = VALID[slot]
        elif param.name == "config_file":  # the repository's course, whatever the cwd
            value = REPO / "nbgrader_config.py"
        elif param.name in FOLDERS:
            folder_ok = getattr(param.type, "dir_okay", True)
            value = work / param.name if folder_ok else work / "out" / "bilan.pdf"
            if param.name != "out":
                value.mkdir()
        if value is None:
            continue
        if isinstance(param, click.Argument):
            options.append(str(value))
        else:
            options += [param.opts[0], str(value)]
    return [*case.path, *options]


def test_every_file_reading_command_is_covered() -> None:
    """The walk finds the commands that read rosters, sessions, presence and content files."""
    found = {str(case) for case in CASES}
    assert {"workbooks build:roster", "workbooks build:session", "admin emargement:roster",
            "report:presence", "content check:content", "course collect:session"} <= found  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=str)
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_garbage_gets_a_french_refusal(case: Case, data: st.DataObject) -> None:
    """Garbage in one input: exit 1, French message, no traceback, no file written, input kept."""
    suffix, payload = data.draw(PAYLOADS[case.slot], label="input")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        garbage = work / "entree" / f"fichier{suffix}"
        garbage.parent.mkdir()
        garbage.write_bytes(payload)
        result = CliRunner().invoke(main, _arguments(case, garbage, work))
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)
        assert FRENCH.search(result.output) and not ENGLISH.search(result.output), result.output
        written = [p for p in work.rglob("*") if p.is_file() and p.parent != garbage.parent]
        assert written == []
        assert garbage.read_bytes() == payload


notebook_like = st.fixed_dictionaries(
    {"cells": st.lists(st.dictionaries(cell_text, yaml_values, max_size=3), max_size=3)},
    optional={"metadata": yaml_values, "nbformat": scalars, "nbformat_minor": scalars},
).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8"))


def named_files(
    names: list[str], shaped: st.SearchStrategy[bytes], size: int
) -> st.SearchStrategy[list[tuple[str, bytes]]]:
    """1 to 3 files with distinct names from `names`, each random bytes or `shaped` content."""
    return st.lists(
        st.tuples(st.sampled_from(names), st.binary(max_size=size) | shaped),
        min_size=1,
        max_size=3,
        unique_by=lambda item: item[0],
    )


returned_files = named_files(
    ["jour1 Benali.ipynb", "carnet.ipynb", "x.answers.json", "notes.txt"], notebook_like, 400
)


@settings(max_examples=15, deadline=None, derandomize=True, database=None)
@given(files=returned_files)
def test_collect_garbage_inbox(files: list[tuple[str, bytes]]) -> None:
    """Returned « notebooks » that are garbage: each named as not placed, nothing placed, kept."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        config = work / "nbgrader_config.py"
        config.write_text('c = get_config()\nc.CourseDirectory.course_id = "essai"\n'
                          'c.CourseDirectory.root = "cours"\n', "utf-8")  # fmt: skip
        inbox = work / "rendus"
        inbox.mkdir()
        for name, payload in files:
            (inbox / name).write_bytes(payload)
        args = ["course", "collect", str(inbox), "--config", str(config)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 1), result.output
        assert isinstance(result.exception, SystemExit | None)
        assert "Traceback" not in result.output and FRENCH.search(result.output), result.output
        assert not [p for p in (work / "cours").rglob("*") if p.is_file()]
        assert sorted((p.name, p.read_bytes()) for p in inbox.iterdir()) == sorted(files)


def test_unreadable_content_yaml_explained_in_french(tmp_path: Path) -> None:
    """A content file with a YAML syntax error is located and explained without PyYAML's English."""
    (tmp_path / "milestones.yaml").write_text("schema_version: 1\nrecords:\n  - id: [a\n", "utf-8")
    result = CliRunner().invoke(main, ["content", "check", "--data", str(tmp_path)])
    assert result.exit_code == 1
    output = result.output.replace("\u202f", " ")
    assert "milestones.yaml : YAML illisible (ligne 4, colonne 1) : " in output
    assert "expected" not in output and "found" not in output


answers_like = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": scalars,
        "participant_id": scalars | st.sampled_from(["benali-fatima-a7431781", "../../etc"]),
        "session_id": scalars,
        "answers": st.dictionaries(
            st.sampled_from(["quiz-depp-cp", "fa-intitule", "eval-chaud-q1"]) | cell_text,
            st.fixed_dictionaries(
                {},
                optional={
                    "value": yaml_values,
                    "score": scalars,
                    "max_score": scalars,
                    "attempts": scalars,
                },
            )
            | yaml_values,
            max_size=3,
        )
        | yaml_values,
    },
).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8"))
answers_folders = named_files(
    [
        "day1/carnet.answers.json",
        "day2/carnet.answers.json",
        "workbook.answers.json",
        "evaluation_a_froid.answers.json",
    ],
    answers_like,
    300,
)


@settings(max_examples=8, deadline=None, derandomize=True, database=None)
@given(files=answers_folders)
def test_report_garbage_answers_folder(files: list[tuple[str, bytes]]) -> None:
    """Answers files that are garbage: the bilan is written or refused in French, each kept as is."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        answers = work / "reponses" / "benali-fatima-a7431781"
        for name, payload in files:
            (answers / name).parent.mkdir(parents=True, exist_ok=True)
            (answers / name).write_bytes(payload)
        out = work / "sortie" / "bilan.pdf"
        result = CliRunner().invoke(main, [
            "report", "--roster", str(VALID["roster"]), "--session", str(VALID["session"]),
            "--answers", str(work / "reponses"), "--out", str(out),
        ])  # fmt: skip
        assert result.exit_code in (0, 1), result.output
        assert isinstance(result.exception, SystemExit | None)
        assert FRENCH.search(result.output) and not ENGLISH.search(result.output), result.output
        if result.exit_code == 1:
            assert not out.exists()
        assert sorted((str(p.relative_to(answers)), p.read_bytes())
                      for p in answers.rglob("*") if p.is_file()) == sorted(files)  # fmt: skip
