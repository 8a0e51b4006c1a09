"""The demonstration bilan (simulated answers of the example roster) as an organiser reads it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from parler_kit.content import ContentBank
from parler_kit.report import build_bilan, load_answers, write_bilan
from parler_kit.report.bilan import Bilan
from parler_kit.report.simulate import latest_answer_day, simulate_answers
from parler_kit.roster import load_roster, load_session
from pdf_tags import figure_alts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def demo_pdf(bank: ContentBank, tmp_path_factory: pytest.TempPathFactory) -> tuple[Bilan, Path]:
    """The bilan of `make demo` (12 fictional participants, simulated answers) and its PDF."""
    folder = tmp_path_factory.mktemp("demo")
    roster = load_roster(EXAMPLES / "roster.csv")
    session = load_session(EXAMPLES / "session.yaml")
    simulate_answers(bank, roster, session, folder / "answers")
    inputs = load_answers(folder / "answers", roster, session)
    made_on = latest_answer_day(inputs)  # as `report --demo` dates it
    bilan = build_bilan(bank, session, roster, inputs, demo=True, made_on=made_on)
    return bilan, write_bilan(bilan, bank, folder / "bilan.pdf")


@pytest.fixture(scope="module")
def demo(demo_pdf: tuple[Bilan, Path], pdf_text: Callable[[Path], str]) -> tuple[Bilan, str]:
    """The demonstration bilan and its text."""
    bilan, path = demo_pdf
    return bilan, " ".join(pdf_text(path).split())


def test_every_chart_has_an_alternative_text_and_the_pdf_an_author(
    demo_pdf: tuple[Bilan, Path],
) -> None:
    """Each /Figure of the tagged PDF carries /Alt with the chart's values; /Author is set."""
    path = demo_pdf[1]
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo["/Author"]) == "Association Premiers Pas Loire"
    figures = [a.replace("\u202f", " ").replace("\u00a0", " ") for a in figure_alts(path)]
    assert len(figures) == 2, figures
    assert any(alt.startswith("Graphique : part de bonnes réponses") for alt in figures)
    assert all("%" in alt for alt in figures)


def test_the_demo_annexes_its_group_s_own_fiche_action_and_is_dated_when_simulated(
    demo: tuple[Bilan, str],
) -> None:
    """The annexe is the simulated group's sheet (its place, headcount), not the template's."""
    bilan, text = demo
    assert "Les 12 professionnels formés" in text and "Montreynaud" in text.split("Annexe")[-1]
    assert "former 20 professionnels" not in text
    assert "Date simulée" in text and bilan.follow_up_due and "à venir" not in text


def test_comments_fit_their_question_and_are_never_repeated(demo: tuple[Bilan, str]) -> None:
    """Praise under « le plus apprécié », wishes under « amélioré »; no sentence twice; no videos."""
    bilan, text = demo
    liked = [c.text for c in bilan.comments["eval-chaud-points-forts"]]
    wishes = [c.text for c in bilan.comments["eval-chaud-ameliorations"]]
    assert liked and wishes
    criticism = re.compile(r"aurais aimé|rapide|plus de |trop|manqu", re.IGNORECASE)
    assert not [c for c in liked if criticism.search(c)], liked
    every = [c.text for texts in bilan.comments.values() for c in texts]
    assert len(every) == len(set(every)), every
    assert "vidéo" not in text.lower()


def test_technique_judgements_discriminate(demo: tuple[Bilan, str]) -> None:
    """The techniques do not all get the same reading: some mastered, some to rework."""
    statuses = {result.status for result in demo[0].techniques}
    assert {"mastered", "to_rework"} <= statuses, statuses


def test_thresholds_and_people_are_printed(demo: tuple[Bilan, str]) -> None:
    """The 50 % and 75 % lines are named under the chart; shares rest on people, not answers."""
    text = demo[1]
    assert re.search(r"sous 50\s%\s: à retravailler", text)
    assert re.search(r"à partir de 75\s%\s: maîtrisée par le groupe", text)
    assert "(12 personnes)" in text and "n = 60" not in text
