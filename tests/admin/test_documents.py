"""Attendance sheets, certificates and blank evaluation forms, read back from the PDF text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parler_kit.admin import (
    LearningOutcome,
    write_attestations,
    write_emargements,
    write_evaluations,
)
from parler_kit.content import load_bank
from parler_kit.roster import Roster, Session

PdfText = Callable[[Path], str]


def test_one_attendance_sheet_per_half_day_with_names_french_date_and_hours(
    roster: Roster, session: Session, tmp_path: Path, pdf_text: PdfText
) -> None:
    """Each sheet names the half-day in French, its hours, every participant and each trainer."""
    paths = write_emargements(roster, session, tmp_path)
    assert [p.name for p in paths] == [
        "emargement-2026-03-02-matin.pdf",
        "emargement-2026-03-03-apres-midi.pdf",
    ]
    morning, afternoon = (pdf_text(p) for p in paths)
    assert "Feuille d'émargement" in morning
    assert "lundi 2 mars 2026, matin" in morning and "de 9 h 00 à 12 h 30 (3 h 30)" in morning
    assert "mardi 3 mars 2026, après-midi" in afternoon and "de 13 h 30 à 17 h 00" in afternoon
    # sorted by last name, accents aside: Étienne, Martin, N'Diaye
    assert (
        morning.index("ÉTIENNE Zoé") < morning.index("MARTIN Lucas") < morning.index("N'DIAYE Awa")
    )
    assert "Relais <b>petite</b> enfance" in morning  # markup in a field is printed, not applied
    assert "Claire Essai" in morning and "Karim Test" in morning
    assert "page 1 / 1" in morning


def test_certificate_states_objectives_nature_duration_dates_place_and_results(
    roster: Roster, session: Session, tmp_path: Path, pdf_text: PdfText
) -> None:
    """With results, the outcome is written; a participant without answers is said to have none."""
    outcomes = {"p001": LearningOutcome(17, 20, quiz_entry=(4, 10), quiz_end=(9, 10))}
    paths = write_attestations(roster, session, tmp_path, outcomes)
    assert sorted(p.name for p in paths) == [
        "attestation-p001.pdf",
        "attestation-p002.pdf",
        "attestation-p003.pdf",
    ]
    zoe = pdf_text(tmp_path / "attestation-p001.pdf")
    assert "Attestation de fin de formation" in zoe and "L6353-1" in zoe
    assert "Zoé ÉTIENNE" in zoe and "Organisme Essai Formation atteste que" in zoe
    assert "Connaître les étapes du développement du langage de 0 à 6 ans." in zoe
    assert "Action de formation" in zoe and "7 heures, en 2 demi-journées" in zoe
    assert "lundi 2 mars 2026 et mardi 3 mars 2026" in zoe
    assert "Centre social des Essais, 3 place de l'Essai, 42100 Saint-Étienne" in zoe
    assert "17 points sur 20 (85 %)" in zoe
    assert (
        "4 bonne(s) réponse(s) sur 10 à l'entrée" in zoe
        and "9 bonne(s) réponse(s) sur 10 en fin" in zoe
    )
    assert "Fait à Saint-Étienne, le" in zoe and "signature et cachet" in zoe
    awa = pdf_text(tmp_path / "attestation-p002.pdf")
    assert "Aucune réponse notée n'a été rendue" in awa and "points sur" not in awa


def test_certificate_without_results_leaves_the_assessment_to_fill_in(
    roster: Roster, session: Session, tmp_path: Path, pdf_text: PdfText
) -> None:
    """No invented result: without --results the section asks the training team to complete it."""
    path = write_attestations(roster, session, tmp_path)[0]
    text = pdf_text(path)
    assert "Résultats de l'évaluation des acquis À compléter par l'équipe de formation" in text
    assert "points sur" not in text and "Aucune réponse" not in text


def test_blank_evaluation_forms_ask_the_bank_questions(
    session: Session, tmp_path: Path, pdf_text: PdfText
) -> None:
    """The paper forms hold every question of the bank's à chaud and à froid forms, unfilled."""
    bank = load_bank()
    chaud, froid = write_evaluations(bank, session, tmp_path)
    for path, form in ((chaud, "chaud"), (froid, "froid")):
        text = pdf_text(path)
        assert f"Évaluation à {form} de la formation" in text
        questions = [q for q in bank.evaluation_questions if q.form == form]
        assert questions
        for question in questions:
            assert " ".join(question.text.fr.split()[:4]) in text
        assert "☒" not in text  # blank: no box ticked
