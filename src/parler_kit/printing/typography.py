"""French print typography on finished HTML: what must not break, ordinals, apostrophes.

`french_typography` (i18n) puts the narrow no-break space before « ; : ! ? » in kit texts. On
paper a few more things must hold together, wherever the text comes from (content records,
session file, UI strings, chart labels): a number and its unit (« 75 % », « 24 mois »,
« 3 h 30 »), a range (« 12–24 mois », never broken after its dash), a day and its month and
year (« 9 mars 2027 »), a postcode and its town (« 42000 Saint-Étienne »). Ordinals are
written « 9ᵉ », elided apostrophes are typographic and « percentile » is « centile », the French
word. Only text between tags is changed: never tag names, attributes, styles or scripts.
"""

from __future__ import annotations

import re

from parler_kit.content import Source
from parler_kit.i18n import french_typography

NBSP = "\u00a0"
NNBSP = "\u202f"
WJ = "\u2060"  # word joiner: no line break here, nothing printed nor extracted

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_UNITS = r"mois|ans?|semaines?|jours?|heures?|minutes?|mots|enfants|participant\w*|h\b|min\b"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d) %"), rf"\1{NNBSP}%"),
    # A range of numbers (« 12–24 mois ») never breaks at its dash: word joiners around it.
    (re.compile(r"(\d)–(?=\d)"), rf"\1{WJ}–{WJ}"),
    (re.compile(rf"(\d) ({_UNITS})"), rf"\1{NBSP}\2"),
    (re.compile(rf"\b(\d{{1,2}}|1er) ({_MONTHS})\b"), rf"\1{NBSP}\2"),
    (re.compile(rf"\b({_MONTHS}) (\d{{4}})\b"), rf"\1{NBSP}\2"),
    (re.compile(r"\b(\d{5}) (?=[A-ZÉÈÀ])"), rf"\1{NBSP}"),
    (re.compile(r"\b(\d+)e\b"), "\\1ᵉ"),
    (re.compile(r"\b1er\b"), "1ᵉʳ"),
    # Elision only, one rule for the whole kit: after a lower-case letter (« l’enfant », « qu’il »,
    # « l’État »), after an eliding capital before a lower-case letter (« L’enfant », « D’après »,
    # « Qu’il »), and « L’ » / « D’ » before a capital (« L’État »). A name keeps the apostrophe
    # it was typed with (« N'Diaye », « O'Brien »).
    (re.compile(r"(?<=[a-zà-ÿœ])(?:'|&#39;|&#x27;)(?=[a-zà-ÿœA-ZÀ-ÖØ-ÞŒ])"), "’"),
    (re.compile(r"(?<=\b[LDJMNSTC])(?:'|&#39;|&#x27;)(?=[a-zà-ÿœ])"), "’"),
    (re.compile(r"(?<=\bQu)(?:'|&#39;|&#x27;)(?=[a-zà-ÿœA-ZÀ-ÖØ-Þ])"), "’"),
    (re.compile(r"(?<=\b[LD])(?:'|&#39;|&#x27;)(?=[AÀÂEÉÈÊIÎOÔUŒ])"), "’"),
    (re.compile(r"\bpercentile"), "centile"),
)
#: Text nodes only: a tag, or a whole <style>/<script> element, is kept as it is.
_SKIP = re.compile(r"<style\b.*?</style>|<script\b.*?</script>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def typeset_text(text: str) -> str:
    """French print typography on plain text (or the text of one HTML node)."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typeset_html(page: str) -> str:
    """French print typography on the text nodes of `page` (see the module docstring)."""
    out: list[str] = []
    position = 0
    for match in _SKIP.finditer(page):
        out.append(typeset_text(page[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(typeset_text(page[position:]))
    return "".join(out)


_ENGLISH = re.compile(
    r"\b(the|of|and|for|a|an|with|to|in|on|from|is|are|what|through|language|together)\b",
    re.IGNORECASE,
)
_FRENCH = re.compile(r"\b(le|la|les|des|du|et|un|une|pour|dans|sur|au|aux|est)\b", re.IGNORECASE)


def _is_english(title: str) -> bool:
    """Whether a title reads as English (English small words, no French ones)."""
    return bool(_ENGLISH.search(title)) and not _FRENCH.search(title)


def citation_text(source: Source) -> str:
    """A source's citation in French typography, an English title kept as written.

    French spacing is not applied inside an English title (« Wordbank: an open repository… »).
    """
    citation = source.citation
    start = citation.find(source.title)
    if start < 0 or not _is_english(source.title):
        return french_typography(citation)
    end = start + len(source.title)
    return (
        french_typography(citation[:start])
        + citation[start:end]
        + french_typography(citation[end:])
    )
