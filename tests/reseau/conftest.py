"""Two session folders for the network bilan: the example session and a held-apart one.

The example folder is the kit's examples (roster, session, presence) with the demonstration's
simulated answers and a returned fiche action follow-up. The held-apart folder
(``tests/data/reseau/session-vaulx``: another Cité éducative, six fictional people, its own
presence file) gets simulated answers too, and its last participant — absent from the simulated
à froid — returns the à froid as a filled PDF form.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from parler_kit.content import ContentBank, load_bank
from parler_kit.report.aggregate import action_sheets
from parler_kit.report.inputs import load_answers
from parler_kit.report.simulate import simulate_answers
from parler_kit.roster import load_roster, load_session
from parler_kit.suivi import write_plan_form
from parler_kit.suivi.a_froid import a_froid_html
from parler_kit.suivi.fields import write_form

ROOT = Path(__file__).resolve().parents[2]
HELD_APART = ROOT / "tests" / "data" / "reseau" / "session-vaulx"


def _fill(form: Path, values: dict[str, str], out: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(form))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    with out.open("wb") as handle:
        writer.write(handle)


def _session_folder(source: Path, folder: Path, bank: ContentBank) -> Path:
    folder.mkdir(parents=True)
    for name in ("session.yaml", "roster.csv", "presence.csv"):
        shutil.copy2(source / name, folder / name)
    roster, session = load_roster(folder / "roster.csv"), load_session(folder / "session.yaml")
    simulate_answers(bank, roster, session, folder / "answers")
    return folder


@pytest.fixture(scope="session")
def bank() -> ContentBank:
    """The kit's content bank."""
    return load_bank()


@pytest.fixture(scope="session")
def session_folders(tmp_path_factory: pytest.TempPathFactory, bank: ContentBank) -> list[Path]:
    """The example session's folder and the held-apart session's folder."""
    base = tmp_path_factory.mktemp("reseau")
    example = _session_folder(ROOT / "examples", base / "st-etienne", bank)
    roster = load_roster(example / "roster.csv")
    session = load_session(example / "session.yaml")
    sheets = action_sheets(load_answers(example / "answers", roster, session).files)
    (form, _) = write_plan_form(session, sheets, 3, base / "envoi-plan")
    _fill(form, {"action-1:statut": "en-cours"}, example / "answers" / form.name)

    held = _session_folder(HELD_APART, base / "vaulx", bank)
    roster = load_roster(held / "roster.csv")
    session = load_session(held / "session.yaml")
    last = roster.participants[-1]
    form = write_form(a_froid_html(bank, last, session), base / "envoi" / "a-froid.pdf", [])
    _fill(form, {"eval-froid-changement": "5", "eval-froid-techniques:nommer": "/on"},
          held / "answers" / "a-froid-retour.pdf")  # fmt: skip
    return [example, held]
