"""The à froid by e-mail: fillable forms and drafts for the roster, filled like a viewer, in the bilan."""

from __future__ import annotations

import email
import email.policy
import hashlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from parler_kit.answers import StoredAnswer
from parler_kit.answers.fileformat import dump
from parler_kit.content import ContentBank
from parler_kit.errors import ParlerKitError
from parler_kit.printing import document_html, render_pdf
from parler_kit.report import bilan_html, build_bilan, load_answers
from parler_kit.roster import Roster, Session
from parler_kit.suivi import write_a_froid
from pdf_tags import structure

#: `fill_like_a_viewer` (conftest): form, values, where to save.
Fill = Callable[[Path, dict[str, str], Path], Path]

TECHNIQUES, CHANGE, OBSERVATION, BRAKES = (
    "eval-froid-techniques",
    "eval-froid-changement",
    "eval-froid-observation",
    "eval-froid-freins",
)


def _form(folder: Path, roster: Roster, index: int) -> Path:
    return folder / f"a-froid-{roster.participants[index].id}.pdf"


def _answers(roster: Roster, session: Session, folder: Path) -> list[str]:
    found = load_answers(folder, roster, session)
    return [f"{left.path.name}: {left.reason}" for left in found.left_out]


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_form_and_a_draft_email_for_every_participant(sent_forms: Path, roster: Roster) -> None:
    """Each participant gets a PDF and an .eml in French, the PDF attached, To: the roster's e-mail."""
    for participant in roster.participants:
        pdf = sent_forms / f"a-froid-{participant.id}.pdf"
        message = email.message_from_bytes(
            pdf.with_suffix(".eml").read_bytes(), policy=email.policy.default
        )
        assert message["To"] == participant.email  # None when the roster has no e-mail
        assert "Évaluation à froid" in str(message["Subject"])
        body = message.get_body(("plain",))
        assert body is not None and f"Bonjour {participant.first_name}," in body.get_content()
        attachments = list(message.iter_attachments())
        assert [a.get_filename() for a in attachments] == [pdf.name]
        assert attachments[0].get_content() == pdf.read_bytes()
    assert any(p.email is None for p in roster.participants)  # the case without To: is covered


def test_the_form_is_an_acroform_prefilled_with_person_and_session(
    sent_forms: Path, roster: Roster, session: Session
) -> None:
    """The person and session fields carry their values and are read-only; answers are empty."""
    participant = roster.participants[3]
    fields = PdfReader(_form(sent_forms, roster, 3)).get_fields() or {}
    assert fields["pk-nom"]["/V"] == participant.full_name
    assert fields["pk-participant"]["/V"] == participant.id
    assert fields["pk-session"]["/V"] == session.id
    for name in ("pk-nom", "pk-participant", "pk-session", "pk-formulaire"):
        assert int(fields[name].get("/Ff", 0)) & 1, f"{name} is not read-only"
    assert fields[CHANGE]["/FT"] == "/Ch" and fields[CHANGE].get("/V") in ("", None)
    assert fields[f"{TECHNIQUES}:nommer"]["/FT"] == "/Btn"
    assert fields[BRAKES]["/FT"] == "/Tx" and int(fields[BRAKES]["/Ff"]) & 4096  # multiline
    # Also printed as text: a viewer that draws no field appearance still shows whose form it is.
    first_page = PdfReader(_form(sent_forms, roster, 3)).pages[0].extract_text()
    assert f"Formulaire de {participant.full_name}" in " ".join(first_page.split())


def test_the_forms_are_tagged_french_documents(sent_forms: Path, roster: Roster) -> None:
    """The forms pass the kit's document checks: /Lang fr, structure tree, each field a Form element."""
    problems, types = structure(_form(sent_forms, roster, 0))
    assert problems == []
    with pikepdf.open(_form(sent_forms, roster, 0)) as pdf:
        fields = len(pdf.Root.AcroForm.Fields)
    assert types["Form"] == fields


def test_three_filled_forms_are_found_in_the_bilan(
    sent_forms: Path, bank: ContentBank, roster: Roster, session: Session, fill: Fill,
    tmp_path: Path,
) -> None:  # fmt: skip
    """Three forms filled in a viewer (one with a question left empty) count in the à froid section."""
    returned = tmp_path / "reponses"
    name = roster.participants[5].first_name
    fill(_form(sent_forms, roster, 0), {f"{TECHNIQUES}:nommer": "/on", f"{TECHNIQUES}:expansion": "/on",
         CHANGE: "4", OBSERVATION: "une-fois", BRAKES: f"Le mémo m'aide, et {name} aussi."},
         returned / "a-froid-1.pdf")  # fmt: skip
    fill(_form(sent_forms, roster, 1), {f"{TECHNIQUES}:nommer": "/on", CHANGE: "5",
         OBSERVATION: "non"}, returned / "a-froid-2.pdf")  # fmt: skip
    # The third leaves the scale question empty.
    fill(_form(sent_forms, roster, 2), {OBSERVATION: "plusieurs-fois"}, returned / "a-froid-3.pdf")
    inputs = load_answers(returned, roster, session)
    assert inputs.left_out == []
    assert sorted(inputs.files) == sorted(p.id for p in roster.participants[:3])
    bilan = build_bilan(bank, session, roster, inputs)
    results = {r.question.id: r for r in bilan.follow_up}
    assert results[CHANGE].counts == {"4": 1, "5": 1} and results[CHANGE].n == 2
    assert results[OBSERVATION].n == 3
    assert results[TECHNIQUES].counts == {"nommer": 2, "expansion": 1}
    (comment,) = bilan.comments[BRAKES]
    assert comment.edited and comment.text.startswith("Le mémo m'aide, et […] aussi.")
    assert "Le mémo m’aide, et […] aussi." in bilan_html(bilan, bank)


def test_a_pdf_that_is_not_the_kits_form_is_named_and_kept(
    sent_forms: Path, roster: Roster, session: Session, tmp_path: Path
) -> None:
    """Another PDF, or a file that is not a PDF at all, is left out with a French reason; kept as is."""
    folder = tmp_path / "reponses"
    render_pdf(document_html("Autre", "<p>Une facture.</p>"), folder / "facture.pdf")
    (folder / "abime.pdf").write_bytes(b"%PDF-1.7\nceci n'est pas un PDF")
    before = _digests(folder)
    left = _answers(roster, session, folder)
    assert any(r.startswith("facture.pdf: ce PDF n'est pas un formulaire du kit") for r in left)
    assert any(r.startswith("abime.pdf: PDF illisible") for r in left)
    assert _digests(folder) == before


def test_an_unfilled_form_is_named_not_counted(
    sent_forms: Path, roster: Roster, session: Session, copy: Callable[[Path, Path], Path],
    tmp_path: Path,
) -> None:  # fmt: skip
    """A form sent back as it was sent is left out: « sans aucune réponse »."""
    path = copy(_form(sent_forms, roster, 4), tmp_path / "reponses")
    found = load_answers(path.parent, roster, session)
    assert found.files == {}
    assert [(x.path.name, x.reason.split(" (")[0]) for x in found.left_out] == [
        (path.name, "formulaire renvoyé sans aucune réponse")
    ]


def test_a_person_who_filled_the_form_twice_is_not_counted_until_one_is_chosen(
    sent_forms: Path, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """Two different forms for one person: both left out, each naming the other; nothing deleted."""
    folder = tmp_path / "reponses"
    form = _form(sent_forms, roster, 0)
    fill(form, {CHANGE: "2"}, folder / "premier.pdf")
    fill(form, {CHANGE: "5"}, folder / "second.pdf")
    before = _digests(folder)
    found = load_answers(folder, roster, session)
    assert found.files == {}
    assert sorted(x.path.name for x in found.left_out) == ["premier.pdf", "second.pdf"]
    assert all("premier.pdf, second.pdf" in x.reason for x in found.left_out)
    assert _digests(folder) == before


def test_an_identical_copy_counts_once(
    sent_forms: Path, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """The same answers returned twice (a forwarded copy) count once; the copy is named."""
    folder = tmp_path / "reponses"
    fill(_form(sent_forms, roster, 0), {CHANGE: "3"}, folder / "a.pdf")
    fill(_form(sent_forms, roster, 0), {CHANGE: "3"}, folder / "b.pdf")
    found = load_answers(folder, roster, session)
    assert len(found.files[roster.participants[0].id]) == 1
    assert [(x.path.name, x.reason) for x in found.left_out] == [
        ("b.pdf", "copie identique de a.pdf, comptée une seule fois")
    ]


def test_a_form_beside_the_rooms_answer_is_not_counted_twice(
    sent_forms: Path, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """Who answered the room's notebook and returned a PDF too is counted once, the PDF named."""
    folder = tmp_path / "reponses"
    pid = roster.participants[0].id
    stored = {"evaluation:froid": StoredAnswer({CHANGE: 4}, "2027-06-20T10:00:00+00:00", 1)}
    room = folder / pid / "evaluation_a_froid.answers.json"
    room.parent.mkdir(parents=True)
    room.write_text(dump(pid, session.id, stored), "utf-8")
    fill(_form(sent_forms, roster, 0), {CHANGE: "2"}, folder / "a-froid.pdf")
    found = load_answers(folder, roster, session)
    assert [f.path for f in found.files[pid]] == [room]
    assert [x.path.name for x in found.left_out] == ["a-froid.pdf"]
    assert "déjà répondu à l'évaluation à froid dans la salle" in found.left_out[0].reason


def test_a_form_of_another_session_is_named(
    sent_forms: Path, bank: ContentBank, roster: Roster, session: Session, fill: Fill,
    tmp_path: Path,
) -> None:  # fmt: skip
    """A form from another session's mailing is left out, naming both sessions."""
    from dataclasses import replace

    other = replace(session, id="une-autre-session")
    write_a_froid(bank, roster, other, tmp_path / "autre")
    fill(tmp_path / "autre" / _form(sent_forms, roster, 0).name, {CHANGE: "3"},
         tmp_path / "reponses" / "x.pdf")  # fmt: skip
    left = _answers(roster, session, tmp_path / "reponses")
    assert [" ".join(x.split()) for x in left] == [
        f"x.pdf: formulaire d'une autre session (« une-autre-session » au lieu de « {session.id} »)"
    ]


def test_writing_again_never_replaces_a_filled_form(
    sent_forms: Path, bank: ContentBank, roster: Roster, session: Session, fill: Fill,
    copy: Callable[[Path, Path], Path], tmp_path: Path,
) -> None:  # fmt: skip
    """A returned form saved over the sent one stops a new run before anything is written."""
    out = tmp_path / "envoi"
    for path in sent_forms.iterdir():
        copy(path, out)
    fill(_form(sent_forms, roster, 0), {CHANGE: "3"}, _form(out, roster, 0))
    before = _digests(out)
    with pytest.raises(ParlerKitError, match="a déjà été rempli"):
        write_a_froid(bank, roster, session, out)
    assert _digests(out) == before


def test_a_froid_command_writes_forms_and_names_who_has_no_email(tmp_path: Path) -> None:
    """`parler-kit suivi a-froid` on the held-apart roster: 6 PDFs + 6 drafts; no-e-mail people named."""
    from click.testing import CliRunner

    from parler_kit.cli import main

    held = Path(__file__).resolve().parents[1] / "data" / "reseau" / "session-vaulx"
    out = tmp_path / "envoi"
    result = CliRunner().invoke(main, ["suivi", "a-froid", str(held / "roster.csv"), "--session",
                                       str(held / "session.yaml"), "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.pdf"))) == len(list(out.glob("*.eml"))) == 6
    assert "Pas de courriel dans la liste pour Karima Ouali" in result.output
    assert "12 fichier(s) écrit(s)" in result.output


def test_a_cut_form_is_named_unreadable_and_the_others_are_read(
    sent_forms: Path, roster: Roster, session: Session, fill: Fill, tmp_path: Path
) -> None:
    """A returned form cut in half (a broken attachment) is named; the other forms still count."""
    folder = tmp_path / "reponses"
    whole = fill(_form(sent_forms, roster, 0), {CHANGE: "4"}, tmp_path / "entier.pdf")
    (folder / "coupe.pdf").parent.mkdir(parents=True)
    (folder / "coupe.pdf").write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    fill(_form(sent_forms, roster, 1), {CHANGE: "2"}, folder / "bon.pdf")
    found = load_answers(folder, roster, session)
    assert list(found.files) == [roster.participants[1].id]
    assert [x.path.name for x in found.left_out] == ["coupe.pdf"]
    assert found.left_out[0].reason.startswith("PDF illisible")


def test_an_option_saved_as_its_text_is_understood(bank: ContentBank) -> None:
    """Viewers that save a list's displayed text rather than its value give the same answers."""
    from parler_kit.suivi.a_froid import a_froid_answers, questions

    saved = {CHANGE: "5 — tout à fait d’accord", OBSERVATION: "Oui, une fois"}
    assert a_froid_answers(saved, questions(bank)) == {CHANGE: 5, OBSERVATION: "une-fois"}


def test_report_command_names_a_bad_returned_pdf(
    sent_forms: Path, roster: Roster, fill: Fill, tmp_path: Path
) -> None:
    """`parler-kit report --answers DIR` names, on the terminal, a returned PDF it did not count."""
    from click.testing import CliRunner

    from parler_kit.cli import main

    examples = Path(__file__).resolve().parents[2] / "examples"
    folder = tmp_path / "reponses"
    fill(_form(sent_forms, roster, 0), {CHANGE: "4"}, folder / "bon.pdf")
    (folder / "photo.pdf").write_bytes(b"pas un PDF")
    out = tmp_path / "bilan.pdf"
    result = CliRunner().invoke(main, ["report", "--session", str(examples / "session.yaml"),
        "--roster", str(examples / "roster.csv"), "--answers", str(folder), "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "photo.pdf" in result.output and "PDF illisible" in result.output
    assert "bon.pdf" not in result.output and out.is_file()
