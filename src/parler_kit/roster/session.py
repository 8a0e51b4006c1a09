"""Read ``session.yaml``: the course's title, place, half-days, people and objectives.

Keys are the English field names of `Session` (``title``, ``place``…) or their French
equivalents (``titre``, ``lieu``…), so an organiser can write the file in French. Every problem is
collected and reported together, naming the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from parler_kit.errors import Problem, RosterError
from parler_kit.i18n import ui_text
from parler_kit.i18n.yaml_errors import yaml_problem
from parler_kit.roster.ids import is_safe_id
from parler_kit.roster.model import HalfDay, Period, Session
from parler_kit.roster.normalise import ascii_slug, fold
from parler_kit.roster.organisme import organisme_of, split_objectives

#: Canonical key → other accepted spellings (compared folded).
_KEYS: Mapping[str, tuple[str, ...]] = {
    "id": ("identifiant",),
    "title": ("titre", "intitule"),
    "place": ("lieu",),
    "address": ("adresse",),
    "cite_educative": ("cite educative",),
    "organisation": ("organisme", "organisateur", "organization"),
    "trainers": ("formateurs", "formatrices", "formateur", "formatrice"),
    "coordinator": ("coordination", "coordinateur", "coordinatrice"),
    "objectives": ("objectifs",),
    "days": ("dates", "journees", "jours"),
    "organisme": ("organisme formation", "organisme de formation", "training organisation"),
    "audience": ("public", "public vise"),
    "prerequisites": ("prerequis",),
    "accessibility": ("accessibilite",),
    "rules": ("reglement interieur", "reglement"),
    "methods": ("methodes", "methodes pedagogiques", "moyens pedagogiques"),
    "price": ("tarif", "prix", "cout", "financement"),
}
_TEXT_FIELDS = ("title", "place", "address", "cite_educative", "organisation", "coordinator")
_OPTIONAL_TEXTS = ("audience", "prerequisites", "accessibility", "rules", "methods", "price")
_PERIODS: Mapping[str, Period] = {
    "matin": "matin",
    "morning": "matin",
    "apres midi": "après-midi",
    "afternoon": "après-midi",
}
_HOURS = re.compile(
    r"^\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*(?:-|–|—|à|a)\s*(\d{1,2})\s*[h:]\s*(\d{2})?\s*$"
)


#: Most values (scalars, list items, keys) a session file may hold once its aliases are expanded:
#: a real session has a few hundred; a « billion laughs » file, nested aliases (``*a`` nine times
#: in ``&b``, ``*b`` nine times in ``&c``…), would hold billions and exhaust the memory.
MAX_SESSION_NODES = 20_000


class _TooLarge(Exception):
    """The document expands beyond `MAX_SESSION_NODES` (or nests itself through an alias)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _TextDatesLoader(yaml.SafeLoader):
    """Safe loader that leaves dates as text, so « 2027-02-30 » is a field error, not a crash.

    It also measures the document before building any Python object from it, and refuses one
    whose anchors and aliases expand beyond `MAX_SESSION_NODES` values, at once.
    """

    def compose_document(self) -> yaml.Node | None:
        """The document's node tree, refused when its expanded size is not sane."""
        node: yaml.Node | None = super().compose_document()
        if node is not None:
            _expanded_size(node, {}, set())
        return node


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """Values `node` stands for once aliases are copied out; _TooLarge beyond the limit.

    Each distinct node is measured once (`sizes`), so a bomb is measured in linear time.
    """
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_nodes:  # an alias to one of its own ancestors: infinitely large
        raise _TooLarge(node.start_mark.line + 1)
    open_nodes.add(key)
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, sizes, open_nodes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            size += _expanded_size(name, sizes, open_nodes)
            size += _expanded_size(value, sizes, open_nodes)
    open_nodes.discard(key)
    if size > MAX_SESSION_NODES:
        raise _TooLarge(node.start_mark.line + 1)
    sizes[key] = size
    return size


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_session(path: Path) -> Session:
    """The session described by `path`; RosterError (French, naming each field) when invalid."""
    path = Path(path)
    where = str(path)
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TextDatesLoader)
    except FileNotFoundError:
        raise RosterError([Problem(ui_text("session.missing"), file=where)], _summary(1)) from None
    except (_TooLarge, RecursionError) as error:
        line = error.line if isinstance(error, _TooLarge) else None
        problem = Problem(
            ui_text("session.too_large", limit=MAX_SESSION_NODES), file=where, row=line
        )
        raise RosterError([problem], _summary(1)) from None
    except UnicodeDecodeError as error:
        row = error.object[: error.start].count(b"\n") + 1
        problem = Problem(ui_text("session.encoding", position=error.start), file=where, row=row)
        raise RosterError([problem], _summary(1)) from None
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        problem = Problem(
            ui_text("session.yaml", detail=yaml_problem(error)),
            file=where,
            row=None if line is None else line + 1,
        )
        raise RosterError([problem], _summary(1)) from None
    if not isinstance(data, dict):
        raise RosterError([Problem(ui_text("session.not_mapping"), file=where)], _summary(1))
    problems: list[Problem] = []
    values = _canonical_keys(data, where, problems)
    texts = {name: _text(values, name, where, problems) for name in _TEXT_FIELDS}
    trainers = _text_list(values, "trainers", where, problems)
    objectives, assessments = split_objectives(values.get("objectives"), where, problems)
    organisme = organisme_of(values.get("organisme"), texts["organisation"], path, problems)
    extras = {name: _optional_text(values, name, where, problems) for name in _OPTIONAL_TEXTS}
    half_days = _half_days(values.get("days"), where, problems)
    session_id = _session_id(values.get("id"), texts["title"], half_days, where, problems)
    if problems:
        raise RosterError(problems, _summary(len(problems)))
    return Session(
        id=session_id,
        title=texts["title"],
        place=texts["place"],
        address=texts["address"],
        cite_educative=texts["cite_educative"],
        organisation=texts["organisation"],
        trainers=trainers,
        coordinator=texts["coordinator"],
        objectives=objectives,
        half_days=half_days,
        organisme=organisme,
        assessments=assessments,
        audience=extras["audience"],
        prerequisites=extras["prerequisites"],
        accessibility=extras["accessibility"],
        rules=extras["rules"],
        methods=extras["methods"],
        price=extras["price"],
        source=path,
    )


def _summary(count: int) -> str:
    return ui_text("session.invalid", count=count)


def _canonical_keys(data: dict[Any, Any], where: str, problems: list[Problem]) -> dict[str, Any]:
    spelling = {fold(s): name for name, others in _KEYS.items() for s in (name, *others)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = spelling.get(fold(str(key)))
        if name is None:
            problems.append(Problem(ui_text("session.unknown_key"), file=where, field=str(key)))
        elif name in values:
            problems.append(Problem(ui_text("session.duplicate_key"), file=where, field=str(key)))
        else:
            values[name] = value
    return values


def _text(values: dict[str, Any], name: str, where: str, problems: list[Problem]) -> str:
    value = values.get(name)
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    problems.append(Problem(ui_text("session.text_required"), file=where, field=name))
    return ""


def _optional_text(
    values: dict[str, Any], name: str, where: str, problems: list[Problem]
) -> str | None:
    if values.get(name) is None:
        return None
    return _text(values, name, where, problems)


def _text_list(
    values: dict[str, Any], name: str, where: str, problems: list[Problem]
) -> tuple[str, ...]:
    value = values.get(name)
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    problems.append(Problem(ui_text("session.list_required"), file=where, field=name))
    return ()


def _half_days(value: Any, where: str, problems: list[Problem]) -> tuple[HalfDay, ...]:
    if not isinstance(value, list) or not value:
        problems.append(Problem(ui_text("session.days_required"), file=where, field="days"))
        return ()
    half_days: list[HalfDay] = []
    for number, day in enumerate(value, start=1):
        field = f"days[{number}]"
        if not isinstance(day, dict):
            problems.append(Problem(ui_text("session.day_mapping"), file=where, field=field))
            continue
        date: dt.date | None = None
        periods: list[tuple[Period, Any, str]] = []
        for key, item in day.items():
            folded = fold(str(key))
            if folded in {"date", "jour"}:
                date = _date(item, where, f"{field}.{key}", problems)
            elif folded in _PERIODS:
                periods.append((_PERIODS[folded], item, f"{field}.{key}"))
            else:
                problems.append(
                    Problem(ui_text("session.day_key"), file=where, field=f"{field}.{key}")
                )
        if date is None and not any(fold(str(k)) in {"date", "jour"} for k in day):
            problems.append(Problem(ui_text("session.date_missing"), file=where, field=field))
        if not periods:
            problems.append(Problem(ui_text("session.periods_missing"), file=where, field=field))
        for period, hours, period_field in periods:
            times = _hours(hours, where, period_field, problems)
            if date is not None and times is not None:
                half_days.append(HalfDay(date, period, *times))
    half_days.sort(key=lambda h: (h.date, h.start))
    seen: set[tuple[dt.date, Period]] = set()
    for half_day in half_days:
        if (half_day.date, half_day.period) in seen:
            problems.append(
                Problem(
                    ui_text("session.day_twice", date=half_day.date.isoformat()),
                    file=where,
                    field="days",
                )
            )
        seen.add((half_day.date, half_day.period))
    return tuple(half_days)


def _date(value: Any, where: str, field: str, problems: list[Problem]) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        match = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", value)
        if match:
            try:
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
    problems.append(Problem(ui_text("session.date", value=value), file=where, field=field))
    return None


def _hours(
    value: Any, where: str, field: str, problems: list[Problem]
) -> tuple[dt.time, dt.time] | None:
    match = _HOURS.match(value) if isinstance(value, str) else None
    if match:
        try:
            start = dt.time(int(match[1]), int(match[2] or 0))
            end = dt.time(int(match[3]), int(match[4] or 0))
        except ValueError:  # 25h00, 9h75
            pass
        else:
            if start < end:
                return start, end
    problems.append(Problem(ui_text("session.hours", value=value), file=where, field=field))
    return None


def _session_id(
    value: Any, title: str, half_days: tuple[HalfDay, ...], where: str, problems: list[Problem]
) -> str:
    if value is not None:
        text = str(value).strip()
        if is_safe_id(text):
            return text
        problems.append(Problem(ui_text("session.id", value=text), file=where, field="id"))
        return ""
    start = half_days[0].date.isoformat() if half_days else ""
    return ascii_slug(f"{title} {start}")[:64].strip("-") or "session"
