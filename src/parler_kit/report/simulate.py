"""Simulated answers for the demonstration bilan (``make demo``): plausible, fictional, marked.

Writes, for each participant of a roster, the answers files a real course would return: the
first day's (positioning quiz at entry, the quizzes on the stakes and on development), the
second's (technique exercises) and the last day's (positioning quiz at the end, the quiz on
observation, évaluation à chaud, the joint fiche action), and the follow-up evaluation (à froid)
returned weeks later in its own file, ``evaluation_a_froid.answers.json``, as production names
it. Answers are drawn from a seeded random generator, so the same roster always gives the same
demonstration. One participant is
left without a last-day file, so the bilan shows how a missing file is reported.

Nothing here is ever mixed with real answers: `simulate_answers` only writes into an empty
folder or one it filled itself (recognised by its marker file).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
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
from parler_kit.roster import Roster, Session

MARKER = "SIMULATION-DEMONSTRATION.txt"

#: Simulated comments, written for their question (never a criticism under « le plus
#: apprécié », nothing about what the course does not have); each is used at most once.
_COMMENTS: dict[str, tuple[str, ...]] = {
    "eval-chaud-points-forts": (
        "Les exemples tirés de nos journées avec les enfants m'ont beaucoup aidée.",
        "Merci à {first_name} pour les échanges entre métiers, très riches.",
        "Les dialogues à annoter : on voit tout de suite ce que change une reformulation.",
        "Les repères d'âge avec leurs sources, et le fait qu'ils ne disent pas tous la même chose.",
        "Le temps d'attente : je ne me rendais pas compte que je répondais à la place des enfants.",
        "Travailler la fiche action avec la coordinatrice de la Cité éducative.",
    ),
    "eval-chaud-ameliorations": (
        "J'aurais aimé plus de temps sur l'observation.",
        "Le rythme du deuxième jour était un peu rapide.",
        "Plus de mises en situation à deux, avec des enfants de moins d'un an.",
        "Un support à emporter pour les parents, dans les langues du quartier.",
        "Commencer un peu plus tard le matin pour les assistantes maternelles.",
    ),
    "eval-froid-freins": (
        "Ce qui m'aide : le mémo des techniques affiché dans la salle de jeux.",
        "Ce qui me freine : avec quatre enfants à la fois, le temps d'attente est difficile à tenir.",
        "Les temps au relais m'aident à en reparler avec les collègues.",
        "J'oublie de reformuler quand je suis pressée, au moment des départs.",
    ),
    "eval-froid-commentaire": (
        "Une analyse de pratique au relais dans quelques mois serait utile.",
        "J'aimerais une deuxième session sur la lecture avec les tout-petits.",
        "Merci à {first_name}, j'ai repris ses idées pour les temps de livres.",
        "Pouvoir inviter une orthophoniste pour parler des enfants qui nous inquiètent.",
    ),
}
#: How much easier (or harder) each technique is to recognise than average, in turn.
_EASE = (0.2, -0.05, 0.1, -0.3, 0.15, 0.0, -0.2, 0.25, -0.1, 0.05)


def simulate_answers(
    bank: ContentBank, roster: Roster, session: Session, folder: Path, *, seed: int = 2027
) -> list[Path]:
    """Write simulated answers files under `folder` (``<id>/jour1``, ``jour2``, ``jour3``)."""
    _check_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(ui_text("report.demo.marker"), "utf-8")
    rng = random.Random(seed)
    first_day, second_day, last_day = (
        session.days[0],
        session.days[len(session.days) // 2],
        session.days[-1],
    )
    sheet = _group_sheet(bank, roster, session)
    unused = {question: list(texts) for question, texts in _COMMENTS.items()}
    later, weeks = random.Random(seed + 1), follow_up_due(session)
    # The course's topic quizzes (day 1: stakes and development; last day: observation), from
    # their own generator: the other simulated answers stay as they were.
    quizzes = random.Random(seed + 2)
    written = []
    for number, participant in enumerate(roster.participants):
        skill = rng.uniform(0.45, 0.9)
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
        end["evaluation:chaud"] = _stored(_evaluation(bank, rng, roster, unused), last_day, 16)
        end["fiche-action"] = _stored(sheet, last_day, 15)
        written.append(_write(folder / participant.id / "jour3", participant.id, session.id, end))
        # Its own generator: the à froid answers leave every other simulated answer unchanged.
        froid = {
            "evaluation:froid": _stored(
                _evaluation(bank, later, roster, unused, "froid"), weeks, 18
            )
        }
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


def _evaluation(
    bank: ContentBank,
    rng: random.Random,
    roster: Roster,
    unused: dict[str, list[str]],
    form: str = "chaud",
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for question in (q for q in bank.evaluation_questions if q.form == form):
        if question.kind == "scale":
            values[question.id] = rng.choice((3, 4, 4, 5, 5))
        elif question.kind == "choice":
            ids = [c.id for c in question.choices]
            values[question.id] = (
                sorted(rng.sample(ids, 2)) if question.multiple else rng.choice(ids)
            )
        elif unused.get(question.id) and rng.random() < 0.6:
            someone = rng.choice(roster.participants).first_name
            comment = unused[question.id].pop(rng.randrange(len(unused[question.id])))
            values[question.id] = comment.format(first_name=someone)
    return values


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
