"""The command line of the report: list, inspect, check, run and build chapters.

Exit codes: 0 success, 1 a chapter or the site failed, 2 bad input (nothing was written).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from aicloud import classroom, data, pages, pipeline, scenario, sweep_cache, zh_edition
from aicloud import params as params_mod
from aicloud._lazy import pd
from aicloud.pipeline import PipelineError, Result

if TYPE_CHECKING:
    from aicloud.kernels import ForkServer

DEFAULT_HTML = data.ROOT / "_build" / "html"
PROTECTED = [data.ROOT / "data", data.ROOT / "notebooks", DEFAULT_HTML]


class InputError(Exception):
    """Bad input from the user: printed as is, exit code 2."""


def _say(message: str) -> None:
    print(message, flush=True)


def _progress(result: Result) -> None:
    if result.status == "failed":
        where = f" in cell {result.cell}" if result.cell is not None else ""
        _say(f"  FAILED  {result.chapter}{where}: {result.error.strip().splitlines()[-1] if result.error else ''}")
    else:
        _say(f"  {result.status:<8} {result.chapter} ({result.seconds:.1f} s)")


def _summary(results: list[Result], started: float, where: Path | None) -> None:
    executed = sum(r.status == "executed" for r in results)
    cached = sum(r.status == "cached" for r in results)
    failed = [r for r in results if r.status == "failed"]
    _say(f"Summary: {len(results)} chapter(s): {executed} executed, {cached} up to date, {len(failed)} failed; "
         f"{time.perf_counter() - started:.1f} s in all.")
    for r in failed:
        where_cell = f", cell {r.cell}" if r.cell is not None else ""
        _say(f"  {r.chapter}{where_cell}: {r.error.strip()}")
    if where is not None:
        _say(f"Output: {where}")


def _refuse_protected(path: Path) -> None:
    path = path.resolve()
    for protected in PROTECTED:
        if path == protected.resolve() or path.is_relative_to(protected.resolve()):
            raise InputError(f"refusing to write into {protected}: choose another --out folder")


def _validate_inputs(ch: pipeline.Chapter, resolved: dict[str, object]) -> None:
    """Check every data file the chapter will read before any kernel starts; raise with every problem.

    Files already found valid with the same bytes and schema are not checked again (a no-op build stays fast).
    """
    resources = {p.resource: data.resolve(str(resolved[p.name])) for p in params_mod.read(ch.source) if p.resource}
    if all(path.is_file() for path in resources.values()):
        stamp = pipeline.CACHE.parent / "valid" / pipeline.digest(
            [data.PACKAGE_PATH, *resources.values()], extra=repr(sorted(resources.items())))
        if stamp.exists():
            return
    else:
        stamp = None
    problems = []
    for resource, path in resources.items():
        problems += data.check(path, resource, overrides=resources)
    if problems:
        raise data.DataError(problems)
    if stamp is not None:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()


def _ledger_inputs(outputs: dict[str, Path], claims_path: Path | None) -> list[Path]:
    return [*outputs.values(), claims_path or data.default_path("claims"), Path(pages.__file__)]


def _data_page_inputs(spec: scenario.Scenario) -> list[Path]:
    paths = spec.data_paths()
    return [data.PACKAGE_PATH, *(paths.get(n, data.default_path(n)) for n in data.resource_names()),
            Path(pages.__file__)]


# --- commands ----------------------------------------------------------------------------------------------

def cmd_chapters(args: argparse.Namespace) -> int:
    for ch in pipeline.chapters():
        _say(f"{ch.name:<20} {ch.title}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    ch = pipeline.chapter(args.chapter)
    _say(f"{ch.name}: {ch.title}\n\nParameters (pass with -p NAME VALUE):")
    declared = params_mod.read(ch.source)
    for p in declared:
        rng = f"  range {p.low:g} to {p.high:g}" if p.low is not None else ""
        _say(f"  {p.name} ({p.type}) = {p.default!r}{rng}\n      {p.help}")
    _say("\nData resources (replace with --data RESOURCE=PATH; see `template RESOURCE`):")
    for p in declared:
        if p.resource:
            res = data.resource(p.resource)
            _say(f"  {p.resource}: {res.get('title', '')} (default {res['path']})")
            for f in res["schema"]["fields"]:
                unit = f"  [{f['unit']}]" if f.get("unit") else ""
                _say(f"      {f['name']:<22} {f.get('type', 'string'):<8}{unit}  {f.get('description', '')}")
    return 0


def _known_resource(name: str) -> None:
    try:
        data.resource(name)
    except KeyError as err:
        raise InputError(err.args[0]) from None


def cmd_template(args: argparse.Namespace) -> int:
    _known_resource(args.resource)
    out = Path(args.out or f"{args.resource}.csv")
    if out.exists() and not args.force:
        raise InputError(f"{out} exists; choose another --out or pass --force to overwrite it")
    _refuse_protected(out.parent if out.parent != Path("") else Path("."))
    example = data.load(args.resource).head(args.rows)
    frame = example.copy()
    for col in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[col]):
            frame[col] = frame[col].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_bool_dtype(frame[col]):
            frame[col] = frame[col].map({True: "true", False: "false"})
    tmp = out.with_name(f".{out.name}.tmp")
    frame.to_csv(tmp, index=False)
    os.replace(tmp, out)
    _say(f"Wrote {out}: the header of '{args.resource}' and {len(frame)} example rows from the report's data. "
         f"Replace the rows with yours, then: python -m aicloud check {out} --resource {args.resource}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    _known_resource(args.resource)
    overrides = scenario.parse_data_args(args.data or [])
    problems = data.check(Path(args.file), args.resource, overrides=overrides)
    if problems:
        _say(f"{len(problems)} problem(s) in {args.file} read as '{args.resource}':")
        for p in problems:
            _say(f"  {p}")
        return 2
    rows = len(data.load(args.resource, args.file, overrides=overrides))
    _say(f"{args.file}: valid '{args.resource}' data, {rows:,} rows.")
    return 0


def _run_one(ch: pipeline.Chapter, resolved: dict[str, object], out_dir: Path) -> Result:
    from aicloud import standalone

    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{ch.name}-", dir=out_dir))
    try:
        result = pipeline.execute(ch, resolved, staging / f"{ch.name}.ipynb")
        if result.status != "failed":
            standalone.write_html(staging / f"{ch.name}.ipynb", staging / f"{ch.name}.html", title=ch.title)
            zh_edition.mark_standalone(ch, staging / f"{ch.name}.html")
            for name in (f"{ch.name}.ipynb", f"{ch.name}.html"):
                os.replace(staging / name, out_dir / name)
            result.output = out_dir / f"{ch.name}.html"
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cmd_run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    ch = pipeline.chapter(args.chapter)
    spec = scenario.load(Path(args.file)) if args.file else scenario.Scenario.empty()
    overrides = spec.parameters_for(ch)
    overrides.update(scenario.data_parameters(ch, scenario.parse_data_args(args.data or [])))
    overrides.update({name: value for name, value in (args.param or [])})
    resolved = pipeline.resolve_parameters(ch, overrides)
    _validate_inputs(ch, resolved)
    if args.lang == "zh":  # the Chinese edition of the chapter (aicloud.zh_edition)
        ch = zh_edition.run_source(ch)
    out_dir = Path(args.out or f"_build/runs/{ch.name}")
    _refuse_protected(out_dir)
    _say(f"Running {ch.name} ({ch.title}) ...")
    result = _run_one(ch, resolved, out_dir)
    _progress(result)
    _summary([result], started, result.output)
    return 0 if result.status != "failed" else 1


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    sweep_cache.enable(pipeline.CACHE.parent / "sweeps")  # the two editions sweep each chapter once
    spec = scenario.load(Path(args.scenario)) if args.scenario else scenario.Scenario.empty()
    jobs = [(ch, pipeline.resolve_parameters(ch, spec.parameters_for(ch))) for ch in pipeline.chapters()]
    with contextlib.ExitStack() as stack:
        server = None
        stale = args.force or not all(pipeline.is_cached(ch, resolved) for ch, resolved in jobs)
        if stale and hasattr(os, "fork"):  # (without fork, as on Windows, kernels are launched as usual)
            from aicloud.kernels import ForkServer

            # Its imports overlap the validation below; a no-op build starts no server and no kernel.
            server = stack.enter_context(ForkServer())
        for ch, resolved in jobs:
            _validate_inputs(ch, resolved)
        return _build(args, spec, jobs, server, started)


def _build(args: argparse.Namespace, spec: scenario.Scenario, jobs: list[tuple[pipeline.Chapter, dict]],
           server: ForkServer | None, started: float) -> int:
    from aicloud import site

    if args.scenario or args.edition == "student":
        base = data.ROOT / "_build" / "scenarios" / spec.name if args.scenario else data.ROOT / "_build"
        base = base / "student" if args.edition == "student" else base
        source_root = pipeline.stage_source(base / "src")
        if args.edition == "student":
            classroom.student_config(source_root)  # before the site build is prepared: it reads the configuration
        html_dir = base / "html"
    else:
        source_root, html_dir = data.ROOT, DEFAULT_HTML
    # Copying Vega takes a couple of seconds on a fresh tree: do it while the chapters execute.
    vega = ThreadPoolExecutor(max_workers=1).submit(pipeline.vendor_vega, source_root / "_static")
    _say(f"Executing {len(jobs)} chapter(s) with {args.workers or pipeline.default_workers()} worker(s)"
         f"{' (forced)' if args.force else ''} ...")
    outputs = {ch.name: source_root / "book" / "chapters" / f"{ch.name}.ipynb" for ch, _ in jobs}
    generated = source_root / "book" / "generated"
    claims_path = spec.data_paths().get("claims")
    first = [(ch, r, outputs[ch.name]) for ch, r in jobs if not pipeline.reads_ledger(ch)]
    later = [(ch, r, outputs[ch.name]) for ch, r in jobs if pipeline.reads_ledger(ch)]
    with contextlib.ExitStack() as stack:
        prepared: list[site.SiteBuild] = []
        done: list[Result] = []
        lock = threading.Lock()  # chapters finish in several threads at once

        def progress(result: Result) -> None:
            _progress(result)
            with lock:
                done.append(result)
                # When chapters execute, the site will be rebuilt: prepare its build as soon as a core is free.
                if server and not prepared and len(first) - len(done) < (os.cpu_count() or 1):
                    prepared.append(site.SiteBuild(source_root, html_dir))
                    stack.callback(prepared[0].cancel)

        results = pipeline.execute_all(first, workers=args.workers, force=args.force, server=server,
                                       progress=progress)
        # The Chinese edition (aicloud.zh_edition): its chapters run while the English site builds.
        zh = None if any(r.status == "failed" for r in results) else zh_edition.begin(
            _langs(args), spec, source_root, html_dir, args.edition, args.force, args.workers, jobs, server, _say)
        if later and not any(r.status == "failed" for r in results):
            # The pages that weigh all verdicts (the conclusion) read the ledger of the chapters run so far.
            # Only the first stage's verdicts: the later pages' own earlier output must not feed back into them.
            first_outputs = {ch.name: out for ch, _r, out in first}
            ledger_csv = generated / "claims_ledger.csv"
            pages.write_if_inputs_changed(
                ledger_csv, _ledger_inputs(first_outputs, claims_path),
                lambda: pages.claims_ledger(first_outputs, claims_path)[1].to_csv(index=False))
            for _ch, resolved, _out in later:
                resolved[pipeline.LEDGER_PARAMETER] = pipeline.shown(ledger_csv)
            results += pipeline.execute_all(later, workers=args.workers, force=args.force, server=server,
                                            progress=_progress)
        if server and zh is None:
            server.close(wait=False)  # no more kernels: let it exit while the site builds
        if any(r.status == "failed" for r in results):
            _say("The site was not rebuilt: the previous site is left as it was.")
            _summary(results, started, None)
            return 1
        pages.write_if_inputs_changed(generated / "data_and_sources.md", _data_page_inputs(spec),
                                      lambda: pages.data_and_sources(spec.data_paths()))
        pages.write_if_inputs_changed(generated / "claims_ledger.md", _ledger_inputs(outputs, claims_path),
                                      lambda: pages.claims_ledger(outputs, claims_path)[0])
        if args.edition == "student":
            _say(f"Student edition: removed {classroom.make_student(source_root)} solution(s) from the staged "
                 "pages.")
        vega.result()
        _say("Building the site (Jupyter Book's Sphinx build, warnings are errors) ...")
        building = time.perf_counter()
        try:
            status = site.build_site(source_root, html_dir, force=args.force,
                                     prepared=prepared[0] if prepared else None) if "en" in _langs(args) else "-"
            if zh is not None:
                _say(f"  site {status} ({time.perf_counter() - building:.1f} s); the Chinese edition ...")
                status = f"{status}, Chinese edition {zh.finish(mount='en' in _langs(args))}"
        except RuntimeError as err:
            _say(str(err))
            _say("The site was not rebuilt: the previous site is left as it was.")
            return 1
    _say(f"  site {status} ({time.perf_counter() - building:.1f} s)")
    _summary(results, started, html_dir / "index.html")
    return 0


def _langs(args: argparse.Namespace) -> tuple[str, ...]:
    try:
        return zh_edition.parse_langs(getattr(args, "lang", "en,zh"))
    except ValueError as err:
        raise InputError(str(err)) from None


def cmd_pack(args: argparse.Namespace) -> int:
    out = Path(args.out or data.ROOT / "_build" / f"aicloud-course-pack-{args.edition}.zip")
    if out.suffix.lower() != ".zip":
        raise InputError(f"{out}: the course pack is a zip file; give --out a name ending in .zip")
    _refuse_protected(out.parent)
    path, count = classroom.pack(out, edition=args.edition)
    _say(f"Wrote {path} ({count} files, {args.edition} edition). Unzip it and read its README.md.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import functools
    import http.server

    root = Path(args.dir or DEFAULT_HTML)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as httpd:
        _say(f"Serving {root} at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
        httpd.serve_forever()
    return 0


# --- parser ------------------------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m aicloud", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("chapters", help="list the chapters with their titles")
    p.set_defaults(func=cmd_chapters)

    p = sub.add_parser("params", help="a chapter's parameters and the data resources it reads")
    p.add_argument("chapter")
    p.set_defaults(func=cmd_params)

    p = sub.add_parser("template", help="write a CSV with a resource's header and example rows to fill in")
    p.add_argument("resource")
    p.add_argument("--out", help="file to write (default RESOURCE.csv in the current folder)")
    p.add_argument("--rows", type=int, default=3, help="how many example rows (default 3)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("check", help="validate a CSV file against a resource's schema; exit 0 only when clean")
    p.add_argument("file")
    p.add_argument("--resource", required=True, help="the resource the file replaces, e.g. gpu_buyers")
    p.add_argument("--data", action="append", metavar="RESOURCE=PATH",
                   help="other files to check references against, e.g. sources=my_sources.csv")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("run", help="validate inputs, execute one chapter, write its notebook and an HTML page")
    p.add_argument("chapter")
    p.add_argument("--data", action="append", metavar="RESOURCE=PATH", help="use your file for a resource")
    p.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), help="set a parameter")
    p.add_argument("-f", "--file", metavar="SCENARIO.yaml", help="a scenario file (see the README)")
    p.add_argument("--out", metavar="DIR", help="output folder (default _build/runs/CHAPTER)")
    p.add_argument("--lang", choices=zh_edition.LANGS, default="en", help="the language of the page (default en)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("build", help="execute the chapters that changed and build the site")
    p.add_argument("--scenario", metavar="SCENARIO.yaml",
                   help="build with a scenario's data and parameters into _build/scenarios/NAME/html")
    p.add_argument("--force", action="store_true", help="re-execute every chapter and rebuild the site")
    p.add_argument("--workers", type=int, default=None, help="chapters executed at once (default: one per core)")
    p.add_argument("--edition", choices=classroom.EDITIONS, default="instructor",
                   help="instructor (default: with solutions, into _build/html) or student (solutions removed, "
                        "into _build/student/html)")
    p.add_argument("--lang", default="en,zh", metavar="LANGS",
                   help="editions to build: en,zh (default: both in one site, Chinese under zh/), en, or zh")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("pack", help="write a course pack: the chapter notebooks (.ipynb), data, package, README")
    p.add_argument("--out", metavar="FILE.zip",
                   help="the zip to write (default _build/aicloud-course-pack-EDITION.zip)")
    p.add_argument("--edition", choices=classroom.EDITIONS, default="instructor",
                   help="instructor (default: exercises with solutions) or student (solutions removed)")
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("serve", help="serve the built site on 127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--dir", help="folder to serve (default _build/html)")
    p.set_defaults(func=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, PipelineError, scenario.ScenarioError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except data.DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing half-written was kept", file=sys.stderr)
        return 130
