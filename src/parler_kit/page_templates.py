"""Voilà's page template compiled once per server, not once per page.

Voilà makes a new nbconvert exporter, and with it a new Jinja environment, for every page it
renders: the page's template (``index.html.j2`` and the templates it extends and imports) is parsed
and compiled to Python again at each opening and each reload: ≈ 0.11 s of the ≈ 0.36 s of CPU a
participant's server spent per page (measured with and without it, docs/performance.md), the
largest single piece of the server's work when 25 pages reload at once. Jinja's bytecode cache is made for this: the compiled code is kept by template name and
file and used only while the template's source has the same checksum, so an edited template is
compiled again and nothing rendered changes.

Neither Voilà nor nbconvert has a setting for it (the exporter is built inside Voilà's handler,
its ``extra_loaders`` are not configurable). nbconvert creates every environment with the Jinja
extensions listed in ``nbconvert.exporters.templateexporter.JINJA_EXTENSIONS``; this server
extension adds one there, `SharedCompiledTemplates`, which gives each new environment the
server's cache. If nbconvert ever drops that list, loading the extension fails (jupyter-server
logs the error as the server starts, pages are served as before, compiled each time) and
``tests/test_page_templates.py`` fails.

Enabled on participants' servers by `parler_kit.room.settings` (``ServerApp.jpserver_extensions``).
Like `parler_kit.page_server`, it imports nothing of the kit.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.ext import Extension

#: The dotted name nbconvert imports the extension by.
EXTENSION_NAME = f"{__name__}.SharedCompiledTemplates"
#: What the server logs once the extension is loaded (the room's log shows it per person).
LOADED_MESSAGE = "Voilà's page templates are compiled once per server (page_templates)"


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in the server's memory (a few hundred KB for Voilà's template)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:  # fmt: skip
        """Jinja's bucket, its key also naming how `environment` compiles.

        Jinja keys compiled code by template name and file only, for one application's
        environments; a server's nbconvert environments may differ (asynchronous or not, Jinja
        extensions such as Voilà's ``do``), and code compiled for one would not run in another.
        """
        compiles_as = repr((environment.is_async, sorted(environment.extensions)))
        key = f"{self.get_cache_key(name, filename)}|{compiles_as}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give `bucket` its code if this template was compiled before (Jinja checks the source)."""
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what Jinja has just compiled."""
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        """Forget every compiled template."""
        self._compiled.clear()


#: One cache per server process: every page's environment shares it.
SERVER_CACHE = MemoryBytecodeCache()


class SharedCompiledTemplates(Extension):
    """A Jinja extension adding no syntax: it gives its environment the server's bytecode cache."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.bytecode_cache = SERVER_CACHE


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    """jupyter-server's entry point: this module is the extension."""
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    """Have nbconvert build every Jinja environment with `SharedCompiledTemplates`."""
    from nbconvert.exporters import templateexporter

    # An AttributeError here, at the server's start, if nbconvert ever drops the list.
    extensions: list[str] = templateexporter.JINJA_EXTENSIONS
    if EXTENSION_NAME not in extensions:
        extensions.append(EXTENSION_NAME)
    serverapp.log.info(LOADED_MESSAGE)
