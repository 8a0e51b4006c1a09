"""Execute a prepared workbook in a Jupyter kernel for print (the ``--engine kernel`` path).

The notebook runs with ``PARLER_KIT_MODE=print`` so every ``show(...)`` cell displays its static
twin. Each run gets its own kernel talking over IPC sockets in a private temporary folder: no TCP
port is ever chosen, so parallel workers cannot collide on ports (papermill#511).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import papermill
from jupyter_client.manager import KernelManager
from papermill.exceptions import PapermillExecutionError

from parler_kit.environment import print_environment
from parler_kit.production.handout import CellError


def _template_index(notebook: Any, index: int) -> int:
    """Index of a workbook cell in the template (the injected cell is not in the template)."""
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in notebook.cells]
    injected = next((i for i, t in enumerate(tags) if "injected-parameters" in t), None)
    return index - 1 if injected is not None and index > injected else index


def execute_for_print(notebook: Any, folder: Path, *, timeout: int = 300) -> Any:
    """The executed notebook; CellError naming the template cell when a cell fails."""
    # Worker processes are the kernel's parent: the variable reaches the kernel via inheritance.
    os.environ.update(print_environment())
    sockets = Path(tempfile.mkdtemp(prefix="pk-kernel-"))
    manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(sockets / "k"))
    try:
        return papermill.execute_notebook(
            notebook,
            None,
            kernel_name="python3",
            cwd=str(folder),
            progress_bar=False,
            log_output=False,
            start_timeout=120,
            execution_timeout=timeout,
            km=manager,
        )
    except PapermillExecutionError as error:
        index = _template_index(notebook, error.cell_index)
        raise CellError(index, f"{error.ename}: {error.evalue}") from None
    finally:
        # nbclient only shuts down kernels it created itself: this one is ours to stop.
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
        shutil.rmtree(sockets, ignore_errors=True)
