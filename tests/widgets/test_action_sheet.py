"""ActionSheet: fields saved as they are left, completeness, refusal of bad text, HTML export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.content import ContentBank
from parler_kit.i18n import french_typography
from parler_kit.widgets import ActionSheet


def test_typing_in_a_field_saves_it_and_updates_completeness(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """A field's text is stored under fiche-action at once and counted in the indicator."""
    widget = ActionSheet(store=store, bank=bank)
    first = widget.fields[0]
    required = sum(f.required for f in widget.fields)
    widget.inputs[first.id].value = "Lire ensemble au relais"
    assert widget.value == {first.id: "Lire ensemble au relais"}
    assert read_answers(store.path).answers["fiche-action"].value == widget.value
    assert widget.progress.value == int(first.required)
    assert f"{int(first.required)} / {required}" in visible(widget.completeness.value)


def test_every_field_shows_its_help_and_example(
    bank: ContentBank,
    store: AnswerStore,
    page_text: Callable[[Any], str],
    visible: Callable[[str], str],
) -> None:
    """The page shows each field's label, help and example, and every input has a label."""
    widget = ActionSheet(store=store, bank=bank)
    shown = page_text(widget)
    for field in widget.fields:
        assert visible(french_typography(field.help.fr)) in shown
        assert visible(french_typography(field.example.fr))[:30] in shown
    assert all(control.description for control in widget.inputs.values())


def test_too_long_text_leaves_the_stored_field_unchanged(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """A 10,000-character text is refused with a French message; the file is unchanged."""
    widget = ActionSheet(store=store, bank=bank)
    field = widget.fields[1].id
    widget.inputs[field].value = "Texte d'avant"
    before = store.path.read_bytes()
    widget.inputs[field].value = "y" * 10_000
    assert "trop long" in visible(widget.status.value)
    assert store.path.read_bytes() == before


def test_blank_text_in_an_empty_field_is_refused(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Spaces typed into a field that holds nothing get a French message; the file is unchanged."""
    widget = ActionSheet(store=store, bank=bank)
    widget.inputs[widget.fields[0].id].value = "Un premier texte"
    before = store.path.read_bytes()
    widget.inputs[widget.fields[2].id].value = "   "
    assert "est vide" in visible(widget.status.value)
    assert store.path.read_bytes() == before


def test_emptying_a_filled_field_clears_it(
    bank: ContentBank, store: AnswerStore, visible: Callable[[str], str]
) -> None:
    """Erasing the text of a saved field removes it from the sheet, and says so."""
    widget = ActionSheet(store=store, bank=bank)
    first, second = widget.fields[0].id, widget.fields[1].id
    widget.inputs[first].value = "Gardé"
    widget.inputs[second].value = "Brouillon"
    widget.inputs[second].value = ""
    assert widget.value == {first: "Gardé"}
    assert "effacée" in visible(widget.status.value)
    assert ActionSheet(store=store, bank=bank).value == {first: "Gardé"}


def test_a_new_sheet_restores_the_fields(bank: ContentBank, store: AnswerStore) -> None:
    """Saved fields come back in a new widget on the same file."""
    first = ActionSheet(store=store, bank=bank)
    field = first.fields[2].id
    first.inputs[field].value = "Les parents du quartier"
    again = ActionSheet(store=AnswerStore.open(store.path), bank=bank)
    assert again.inputs[field].value == "Les parents du quartier"
    assert again.value == first.value


def test_export_writes_a_printable_page_with_the_escaped_text(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Export writes fiche-action.html beside the answers, with participant text escaped."""
    widget = ActionSheet(store=store, bank=bank)
    widget.inputs[widget.fields[0].id].value = "Lire <b>ensemble</b>"
    path = widget.export()
    assert path == store.path.with_name("fiche-action.html")
    page = path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Lire &lt;b&gt;ensemble&lt;/b&gt;" in page
    assert "<b>ensemble</b>" not in page
