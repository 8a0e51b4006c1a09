"""The participant's page kernel: the notebooks' ``python3`` is ipykernel without its debugger."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

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
