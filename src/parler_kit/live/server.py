"""The live view's web server (tornado): pages, a server-sent event stream per page, actions.

The class folder is read again every `POLL_SECONDS`; when a file changed (or the trainer acted),
every open page receives its new body through its stream. Routes, under a prefix (``/`` alone,
``/services/classe/`` in the hub): ``""`` home, ``vue/<slug>`` a view (``?moderation=1`` for the
trainer's own screen), ``rejoindre`` the join panel, ``flux/<slug>`` the streams, ``action/<slug>``
the trainer's buttons (POST, XSRF-checked). `LiveHandler.allowed` is where the hub mode checks
who may see the view; alone on 127.0.0.1 everyone who reaches the port may.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tornado.ioloop import PeriodicCallback
from tornado.iostream import StreamClosedError
from tornado.web import Application, HTTPError, RequestHandler

from parler_kit.i18n import ui_text
from parler_kit.live.page import join_body, page, reset_button, view_controls
from parler_kit.live.state import LiveState
from parler_kit.live.views import View

#: How often the class folder is read again (the page updates within this plus the stream's time).
POLL_SECONDS = 0.5
#: A comment line is sent this often on an idle stream, so proxies keep it open.
KEEPALIVE_SECONDS = 15.0


@dataclass
class LiveService:
    """The state shared by every request, and the event that wakes the open streams."""

    state: LiveState
    prefix: str = "/"
    address: str | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    _bodies: dict[tuple[str, bool], tuple[int, str]] = field(default_factory=dict)

    def notify(self) -> None:
        """Wake every open stream (they compare their page's body and send it if it changed)."""
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def poll(self) -> None:
        """Read the class folder again; wake the streams if anything changed."""
        if self.state.refresh():
            self.notify()

    async def wait(self, timeout: float) -> None:
        """Until the next change, or `timeout` seconds."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    def payload(self, view: View | None, moderation: bool) -> str:
        """What a page's stream sends: its body and the view's flags, as JSON.

        Computed once per state version for all the pages showing the same view.
        """
        key = (view.slug if view else "", moderation)
        cached = self._bodies.get(key)
        if cached is not None and cached[0] == self.state.version:
            return cached[1]
        if view is None:
            data: dict[str, Any] = {"html": self.state.home(self.prefix)}
        else:
            data = {"html": self.state.body(view, moderation), **self.state.flags(view)}
        text = json.dumps(data, ensure_ascii=False)
        self._bodies[key] = (self.state.version, text)
        return text


class LiveHandler(RequestHandler):
    """Base of every route: the shared service, the access check, no caching."""

    live: LiveService

    def initialize(self, live: LiveService) -> None:
        """Tornado passes the shared service to each handler."""
        self.live = live

    def allowed(self) -> bool:
        """Whether this request may see the class view (the hub mode overrides it)."""
        return True

    def prepare(self) -> None:
        """Refuse early (the refusal is already written) unless `allowed`."""
        self.set_header("Cache-Control", "no-store")
        if not self.allowed() and not self._finished:
            raise HTTPError(403)

    def view_or_404(self, slug: str) -> View:
        """The view named in the address, or a 404."""
        view = self.live.state.view(slug)
        if view is None:
            raise HTTPError(404)
        return view

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Errors as short French pages."""
        self.finish(page(ui_text("live.error.title", status=status_code), "", self.live.prefix))


class HomeHandler(LiveHandler):
    """The home page: counts and the views of the days released."""

    def get(self) -> None:
        """Serve the page; its stream keeps the counts current."""
        base = self.live.prefix
        self.finish(
            page(
                ui_text("live.home.title"),
                self.live.state.home(base),
                base,
                xsrf=self.xsrf_token.decode(),
                stream=f"{base}flux/",
                action=f"{base}action/",
                controls=reset_button(),
            )
        )


class ViewHandler(LiveHandler):
    """One exercise's view (projection, or moderation with ``?moderation=1``)."""

    def get(self, slug: str) -> None:
        """Serve the page; its stream pushes each change."""
        view = self.view_or_404(slug)
        moderation = self.get_argument("moderation", "") == "1"
        base = self.live.prefix
        title = ui_text(view.title_key)
        if moderation:
            title = ui_text("live.moderation.title", view=title)
        self.finish(
            page(
                title,
                self.live.state.body(view, moderation),
                base,
                xsrf=self.xsrf_token.decode(),
                stream=f"{base}flux/{slug}" + ("?moderation=1" if moderation else ""),
                action=f"{base}action/{slug}",
                controls=view_controls(view, base, moderation),
                moderation=moderation,
            )
        )


class JoinHandler(LiveHandler):
    """The join panel to project at the start: the room's address and its QR code."""

    def get(self) -> None:
        """Serve the panel."""
        base = self.live.prefix
        self.finish(page(ui_text("live.join.title"), join_body(self.live.address), base))


class StreamHandler(LiveHandler):
    """Server-sent events: the page's new body whenever it changed."""

    async def get(self, slug: str) -> None:
        """Send the body now, then each time it changes, until the page goes away."""
        view = self.view_or_404(slug) if slug else None
        moderation = self.get_argument("moderation", "") == "1"
        self.set_header("Content-Type", "text/event-stream; charset=utf-8")
        self.set_header("X-Accel-Buffering", "no")
        sent = ""
        while True:
            payload = self.live.payload(view, moderation)
            if payload != sent:
                self.write(f"data: {payload}\n\n")
                sent = payload
            else:
                self.write(": ping\n\n")
            try:
                await self.flush()
            except StreamClosedError:
                return
            await self.live.wait(KEEPALIVE_SECONDS)


class ActionHandler(LiveHandler):
    """The trainer's buttons: memory-only changes of the display, then every page is updated."""

    def post(self, slug: str) -> None:
        """Apply one action: ``revealed``, ``frozen``, ``card`` (with ``card=<id>``), ``reset``."""
        action = self.get_argument("action")
        state = self.live.state
        if action == "reset":
            state.reset()
        else:
            view = self.view_or_404(slug)
            if action == "revealed":
                state.toggle_reveal(view)
            elif action == "frozen":
                state.toggle_freeze(view)
            elif action == "card":
                state.toggle_card(view, self.get_argument("card"))
            else:
                raise HTTPError(400)
        self.live.notify()
        self.set_status(204)
        self.finish()


def routes(
    live: LiveService, base: type[LiveHandler] = LiveHandler
) -> Sequence[tuple[str, type[RequestHandler], dict[str, Any]]]:
    """The URL table under the service's prefix; `base` adds an access check to every handler."""
    handlers: list[tuple[str, type[LiveHandler]]] = [
        ("", HomeHandler),
        (r"vue/([a-z0-9-]+)", ViewHandler),
        ("rejoindre", JoinHandler),
        (r"flux/([a-z0-9-]*)", StreamHandler),
        (r"action/([a-z0-9-]*)", ActionHandler),
    ]
    table: list[tuple[str, type[RequestHandler], dict[str, Any]]] = []
    for path, handler in handlers:
        cls = handler if base is LiveHandler else type(handler.__name__, (base, handler), {})
        table.append((f"{live.prefix}{path}", cls, {"live": live}))
    return table


def make_app(
    live: LiveService,
    base: type[LiveHandler] = LiveHandler,
    extra: Sequence[tuple[str, type[RequestHandler], dict[str, Any]]] = (),
) -> Application:
    """The tornado application; start `poller` too, or the page never sees new answers."""
    return Application(
        [*extra, *routes(live, base)],
        xsrf_cookies=True,
        cookie_secret=os.urandom(32),
    )


def poller(live: LiveService) -> PeriodicCallback:
    """The periodic read of the class folder (call ``.start()`` inside the running loop)."""
    return PeriodicCallback(live.poll, POLL_SECONDS * 1000)
