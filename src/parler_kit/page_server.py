"""A participant's server serves pages, not an API: jupyter-server's own hooks, set for participants.

Loaded by every participant's single-user server (``jupyter_server_config.json`` names these
classes, `parler_kit.room.settings`); never by the hub nor by the kit's commands. A module of its
own that imports nothing of the kit: under ``parler_kit.room`` it would load the room package and,
through it, WeasyPrint, papermill and matplotlib into every participant's server (≈ 90 MB each).

* `PageOnlyAuthorizer` — jupyter-server's `Authorizer`, consulted by every REST handler and by the
  kernel websocket before they act. It allows exactly what a Voilà page of the person's own
  notebooks uses: reading a file (``/files/…``: the landing page), reading one kernel's state (the
  page's connection check) and that kernel's websocket (the widgets). Everything else — contents
  listings and writes, creating or listing kernels and sessions, nbconvert, kernel specs, terminals,
  settings — answers 403, whatever the URL or the HTTP method.
* `PageContentsManager` — Voilà's own tree and contents handlers (``/voila/tree``,
  ``/voila/api/contents``) do not consult the Authorizer; they go through the contents manager,
  which here lists no folder and writes nothing.
* The only messages a page may send its kernel are `settings.WIDGET_MESSAGE_TYPES` (jupyter-server's
  ``MappingKernelManager.allowed_message_types``, the list standalone Voilà uses): no
  ``execute_request``, so no code runs from a browser console.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.base.handlers import AuthenticatedFileHandler
from jupyter_server.files.handlers import FilesHandler
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
from tornado import web

#: (handler class, action, resource) a page needs; nothing else is authorised.
_PAGE_NEEDS: tuple[tuple[type[Any], str, str], ...] = (
    # /files/… (the static landing page): jupyter-server serves it with the contents manager's
    # own handler class (AuthenticatedFileHandler for files on disk, else FilesHandler).
    (AuthenticatedFileHandler, "read", "contents"),
    (FilesHandler, "read", "contents"),
    (KernelHandler, "read", "kernels"),  # GET /api/kernels/<id>: the page's connection check
    (KernelWebsocketHandler, "execute", "kernels"),  # the widgets' websocket
)


class PageOnlyAuthorizer(Authorizer):
    """Authorise only the actions a Voilà page of one's own notebooks makes (module docstring)."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        """Whether `user` may do `action` on `resource` through `handler`."""
        allowed = any(
            isinstance(handler, kind) and action == needed and resource == target
            for kind, needed, target in _PAGE_NEEDS
        )
        if not allowed:
            self.log.warning(
                "Refused to a participant: %s on %s (%s %s)",
                action,
                resource,
                handler.request.method,
                handler.request.path,
            )
        return allowed


def _refused() -> web.HTTPError:
    return web.HTTPError(403, "Not available on a participant's page")


class PageContentsManager(AsyncLargeFileManager):
    """The person's files, readable one by one; no folder listing, no write, no checkpoint."""

    async def get(  # jupyter-server's own signature, hence `type` and `format`
        self,
        path: Any,
        content: Any = True,
        type: Any = None,
        format: Any = None,
        require_hash: Any = False,
    ) -> Any:
        """A file or notebook's model; a folder is never listed (Voilà's tree and contents API)."""
        if type == "directory" or (type is None and await self.dir_exists(path)):  # type: ignore[no-untyped-call]
            raise _refused()
        return await super().get(  # type: ignore[no-untyped-call]
            path, content=content, type=type, format=format, require_hash=require_hash
        )

    async def save(self, model: Any, path: str = "") -> Any:
        """Nothing is written through the server: answers go to the answers file from the kernel."""
        raise _refused()

    async def delete_file(self, path: str) -> None:
        """Nothing is deleted through the server."""
        raise _refused()

    async def rename_file(self, old_path: str, new_path: str) -> None:
        """Nothing is renamed through the server."""
        raise _refused()

    async def new(self, model: Any = None, path: str = "") -> Any:
        """Nothing is created through the server."""
        raise _refused()

    async def new_untitled(
        self, path: str = "", type: str = "", ext: str = ""
    ) -> Any:  # jupyter-server's own signature
        """Nothing is created through the server."""
        raise _refused()

    async def copy(self, from_path: str, to_path: str | None = None) -> Any:
        """Nothing is copied through the server."""
        raise _refused()
