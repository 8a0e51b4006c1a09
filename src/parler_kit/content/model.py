"""The typed, frozen domain model of the content bank.

Each class is one kind of record stored as YAML under ``content/data/``. Validation that needs a
single record lives here (field types, age ranges, non-empty French text); validation that needs
the whole bank (source ids, duplicate ids, answer keys) lives in `parler_kit.content.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from parler_kit.content.evidence import stated_numbers, uncovered_numbers
from parler_kit.i18n.typography import french_typography

#: Ages covered by the kit, in months (0 to 7 years).
MAX_AGE_MONTHS = 84

#: Pseudo-technique used in answer keys for a way of talking the course advises against.
AVOID = "a_eviter"

RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]

Domain = Literal[
    "preverbal",  # communication préverbale : regard, pointage, babillage, tours de rôle vocaux
    "comprehension",
    "expression",  # premiers mots et vocabulaire produit
    "syntax",
    "phonology",  # sons, intelligibilité
    "pragmatics",  # conversation, usage social du langage
    "symbolic_play",
]
#: Domain of the observation items about the adult's own way of interacting.
AdultDomain = Literal["interaction"]

Convention = Literal[
    "cdc_75",  # CDC 2022 : atteint par au moins 75 % des enfants à cet âge
    "fr_health_certificate",  # item des certificats de santé du 9e / 24e mois
    "typical_age",  # âge habituel d'apparition (repères cliniques, moyenne)
    "asha_range",  # tranche d'âge ASHA
    "norm_distribution",  # calculé sur des normes (Wordbank) : médiane et dispersion
    "expected_by",  # âge auquel l'enfant devrait y être : un seuil clinique, pas une moyenne
]

Situation = Literal[
    "meal", "changing", "play", "book", "welcome", "nap", "outdoor", "transition", "group_time",
]  # fmt: skip

RoleId = Literal[
    "eje", "auxiliaire_puericulture", "assistante_maternelle", "rpe", "laep", "coordination", "autre",
]  # fmt: skip


class Frozen(BaseModel):
    """Base for every record part: immutable, and unknown fields are an error, not ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Text(Frozen):
    """A text in French (required, non-empty) and English (optional until translated)."""

    fr: str
    en: str | None = None

    @field_validator("fr")
    @classmethod
    def _french_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("le texte français est vide")
        return value.strip()

    @field_validator("en")
    @classmethod
    def _english_blank_is_missing(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    def localised(self, locale: str = "fr") -> str:
        """The text in `locale` (French when not translated), plain (not escaped).

        French text is French-typeset (narrow no-break spaces, « guillemets »). The one way a
        content text is shown: helpers that escape it for HTML are named ``*_html``.
        """
        if locale == "en" and self.en:
            return self.en
        return french_typography(self.fr)


class AgeRange(Frozen):
    """An age range in months, both ends included, within 0–84 months."""

    min: int = Field(ge=0, le=MAX_AGE_MONTHS)
    max: int = Field(ge=0, le=MAX_AGE_MONTHS)

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min > self.max:
            raise ValueError(
                f"âge minimum ({self.min} mois) supérieur au maximum ({self.max} mois)"
            )
        return self

    def contains(self, months: int) -> bool:
        """Whether `months` falls inside the range."""
        return self.min <= months <= self.max


class Record(Frozen):
    """Common part of every stored record: a stable id and the sources that back it."""

    id: RecordId
    sources: tuple[str, ...] = ()


class Excerpt(Frozen):
    """A sentence of a source, copied word for word, that carries a record's figures.

    Short (fair quotation: one sentence), in the source's language, with where it was read: the
    address of the stored page, or « CONTENT-FACTS.md §… » when the research file quotes it.
    `conversions` state how the claim's figures follow from the excerpt's (« 2 ans = 24 mois »,
    « 4 à 7 % = R² de 0,04 à 0,07 »), so that a reviewer sees them.
    """

    source: RecordId
    text: str = Field(min_length=10, max_length=400)
    read_at: str = Field(min_length=5)
    conversions: tuple[str, ...] = ()


class Evidenced(Frozen):
    """A record whose claim may state numbers: its excerpts, or why they fall short.

    When the claim (`claim_texts`) states a number, the record stores excerpts whose words (or
    stated conversions) hold every number of the claim. When no copy of the source could be read,
    or the excerpts hold only some of the numbers, `excerpt_missing` says so — and the kit prints
    the claim « non vérifié ».
    """

    excerpts: tuple[Excerpt, ...] = ()
    #: Why the excerpts are missing or incomplete (no stored copy of the source could be read…).
    excerpt_missing: str | None = None

    def claim_texts(self) -> tuple[str, ...]:
        """The French texts whose numbers must be found in the excerpts."""
        return ()

    @property
    def states_figures(self) -> bool:
        """Whether the claim states at least one number (an age, a share, an effect size…)."""
        return any(stated_numbers(text) for text in self.claim_texts())

    @property
    def unquoted_numbers(self) -> list[str]:
        """Numbers of the claim that no excerpt (nor stated conversion) holds."""
        quoted = [e.text for e in self.excerpts] + [c for e in self.excerpts for c in e.conversions]
        return uncovered_numbers(self.claim_texts(), quoted)

    @property
    def verified(self) -> bool:
        """Whether every figure of the claim was found in the source's own words, with no caveat."""
        if not self.states_figures:
            return True
        return bool(self.excerpts) and not self.unquoted_numbers and not self.excerpt_missing

    @model_validator(mode="after")
    def _figures_carry_their_words(self) -> Evidenced:
        cited = getattr(self, "sources", None)
        for excerpt in self.excerpts:
            if cited is not None and excerpt.source not in cited:
                raise ValueError(f"l'extrait cite « {excerpt.source} », absente de sources")
        if self.verified or (self.excerpt_missing or "").strip():
            return self
        if self.excerpt_missing is not None:  # blank
            raise ValueError("excerpt_missing est vide : dites ce qui n'a pas pu être lu")
        if not self.excerpts:
            raise ValueError(
                "la fiche énonce des chiffres : donnez un extrait de la source (excerpts) "
                "ou dites pourquoi il manque (excerpt_missing)"
            )
        raise ValueError(
            "chiffres absents des extraits et des conversions : "
            f"{', '.join(self.unquoted_numbers)} (ou dites pourquoi dans excerpt_missing)"
        )


class Source(Frozen):
    """A reference the content relies on; other records point to it by id.

    The rule (docs/content.md, « Comment une source est vérifiée »): authors, year, exact title,
    journal or publisher, and a DOI, an ISBN or a deep URL to the document itself. What cannot be
    given honestly is said in ``missing``, never invented; ``checked`` says against what the
    reference was checked (absent: not checked yet).
    """

    id: RecordId
    kind: Literal["article", "report", "website", "dataset", "guide", "law", "book", "press"]
    #: Language of the document: a French title gets French typography, an English one is kept.
    language: Literal["fr", "en"] = "en"
    authors: str = Field(min_length=2)
    year: int | None = Field(default=None, ge=1900, le=2100)
    title: str = Field(min_length=3)
    #: The journal (with volume and pages) for an article, else the publisher or issuing body.
    publisher: str = Field(min_length=2)
    doi: str | None = None
    isbn: str | None = None
    url: str | None = None
    #: What the title, authors and identifier were checked against; None: not checked yet.
    checked: str | None = None
    #: What is missing (identifier, year) and why, with what is known instead.
    missing: str | None = None
    used_for: Text
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _typeset_french_title(cls, data: Any) -> Any:
        """« Item 32 : … » gets its narrow no-break space; « Wordbank: an… » keeps its colon."""
        if (
            isinstance(data, dict)
            and data.get("language") == "fr"
            and isinstance(data.get("title"), str)
        ):
            return {**data, "title": french_typography(data["title"])}
        return data

    @field_validator("doi")
    @classmethod
    def _doi_shape(cls, value: str | None) -> str | None:
        if value is not None and not DOI_PATTERN.fullmatch(value):
            raise ValueError(f"DOI mal formé « {value} » (attendu : 10.xxxx/…, sans https://)")
        return value

    @field_validator("isbn")
    @classmethod
    def _isbn_checksum(cls, value: str | None) -> str | None:
        if value is not None and not isbn_is_valid(value):
            raise ValueError(f"ISBN invalide « {value} » (somme de contrôle fausse)")
        return value

    @field_validator("url")
    @classmethod
    def _deep_url(cls, value: str | None) -> str | None:
        if value is not None:
            problem = url_problem(value)
            if problem:
                raise ValueError(f"adresse « {value} » : {problem}")
        return value

    @model_validator(mode="after")
    def _identified(self) -> Source:
        has_identifier = any((self.doi, self.isbn, self.url))
        if not has_identifier and not self.missing:
            raise ValueError(
                "ni doi, ni isbn, ni url : donnez-en un, ou dites dans « missing » "
                "pourquoi aucun n'est donné"
            )
        if self.year is None and not self.missing:
            raise ValueError("année absente : dites dans « missing » pourquoi")
        return self

    @property
    def identifier(self) -> str | None:
        """The best way to reach the document: DOI link, then URL, then ISBN."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.url:
            return self.url
        return f"ISBN {self.isbn}" if self.isbn else None

    @property
    def citation(self) -> str:
        """The full reference as printed: « Authors (year). Title. Publisher. identifier »."""
        year = self.year if self.year is not None else "s. d."
        title = self.title if self.title[-1] in ".?!»" else f"{self.title}."
        text = f"{self.authors} ({year}). {title} {self.publisher}."
        return f"{text} {self.identifier}" if self.identifier else text


DOI_PATTERN = re.compile(r"10\.\d{4,9}/\S+")


def isbn_is_valid(isbn: str) -> bool:
    """Whether an ISBN-10 or ISBN-13 (hyphens allowed) has a correct check digit."""
    digits = isbn.replace("-", "").replace(" ", "").upper()
    if len(digits) == 13 and digits.isdigit():
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        return total % 10 == 0
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        values = [int(d) for d in digits[:9]] + [10 if digits[9] == "X" else int(digits[9])]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    return False


def url_problem(url: str) -> str | None:
    """Why `url` is not a deep link to a document (None when it is one)."""
    parsed = urlsplit(url)
    if parsed.scheme not in ("https", "http"):
        return "l'adresse doit commencer par https://"
    if "." not in parsed.netloc or " " in url:
        return "nom de site invalide"
    if parsed.path.strip("/") == "" and not parsed.query:
        return "page d'accueil d'un site : donnez l'adresse du document lui-même"
    if "…" in url or "..." in url:
        return "adresse tronquée"
    return None


class Milestone(Record, Evidenced):
    """A developmental step expected around an age, with the convention that defines 'expected'."""

    age: AgeRange
    domain: Domain
    text: Text
    convention: Convention

    def claim_texts(self) -> tuple[str, ...]:
        """The text and the age, whose months must be found in the excerpts."""
        return (self.text.fr, f"{self.age.min} mois", f"{self.age.max} mois")


class WarningSign(Record, Evidenced):
    """A signe d'alerte: what should lead to a conversation with the parents and a referral."""

    age: AgeRange
    text: Text
    action: Text
    #: The sign is several behaviours together (« aucun mot, pas de pointage, pas d'attention
    #: conjointe »): no single observation item may raise it.
    composite: bool = False

    def claim_texts(self) -> tuple[str, ...]:
        """The sign as stated (its ages and thresholds)."""
        return (self.text.fr,)


class Position(Evidenced):
    """One side of a disagreement between references."""

    label: Text
    claim: Text
    sources: tuple[str, ...] = ()

    def claim_texts(self) -> tuple[str, ...]:
        """What this side claims."""
        return (self.claim.fr,)


class Disagreement(Record):
    """A point where references disagree; the kit shows every position and what to take from it."""

    topic: Text
    positions: tuple[Position, ...] = Field(min_length=2)
    takeaway: Text


class VocabularyNorm(Record):
    """Words produced on a parent checklist (French CDI) for one age band: a distribution, not a cut-off."""

    dataset: str
    population: Literal["france", "quebec"]
    age: AgeRange
    n: int = Field(gt=0)
    n_items: int = Field(gt=0)
    p10: float = Field(ge=0)
    p25: float = Field(ge=0)
    median: float = Field(ge=0)
    p75: float = Field(ge=0)
    p90: float = Field(ge=0)
    caveat: Text

    @model_validator(mode="after")
    def _percentiles_ordered(self) -> VocabularyNorm:
        values = [self.p10, self.p25, self.median, self.p75, self.p90]
        if values != sorted(values):
            raise ValueError("les percentiles doivent croître de p10 à p90")
        if self.p90 > self.n_items:
            raise ValueError(
                f"p90 ({self.p90}) dépasse le nombre de mots de la liste ({self.n_items})"
            )
        return self


class Example(Frozen):
    """An utterance in an everyday situation, used to illustrate a technique."""

    situation: Situation
    text: Text
    comment: Text | None = None


class Technique(Record, Evidenced):
    """A way of talking with a toddler that fosters conversation (from the literature)."""

    name: Text
    definition: Text
    why: Text
    examples: tuple[Example, ...] = Field(min_length=1)
    avoid: tuple[Example, ...] = Field(min_length=1)
    evidence: Text

    def claim_texts(self) -> tuple[str, ...]:
        """What the research says of the technique (effect sizes, number of studies)."""
        return (self.evidence.fr,)


class ClassificationItem(Record):
    """An adult utterance in context, to be matched to the technique(s) it shows (or « à éviter »)."""

    kind: Literal["classify"]
    situation: Situation
    context: Text
    utterance: Text
    answer: tuple[str, ...] = Field(min_length=1)
    explanation: Text
    roles: tuple[RoleId, ...] = ()


RubricFeature = Literal["keeps_meaning", "implicit_correction", "adds_element", "ends_on_opening"]


class ReformulationItem(Record):
    """A child's utterance to reformulate; graded indicatively against a rubric, read by the trainer."""

    kind: Literal["reformulate"]
    situation: Situation
    context: Text
    child_age_months: int = Field(ge=12, le=72)
    child_utterance: Text
    model_replies: tuple[Text, ...] = Field(min_length=2, max_length=3)
    rubric: tuple[RubricFeature, ...] = Field(min_length=1)
    #: Words of the correct adult form a good reply contains (e.g. « tombé » for « il a tombu »).
    target_words: tuple[str, ...] = ()
    techniques: tuple[str, ...] = Field(min_length=1)
    roles: tuple[RoleId, ...] = ()


class Turn(Frozen):
    """One turn of a dialogue transcript; adult turns carry the techniques they use (or miss)."""

    speaker: Literal["adult", "child"]
    text: Text
    techniques: tuple[str, ...] = ()
    note: Text | None = None


class DialogueItem(Record):
    """A short adult–child exchange whose adult turns are to be labelled with techniques."""

    kind: Literal["dialogue"]
    situation: Situation
    title: Text
    context: Text
    turns: tuple[Turn, ...] = Field(min_length=6, max_length=12)
    roles: tuple[RoleId, ...] = ()

    @model_validator(mode="after")
    def _adult_turns_labelled(self) -> DialogueItem:
        for index, turn in enumerate(self.turns, start=1):
            if turn.speaker == "adult" and not turn.techniques:
                raise ValueError(f"le tour {index} (adulte) n'a pas de technique dans la clé")
            if turn.speaker == "child" and turn.techniques:
                raise ValueError(f"le tour {index} (enfant) ne doit pas porter de technique")
        return self


class Choice(Frozen):
    """One answer option of a quiz question."""

    id: RecordId
    text: Text


class QuizQuestion(Record):
    """A single- or multiple-choice question with its key, explanation and source."""

    kind: Literal["quiz"]
    topic: Literal["prevention", "development", "techniques", "observation"]
    question: Text
    choices: tuple[Choice, ...] = Field(min_length=2)
    correct: tuple[str, ...] = Field(min_length=1)
    multiple: bool = False
    explanation: Text
    #: Asked in the entry positioning quiz (and again at the end, for the bilan).
    positioning: bool = False

    @model_validator(mode="after")
    def _key_matches_choices(self) -> QuizQuestion:
        ids = [c.id for c in self.choices]
        if len(set(ids)) != len(ids):
            raise ValueError("deux choix portent le même identifiant")
        unknown = [c for c in self.correct if c not in ids]
        if unknown:
            raise ValueError(f"la clé nomme un choix inconnu : {', '.join(unknown)}")
        if not self.multiple and len(self.correct) != 1:
            raise ValueError("une question à choix unique doit avoir exactement une bonne réponse")
        return self


ExerciseItem = Annotated[
    ClassificationItem | ReformulationItem | DialogueItem | QuizQuestion,
    Field(discriminator="kind"),
]

AgeBand = Literal[9, 12, 18, 24, 30, 36, 48]


class ObservationItem(Record):
    """An observable behaviour for an observation grid: about the child (by age band) or the adult."""

    subject: Literal["child", "adult"]
    age_band: AgeBand | None = None
    domain: Domain | AdultDomain
    text: Text
    #: Id of the warning sign this item relates to, when its absence at this age is one.
    warning_sign: str | None = None

    @model_validator(mode="after")
    def _band_matches_subject(self) -> ObservationItem:
        if self.subject == "child" and self.age_band is None:
            raise ValueError("un item sur l'enfant doit avoir une tranche d'âge (age_band)")
        if self.subject == "child" and self.domain == "interaction":
            raise ValueError("le domaine « interaction » est réservé aux items sur l'adulte")
        if self.subject == "adult" and self.domain != "interaction":
            raise ValueError("un item sur l'adulte a le domaine « interaction »")
        return self


class DatedObservation(Frozen):
    """A fact observed on a date, written as what was seen or heard, not as an interpretation."""

    date: dt.date
    age_months: int = Field(ge=0, le=MAX_AGE_MONTHS)
    fact: Text


class Vignette(Record):
    """A fictional child case used for observation practice (pseudonymous code, no real data)."""

    code: Annotated[str, StringConstraints(pattern=r"^E-\d{2}$")]
    age_months: int = Field(ge=0, le=MAX_AGE_MONTHS)
    context: Text
    languages: tuple[str, ...] = Field(min_length=1)
    observations: tuple[DatedObservation, ...] = Field(min_length=1)
    teaching_point: Text


class PreventionFigure(Record, Evidenced):
    """A figure about early prevention, with what it shows and what it does not."""

    title: Text
    figure: Text
    shows: Text
    does_not_show: Text

    def claim_texts(self) -> tuple[str, ...]:
        """The title and the figure, as presented to the group."""
        return (self.title.fr, self.figure.fr)


class Role(Record):
    """A profession of the participants; personalises the examples of a workbook."""

    id: RoleId
    #: The job as named in lists and messages (« Auxiliaire de puériculture »).
    label: Text
    #: The person's profession as printed on covers and sheets (« animatrice / animateur de RPE »).
    profession: Text
    context: Text
    situations: tuple[Situation, ...] = Field(min_length=1)
    #: Spellings accepted in a roster's « profession » column (compared without case or accents).
    aliases: tuple[str, ...] = ()


class ActionSheetField(Record):
    """One field of the fiche action (the neighbourhood project sheet)."""

    order: int = Field(ge=1)
    label: Text
    help: Text
    example: Text
    required: bool = True
    multiline: bool = True


class EvaluationQuestion(Record):
    """A question of the satisfaction (à chaud) or follow-up (à froid) evaluation."""

    form: Literal["chaud", "froid"]
    kind: Literal["scale", "choice", "text"]
    text: Text
    choices: tuple[Choice, ...] = ()
    #: For a ``choice`` question: several choices may be ticked (the answer is then a list of ids).
    multiple: bool = False

    @model_validator(mode="after")
    def _choices_for_choice(self) -> EvaluationQuestion:
        if self.kind == "choice" and len(self.choices) < 2:
            raise ValueError("une question à choix a au moins deux choix")
        if self.multiple and self.kind != "choice":
            raise ValueError("« multiple » ne s'applique qu'à une question à choix")
        return self


class PlanStep(Frozen):
    """One step of a half-day: a curriculum notebook, or a break, with its length in minutes."""

    #: Curriculum notebook, relative to ``curriculum/`` (« day1/01-….ipynb »); None for a break.
    notebook: str | None = None
    pause: bool = False
    minutes: int = Field(gt=0, le=240)

    @model_validator(mode="after")
    def _notebook_or_pause(self) -> PlanStep:
        if (self.notebook is None) == (not self.pause):
            raise ValueError(
                "une étape est soit un cahier (notebook), soit une pause (pause: true)"
            )
        return self


class HalfDayPlan(Frozen):
    """A half-day of the course: its slot (the time certified for it) and what fills it."""

    period: Literal["matin", "après-midi"]
    #: Length of the half-day, in minutes, as printed on convocations and attestations.
    slot_minutes: int = Field(gt=0, le=300)
    steps: tuple[PlanStep, ...] = Field(min_length=1)

    @property
    def planned_minutes(self) -> int:
        """Minutes of notebooks and breaks planned in the half-day."""
        return sum(step.minutes for step in self.steps)

    @model_validator(mode="after")
    def _fits_its_slot(self) -> HalfDayPlan:
        if self.planned_minutes > self.slot_minutes:
            raise ValueError(
                f"la demi-journée ({self.period}) prévoit {self.planned_minutes} minutes "
                f"pour un créneau de {self.slot_minutes} minutes"
            )
        return self


class ExerciseSelection(Frozen):
    """Which exercise items an exercise of the course shows, as rules over the content bank.

    A question or item added to the bank that matches the rules appears in the notebook and in
    the live view alike. Quiz questions: the positioning ones (`positioning`), or the others of
    one `topic`; classification items: those of the `situations` listed.
    """

    kind: Literal["quiz", "classify", "reformulate", "dialogue"]
    positioning: bool = False
    topic: str | None = None
    situations: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _rules_of_the_kind(self) -> ExerciseSelection:
        if (self.positioning or self.topic is not None) and self.kind != "quiz":
            raise ValueError("« positioning » et « topic » ne s'appliquent qu'à un quiz")
        if self.situations and self.kind != "classify":
            raise ValueError("« situations » ne s'applique qu'à un exercice de classement")
        return self


class PlannedExercise(Frozen):
    """An exercise of a day: its live view's address (`slug`), how the view draws it, its items."""

    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    view: Literal["quiz", "positioning", "classify", "dialogue", "texts"]
    select: ExerciseSelection


class CourseDay(Record):
    """One day of the course plan: the curriculum's notebooks are the source of its contents.

    The day's label is the one every document prints (workbook and handout headings, the hot
    evaluation's choices, the trainer guide); `workbook_sections` are the workbook sections that
    belong to the day. `half_days` say when each notebook is taught, how long it lasts and where
    the breaks are: their minutes add up to the hours certified (tests/content/test_plan.py);
    `exercises` are the exercises its notebooks show and the live view projects
    (`parler_kit.content.plan.exercise_ids`).
    """

    day: int = Field(ge=1, le=3)
    label: Text
    half_days: tuple[HalfDayPlan, ...] = Field(min_length=1, max_length=2)
    workbook_sections: tuple[Text, ...] = ()
    exercises: tuple[PlannedExercise, ...] = ()

    @property
    def notebooks(self) -> tuple[str, ...]:
        """Curriculum notebooks of the day, in teaching order (« day1/01-….ipynb »)."""
        return tuple(
            step.notebook for half in self.half_days for step in half.steps if step.notebook
        )

    @property
    def planned_minutes(self) -> int:
        """Minutes of notebooks and breaks planned in the day."""
        return sum(half.planned_minutes for half in self.half_days)

    def notebook_minutes(self, notebook: str) -> int:
        """Minutes planned for `notebook` (KeyError naming it when the day does not hold it)."""
        for half in self.half_days:
            for step in half.steps:
                if step.notebook == notebook:
                    return step.minutes
        raise KeyError(f"No notebook {notebook!r} in day {self.day} of the course plan")
