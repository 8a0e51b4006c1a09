"""Hold the line: each shared fact is written in its owner only (docs/architecture.md « One owner »).

A fact is a string the kit's code must agree on (an answers file's name, an environment
variable's name, a folder of the checkout). Docstrings and comments may name it; code elsewhere
imports it from its owner.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "parler_kit"

#: A pattern that may match a string literal of the code only in its owner (paths under SRC).
#: ``.answers`` as in a file name (« carnet.answers.json », « *.answers*.json »), not in a catalog
#: key (« cli.report.answers_option »).
OWNED_TEXT = {
    r"\.answers\b": "answers/files.py",
    "PARLER_KIT_": "environment.py",
    "node_modules": "paths.py",
    # The temporary file of an atomic write (« .<name>.partial »): `atomic.partial_path`.
    r"\.partial\b": "atomic.py",
}


def _docstrings(tree: ast.Module) -> set[int]:
    nodes: list[ast.AST] = [tree]
    nodes += [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    ]
    found = set()
    for node in nodes:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


@cache
def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(SRC).as_posix(), ast.parse(path.read_text("utf-8")))
        for path in sorted(SRC.rglob("*.py"))
    ]


def _literals(tree: ast.Module) -> list[tuple[int, str]]:
    docs = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def _climbs(name: str, tree: ast.Module) -> list[int]:
    """Lines that walk up out of the package from a module's file with ``.parents[N]``.

    ``room/server.py``'s ``Path(__file__).parents[1]`` is the package's own folder; ``parents[2]``
    would be outside it. An index that is not a number is counted too.
    """
    depth = len(Path(name).parts)  # parents[depth - 1] is the package folder
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "parents"
        and not (
            isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, int)
            and node.slice.value < depth
        )
    ]


@pytest.mark.parametrize("text", OWNED_TEXT)
def test_an_owned_literal_is_written_in_its_owner_only(text: str) -> None:
    """No string literal of src/ outside its owner contains the owned text; the owner does."""
    modules = _modules()
    elsewhere = [
        f"{name}:{line}"
        for name, tree in modules
        if name != OWNED_TEXT[text]
        for line, value in _literals(tree)
        if re.search(text, value)
    ]
    assert elsewhere == [], f"{text!r} outside {OWNED_TEXT[text]}: import it from there"
    owner = dict(modules)[OWNED_TEXT[text]]
    assert any(re.search(text, value) for _line, value in _literals(owner))


def test_no_module_climbs_out_of_the_package_by_parents() -> None:
    """No module finds the checkout with ``Path(__file__).parents[N]``: parler_kit.paths owns it."""
    climbs = [f"{name}:{line}" for name, tree in _modules() for line in _climbs(name, tree)]
    assert climbs == []


def _calls(tree: ast.Module, attribute: str, first_argument: object = None) -> list[int]:
    """Lines calling ``<something>.<attribute>(…)``, with this first argument when given."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == attribute
        and (
            first_argument is None
            or (
                node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value == first_argument
            )
        )
    ]


#: Code that is written in its owner only: (attribute called, first argument or None) → owners.
#: course/export.py writes spreadsheet cells with every significant digit (« 0,3333 »), not a
#: number for reading.
OWNED_CALLS = {
    ("combining", None): {"i18n/folding.py"},
    ("replace", "."): {"i18n/numbers.py", "course/export.py"},
}


@pytest.mark.parametrize("call", OWNED_CALLS, ids=lambda c: f"{c[0]}({c[1]!r})")
def test_accent_folding_and_french_decimals_are_written_once(call: tuple[str, str | None]) -> None:
    """Accent folding (``unicodedata.combining``) and the decimal comma live in i18n only."""
    owners = OWNED_CALLS[call]
    modules = _modules()
    elsewhere = [
        f"{name}:{line}"
        for name, tree in modules
        if name not in owners
        for line in _calls(tree, *call)
    ]
    assert elsewhere == [], f"{call[0]} outside {sorted(owners)}: use parler_kit.i18n"
    assert all(_calls(tree, *call) for name, tree in modules if name in owners)


def _named_calls(tree: ast.Module, name: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


#: The room's landing page and access cards build their Jinja2 environment from a string (the
#: lead's package; to move onto `template_environment` with the room's next change).
JINJA_PENDING: set[str] = set()


def test_jinja_environments_come_from_the_one_factory() -> None:
    """Only printing.environment.template_environment builds a Jinja2 Environment (StrictUndefined)."""
    built = {name for name, tree in _modules() if _named_calls(tree, "Environment")}
    assert built - JINJA_PENDING == {"printing/environment.py"}


def test_content_texts_are_shown_through_text_localised() -> None:
    """No module typesets ``text.fr`` by hand: ``Text.localised(locale)`` is the one way."""
    by_hand = [
        f"{name}:{call.lineno}"
        for name, tree in _modules()
        for call in _named_calls(tree, "french_typography")
        if call.args
        and isinstance(call.args[0], ast.Attribute)
        and call.args[0].attr == "fr"
        and name != "content/model.py"
    ]
    assert by_hand == []
