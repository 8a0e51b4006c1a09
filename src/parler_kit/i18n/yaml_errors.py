"""What a YAML reading error means, in words: PyYAML's own messages are English jargon."""

from __future__ import annotations

from parler_kit.i18n.catalog import Locale, ui_text

#: PyYAML's error classes (compared by name: this layer does not import yaml) → catalog key.
_KEYS = {
    "ReaderError": "yaml.character",
    "ScannerError": "yaml.token",
    "ParserError": "yaml.structure",
    "ComposerError": "yaml.alias",
    "ConstructorError": "yaml.value",
}


def yaml_problem(error: Exception, locale: Locale = "fr") -> str:
    """« caractère inattendu à cet endroit », « structure incorrecte… » for a PyYAML error."""
    return ui_text(_KEYS.get(type(error).__name__, "yaml.syntax"), locale)
