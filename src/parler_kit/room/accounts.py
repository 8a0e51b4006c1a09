"""The room's accounts: one per participant and per trainer, each with its own random access code.

Codes are drawn with `secrets` from an alphabet without look-alike characters (no 0/O, 1/I/L),
typed easily on a phone keyboard. Only a salted scrypt hash of each code is kept in
``hub/comptes.json`` (mode 0600); the clear codes exist in ``acces/codes.csv`` (mode 0600) and on
the printed cards, nowhere else. Usernames are the participant ids in lower case, because
JupyterHub lower-cases every username it receives.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from parler_kit.errors import ParlerKitError
from parler_kit.i18n import ui_text
from parler_kit.i18n.oserrors import os_error_cause
from parler_kit.room.layout import read_json, write_json, write_private
from parler_kit.roster.normalise import ascii_slug
from parler_kit.spreadsheet import neutralise_formula

Kind = Literal["participant", "formateur"]

#: 31 characters: digits and capitals without 0 O 1 I L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: 8 characters ≈ 40 bits; with five tries a minute per account, guessing is out of reach.
CODE_LENGTH = 8
ACCOUNTS_SCHEMA_VERSION = 1
# scrypt cost: ~30 ms per check on this kind of machine; logins are rare, guessing must be slow.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class Account:
    """One person who may log in to the room."""

    username: str  # what is typed on the login page (JupyterHub's user name)
    person_id: str  # participant id (folder name) or trainer id
    kind: Kind
    last_name: str
    first_name: str
    role_label: str  # « Assistante maternelle », « Formatrice, formateur »…
    code_hash: str  # "scrypt$<salt hex>$<hash hex>"

    @property
    def full_name(self) -> str:
        """« Prénom Nom »."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class IssuedAccount:
    """An account together with its clear code, only while the room is being prepared."""

    account: Account
    code: str


def new_code() -> str:
    """A random access code such as ``K7PM4QXA`` (printed as ``K7PM-4QXA``)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def printable_code(code: str) -> str:
    """The code in two groups of four, as printed on the card (``K7PM-4QXA``)."""
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str:
    """What a person typed, as compared: spaces and dashes removed, upper case."""
    return "".join(ch for ch in typed.upper() if not ch.isspace() and ch not in "-‐‑–")


def hash_code(code: str) -> str:
    """A salted scrypt hash of `code` (normalised first)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(normalise_code(code).encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def code_matches(typed: str, code_hash: str) -> bool:
    """Whether `typed` is the code whose hash is `code_hash` (constant-time comparison)."""
    try:
        scheme, salt_hex, digest_hex = code_hash.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(normalise_code(typed).encode("utf-8"), salt=salt, **_SCRYPT)
    return hmac.compare_digest(digest, expected)


def issue(
    person_id: str, kind: Kind, last_name: str, first_name: str, role_label: str
) -> IssuedAccount:
    """A new account for one person, with a fresh code."""
    code = new_code()
    account = Account(
        username=person_id.lower(),
        person_id=person_id,
        kind=kind,
        last_name=last_name,
        first_name=first_name,
        role_label=role_label,
        code_hash=hash_code(code),
    )
    return IssuedAccount(account, code)


def trainer_identity(text: str) -> tuple[str, str, str, str]:
    """Id, last name, first name and role of a trainer line of the session file.

    ``"Claire Vasseur, orthophoniste"`` → ``("formateur-claire-vasseur", "Vasseur", "Claire",
    "orthophoniste")``: the name is what precedes the first comma, its first word the first name.
    """
    name, _, role = text.partition(",")
    words = name.split()
    first_name = words[0] if words else ""
    last_name = " ".join(words[1:])
    slug = ascii_slug(name)[:40].strip("-") or "sans-nom"
    return f"formateur-{slug}", last_name, first_name, role.strip()


def check_unique(accounts: Iterable[Account]) -> None:
    """Refuse two accounts with one username (ids differing only by case collide in JupyterHub)."""
    seen: dict[str, str] = {}
    for account in accounts:
        other = seen.get(account.username)
        if other is not None:
            raise ParlerKitError(
                ui_text("room.error.same_username", first=other, second=account.person_id)
            )
        seen[account.username] = account.person_id


def save_accounts(path: Path, accounts: Sequence[Account]) -> None:
    """Write ``comptes.json`` (hashes only, mode 0600)."""
    data = {
        "schema_version": ACCOUNTS_SCHEMA_VERSION,
        "accounts": [asdict(account) for account in accounts],
    }
    write_json(path, data, private=True)


def load_accounts(path: Path) -> tuple[Account, ...]:
    """Read ``comptes.json``; a French error names the file and the entry that is wrong."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("schema_version") != ACCOUNTS_SCHEMA_VERSION:
        raise ParlerKitError(ui_text("room.error.bad_file", path=path, reason="schema_version"))
    accounts = []
    for index, entry in enumerate(data.get("accounts", []), start=1):
        try:
            accounts.append(Account(**entry))
        except TypeError as error:
            raise ParlerKitError(
                ui_text("room.error.bad_file", path=path, reason=f"compte n° {index} : {error}")
            ) from None
    return tuple(accounts)


def codes_csv_text(issued: Sequence[IssuedAccount]) -> str:
    """The text of ``codes.csv``: ``identifiant;nom;prénom;rôle;code``, one line per person."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["identifiant", "nom", "prénom", "rôle", "code"])
    for item in issued:
        account = item.account
        writer.writerow(
            neutralise_formula(value)
            for value in (
                account.username,
                account.last_name,
                account.first_name,
                account.role_label,
                printable_code(item.code),
            )
        )
    return "\ufeff" + buffer.getvalue()  # BOM: spreadsheet software then reads UTF-8 accents


def write_codes_csv(path: Path, issued: Sequence[IssuedAccount]) -> None:
    """Write the clear codes, readable by the organiser's account only (0600)."""
    write_private(path, codes_csv_text(issued))


def read_codes_csv(path: Path) -> dict[str, str]:
    """Username → clear code, from ``codes.csv`` (to print the cards again)."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = os_error_cause(error)
        raise ParlerKitError(ui_text("room.error.bad_file", path=path, reason=reason)) from None
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    try:
        return {row["identifiant"]: normalise_code(row["code"]) for row in rows}
    except (KeyError, AttributeError):
        reason = ui_text("room.reason.codes_columns")
        raise ParlerKitError(ui_text("room.error.bad_file", path=path, reason=reason)) from None
