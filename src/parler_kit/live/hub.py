"""The JupyterHub service mode: the live view at ``/services/classe/``, for trainers only.

The hub starts ``python -m parler_kit.live --hub-service FOLDER`` with its environment
(``JUPYTERHUB_SERVICE_PREFIX``, ``JUPYTERHUB_SERVICE_URL``, ``JUPYTERHUB_API_TOKEN``…).
Browsers log in through the hub with OAuth (`HubOAuthenticated`, callback at
``<prefix>oauth_callback``). Whoever the hub lets through (the service's access scope) is then
checked here: only members of the group `TRAINERS` see the view; anyone else gets the French
« accès réservé aux formateurs » page with a 403.
"""

from __future__ import annotations

import os
from typing import Any, cast
from urllib.parse import urlparse

from jupyterhub.services.auth import (  # type: ignore[import-untyped,unused-ignore]
    HubOAuthCallbackHandler,
    HubOAuthenticated,
)
from tornado.web import Application, RequestHandler

from parler_kit.live.page import refused_page
from parler_kit.live.server import LiveHandler, LiveService, make_app

#: The hub group whose members may open the live view.
TRAINERS = "formateurs"


class HubLiveHandler(HubOAuthenticated, LiveHandler):  # type: ignore[misc,unused-ignore]
    """A live view handler that needs a hub login and membership of the trainers' group."""

    def allowed(self) -> bool:
        """Log in through the hub first; then trainers only (a French 403 page otherwise)."""
        user = cast(dict[str, Any] | None, self.get_current_user())
        if user is None:
            if self.request.method in ("GET", "HEAD"):
                self.redirect(self.get_login_url())
            else:
                self.set_status(403)
                self.finish()
            return False
        if TRAINERS not in user.get("groups", ()):
            self.set_status(403)
            self.finish(refused_page())
            return False
        return True


def hub_app(live: LiveService) -> Application:
    """The application with the hub's OAuth callback and the access check on every route."""
    callback: tuple[str, type[RequestHandler], dict[str, Any]] = (
        f"{live.prefix}oauth_callback",
        HubOAuthCallbackHandler,
        {},
    )
    return make_app(live, HubLiveHandler, [callback])


def hub_prefix(default: str = "/services/classe/") -> str:
    """A hub service's prefix from the hub's environment (`default` outside a hub)."""
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", default)
    return prefix if prefix.endswith("/") else prefix + "/"


def hub_bind(default_port: int = 10102) -> tuple[str, int]:
    """Host and port a hub service listens on, from ``JUPYTERHUB_SERVICE_URL``."""
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", f"http://127.0.0.1:{default_port}"))
    return url.hostname or "127.0.0.1", url.port or default_port
