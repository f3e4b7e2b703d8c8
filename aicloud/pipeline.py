"""The build: execute each chapter (Jupytext -> Papermill), write the generated pages, build the site.

A chapter is re-executed only when one of its inputs changed: its notebook source, its resolved parameters,
the bytes of every data file its parameters name, the `aicloud` package source and the pinned requirements.
Executed notebooks are cached under `.cache/chapters/` (outside the site, so `make clean` keeps them); every
file is written to a temporary path first and moved into place when complete, so an interrupted or failed run
never leaves a half-written notebook, cache entry or site behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from aicloud import params as params_mod
from aicloud.data import ROOT, resolve, resource_names

if TYPE_CHECKING:
    from aicloud.kernels import ForkServer

NOTEBOOKS = ROOT / "notebooks"
CACHE = ROOT / ".cache" / "chapters"
BOOK_FILES = ["_config.yml", "_toc.yml", "book", "_static"]
PACKAGE_DIR = ROOT / "aicloud"


class PipelineError(Exception):
    """A problem with the user's request (unknown chapter or parameter, bad value): exit code 2."""


@dataclass(frozen=True)
class Chapter:
    name: str
    title: str
    source: Path


@dataclass
class Result:
    chapter: str
    status: str  # executed | cached | failed
    seconds: float
    output: Path | None = None
    error: str = ""
    cell: int | None = None
    parameters: dict = field(default_factory=dict)


def chapters(toc: Path = ROOT / "_toc.yml") -> list[Chapter]:
    """The chapters in the table of contents, in order: entries `book/chapters/<name>`."""
    entries: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("root", "file"):  # the root page may itself be a chapter notebook
                if isinstance(node.get(key), str):
                    entries.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(toc.read_text(encoding="utf-8")))
    found = []
    for entry in entries:
        if entry.startswith("book/chapters/"):
            name = Path(entry).stem
            source = NOTEBOOKS / f"{name}.md"
            found.append(Chapter(name, _title(source), source))
    return found


def _title(source: Path) -> str:
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return source.stem


def suggest(word: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, choices, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return f"{hint} Valid names: {', '.join(choices)}."


LEDGER_PARAMETER = "ledger_path"


def reads_ledger(ch: Chapter) -> bool:
    """Pages that weigh the other chapters' verdicts run after them, on the ledger table they produced."""
    return any(p.name == LEDGER_PARAMETER for p in params_mod.read(ch.source))


def analytical(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """Names of the chapters in the table of contents' 'Chapters' part (the ones that test claims with data)."""
    spec = yaml.safe_load(toc.read_text(encoding="utf-8"))
    for part in spec.get("parts", []):
        if part.get("caption") == "Chapters":
            return [Path(c["file"]).stem for c in part.get("chapters", [])]
    return []


def chapter(name: str) -> Chapter:
    known = chapters()
    for ch in known:
        if ch.name == name:
            return ch
    raise PipelineError(f"unknown chapter {name!r}.{suggest(name, [c.name for c in known])}")


def resolve_parameters(ch: Chapter, overrides: dict[str, object]) -> dict[str, object]:
    """Defaults overlaid with `overrides`, each type- and range-checked before any kernel starts."""
    declared = {p.name: p for p in params_mod.read(ch.source)}
    resolved = {name: p.default for name, p in declared.items()}
    for name, raw in overrides.items():
        if name not in declared:
            raise PipelineError(f"chapter {ch.name!r} has no parameter {name!r}.{suggest(name, list(declared))}")
        try:
            resolved[name] = declared[name].coerce(raw)
        except ValueError as err:
            raise PipelineError(str(err)) from None
    for name, p in declared.items():
        if p.resource:
            if p.resource not in resource_names():
                raise PipelineError(f"parameter {name} names unknown resource {p.resource!r}")
            resolved[name] = shown(resolve(resolved[name]))
    return resolved


def digest(paths: list[Path], extra: str = "") -> str:
    """One hash of several files' names and bytes (and an extra string)."""
    return hashlib.sha256((_digest_files(paths) + extra).encode()).hexdigest()


def _digest_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


def input_key(ch: Chapter, parameters: dict[str, object]) -> str:
    """The hash of everything a chapter's output depends on."""
    package_files = sorted(PACKAGE_DIR.rglob("*.py"))
    # Data files (`*_csv`) and generated inputs such as the ledger (`*_path`) count by their bytes.
    data_files = sorted({resolve(str(v)) for k, v in parameters.items() if k.endswith(("_csv", "_path"))})
    schema = [ROOT / "data" / "datapackage.yaml"]
    h = hashlib.sha256()
    h.update(ch.source.read_bytes())
    h.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    h.update(_digest_files(data_files + schema).encode())
    h.update(_digest_files(package_files + [ROOT / "requirements.txt", ROOT / "requirements-lock.txt"]).encode())
    return h.hexdigest()


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def shown(path: Path) -> str:
    """A path as recorded in parameters and notebooks: relative to the project when inside it, so that pages
    and cache keys do not depend on where the project is checked out."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _cache_entry(ch: Chapter, key: str) -> Path:
    return CACHE / ch.name / f"{key}.ipynb"


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
            _atomic_copy(entry, output)
            return Result(ch.name, "cached", time.perf_counter() - start, output, parameters=parameters)
        entry.unlink()  # corrupted or foreign: rebuild it
    import jupytext  # only now: a build with every chapter cached starts no kernel and loads none of these
    import nbformat
    import papermill

    from aicloud import kernels

    forked = {"kernel_manager_class": kernels.manager_class(server)} if server else {}
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
                      cell=err.exec_count, parameters=parameters)
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
    with tempfile.TemporaryDirectory(prefix=f"aicloud-{ch.name}-") as tmp:
        executed = Path(tmp) / "executed.ipynb"
        nbformat.write(nb, str(executed))
        if use_cache:
            _atomic_copy(executed, entry)
        _atomic_copy(executed, output)
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
        except Exception:
            result = Result(job[0].name, "failed", 0.0, error=traceback.format_exc(limit=3))
        if progress:
            progress(result)
        return result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, jobs))


# --- the site -------------------------------------------------------------------------------------------

_VEGA = """import json, altair as alt, vl_convert
print(json.dumps({"bundle": vl_convert.javascript_bundle(), "preset": {"vega_version": alt.VEGA_VERSION,
      "vegalite_version": alt.VEGALITE_VERSION, "vegaembed_version": alt.VEGAEMBED_VERSION}}))"""


def vega_assets() -> dict[str, object]:
    """Vega, Vega-Lite and Vega-Embed bundled by the installed vl-convert, and the versions Altair expects.

    Made once per environment and kept beside it (`<venv>/share/aicloud/`, or `.cache/` if that is read-only):
    the bundle depends only on the installed packages, and vl-convert takes over a second to make it. The
    Makefile makes it when it installs the environment; a build makes it if it is missing.
    """
    from importlib.metadata import version

    versions = f"vl-convert-python {version('vl-convert-python')}; altair {version('altair')}"
    name = f"vega-{hashlib.sha256(versions.encode()).hexdigest()[:16]}.json"
    places = [Path(sys.prefix) / "share" / "aicloud" / name, CACHE.parent / "vega" / name]
    for place in places:
        try:
            found = json.loads(place.read_text(encoding="utf-8"))
            if found.get("versions") == versions:
                return found
        except (OSError, ValueError):
            pass
    # vl-convert bundles in Rust and holds Python's lock while it does: in a separate process, so a build's
    # threads that talk to the chapters' kernels are never stalled.
    found = json.loads(subprocess.run([sys.executable, "-c", _VEGA], capture_output=True, text=True,
                                      check=True).stdout)
    found["versions"] = versions
    for place in places:
        try:
            place.parent.mkdir(parents=True, exist_ok=True)
            _write_if_changed(place, json.dumps(found))
            break
        except OSError:
            continue
    return found


def vendor_vega(static_dir: Path) -> list[str]:
    """Write Vega, Vega-Lite and Vega-Embed (see `vega_assets`) into `static_dir/vega` for the site.

    The bundle is wrapped in a function so its top-level names cannot clash with Sphinx's scripts; the
    preset `VEGA_DEBUG` tells Altair's loader the libraries are already there, so it never asks a CDN.
    Files already holding the same text are not rewritten.
    """
    found = vega_assets()
    target = static_dir / "vega"
    target.mkdir(parents=True, exist_ok=True)
    _write_if_changed(target / "vega-bundle.js", "(function(){\n" + str(found["bundle"]) + "\n})();\n")
    _write_if_changed(target / "altair-offline.js", f"var VEGA_DEBUG = {json.dumps(found['preset'])};\n")
    return ["vega/vega-bundle.js", "vega/altair-offline.js"]


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def stage_source(target: Path) -> Path:
    """Copy the book's prose and configuration into `target` (for a scenario build); returns `target`."""
    for name in BOOK_FILES:
        src = ROOT / name
        dest = target / name
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("chapters", "generated", "__pycache__"))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
    return target
