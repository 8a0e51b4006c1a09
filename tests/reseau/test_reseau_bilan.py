"""The network bilan: two sessions added up, no name, small counts suppressed, the BPF's figures."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from parler_kit.cli import main
from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import french_typography
from parler_kit.printing.typography import typeset_text
from parler_kit.reseau import network_bilan, network_html, session_bilan, suppressed
from parler_kit.roster import load_presence, load_roster, load_session
from pdf_tags import structure

HELD_APART = Path(__file__).resolve().parents[2] / "tests" / "data" / "reseau" / "session-vaulx"


def _reading_order(path: Path) -> str:
    """The PDF's text in reading order (pdftotext without -layout: a table's cells one by one)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def network_pdf(session_folders: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`parler-kit reseau bilan` over both folders."""
    out = tmp_path_factory.mktemp("sortie") / "reseau.pdf"
    result = CliRunner().invoke(
        main, ["reseau", "bilan", *map(str, session_folders), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_both_sessions_are_added_up(bank: ContentBank, session_folders: list[Path]) -> None:
    """Trainees, trainee-hours (the bilans'), à froid respondents: the sum of the two sessions."""
    bilans = [session_bilan(bank, folder) for folder in session_folders]
    network = network_bilan(bank, bilans)
    rosters = [load_roster(f / "roster.csv") for f in session_folders]
    assert network.trainees == sum(len(r.participants) for r in rosters) == 18
    # The hours are each session bilan's own (never recomputed here) …
    assert network.trainee_hours == sum(h for b in bilans for _, _, h in b.communes)
    # … which, for the held-apart session (present or absent, nobody late), are the presence file's.
    held, roster = session_folders[1], rosters[1]
    presence = load_presence(held / "presence.csv", roster, load_session(held / "session.yaml"))
    held_hours = sum(presence.hours(p.id) for p in roster.participants)
    assert sum(h for _, _, h in bilans[1].communes) == pytest.approx(held_hours) == 109.5
    vaulx = load_session(session_folders[1] / "session.yaml").cite_educative
    # Five simulated à froid answers, and the sixth returned as a PDF form.
    assert (network.a_froid[vaulx].right, network.a_froid[vaulx].total) == (6.0, 6.0)
    assert network.hours_attended
    # Each session's group wrote a fiche action; only the example's came back at 3 months.
    example = load_session(session_folders[0] / "session.yaml").cite_educative
    assert [(a.territory, a.latest) for a in network.actions] == [
        (example, "en-cours"),
        (vaulx, None),
    ]


def test_the_pdf_has_the_bpf_headings_and_figures(
    network_pdf: Path, session_folders: list[Path], bank: ContentBank,
    pdf_text: Callable[[Path], str],
) -> None:  # fmt: skip
    """The BPF's own headings (cadre F-1) with the total trainees and trainee-hours."""
    text = _reading_order(network_pdf)
    network = network_bilan(bank, [session_bilan(bank, f) for f in session_folders])
    for heading in ("F-1. Type de stagiaires de l’organisme", "Nombre de stagiaires ou d’apprentis",
                    "Nombre total d’heures de formation suivies par les stagiaires et les apprentis",
                    "a. Salariés d’employeurs privés hors apprentis", "e. Autres stagiaires"):  # fmt: skip
        assert heading in text
    hours = f"{network.trainee_hours:.1f}".replace(".", ",").removesuffix(",0")
    assert f"Total (F-1) 18 {hours}" in pdf_text(network_pdf)  # one line of the table


def test_no_name_anywhere(
    network_pdf: Path, pdf_text: Callable[[Path], str], session_folders: list[Path]
) -> None:
    """No participant's, trainer's or coordinator's name from either session is printed."""
    text = pdf_text(network_pdf)
    for folder in session_folders:
        session = load_session(folder / "session.yaml")
        for person in load_roster(folder / "roster.csv").participants:
            assert person.last_name not in text and person.full_name not in text
        for trainer in session.trainers:
            assert trainer.split(",")[0] not in text
        assert session.coordinator.split(",")[0] not in text


def test_counts_under_five_are_suppressed(
    bank: ContentBank, session_folders: list[Path], network_pdf: Path,
    pdf_text: Callable[[Path], str],
) -> None:  # fmt: skip
    """A cell of fewer than 5 people prints « moins de 5 » (the bilan's threshold), never the count."""
    assert [suppressed(n) for n in (0, 1, 4, 5)] == [False, True, True, False]
    network = network_bilan(bank, [session_bilan(bank, f) for f in session_folders])
    vaulx = load_session(session_folders[1] / "session.yaml").cite_educative
    assert network.trained[(vaulx, "laep")] == 1  # one LAEP accueillante in the held-apart roster
    html = network_html(network, bank)
    label = typeset_text(french_typography(bank.role("laep").label.fr))
    row = html.split(label, 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r'<td class="pk-num">([^<]*)</td>', row)
    assert len(cells) == 3 and "moins de 5" in cells[1] and "1" not in cells[1]
    assert "moins de 5" in pdf_text(network_pdf)


def test_the_network_pdf_is_a_tagged_french_document(network_pdf: Path) -> None:
    """The network bilan passes the kit's document checks (/Lang fr, structure tree, every page)."""
    assert structure(network_pdf)[0] == []


def test_a_folder_without_session_file_is_named(tmp_path: Path, bank: ContentBank) -> None:
    """A folder that is not a session folder is refused in French, naming it."""
    with pytest.raises(ParlerKitError, match="n'est pas un dossier de session"):
        session_bilan(bank, tmp_path)


def test_one_chart_per_figure_and_no_small_count_drawn(
    bank: ContentBank, session_folders: list[Path]
) -> None:
    """Nine figures, nine charts; a profession with fewer than 5 people trained is drawn in none."""
    network = network_bilan(bank, [session_bilan(bank, f) for f in session_folders])
    assert network.by_role()["laep"] == 4  # 3 + 1 LAEP accueillantes: under the threshold
    html = network_html(network, bank)
    charts = re.findall(r'<figure class="pk-chart">(.*?)</figure>', html, re.DOTALL)
    assert len(charts) == 9
    assert all(chart.lstrip().startswith("<svg") for chart in charts)
    assert "(LAEP)" in html.split("<figure", 1)[0]  # in the table, as « moins de 5 »
    assert not any("(LAEP)" in chart for chart in charts)


def test_someone_absent_from_every_half_day_is_not_a_trainee(
    bank: ContentBank, tmp_path: Path
) -> None:
    """A participant absent all days counts in no trainee figure; present one half-day, they do."""
    folder = tmp_path / "vaulx-absent"
    folder.mkdir()
    for name in ("session.yaml", "roster.csv"):
        shutil.copy2(HELD_APART / name, folder / name)
    rows = (HELD_APART / "presence.csv").read_text("utf-8").splitlines()
    # Théo Pasquier (responsable RPE) is absent from all six half-days; Brigitte Guerin from two.
    rows = [";".join(["Pasquier", "Théo", *["A"] * 6]) if r.startswith("Pasquier;") else r
            for r in rows]  # fmt: skip
    (folder / "presence.csv").write_text("\n".join(rows) + "\n", "utf-8")
    roster = load_roster(folder / "roster.csv")
    absent = next(p for p in roster.participants if p.last_name == "Pasquier")
    bilan = session_bilan(bank, folder)
    network = network_bilan(bank, [bilan])
    assert absent not in bilan.trainees and len(bilan.trainees) == 5
    assert network.trainees == 5  # the BPF's « nombre de stagiaires »: six enrolled, five trained
    assert network.by_role()[absent.role] == sum(
        1 for p in roster.participants if p.role == absent.role and p is not absent
    )
    place = bilan.session.cite_educative
    assert (network.a_froid[place].total, network.a_froid[place].n) == (5.0, 5)
    # The hours stay the presence file's, where the absent person has none.
    presence = load_presence(folder / "presence.csv", roster, bilan.session)
    assert presence.hours(absent.id) == 0
    assert network.trainee_hours == pytest.approx(
        sum(presence.hours(p.id) for p in roster.participants)
    )
    html = network_html(network, bank)
    assert 'Total (F-1)</th><th class="pk-num">5</th>' in html
