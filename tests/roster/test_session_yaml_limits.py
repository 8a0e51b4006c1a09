"""session.yaml files built to exhaust the reader: refused at once, with a French reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from damaged_files import billion_laughs
from parler_kit.errors import RosterError
from parler_kit.roster import load_session
from parler_kit.roster.session import MAX_SESSION_NODES

REPO = Path(__file__).resolve().parents[2]


def problem_of(path: Path) -> str:
    with pytest.raises(RosterError) as caught:
        load_session(path)
    (problem,) = caught.value.problems
    return str(problem).replace("\u00a0", " ").replace("\u202f", " ")


def test_alias_bomb_refused_at_once(tmp_path: Path) -> None:
    """A « billion laughs » session (9**9 values) is refused in well under a second."""
    path = tmp_path / "session.yaml"
    path.write_text(billion_laughs(9), "utf-8")
    started = time.perf_counter()
    problem = problem_of(path)
    assert time.perf_counter() - started < 5
    assert "alias YAML" in problem and f"plus de {MAX_SESSION_NODES} valeurs" in problem
    assert "ligne " in problem


def test_alias_containing_itself_refused(tmp_path: Path) -> None:
    """An anchor whose value contains an alias to itself (endless) is refused, naming line 1."""
    path = tmp_path / "session.yaml"
    path.write_text("objectifs: &a [*a]\n", "utf-8")
    assert "ligne 1" in problem_of(path) and "se contient lui-même" in problem_of(path)


def test_deep_nesting_refused(tmp_path: Path) -> None:
    """Brackets nested 800 deep are refused as too large, not as a recursion crash."""
    path = tmp_path / "session.yaml"
    path.write_text("objectifs: " + "[" * 800 + "]" * 800 + "\n", "utf-8")
    assert "alias YAML" in problem_of(path)


def test_small_anchors_still_allowed(tmp_path: Path) -> None:
    """A real session may reuse a value through an anchor and an alias: it loads as written."""
    text = (REPO / "examples" / "session.yaml").read_text("utf-8")
    place = 'lieu: "Maison de quartier des Hirondelles, Montreynaud"'
    assert place in text
    text = text.replace(place, place.replace("lieu: ", "lieu: &lieu ")).replace(
        'adresse: "12 rue des Hirondelles, 42000 Saint-Étienne"', "adresse: *lieu"
    )
    path = tmp_path / "session.yaml"
    path.write_text(text, "utf-8")
    session = load_session(path)
    assert session.address == session.place == "Maison de quartier des Hirondelles, Montreynaud"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'titre: "a\n  b: [\n', "ligne 3 : Fichier YAML illisible (caractère inattendu"),
        (b"titre: *lieu\n", "ligne 1 : Fichier YAML illisible (alias « *nom » sans ancre"),
        (b"titre: \xe9t\xe9\n", "ligne 1 : Texte non enregistré en UTF-8 (octet 7)"),
    ],
)
def test_unreadable_yaml_reason_in_words(tmp_path: Path, text: bytes, expected: str) -> None:
    """A broken session file is explained in French words and located, not by a class name."""
    path = tmp_path / "session.yaml"
    path.write_bytes(text)
    problem = problem_of(path)
    assert expected in problem and "Error" not in problem
