"""The room's ``emargement`` hub service: trainers open and close sheets, participants sign.

The hub starts ``python -m parler_kit.signing --hub-service ROOM/emargement`` with its
environment (``JUPYTERHUB_SERVICE_PREFIX`` is ``/services/emargement/``). Every visitor logs in
through the hub with OAuth (`HubOAuthenticated`); who they are comes from the hub, never from the
page: the signer of a signature is the logged-in user, and the trainers' actions need the
trainers' group. Every POST carries the hub's XSRF token (the application has ``xsrf_cookies``;
JupyterHub's `HubOAuth` checks it).

Routes under the prefix: ``""`` the participant's signing page, or the trainers' sheet for a
trainer (with their own signature); ``liste`` the trainers' live list (an HTML fragment the
sheet page fetches every second); ``signer`` (POST) a signature; ``action`` (POST) a trainer's
action (open, close, absent, present, arrival, departure).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import os
from functools import cache
from typing import Any, cast

from jinja2 import Environment
from jupyterhub.services.auth import (  # type: ignore[import-untyped,unused-ignore]
    HubOAuthCallbackHandler,
    HubOAuthenticated,
)
from tornado.web import Application, HTTPError, RequestHandler

from parler_kit.admin.formatting import format_time
from parler_kit.i18n import format_date, ui_text
from parler_kit.printing.environment import template_environment
from parler_kit.roster import HalfDay
from parler_kit.signing.records import (
    Action,
    HalfDayState,
    Refused,
    Register,
    half_day_key,
    open_half_day,
    outcome,
)

#: The hub group whose members run the sheets.
TRAINERS = "formateurs"
#: How often the trainers' page asks for the list (the list is current within about this).
LIST_REFRESH_MS = 1000
_DATA_URL = "data:image/png;base64,"


def half_day_label(half_day: HalfDay) -> str:
    """« lundi 8 mars 2027, matin »."""
    return f"{format_date(half_day.date, weekday=True)}, {half_day.period}"


@cache
def _environment() -> Environment:
    return template_environment("parler_kit.signing")


def _render(template: str, **context: Any) -> str:
    return str(_environment().get_template(template).render(t=ui_text, **context))


class SigningHandler(HubOAuthenticated, RequestHandler):  # type: ignore[misc,unused-ignore]
    """Base of every route: a hub login, the register, no caching, French error pages."""

    register: Register
    prefix: str

    def initialize(self, register: Register, prefix: str) -> None:
        """Tornado passes the shared register and the prefix to each handler."""
        self.register = register
        self.prefix = prefix

    def prepare(self) -> None:
        """Log in through the hub first (GET redirects to the hub's login; POST is refused)."""
        self.set_header("Cache-Control", "no-store")
        if self.get_current_user() is None:
            if self.request.method in ("GET", "HEAD"):
                self.redirect(self.get_login_url())
                return
            raise HTTPError(403)

    @property
    def username(self) -> str:
        """The hub's name of the logged-in person."""
        user = cast(dict[str, Any], self.get_current_user())
        return str(user["name"])

    @property
    def is_trainer(self) -> bool:
        """Whether the hub puts the logged-in person in the trainers' group."""
        user = cast(dict[str, Any], self.get_current_user())
        return TRAINERS in user.get("groups", ())

    def page(self, template: str, status: int = 200, **context: Any) -> None:
        """Finish with a whole French page."""
        self.set_status(status)
        self.finish(
            _render(
                template,
                prefix=self.prefix,
                xsrf=self.xsrf_token.decode(),
                refresh_ms=LIST_REFRESH_MS,
                **context,
            )
        )

    def message(self, title: str, text: str, status: int = 200) -> None:
        """A short page with a message and the way back."""
        self.page("message.html.j2", status, title=title, text=text)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Errors as short French pages."""
        self.finish(
            _render(
                "message.html.j2",
                prefix=self.prefix,
                xsrf="",
                refresh_ms=LIST_REFRESH_MS,
                title=ui_text("signing.error.title", status=status_code),
                text="",
            )
        )

    def current(self) -> tuple[str | None, HalfDay | None, dict[str, HalfDayState]]:
        """The open sheet's key and half-day (None when no sheet is open), and every state."""
        states = self.register.state()
        key = open_half_day(states)
        return key, (self.register.setup.half_day(key) if key else None), states


class HomeHandler(SigningHandler):
    """The trainers' sheet for a trainer; the signing page for everyone else."""

    def get(self) -> None:
        """Serve the page that fits the person."""
        if self.is_trainer:
            self.page("feuille.html.j2", **self.sheet_context())
        else:
            self.page("signer.html.j2", **self.signing_context())

    def signing_context(self) -> dict[str, Any]:
        """What the signing page shows: the open half-day and whether the person signed it."""
        key, half_day, states = self.current()
        person = self.register.setup.person(self.username)
        signed_at = ""
        if key is not None:
            done = states[key].people.get(self.username)
            if done is not None and done.signature is not None:
                signed_at = format_time(done.signature.moment.time())
        return {
            "label": half_day_label(half_day) if half_day else "",
            "half_day": key or "",
            "signed_at": signed_at,
            "name": person.full_name if person else self.username,
            "trainer": False,
        }

    def sheet_context(self) -> dict[str, Any]:
        """What the trainers' page shows: the half-days, the open one, the list, own signature."""
        key, half_day, states = self.current()
        setup = self.register.setup
        today = dt.date.today()
        now = dt.datetime.now().time()
        suggested = next(
            (
                half_day_key(h)
                for h in setup.half_days
                if h.date == today and (now < h.end or h.period != "matin")
            ),
            half_day_key(setup.half_days[0]) if setup.half_days else "",
        )
        return {
            **self.signing_context(),
            "trainer": True,
            "half_days": [(half_day_key(h), half_day_label(h)) for h in setup.half_days],
            "suggested": suggested,
            "rows": list_rows(self.register, key, half_day, states),
        }


def list_rows(
    register: Register, key: str | None, half_day: HalfDay | None, states: dict[str, HalfDayState]
) -> list[dict[str, Any]]:
    """One row per participant of the open sheet: name, state in words, username."""
    if key is None or half_day is None:
        return []
    rows = []
    for person in register.setup.participants:
        signed = states[key].people.get(person.username)
        result = outcome(half_day, signed)
        if signed is not None and signed.absent is not None:
            status = ui_text("signing.list.absent")
        elif result.signed_at is not None:
            status = ui_text("signing.list.signed", time=format_time(result.signed_at.time()))
        else:
            status = ui_text("signing.list.waiting")
        if signed is not None and signed.absent is None:
            for mark in (signed.arrival, signed.departure):
                if mark is not None:
                    clock = format_time(dt.time.fromisoformat(mark.clock))
                    status += " — " + ui_text(f"signing.list.{mark.action}", time=clock)
        rows.append(
            {
                "username": person.username,
                "name": person.full_name,
                "status": status,
                "state": result.status if signed is not None else "waiting",
                "marked_absent": signed is not None and signed.absent is not None,
            }
        )
    return rows


class ListHandler(SigningHandler):
    """The trainers' live list (an HTML fragment)."""

    def get(self) -> None:
        """The list of the open sheet now (trainers only)."""
        if not self.is_trainer:
            raise HTTPError(403)
        key, half_day, states = self.current()
        rows = list_rows(self.register, key, half_day, states)
        # The first line names the list's version: the page replaces its list only when the
        # version changed (the XSRF token in the forms differs on every request).
        version = hashlib.sha256(repr((key, rows)).encode("utf-8")).hexdigest()[:16]
        body = _render("_liste.html.j2", rows=rows, xsrf=self.xsrf_token.decode(),
                       prefix=self.prefix, half_day=key or "")  # fmt: skip
        self.finish(f"<!--{version}-->\n{body}")


class SignHandler(SigningHandler):
    """A signature: drawn (PNG data URL) or typed, for the logged-in person only."""

    def post(self) -> None:
        """Append the signature, then say when it was recorded (or why it was refused)."""
        drawn = self.get_body_argument("signature", "")
        typed = self.get_body_argument("nom", "")
        png = None
        if drawn.startswith(_DATA_URL) and not typed.strip():
            try:
                png = base64.b64decode(drawn.removeprefix(_DATA_URL), validate=True)
            except (binascii.Error, ValueError):
                png = b""
        # The person signing is the hub's user; a « personne » field in the form is ignored.
        try:
            entry = self.register.append(
                "sign",
                self.username,
                client=str(self.request.remote_ip or ""),
                half_day=self.get_body_argument("demi_journee", ""),
                person=self.username,
                png=png,
                typed=typed,
            )
        except Refused as refusal:
            self.message(ui_text("signing.refused.title"), str(refusal), status=409)
            return
        when = format_time(entry.moment.time())
        self.message(
            ui_text("signing.done.title"),
            ui_text("signing.done.text", time=when),
        )


class ActionHandler(SigningHandler):
    """A trainer's action, then back to the sheet."""

    def post(self) -> None:
        """Open, close, mark absent, present again, or set an arrival or departure time."""
        action = self.get_body_argument("action", "")
        allowed: dict[str, Action] = {
            "ouvrir": "open",
            "clore": "close",
            "absent": "absent",
            "present": "present",
            "arrivee": "arrival",
            "depart": "departure",
        }
        if action not in allowed:
            raise HTTPError(400)
        try:
            self.register.append(
                allowed[action],
                self.username,
                client=str(self.request.remote_ip or ""),
                half_day=self.get_body_argument("demi_journee", ""),
                person=self.get_body_argument("personne", ""),
                clock=self.get_body_argument("heure", ""),
            )
        except Refused as refusal:
            self.message(ui_text("signing.refused.title"), str(refusal), status=409)
            return
        self.redirect(self.prefix)


def signing_app(register: Register, prefix: str) -> Application:
    """The application with the hub's OAuth callback and XSRF-checked forms."""
    options = {"register": register, "prefix": prefix}
    return Application(
        [
            (f"{prefix}oauth_callback", HubOAuthCallbackHandler),
            (prefix, HomeHandler, options),
            (f"{prefix}liste", ListHandler, options),
            (f"{prefix}signer", SignHandler, options),
            (f"{prefix}action", ActionHandler, options),
        ],
        xsrf_cookies=True,
        cookie_secret=os.urandom(32),
    )
