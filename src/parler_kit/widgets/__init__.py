"""The kit's interactive widgets (ipywidgets 8), one per module, backed by the answer store.

Each widget takes content records or ids and an `AnswerStore` (or a path; by default
``carnet.answers.json`` in the current folder), restores itself from the store when created and
saves every answer at once; ``.value`` is plain data. `show(kind, **kwargs)` displays a widget,
or its static HTML twin when the notebook runs for print (``PARLER_KIT_MODE=print``).
This is the only package of the kit that imports ipywidgets or IPython.
"""

from parler_kit.environment import print_mode
from parler_kit.widgets.action_sheet import ActionSheet
from parler_kit.widgets.dialogue import DialogueAnnotator
from parler_kit.widgets.evaluation import EvaluationForm
from parler_kit.widgets.observation import ObservationChecklist
from parler_kit.widgets.quiz import Quiz
from parler_kit.widgets.reformulation import ReformulationExercise
from parler_kit.widgets.section import ExerciseSection
from parler_kit.widgets.show import WIDGETS, build, print_html, section, show
from parler_kit.widgets.techniques import TechniqueExercise
from parler_kit.widgets.timeline import MilestoneTimeline
from parler_kit.widgets.vocabulary import VocabularyChart

__all__ = [
    "WIDGETS",
    "ActionSheet",
    "DialogueAnnotator",
    "EvaluationForm",
    "ExerciseSection",
    "MilestoneTimeline",
    "ObservationChecklist",
    "Quiz",
    "ReformulationExercise",
    "TechniqueExercise",
    "VocabularyChart",
    "build",
    "print_html",
    "print_mode",
    "section",
    "show",
]
