"""The handout PDF read back (pdftotext, pikepdf): what a participant holds in her hands."""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from production_helpers import write_roster

from parler_kit.content import QuizQuestion, load_bank
from parler_kit.printing import document_html, render_pdf
from parler_kit.printing.environment import kit_text
from parler_kit.printing.typography import WJ, typeset_text
from parler_kit.production import build_workbooks
from parler_kit.production.pdf import GROUP_SHEET_NAME, TRAINER_KEY_NAME
from parler_kit.production.personal import HEADER_LENGTH, running_header
from parler_kit.roster import load_session
from pdf_tags import figure_alts, structure


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one 1-based page) as pdftotext extracts it."""
    text = _layout_text(path, path.stat().st_mtime_ns)
    return text if page is None else text.split("\f")[page - 1]


@functools.cache
def _layout_text(path: Path, _mtime: int) -> str:
    """One pdftotext run per file version (pages are separated by form feeds)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def page_count(path: Path) -> int:
    """Number of pages according to pdfinfo."""
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return int(next(x.split()[-1] for x in info.stdout.splitlines() if x.startswith("Pages:")))


@pytest.fixture(scope="module")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two participants of two professions with accented names (html and pdf)."""
    folder = tmp_path_factory.mktemp("pdf")
    roster = write_roster(
        folder,
        ["Dûrand-Çelik;Éloïse;ass mat;Domicile « Les Œillets »", "Nguyễn;Thị Ánh;EJE;Crèche"],
    )
    session = Path(__file__).resolve().parents[2] / "examples" / "session.yaml"
    result = build_workbooks(roster, session, folder / "out", formats=["html", "pdf"], jobs=2)
    assert [e.status for e in result.entries] == ["ok", "ok"], result.entries
    return [folder / "out" / e.participant_id / "handout.pdf" for e in result.entries]


def test_cover_names_intact(handouts: list[Path]) -> None:
    """Each cover page shows its participant's name and structure with every accent."""
    first, second = (pdf_text(h, page=1) for h in handouts)
    assert "Éloïse Dûrand-Çelik" in first and "Les Œillets" in first
    assert "Thị Ánh Nguyễn" in second and "Éloïse" not in second


def test_page_numbers_and_running_header(handouts: list[Path]) -> None:
    """Pages read « page n / N » with the real total, the cover included; the header names the session."""
    total = page_count(handouts[0])
    assert total == page_count(handouts[1]) and total > 5
    assert f"page 1 / {total}" in pdf_text(handouts[0], page=1)
    last = pdf_text(handouts[0], page=total)
    assert f"page {total} / {total}" in last
    assert "Parler avec les tout-petits" in pdf_text(handouts[0], page=3)


def test_contents_and_memo_without_code(handouts: list[Path]) -> None:
    """The handout has a contents page, the memo card and the fiche action's page, and no code."""
    text = pdf_text(handouts[0])
    assert "Sommaire" in text and "Mémo des techniques" in text and "fiche action" in text.lower()
    for code in ("show(", "import ", "parler_kit", "participant_id", "classify_ids", "\\x"):
        assert code not in text


def test_second_run_is_up_to_date(handouts: list[Path]) -> None:
    """Re-running on unchanged inputs skips both PDFs (checksums verified, nothing laid out)."""
    out = handouts[0].parent.parent
    roster = out.parent / "roster.csv"
    session = Path(__file__).resolve().parents[2] / "examples" / "session.yaml"
    before = [h.stat().st_mtime_ns for h in handouts]
    result = build_workbooks(roster, session, out, formats=["html", "pdf"], jobs=2)
    assert [e.status for e in result.entries] == ["skipped", "skipped"]
    assert [h.stat().st_mtime_ns for h in handouts] == before


def _outline(path: Path) -> list[tuple[str, int, list[str]]]:
    """Top-level bookmarks: (title, 1-based page, titles of the sub-entries)."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        with pdf.open_outline() as outline:
            return [
                (
                    item.title,
                    pages[item.destination[0].objgen],
                    [child.title for child in item.children],
                )
                for item in outline.root
            ]


def _content_lines(page_text: str) -> list[str]:
    """A page's text lines without the running header and the « page n / N » footer."""
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if not re.fullmatch(r"page \d+ / \d+", line)
        and not line.startswith("Parler avec les tout-petits : le langage de 0 à 6 ans —")
        and not re.fullmatch(r"(\d+\s+)?mars\s+\d{4}(,.*| et .*)?", line)
    ]


def test_every_pdf_is_tagged_and_french(handouts: list[Path]) -> None:
    """Handouts and the group's fiche action: /Lang fr, a structure tree covering every page."""
    group = handouts[0].parent.parent / GROUP_SHEET_NAME
    for path in [*handouts, group]:
        problems, types = structure(path)
        assert problems == [], (path.name, problems)
        assert types["H2"] >= 1 and types["P"] >= 3, types
    assert structure(handouts[0])[1]["Table"] >= 2  # the milestones and norms tables


def test_one_bookmark_per_day_each_starting_a_page(handouts: list[Path]) -> None:
    """Bookmarks: one per day (sections beneath), in day order; each day's page opens with it."""
    for path in handouts:
        marks = _outline(path)
        days = [title for title, _, _ in marks if title.startswith("Jour")]
        assert days == ["Jour 1", "Jour 2", "Jour 3"], marks
        for title, page, children in marks:
            lines = _content_lines(pdf_text(path, page=page))
            if title.startswith("Jour"):
                assert children, marks
                assert lines[0].startswith(f"{title} — {children[0]}"[:30]), (page, lines[0])
            else:
                assert any(line.startswith(title) for line in lines), (page, title)
        titles = [title for title, _, _ in marks] + [c for _, _, cs in marks for c in cs]
        assert len(titles) == len(set(titles)), titles


def test_no_heading_ends_a_page(handouts: list[Path]) -> None:
    """No heading is the last line of a page: it always stays with what it introduces."""
    page_html = handouts[0].with_name("handout.html").read_text("utf-8")
    # A heading followed by ruled lines (« Votre réponse ») labels room to write: not counted.
    headings = {
        html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        for _, inner in re.findall(
            r"<h([2-4])[^>]*>(.*?)</h\1>(?!\s*<div class=\"pk-lines)", page_html, re.DOTALL
        )
    }
    headings = {" ".join(h.split()) for h in headings if h}
    for number in range(2, page_count(handouts[0]) + 1):
        lines = _content_lines(pdf_text(handouts[0], page=number))
        if lines:
            assert " ".join(lines[-1].split()) not in headings, (number, lines[-1])


def test_paper_is_not_a_screen(handouts: list[Path]) -> None:
    """No « cliquez » nor « s'affiche »; no evaluation form; the fiche action is the group's."""
    group = pdf_text(handouts[0].parent.parent / GROUP_SHEET_NAME)
    first_field = "Intitulé de l’action"
    assert first_field in group
    for path in handouts:
        text = pdf_text(path)
        flat = " ".join(text.split()).lower()
        for screen in ("cliquez", "s'affiche", "s’affiche", "rouvrir"):
            assert screen not in flat
        assert "votre avis sur la formation" not in flat  # the anonymous form is printed apart
        assert first_field not in text and "fiche-action-groupe.pdf" in flat


def test_the_booklet_has_no_answer_key_and_the_trainer_edition_has_it(
    handouts: list[Path],
) -> None:
    """No key nor explanation in a booklet; every positioning question asked; the key is apart."""
    bank = load_bank()
    positioning = [q for q in bank.exercises_of(QuizQuestion) if q.positioning]

    def flat(text: str) -> str:
        return " ".join(typeset_text(text).replace(WJ, "").split())  # word joiners print nothing

    key = " ".join(pdf_text(handouts[0].parent.parent / TRAINER_KEY_NAME).split())
    assert "Corrigé du questionnaire — édition du formateur" in key
    assert f"Les {len(positioning)} questions sont celles des carnets" in key
    for path in handouts:
        text = " ".join(pdf_text(path).split())
        assert "Corrigé du questionnaire" not in text and "Réponse attendue" not in text
        for question in bank.exercises_of(QuizQuestion):
            assert flat(kit_text(question.explanation))[:50] not in text, question.id
        # The printed questionnaire asks the questions the bilan counts, numbered 1 to N.
        for number, question in enumerate(positioning, start=1):
            assert f"{number}. {flat(kit_text(question.question))[:30]}" in text, question.id
    for question in positioning:
        assert flat(kit_text(question.explanation))[:50] in key, question.id


def test_repeated_legends_are_written_once(handouts: list[Path]) -> None:
    """A convention and a warning sign's advice are written once, not on every row."""
    text = " ".join(pdf_text(handouts[0]).split())
    conventions = re.findall(r"CDC 2022\s*:\s*atteint par 75", text)
    assert len(conventions) <= 2, conventions  # the chart's legend and the table's legend
    assert text.count("En parler d’abord avec les parents") == 1


def test_french_print_typography(handouts: list[Path]) -> None:
    """No-break spaces where French needs them, « 9ᵉ », typographic apostrophes, « centiles »."""
    page = re.sub(r"<[^>]+>", "", handouts[0].with_name("handout.html").read_text("utf-8"))
    text = pdf_text(handouts[0])
    assert "42000\u00a0Saint-Étienne" in page and "\u202f%" in page and "75 %" not in page
    assert re.search(r"\d+\u00a0mars\u00a02027", page)
    assert re.search(r"\d+\u2060–\u2060\d+\u00a0mois", page)  # a range never breaks at its dash
    assert "9ᵉ" in text and not re.search(r"\b9e\b", text)
    assert "percentile" not in text and "centile" in text
    assert "Wordbank: an open repository" in " ".join(text.split())  # English title as written
    assert "l’enfant" in text and "l'enfant" not in text


def test_cover_gives_the_person_s_profession(handouts: list[Path]) -> None:
    """An EJE's cover says « éducatrice / éducateur de jeunes enfants », not « Autre »."""
    cover = " ".join(pdf_text(handouts[1], page=1).split())
    assert "éducatrice / éducateur de jeunes enfants" in cover
    assert "Autre professionnel" not in cover


def test_shared_sections_laid_out_once(handouts: list[Path]) -> None:
    """Sections every profession shares are laid out once for the batch, not once per person."""
    out = handouts[0].parent.parent
    page_html = [h.with_name("handout.html").read_text("utf-8") for h in handouts]
    sections = [set(page.split("<!--pk-segment-->")[1:]) for page in page_html]
    assert sections[0] & sections[1], "the two professions share no section"
    laid = list((out / ".cache").glob("section-*.pdf"))
    assert len(laid) == len(sections[0] | sections[1])


def test_participant_folders_hold_no_lock_or_cache(handouts: list[Path]) -> None:
    """What is handed out holds no lock file, cache folder or hidden file."""
    for path in handouts:
        leftovers = [
            p.name for p in path.parent.rglob("*") if p.suffix == ".lock" or p.name[0] in "._"
        ]
        assert leftovers == [], leftovers


def test_no_instruction_or_paragraph_printed_twice(handouts: list[Path]) -> None:
    """Apart from the running header, no paragraph of the handout is printed twice."""
    for path in handouts:
        text = subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
        long = [
            p
            for p in paragraphs
            if len(p) >= 60 and not p.startswith("☐") and "Parler avec les tout-petits :" not in p
        ]
        repeated = {p for p in long if long.count(p) > 1}
        assert repeated == set(), repeated


def _ink(path: Path, folder: Path) -> list[float]:
    """Per page, the share of dark pixels between the header and the footer (pdftoppm, grey)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(path), str(folder / "page")], check=True)
    shares = []
    for image in sorted(folder.glob("page-*.pgm")):
        data = image.read_bytes()
        magic, width, height, _depth, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        rows = [pixels[r * int(width) : (r + 1) * int(width)] for r in range(int(height))]
        body = rows[int(height) * 12 // 100 : int(height) * 93 // 100]  # no header, no footer
        dark = sum(1 for row in body for value in row if value < 230)
        shares.append(dark / (len(body) * int(width)))
    return shares


def test_every_page_shows_its_content(handouts: list[Path], tmp_path: Path) -> None:
    """Rasterised, each joined page shows ink in its body: nothing is painted over the content."""
    shares = _ink(handouts[0], tmp_path)
    assert len(shares) == page_count(handouts[0])
    assert min(shares) > 0.02, [round(s, 4) for s in shares]


def _words(path: Path) -> list[list[tuple[float, float, float, str]]]:
    """Per page, its words as pdftotext -bbox reads them: (xMin, yMin, yMax, word)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [
            (float(x), float(y0), float(y1), html.unescape(w))
            for x, y0, y1, w in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page
            )
        ]
        for page in boxes.split("<page ")[1:]
    ]


def test_the_running_header_is_one_line_on_every_page(handouts: list[Path]) -> None:
    """Above the 20 mm top margin, every page but the cover has one line: title — dates."""
    top_margin = 20 / 25.4 * 72
    trainer_key = handouts[0].parent.parent / TRAINER_KEY_NAME
    for path in [*handouts, trainer_key]:
        for number, words in enumerate(_words(path)[1:], start=2):
            header = [w for w in words if w[2] <= top_margin]
            assert header, (path.name, number)
            assert len({round(y0) for _, y0, _, _ in header}) == 1, (path.name, number, header)
            text = " ".join(w for *_, w in header)
            assert text.startswith(
                "Parler avec les tout-petits : le langage de 0 à 6 ans — 8, 9 et 22 mars 2027"
            )


def test_no_age_range_is_split_across_lines(handouts: list[Path]) -> None:
    """« 12–24 mois » stays whole: no line of the handout ends on « 12– »."""
    for path in handouts:
        words = [w for page in _words(path) for *_, w in page]
        assert not [w for w in words if re.search(r"\d–$", w)]
        assert sum(bool(re.fullmatch(r"\d+–\d+", w)) for w in words) > 20  # ranges are there


def test_a_legend_letter_has_one_meaning_in_the_handout(handouts: list[Path]) -> None:
    """Conventions (A = …) and the signs' advice (G …) never define the same letter twice."""
    text = pdf_text(handouts[0])
    conventions = re.findall(r"(?<![\w’])([A-Z]) = ", text)
    advice = re.findall(r"(?m)^\s*([A-Z])\s{3,}\S", text)
    assert conventions and advice, (conventions, advice)
    letters = conventions + advice
    assert len(letters) == len(set(letters)), letters


def test_a_citation_number_stands_for_one_source_in_the_handout(handouts: list[Path]) -> None:
    """Every « [n] » listed under « Sources » names the same work wherever it is listed."""
    text = pdf_text(handouts[0])
    listed: dict[str, set[str]] = {}
    for block in text.split("Sources :")[1:]:
        for line in block.replace("\f", "\n").splitlines()[1:]:
            entry = re.match(r"\s*\[?(\d+)[\].]\s+(.{30})", line)
            if entry:
                listed.setdefault(entry[1], set()).add(entry[2])
            elif line.strip() and not (
                line.startswith(" ")  # a citation's next line
                or re.fullmatch(r"\s*page \d+ / \d+", line)
                or line.startswith("Parler avec les tout-petits")  # the running header
            ):
                break  # the list has ended
    assert len(listed) > 5 and text.count("Sources :") >= 2, listed
    assert {n: c for n, c in listed.items() if len(c) > 1} == {}
    cited = {n for group in re.findall(r"\[(\d+(?:, \d+)*)\]", text) for n in group.split(", ")}
    assert cited <= set(listed), cited - set(listed)


def test_every_figure_of_the_handout_has_an_alternative_text(handouts: list[Path]) -> None:
    """Each /Figure of the tagged handout carries /Alt saying what the chart shows."""
    alts = [" ".join(alt.split()) for alt in figure_alts(handouts[0])]
    assert len(alts) >= 2 and all(alt.startswith("Graphique") for alt in alts), alts
    assert any("repères du développement" in alt for alt in alts)
    assert any("mots produits" in alt for alt in alts)


def test_a_long_session_title_is_shortened_and_the_header_keeps_its_dates(tmp_path: Path) -> None:
    """A held-out session with a long title: its header is one line ending with the dates."""
    session = load_session(Path(__file__).resolve().parents[2] / "examples" / "session.yaml")
    session = dataclasses.replace(session, title="Parler, jouer, lire et chanter " * 6)
    header = running_header(session, suffix="Corrigé du questionnaire — édition du formateur")
    assert header.endswith(
        "— 8, 9 et 22 mars 2027 — Corrigé du questionnaire — édition du formateur"
    )
    assert "…" in header and len(header) <= HEADER_LENGTH
    page = document_html("Essai", "<p>Un.</p><p class='pk-page-break'>Deux.</p>", header=header)
    words = _words(render_pdf(page, tmp_path / "h.pdf"))[1]
    top = [w for w in words if w[2] <= 20 / 25.4 * 72]
    assert len({round(y0) for _, y0, _, _ in top}) == 1, top
    assert top[-1][3] == "formateur" and top[-1][0] < (210 - 18) / 25.4 * 72
