"""The content loader: shipped data validates; every broken fixture is refused, naming the record."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from parler_kit.content import ClassificationItem, ContentBank, load_bank, load_bank_from
from parler_kit.errors import ContentError

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "content"


def test_shipped_bank_loads_and_is_cached() -> None:
    """The bank shipped with the kit validates, and a second call returns the same object."""
    bank = load_bank()
    assert isinstance(bank, ContentBank)
    assert bank is load_bank()
    assert len(bank.milestones) >= 10 and len(bank.techniques) >= 5


def test_valid_fixture_builds_typed_records() -> None:
    """A small valid folder gives typed, frozen records reachable by id."""
    bank = load_bank_from(FIXTURES / "valid")
    item = bank.exercise("cl-a")
    assert isinstance(item, ClassificationItem)
    assert item.answer == ("tech-a",)
    assert bank.technique("tech-a").name.fr == "Technique A"
    with pytest.raises(ValidationError, match="frozen"):
        item.answer = ("x",)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fixture", "record", "expected"),
    [
        ("missing_source", "ms-a", "aucune source"),
        ("unknown_source", "ms-a", "source inconnue « src-inexistante »"),
        ("duplicate_id", "ms-a", "identifiant en double"),
        ("age_min_above_max", "ms-a", "âge minimum (24 mois) supérieur au maximum (12 mois)"),
        ("age_out_of_range", "ms-a", "hors limites"),
        ("empty_french_text", "ms-a", "le texte français est vide"),
        ("unknown_domain", "ms-a", "valeur inconnue 'motricite'"),
        ("unknown_exercise_kind", "cl-a", "type d'exercice inconnu 'dessin'"),
        ("unknown_role", "cl-a", "valeur inconnue 'boulanger'"),
        ("unknown_technique_in_key", "cl-a", "technique inconnue « tech-inconnue »"),
        ("unknown_field", "ms-a", "champ inconnu"),
        ("wrong_type", "ms-a", "nombre entier"),
    ],
)
def test_each_loader_rule_refuses_its_fixture(fixture: str, record: str, expected: str) -> None:
    """Each broken fixture raises ContentError naming the file, the record id and the problem."""
    with pytest.raises(ContentError) as caught:
        load_bank_from(FIXTURES / fixture)
    problems = caught.value.problems
    assert any(p.record_id == record and expected in p.message for p in problems), problems
    assert all(p.file and p.file.endswith(".yaml") for p in problems)


def test_malformed_yaml_names_file_and_line() -> None:
    """A YAML syntax error is reported with the file and the line, not a traceback."""
    with pytest.raises(ContentError) as caught:
        load_bank_from(FIXTURES / "malformed_yaml")
    (problem,) = caught.value.problems
    assert problem.file == "milestones.yaml" and "ligne 6" in problem.message


def test_unsupported_schema_version_is_refused() -> None:
    """A file with another schema_version is refused rather than half-read."""
    with pytest.raises(ContentError, match="schema_version 7"):
        load_bank_from(FIXTURES / "bad_schema_version")


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    """Two broken files give two problems in one error, so nothing is silently skipped."""
    for name in ("unknown_source", "empty_french_text"):
        source = FIXTURES / name / "milestones.yaml"
        (tmp_path / f"{name}.yaml").write_text(
            source.read_text("utf-8").replace("ms-a", f"ms-{name.replace('_', '-')}"), "utf-8"
        )
    (tmp_path / "sources.yaml").write_text((FIXTURES / "valid" / "sources.yaml").read_text("utf-8"))
    with pytest.raises(ContentError) as caught:
        load_bank_from(tmp_path)
    assert {p.record_id for p in caught.value.problems} == {
        "ms-unknown-source",
        "ms-empty-french-text",
    }


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    """A folder with no YAML file is an error, not an empty bank."""
    with pytest.raises(ContentError, match="aucun fichier"):
        load_bank_from(tmp_path)


def test_select_reads_ids_records_or_the_default() -> None:
    """select() takes one id, a list of ids or records, or None for the default set."""
    from parler_kit.content import Technique

    bank = load_bank_from(FIXTURES / "valid")
    technique = bank.technique("tech-a")
    assert bank.select("tech-a", Technique, ()) == (technique,)
    assert bank.select([technique, "tech-a"], Technique, ()) == (technique, technique)
    assert bank.select(None, Technique, bank.techniques) == bank.techniques
    with pytest.raises(KeyError, match="not a Technique"):
        bank.select("ms-a", Technique, ())
