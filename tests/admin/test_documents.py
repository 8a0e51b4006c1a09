"""Attendance sheets, certificates, convocations and evaluation forms, read back from the PDFs."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from parler_kit.admin import (
    LearningOutcome,
    Score,
    attestation_html,
    convocation_html,
    emargement_html,
    write_attestations,
    write_convocations,
    write_emargements,
    write_evaluations,
    write_realisations,
)
from parler_kit.admin.convocation import programme
from parler_kit.content import load_bank
from parler_kit.errors import RosterError
from parler_kit.i18n import format_date
from parler_kit.printing import render_pdf
from parler_kit.roster import Presence, Roster, Session, load_presence, load_roster, load_session

Reading = Callable[[Path], str]


@pytest.fixture(scope="module")
def documents(
    tmp_path_factory: pytest.TempPathFactory,
    roster: Roster,
    full_session: Session,
    presence: Presence,
) -> dict[str, Path]:
    """One of each document, written once for the module (certificates with presence and results)."""
    out = tmp_path_factory.mktemp("documents")
    outcomes = {
        "p001": LearningOutcome(
            {"development": Score(17, 20, 10), "prevention": Score(4, 4, 4)}, action_sheet=True
        ),
        "p002": LearningOutcome({"development": Score(9, 20, 10), "prevention": Score(2, 2, 2)}),
    }
    attestations = write_attestations(roster, full_session, out, outcomes, presence=presence)
    realisations = write_realisations(roster, full_session, presence, out)
    zoe = roster.by_id("p001")
    return {
        "attestations": out,
        "attestation": attestations[0],
        "by_hand": render_pdf(attestation_html(zoe, full_session), out / "a-la-main.pdf"),
        "realisation": realisations[0],
        "convocation": render_pdf(
            convocation_html(zoe, full_session, dt.date(2026, 2, 1)), out / "convocation.pdf"
        ),
        "emargement": write_emargements(roster, full_session, out)[0],
    }


def _roster_of(count: int, tmp_path: Path) -> Roster:
    """`count` participants whose long names and structures take two lines on the sheet."""
    rows = "".join(
        f"p{n:03d};Bertrand-Ollier{n:02d};Jean-Noël;EJE;Relais petite enfance du Soleil {n}\n"
        for n in range(1, count + 1)
    )
    path = tmp_path / f"liste-{count}.csv"
    path.write_text(f"id;nom;prénom;profession;structure\n{rows}", "utf-8")
    return load_roster(path)


def _words(path: Path) -> list[tuple[str, float, float]]:
    """Every word of the PDF's first page with its left and top position, in millimetres."""
    html_text = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html_text)
    return [(html.unescape(w), float(x) * MM, float(y) * MM) for x, y, w in found]


MM = 25.4 / 72  # PDF points → millimetres


def test_attendance_sheet_fits_twelve_on_one_page_with_absence_lateness_headcount_and_funder(
    full_session: Session, tmp_path: Path, reading: Reading
) -> None:
    """12 participants (two-line rows) and the trainers on one page; the funder is mentioned."""
    morning = full_session.half_days[0]
    twelve = render_pdf(
        emargement_html(_roster_of(12, tmp_path), full_session, morning), tmp_path / "a.pdf"
    )
    thirteen = render_pdf(
        emargement_html(_roster_of(13, tmp_path), full_session, morning), tmp_path / "b.pdf"
    )
    assert len(pikepdf.open(twelve).pages) == 1
    assert len(pikepdf.open(thirteen).pages) == 2
    text = reading(twelve)
    assert "Absence" in text and "Retard" in text and "d'arrivée)" in text
    assert "Départ" in text and "anticipé" in text and "(heure de départ)" in text
    assert "atteste que ........ participants sur 12 inscrits étaient présents" in text
    assert "BERTRAND-OLLIER12 Jean-Noël" in text and "page 1 / 1" in text
    assert "de 9 h 00 à 12 h 30 (3 h 30)" in text
    assert "Action financée par la Cité éducative d'essai (État)." in text
    assert "(e)" not in text and "(s)" not in text


def test_signature_boxes_are_at_least_40_by_12_mm_and_no_name_is_broken(
    session: Session, tmp_path: Path
) -> None:
    """Measured on the PDF: the signature column ≥ 40 mm, rows ≥ 12 mm, « Jean-Noël » whole."""
    sheet = render_pdf(
        emargement_html(_roster_of(12, tmp_path), session, session.half_days[1]),
        tmp_path / "a.pdf",
    )
    words = _words(sheet)
    left: dict[str, float] = {}
    for word, x, _ in words:  # the participants' header, not the trainers' « Signature de … »
        left.setdefault(word, x)
    assert left["Absence"] - left["Signature"] >= 40
    numbers = sorted(y for w, x, y in words if w in {"1", "2", "3"} and x < 30)
    assert len(numbers) == 3 and min(b - a for a, b in itertools.pairwise(numbers)) >= 12
    assert [w for w, _, _ in words].count("Jean-Noël") == 12
    assert not any(w.endswith("-") for w, _, _ in words), [
        w for w, _, _ in words if w.endswith("-")
    ]
    assert "après-midi" in [w for w, _, _ in words]


def test_one_attendance_sheet_per_half_day_with_names_french_date_and_hours(
    roster: Roster, session: Session, documents: dict[str, Path], reading: Reading
) -> None:
    """Each sheet names the half-day in French, its hours, every participant and each trainer."""
    assert documents["emargement"].name == "emargement-2026-03-02-matin.pdf"
    morning = reading(documents["emargement"])
    assert "Feuille d'émargement — lundi 2 mars 2026, matin" in morning
    assert "Association Essai Formation" in morning
    # sorted by last name, accents aside: Étienne, Martin, N'Diaye
    assert (
        morning.index("ÉTIENNE Zoé") < morning.index("MARTIN Lucas") < morning.index("N'DIAYE Awa")
    )
    # markup in a field is printed, not applied (the narrow column may wrap it: spaces aside)
    assert "Relais<b>petite</b>enfance" in morning.replace(" ", "")
    assert "Claire Essai" in morning and "Karim Test" in morning


def test_certificate_states_the_hours_attended_half_day_by_half_day(
    documents: dict[str, Path], reading: Reading
) -> None:
    """Presence file: 3 h 30 + 3 h (30 min late) = 6 h 30 of 7 h; nobody absent throughout gets one."""
    zoe = reading(documents["attestation"])
    assert "Attestation de fin de formation" in zoe and "L6353-1" in zoe
    assert "Association Essai Formation atteste que Zoé ÉTIENNE" in zoe
    assert "7 h au total, en 2 demi-journées Heures suivies 6 h 30" in zoe
    assert "lundi 2 mars 2026, matin 9 h 00 – 12 h 30 3 h 30" in zoe
    assert (
        "mardi 3 mars 2026, après-midi 13 h 30 – 17 h 00 3 h (arrivée avec 30 min de retard)" in zoe
    )
    awa = reading(documents["attestations"] / "attestation-p002.pdf")
    assert "Heures suivies 3 h 30" in awa and "après-midi 13 h 30 – 17 h 00 absence" in awa
    assert not (documents["attestations"] / "attestation-p003.pdf").exists()


def test_certificate_says_an_early_departure_and_the_hours_it_leaves(
    roster: Roster, full_session: Session, tmp_path: Path, reading: Reading
) -> None:
    """Left at 16 h; arrived late and left early: each half-day's hours and words, and the total."""
    path = tmp_path / "presences.csv"
    path.write_text(
        "id;2026-03-02 matin;2026-03-03 après-midi\n"
        'p001;départ à 11 h 30;"arrivée à 14 h, départ à 16 h"\np002;P;P\np003;A;A\n',
        "utf-8",
    )
    presence = load_presence(path, roster, full_session)
    zoe = roster.by_id("p001")
    html_text = attestation_html(zoe, full_session, presence=presence)
    text = reading(render_pdf(html_text, tmp_path / "attestation.pdf"))
    assert "Heures suivies 4 h 30" in text  # 2 h 30 + 2 h
    assert "lundi 2 mars 2026, matin 9 h 00 – 12 h 30 2 h 30 (départ 60 min avant la fin)" in text
    assert (
        "mardi 3 mars 2026, après-midi 13 h 30 – 17 h 00 2 h (arrivée avec 30 min de retard,"
        " départ 60 min avant la fin)" in text
    )


def test_certificate_results_are_per_objective_without_the_positioning_score(
    documents: dict[str, Path], reading: Reading
) -> None:
    """Acquis / en cours d'acquisition / non évalué per objective, with how; never the entry quiz."""
    zoe = reading(documents["attestation"])
    assert "Observer sans poser de diagnostic. Non évalué Travaillé en formation" in zoe
    assert (
        "Comprendre les enjeux de la prévention précoce. Acquis Questions du quiz sur les enjeux"
        " de la prévention précoce : 100 % des points sur 4 exercices et questions notés" in zoe
    )
    assert (
        "0 à 6 ans. Acquis Questions du quiz sur le développement du langage : 85 % des points"
        " sur 10 exercices et questions notés (acquis à partir de 75 %)" in zoe
    )
    assert "Construire une fiche action pour le quartier. Acquis Fiche action rédigée" in zoe
    assert "bonne(s) réponse(s)" not in zoe and "l'entrée en formation" not in zoe
    awa = reading(documents["attestations"] / "attestation-p002.pdf")
    assert "En cours d'acquisition Questions du quiz sur le développement" in awa
    assert "45 % des points" in awa
    assert "précoce. Non évalué Questions du quiz sur les enjeux" in awa
    assert "2 exercices ou questions rendus, trop peu pour évaluer (au moins 3)" in awa
    assert "Non évalué Fiche action non rendue" in awa


def test_certificate_without_results_leaves_them_to_tick_by_hand(
    documents: dict[str, Path], reading: Reading
) -> None:
    """No invented result, no invented hours: boxes to tick and hours from the signed sheets."""
    text = reading(documents["by_hand"])
    assert "☐ Acquis ☐ En cours d'acquisition ☐ Non acquis ☐ Non évalué" in text
    assert "selon les feuilles d'émargement : ........ h" in text
    assert "points" not in text and "Heures suivies 7 h" not in text


def test_organisme_identity_and_funder_are_printed(
    documents: dict[str, Path], reading: Reading
) -> None:
    """Raison sociale, address, SIRET, NDA, the logo, the representative and the funder's mention."""
    for name in ("attestation", "realisation", "convocation"):
        text = reading(documents[name])
        assert "Association Essai Formation 5 place Fictive, 42000 Saint-Étienne" in text
        assert "SIRET 999 999 999 00017" in text and "sous le numéro 84 42 99999 42" in text
        assert "Action financée par la Cité éducative d'essai (État)." in text
    assert "Odile Marchand, présidente" in reading(documents["attestation"])
    with pikepdf.open(
        documents["attestation"]
    ) as pdf:  # the logo is drawn, with its text equivalent
        alternatives = [
            str(o.Alt) for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o
        ]
    assert alternatives == ["Logo de Association Essai Formation"]


def test_certificat_de_realisation_follows_the_ministry_model_with_hours_attended(
    documents: dict[str, Path], reading: Reading
) -> None:
    """Representative, participant, action, nature L6313-1 ticked, dates, hours actually attended."""
    text = reading(documents["realisation"])
    assert documents["realisation"].name == "certificat-realisation-p001.pdf"
    assert "Certificat de réalisation" in text
    assert (
        "Le dispensateur de l'action concourant au développement des compétences Association Essai"
        " Formation, représenté par Odile Marchand, présidente, atteste que :" in text
    )
    assert "Zoé ÉTIENNE, structure : Domicile – Montreynaud" in text
    assert "a suivi l'action Parler avec les tout-petits (session d'essai)" in text
    assert "L6313-1" in text and "☒ action de formation ☐ bilan de compétences" in text
    assert "qui s'est déroulée du 2 mars 2026 au 3 mars 2026" in text
    assert "pour une durée de 6 h 30 (durée prévue de l'action : 7 h)" in text
    assert "pendant une durée de 3 ans" in text and "Cachet et signature" in text


def test_convocation_holds_the_qualiopi_indicator_one_information(
    documents: dict[str, Path], reading: Reading
) -> None:
    """Indicator 1 and L6353-8: every item, the date of issue, the programme."""
    text = reading(documents["convocation"])
    assert "Convocation à la formation" in text and "Zoé ÉTIENNE" in text
    for label in ("Dates", "Durée", "Lieu", "Public", "Prérequis", "Accessibilité", "Contact"):
        assert label in text
    assert "Méthodes pédagogiques Apports illustrés d'exemples" in text
    assert "Tarif et financement Action financée par la Cité éducative d'essai (État)." in text
    assert (
        "Règlement intérieur Le règlement intérieur de l'organisme de formation s'applique pendant"
        " la formation : annexé à cette convocation et affiché dans la salle." in text
    )
    assert "Modalités d'évaluation • Un questionnaire de positionnement au début" in text
    assert (
        "• Connaître les étapes du développement du langage de 0 à 6 ans. — Questions du quiz sur"
        " le développement du langage" in text
    )
    assert "Fait à Saint-Étienne, le 1ᵉʳ février 2026." in text
    assert "lundi 2 mars 2026 et mardi 3 mars 2026" in text and "7 h au total" in text
    assert "Salle de plain-pied, accessible en fauteuil roulant." in text
    assert "Sinem Exemple, 04 00 00 00 00" in text
    assert "Connaître les étapes du développement du langage de 0 à 6 ans." in text
    assert "Programme" in text and "matin : 9 h 00 – 12 h 30" in text
    assert (
        "Converser avec le tout-petit" not in text
    )  # a two-day session: the split is not the kit's


def test_the_programme_of_a_three_day_session_gives_each_day_its_themes() -> None:
    """The example session's three days carry the course plan's day 1, 2 and 3 labels in order."""
    days = programme(
        load_session(Path(__file__).resolve().parents[2] / "examples" / "session.yaml")
    )
    assert [len(half_days) for _, half_days, _ in days] == [2, 2, 2]
    assert [theme for _, _, theme in days] == [
        "Pourquoi agir tôt ; comment le langage se construit",
        "Converser avec le tout-petit",
        "Observer, puis agir ensemble",
    ]  # the course plan's labels (course_plan.yaml), the one source of the day labels


def test_a_document_missing_an_organisme_field_names_it_and_writes_nothing(
    roster: Roster, session: Session, presence: Presence, tmp_path: Path
) -> None:
    """Certificat de réalisation and convocation refuse a session file without what they print."""
    with pytest.raises(RosterError) as caught:
        write_realisations(roster, session, presence, tmp_path)
    message = str(caught.value)
    for field in ("adresse", "siret", "nda", "representant.nom", "representant.qualite"):
        assert f"organisme_formation.{field}" in message
    assert "Certificat de réalisation" in message and "raison_sociale" not in message
    with pytest.raises(RosterError) as refused:
        write_convocations(roster, session, tmp_path)
    for field in ("accessibilite", "reglement_interieur", "tarif"):  # L6353-8, indicator 1
        assert f"« {field} »" in str(refused.value).replace("\u00a0", " ")
    assert list(tmp_path.iterdir()) == []


def test_every_administrative_pdf_is_tagged_and_declares_french(documents: dict[str, Path]) -> None:
    """Structure tree, marked content and /Lang fr on sheets, certificates and convocations."""
    for name in ("emargement", "attestation", "by_hand", "realisation", "convocation"):
        with pikepdf.open(documents[name]) as pdf:
            assert str(pdf.Root.get("/Lang")) == "fr", name
            assert "/StructTreeRoot" in pdf.Root, name
            assert bool(pdf.Root.MarkInfo.Marked), name


def test_blank_evaluation_forms_ask_the_bank_questions(
    session: Session, tmp_path: Path, reading: Reading
) -> None:
    """The paper forms hold every question of the bank's à chaud and à froid forms, unfilled."""
    bank = load_bank()
    chaud, froid = write_evaluations(bank, session, tmp_path)
    for path, form in ((chaud, "chaud"), (froid, "froid")):
        text = reading(path)
        assert f"Évaluation à {form} de la formation" in text
        questions = [q for q in bank.evaluation_questions if q.form == form]
        assert questions
        for question in questions:
            assert " ".join(question.text.fr.replace("\u2019", "'").split()[:4]) in text
        assert "☒" not in text  # blank: no box ticked


def test_documents_are_dated_signed_by_region_neutral_and_authored(
    documents: dict[str, Path], reading: Reading
) -> None:
    """« Fait à …, le <date> » filled; NDA with its region; no « (e) »; /Author is the organisme."""
    today = format_date(dt.date.today()).replace("1er ", "1ᵉʳ ")
    for name in ("attestation", "realisation"):
        text = reading(documents[name])
        assert f"Fait à Saint-Étienne, le {today}" in text, name
        assert "auprès du préfet de la région Auvergne-Rhône-Alpes" in text
        assert "(e)" not in text and "(s)" not in text, name
        with pikepdf.open(documents[name]) as pdf:
            assert str(pdf.docinfo["/Author"]) == "Association Essai Formation"
    realisation = reading(documents["realisation"])
    assert "Association Essai Formation, représenté par Odile Marchand, présidente, atteste" in (
        realisation
    )
