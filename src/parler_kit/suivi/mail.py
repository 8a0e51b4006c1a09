"""Ready-to-send e-mails (``.eml``) with their form attached, written with Python's email package.

The organiser opens the file in their mail client (Thunderbird, Outlook, Apple Mail…), checks it
and sends it: the kit never sends mail itself. ``X-Unsent: 1`` asks clients that honour it
(Outlook) to open the message as a draft; the sender is the account it is sent from.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from parler_kit.atomic import write_atomic


def write_eml(out: Path, *, to: str | None, subject: str, body: str, attachment: Path) -> Path:
    """Write at `out` a draft to `to` (none: the organiser adds it) with `attachment` (a PDF)."""
    message = EmailMessage(policy=SMTP)
    if to:
        message["To"] = to
    message["Subject"] = subject
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    message.add_attachment(
        attachment.read_bytes(), maintype="application", subtype="pdf", filename=attachment.name
    )
    write_atomic(out, message.as_bytes())
    return out
