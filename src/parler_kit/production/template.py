"""A workbook template: a notebook with one ``parameters`` cell and cells the kit can print.

The template is read and checked once per batch, before any participant is built: exactly one
cell tagged ``parameters``, parameter names known, and every other code cell made only of calls
``show("kind", name=value, …)`` (plus the import of `show`), where each value is a literal or a
parameter name. That restriction is what lets production print the handout in-process from the
same cells that, in JupyterLab, display the interactive widgets (see docs/performance.md).
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parler_kit.errors import ProductionError
from parler_kit.i18n import ui_text

#: Cell tags production fills with generated content (cover page, role examples).
PLACEHOLDER_TAGS = ("cover", "role-examples")


@dataclass(frozen=True)
class ParamRef:
    """A call argument naming one of the notebook's parameters (resolved per participant)."""

    name: str


@dataclass(frozen=True)
class Markdown:
    """A markdown cell of the template, printed as is."""

    index: int
    source: str


@dataclass(frozen=True)
class Placeholder:
    """A cell production replaces with generated content (`tag` is one of PLACEHOLDER_TAGS)."""

    index: int
    tag: str


@dataclass(frozen=True)
class Show:
    """One ``show(kind, **kwargs)`` call of a code cell."""

    index: int
    kind: str
    kwargs: tuple[tuple[str, Any], ...]

    def resolve(self, parameters: dict[str, Any]) -> dict[str, Any]:
        """The call's keyword arguments with parameter names replaced by their values."""
        return {
            key: parameters[value.name] if isinstance(value, ParamRef) else value
            for key, value in self.kwargs
        }


Block = Markdown | Placeholder | Show


@dataclass(frozen=True)
class Template:
    """A checked template: its notebook JSON, parameter defaults and printable blocks."""

    path: Path
    sha256: str
    parameters: dict[str, Any]
    blocks: tuple[Block, ...]


def _fail(path: Path, key: str, **params: object) -> ProductionError:
    return ProductionError(ui_text(key, "fr", path=str(path), **params))


def _tags(cell: dict[str, Any]) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [str(t) for t in tags] if isinstance(tags, list) else []


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _parameter_defaults(path: Path, source: str) -> dict[str, Any]:
    """``name = literal`` assignments of the parameters cell."""
    defaults: dict[str, Any] = {}
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise _fail(path, "production.template.parameters_syntax", detail=str(error)) from None
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign | ast.AnnAssign)
            and isinstance(
                target := statement.targets[0]
                if isinstance(statement, ast.Assign)
                else statement.target,
                ast.Name,
            )
            and statement.value is not None
        ):
            try:
                defaults[target.id] = ast.literal_eval(statement.value)
            except ValueError:
                raise _fail(
                    path, "production.template.parameters_literal", name=target.id
                ) from None
        else:
            raise _fail(path, "production.template.parameters_literal", name=ast.unparse(statement))
    return defaults


def _show_calls(path: Path, index: int, source: str, names: set[str]) -> list[Show]:
    """The ``show(...)`` calls of a code cell; anything else is refused with the cell number."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise _fail(path, "production.template.cell", cell=index, detail=str(error)) from None
    calls: list[Show] = []
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.module == "parler_kit.widgets":
            continue
        call = statement.value if isinstance(statement, ast.Expr) else None
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "show"
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
            and all(k.arg is not None for k in call.keywords)
        ):
            raise _fail(
                path, "production.template.cell", cell=index, detail=ast.unparse(statement)[:80]
            )
        kwargs: list[tuple[str, Any]] = []
        for keyword in call.keywords:
            value: Any
            if isinstance(keyword.value, ast.Name):
                if keyword.value.id not in names:
                    raise _fail(
                        path, "production.template.unknown_name", cell=index, name=keyword.value.id
                    )
                value = ParamRef(keyword.value.id)
            else:
                try:
                    value = ast.literal_eval(keyword.value)
                except ValueError:
                    raise _fail(
                        path, "production.template.cell", cell=index, detail=ast.unparse(keyword)
                    ) from None
            kwargs.append((str(keyword.arg), value))
        calls.append(Show(index, call.args[0].value, tuple(kwargs)))
    return calls


def load_template(path: Path) -> Template:
    """Read and check a workbook template (ProductionError in French when it cannot be used)."""
    try:
        raw = path.read_bytes()
        notebook = json.loads(raw)
        cells: list[dict[str, Any]] = notebook["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        raise _fail(path, "production.template.unreadable") from None
    parameter_cells = [i for i, c in enumerate(cells) if "parameters" in _tags(c)]
    if len(parameter_cells) != 1:
        raise _fail(path, "production.template.parameters_count", count=len(parameter_cells))
    defaults = _parameter_defaults(path, _source(cells[parameter_cells[0]]))
    blocks: list[Block] = []
    for index, cell in enumerate(cells):
        tags = _tags(cell)
        placeholder = next((t for t in tags if t in PLACEHOLDER_TAGS), None)
        if index == parameter_cells[0]:
            continue
        if placeholder is not None:
            blocks.append(Placeholder(index, placeholder))
        elif cell.get("cell_type") == "markdown":
            blocks.append(Markdown(index, _source(cell)))
        elif cell.get("cell_type") == "code":
            blocks.extend(_show_calls(path, index, _source(cell), set(defaults)))
    return Template(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        parameters=defaults,
        blocks=tuple(blocks),
    )


def check_parameters(template: Template, parameters: dict[str, Any]) -> None:
    """Refuse parameters the template does not declare (a typo would silently do nothing)."""
    unknown = sorted(set(parameters) - set(template.parameters))
    if unknown:
        raise _fail(
            template.path, "production.template.unknown_parameters", names=", ".join(unknown)
        )
