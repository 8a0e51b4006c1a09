"""Batch production: from a roster and a session, every participant's workbook and handouts.

`build` (or `build_workbooks`) runs a `BuildRequest`: it checks every input first (nothing is produced from an invalid roster), then
builds in parallel worker processes, records each participant in ``manifest.json`` as soon as it
is done, skips what is already up to date, and never lets one participant's failure stop others.
"""

from parler_kit.production.batch import (
    DEFAULT_TEMPLATE,
    ENGINES,
    FORMATS,
    BatchResult,
    BuildRequest,
    build,
    build_workbooks,
    parse_formats,
)
from parler_kit.production.files import participant_dir
from parler_kit.production.manifest import MANIFEST_NAME, Entry, ParticipantError, load_entries
from parler_kit.production.template import Template, load_template

__all__ = [
    "DEFAULT_TEMPLATE",
    "ENGINES",
    "FORMATS",
    "MANIFEST_NAME",
    "BatchResult",
    "BuildRequest",
    "Entry",
    "ParticipantError",
    "Template",
    "build",
    "build_workbooks",
    "load_entries",
    "load_template",
    "parse_formats",
    "participant_dir",
]
