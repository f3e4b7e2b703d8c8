"""The build as a library: `build()` executes the chapters whose inputs changed, writes the generated pages and
builds the site; `run()` executes one chapter into a folder of its own with a standalone page. Both check every
input before any kernel starts and report progress to a callback as events (`Executing`, `ChapterDone`,
`StudentEdition`, `SiteBuilding`, `SiteDone`); nothing here prints. The command line (`aicloud.cli`) parses
arguments, calls these and prints the events.

Order of a build: take the project's lock and clean what a killed build left; resolve and type-check every
chapter's parameters and validate every data file it reads; execute the chapters (forked kernels, cached
results) while Vega is written and, once a core is free, the site build is prepared in its own process; run the
chapters that declare they read the claims ledger (`Chapter.reads_ledger`) on the ledger of the others; write
the generated pages; for the student edition remove the solutions; build the site and swap it into place.
Editions and scenarios build a staged copy of the book, never touching `_build/html`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aicloud import book, data, layout, pipeline
from aicloud.book import Chapter
from aicloud.classroom import EDITIONS
from aicloud.layout import BOOK_FILES, EXECUTED, GENERATED, InputError
from aicloud.pipeline import Result
from aicloud.scenario import Scenario

if TYPE_CHECKING:
    from aicloud.kernels import ForkServer



# --- progress ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Executing:
    chapters: int
    workers: int
    forced: bool
    only: str = ""  # for a run: "NAME (title)" of the one chapter


@dataclass(frozen=True)
class ChapterDone:
    result: Result


@dataclass(frozen=True)
class StudentEdition:
    removed: int  # solutions removed from the staged pages


@dataclass(frozen=True)
class SiteBuilding:
    pass


@dataclass(frozen=True)
class SiteDone:
    status: str  # built | up to date
    seconds: float


@dataclass(frozen=True)
class ChineseEdition:
    message: str  # what the Chinese edition did (aicloud.zh_edition): a chapter run, untranslated strings, ...


Event = Executing | ChapterDone | StudentEdition | SiteBuilding | SiteDone | ChineseEdition
Progress = Callable[[Event], None]


def _quiet(event: Event) -> None:
    pass


@dataclass
class Report:
    """What a build or run did. `ok` is False when a chapter or the site failed (the previous site is kept)."""

    results: list[Result] = field(default_factory=list)
    output: Path | None = None  # the site's index.html, or the run's standalone page
    site: str = ""  # built | up to date | "" (not built)
    site_error: str = ""  # Sphinx's messages when the site build failed
    seconds: float = 0.0

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.site_error


# --- inputs ---------------------------------------------------------------------------------------------------

def validate_inputs(ch: Chapter, resolved: dict[str, object]) -> None:
    """Check every data file the chapter will read before any kernel starts; DataError with every problem.

    Files already found valid with the same bytes and schema are not checked again (a no-op build stays fast)."""
    files = {resource: layout.resolve(str(resolved[name])) for resource, name in ch.resources.items()}
    stamp = None
    if all(path.is_file() for path in files.values()):
        stamp = layout.CACHE / "valid" / layout.digest([layout.PACKAGE_PATH, *files.values()],
                                                       extra=repr(sorted(files.items())))
        if stamp.exists():
            return
    problems = []
    for resource, path in files.items():
        problems += data.check(path, resource, overrides=files)
    if problems:
        raise data.DataError(problems)
    if stamp is not None:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()


def out_folder(given: Path | None, default: Path) -> Path:
    """The output folder of `run`: never the project itself or one of its sources; the folder above must exist."""
    if given is None:
        default.parent.mkdir(parents=True, exist_ok=True)
        return default
    layout.refuse_protected(given, "--out")
    layout.existing_parent(given, "--out")
    if given.exists() and not given.is_dir():
        raise InputError(f"--out {given}: exists and is not a folder; choose a folder")
    return given


def stage_source(target: Path) -> Path:
    """Copy the book's prose and configuration into `target` (for an edition or a scenario); returns `target`."""
    for name in BOOK_FILES:
        src, dest = layout.ROOT / name, target / name
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("chapters", "generated", "__pycache__"))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
    return target


# --- run one chapter -----------------------------------------------------------------------------------------

def run(name: str, *, scenario: Scenario | None = None, data_files: dict[str, Path] | None = None,
        parameters: dict[str, object] | None = None, out: Path | None = None,
        progress: Progress = _quiet, lang: str = "en") -> Report:
    """Execute chapter `name` with a scenario's, then the given data files and parameters into `out` (default
    `_build/runs/NAME`): its notebook and a standalone HTML page. A failure creates nothing."""
    from aicloud import scenario as scenario_mod

    started = time.perf_counter()
    ch = book.chapter(name)
    overrides = (scenario or Scenario.empty()).parameters_for(ch)
    overrides.update(scenario_mod.data_parameters(ch, data_files or {}))
    overrides.update(parameters or {})
    resolved = ch.resolve(overrides)
    validate_inputs(ch, resolved)
    if lang == "zh":   # the chapter in Chinese (aicloud.zh_edition)
        from aicloud import zh_edition

        ch = zh_edition.run_source(ch)
    out_dir = out_folder(out, layout.BUILD / "runs" / ch.name)
    with layout.build_lock(f"run {ch.name}"):
        inside = Path(os.path.abspath(out_dir)).is_relative_to(layout.ROOT)
        layout.clean_stale([out_dir.parent] if inside else [])
        progress(Executing(1, 1, False, only=f"{ch.name} ({ch.title})"))
        result = _run_one(ch, resolved, out_dir)
    progress(ChapterDone(result))
    return Report([result], result.output, seconds=time.perf_counter() - started)


def _run_one(ch: Chapter, resolved: dict[str, object], out_dir: Path) -> Result:
    """Execute into a staging folder beside `out_dir`; only a success creates `out_dir` and moves the files in."""
    from aicloud import standalone

    staging = Path(tempfile.mkdtemp(prefix=".aicloud-run-", dir=out_dir.parent))
    try:
        result = pipeline.execute(ch, resolved, staging / f"{ch.name}.ipynb")
        if result.status != "failed":
            standalone.write_html(staging / f"{ch.name}.ipynb", staging / f"{ch.name}.html", title=ch.title)
            from aicloud import zh_edition

            zh_edition.mark_standalone(ch, staging / f"{ch.name}.html")
            out_dir.mkdir(exist_ok=True)
            for file in (f"{ch.name}.ipynb", f"{ch.name}.html"):
                os.replace(staging / file, out_dir / file)
            result.output = out_dir / f"{ch.name}.html"
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# --- build the book ------------------------------------------------------------------------------------------

def build(*, scenario: Scenario | None = None, edition: str = "instructor", force: bool = False,
          workers: int | None = None, progress: Progress = _quiet, langs: tuple[str, ...] = ("en", "zh")) -> Report:
    """Build the book: `_build/html`, or `_build/[scenarios/NAME/][student/]html` for a scenario or the student
    edition. Bad input raises (InputError, DataError) before anything is written; a failing chapter or site
    gives a report that is not `ok`, with the previous site left as it was."""
    if edition not in EDITIONS:
        raise InputError(f"unknown edition {edition!r}: choose {' or '.join(EDITIONS)}")
    started = time.perf_counter()
    from aicloud import sweep_cache

    sweep_cache.enable(layout.CACHE / "sweeps")  # the two editions sweep each chapter once
    spec = scenario or Scenario.empty()
    jobs = [(ch, ch.resolve(spec.parameters_for(ch))) for ch in book.chapters()]
    with contextlib.ExitStack() as stack:
        stack.enter_context(layout.build_lock("build"))
        layout.clean_stale()
        server = None
        stale = force or not all(pipeline.is_cached(ch, resolved) for ch, resolved in jobs)
        if stale and hasattr(os, "fork"):  # (without fork, as on Windows, kernels are launched as usual)
            from aicloud.kernels import ForkServer

            # Its imports overlap the validation below; a no-op build starts no server and no kernel.
            server = stack.enter_context(ForkServer())
        for ch, resolved in jobs:
            validate_inputs(ch, resolved)
        report = _build(spec, scenario is not None, edition, jobs, force, workers, server, progress, langs)
        layout.prune_caches()  # after the build, which has just refreshed every entry it used
    report.seconds = time.perf_counter() - started
    return report


def _places(spec: Scenario, staged: bool, edition: str) -> tuple[Path, Path]:
    """The book's source folder and the site's folder: the project itself, or a staged copy."""
    if not staged and edition == "instructor":
        return layout.ROOT, layout.HTML
    from aicloud import classroom

    base = layout.BUILD / "scenarios" / spec.name if staged else layout.BUILD
    base = base / "student" if edition == "student" else base
    source_root = stage_source(base / "src")
    if edition == "student":
        classroom.student_config(source_root)  # before the site build is prepared: it reads the configuration
    return source_root, base / "html"


def _build(spec: Scenario, staged: bool, edition: str, jobs: list[tuple[Chapter, dict]], force: bool,
           workers: int | None, server: ForkServer | None, progress: Progress,
           langs: tuple[str, ...] = ("en", "zh")) -> Report:
    from aicloud import site, vega, zh_edition

    source_root, html_dir = _places(spec, staged, edition)
    # Writing Vega takes a couple of seconds on a fresh tree: do it while the chapters execute.
    vega_done = ThreadPoolExecutor(max_workers=1).submit(vega.vendor_vega, source_root / "_static")
    progress(Executing(len(jobs), workers or pipeline.default_workers(), force))
    outputs = {ch.name: source_root / EXECUTED / f"{ch.name}.ipynb" for ch, _ in jobs}
    first = [(ch, r, outputs[ch.name]) for ch, r in jobs if not ch.reads_ledger]
    later = [(ch, r, outputs[ch.name]) for ch, r in jobs if ch.reads_ledger]
    report = Report(output=html_dir / "index.html")
    with contextlib.ExitStack() as stack:
        prepared: list[site.SiteBuild] = []
        done: list[Result] = []
        lock = threading.Lock()  # chapters finish in several threads at once

        # The Chinese edition (aicloud.zh_edition) runs beside the English one: each Chinese chapter once its
        # English run is done (so it reuses that run's robustness sweeps), its site while the English site builds.
        zh = zh_edition.begin(langs, spec, source_root, html_dir, edition, force, workers, jobs, server,
                              lambda message: progress(ChineseEdition(message)))
        if zh is not None:
            stack.callback(lambda: zh.abandon() if report.failed or not report.site else None)

        def finished(result: Result) -> None:
            progress(ChapterDone(result))
            if zh is not None:
                zh.english_done(result.chapter)
            with lock:
                done.append(result)
                # When chapters execute, the site will be rebuilt: prepare its build as soon as a core is free.
                if server and not prepared and len(first) - len(done) < (os.cpu_count() or 1):
                    prepared.append(site.SiteBuild(source_root, html_dir))
                    stack.callback(prepared[0].cancel)

        report.results = pipeline.execute_all(first, workers=workers, force=force, server=server, progress=finished)
        if later and not report.failed:
            ledger = _ledger_table(spec, source_root, {ch.name: out for ch, _r, out in first})
            for ch, resolved, _out in later:
                resolved[ch.reads_ledger] = layout.shown(ledger)
            report.results += pipeline.execute_all(later, workers=workers, force=force, server=server,
                                                   progress=finished)
        if server and zh is None:
            server.close(wait=False)  # no more kernels: let it exit while the site builds
        if report.failed:
            return report
        _generated_pages(spec, source_root, outputs)
        from aicloud import pack  # the exercise sheets, and the answer key in the instructor edition

        pack.write_site_pages(source_root / GENERATED, outputs, edition)
        if zh is not None:
            zh.english_pages_written()
        if edition == "student":
            from aicloud import classroom

            progress(StudentEdition(classroom.make_student(source_root)))
        vega_done.result()
        progress(SiteBuilding())
        building = time.perf_counter()
        try:
            report.site = site.build_site(source_root, html_dir, force=force,
                                          prepared=prepared[0] if prepared else None) if "en" in langs else "-"
            if zh is not None:
                report.site += f", Chinese edition {zh.finish(mount='en' in langs)}"
        except RuntimeError as err:
            report.site_error = str(err)
            return report
    progress(SiteDone(report.site, time.perf_counter() - building))
    return report


def _ledger_table(spec: Scenario, source_root: Path, first: dict[str, Path]) -> Path:
    """The claims ledger table of the first stage's chapters, for the chapters that weigh all verdicts. Only the
    first stage's: the later pages' own earlier output must not feed back into them."""
    from aicloud import pages

    claims = spec.data_paths().get("claims")
    ledger = source_root / GENERATED / "claims_ledger.csv"
    pages.write_if_inputs_changed(ledger, _ledger_inputs(first, claims),
                                  lambda: pages.claims_ledger(first, claims)[1].to_csv(index=False))
    return ledger


def _generated_pages(spec: Scenario, source_root: Path, outputs: dict[str, Path]) -> None:
    """The pages made from data and verdicts (data and sources, claims ledger), each rewritten only when its
    inputs changed."""
    from aicloud import pages

    generated, paths = source_root / GENERATED, spec.data_paths()
    page_inputs = [data.PACKAGE_PATH, *(paths.get(n, data.default_path(n)) for n in data.resource_names()),
                   Path(pages.__file__)]
    pages.write_if_inputs_changed(generated / "data_and_sources.md", page_inputs,
                                  lambda: pages.data_and_sources(paths))
    pages.write_if_inputs_changed(generated / "claims_ledger.md", _ledger_inputs(outputs, paths.get("claims")),
                                  lambda: pages.claims_ledger(outputs, paths.get("claims"))[0])


def _ledger_inputs(outputs: dict[str, Path], claims_path: Path | None) -> list[Path]:
    from aicloud import pages

    return [*outputs.values(), claims_path or data.default_path("claims"), Path(pages.__file__)]
