"""The printable access cards: one per person, with the room's address, its QR code and the code.

Four cards per A4 page, cut along the dashed lines. The QR code (segno) encodes the login address
so that a phone's camera opens it; the address is also printed in large letters for laptops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import segno
from jinja2 import Template

from parler_kit.i18n import french_typography, ui_text
from parler_kit.printing import document_html, render_pdf
from parler_kit.printing.environment import template_environment
from parler_kit.room.accounts import IssuedAccount, load_accounts, printable_code, read_codes_csv
from parler_kit.room.description import load_description, save_description
from parler_kit.room.layout import RoomLayout


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    full_name: str
    role_label: str
    username: str
    code: str


def login_address(address: str) -> str:
    """The address printed on the cards: the room's address, with a trailing slash."""
    return address if address.endswith("/") else address + "/"


def qr_data_uri(address: str) -> str:
    """An SVG QR code of `address` as a ``data:`` URI (nothing fetched when printing)."""
    return str(segno.make(address, error="m").svg_data_uri(scale=4, border=2))


def cards_html(issued: Sequence[IssuedAccount], address: str, title: str) -> str:
    """The whole HTML document of the cards, in the order given."""
    cards = [
        Card(
            full_name=item.account.full_name,
            role_label=item.account.role_label,
            username=item.account.username,
            code=printable_code(item.code),
        )
        for item in issued
    ]
    instructions = [ui_text(f"room.card.step{n}") for n in (1, 2, 3)]
    body = _template().render(
        cards=cards,
        address=login_address(address),
        qr=qr_data_uri(login_address(address)),
        title=title,
        instructions=instructions,
    )
    return document_html(french_typography(ui_text("room.card.title")), body)


@cache
def _template() -> Template:
    return template_environment("parler_kit.room").get_template("cartes-acces.html.j2")


def write_cards(path: Path, issued: Sequence[IssuedAccount], address: str, title: str) -> Path:
    """Write ``cartes-acces.pdf``."""
    return render_pdf(cards_html(issued, address, title), path)


def reprint_cards(layout: RoomLayout, address: str) -> Path:
    """Print the room's cards again for `address` (same codes) and record the new address."""
    description = load_description(layout)
    codes = read_codes_csv(layout.codes_csv)
    issued = [
        IssuedAccount(account, codes[account.username])
        for account in load_accounts(layout.accounts)
        if account.username in codes
    ]
    write_cards(layout.cards_pdf, issued, login_address(address), description.title)
    save_description(layout, replace(description, address=login_address(address)))
    return layout.cards_pdf
