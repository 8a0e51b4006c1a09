"""A participant's server keeps one warmed page kernel ready and hands it to the next page."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import psutil
import pytest

from parler_kit.page_kernels import SparePageKernelManager
from parler_kit.room.settings import SPARE_KERNEL_WARMUP, participant_jupyter_path

pytestmark = pytest.mark.kernel

#: Seconds a spare may take to be started and warmed on a loaded 2-core machine.
SPARE_READY_S = 60


def _run(scenario: Coroutine[Any, Any, None]) -> None:
    """Run `scenario` on an event loop of its own thread (another test's loop may be running)."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, scenario).result()


@asynccontextmanager
async def _manager(root: Path, **config: Any) -> AsyncIterator[SparePageKernelManager]:
    # Connection files in the test's folder (jupyter-server gives its runtime folder; the
    # default, the current folder, would be the repository).
    manager = SparePageKernelManager(root_dir=str(root), connection_dir=str(root), **config)
    try:
        yield manager
    finally:
        if manager._making_spare is not None:
            await asyncio.wait([manager._making_spare], timeout=SPARE_READY_S)
        await manager.shutdown_all(now=True)


async def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + SPARE_READY_S
    while not condition():
        assert time.monotonic() < deadline, "the spare kernel was never ready"
        await asyncio.sleep(0.1)


def _runs(manager: SparePageKernelManager, kernel_id: str, code: str) -> bool:
    """Whether `code` runs without error in the kernel (through the manager's own client)."""
    client = manager.get_kernel(kernel_id).blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=SPARE_READY_S)
        reply = client.execute_interactive(code, timeout=SPARE_READY_S)
        return bool(reply["content"]["status"] == "ok")
    finally:
        client.stop_channels()


def _imported(manager: SparePageKernelManager, kernel_id: str, module: str) -> bool:
    """Whether `module` is loaded in the kernel."""
    return _runs(manager, kernel_id, f"import sys; assert {module!r} in sys.modules")


@pytest.fixture(autouse=True)
def _page_kernel_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    """The participants' ``python3`` kernel spec (`parler_kit.page_kernel`), as in the room."""
    monkeypatch.setenv("JUPYTER_PATH", participant_jupyter_path())


def test_a_page_gets_the_warmed_spare_at_once_and_a_new_spare_is_made(tmp_path: Path) -> None:
    """The first spare starts with the manager; a page of its folder gets it, warmed, at once."""

    async def scenario() -> None:
        async with _manager(tmp_path, warmup_code=SPARE_KERNEL_WARMUP) as manager:
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None
            spare = manager._spare.kernel_id
            started = time.monotonic()
            taken = await manager.start_kernel(kernel_name="python3", path="", env=dict(os.environ))
            handed_in = time.monotonic() - started
            assert taken == spare
            assert handed_in < 0.5, f"handing out the spare took {handed_in:.2f} s"
            assert _imported(manager, taken, "parler_kit.widgets.show")
            assert not _runs(manager, taken, "assert False")  # the check itself can fail
            # As Voilà's own kernels: the widgets fold exercises only where this is set.
            assert _runs(manager, taken, "import os; assert os.environ['VOILA_BASE_URL'] == '/'")
            await _until(lambda: manager._spare is not None and manager._spare.kernel_id != spare)
            assert len(manager.list_kernel_ids()) == 2  # the page's kernel and the next spare

    _run(scenario())


def test_a_page_of_another_folder_gets_a_kernel_started_there(tmp_path: Path) -> None:
    """A spare waits in one folder; a page elsewhere gets its own kernel, and the next spare is there."""
    (tmp_path / "day1").mkdir()

    async def scenario() -> None:
        async with _manager(tmp_path) as manager:
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None
            spare = manager._spare.kernel_id
            taken = await manager.start_kernel(
                kernel_name="python3", path="day1", env=dict(os.environ)
            )
            assert taken != spare
            assert spare not in manager.list_kernel_ids()  # the spare of the root was stopped
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None and manager._spare.path == "day1"

    _run(scenario())


def test_a_dead_spare_is_never_given_to_a_page(tmp_path: Path) -> None:
    """A spare killed while waiting is replaced by a kernel started for the page."""

    async def scenario() -> None:
        async with _manager(tmp_path) as manager:
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None
            spare = manager._spare.kernel_id
            psutil.Process(manager.get_kernel(spare).provisioner.pid).kill()  # type: ignore[union-attr]
            await asyncio.sleep(0.5)
            taken = await manager.start_kernel(kernel_name="python3", path="", env=dict(os.environ))
            assert taken != spare
            assert await manager.get_kernel(taken).is_alive()

    _run(scenario())


def test_the_culler_leaves_the_spare_and_culls_an_idle_page_kernel(tmp_path: Path) -> None:
    """Idle past the timeout: a page's kernel nobody is connected to is culled, the spare is not."""

    async def scenario() -> None:
        async with _manager(tmp_path, cull_idle_timeout=1, cull_interval=3600) as manager:
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None
            spare = manager._spare.kernel_id
            page = await manager.start_kernel(kernel_name="python3", path="", env=dict(os.environ))
            await _until(lambda: manager._spare is not None)
            assert manager._spare is not None
            spare = manager._spare.kernel_id
            await asyncio.sleep(1.5)
            await manager.cull_kernels()
            assert manager.list_kernel_ids() == [spare], (page, spare)

    _run(scenario())


def test_a_new_spare_waits_for_quiet_processors_at_most_the_longest_wait(tmp_path: Path) -> None:
    """Processors never quiet enough (threshold 0 %): the spare is started after the longest wait."""

    async def scenario() -> None:
        started = time.monotonic()
        async with _manager(tmp_path, spare_quiet_cpu_percent=0.0, spare_max_wait=3.0) as manager:
            await asyncio.sleep(2.5)
            assert manager._spare is None and manager.list_kernel_ids() == []
            await _until(lambda: manager._spare is not None)
            assert time.monotonic() - started >= 3.0

    _run(scenario())


def test_a_spare_whose_warm_up_fails_is_stopped_and_pages_start_their_own(tmp_path: Path) -> None:
    """Warm-up code that raises: the spare is stopped, never handed out; a page still gets a kernel."""

    async def scenario() -> None:
        async with _manager(tmp_path, warmup_code="1 / 0") as manager:
            await _until(lambda: manager._making_spare is not None)  # once the loop runs
            assert manager._making_spare is not None
            await asyncio.wait([manager._making_spare], timeout=SPARE_READY_S)
            assert manager._spare is None and manager.list_kernel_ids() == []
            taken = await manager.start_kernel(kernel_name="python3", path="", env=dict(os.environ))
            assert await manager.get_kernel(taken).is_alive()

    _run(scenario())


def test_stopping_the_server_while_a_spare_waits_starts_no_kernel_afterwards(
    tmp_path: Path,
) -> None:
    """shutdown_all while the first spare waits for quiet processors: no kernel appears later."""

    async def scenario() -> None:
        manager = SparePageKernelManager(
            root_dir=str(tmp_path),
            connection_dir=str(tmp_path),
            spare_quiet_cpu_percent=0.0,
            spare_max_wait=1.0,
        )
        await _until(lambda: manager._making_spare is not None)
        await manager.shutdown_all(now=True)
        await asyncio.sleep(3)  # past the longest wait: a spare would have been started by now
        assert manager.list_kernel_ids() == []
        kernels = [p for p in psutil.Process().children() if "page_kernel" in " ".join(p.cmdline())]
        assert kernels == []

    _run(scenario())
