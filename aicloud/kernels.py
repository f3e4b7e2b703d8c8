"""Forked kernels: each chapter still runs in its own fresh process, without paying Python's start-up each time.

Starting an IPython kernel and importing pandas, Altair and this package cost about 1.5 s of CPU per chapter,
more than most chapters' own code. A fork server (one per build) imports those modules once, without running
any chapter code, and forks a new process for every kernel the build asks for. The forked process then starts
an ordinary ipykernel on the connection file Jupyter gave it, so Papermill and nbclient talk to it exactly as
to a kernel they launched themselves. Chapters share nothing but the imported modules: every kernel is a new
process with its own namespace, its own working directory and environment, and a fresh random seed.

Anything that is not a plain `python -m ipykernel_launcher` command is launched the ordinary way.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from traitlets import DottedObjectName, Type

from aicloud.adapters.kernel_client import FastReadyClient, FastShutdownManager

# What the chapters import; loaded once in the server, before any fork. Only imports, and only of modules that
# change no setting when imported: `aicloud.charts` (which sets Altair's renderer and a pandas option) is left
# for each chapter to import, so a notebook that does not import it sees the libraries' defaults, as it would
# in a launched kernel.
PRELOAD = ["numpy", "pandas", "pandas.io.formats.style", "altair", "IPython", "ipykernel.kernelapp",
           "ipykernel.ipkernel", "ipykernel.zmqshell", "myst_nb", "myst_nb.ext.glue", "aicloud.claims",
           "aicloud.data", "aicloud.glued", "aicloud.params", "aicloud.scenario"]


def _preload() -> None:
    import importlib
    import pkgutil

    for name in PRELOAD:
        importlib.import_module(name)
    import aicloud.models

    for module in pkgutil.iter_modules(aicloud.models.__path__, "aicloud.models."):
        importlib.import_module(module.name)


class ForkServer:
    """A child process that has imported PRELOAD and forks a kernel process on request."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "aicloud.kernels"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
        self._lock = threading.Lock()

    def spawn(self, cmd: list[str], cwd: str | None, env: dict[str, str] | None) -> int:
        """Fork a kernel running `cmd` (an ipykernel_launcher command line); returns its pid."""
        request = {"argv": cmd[3:], "cwd": str(cwd or os.getcwd()), "env": dict(env or os.environ)}
        with self._lock:  # one request and its answer at a time: chapters start kernels from several threads
            assert self._proc.stdin and self._proc.stdout
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
            answer = self._proc.stdout.readline()
        if not answer:
            raise RuntimeError("the kernel fork server stopped")
        return int(json.loads(answer)["pid"])

    def close(self, wait: bool = True) -> None:
        """End the server (it exits at the end of its input; its kernels are already shut down)."""
        assert self._proc.stdin
        if not self._proc.stdin.closed:
            self._proc.stdin.close()
        if wait and self._proc.poll() is None:
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_forkable(cmd: list[str]) -> bool:
    return len(cmd) >= 3 and cmd[1:3] == ["-m", "ipykernel_launcher"] and Path(cmd[0]).resolve() == Path(
        sys.executable).resolve()


class _ForkedProcess:
    """The parts of `subprocess.Popen` that Jupyter's provisioner uses, for a process we did not start.

    The kernel is the fork server's child, not ours, so it is watched by pid (the server reaps it)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0  # exited (and reaped by the server); its exit status is not ours to read
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkedProvisioner(LocalProvisioner):
    """Jupyter's local provisioner, but the kernel process comes from the fork server."""

    server: ForkServer | None = None

    async def wait(self) -> int | None:
        if isinstance(self.process, _ForkedProcess):
            while self.process.poll() is None:
                await asyncio.sleep(0.01)  # (the stock provisioner looks every 100 ms)
            code, self.process = self.process.returncode, None
            return code
        return await super().wait()

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        if self.server is None or not is_forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        pid = self.server.spawn(cmd, kwargs.get("cwd"), kwargs.get("env"))
        self.process = _ForkedProcess(pid)  # type: ignore[assignment]
        self.pid = self.pgid = pid  # the kernel leads its own process group, as a launched kernel does
        self.cwd = kwargs.get("cwd", Path.cwd())
        return self.connection_info


class ForkedKernelClient(FastReadyClient):
    """The client of a forked kernel (see `aicloud.adapters.kernel_client` for its shorter start-up wait)."""


def manager_class(server: ForkServer) -> type[AsyncKernelManager]:
    """A kernel manager class (for nbclient's `kernel_manager_class`) whose kernels `server` forks."""

    class ForkedKernelManager(FastShutdownManager):
        client_class = DottedObjectName("aicloud.kernels.ForkedKernelClient")
        client_factory = Type(ForkedKernelClient)

        def __init__(self, **kw: Any) -> None:
            super().__init__(**kw)
            # A provisioner set before the kernel starts is used as it is (as on a restart).
            self.kernel_id = self.kernel_id or str(uuid.uuid4())
            provisioner = ForkedProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
            provisioner.server = server
            self.provisioner = provisioner

    return ForkedKernelManager


# --- the server process ---------------------------------------------------------------------------------

def _child(request: dict[str, Any]) -> None:
    """In the forked process: become a fresh kernel process and run ipykernel until it is shut down."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the server ignores it; a kernel must be able to wait
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    import numpy as np

    np.random.seed()  # a new process draws a new global seed; a fork would inherit the server's
    # As for a launched kernel, stop if the parent goes (here the server, which stops when the build does).
    # The trait's default was read from the environment at import time, in the server, so it is passed here.
    sys.argv = ["ipykernel_launcher", *request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def serve() -> None:
    """Read one JSON request per line on stdin, fork a kernel for each, answer its pid on stdout."""
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # a kernel's own output must never reach the answer pipe
    sys.stdout = sys.stderr
    # Preload with the project folder first on the path (the server runs there), so `aicloud` is the copy a
    # kernel working in the project would import; then drop it, as ipykernel_launcher does (the kernel puts
    # its own working directory back itself).
    _preload()
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels that exit are reaped at once
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                answers.close()  # nothing of the server's protocol stays open in the kernel
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, 0)
                os.close(null)
                _child(request)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 0
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 1
            finally:
                sys.stderr.flush()
                os._exit(code)
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve()
