"""A participant's server compiles Voilà's page template once, not at every page."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from jinja2 import Environment, FileSystemLoader
from nbconvert import HTMLExporter, TemplateExporter
from nbconvert.exporters import templateexporter

from parler_kit import page_templates
from parler_kit.page_templates import SERVER_CACHE, SharedCompiledTemplates


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The server extension loaded (on a copy of nbconvert's list); the names Jinja compiles."""
    monkeypatch.setattr(
        templateexporter, "JINJA_EXTENSIONS", list(templateexporter.JINJA_EXTENSIONS)
    )
    server = SimpleNamespace(log=logging.getLogger("test-server"))
    page_templates._load_jupyter_server_extension(server)
    SERVER_CACHE.clear()
    names: list[str] = []
    compile_source = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: object) -> object:
        names.append(name or "")
        return compile_source(self, source, name, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(Environment, "compile", counting)
    yield names
    SERVER_CACHE.clear()


#: A notebook of one markdown and one code cell (nbformat's dict form).
NOTEBOOK = {
    "nbformat": 4, "nbformat_minor": 5, "metadata": {},
    "cells": [
        {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Carnet\n\nBonjour"},
        {"cell_type": "code", "id": "c", "metadata": {}, "source": "1 + 1", "outputs": [],
         "execution_count": None},
    ],
}  # fmt: skip


def _render(exporter: type[TemplateExporter], **options: str) -> str:
    """The page a new exporter of `exporter`'s class makes of `NOTEBOOK` (Voilà makes one per page)."""
    notebook = nbformat.from_dict(NOTEBOOK)  # type: ignore[no-untyped-call]  # nbformat is untyped
    page: str = exporter(**options).from_notebook_node(notebook)[0]
    return page


def test_a_second_page_compiles_no_template_and_renders_the_same(compiled: list[str]) -> None:
    """Each page has a new exporter (as in Voilà); only the first compiles its templates."""
    first = _render(HTMLExporter)
    assert compiled, "the first page compiles its templates"
    compiled.clear()
    second = _render(HTMLExporter)
    assert compiled == []
    assert second == first


def test_an_edited_template_is_compiled_again(compiled: list[str], tmp_path: Path) -> None:
    """The cache holds code for a template's source: a changed file is compiled and shown."""
    template = tmp_path / "page.html.j2"
    template.write_text("avant {{ nb.cells | length }}", "utf-8")
    assert _render(TemplateExporter, template_file=str(template)) == "avant 2"
    template.write_text("après {{ nb.cells | length }}", "utf-8")
    compiled.clear()
    assert _render(TemplateExporter, template_file=str(template)) == "après 2"
    assert compiled == [template.name]


def test_environments_that_compile_differently_do_not_share_code(
    compiled: list[str], tmp_path: Path
) -> None:
    """Code compiled for an asynchronous environment is not given to a synchronous one."""
    (tmp_path / "t.j2").write_text("{% for i in range(3) %}{{ i }}{% endfor %}", "utf-8")
    sync, asynchronous = (
        Environment(loader=FileSystemLoader(tmp_path), extensions=[SharedCompiledTemplates],
                    enable_async=is_async)
        for is_async in (False, True)
    )  # fmt: skip
    assert sync.get_template("t.j2").render() == "012"
    # An async environment's render() runs its own event loop: on a thread of its own, since
    # another test (Playwright's) may have left one running on this thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        assert thread.submit(asynchronous.get_template("t.j2").render).result() == "012"
    assert compiled == ["t.j2", "t.j2"]


def test_the_extension_is_added_once_to_nbconvert_environments(compiled: list[str]) -> None:
    """Loading it again (a second server extension load) adds nothing more."""
    page_templates._load_jupyter_server_extension(SimpleNamespace(log=logging.getLogger("x")))
    assert templateexporter.JINJA_EXTENSIONS.count(page_templates.EXTENSION_NAME) == 1
    exporter = HTMLExporter()  # type: ignore[no-untyped-call]  # nbconvert ships no types
    assert exporter.environment.bytecode_cache is SERVER_CACHE
