"""The trainer's live class view: the group's answers on the projector while they come in.

Pure aggregation over a class folder of answers files (`aggregate`, `folder`, `views`), French
HTML (`render`, `page`), a tornado server pushing server-sent events (`server`), run alone on
127.0.0.1 (``parler-kit live``) or as the JupyterHub service ``classe`` (`hub`, ``__main__``).
Answers files are only ever read; nothing a page shows names a participant.
"""

from parler_kit.live.aggregate import view_sections
from parler_kit.live.folder import ClassFolder
from parler_kit.live.state import LiveState
from parler_kit.live.views import View, class_views

__all__ = ["ClassFolder", "LiveState", "View", "class_views", "view_sections"]
