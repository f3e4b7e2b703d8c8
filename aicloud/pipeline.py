"""Cached execution of chapters: Jupytext -> Papermill, each chapter in a fresh kernel, in parallel.

A chapter is re-executed only when one of its inputs changed: its notebook source, its resolved parameters,
the bytes of every file it reads (`Chapter.input_files`: its data files, and the claims ledger if it reads it),
the data package, the `aicloud` package source and the pinned requirements. Executed notebooks are cached under
`.cache/chapters/` (outside the site, so `make clean` keeps them) and written atomically, so an interrupted or
failed run never leaves a half-written notebook or cache entry behind. The build that orders chapters, writes
the pages and builds the site is `aicloud.build`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aicloud import layout
from aicloud.book import Chapter
from aicloud.layout import ROOT, atomic_copy, atomic_write, environment_problem, shown

if TYPE_CHECKING:
    from aicloud.kernels import ForkServer


@dataclass
class Result:
    chapter: str
    status: str  # executed | cached | failed
    seconds: float
    output: Path | None = None
    error: str = ""
    cell: int | None = None
    parameters: dict = field(default_factory=dict)
    where: str = ""  # the failing line of the cell and the project's own function it failed in
    traceback: str = ""  # the kernel's whole traceback (shown with --debug)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_LINE = re.compile(r"Cell In\[\d+\], line (?P<line>\d+)")
_ARROW = re.compile(r"^-+> ?\s*(?P<number>\d+)\s?(?P<code>.*)$", re.M)
_FRAME = re.compile(r"File (?P<path>.+?):(?P<line>\d+), in (?P<func>\w+)")


def _where(traceback_lines: list[str]) -> str:
    """Where a chapter failed, from the kernel's traceback: "line 29 `q = att.quantiles(m)`, in
    aicloud/models/attrition.py:123 quantiles()" (the deepest frame in the project's own code)."""
    parts, inside = [], ""
    for raw in traceback_lines:
        text = _ANSI.sub("", raw)
        cell = _CELL_LINE.search(text)
        if cell:
            arrow = _ARROW.search(text)
            code = f" `{arrow.group('code').strip()[:80]}`" if arrow else ""
            parts = [f"line {cell.group('line')}{code}"]
        frame = _FRAME.search(text)
        if frame:
            path = Path(frame.group("path").replace("~", str(Path.home()), 1))
            if path.is_relative_to(ROOT) and ".venv" not in path.parts:
                inside = f"in {shown(path)}:{frame.group('line')} {frame.group('func')}()"
    return ", ".join(parts + ([inside] if inside else []))

def input_key(ch: Chapter, parameters: dict[str, object]) -> str:
    """The hash of everything a chapter's output depends on."""
    package = sorted(layout.PACKAGE_DIR.rglob("*.py"))
    h = hashlib.sha256()
    h.update(ch.source.read_bytes())
    h.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    h.update(layout.digest([*ch.input_files(parameters), layout.PACKAGE_PATH]).encode())
    h.update(layout.digest([*package, *layout.REQUIREMENTS]).encode())
    return h.hexdigest()


def _cache_entry(ch: Chapter, key: str) -> Path:
    return layout.CHAPTER_CACHE / ch.name / f"{key}.ipynb"


def _valid_notebook(path: Path) -> bool:
    """A cache entry is used only if it is a complete notebook with its own hash recorded inside.

    Checked by parsing, not by validating against the notebook schema: a write is atomic, so damage shows as
    a file that does not parse or does not carry its key, and a schema check of every chapter would cost a
    no-op build most of its time."""
    try:
        nb = json.loads(path.read_bytes())
        return (nb.get("nbformat") == 4 and isinstance(nb.get("cells"), list)
                and all(isinstance(c, dict) and "cell_type" in c and "source" in c for c in nb["cells"])
                and nb.get("metadata", {}).get("aicloud", {}).get("input_key") == path.stem)
    except (OSError, ValueError, AttributeError):
        return False


def execute(ch: Chapter, parameters: dict[str, object], output: Path, *, force: bool = False,
            use_cache: bool = True, server: ForkServer | None = None) -> Result:
    """Execute one chapter with resolved parameters into `output` (atomically), or reuse the cached result.

    With a fork server the chapter's kernel is forked from it (see `aicloud.kernels`), otherwise launched."""
    start = time.perf_counter()
    key = input_key(ch, parameters)
    entry = _cache_entry(ch, key)
    if use_cache and not force and entry.exists():
        if _valid_notebook(entry):
            layout.touch(entry)  # recently used: the cache's pruning keeps it
            atomic_copy(entry, output)
            return Result(ch.name, "cached", time.perf_counter() - start, output, parameters=parameters)
        entry.unlink()  # corrupted or foreign: rebuild it
    import jupytext  # only now: a build with every chapter cached starts no kernel and loads none of these
    import nbformat
    import papermill

    from aicloud import kernels

    forked = {"kernel_manager_class": kernels.manager_class(server)} if server else {}
    # The kernels of a build show figures as the site's HTML (aicloud.charts.MODE_ENV; elsewhere a figure is the
    # Vega-Lite spec a notebook app draws). Kernels take the environment of the process that starts them.
    os.environ["AICLOUD_CHARTS"] = "site"
    try:
        # No output path: Papermill would otherwise rewrite the whole notebook after every cell (most of the
        # build's own CPU time); the finished notebook is written once below. The log level keeps ipykernel's
        # notice about unencrypted local TCP out of every build's output.
        nb = papermill.execute_notebook(jupytext.read(ch.source), None, parameters=parameters, cwd=str(ROOT),
                                        request_save_on_cell_execute=False, kernel_name="python3",
                                        progress_bar=False, log_output=False,
                                        extra_arguments=["--IPKernelApp.log_level=CRITICAL"], **forked)
    except papermill.PapermillExecutionError as err:
        return Result(ch.name, "failed", time.perf_counter() - start, error=f"{err.ename}: {err.evalue}",
                      cell=err.exec_count, parameters=parameters, where=_where(err.traceback or []),
                      traceback="\n".join(_ANSI.sub("", line) for line in err.traceback or []))
    except Exception as err:  # a kernel that died, a notebook that cannot be read
        return Result(ch.name, "failed", time.perf_counter() - start, error=f"{type(err).__name__}: {err}",
                      parameters=parameters)
    # Papermill records its input; given a notebook object rather than a path, it would embed all of it.
    nb.metadata.papermill["input_path"] = shown(ch.source)
    for cell in nb.cells:  # the parameters papermill injects are code: collapsed like the chapter's own
        tags = cell.metadata.setdefault("tags", [])
        if "injected-parameters" in tags and "hide-input" not in tags:
            tags.append("hide-input")
    nb.metadata["aicloud"] = {"input_key": key, "chapter": ch.name}
    text = nbformat.writes(nb)
    if use_cache:
        atomic_write(entry, text)
    atomic_write(output, text)
    return Result(ch.name, "executed", time.perf_counter() - start, output, parameters=parameters)


def is_cached(ch: Chapter, parameters: dict[str, object]) -> bool:
    """Whether a cache entry exists for the chapter's current inputs (without reading it)."""
    return _cache_entry(ch, input_key(ch, parameters)).exists()


def default_workers() -> int:
    """As many chapters at once as there are cores. (More helps a little while a chapter waits on its kernel:
    on 2 cores a cold build took about 6.3 s with 2 workers and 5.9-6.0 s with 4; `--workers` sets it.)"""
    return os.cpu_count() or 1


def execute_all(jobs: list[tuple[Chapter, dict[str, object], Path]], *, workers: int | None = None,
                force: bool = False, use_cache: bool = True, server: ForkServer | None = None,
                progress: Callable[[Result], None] | None = None) -> list[Result]:
    """Execute chapters in parallel; a failing chapter is reported and the others still run."""
    workers = max(1, workers or default_workers())

    def one(job: tuple[Chapter, dict[str, object], Path]) -> Result:
        try:
            result = execute(*job, force=force, use_cache=use_cache, server=server)
        except OSError as err:
            if environment_problem(err):
                raise  # a read-only folder or a full disk is the build's problem, not the chapter's
            result = Result(job[0].name, "failed", 0.0, error=traceback.format_exc(limit=3))
        except Exception:
            result = Result(job[0].name, "failed", 0.0, error=traceback.format_exc(limit=3))
        if progress:
            progress(result)
        return result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, jobs))


# --- names kept for code written before the book model (aicloud.book) and the layout module ------------------
# New code imports these from `aicloud.book` and `aicloud.layout`; they stay here while other branches move over.
from aicloud.book import BookError as PipelineError  # noqa: E402
from aicloud.book import analytical, chapter, chapters  # noqa: E402, F401
from aicloud.layout import NOTEBOOKS, digest, suggest  # noqa: E402, F401

LEDGER_PARAMETER = "ledger_path"


def resolve_parameters(ch: Chapter, overrides: dict[str, object]) -> dict[str, object]:
    """`ch.resolve(overrides)` (see `aicloud.book.Chapter.resolve`)."""
    return ch.resolve(overrides)


def reads_ledger(ch: Chapter) -> bool:
    """Whether the chapter declares that it reads the claims ledger (`Chapter.reads_ledger`)."""
    return ch.reads_ledger is not None


__all__ = ["Chapter", "PipelineError", "Result", "default_workers", "execute", "execute_all", "input_key",
           "is_cached", "shown"]
