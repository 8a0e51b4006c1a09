"""User-facing text: string catalogs (French first, English too) and French typography.

Everything a trainer, participant or organiser reads goes through `ui_text` so that a string is
written once, translated once, and typeset the French way.
"""

from parler_kit.i18n.catalog import Locale, Verbatim, available_keys, ui_text
from parler_kit.i18n.dates import format_age_months, format_date, format_days
from parler_kit.i18n.folding import fold, strip_accents
from parler_kit.i18n.numbers import format_number
from parler_kit.i18n.typography import french_typography, guillemets

__all__ = [
    "Locale",
    "Verbatim",
    "available_keys",
    "fold",
    "format_age_months",
    "format_date",
    "format_days",
    "format_number",
    "french_typography",
    "guillemets",
    "strip_accents",
    "ui_text",
]
