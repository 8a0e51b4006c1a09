"""UI catalogs: French and English define the same keys; texts are formatted and typeset."""

import re

import pytest

from parler_kit.i18n import Verbatim, available_keys, ui_text
from parler_kit.i18n.typography import NARROW_NBSP


def test_french_and_english_catalogs_have_identical_keys() -> None:
    """Every key exists in both languages, so no screen falls back to a missing string."""
    assert available_keys("fr") == available_keys("en")
    assert len(available_keys("fr")) > 0


def test_ui_text_fills_parameters_and_applies_french_typography() -> None:
    """French text gets its parameters and a narrow no-break space before the colon."""
    text = ui_text("cli.content.check.ok", "fr", total=12)
    assert text == f"Contenus valides{NARROW_NBSP}: 12 fiches."


def test_ui_text_in_english_is_left_as_written() -> None:
    """English text gets parameters and no French spacing."""
    assert ui_text("cli.content.check.ok", "en", total=3) == "Content valid: 3 records."


def test_unknown_key_is_a_key_error_naming_it() -> None:
    """A missing key is a programming error that names the key."""
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        ui_text("no.such.key")


def test_every_french_text_is_non_empty() -> None:
    """No catalog entry is blank."""
    for locale in ("fr", "en"):
        for key in available_keys(locale):
            assert ui_text(key, locale).strip(), key


def test_a_verbatim_parameter_keeps_its_characters_and_the_rest_is_typeset() -> None:
    """A formula or « #NOM? » is quoted as written; the sentence around it gets French spacing."""
    formula = '=SI(A2="";"";A2)'
    text = ui_text("roster.value.formula", "fr", formula=Verbatim(formula))
    assert f"«\u00a0{formula}\u00a0»" in text
    assert f"enregistré dans le fichier{NARROW_NBSP}: il a été écrit" in text
    error = ui_text("roster.value.formula_error", "fr", error=Verbatim("#NOM?"))
    assert "(#NOM?)" in error
    assert "(#NOM\u202f?)" in ui_text("roster.value.formula_error", "fr", error="#NOM?")


#: Texts still written with « (s) » or « (e) »: the number is not known (a question, a column
#: heading), or the text belongs to a package outside issue 21's change (room, live, suivi, reseau).
PSEUDO_PLURALS_LEFT = {
    "widgets.techniques.question",
    "widgets.techniques.help",
    "widgets.dialogue.help",
    "printing.classification.instructions",
    "printing.dialogue.instructions",
    "printing.dialogue.techniques",
    "cli.room.collected",
    "live.home.started",
    "live.home.skipped",
    "live.home.answered",
    "live.n",
    "live.right",
    "live.cards.count",
    "reseau.intro",
    "cli.suivi.written",
    # « absent(e) » where the person's gender is not known (issue 22's signing pages and sheet):
    # a neutral wording is for their owner to choose.
    "admin.emargement.absent_mark",
    "signing.audit.absent",
    "signing.list.absent",
    "signing.list.mark_absent",
    "signing.list.mark_absent_for",
}


def test_a_counted_word_agrees_with_its_number() -> None:
    """« 1 fichier laissé », « 2 fichiers laissés », « 0 fichier » in French; "0 files" in English."""
    assert ui_text("report.inputs.left_out", count=1) == f"1 fichier laissé de côté{NARROW_NBSP}:"
    assert ui_text("report.inputs.left_out", count=2) == f"2 fichiers laissés de côté{NARROW_NBSP}:"
    assert ui_text("cli.report.simulated", folder="d", count=0).endswith("(0 fichier).")
    assert ui_text("cli.report.simulated", "en", folder="d", count=0).endswith("(0 files).")
    assert ui_text("cli.report.simulated", "en", folder="d", count=1).endswith("(1 file).")


def test_no_pseudo_plural_where_the_number_is_known() -> None:
    """No « fichier(s) » nor « absent(e) » in the catalogs but the listed, owned elsewhere."""
    pattern = re.compile(r"\w\((?:s|e|es)\)")
    for locale in ("fr", "en"):
        found = {key for key in available_keys(locale) if pattern.search(ui_text(key, locale))}
        assert found <= PSEUDO_PLURALS_LEFT, sorted(found - PSEUDO_PLURALS_LEFT)
