"""Training administration: attendance sheets, certificates, convocations, evaluation forms (PDF).

Jinja2 HTML (autoescaped) wrapped by `parler_kit.printing.document_html` and rendered to A4 PDF
by `parler_kit.printing.render_pdf`, from a roster and a session file (`parler_kit.roster`).
"""

from parler_kit.admin.attestations import (
    attestation_file_name,
    attestation_html,
    write_attestations,
)
from parler_kit.admin.convocation import (
    convocation_file_name,
    convocation_html,
    write_convocations,
)
from parler_kit.admin.emargement import emargement_file_name, emargement_html, write_emargements
from parler_kit.admin.erase import personal_documents
from parler_kit.admin.evaluation import FORMS, evaluation_html, write_evaluations
from parler_kit.admin.outcomes import (
    LEVELS,
    LearningOutcome,
    Level,
    ObjectiveResult,
    Score,
    half_days_at,
    learning_outcome,
    objective_results,
    took_part,
)
from parler_kit.admin.realisation import (
    realisation_file_name,
    realisation_html,
    write_realisations,
)
from parler_kit.admin.results_sheet import read_results_sheet, write_results_sheet

__all__ = [
    "FORMS",
    "LEVELS",
    "LearningOutcome",
    "Level",
    "ObjectiveResult",
    "Score",
    "attestation_file_name",
    "attestation_html",
    "convocation_file_name",
    "convocation_html",
    "emargement_file_name",
    "emargement_html",
    "evaluation_html",
    "half_days_at",
    "learning_outcome",
    "objective_results",
    "personal_documents",
    "read_results_sheet",
    "realisation_file_name",
    "realisation_html",
    "took_part",
    "write_attestations",
    "write_convocations",
    "write_emargements",
    "write_evaluations",
    "write_realisations",
    "write_results_sheet",
]
