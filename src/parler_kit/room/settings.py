"""Settings of the single-user servers of a room, one set per kind of person, written into ROOM.

Participants' servers run Voilà only: the JupyterLab, classic notebook, terminal, language-server
and nbgrader server extensions are switched off, so ``/user/<id>/lab`` or ``/terminals`` answer 404
and a participant never meets code. What remains is held by jupyter-server's own hooks
(`parler_kit.page_server`): an Authorizer that allows only what a page needs, a contents
manager that lists and writes nothing, and kernels that take widget messages only.
Trainers get JupyterLab in French without the news toast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from parler_kit.room.accounts import Kind
from parler_kit.room.layout import RoomLayout, write_json

#: Where the participant servers' authorizer and contents manager live (loaded by their server).
_PAGE_SERVER = "parler_kit.page_server"

#: Where a participant lands after logging in: a static page listing their workbook and days
#: (`parler_kit.room.landing`), served by their own server without starting a kernel.
LANDING_PAGE = "accueil.html"
PARTICIPANT_LANDING = f"/files/{LANDING_PAGE}"
TRAINER_LANDING = "/lab"

#: Server extensions a participant's server must not load (names as `jupyter server extension list`
#: prints them with this kit's locked versions).
PARTICIPANT_DISABLED_EXTENSIONS = (
    "jupyterlab",
    "notebook",
    "notebook_shim",
    "jupyter_lsp",
    "jupyter_server_terminals",
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
)
#: Voilà's template for the participant's page (``jupyter_path/voila/templates/parler_kit``): no
#: stylesheet from another site, French loading text, a French warning when the page has lost
#: its server. `JUPYTER_PATH_DIR` is put on the servers' ``JUPYTER_PATH`` so Voilà finds it.
VOILA_TEMPLATE = "parler_kit"
JUPYTER_PATH_DIR = Path(__file__).with_name("jupyter_path")
#: The kernel spec of participants' pages (``python3``: `parler_kit.page_kernel`, ipykernel
#: without its debugger): first on their ``JUPYTER_PATH``, so it wins over the installed one.
PAGE_JUPYTER_PATH_DIR = Path(__file__).with_name("page_jupyter_path")


def participant_jupyter_path() -> str:
    """``JUPYTER_PATH`` of participants' servers: the page's kernel spec, then the template."""
    return os.pathsep.join(str(folder) for folder in (PAGE_JUPYTER_PATH_DIR, JUPYTER_PATH_DIR))


#: A kernel no page is connected to any more (a browser killed without closing its tab; a closed
#: tab normally shuts its kernel down itself) is stopped after this long idle, like the hub's
#: idle servers. A connected page's kernel is never stopped this way.
DISCONNECTED_KERNEL_TIMEOUT_S = 3600
#: Voilà's page otherwise loads MathJax from cdnjs.cloudflare.com (the course shows no formula):
#: with both set to "null" its front end uses no outside address.
NO_MATHJAX_FROM_THE_INTERNET = {"mathjax_url": "null", "mathjax_config": "null"}
#: What a page may send its kernel (standalone Voilà's list; `page_server` explains).
WIDGET_MESSAGE_TYPES = (
    "comm_open",
    "comm_close",
    "comm_msg",
    "comm_info_request",
    "kernel_info_request",
    "shutdown_request",
)
#: Participants' kernel manager: one warmed kernel kept ready for the next page (`page_kernels`).
SPARE_KERNEL_MANAGER = "parler_kit.page_kernels.SparePageKernelManager"
#: Participants' server extension compiling Voilà's page template once per server, not per page.
PAGE_TEMPLATES_EXTENSION = "parler_kit.page_templates"
#: What a spare page kernel runs before a page takes it: the imports every page's first cell makes,
#: the content bank (from its cache) and the French interface texts (YAML, ≈ 10 % of a page's
#: kernel time, py-spy); nothing that reads answers, so nothing shown is stale.
SPARE_KERNEL_WARMUP = (
    "from parler_kit.widgets import show; from parler_kit.content import exercise_ids, load_bank; "
    "load_bank(); from parler_kit.i18n import available_keys; available_keys('fr')"
)
#: Tornado's own gzip of every compressible response (HTML, JavaScript, CSS, JSON): Voilà's
#: page is ≈ 5 MB uncompressed, ≈ 1.2 MB compressed (benchmarks/page_weight.py, issue 26).
COMPRESSED_RESPONSES = {"compress_response": True}
#: Front-end extensions Voilà must not load on a participant's page (as `make app` does);
#: ``jupyterlab_pygments`` colours code cells, which the page never shows (three requests fewer).
VOILA_DENYLIST = (
    "jupyterlab-jupytext",
    "@jupyter-notebook/lab-extension",
    "@jupyter/nbgrader",
    "jupyterlab_pygments",
)


def server_config_dir(layout: RoomLayout, kind: Kind) -> Path:
    """The ``JUPYTER_CONFIG_DIR`` of the servers of one kind of person."""
    return layout.state / "config" / kind


def participant_server_config() -> dict[str, Any]:
    """``jupyter_server_config.json`` of participants' servers."""
    return {
        "ServerApp": {
            "jpserver_extensions": {
                **dict.fromkeys(PARTICIPANT_DISABLED_EXTENSIONS, False),
                # Voilà's template compiled once per server (docs/performance.md).
                PAGE_TEMPLATES_EXTENSION: True,
            },
            "terminals_enabled": False,
            "tornado_settings": {**NO_MATHJAX_FROM_THE_INTERNET, **COMPRESSED_RESPONSES},
            # A page, not an API (docs/room-guide.md, « Ce que la salle protège »).
            "authorizer_class": f"{_PAGE_SERVER}.PageOnlyAuthorizer",
            "contents_manager_class": f"{_PAGE_SERVER}.PageContentsManager",
            # One warmed kernel kept ready for the next page (docs/performance.md).
            "kernel_manager_class": SPARE_KERNEL_MANAGER,
        },
        "SparePageKernelManager": {"warmup_code": SPARE_KERNEL_WARMUP},
        # Checked in docs/performance.md (« Voilà settings for the room »): Voilà's preheated
        # kernels do not exist for Voilà as a server extension (the spare above is the kit's),
        # progressive rendering measured no faster on a quiet machine; the exporter reads the
        # server's traitlets for the page's lang.
        "VoilaConfiguration": {
            "extension_denylist": list(VOILA_DENYLIST),
            "show_tracebacks": False,
            "template": VOILA_TEMPLATE,
            # Its execution websocket would run cells a browser names: never on.
            "progressive_rendering": False,
        },
        "VoilaExporter": {"language_code": "fr"},
        # Each page has its own kernel (≈ 70 MB): one left behind by a killed browser would
        # otherwise stay until the server stops (docs/performance.md, « Kernels left behind »).
        "MappingKernelManager": {
            "cull_idle_timeout": DISCONNECTED_KERNEL_TIMEOUT_S,
            "cull_interval": 300,
            "cull_connected": False,
            # Widget messages only: no execute_request from a browser console.
            "allowed_message_types": list(WIDGET_MESSAGE_TYPES),
        },
    }


def trainer_server_config() -> dict[str, Any]:
    """``jupyter_server_config.json`` of trainers' servers."""
    return {"ServerApp": {"terminals_enabled": True}}


def trainer_lab_settings() -> dict[str, dict[str, Any]]:
    """JupyterLab user settings of trainers: French interface, no news or update checks."""
    return {
        "@jupyterlab/translation-extension/plugin.jupyterlab-settings": {"locale": "fr_FR"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
    }


def write_server_configs(layout: RoomLayout) -> None:
    """Write both kinds' ``jupyter_server_config.json`` (the kit's own files, nobody edits them).

    Called by `room prepare` and again by every `room start`: a room prepared by an earlier
    version of the kit gets this version's settings (page template, kernel culling…).
    """
    participant = server_config_dir(layout, "participant")
    write_json(participant / "jupyter_server_config.json", participant_server_config())
    trainer = server_config_dir(layout, "formateur")
    write_json(trainer / "jupyter_server_config.json", trainer_server_config())


def write_server_settings(layout: RoomLayout) -> None:
    """Write the servers' configuration and the trainers' first JupyterLab settings (prepare).

    The JupyterLab settings are written once only: a trainer may change them afterwards.
    """
    write_server_configs(layout)
    trainer = server_config_dir(layout, "formateur")
    for relative, settings in trainer_lab_settings().items():
        write_json(trainer / "lab" / "user-settings" / relative, settings)
    write_json(
        trainer / "labconfig" / "page_config.json",
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}},
    )
