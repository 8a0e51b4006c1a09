"""Read the YAML files of the content bank, validate every record, and build a `ContentBank`.

Each file looks like::

    schema_version: 1
    collection: milestones
    records:
      - id: ...

All problems of all files are collected and raised together as one `ContentError`, so a
trainer fixing the data sees every problem at once rather than one per run.

`load_bank()` (the shipped data) keeps the validated bank in a cache file, so each participant's
kernel does not parse and validate the YAML again (≈ 0.5–1.6 s): ``content-bank-<key>.pickle``
under ``$PARLER_KIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/parler_kit``, else
``~/.cache/parler_kit``. The key is a hash of every data file and of the code that validates
them, so editing a YAML file (or the model) gives a new key: a cache is never stale. A cache
that cannot be read or written is ignored (the bank is validated as before).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pydantic
import yaml
from pydantic import TypeAdapter, ValidationError

from parler_kit.atomic import replacing
from parler_kit.content.bank import COLLECTIONS, ContentBank
from parler_kit.content.checks import check_bank
from parler_kit.content.model import ExerciseItem
from parler_kit.content.pydantic_fr import describe_validation_error
from parler_kit.environment import CACHE_DIR
from parler_kit.errors import ContentError, Problem
from parler_kit.i18n.yaml_errors import yaml_problem

SCHEMA_VERSION = 1
#: The modules whose code decides what a validated bank contains (part of the cache key).
_VALIDATING_MODULES = ("bank.py", "checks.py", "loader.py", "model.py", "pydantic_fr.py")
_EXERCISE_ADAPTER: TypeAdapter[Any] = TypeAdapter(ExerciseItem)


def default_data_dir() -> Traversable:
    """The content bank shipped inside the package."""
    return files("parler_kit.content").joinpath("data")


@cache
def load_bank() -> ContentBank:
    """The shipped content bank, validated, once per process (it is immutable).

    Read from the cache file when one exists for the current data and code, else validated
    from the YAML files and written to the cache.
    """
    folder = default_data_dir()
    path = bank_cache_dir() / f"content-bank-{bank_cache_key(folder)}.pickle"
    cached = _read_cached_bank(path)
    if cached is not None:
        return cached
    bank = load_bank_from(folder)
    _write_cached_bank(path, bank)
    return bank


def bank_cache_dir() -> Path:
    """Where validated banks are cached (never the repository or the package)."""
    explicit = os.environ.get(CACHE_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "parler_kit"


def bank_cache_key(folder: Traversable | Path) -> str:
    """A hash of every ``*.yaml`` file of `folder` and of the validating code and versions."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|pydantic {pydantic.VERSION}|{SCHEMA_VERSION}".encode())
    code = files("parler_kit.content")
    for name in _VALIDATING_MODULES:
        digest.update(name.encode() + b"\0" + code.joinpath(name).read_bytes())
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()[:32]


def _read_cached_bank(path: Path) -> ContentBank | None:
    try:
        with path.open("rb") as stream:
            bank = pickle.load(stream)  # the user's own cache, keyed by content hash
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return bank if isinstance(bank, ContentBank) else None


def _write_cached_bank(path: Path, bank: ContentBank) -> None:
    """Write atomically (`replacing`); a read-only or full disk only skips the cache.

    Several processes (a batch's workers) may write the same cache file at once: `concurrent`.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path, concurrent=True) as temporary, temporary.open("wb") as stream:
            pickle.dump(bank, stream, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        return


def load_bank_from(folder: Traversable | Path) -> ContentBank:
    """Load and validate every ``*.yaml`` file of `folder`; raise `ContentError` listing all problems."""
    problems: list[Problem] = []
    records: dict[str, list[Any]] = defaultdict(list)
    located: list[tuple[str, Any]] = []  # (file name, record), for checks that name the file
    entries = sorted(
        (e for e in folder.iterdir() if e.name.endswith(".yaml")), key=lambda e: e.name
    )
    if not entries:
        raise ContentError([Problem(f"aucun fichier .yaml dans {folder}")])
    for entry in entries:
        try:
            text = entry.read_text("utf-8")
        except UnicodeDecodeError as error:
            message = f"texte illisible (octet {error.start}) : enregistrez le fichier en UTF-8"
            problems.append(Problem(message, file=entry.name))
            continue
        collection, parsed = _read_file(entry.name, text, problems)
        if collection is not None:
            records[collection].extend(parsed)
            located.extend((entry.name, record) for record in parsed)
    bank = ContentBank(**{name: tuple(items) for name, items in records.items()})  # type: ignore[arg-type]  # keys are COLLECTIONS, checked above
    problems.extend(check_bank(bank, located))
    if problems:
        raise ContentError(problems)
    return bank


def _read_file(name: str, text: str, problems: list[Problem]) -> tuple[str | None, list[Any]]:
    """Parse one YAML file into validated records; append what is wrong to `problems`."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (ligne {mark.line + 1}, colonne {mark.column + 1})" if mark else ""
        problems.append(Problem(f"YAML illisible{where} : {yaml_problem(error)}", file=name))
        return None, []
    if not isinstance(document, dict):
        problems.append(
            Problem("le fichier doit contenir schema_version, collection et records", file=name)
        )
        return None, []
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        problems.append(
            Problem(
                f"schema_version {version!r} non pris en charge (attendu : {SCHEMA_VERSION})",
                file=name,
            )
        )
        return None, []
    collection = document.get("collection")
    if collection not in COLLECTIONS:
        problems.append(
            Problem(
                f"collection inconnue {collection!r} (attendu : {', '.join(COLLECTIONS)})",
                file=name,
                field="collection",
            )
        )
        return None, []
    unknown_keys = set(document) - {"schema_version", "collection", "records"}
    if unknown_keys:
        problems.append(Problem(f"clé inconnue : {', '.join(sorted(unknown_keys))}", file=name))
    raw_records = document.get("records")
    if not isinstance(raw_records, list):
        problems.append(Problem("« records » doit être une liste", file=name, field="records"))
        return None, []
    return collection, list(_validate_records(name, collection, raw_records, problems))


def _validate_records(
    name: str, collection: str, raw_records: list[Any], problems: list[Problem]
) -> Iterable[Any]:
    record_class = COLLECTIONS[collection]
    for position, raw in enumerate(raw_records, start=1):
        record_id = raw.get("id") if isinstance(raw, dict) else None
        label = str(record_id) if record_id else f"n°{position}"
        try:
            if record_class is None:  # exercises: the record's own ``kind`` picks the class
                record = _EXERCISE_ADAPTER.validate_python(raw)
            else:
                record = record_class.model_validate(raw)
        except ValidationError as error:
            for field, message in describe_validation_error(error):
                problems.append(Problem(message, file=name, record_id=label, field=field))
            continue
        yield record
