"""After the course, without a server: the à froid and the fiche action's follow-up as PDF forms.

`write_a_froid` writes each participant's fillable à froid form and a ready e-mail;
`write_plan_form` the coordination's follow-up of the fiche action at 3 or 6 months;
`read_returned` reads the PDFs people send back (pypdf) into answers the bilan aggregates like the
room's, naming every file it leaves out; `recorded_plans` reads the same follow-up recorded in a
running room (the trainers' notebook ``suivi-fiche-action.ipynb``). Forms are WeasyPrint PDF forms (AcroForm), tagged and
declared French like every document of the kit.
"""

from parler_kit.suivi.a_froid import A_FROID_KIND, a_froid_answers, write_a_froid
from parler_kit.suivi.fields import FormFields, FormProblem, read_form
from parler_kit.suivi.plan import (
    PLAN_KIND,
    POINTS,
    STATUSES,
    ActionPoint,
    PlanFollowUp,
    action_title,
    plan_key,
    plan_value,
    recorded_plans,
    write_plan_form,
)
from parler_kit.suivi.returned import A_FROID_KEY, Returned, read_returned

__all__ = [
    "A_FROID_KEY",
    "A_FROID_KIND",
    "PLAN_KIND",
    "POINTS",
    "STATUSES",
    "ActionPoint",
    "FormFields",
    "FormProblem",
    "PlanFollowUp",
    "Returned",
    "a_froid_answers",
    "action_title",
    "plan_key",
    "plan_value",
    "read_form",
    "read_returned",
    "recorded_plans",
    "write_a_froid",
    "write_plan_form",
]
