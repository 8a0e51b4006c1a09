"""PDF through WeasyPrint: A4, French text intact, « page 1 / N », no code, no network."""

from __future__ import annotations

import re
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from printing_samples import HOSTILE

from parler_kit.answers import AnswerStore
from parler_kit.charts import figure_to_png, score_by_technique_figure
from parler_kit.content import ContentBank, ReformulationItem
from parler_kit.printing import (
    action_sheet_html,
    document_html,
    reformulation_html,
    render_pdf,
    technique_memo_html,
    vocabulary_html,
)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    size = next(line for line in info.stdout.splitlines() if line.startswith("Page size"))
    assert "595.276 x 841.89" in size, size  # A4 in points
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return int(pages.split()[1])


def test_pdf_text_keeps_accents_page_numbers_and_literal_answers(
    bank: ContentBank, store: AnswerStore, tmp_path: Path
) -> None:
    """A handout PDF keeps accents, « page 1 / N », header, literal answers; no code; fonts embedded."""
    item = bank.exercises_of(ReformulationItem)[0]
    store.set(item.id, HOSTILE)
    store.set("fiche-action", {bank.action_sheet_fields[0].id: "Déjà écrit : « ça » !"})
    body = (
        technique_memo_html(bank)
        + reformulation_html([item], store)
        + action_sheet_html(bank, store)
        + vocabulary_html(bank)
    )
    html = document_html("Livret", body, header="Parler avec les tout-petits — Saint-Étienne")
    out = render_pdf(html, tmp_path / "sous-dossier" / "livret.pdf")
    assert out == tmp_path / "sous-dossier" / "livret.pdf"
    pages = _pdf_pages(out)
    text = _pdf_text(out)
    assert pages >= 3
    assert f"page 1 / {pages}" in text and f"page {pages} / {pages}" in text
    assert "Saint-Étienne" in text
    assert "Mémo des techniques" in text
    assert "Nombre de mots produits" in text  # the inline chart's labels are vector text
    assert 'alert("x")' in text and "{{ 7*7 }}" in text  # the participant's text, literally
    assert "Déjà écrit" in text
    text = text.replace("{% if x %}", "")  # the participant's own braces are expected
    for code in ("{%", "pk-", "<div", "<p>", "&lt;", "&amp;", "def ", "import "):
        assert code not in text, code
    assert not list(out.parent.glob(".*partial"))
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    assert rows and all("DejaVu" in row[0] for row in rows)
    assert all(row[-5] == "yes" for row in rows), fonts.stdout  # the "emb" column: embedded


def test_pdf_of_foreign_html_gets_the_kit_page_style(tmp_path: Path) -> None:
    """HTML that does not carry the kit stylesheet is still laid out on A4 with page numbers."""
    out = render_pdf("<html><body><p>Élève</p></body></html>", tmp_path / "x.pdf")
    assert _pdf_pages(out) == 1
    text = _pdf_text(out)
    assert "Élève" in text and "page 1 / 1" in text


@pytest.fixture
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1 that records every request it receives."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def test_render_pdf_never_fetches_http(
    counting_server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """Images and stylesheets on http(s) are refused: the server sees no request, the PDF is made."""
    url, requests = counting_server
    html = document_html(
        "Réseau",
        f'<link rel="stylesheet" href="{url}/style.css"><p>Texte</p><img src="{url}/image.png">',
    )
    out = render_pdf(html, tmp_path / "reseau.pdf")
    assert out.exists() and "Texte" in _pdf_text(out)
    assert requests == []


def test_local_images_resolve_against_base_url(tmp_path: Path) -> None:
    """A relative image path is read from base_url: local files stay allowed."""
    png = figure_to_png(score_by_technique_figure({"Reformuler": (1, 2)}), dpi=30)
    (tmp_path / "graphique.png").write_bytes(png)
    html = '<p>Image</p><img src="graphique.png">'
    with_base = render_pdf(html, tmp_path / "avec.pdf", base_url=tmp_path)
    without_base = render_pdf(html, tmp_path / "sans.pdf")
    assert _image_count(with_base) == 1
    assert _image_count(without_base) == 0


def _image_count(path: Path) -> int:
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    )
    rows = [line.split() for line in listing.stdout.splitlines()[2:]]  # after two header lines
    return sum(1 for row in rows if row[2] == "image")  # not its "smask" (alpha channel)


def test_svg_style_noise_is_dropped_but_other_warnings_are_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """WeasyPrint's « unknown property » lines for inline-SVG styles are dropped, others kept."""
    svg = '<svg width="10" height="10"><rect style="fill: #000; stroke: #fff" width="5" height="5"/></svg>'
    html = document_html("Bruit", f'{svg}<p style="colour: red">Texte</p>')
    with caplog.at_level("WARNING", logger="weasyprint"):
        render_pdf(html, tmp_path / "bruit.pdf")
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "`fill" in m or "`stroke" in m], messages
    assert any("colour" in m for m in messages), messages


def test_a_running_header_too_long_for_a_line_stays_on_one_line(tmp_path: Path) -> None:
    """A header longer than the page is cut at the margin on one line, never wrapped."""
    header = "Une formation au titre très long " * 8 + "— 8, 9 et 22 mars 2027"
    page = document_html("Essai", "<p>Un.</p><p class='pk-page-break'>Deux.</p>", header=header)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(render_pdf(page, tmp_path / "h.pdf")), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    top = [
        (float(y), word)
        for y, word in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', boxes)
        if float(y) < 20 / 25.4 * 72
    ]
    assert len(top) > 10 and len({round(y) for y, _ in top}) == 1, top
