"""The files the kit ships are package data, and the room's proxy is found without a fixed path."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

from parler_kit import paths

REPO = Path(__file__).resolve().parents[1]


def test_shipped_files_are_the_repository_folders() -> None:
    """Package data resolves to the checkout's curriculum/, workbooks/ and nbgrader_templates/."""
    assert paths.CURRICULUM.resolve() == REPO / "curriculum"
    assert paths.WORKBOOK_TEMPLATE.resolve() == REPO / "workbooks" / "workbook.ipynb"
    assert paths.FOLLOW_UP_TEMPLATE.resolve() == REPO / "workbooks" / "evaluation_a_froid.ipynb"
    assert paths.FEEDBACK_TEMPLATES.resolve() == REPO / "nbgrader_templates"
    nbformat.read(paths.WORKBOOK_TEMPLATE, as_version=4)


def test_the_proxy_on_path_is_used_when_the_checkout_has_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without the checkout's node_modules, configurable-http-proxy is taken from PATH."""
    monkeypatch.setattr(paths, "_NODE_PROGRAMS", tmp_path / "node_modules" / ".bin")
    assert paths.proxy_command() == tmp_path / "node_modules" / ".bin" / paths.PROXY_PROGRAM
    program = tmp_path / "bin" / paths.PROXY_PROGRAM
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", "utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{program.parent}{os.pathsep}{os.environ['PATH']}")
    assert paths.proxy_command() == program


def test_the_checkout_proxy_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The version make installed from package-lock.json wins over another one on PATH."""
    pinned = tmp_path / "node_modules" / ".bin" / paths.PROXY_PROGRAM
    pinned.parent.mkdir(parents=True)
    pinned.write_text("#!/bin/sh\n", "utf-8")
    monkeypatch.setattr(paths, "_NODE_PROGRAMS", pinned.parent)
    assert paths.proxy_command() == pinned
