"""The shipped techniques and their exercises meet the course's minimums and stay coherent."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from parler_kit.answers.scoring import assess_reformulation
from parler_kit.content import (
    AVOID,
    ClassificationItem,
    ContentBank,
    DialogueItem,
    ExerciseRecord,
    ReformulationItem,
    Technique,
    content_stats,
    load_bank,
)

BANK = load_bank()
TECHNIQUES = BANK.techniques
CLASSIFICATION = BANK.exercises_of(ClassificationItem)
REFORMULATION = BANK.exercises_of(ReformulationItem)
DIALOGUES = BANK.exercises_of(DialogueItem)

#: Ids the widgets, handouts and older answer stores already refer to: they must not change.
FOUNDATION_TECHNIQUES = {
    "observer-attendre-ecouter",
    "reformulation",
    "parler-en-parallele",
    "questions-ouvertes",
    "ne-pas-anticiper",
}
ROLES_WITH_OWN_ITEMS = ("assistante_maternelle", "laep", "rpe", "eje", "auxiliaire_puericulture")
MIN_CLASSIFICATION_PER_ROLE = 8


def _words(text: str) -> set[str]:
    """Lower-case words of a French text (apostrophes and punctuation split words)."""
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _keys(item: ExerciseRecord) -> list[str]:
    """The technique ids (or « à éviter ») in one exercise item's key."""
    if isinstance(item, ClassificationItem):
        return list(item.answer)
    if isinstance(item, ReformulationItem):
        return list(item.techniques)
    if isinstance(item, DialogueItem):
        return [key for turn in item.turns for key in turn.techniques]
    return []


def _named_techniques(bank: ContentBank) -> Counter[str]:
    """How often each technique id (or « à éviter ») appears in any exercise key."""
    return Counter(key for item in bank.exercises for key in _keys(item))


def _untrained(bank: ContentBank) -> set[str]:
    """Technique ids that no exercise key names."""
    return {technique.id for technique in bank.techniques} - set(_named_techniques(bank))


def _technique_problems(technique: Technique) -> list[str]:
    """What a technique record lacks for the course (empty when complete)."""
    problems = []
    if len(technique.examples) < 2:
        problems.append("fewer than 2 examples")
    if len({example.situation for example in technique.examples}) < 2:
        problems.append("examples all in one situation")
    if not technique.avoid:
        problems.append("no « à éviter » counterpart")
    return problems


def _reformulation_problems(item: ReformulationItem) -> list[str]:
    """What a reformulation item lacks (empty when complete)."""
    problems = []
    if not 2 <= len(item.model_replies) <= 3:
        problems.append(f"{len(item.model_replies)} model replies")
    if not item.target_words:
        problems.append("no target words")
    reply_words = set().union(*(_words(reply.fr) for reply in item.model_replies))
    missing = [word for word in item.target_words if word.lower() not in reply_words]
    if missing:
        problems.append(f"target words in no model reply: {missing}")
    return problems


def test_minimum_counts() -> None:
    """The bank holds at least 14 techniques, 50 classification, 20 reformulation, 4 dialogue items."""
    assert len(TECHNIQUES) >= 14
    assert len(CLASSIFICATION) >= 50
    assert len(REFORMULATION) >= 20
    assert len(DIALOGUES) >= 4


def test_foundation_technique_ids_are_kept() -> None:
    """The five technique ids of the foundation still exist, so stored answers stay valid."""
    assert FOUNDATION_TECHNIQUES.issubset(technique.id for technique in TECHNIQUES)


def test_every_technique_is_trained_by_an_exercise() -> None:
    """Each technique appears in at least one exercise key, and in at least one classification key."""
    assert _untrained(BANK) == set()
    technique_ids = {technique.id for technique in TECHNIQUES}
    in_classification = {key for item in CLASSIFICATION for key in item.answer}
    assert technique_ids - in_classification == set()


def test_every_key_names_a_known_technique() -> None:
    """Every technique id in a classification, reformulation or dialogue key exists (or is « à éviter »)."""
    known = {technique.id for technique in TECHNIQUES} | {AVOID}
    assert set(_named_techniques(BANK)) - known == set()
    assert all(AVOID not in item.techniques for item in REFORMULATION)


def test_classification_trains_both_sides() -> None:
    """The classification set includes « à éviter » utterances, never mixed with a technique in one key."""
    avoid_items = [item for item in CLASSIFICATION if AVOID in item.answer]
    assert len(avoid_items) >= 8
    assert all(item.answer == (AVOID,) for item in avoid_items)
    assert all(len(set(item.answer)) == len(item.answer) for item in CLASSIFICATION)


@pytest.mark.parametrize("technique", TECHNIQUES, ids=lambda t: t.id)
def test_technique_has_examples_in_two_situations_and_a_counterpart(technique: Technique) -> None:
    """Each technique has ≥ 2 good examples in ≥ 2 different situations and ≥ 1 « à éviter »."""
    assert _technique_problems(technique) == []


@pytest.mark.parametrize("role", ROLES_WITH_OWN_ITEMS)
def test_each_role_has_its_own_classification_items(role: str) -> None:
    """AM, LAEP, RPE, EJE and auxiliaires de puériculture each get at least 8 items of their own."""
    tagged = [item for item in CLASSIFICATION if role in item.roles]
    assert len(tagged) >= MIN_CLASSIFICATION_PER_ROLE


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=lambda d: d.id)
def test_dialogue_shape(dialogue: DialogueItem) -> None:
    """A dialogue has 6–12 turns, both speakers, every adult turn labelled, and a note on each miss."""
    assert 6 <= len(dialogue.turns) <= 12
    speakers = Counter(turn.speaker for turn in dialogue.turns)
    assert speakers["adult"] >= 3 and speakers["child"] >= 2
    adult_turns = [turn for turn in dialogue.turns if turn.speaker == "adult"]
    assert all(turn.techniques for turn in adult_turns)
    missed = [turn for turn in adult_turns if AVOID in turn.techniques]
    assert missed, "each transcript shows at least one turn to improve"
    assert all(turn.note is not None for turn in missed)


def test_dialogues_cover_different_settings() -> None:
    """The transcripts take place in at least four different everyday situations."""
    assert len({dialogue.situation for dialogue in DIALOGUES}) >= 4


@pytest.mark.parametrize("item", REFORMULATION, ids=lambda i: i.id)
def test_reformulation_item_is_complete(item: ReformulationItem) -> None:
    """A reformulation item has 2–3 model replies, and its target words occur in a model reply."""
    assert _reformulation_problems(item) == []


@pytest.mark.parametrize("item", REFORMULATION, ids=lambda i: i.id)
def test_model_replies_show_their_rubric(item: ReformulationItem) -> None:
    """Each model reply shows every rubric feature of its item, as the shared scorer judges it."""
    for reply in item.model_replies:
        missing = [f for f, ok in assess_reformulation(item, reply.fr).features.items() if not ok]
        assert missing == [], reply.fr


def test_reformulation_covers_the_three_modelling_techniques() -> None:
    """Reformulation items train recasting, expansion and extension."""
    used = {technique for item in REFORMULATION for technique in item.techniques}
    assert {"reformulation", "expansion", "extension"} <= used


def test_technique_and_exercise_records_are_sourced_and_translated() -> None:
    """Every technique and exercise item of these kinds cites a source and has English text."""
    stats = content_stats(BANK)
    for kind in ("techniques", "exercises.classify", "exercises.reformulate", "exercises.dialogue"):
        assert stats[kind]["without_source"] == 0, kind
        assert stats[kind]["without_english"] == 0, kind


def test_checks_catch_a_regressed_bank() -> None:
    """The helpers report a technique without examples, a lost target word and an untrained technique."""
    technique = TECHNIQUES[0]
    one_example = technique.model_copy(update={"examples": technique.examples[:1]})
    assert "fewer than 2 examples" in _technique_problems(one_example)
    item = REFORMULATION[0]
    wrong_target = item.model_copy(update={"target_words": ("introuvable",)})
    assert any("target words in no model reply" in p for p in _reformulation_problems(wrong_target))
    kept = tuple(exercise for exercise in BANK.exercises if "nommer" not in _keys(exercise))
    pruned = ContentBank(techniques=TECHNIQUES, exercises=kept)
    assert _untrained(pruned) == {"nommer"}
