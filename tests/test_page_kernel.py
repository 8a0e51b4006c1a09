"""The participant's page kernel: the notebooks' ``python3`` is ipykernel without its debugger."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

from parler_kit.answers import read_answers
from parler_kit.room.settings import JUPYTER_PATH_DIR, participant_jupyter_path

pytestmark = pytest.mark.kernel


@contextmanager
def _kernel() -> Iterator[BlockingKernelClient]:
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def _features(client: BlockingKernelClient) -> list[str]:
    """The features the kernel says it supports (kernel_info_reply, protocol 5.5)."""
    client.kernel_info()
    reply = client.get_shell_msg(timeout=60)
    assert reply["msg_type"] == "kernel_info_reply"
    return list(reply["content"].get("supported_features", []))


def _printed(client: BlockingKernelClient, code: str) -> str:
    """What `code` prints in the kernel."""
    out: list[str] = []

    def keep(message: dict[str, Any]) -> None:
        if message["msg_type"] == "stream":
            out.append(message["content"]["text"])

    reply = client.execute_interactive(code, output_hook=keep, timeout=60)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out).strip()


def test_participants_pages_start_ipykernel_without_its_debugger_or_history(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On participants' JUPYTER_PATH, python3 runs page_kernel: no debugpy, no history kept."""
    monkeypatch.setenv("JUPYTER_PATH", participant_jupyter_path())
    with _kernel() as client:
        assert "debugger" not in _features(client)
        shown = _printed(
            client,
            "import sys; print(sys.modules.get('debugpy', 'absent'),"
            " get_ipython().history_manager.enabled, sys.argv[0].endswith('page_kernel.py'))",
        )
        assert shown == "None False True"


def test_trainers_keep_the_installed_kernel_with_its_debugger(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the page's kernel spec first (trainers' servers), python3 is ipykernel as installed."""
    monkeypatch.setenv("JUPYTER_PATH", str(JUPYTER_PATH_DIR))
    with _kernel() as client:
        assert "debugger" in _features(client)


def test_a_page_kernel_asked_to_stop_leaves_at_once_keeping_the_answers_it_wrote(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Shut down as Voilà does (a request, not a kill): exit status 0, no Python teardown.

    Python's teardown is where `atexit` handlers run: one registered in the kernel must not run.
    An answer saved just before the request is on disk.
    """
    monkeypatch.setenv("JUPYTER_PATH", participant_jupyter_path())
    answers, teardown = tmp_path / "carnet.answers.json", tmp_path / "teardown-ran"
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(tmp_path))
    process = manager.provisioner.process  # type: ignore[union-attr]  # LocalProvisioner's Popen
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        _printed(
            client,
            f"import atexit, pathlib; atexit.register(pathlib.Path({str(teardown)!r}).touch)",
        )
        _printed(client, "from parler_kit.answers import AnswerStore; "
                         f"AnswerStore.open({str(answers)!r}, participant_id='P-001').set('q1', 'oui')")  # fmt: skip
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    assert process.returncode == 0  # a kernel that did not leave by itself would have been killed
    assert not teardown.exists()
    assert read_answers(answers).answers["q1"].value == "oui"
