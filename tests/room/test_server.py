"""Failures talking to the room's hub are told in French (urllib's own messages are English)."""

from __future__ import annotations

import email.message
import urllib.error

from parler_kit.room.server import hub_failure


def test_an_http_error_names_its_code_in_french() -> None:
    """A 500 from the hub: « le serveur de la salle a répondu par l'erreur 500 »."""
    error = urllib.error.HTTPError("http://127.0.0.1:8000/", 500, "Internal Server Error",
                                   email.message.Message(), None)  # fmt: skip
    assert hub_failure(error) == "le serveur de la salle a répondu par l'erreur 500"


def test_a_refused_connection_or_a_timeout_is_said_in_french() -> None:
    """A hub that does not listen, or does not answer in time: plain French, no English."""
    refused = urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))
    assert hub_failure(refused).startswith("connexion refusée")
    assert hub_failure(TimeoutError("timed out")) == "pas de réponse dans le temps imparti"
