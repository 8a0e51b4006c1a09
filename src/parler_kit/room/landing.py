"""Each participant's landing page: a static French page listing their workbook and released days.

``accueil.html`` is a plain HTML file served by the participant's own server (``/files/…``):
opening it starts no kernel, so a login shows the page at once and costs no memory; each link
opens a notebook in Voilà. It is rewritten by `room prepare` and by every `room release`; it
holds no answer, so rewriting it loses nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment

from parler_kit.atomic import write_atomic
from parler_kit.i18n import french_typography, ui_text
from parler_kit.printing.environment import template_environment
from parler_kit.room.settings import LANDING_PAGE

_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)
#: From ``/user/<name>/files/accueil.html`` to the notebooks rendered by Voilà.
_VOILA = "../voila/render/"
#: The page's sentences (catalog keys ``room.landing.<key>``), French typography included.
_TEXTS = ("title", "greeting", "intro", "my_workbook", "workbook_link", "waiting", "logout",
          "presence", "sign", "sign_help")  # fmt: skip
#: The room's émargement service (`parler_kit.signing`): its page says which half-day's sheet is
#: open, or that none is. The link is always on the page, which stays static: the participant's
#: server serves it sandboxed (``Content-Security-Policy: sandbox``), so it could not ask the
#: service itself.
SIGNING_PAGE = "/services/emargement/"


@dataclass(frozen=True)
class Link:
    """One notebook on the page."""

    title: str
    href: str


@dataclass(frozen=True)
class Day:
    """One released day and its notebooks."""

    title: str
    links: tuple[Link, ...]


def notebook_title(path: Path) -> str:
    """The first level-1 heading of a notebook's markdown, else its file name."""
    try:
        notebook = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return path.stem
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            match = _HEADING.search("".join(cell.get("source", [])))
            if match:
                return match.group(1).strip().replace("*", "")
    return path.stem


def landing_html(folder: Path, first_name: str, workbook: str, days: list[str]) -> str:
    """The page: greeting, the workbook link, then each released day's notebooks."""
    released = []
    for day in days:
        notebooks = sorted((folder / day).glob("*.ipynb"))
        if notebooks:
            links = tuple(
                Link(french_typography(notebook_title(nb)), f"{_VOILA}{day}/{nb.name}")
                for nb in notebooks
            )
            released.append(Day(ui_text("room.landing.day", number=day.removeprefix("day")), links))
    return (
        _environment()
        .get_template("accueil.html.j2")
        .render(
            first_name=first_name,
            text={key: ui_text(f"room.landing.{key}") for key in _TEXTS},
            workbook=f"{_VOILA}{workbook}" if (folder / workbook).exists() else "",
            days=released,
            logout="/hub/logout",
            signing=SIGNING_PAGE,
        )
    )


@cache
def _environment() -> Environment:
    return template_environment("parler_kit.room")


def write_landing(folder: Path, first_name: str, workbook: str, days: list[str]) -> Path:
    """Write ``accueil.html`` in a participant's folder (atomically); return its path."""
    path = folder / LANDING_PAGE
    write_atomic(path, landing_html(folder, first_name, workbook, days).encode("utf-8"))
    return path
