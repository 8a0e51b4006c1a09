"""``parler-kit live`` over HTTP: French pages and streams that name nobody, XSRF-checked actions."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser.jupyter_servers import Server
from live.class_folders import OBSERVATION, PEOPLE
from live.live_server import first_event, run_live

ROOM = "http://192.168.1.10:8000/"


@pytest.fixture(scope="module")
def live_server(
    module_class_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The live view of the hand-made class folder, on 127.0.0.1 (one for the module)."""
    with run_live(module_class_folder, tmp_path_factory.mktemp("state"), ROOM) as server:
        yield server


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def _get(opener: urllib.request.OpenerDirector, url: str) -> str:
    with opener.open(url, timeout=10) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


def test_pages_and_streams_name_nobody(live_server: Server, module_class_folder: Path) -> None:
    """No participant name or id, no child observation, no folder path in any page or stream."""
    opener = _opener()
    texts = [_get(opener, f"{live_server.url}/"), _get(opener, f"{live_server.url}/rejoindre")]
    for slug in (
        "positionnement",
        "enjeux",
        "routines",
        "reformuler",
        "dialogues",
        "fiche-action",
        "evaluation",
    ):
        for query in ("", "?moderation=1"):
            texts.append(_get(opener, f"{live_server.url}/vue/{slug}{query}"))
            texts.append(str(first_event(live_server.url, f"/flux/{slug}{query}")))
    texts.append(str(first_event(live_server.url, "/flux/")))
    everything = "\n".join(texts)
    assert "ont commencé à répondre" in everything and ROOM in everything
    assert "Très concret !" in everything  # the moderation screen lists the comment
    for forbidden in [
        *PEOPLE,
        *PEOPLE.values(),
        "Nathanaël",
        OBSERVATION["child_code"],
        str(module_class_folder),
    ]:
        assert forbidden not in everything
    assert "http://" not in re.sub(
        r"http://(127\.0\.0\.1|192\.168\.1\.10)[^\"' <]*|http://www\.w3\.org[^\"' ]*",
        "",
        everything,
    )


def test_actions_need_the_xsrf_token(live_server: Server) -> None:
    """A POST without the page's token is refused; with it, the answer is revealed on the stream."""
    opener = _opener()
    page = _get(opener, f"{live_server.url}/vue/enjeux")
    token = re.search(r'<meta name="xsrf" content="([^"]+)"', page)
    assert token is not None
    form = urllib.parse.urlencode({"action": "revealed"}).encode()
    with pytest.raises(urllib.error.HTTPError) as refused:
        _opener().open(
            urllib.request.Request(f"{live_server.url}/action/enjeux", data=form), timeout=10
        )
    assert refused.value.code == 403
    assert first_event(live_server.url, "/flux/enjeux")["revealed"] is False
    request = urllib.request.Request(
        f"{live_server.url}/action/enjeux", data=form, headers={"X-XSRFToken": token.group(1)}
    )
    with opener.open(request, timeout=10) as response:
        assert response.status == 204
    event = first_event(live_server.url, "/flux/enjeux")
    assert event["revealed"] is True and "bonne réponse" in event["html"]
