"""How the administrative documents write times, durations and date lists in French."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from parler_kit.i18n import format_date

NBSP = "\u00a0"


def format_time(moment: dt.time) -> str:
    """« 9 h 00 », « 13 h 30 » (no-break spaces, so an hour never splits across lines)."""
    return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"


def format_hours(hours: float) -> str:
    """A duration, always the same way: « 3 h », « 3 h 30 », « 20 h 30 » (no-break spaces)."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return f"{whole}{NBSP}h{NBSP}{rest:02d}" if rest else f"{whole}{NBSP}h"


def format_period(first: dt.date, last: dt.date) -> str:
    """« du 8 mars 2027 au 22 mars 2027 », or « le 8 mars 2027 » for a single day."""
    if first == last:
        return f"le {format_date(first)}"
    return f"du {format_date(first)} au {format_date(last)}"


def format_dates(days: Sequence[dt.date]) -> str:
    """The course dates in full, joined the French way: « lundi 8 mars 2027, mardi 9 mars 2027 et … »."""
    written = [format_date(day, weekday=True) for day in days]
    if len(written) <= 1:
        return "".join(written)
    return ", ".join(written[:-1]) + " et " + written[-1]


def format_percent(part: float, whole: float) -> str:
    """« 85 % » with a narrow no-break space, rounded to the unit."""
    return f"{round(100 * part / whole)}\u202f%" if whole else "—"


_POSTCODE_CITY = re.compile(r"\b\d{5}\s+(?P<city>[^,]+?)\s*$")


def city_of(address: str, fallback: str) -> str:
    """The town of a French address (« 12 rue X, 42000 Saint-Étienne » → « Saint-Étienne »).

    « Fait à … » on a certificate names a town; when the address has no postcode, `fallback`
    (the session's place) is used.
    """
    match = _POSTCODE_CITY.search(address)
    return match["city"] if match else fallback


#: The region of a numéro de déclaration d'activité: its first two digits are the INSEE code of
#: the region whose prefect registered it.
NDA_REGIONS = {
    "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion", "06": "Mayotte",
    "11": "Île-de-France", "24": "Centre-Val de Loire", "27": "Bourgogne-Franche-Comté",
    "28": "Normandie", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
    "53": "Bretagne", "75": "Nouvelle-Aquitaine", "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
}  # fmt: skip


def nda_region(nda: str) -> str | None:
    """The region named by a NDA's first two digits (« 84 42 … » → « Auvergne-Rhône-Alpes »)."""
    digits = "".join(c for c in nda if c.isdigit())
    return NDA_REGIONS.get(digits[:2])
