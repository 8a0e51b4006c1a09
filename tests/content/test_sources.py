"""The source rule: authors, year, exact title, publisher and a checkable identifier, or an honest gap."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from pydantic import ValidationError

from parler_kit.content import ContentBank, Source, load_bank
from parler_kit.content.model import isbn_is_valid, url_problem


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    return load_bank()


def _source(**fields: Any) -> Source:
    base: dict[str, Any] = {
        "id": "src-x",
        "kind": "article",
        "authors": "Auteur A.",
        "year": 2020,
        "title": "Un titre exact",
        "publisher": "Une revue, 1(2), 3–4",
        "used_for": {"fr": "Tester la règle."},
    }
    return Source.model_validate(base | fields)


def test_every_shipped_source_has_the_required_fields(bank: ContentBank) -> None:
    """Each source names authors, title and publisher; a missing year or identifier is explained."""
    for source in bank.sources:
        assert source.authors.strip() and source.title.strip() and source.publisher.strip()
        if source.year is None or source.identifier is None:
            assert source.missing, source.id


def test_shipped_urls_are_deep_links(bank: ContentBank) -> None:
    """No source points at a site's home page: every url reaches a document (path or query)."""
    assert [s.id for s in bank.sources if s.url and url_problem(s.url)] == []


def test_a_home_page_url_is_refused() -> None:
    """« https://www.ipp.eu » or « https://pediadoc.fr/ » is not accepted as a source address."""
    for home in ("https://www.ipp.eu", "https://pediadoc.fr/", "portailenfance.ca/signes"):
        with pytest.raises(ValidationError):
            _source(url=home)
    assert _source(url="https://www.insee.fr/fr/statistiques/8236231").identifier


def test_a_source_without_identifier_must_say_why() -> None:
    """No doi, isbn or url is refused unless « missing » says what is known instead."""
    with pytest.raises(ValidationError, match="missing"):
        _source()
    assert _source(missing="ISBN non relevé").identifier is None


def test_doi_and_isbn_shapes_are_checked() -> None:
    """A DOI written as a link, or an ISBN with a wrong check digit, is refused."""
    with pytest.raises(ValidationError):
        _source(doi="https://doi.org/10.1017/S0305000924000692")
    with pytest.raises(ValidationError):
        _source(isbn="978-2-07-036002-5")
    assert isbn_is_valid("978-2-07-036002-4") and isbn_is_valid("0-306-40615-2")
    cited = _source(doi="10.1017/S0305000924000692").citation
    assert cited.endswith("https://doi.org/10.1017/S0305000924000692")


def test_the_citations_corrected_in_review_stay_corrected(bank: ContentBank) -> None:
    """The titles, authors and identifiers fixed by the issue-14 review are those of the documents."""
    coffey = bank.source("coffey-snedeker-2025")
    assert coffey.title.startswith("How strong is the relationship between caregiver speech")
    assert coffey.doi == "10.1017/S0305000924000692"
    assert bank.source("byers-heinlein-2023").title.startswith(
        "Sometimes larger, sometimes smaller"
    )
    assert bank.source("frank-parentdata-2022").authors.startswith("Oster E.")
    assert (
        "évaluation à grande échelle du programme Parler Bambin" in bank.source("ipp-note-72").title
    )
    assert bank.source("insee-qpv-2024").title.startswith("Portrait des nouveaux quartiers")
    assert bank.source("hanen-owl").authors == "Pepper J. & Weitzman E."
    assert "développement précoce du langage" in bank.source("zorman-2011").title
    cnil = bank.source("cnil-ns058").title
    assert "périscolaires, extrascolaires et de petite enfance" in cnil
    assert "gestion des crèches" not in cnil


def test_the_bilingual_finding_is_not_overstated(bank: ContentBank) -> None:
    """Byers-Heinlein et al. found a smaller expressive concept vocabulary, not « dans la norme »."""
    used_for = bank.source("byers-heinlein-2023").used_for.fr
    assert "conceptuel expressif plus petit" in used_for
    assert "dans la norme" not in used_for


def test_notebook_source_lists_print_the_citation_as_the_handout_does(bank: ContentBank) -> None:
    """Each « Sources citées » line is the bank's citation: an English title keeps its colon."""
    curriculum = Path(__file__).resolve().parents[2] / "curriculum"
    for notebook in sorted(curriculum.glob("day*/*.ipynb")):
        cells = nbformat.read(notebook, as_version=4).cells
        cell = next(c for c in cells if "sources" in c.metadata.get("tags", []))
        lines = [re.sub(r"<(https?://[^>]+)>$", r"\1", line[2:]) for line in
                 cell.source.splitlines() if line.startswith("- ")]  # fmt: skip
        ids = cell.metadata["parler_kit"]["sources"]
        assert lines == [bank.source(i).citation for i in ids], notebook.name
    hustad = bank.source("hustad-2021").citation
    assert "Typical Children I: Intelligibility" in hustad
