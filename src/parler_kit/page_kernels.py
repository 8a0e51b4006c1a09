"""A participant's server keeps one page kernel started ahead, so that opening a page does not wait.

Voilà gives every page its own kernel, started when the page is asked for and stopped when it is
left: each opening and each reload waits for a Python process to start, import ipykernel and the
kit's widgets (≈ 0.8 s of a page's time on a quiet machine, most of its CPU: docs/performance.md).
Voilà's own answer, preheated kernels, exists for standalone Voilà only and runs the whole
notebook ahead, which would show answers as they were when the spare kernel ran it.

`SparePageKernelManager` is jupyter-server's kernel manager with one spare: a kernel started and
warmed (it has answered ``kernel_info`` and run `SparePageKernelManager.warmup_code`, the imports
every page makes) but that has run none of the notebook's cells. When Voilà asks for a kernel for
a notebook in the same folder with the same kernel spec, it gets the spare at once and runs the
notebook in it as usual, reading the answers file then, so nothing shown is stale; a new spare is
started in the background. Only Voilà asks for kernels on a participant's server (its Authorizer
refuses ``POST /api/kernels``: `parler_kit.page_server`).

A new spare is started only once the processors are quiet (`spare_quiet_cpu_percent`, measured
over the machine, checked every half second, waiting at most `spare_max_wait`): when a whole room
reloads together, making 25 spares would take the processors the 25 pages need. (Starting spares
at a lower priority was not possible: a server's account cannot bring its kernel back to normal
priority, and where the hub runs, even root may not raise that limit.)

Loaded by participants' servers only (``jupyter_server_config.json``:
`parler_kit.room.settings.participant_server_config`); like `parler_kit.page_server`, it imports
nothing of the kit.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from dataclasses import dataclass
from typing import Any

import psutil
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import ApiPath, ensure_async
from tornado.ioloop import IOLoop
from traitlets import Float, Unicode
from voila.utils import ENV_VARIABLE


@dataclass(frozen=True)
class _Spare:
    """A started, warmed kernel waiting for a page of `path` using `kernel_name`."""

    kernel_id: str
    kernel_name: str
    path: str


class SparePageKernelManager(AsyncMappingKernelManager):
    """jupyter-server's kernel manager, with one warmed kernel kept ready for the next page."""

    warmup_code = Unicode(
        "",
        config=True,
        help="Code a spare kernel runs once started (imports only: it must not read answers).",
    )
    first_spare_path = Unicode(
        "",
        config=True,
        help="API path of the folder of the first spare, started with the server ('' = its root).",
    )
    spare_quiet_cpu_percent = Float(
        50.0,
        config=True,
        help="A new spare is started once the machine's processors are busy less than this.",
    )
    spare_max_wait = Float(
        30.0, config=True, help="Seconds a new spare waits at most for quiet processors."
    )
    spare_warmup_timeout = Float(
        60.0, config=True, help="Seconds a spare may take to answer and run its warm-up code."
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        self._spare: _Spare | None = None
        self._making_spare: asyncio.Task[None] | None = None
        # What the next spare is for (kernel spec, folder) and its environment: the last page's.
        self._spare_target = (self.default_kernel_name, self.first_spare_path)
        self._spare_env: dict[str, str] = dict(os.environ)
        # Spares not yet given to a page: their messages (the warm-up) are not a person's activity,
        # so they do not keep the server from being culled as idle.
        self._unwatched: set[str] = set()
        # The server's loop exists (ServerApp.init_ioloop runs before its kernel manager is made)
        # and runs this once the server is up.
        IOLoop.current().add_callback(self._make_first_spare)

    def _make_first_spare(self) -> None:
        """The first spare, with the variables Voilà gives any page's kernel (`voila.handler`)."""
        env = {
            **os.environ,
            ENV_VARIABLE.VOILA_PREHEAT: "False",
            ENV_VARIABLE.VOILA_BASE_URL: getattr(self.parent, "base_url", "/"),
            ENV_VARIABLE.VOILA_SERVER_URL: "/",
        }
        self._schedule_spare(*self._spare_target, env)

    async def start_kernel(  # type: ignore[override]  # jupyter-server's own keyword signature
        self, *, kernel_id: str | None = None, path: ApiPath | None = None, **kwargs: Any
    ) -> str:
        """Hand out the spare when it fits the page asked for; else start a kernel as usual."""
        if kernel_id is not None:  # an existing kernel asked for by id: jupyter-server's way
            return str(await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs))
        kernel_name = kwargs.get("kernel_name") or self.default_kernel_name
        folder = path or ""
        taken = await self._take_spare(kernel_name, folder)
        if taken is None:
            taken = str(await super().start_kernel(path=path, **kwargs))
        self._schedule_spare(kernel_name, folder, kwargs.get("env"))
        return taken

    async def shutdown_all(self, now: bool = False) -> None:  # type: ignore[override]  # async flavour
        """Stop making a spare (none is started after the server's stop), then every kernel."""
        if self._making_spare is not None:
            self._making_spare.cancel()
        await super().shutdown_all(now=now)

    def start_watching_activity(self, kernel_id: str) -> None:
        """Count a kernel's messages as activity, from when a page has it (not while it waits)."""
        if kernel_id not in self._unwatched:
            super().start_watching_activity(kernel_id)  # type: ignore[no-untyped-call]

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Never cull the spare: it waits for a page, idle by design."""
        if self._spare is not None and self._spare.kernel_id == kernel_id:
            return
        await super().cull_kernel_if_idle(kernel_id)  # type: ignore[no-untyped-call]

    async def _take_spare(self, kernel_name: str, path: str) -> str | None:
        """The spare's id, now given to a page, if it fits and is alive; else None."""
        spare, self._spare = self._spare, None
        if spare is None or spare.kernel_id not in self:  # none, or culled as dead meanwhile
            return None
        if (spare.kernel_name, spare.path) != (kernel_name, path):  # the next follows the page
            await self._stop(spare.kernel_id)
            return None
        kernel: Any = self.get_kernel(spare.kernel_id)
        if not await ensure_async(kernel.is_alive()):
            await self._stop(spare.kernel_id)
            return None
        kernel.last_activity = utcnow()
        self._unwatched.discard(spare.kernel_id)
        self.start_watching_activity(spare.kernel_id)
        self.log.info("Spare kernel %s given to a page of %r", spare.kernel_id, path or "/")
        return spare.kernel_id

    async def _stop(self, kernel_id: str) -> None:
        self._unwatched.discard(kernel_id)
        await ensure_async(self.shutdown_kernel(kernel_id))  # type: ignore[no-untyped-call]

    def _schedule_spare(self, kernel_name: str, path: str, env: dict[str, str] | None) -> None:
        """Make a spare for the last page's folder in the background (one at a time).

        Nothing to make when the spare for it became ready while the page's kernel was starting.
        """
        self._spare_target = (kernel_name, path)
        if env is not None:
            self._spare_env = dict(env)
        ready = self._spare is not None and (self._spare.kernel_name, self._spare.path) == (
            kernel_name,
            path,
        )
        if not ready and (self._making_spare is None or self._making_spare.done()):
            self._making_spare = asyncio.ensure_future(self._make_spare())

    async def _make_spare(self) -> None:
        """Once the processors are quiet, start a kernel, warm it, and keep it as the spare."""
        await self._quiet_processors()
        kernel_name, path = self._spare_target  # the latest page's, after the wait
        if self._spare is not None:  # one for another folder: the next page will not want it
            old, self._spare = self._spare, None
            await self._stop(old.kernel_id)
        kernel_id = str(uuid.uuid4())
        self._unwatched.add(kernel_id)
        try:
            await super().start_kernel(
                kernel_id=kernel_id,
                kernel_name=kernel_name,
                path=ApiPath(path),
                env=self._spare_env,
            )
        except Exception:  # a kernel that cannot start: pages start their own, as before
            self._unwatched.discard(kernel_id)
            self.log.exception("Could not start a spare kernel for %r", path or "/")
            return
        try:
            await asyncio.wait_for(self._warm_up(kernel_id), self.spare_warmup_timeout)
        except Exception:
            self.log.exception("Spare kernel %s did not warm up; stopped", kernel_id)
            self._unwatched.discard(kernel_id)
            await self._stop(kernel_id)
            return
        self._spare = _Spare(kernel_id, kernel_name, path)
        self.log.info("Spare kernel %s ready for a page of %r", kernel_id, path or "/")

    async def _quiet_processors(self) -> None:
        """Return once the machine's processors were busy less than the threshold for 0.5 s."""
        deadline = time.monotonic() + self.spare_max_wait
        psutil.cpu_percent(interval=None)  # starts the measurement
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            if psutil.cpu_percent(interval=None) < self.spare_quiet_cpu_percent:
                return

    async def _warm_up(self, kernel_id: str) -> None:
        """Wait for the kernel to answer, then run the warm-up code in it (not in its history)."""
        client: Any = self.get_kernel(kernel_id).client()
        client.start_channels()
        try:
            await ensure_async(client.wait_for_ready(timeout=self.spare_warmup_timeout))
            if self.warmup_code:
                reply = await ensure_async(
                    client.execute_interactive(
                        self.warmup_code,
                        store_history=False,
                        allow_stdin=False,
                        timeout=self.spare_warmup_timeout,
                        output_hook=lambda _message: None,
                    )
                )
                if reply["content"]["status"] != "ok":
                    raise RuntimeError(f"warm-up code failed: {reply['content'].get('ename')}")
        finally:
            client.stop_channels()
