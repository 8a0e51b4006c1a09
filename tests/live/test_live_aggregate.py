"""The live view's aggregation over a hand-made class folder: every exercise kind, read-only."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from live.class_folders import OBSERVATION, PEOPLE, write_answers
from parler_kit.content import ContentBank, load_bank
from parler_kit.live import LiveState, class_views, view_sections
from parler_kit.live.aggregate import EvaluationSpread, KeyedSpread, QuestionBars, TextCards
from parler_kit.live.folder import ClassFolder


@pytest.fixture(scope="module")
def bank() -> ContentBank:
    """The shipped content bank."""
    return load_bank()


def _sections(bank: ContentBank, folder: Path, slug: str) -> tuple[object, ...]:
    view = next(v for v in class_views(bank) if v.slug == slug)
    answers, _changed = ClassFolder(folder).read()
    return view_sections(bank, view, answers.files, "salt")


def _digests(folder: Path) -> dict[Path, str]:
    return {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_folder_counts_participants_and_skips_broken_files(class_folder: Path) -> None:
    """Corrupt and half-written files are skipped and counted; released days come from dayN."""
    answers, changed = ClassFolder(class_folder).read()
    assert changed
    assert answers.participants == 4  # the erased participant's folder is empty
    assert answers.skipped == 2
    assert answers.days == {1, 2, 3}
    assert set(answers.files) == set(PEOPLE)


def test_a_file_naming_someone_else_is_skipped(class_folder: Path) -> None:
    """An answers file whose participant id is not its folder's is not counted for anybody."""
    write_answers(
        class_folder / "p-lina-roy" / "copie.answers.json", "p-jose-nunez", {"quiz-depp-cp": ["b"]}
    )
    answers, _ = ClassFolder(class_folder).read()
    assert answers.skipped == 3


def test_positioning_entry_and_end_side_by_side(bank: ContentBank, class_folder: Path) -> None:
    """A positioning answer given again on the last day counts as the end one."""
    first = _sections(bank, class_folder, "positionnement")[0]
    assert isinstance(first, QuestionBars)
    assert first.question.id == "quiz-pb-evaluation"
    assert (first.entry.counts, first.entry.n) == ({"b": 1}, 1)
    assert first.end is not None and first.end.counts == {"a": 1}


def test_quiz_distribution(bank: ContentBank, class_folder: Path) -> None:
    """A quiz question's bars count each participant's choice; no end column outside positioning."""
    depp = next(
        s
        for s in _sections(bank, class_folder, "enjeux")
        if isinstance(s, QuestionBars) and s.question.id == "quiz-depp-cp"
    )
    assert (depp.entry.counts, depp.entry.n, depp.end) == ({"c": 1, "a": 1}, 2, None)


def test_classification_most_wrong_first(bank: ContentBank, class_folder: Path) -> None:
    """Techniques ticked per item, right answers counted, the most-missed item first."""
    first = _sections(bank, class_folder, "routines")[0]
    assert isinstance(first, KeyedSpread)
    assert first.item.id == "cl-01"
    assert first.spread.counts == {"ne-pas-anticiper": 1, "reformulation": 1, "nommer": 1}
    assert (first.spread.n, first.right, first.wrong_share) == (2, 1, 0.5)


def test_dialogue_turns_most_wrong_first(bank: ContentBank, class_folder: Path) -> None:
    """Per adult turn of a dialogue, the techniques ticked; the turn most got wrong comes first."""
    turns = [s for s in _sections(bank, class_folder, "dialogues") if isinstance(s, KeyedSpread)]
    dlg = [s for s in turns if s.item.id == "dlg-01"]
    assert (dlg[0].turn, dlg[0].right, dlg[0].spread.n) == (2, 1, 2)
    turn0 = next(s for s in dlg if s.turn == 0)
    assert (turn0.right, turn0.spread.counts) == (2, {"ne-pas-anticiper": 2})


def test_free_texts_become_anonymous_cards_kept_exactly(
    bank: ContentBank, class_folder: Path
) -> None:
    """A reformulation is a card with its accents and punctuation, and an id that is not its author."""
    ref = _sections(bank, class_folder, "reformuler")[0]
    assert isinstance(ref, TextCards)
    [card] = ref.cards
    assert card.text == "Oui, il est tombé dans l'eau ? Le ballon…"
    assert all(person not in card.card_id for person in PEOPLE)


def test_action_sheet_and_evaluation(bank: ContentBank, class_folder: Path) -> None:
    """The fiche action's fields as written; the évaluation's scale counts and comment cards."""
    sheet = _sections(bank, class_folder, "fiche-action")
    title = next(s for s in sheet if isinstance(s, TextCards) and s.record.id == "fa-intitule")
    assert [c.text for c in title.cards] == ["Lire ensemble au square"]
    evaluation = {
        s.question.id: s
        for s in _sections(bank, class_folder, "evaluation")
        if isinstance(s, EvaluationSpread)
    }
    assert evaluation["eval-chaud-satisfaction"].spread.counts == {"5": 1}
    assert [c.text for c in evaluation["eval-chaud-points-forts"].cards] == ["Très concret !"]


def test_no_view_shows_names_ids_or_observations(bank: ContentBank, class_folder: Path) -> None:
    """Every view's HTML, answer revealed and every text shown, names no one and no child."""
    state = LiveState(class_folder, bank)
    pages = [state.home("/")]
    for view in state.views:
        state.toggle_reveal(view)
        for moderation in (False, True):
            pages.append(state.body(view, moderation))
    text = "\n".join(pages)
    assert "Oui, il est tombé dans l&#x27;eau ? Le ballon…" in text
    for forbidden in [
        *PEOPLE,
        *PEOPLE.values(),
        "p-erased",
        "Nathanaël",
        OBSERVATION["child_code"],
        str(class_folder),
    ]:
        assert forbidden not in text


def test_erased_participant_disappears(bank: ContentBank, class_folder: Path) -> None:
    """Once a participant's files are erased, nothing of theirs is counted any more."""
    state = LiveState(class_folder, bank)
    for path in (class_folder / "p-amelie-berthier").rglob("*.json"):
        path.unlink()
    assert state.refresh()
    first = view_sections(bank, state.views[0], state.answers.files, state.salt)[0]
    assert isinstance(first, QuestionBars) and first.entry.n == 0


def test_reset_and_freeze_touch_no_file(bank: ContentBank, class_folder: Path) -> None:
    """« Réinitialiser » hides earlier answers, « Geler » keeps a view still; files stay as they are."""
    before = _digests(class_folder)
    state = LiveState(class_folder, bank)
    enjeux = next(v for v in state.views if v.slug == "enjeux")
    state.toggle_freeze(enjeux)
    frozen = state.body(enjeux, False)
    write_answers(
        class_folder / "p-new" / "day1" / "carnet.answers.json",
        "p-new",
        {"quiz-depp-cp": ["b"]},
        "2099-01-01T00:00:00.000Z",
    )
    assert state.refresh()
    assert state.body(enjeux, False) == frozen
    state.toggle_freeze(enjeux)
    assert state.body(enjeux, False) != frozen
    state.reset()
    first = view_sections(bank, enjeux, state.answers.files, state.salt)
    assert sum(s.entry.n for s in first if isinstance(s, QuestionBars)) == 1  # only the 2099 answer
    after = _digests(class_folder)
    assert {p: d for p, d in after.items() if p in before} == before
