"""Read the YAML files of the content bank, validate every record, and build a `ContentBank`.

Each file looks like::

    schema_version: 1
    collection: milestones
    records:
      - id: ...

All problems of all files are collected and raised together as one `ContentError`, so a
trainer fixing the data sees every problem at once rather than one per run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from parler_kit.content.bank import COLLECTIONS, ContentBank
from parler_kit.content.checks import check_bank
from parler_kit.content.model import ExerciseItem
from parler_kit.content.pydantic_fr import describe_validation_error
from parler_kit.errors import ContentError, Problem

SCHEMA_VERSION = 1
_EXERCISE_ADAPTER: TypeAdapter[Any] = TypeAdapter(ExerciseItem)


def default_data_dir() -> Traversable:
    """The content bank shipped inside the package."""
    return files("parler_kit.content").joinpath("data")


@cache
def load_bank() -> ContentBank:
    """Load and validate the shipped content bank once per process (it is immutable)."""
    return load_bank_from(default_data_dir())


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
        problems.append(
            Problem(f"YAML illisible{where} : {getattr(error, 'problem', error)}", file=name)
        )
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
