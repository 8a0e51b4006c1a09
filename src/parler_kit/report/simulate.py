"""Simulated answers for the demonstration bilan (``make demo``): plausible, fictional, marked.

Writes, for each participant of a roster, the answers files a real course would return: the
first day's (positioning quiz at entry, the quizzes on the stakes and on development), the
second's (technique exercises) and the last day's (positioning quiz at the end, the quiz on
observation, évaluation à chaud, the joint fiche action), and the follow-up evaluation (à froid)
returned weeks later in its own file, ``evaluation_a_froid.answers.json``, as production names
it. One participant is left without a last-day file, so the bilan shows how a missing file is
reported.

**One model per person.** Each simulated participant is a `Person` with three traits drawn
from seeded generators, so the same roster always gives the same demonstration:

- ``skill``: the chance of a right answer (quizzes, technique exercises); the positioning quiz
  is answered with ``skill - 0.25`` at entry and ``skill + 0.15`` at the end;
- ``liking``: how much the person liked the course, on the 1–5 scale. Each satisfaction
  question is answered ``liking`` + that question's leaning (the pace is rated lower than the
  rest) + a little noise, rounded; the self-assessment of the objectives follows ``skill``;
  **« recommanderiez-vous »** follows the mean of the person's own satisfaction answers
  (`recommendation`), so a more satisfied person never recommends the course less;
- ``transfer``: how much the person uses the course three months later, from ``skill``,
  ``liking`` and noise. It sets how many techniques the à froid ticks (from none — then only
  « Aucune » — to most of them), which ones (those the person recognised best on day 2 are
  likelier), the observation grid, the talks with parents and the change felt.

Comments are written by the people they fit: each comment states the condition on its
author's own answers (praise of the exchanges by someone who rated them 4 or 5, « le rythme
était un peu rapide » by someone who rated the pace 3 or less, thanks to another participant —
never to oneself, …), a less satisfied person writes an improvement more often, and each comment
is used at most once.

Nothing here is ever mixed with real answers: `simulate_answers` only writes into an empty
folder or one it filled itself (recognised by its marker file).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

from parler_kit.answers import StoredAnswer
from parler_kit.answers.fileformat import dump
from parler_kit.answers.files import DAY_ANSWERS, FOLLOW_UP_ANSWERS
from parler_kit.answers.scoring import adult_turn_indexes
from parler_kit.content import AVOID, ContentBank
from parler_kit.content.model import ClassificationItem, DialogueItem, QuizQuestion
from parler_kit.errors import ParlerKitError
from parler_kit.i18n import format_date, ui_text
from parler_kit.report.bilan import follow_up_due
from parler_kit.report.inputs import AnswersSet
from parler_kit.roster import Participant, Roster, Session

MARKER = "SIMULATION-DEMONSTRATION.txt"

#: The satisfaction questions of the à chaud form and how each leans from a person's liking
#: (a dense course: the pace is rated lowest, the exchanges between jobs highest).
SATISFACTION = {
    "eval-chaud-satisfaction": 0.0,
    "eval-chaud-utilite": 0.1,
    "eval-chaud-rythme": -0.6,
    "eval-chaud-supports": -0.1,
    "eval-chaud-echanges": 0.3,
    "eval-chaud-conditions": -0.2,
}
#: Thresholds on the mean of a person's satisfaction answers, highest first.
_RECOMMENDATION = ((4.2, "oui"), (3.4, "plutot-oui"), (2.5, "plutot-non"), (0.0, "non"))
RECOMMEND = "eval-chaud-recommander"
_TECHNIQUES_USED = "eval-froid-techniques"
_NONE_USED = "aucune"

Answers = Mapping[str, Any]


@dataclass(frozen=True)
class Person:
    """A simulated participant's traits (see the module's docstring)."""

    skill: float
    liking: float
    transfer: float


@dataclass(frozen=True)
class Comment:
    """A simulated free text and the condition its author's answers (same form) must meet."""

    text: str
    fits: Callable[[Answers], bool] = lambda answers: True


def _rated(question: str, low: int, high: int) -> Callable[[Answers], bool]:
    return lambda answers: low <= answers.get(question, 0) <= high


def _praise(question: str) -> Callable[[Answers], bool]:
    """Praise of what `question` rates, by someone who rated it 4 or 5 and does not say « non »."""
    return lambda answers: answers.get(RECOMMEND) != "non" and _rated(question, 4, 5)(answers)


def _ticked(*techniques: str) -> Callable[[Answers], bool]:
    return lambda answers: bool(set(techniques) & set(answers.get(_TECHNIQUES_USED, ())))


def _not_ticked(technique: str) -> Callable[[Answers], bool]:
    return lambda answers: not _ticked(technique, _NONE_USED)(answers)


#: Simulated comments, written for their question (never a criticism under « le plus
#: apprécié », nothing about what the course does not have), each with its author's condition.
COMMENTS: dict[str, tuple[Comment, ...]] = {
    "eval-chaud-points-forts": (
        Comment(
            "Les exemples tirés de nos journées avec les enfants m'ont beaucoup aidée.",
            _praise("eval-chaud-utilite"),
        ),
        Comment(
            "Merci à {first_name} pour les échanges entre métiers, très riches.",
            _praise("eval-chaud-echanges"),
        ),
        Comment(
            "Les dialogues à annoter : on voit tout de suite ce que change une reformulation.",
            _praise("eval-chaud-supports"),
        ),
        Comment(
            "Les repères d'âge avec leurs sources, et le fait qu'ils ne disent pas tous la même chose.",
            _praise("eval-chaud-obj-developpement"),
        ),
        Comment(
            "Le temps d'attente : je ne me rendais pas compte que je répondais à la place des enfants.",
            _praise("eval-chaud-obj-techniques"),
        ),
        Comment(
            "Travailler la fiche action avec la coordinatrice de la Cité éducative.",
            _praise("eval-chaud-obj-projet"),
        ),
    ),
    "eval-chaud-ameliorations": (
        Comment(
            "J'aurais aimé plus de temps sur l'observation.",
            _rated("eval-chaud-obj-observation", 1, 4),
        ),
        Comment(
            "Le rythme du deuxième jour était un peu rapide.", _rated("eval-chaud-rythme", 1, 3)
        ),
        Comment(
            "Plus de mises en situation à deux, avec des enfants de moins d'un an.",
            _rated("eval-chaud-utilite", 1, 4),
        ),
        Comment(
            "Un support à emporter pour les parents, dans les langues du quartier.",
            _rated("eval-chaud-supports", 1, 4),
        ),
        Comment(
            "Commencer un peu plus tard le matin pour les assistantes maternelles.",
            _rated("eval-chaud-conditions", 1, 4),
        ),
    ),
    "eval-froid-freins": (
        Comment(
            "Ce qui m'aide : le mémo des techniques affiché dans la salle de jeux.",
            lambda answers: len(answers.get(_TECHNIQUES_USED, ())) >= 4,
        ),
        Comment(
            "Ce qui me freine : avec quatre enfants à la fois, le temps d'attente est difficile à tenir.",
            _not_ticked("temps-d-attente"),
        ),
        Comment(
            "Les temps au relais m'aident à en reparler avec les collègues.",
            _rated("eval-froid-partage-equipe", 4, 5),
        ),
        Comment(
            "J'oublie de reformuler quand je suis pressée, au moment des départs.",
            _not_ticked("reformulation"),
        ),
    ),
    "eval-froid-commentaire": (
        Comment("Une analyse de pratique au relais dans quelques mois serait utile."),
        Comment("J'aimerais une deuxième session sur la lecture avec les tout-petits."),
        Comment(
            "Merci à {first_name}, j'ai repris ses idées pour les temps de livres.",
            _ticked("lecture-dialogique-peer", "lecture-dialogique-crowd"),
        ),
        Comment(
            "Pouvoir inviter une orthophoniste pour parler des enfants qui nous inquiètent.",
            lambda answers: answers.get("eval-froid-observation") in {"plusieurs-fois", "une-fois"},
        ),
    ),
}
#: How much easier (or harder) each technique is to recognise than average, in turn.
_EASE = (0.2, -0.05, 0.1, -0.3, 0.15, 0.0, -0.2, 0.25, -0.1, 0.05)


def recommendation(answers: Answers) -> str:
    """« Recommanderiez-vous » from the mean of a person's own satisfaction answers."""
    mean = fmean(answers[question] for question in SATISFACTION)
    return next(choice for threshold, choice in _RECOMMENDATION if mean >= threshold)


def simulate_answers(
    bank: ContentBank, roster: Roster, session: Session, folder: Path, *, seed: int = 2027
) -> list[Path]:
    """Write simulated answers files under `folder` (``<id>/jour1``, ``jour2``, ``jour3``)."""
    _check_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(ui_text("report.demo.marker"), "utf-8")
    # One generator per kind of answer: changing how one kind is drawn leaves the others as
    # they were (the quizzes' and exercises' results, which attestations and tests read).
    rng, later, quizzes = random.Random(seed), random.Random(seed + 1), random.Random(seed + 2)
    feelings = random.Random(seed + 3)
    first_day, second_day, last_day = (
        session.days[0],
        session.days[len(session.days) // 2],
        session.days[-1],
    )
    sheet = _group_sheet(bank, roster, session)
    unused = {question: list(comments) for question, comments in COMMENTS.items()}
    weeks = follow_up_due(session)
    written = []
    for number, participant in enumerate(roster.participants):
        skill = rng.uniform(0.45, 0.9)
        liking = min(max(feelings.gauss(4.25, 0.5), 2.4), 5.0)
        # Use three months later: what was learnt, what was liked, and how one's work allows it.
        transfer = 0.35 * (skill - 0.45) / 0.45 + 0.3 * (liking - 2.4) / 2.6
        transfer += 0.35 * feelings.random()
        person = Person(skill, liking, min(max(transfer, 0.0), 1.0))
        entry = _quiz(bank, rng, skill - 0.25, first_day)
        entry |= _topic_quiz(bank, quizzes, skill, first_day, {"prevention", "development"})
        written.append(_write(folder / participant.id / "jour1", participant.id, session.id, entry))
        exercises = _exercises(bank, rng, skill, second_day)
        written.append(
            _write(folder / participant.id / "jour2", participant.id, session.id, exercises)
        )
        if number == len(roster.participants) - 1:
            continue  # absent on the last day: the bilan reports the missing file
        end = _quiz(bank, rng, skill + 0.15, last_day)
        end |= _topic_quiz(bank, quizzes, skill, last_day, {"observation"})
        hot = _hot_evaluation(bank, feelings, person)
        less_satisfied = person.liking < 3.8
        _comment(bank, "chaud", hot, feelings, unused, roster, participant,
                 "eval-chaud-ameliorations" if less_satisfied else None)  # fmt: skip
        end["evaluation:chaud"] = _stored(hot, last_day, 16)
        end["fiche-action"] = _stored(sheet, last_day, 15)
        written.append(_write(folder / participant.id / "jour3", participant.id, session.id, end))
        cold = _cold_evaluation(bank, later, person, _recognised(bank, exercises))
        _comment(bank, "froid", cold, later, unused, roster, participant,
                 "eval-froid-freins" if person.transfer < 0.5 else None)  # fmt: skip
        froid = {"evaluation:froid": _stored(cold, weeks, 18)}
        written.append(
            _write(folder / participant.id / "a-froid", participant.id, session.id, froid,
                   FOLLOW_UP_ANSWERS)
        )  # fmt: skip
    return written


def latest_answer_day(inputs: AnswersSet) -> dt.date | None:
    """The day of the latest answer read (the simulated à froid returns), or None."""
    days = [
        dt.datetime.fromisoformat(answer.changed_at.replace("Z", "+00:00")).date()
        for files in inputs.files.values()
        for data in files
        for answer in data.answers.values()
    ]
    return max(days, default=None)


def _group_sheet(bank: ContentBank, roster: Roster, session: Session) -> dict[str, str]:
    """The group's own fiche action for `session` (its place, its people, dates after it)."""
    month = format_date(session.days[-1] + dt.timedelta(days=31)).split(" ", 1)[1]
    texts = ui_text(
        "report.demo.sheet",
        place=session.place,
        count=len(roster.participants),
        month=month,
        cite=session.cite_educative,
    )
    wanted = dict(line.split(" = ", 1) for line in texts.split("\n") if " = " in line)
    return {f.id: wanted[f.id] for f in bank.action_sheet_fields if f.id in wanted}


def _check_folder(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise ParlerKitError(ui_text("report.demo.folder_not_empty", folder=folder))


def _stored(value: Any, day: dt.date, hour: int) -> StoredAnswer:
    moment = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=dt.UTC)
    return StoredAnswer(value, moment.isoformat(), 1)


def _quiz(
    bank: ContentBank, rng: random.Random, skill: float, day: dt.date
) -> dict[str, StoredAnswer]:
    skill = min(max(skill, 0.05), 0.97)
    answers: dict[str, StoredAnswer] = {}
    for question in (q for q in bank.exercises_of(QuizQuestion) if q.positioning):
        right = rng.random() < skill
        wrong = [c.id for c in question.choices if c.id not in question.correct] or list(
            question.correct
        )
        answers[question.id] = _stored(
            sorted(question.correct) if right else [rng.choice(wrong)], day, 10
        )
    return answers


def _topic_quiz(
    bank: ContentBank, rng: random.Random, skill: float, day: dt.date, topics: set[str]
) -> dict[str, StoredAnswer]:
    """Answers to the quiz questions of `topics` outside the positioning quiz."""
    answers: dict[str, StoredAnswer] = {}
    for question in bank.exercises_of(QuizQuestion):
        if question.positioning or question.topic not in topics:
            continue
        right = rng.random() < skill
        wrong = [c.id for c in question.choices if c.id not in question.correct]
        chosen = sorted(question.correct) if right or not wrong else [rng.choice(wrong)]
        answers[question.id] = _stored(chosen, day, 11)
    return answers


def _exercises(
    bank: ContentBank, rng: random.Random, skill: float, day: dt.date
) -> dict[str, StoredAnswer]:
    answers: dict[str, StoredAnswer] = {}
    techniques = [t.id for t in bank.techniques] + [AVOID]
    # Some techniques are easier to recognise than others: the judgements then discriminate.
    ease = {t: _EASE[i % len(_EASE)] for i, t in enumerate(techniques)}
    for item in bank.exercises_of(ClassificationItem):
        right = rng.random() < skill + min(ease[t] for t in item.answer)
        chosen = (
            sorted(item.answer)
            if right
            else [rng.choice([t for t in techniques if t not in item.answer])]
        )
        answers[item.id] = _stored(chosen, day, 14)
    for dialogue in bank.exercises_of(DialogueItem):
        labels = {}
        for index in adult_turn_indexes(dialogue):
            key = sorted(dialogue.turns[index].techniques)
            chance = skill + min((ease[t] for t in key), default=0.0)
            labels[str(index)] = key if rng.random() < chance else [rng.choice(techniques)]
        answers[dialogue.id] = _stored(labels, day, 15)
    return answers


def _hot_evaluation(bank: ContentBank, rng: random.Random, person: Person) -> dict[str, Any]:
    """The à chaud answers of `person`, comments aside."""
    values: dict[str, Any] = {}
    for question in (q for q in bank.evaluation_questions if q.form == "chaud"):
        if question.kind == "scale":
            # A satisfaction question leans from the liking; a self-assessment follows skill.
            centre = (
                person.liking + SATISFACTION[question.id]
                if question.id in SATISFACTION
                else 2.6 + 2.6 * person.skill
            )
            values[question.id] = _scale(centre + rng.gauss(0.0, 0.35))
        elif question.kind == "choice" and question.id != RECOMMEND:
            values[question.id] = rng.choice([c.id for c in question.choices])
    values[RECOMMEND] = recommendation(values)
    return values


def _cold_evaluation(
    bank: ContentBank, rng: random.Random, person: Person, recognised: Mapping[str, float]
) -> dict[str, Any]:
    """The à froid answers of `person`, comments aside.

    Single-choice questions list their choices from the most use to the least (« Oui,
    plusieurs fois », « Oui, une fois », « Non »): the more transfer, the earlier the choice.
    """
    values: dict[str, Any] = {}
    for question in (q for q in bank.evaluation_questions if q.form == "froid"):
        ids = [c.id for c in question.choices]
        if question.kind == "scale":
            values[question.id] = _scale(1.2 + 4 * person.transfer + rng.gauss(0.0, 0.2))
        elif question.kind == "choice" and question.multiple:
            values[question.id] = _techniques_used(rng, person, ids, recognised)
        elif question.kind == "choice":
            level = min(max(person.transfer + rng.gauss(0.0, 0.1), 0.0), 0.999)
            values[question.id] = ids[int((1.0 - level) * len(ids)) % len(ids)]
    return values


def _techniques_used(
    rng: random.Random, person: Person, ids: Sequence[str], recognised: Mapping[str, float]
) -> list[str]:
    """From none (« Aucune » alone) to most: those recognised best on day 2 are likelier."""
    techniques = [choice for choice in ids if choice != _NONE_USED]
    count = min(max(round(person.transfer * 10 + rng.gauss(0.0, 0.5)), 0), len(techniques))
    if not count:
        return [_NONE_USED]
    # Weighted sampling without replacement (Efraimidis–Spirakis keys).
    keys = {t: rng.random() ** (1.0 / (0.25 + recognised.get(t, 0.5))) for t in techniques}
    return sorted(sorted(techniques, key=keys.__getitem__, reverse=True)[:count])


def _recognised(bank: ContentBank, exercises: Mapping[str, StoredAnswer]) -> dict[str, float]:
    """Share of right answers per technique in a person's day-2 exercises."""
    tallies: dict[str, list[bool]] = {}
    for item in bank.exercises_of(ClassificationItem):
        if item.id in exercises:
            right = exercises[item.id].value == sorted(item.answer)
            for technique in item.answer:
                tallies.setdefault(technique, []).append(right)
    for dialogue in bank.exercises_of(DialogueItem):
        labels = exercises[dialogue.id].value if dialogue.id in exercises else {}
        for index in adult_turn_indexes(dialogue):
            key = sorted(dialogue.turns[index].techniques)
            for technique in key:
                tallies.setdefault(technique, []).append(labels.get(str(index)) == key)
    return {technique: fmean(rights) for technique, rights in tallies.items()}


def _comment(
    bank: ContentBank,
    form: str,
    values: dict[str, Any],
    rng: random.Random,
    unused: dict[str, list[Comment]],
    roster: Roster,
    author: Participant,
    more_often: str | None,
) -> None:
    """Add to `values` comments that fit them, each used once; `more_often` gets more of them."""
    for question in (q.id for q in bank.evaluation_questions if q.form == form):
        comments = unused.get(question, [])
        fitting = [c for c in comments if c.fits(values)]
        if not fitting or rng.random() >= (0.9 if question == more_often else 0.5):
            continue
        comment = fitting[rng.randrange(len(fitting))]
        comments.remove(comment)
        others = [p.first_name for p in roster.participants if p.id != author.id]
        values[question] = comment.text.format(first_name=rng.choice(others))


def _scale(value: float) -> int:
    return min(max(round(value), 1), 5)


def _write(
    folder: Path,
    participant_id: str,
    session_id: str,
    answers: dict[str, StoredAnswer],
    name: str = DAY_ANSWERS,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dump(participant_id, session_id, answers), "utf-8")
    return path
