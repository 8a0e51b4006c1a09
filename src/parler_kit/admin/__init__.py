"""Training administration: attendance sheets, certificates, blank evaluation forms (PDF).

Jinja2 HTML (autoescaped) wrapped by `parler_kit.printing.document_html` and rendered to A4 PDF
by `parler_kit.printing.render_pdf`, from a roster and a session file (`parler_kit.roster`).
"""

from parler_kit.admin.attestations import (
    LearningOutcome,
    attestation_file_name,
    attestation_html,
    write_attestations,
)
from parler_kit.admin.emargement import emargement_file_name, emargement_html, write_emargements
from parler_kit.admin.erase import forget_in_manifest, participant_files, remove
from parler_kit.admin.evaluation import FORMS, evaluation_html, write_evaluations

__all__ = [
    "FORMS",
    "LearningOutcome",
    "attestation_file_name",
    "attestation_html",
    "emargement_file_name",
    "emargement_html",
    "evaluation_html",
    "forget_in_manifest",
    "participant_files",
    "remove",
    "write_attestations",
    "write_emargements",
    "write_evaluations",
]
