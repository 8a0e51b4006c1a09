"""The answer store: atomic, merged, schema-checked writes; corrupt files kept aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parler_kit.answers import AnswerStore, answers_path_for, read_answers
from parler_kit.errors import AnswerStoreError


def test_answers_path_sits_beside_the_notebook(tmp_path: Path) -> None:
    """A notebook's answers file is <dir>/<stem>.answers.json."""
    assert answers_path_for(tmp_path / "jour1.ipynb") == tmp_path / "jour1.answers.json"


def test_open_creates_a_valid_empty_file(tmp_path: Path) -> None:
    """Opening a missing file creates it with schema version 1 and the ids given."""
    path = tmp_path / "carnet.answers.json"
    store = AnswerStore.open(path, participant_id="P-001", session_id="S-2026")
    data = json.loads(path.read_text("utf-8"))
    assert data == {
        "schema_version": 1,
        "participant_id": "P-001",
        "session_id": "S-2026",
        "answers": {},
    }
    assert store.path == path.absolute()
    assert store.participant_id == "P-001"
    assert store.session_id == "S-2026"


def test_set_writes_at_once_and_counts_attempts(tmp_path: Path) -> None:
    """Each set is on disk immediately, with a UTC timestamp, attempts and score."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path)
    store.set("quiz-1", ["b"], score=0, max_score=1)
    second = store.set("quiz-1", ("a", "c"), score=1, max_score=1)
    on_disk = json.loads(path.read_text("utf-8"))["answers"]["quiz-1"]
    assert on_disk["value"] == ["a", "c"]
    assert on_disk["attempts"] == 2
    assert on_disk["score"] == 1.0
    assert on_disk["changed_at"].endswith("Z")
    assert second.value == ["a", "c"]
    assert store.get("quiz-1") == second


def test_a_new_store_on_the_same_file_sees_the_answers(tmp_path: Path) -> None:
    """Answers survive closing the store: a new store restores them."""
    path = tmp_path / "a.answers.json"
    AnswerStore.open(path, participant_id="P-1").set("fiche-action", {"titre": "Lire ensemble"})
    again = AnswerStore.open(path)
    stored = again.get("fiche-action")
    assert stored is not None
    assert stored.value == {"titre": "Lire ensemble"}
    assert again.participant_id == "P-1"
    assert set(again.items()) == {"fiche-action"}


def test_two_stores_on_one_file_never_lose_each_others_keys(tmp_path: Path) -> None:
    """A store writing key B keeps key A written meanwhile by another store."""
    path = tmp_path / "a.answers.json"
    first = AnswerStore.open(path)
    second = AnswerStore.open(path)
    first.set("a", 1)
    second.set("b", 2)
    first.set("c", 3)
    assert {k: v.value for k, v in read_answers(path).answers.items()} == {"a": 1, "b": 2, "c": 3}
    assert second.get("c") is not None


def test_delete_removes_only_that_key(tmp_path: Path) -> None:
    """Deleting a key keeps the others; deleting a missing key is harmless."""
    store = AnswerStore.open(tmp_path / "a.answers.json")
    store.set("observation:E-01", {"x": 1})
    store.set("keep", "oui")
    store.delete("observation:E-01")
    store.delete("never-there")
    assert set(store.items()) == {"keep"}


def test_non_json_value_is_refused_and_store_unchanged(tmp_path: Path) -> None:
    """A value that is not plain JSON data raises a French error and writes nothing."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path)
    store.set("k", "avant")
    before = path.read_bytes()
    with pytest.raises(AnswerStoreError, match="ne peut pas être enregistrée"):
        store.set("k", {1, 2})
    with pytest.raises(AnswerStoreError, match="ne peut pas être enregistrée"):
        store.set("k", float("nan"))
    with pytest.raises(AnswerStoreError, match="Identifiant de réponse invalide"):
        store.set("  ", "x")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"schema_version": 1, "answers": {', "JSON valide"),
        ('{"schema_version": 2, "answers": {}}', "version de format inconnue"),
        ("[1, 2]", "table JSON"),
        ('{"schema_version": 1, "answers": {"q": {"value": 1}}}', "changed_at"),
        (b"\xff\xfe garbage".decode("latin-1"), "JSON valide"),
    ],
)
def test_corrupt_file_is_moved_aside_never_overwritten(
    tmp_path: Path, text: str, reason: str
) -> None:
    """A bad file is kept aside as .corrupt-<timestamp>, the error names both paths and why."""
    path = tmp_path / "a.answers.json"
    path.write_text(text, "utf-8")
    with pytest.raises(AnswerStoreError, match=reason) as caught:
        AnswerStore.open(path)
    asides = list(tmp_path.glob("a.answers.json.corrupt-*"))
    assert len(asides) == 1
    assert asides[0].read_text("utf-8") == text
    assert str(asides[0]) in str(caught.value)
    assert str(path) in str(caught.value)
    assert not path.exists()
    AnswerStore.open(path).set("k", 1)  # a fresh file can then be started
    assert asides[0].read_text("utf-8") == text


def test_file_corrupted_while_open_is_moved_aside_on_next_write(tmp_path: Path) -> None:
    """A hand edit between two writes is detected under the lock, kept aside, not overwritten."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path)
    store.set("k", 1)
    path.write_text("{oops", "utf-8")
    with pytest.raises(AnswerStoreError, match="mis de côté"):
        store.set("k", 2)
    (aside,) = tmp_path.glob("a.answers.json.corrupt-*")
    assert aside.read_text("utf-8") == "{oops"


def test_read_answers_never_moves_a_corrupt_file(tmp_path: Path) -> None:
    """The read-only reader raises on a corrupt file and leaves it where it is."""
    path = tmp_path / "a.answers.json"
    path.write_text("{", "utf-8")
    with pytest.raises(AnswerStoreError, match="n'a pas été modifié"):
        read_answers(path)
    assert path.read_text("utf-8") == "{"
    assert list(tmp_path.iterdir()) == [path]
    with pytest.raises(AnswerStoreError, match="n'existe pas"):
        read_answers(tmp_path / "missing.answers.json")


def test_read_answers_returns_the_whole_file(tmp_path: Path) -> None:
    """read_answers gives the header and every answer as StoredAnswer records."""
    path = tmp_path / "a.answers.json"
    store = AnswerStore.open(path, participant_id="P-7", session_id="S")
    store.set("q", ["a"], score=1, max_score=1)
    loaded = read_answers(path)
    assert (loaded.schema_version, loaded.participant_id, loaded.session_id) == (1, "P-7", "S")
    assert loaded.answers["q"].score == 1.0
    assert loaded.answers["q"].attempts == 1


def test_another_participants_file_is_refused(tmp_path: Path) -> None:
    """Opening a file with a different participant id is an error; the file is untouched."""
    path = tmp_path / "a.answers.json"
    AnswerStore.open(path, participant_id="P-1").set("k", 1)
    before = path.read_bytes()
    with pytest.raises(AnswerStoreError, match="P-1"):
        AnswerStore.open(path, participant_id="P-2")
    assert path.read_bytes() == before


def test_stale_temp_files_are_cleaned_on_open(tmp_path: Path) -> None:
    """A temp file left by a killed writer is removed when the store is next opened."""
    path = tmp_path / "a.answers.json"
    AnswerStore.open(path)
    leftover = tmp_path / ".a.answers.json.abc123.tmp"
    leftover.write_text("half", "utf-8")
    AnswerStore.open(path)
    assert not leftover.exists()


def test_direct_construction_is_refused() -> None:
    """AnswerStore must be created through open(), which validates the file."""
    with pytest.raises(TypeError, match="open"):
        AnswerStore(Path("x"), None, None, _token=None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe{}", "ce n'est pas du texte UTF-8 (octet illisible à la position 0)"),
        (b'{"answers": {}}', "pas de version de format (« schema_version », attendue : 1)"),
        (b'{"schema_version": 1, "answers": ', "ce n'est pas du JSON valide, ligne 1, colonne 34"),
    ],
)
def test_an_unusable_file_is_explained_in_plain_french(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    """Not UTF-8, no version, broken JSON: the cause in French words (no Python message)."""
    path = tmp_path / "carnet.answers.json"
    path.write_bytes(content)
    with pytest.raises(AnswerStoreError) as caught:
        read_answers(path)
    assert caught.value.reason.replace("\u202f", " ").replace("\xa0", " ").startswith(reason)
    assert str(path) in str(caught.value)
