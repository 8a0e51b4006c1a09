"""JupyterHub authenticator of the room: username + access code checked against hashed codes.

JupyterHub's documented extension point (`Authenticator.authenticate`) rather than
jupyterhub-nativeauthenticator: the accounts exist before the course (made from the roster by
`room prepare`), nobody signs up, and pre-creating NativeAuthenticator users with passwords is a
known pain (nativeauthenticator #151). Refusals raise an HTTP error whose French message
JupyterHub's login handler shows on the login form itself.

The door holds against guessing without letting anyone lock another person out: wrong codes are
limited per username *from one client address* and per client address (`attempts`); a wrong code
for a username that does not exist costs the same scrypt check as for one that does, so the answer
time does not tell which usernames exist.

After the login, a person goes straight to their landing page (`RoomLoginHandler`): JupyterHub's
own chain (hub root → their server's root → its default page) costs two more round trips, each
≈ 150 ms or more on a busy room Wi-Fi (issue 26).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from jupyterhub.auth import Authenticator
from jupyterhub.handlers.login import LoginHandler
from jupyterhub.utils import url_path_join
from tornado import web
from traitlets import Unicode

from parler_kit.i18n import ui_text
from parler_kit.room.accounts import Account, code_matches, hash_code, load_accounts, new_code
from parler_kit.room.attempts import LoginAttempts


class RoomLoginHandler(LoginHandler):  # type: ignore[misc]  # jupyterhub ships no types
    """JupyterHub's login page, whose redirect after login goes to the person's landing page.

    Only when nothing precise was asked for: the hub's root (where typing the room's address
    leads), the spawn page or the server's root. A ``next`` naming a page (a workbook a person
    had open) is followed as JupyterHub does. A server not running keeps JupyterHub's way (the
    spawn page waits for it).
    """

    def get_next_url(self, user: Any = None, default: str | None = None) -> str:
        """The landing page of `user`'s running server, or JupyterHub's next URL."""
        url = str(super().get_next_url(user, default))
        if user is None or not user.spawner.active or not user.spawner.default_url:
            return url
        hub = str(self.hub.base_url)
        generic = {hub, url_path_join(hub, "spawn"), str(user.url), str(self.base_url)}
        if urlparse(url).path not in generic:
            return url
        return str(url_path_join(user.url, user.spawner.default_url))


class RoomAuthenticator(Authenticator):  # type: ignore[misc]  # jupyterhub ships no types
    """Accept a username of the room with its access code; five wrong codes block a minute."""

    accounts_file = Unicode(
        help="The room's comptes.json (usernames, roles, hashed codes).",
        config=True,
    )
    logins_file = Unicode(
        help="Where each successful login is appended (time, username) for `room status`.",
        config=True,
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._attempts = LoginAttempts()
        self._accounts: dict[str, Account] = {}
        self._accounts_mtime = -1.0
        # Checked instead of a real hash when the username is unknown (same cost, never matches
        # anything a person knows: its code is drawn here and forgotten).
        self._decoy_hash = hash_code(new_code())

    def get_handlers(self, app: Any) -> list[tuple[str, type]]:
        """The login page that leads straight to the landing page (`RoomLoginHandler`)."""
        return [("/login", RoomLoginHandler)]

    def accounts(self) -> dict[str, Account]:
        """The accounts by username, re-read when comptes.json changed (new codes, erasure)."""
        path = Path(self.accounts_file)
        mtime = path.stat().st_mtime
        if mtime != self._accounts_mtime:
            self._accounts = {a.username: a for a in load_accounts(path)}
            self._accounts_mtime = mtime
        return self._accounts

    async def authenticate(self, handler: Any, data: dict[str, str]) -> str | None:
        """The username when the code is right; an HTTP error with a French message otherwise."""
        username = str(self.normalize_username(data.get("username", "").strip()))
        # The client's address as the proxy saw it (tornado's xheaders: X-Forwarded-For, last
        # hop, which the proxy appends itself; a browser cannot choose it).
        address = str(handler.request.remote_ip)
        wait = self._attempts.blocked_for(username, address)
        if wait > 0:
            raise web.HTTPError(
                429, ui_text("room.login.blocked", seconds=math.ceil(wait)), reason="Bloqué"
            )
        account = self.accounts().get(username)
        code_hash = account.code_hash if account is not None else self._decoy_hash
        right = code_matches(data.get("password", ""), code_hash)
        if account is None or not right:
            self._attempts.failed(username, address)
            raise web.HTTPError(403, ui_text("room.login.refused"), reason="Refusé")
        self._attempts.succeeded(username, address)
        if self.logins_file:
            with Path(self.logins_file).open("a", encoding="utf-8") as logins:
                logins.write(f"{dt.datetime.now(dt.UTC).isoformat()} {username}\n")
        return username
