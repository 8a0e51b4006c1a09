"""Exercise twins: blank worksheets, and filled ones showing the answers (escaped) and the key."""

from __future__ import annotations

from printing_samples import HOSTILE, HOSTILE_ESCAPED

from parler_kit.answers import AnswerStore, read_answers
from parler_kit.content import (
    AVOID,
    ClassificationItem,
    ContentBank,
    DialogueItem,
    QuizQuestion,
    ReformulationItem,
)
from parler_kit.printing import (
    classification_html,
    dialogue_html,
    exercise_html,
    quiz_html,
    reformulation_html,
)


def test_classification_blank_offers_every_technique_unticked(bank: ContentBank) -> None:
    """Blank, each item lists every technique and « À éviter » as empty boxes, without the key."""
    items = bank.exercises_of(ClassificationItem)[:2]
    html = classification_html(items, bank=bank)
    assert "☒" not in html
    assert html.count("☐") == 2 * (len(bank.techniques) + 1)
    assert bank.techniques[0].name.fr.split()[0] in html and "À éviter" in html
    assert "Réponse attendue" not in html
    assert items[0].utterance.fr.split("«")[-1][:15] in html.replace("\u00a0", " ")


def test_classification_filled_ticks_choices_and_shows_key_for_answered_items(
    bank: ContentBank, store: AnswerStore
) -> None:
    """Filled, the stored choices are ticked; the answered item shows the key, the other stays blank."""
    first, second = bank.exercises_of(ClassificationItem)[:2]
    wrong = sorted({AVOID, *first.answer} - set(first.answer)) or [AVOID]
    store.set(first.id, wrong)
    html = classification_html([first, second], store, bank=bank)
    assert html.count("☒") == len(wrong)
    assert html.count("Réponse attendue") == 1
    assert "pk-verdict-ko" in html
    store.set(first.id, sorted(first.answer))
    assert "pk-verdict-ok" in classification_html([first], store, bank=bank)


def test_quiz_blank_and_filled(bank: ContentBank, store: AnswerStore) -> None:
    """A multiple-choice question says so; filled, the ticks, key and explanation appear."""
    question = next(q for q in bank.exercises_of(QuizQuestion) if q.multiple)
    blank = quiz_html([question], bank=bank)
    assert "Plusieurs réponses possibles" in blank and "☒" not in blank
    assert blank.count("☐") == len(question.choices)
    store.set(question.id, sorted(question.correct))
    filled = quiz_html([question], store, bank=bank)
    assert filled.count("☒") == len(question.correct)
    assert "pk-verdict-ok" in filled and "Réponse attendue" in filled


def test_reformulation_blank_has_writing_lines(bank: ContentBank) -> None:
    """Blank, the reformulation twin gives ruled lines and hides the model replies."""
    item = bank.exercises_of(ReformulationItem)[0]
    html = reformulation_html([item])
    assert html.count('class="pk-line"') == 4
    assert item.model_replies[0].fr[:20] not in html.replace("\u202f", " ")


def test_reformulation_filled_shows_the_text_literally_with_feedback(
    bank: ContentBank, store: AnswerStore
) -> None:
    """The participant's reply is escaped (script, quotes, braces literal); models and rubric follow."""
    item = bank.exercises_of(ReformulationItem)[0]
    store.set(item.id, HOSTILE)
    html = reformulation_html([item], store)
    assert HOSTILE_ESCAPED in html
    assert "<script>" not in html
    assert "Des réponses possibles" in html
    assert html.count("pk-verdict-") == len(item.rubric)


def test_dialogue_blank_and_filled_turn_by_turn(bank: ContentBank, store: AnswerStore) -> None:
    """Each adult turn has a cell to write in; filled, labels are compared with the key and scored."""
    item = bank.exercises_of(DialogueItem)[0]
    adult = [i for i, t in enumerate(item.turns) if t.speaker == "adult"]
    blank = dialogue_html(item, bank=bank)
    assert blank.count('class="pk-write"') == len(adult)
    assert "Score" not in blank
    first = adult[0]
    store.set(item.id, {str(first): list(item.turns[first].techniques)})
    filled = dialogue_html(item, store, bank=bank)
    assert filled.count("pk-verdict-ok") == 1
    assert filled.count("pk-verdict-ko") == len(adult) - 1
    assert f"Score\u202f: 1 / {len(adult)}" in filled


def test_exercise_html_dispatches_by_kind_and_reads_an_answers_file(
    bank: ContentBank, store: AnswerStore
) -> None:
    """exercise_html picks the twin of the item's kind; a read-only AnswersFile fills it too."""
    item = bank.exercises_of(ReformulationItem)[0]
    store.set(item.id, HOSTILE)
    html = exercise_html(item, read_answers(store.path), bank=bank)
    assert "pk-reformulation" in html and HOSTILE_ESCAPED in html
    quiz = bank.exercises_of(QuizQuestion)[0]
    assert "pk-quiz" in exercise_html(quiz, bank=bank)
    assert "pk-dialogue" in exercise_html(bank.exercises_of(DialogueItem)[0], bank=bank)
    assert "pk-classification" in exercise_html(bank.exercises_of(ClassificationItem)[0])


def test_malformed_stored_values_print_as_unanswered(bank: ContentBank, store: AnswerStore) -> None:
    """A hand-edited value of the wrong shape leaves the item blank instead of failing."""
    item = bank.exercises_of(ClassificationItem)[0]
    store.set(item.id, {"not": "a list"})
    html = classification_html([item], store, bank=bank)
    assert "☒" not in html and "Réponse attendue" not in html


def test_dialogue_labels_from_a_hand_edited_file_are_escaped(
    bank: ContentBank, store: AnswerStore
) -> None:
    """An unknown label typed into the answers file is shown as text, never as markup."""
    item = bank.exercises_of(DialogueItem)[0]
    first = next(i for i, t in enumerate(item.turns) if t.speaker == "adult")
    store.set(item.id, {str(first): [HOSTILE]})
    html = dialogue_html(item, store, bank=bank)
    assert HOSTILE_ESCAPED in html and "<script>" not in html
