"""parler_kit.atomic: whole files only, durable renames, private files kept private, one owner.

Durability is observed by watching the real os.fsync calls (the spy calls through): the folder
must be fsynced after the rename, or a power cut can bring the old file back.
"""

from __future__ import annotations

import ast
import fcntl
import multiprocessing
import os
import stat
from pathlib import Path

import pytest

import parler_kit
from parler_kit.atomic import locked, move, replacing, write_atomic


def test_a_file_is_replaced_whole_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    """The new bytes replace the old ones; nothing else stays in the folder."""
    target = tmp_path / "manifest.csv"
    target.write_bytes(b"old")
    write_atomic(target, "nouveau contenu é".encode())
    assert target.read_bytes() == "nouveau contenu é".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.csv"]


def test_a_private_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """private=True gives mode 0600, also over a leftover temporary file with a wider mode."""
    target = tmp_path / "codes.csv"
    leftover = tmp_path / ".codes.csv.partial"  # left by a crash, readable by everyone
    leftover.write_bytes(b"")
    leftover.chmod(0o644)
    write_atomic(target, b"identifiant;code\n", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not leftover.exists()


def test_a_failed_write_names_the_file_not_the_temporary_one(tmp_path: Path) -> None:
    """An OSError (here: no such folder) names the file that could not be written."""
    target = tmp_path / "absent" / "handout.pdf"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(target, b"%PDF")
    assert caught.value.filename == str(target)


def _spy_fsync(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every real os.fsync call: « folder » or « file »; the spy calls the real fsync."""
    calls: list[str] = []
    real = os.fsync

    def recording(descriptor: int) -> None:
        calls.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real(descriptor)  # the real call: the spy only watches

    monkeypatch.setattr(os, "fsync", recording)
    return calls


def test_write_atomic_fsyncs_the_folder_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is fsynced, moved into place, then its folder fsynced (a power cut keeps the save)."""
    target = tmp_path / "manifest.json"
    target.write_bytes(b"old")
    seen: list[tuple[str, bytes]] = []
    real = os.fsync

    def recording(descriptor: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file"
        seen.append((kind, target.read_bytes()))
        real(descriptor)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomic(target, b"new")
    assert seen == [("file", b"old"), ("folder", b"new")]


def test_a_durable_move_fsyncs_both_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """move() renames over the destination and fsyncs the folder it left and the one it reached."""
    calls = _spy_fsync(monkeypatch)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.json").write_bytes(b"x")
    move(tmp_path / "a" / "x.json", tmp_path / "b" / "y.json")
    assert (tmp_path / "b" / "y.json").read_bytes() == b"x"
    assert not (tmp_path / "a" / "x.json").exists()
    assert calls == ["folder", "folder"]


def test_fsync_of_a_folder_is_skipped_where_the_platform_cannot_open_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without os.O_DIRECTORY (Windows) the folder is not opened and the write still succeeds."""
    calls = _spy_fsync(monkeypatch)
    monkeypatch.delattr(os, "O_DIRECTORY")
    write_atomic(tmp_path / "a.txt", b"a")
    assert (tmp_path / "a.txt").read_bytes() == b"a"
    assert calls == ["file"]


def test_replacing_leaves_the_target_untouched_when_the_writer_fails(tmp_path: Path) -> None:
    """An exception inside the block keeps the old file and removes the temporary one."""
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("WeasyPrint failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]


def test_concurrent_writers_get_temporary_files_of_their_own(tmp_path: Path) -> None:
    """With concurrent=True two writers of one file never share (and truncate) a temporary file."""
    target = tmp_path / "bank.pickle"
    with replacing(target, concurrent=True) as first, replacing(target, concurrent=True) as second:
        assert first != second
        first.write_bytes(b"first")
        second.write_bytes(b"second")
    assert target.read_bytes() == b"first"  # the outer block ends last
    assert [p.name for p in tmp_path.iterdir()] == ["bank.pickle"]


def _try_lock(lock_file: str) -> bool:
    """In another process: whether an exclusive flock on `lock_file` can be taken at once."""
    with Path(lock_file).open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def test_locked_keeps_other_processes_out_until_the_block_ends(tmp_path: Path) -> None:
    """While `locked` holds the lock another process cannot take it; afterwards it can."""
    lock_file = tmp_path / "a.answers.json.lock"
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        with locked(lock_file):
            assert pool.apply(_try_lock, (str(lock_file),)) is False
        assert pool.apply(_try_lock, (str(lock_file),)) is True


def _renames_and_locks(tree: ast.AST) -> list[int]:
    """Lines calling os.replace/os.rename/fcntl.flock/lockf, or a path's one-argument .replace/.rename."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
        name = node.func.attr
        by_module = (owner, name) in {
            ("os", "replace"), ("os", "rename"), ("fcntl", "flock"), ("fcntl", "lockf"),
        }  # fmt: skip
        # str.replace takes two arguments; Path.replace/rename one (the destination).
        by_path = name in {"replace", "rename"} and len(node.args) == 1 and not node.keywords
        if by_module or by_path:
            lines.append(node.lineno)
    return lines


def test_only_the_atomic_module_renames_files_into_place_or_locks_them() -> None:
    """No module of src/ but parler_kit/atomic.py calls os.replace, Path.replace/rename or flock."""
    source = Path(parler_kit.__file__).parent.parent
    found = {
        f"{path.relative_to(source)}:{line}"
        for path in sorted(source.rglob("*.py"))
        for line in _renames_and_locks(ast.parse(path.read_text("utf-8")))
        if path.relative_to(source).as_posix() != "parler_kit/atomic.py"
    }
    assert not found, f"use parler_kit.atomic instead: {sorted(found)}"
    assert _renames_and_locks(ast.parse("Path('a').replace(Path('b'))")) == [1]
    assert _renames_and_locks(ast.parse("'a'.replace('a', 'b')")) == []
