"""Fixtures for the follow-up forms: the example roster's à froid forms, and a viewer's filling.

The forms are written once per test session (twelve WeasyPrint PDFs take about half a minute);
tests copy the ones they fill, so the produced forms stay as sent.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from parler_kit.content import ContentBank, load_bank
from parler_kit.roster import Roster, Session, load_roster, load_session
from parler_kit.suivi import write_a_froid

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

Fill = Callable[[Path, dict[str, str], Path], Path]


@pytest.fixture(scope="session")
def bank() -> ContentBank:
    """The kit's content bank."""
    return load_bank()


@pytest.fixture(scope="session")
def roster() -> Roster:
    """The example roster (twelve fictional participants)."""
    return load_roster(EXAMPLES / "roster.csv")


@pytest.fixture(scope="session")
def session() -> Session:
    """The example session."""
    return load_session(EXAMPLES / "session.yaml")


@pytest.fixture(scope="session")
def sent_forms(
    tmp_path_factory: pytest.TempPathFactory, bank: ContentBank, roster: Roster, session: Session
) -> Path:
    """The folder `parler-kit suivi a-froid` writes for the example roster."""
    out = tmp_path_factory.mktemp("a-froid") / "envoi"
    write_a_froid(bank, roster, session, out)
    return out


def fill_like_a_viewer(form: Path, values: dict[str, str], out: Path) -> Path:
    """Fill `form`'s fields with `values` and save it at `out`, as a PDF viewer saves a form.

    Text and list fields get the text typed or the option chosen; a checkbox gets its « on »
    state (``/on``). The appearance is left for the reader to draw (``NeedAppearances``), as
    browsers' viewers do.
    """
    writer = PdfWriter(clone_from=PdfReader(form))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer.write(handle)
    return out


@pytest.fixture
def fill() -> Fill:
    """`fill_like_a_viewer`."""
    return fill_like_a_viewer


@pytest.fixture
def copy() -> Callable[[Path, Path], Path]:
    """Copy a file into a folder (created), keeping its name."""

    def _copy(path: Path, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(path, folder / path.name))

    return _copy
