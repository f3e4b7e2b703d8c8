"""jupyter_client's private API, used in one place: two waits made shorter for kernels that start and stop in
milliseconds (the forked kernels of `aicloud.kernels`).

- `FastReadyClient.wait_for_ready`: the stock client, once the kernel has answered, drains IOPub until it has
  been silent for 0.2 s; nbclient matches every output to the cell that caused it, so a stray start-up message
  cannot land in a cell: this one drains only what is already there. It calls the private
  `_handle_kernel_info_reply` as the stock method does.
- `FastShutdownManager._async_finish_shutdown`: looks every 10 ms, not every 100 ms, whether the kernel is gone
  (jupyter_client has no public setting for it).

Everything else (`aicloud.kernels`) uses public API: a kernel provisioner, and the manager's `provisioner`
attribute set before the kernel starts. `check()` fails naming `PINNED` if the installed version changed what
these overrides rely on.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async

from aicloud.adapters import require

PINNED = "jupyter_client==8.10.0"


def check() -> None:
    """Raise AdapterError naming PINNED if the private methods overridden or called here changed."""
    require(__name__, PINNED, AsyncKernelClient, "_async_wait_for_ready", ("timeout",))
    require(__name__, PINNED, AsyncKernelClient, "_handle_kernel_info_reply", ("msg",))
    require(__name__, PINNED, AsyncKernelManager, "_async_finish_shutdown", ("waittime", "pollinterval", "restart"))
    if AsyncKernelClient.wait_for_ready is not AsyncKernelClient._async_wait_for_ready:
        from aicloud.adapters import AdapterError

        raise AdapterError(f"{__name__} replaces AsyncKernelClient.wait_for_ready, which in {PINNED} is "
                           "_async_wait_for_ready; the installed version defines it otherwise; update the adapter")


class FastReadyClient(AsyncKernelClient):
    """The stock asynchronous client without the 0.2 s of IOPub silence it waits for after start-up."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:  # type: ignore[override]
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                msg = None
            if msg is not None and msg["msg_type"] == "kernel_info_reply":
                try:  # an IOPub message too, so IOPub is connected before the first cell runs
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(msg)
                    break
            if not await ensure_async(self.is_alive()):
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await ensure_async(self.iopub_channel.get_msg(timeout=0.01))
            except Empty:
                break


class FastShutdownManager(AsyncKernelManager):
    """The stock asynchronous manager, polling every 10 ms for a kernel it asked to stop."""

    async def _async_finish_shutdown(self, waittime: float | None = None, pollinterval: float = 0.01,
                                     restart: bool = False, **kw: Any) -> None:
        await super()._async_finish_shutdown(waittime, pollinterval, restart, **kw)
