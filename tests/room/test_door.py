"""The room's door: guessing is stopped without letting anyone lock another person out.

Logins are posted from distinct loopback addresses (127.0.0.2, 127.0.0.3…), as devices of a room
each have their own address on the Wi-Fi; the hub sees each through the proxy. The browser tests
of the room log in from 127.0.0.1 and are never blocked by these.
"""

from __future__ import annotations

import http.client
import re
import statistics
import time
import urllib.parse
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, BrowserContext, Response
from room_fixtures import Hub, log_in, new_device

from parler_kit.room.attempts import MAX_FAILURES, MAX_FAILURES_PER_ADDRESS

pytestmark = pytest.mark.browser
WRONG = "ZZZZ-ZZZZ"


@dataclass(frozen=True)
class Answer:
    """What the hub answered a login attempt."""

    status: int
    seconds: float
    cookies: tuple[str, ...]


def attempt(
    hub: Hub, username: str, code: str, source: str, headers: dict[str, str] | None = None
) -> Answer:
    """Post the login form from the loopback address `source`, as a device there would."""
    port = int(urllib.parse.urlsplit(hub.url).port or 80)

    def connection() -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))

    first = connection()
    first.request("GET", "/hub/login")
    page = first.getresponse()
    body = page.read().decode("utf-8")
    cookies = [c.split(";", 1)[0] for c in page.headers.get_all("Set-Cookie") or []]
    first.close()
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', body)
    form = {"username": username, "password": code, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
    post = connection()
    started = time.perf_counter()
    post.request(
        "POST", "/hub/login?next=", urllib.parse.urlencode(form),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies),
         **(headers or {})},
    )  # fmt: skip
    answer = post.getresponse()
    answer.read()
    elapsed = time.perf_counter() - started
    set_cookies = tuple(answer.headers.get_all("Set-Cookie") or [])
    post.close()
    return Answer(answer.status, elapsed, set_cookies)


def test_a_password_spray_from_one_address_is_stopped_and_others_still_log_in(
    room_hub: Hub,
) -> None:
    """Wrong codes over many accounts from one address block it, even with a right code after.

    A forged X-Forwarded-For does not change the address the hub counts; another device logs in.
    """
    people = room_hub.room.people
    statuses = [
        attempt(room_hub, people[n % len(people)].username, WRONG, "127.0.0.2").status
        for n in range(MAX_FAILURES_PER_ADDRESS)
    ]
    assert statuses == [403] * MAX_FAILURES_PER_ADDRESS
    target = room_hub.room.participants[0]
    assert attempt(room_hub, target.username, target.code, "127.0.0.2").status == 429
    forged = {"X-Forwarded-For": "10.20.30.40"}
    assert attempt(room_hub, target.username, target.code, "127.0.0.2", forged).status == 429
    assert attempt(room_hub, target.username, target.code, "127.0.0.3").status == 302


def test_wrong_codes_under_someone_elses_name_do_not_keep_them_out(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """Five wrong codes typed under a person's name elsewhere: on their own device they log in."""
    victim = room_hub.room.participants[1]
    for _ in range(MAX_FAILURES):
        assert attempt(room_hub, victim.username, WRONG, "127.0.0.4").status == 403
    assert attempt(room_hub, victim.username, victim.code, "127.0.0.4").status == 429
    page = new_device(chromium, contexts)  # the victim's own device (127.0.0.1)
    log_in(page, room_hub, victim)
    page.wait_for_url(re.compile(r"/files/accueil\.html"))


def test_a_wrong_code_takes_as_long_for_an_unknown_username_as_for_a_known_one(
    room_hub: Hub,
) -> None:
    """Answer times do not tell which usernames exist (both check a code the same way)."""
    known = room_hub.room.participants[2].username
    known_times, unknown_times = [], []
    for n in range(4):  # one address per pair of tries: never blocked
        source = f"127.0.1.{n + 10}"
        known_times.append(attempt(room_hub, known, WRONG, source).seconds)
        unknown_times.append(attempt(room_hub, f"personne-{n}", WRONG, source).seconds)
    known_median, unknown_median = statistics.median(known_times), statistics.median(unknown_times)
    assert unknown_median > 0.5 * known_median, (known_times, unknown_times)
    assert known_median > 0.5 * unknown_median, (known_times, unknown_times)


def test_every_login_cookie_is_http_only_and_same_site_lax(
    room_hub: Hub, chromium: Browser, contexts: list[BrowserContext]
) -> None:
    """The hub's, the participant's server's and the live view's cookies: HttpOnly, SameSite=Lax."""
    seen: list[str] = []

    def keep(response: Response) -> None:
        value = response.all_headers().get("set-cookie")
        if value:
            seen.extend(value.split("\n"))

    participant = new_device(chromium, contexts)
    participant.on("response", keep)
    log_in(participant, room_hub, room_hub.room.participants[3])
    participant.wait_for_url(re.compile(r"/files/accueil\.html"))
    trainer = new_device(chromium, contexts)
    trainer.on("response", keep)
    log_in(trainer, room_hub, room_hub.room.trainers[1])
    trainer.wait_for_url(re.compile(r"/lab"))
    trainer.goto(room_hub.url + "services/classe/")
    # Session cookies (a Set-Cookie that clears one, value "" and a past date, sets nothing).
    session = [
        c
        for c in seen
        if c.startswith(("jupyterhub-", "service-")) and c.split(";")[0].split("=", 1)[1] != '""'
    ]
    names = {c.split("=", 1)[0] for c in session}
    assert {"jupyterhub-hub-login", "jupyterhub-session-id", "service-classe"} <= names
    assert any(n.startswith("jupyterhub-user-") for n in names), names
    for cookie in session:
        attributes = {a.strip().lower() for a in cookie.split(";")[1:]}
        assert "httponly" in attributes and "samesite=lax" in attributes, cookie
