"""The command line of the report: list, inspect, check, run and build chapters.

Exit codes: 0 success; 1 a chapter or the site failed; 2 bad input (nothing was written); 3 the file system
refused (read-only, permission denied, disk full); 4 another build or run is working in this project;
130 interrupted. Every failure is one message naming the file or setting and what to do; `--debug` adds the
traceback. The work is done by the library (`aicloud.build`, `aicloud.book`, `aicloud.data`); this module parses
arguments and prints.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from aicloud import book, build, classroom, data, layout, scenario
from aicloud.layout import InputError
from aicloud.pipeline import Result

_debug = False


# --- printing ------------------------------------------------------------------------------------------------

def _say(message: str) -> None:
    try:
        print(message, flush=True)
    except BrokenPipeError:  # the reader went away (`... | head`): finish the work quietly
        _silence(sys.stdout)


def _silence(stream: object) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())  # type: ignore[attr-defined]


def _error(message: str) -> None:
    try:
        print(f"error: {message}", file=sys.stderr, flush=True)
    except (BrokenPipeError, ValueError):
        _silence(sys.stderr)


def _failure(result: Result) -> str:
    cell = f", cell {result.cell}" if result.cell is not None else ""
    where = f" ({result.where})" if result.where else ""
    cause = result.error.strip().splitlines()[-1] if result.error.strip() else "unknown error"
    todo = "" if _debug else "; rerun with --debug for the traceback"
    return f"{layout.shown(layout.NOTEBOOKS / (result.chapter + '.md'))}{cell}{where}: {cause}{todo}"


def _progress(event: build.Event) -> None:
    """Print one progress event of the library's build or run."""
    if isinstance(event, build.Executing) and event.only:
        _say(f"Running {event.only} ...")
    elif isinstance(event, build.Executing):
        forced = " (forced)" if event.forced else ""
        _say(f"Executing {event.chapters} chapter(s) with {event.workers} worker(s){forced} ...")
    elif isinstance(event, build.ChapterDone):
        r = event.result
        if r.status == "failed":
            _say(f"  FAILED  {r.chapter}: {_failure(r)}")
            if _debug:
                _say(r.traceback or r.error)
        else:
            _say(f"  {r.status:<8} {r.chapter} ({r.seconds:.1f} s)")
    elif isinstance(event, build.StudentEdition):
        _say(f"Student edition: removed {event.removed} solution(s) from the staged pages.")
    elif isinstance(event, build.SiteBuilding):
        _say("Building the site (Jupyter Book's Sphinx build, warnings are errors) ...")
    elif isinstance(event, build.SiteDone):
        _say(f"  site {event.status} ({event.seconds:.1f} s)")
    elif isinstance(event, build.ChineseEdition):
        _say(event.message)


def _summary(report: build.Report) -> int:
    results = report.results
    executed = sum(r.status == "executed" for r in results)
    cached = sum(r.status == "cached" for r in results)
    if report.site_error:
        _say(report.site_error)
    if not report.ok and report.output and report.output.name == "index.html":
        _say("The site was not rebuilt: the previous site is left as it was.")
    _say(f"Summary: {len(results)} chapter(s): {executed} executed, {cached} up to date, {len(report.failed)} "
         f"failed; {report.seconds:.1f} s in all.")
    for r in report.failed:
        _say(f"  {_failure(r)}")
    if report.ok and report.output is not None:
        _say(f"Output: {report.output}")
    return 0 if report.ok else layout.EXIT_FAILED


# --- commands ------------------------------------------------------------------------------------------------

def cmd_chapters(args: argparse.Namespace) -> int:
    for ch in book.chapters():
        _say(f"{ch.name:<20} {ch.title}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    _say(book.describe(book.chapter(args.chapter)))
    return 0


def _known_resource(name: str) -> None:
    try:
        data.resource(name)
    except KeyError as err:
        raise InputError(err.args[0]) from None


def cmd_template(args: argparse.Namespace) -> int:
    _known_resource(args.resource)
    out = layout.output_file(Path(args.out or f"{args.resource}.csv"), "--out", force=args.force)
    text, rows = data.example_csv(args.resource, args.rows)
    layout.atomic_write(out, text)
    _say(f"Wrote {out}: the header of '{args.resource}' and {rows} example rows from the report's data. "
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
        return layout.EXIT_INPUT
    rows = len(data.load(args.resource, args.file, overrides=overrides))
    _say(f"{args.file}: valid '{args.resource}' data, {rows:,} rows.")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    report = build.run(args.chapter, scenario=scenario.load(Path(args.file)) if args.file else None,
                       data_files=scenario.parse_data_args(args.data or []), parameters=dict(args.param or []),
                       out=Path(args.out) if args.out else None, progress=_progress, lang=args.lang)
    return _summary(report)


def cmd_build(args: argparse.Namespace) -> int:
    spec = scenario.load(Path(args.scenario)) if args.scenario else None
    from aicloud.zh_edition import parse_langs

    try:
        langs = parse_langs(args.lang)
    except ValueError as err:
        raise InputError(str(err)) from None
    report = build.build(scenario=spec, edition=args.edition, force=args.force, workers=args.workers,
                         progress=_progress, langs=langs)
    return _summary(report)


def cmd_pack(args: argparse.Namespace) -> int:
    out = Path(args.out or layout.BUILD / f"aicloud-course-pack-{args.edition}.zip")
    if args.out:  # (the default folder is made by the pack)
        layout.output_file(out, "--out", force=True, suffix=".zip")
    from aicloud import pack

    path, count = pack.pack(out, edition=args.edition)
    _say(f"Wrote {path} ({count} files, {args.edition} edition). Unzip it and read its README.md.")
    return 0


def cmd_robustness(args: argparse.Namespace) -> int:
    """Each claim's verdict at the default parameters, its one-at-a-time flip points and joint shares."""
    from aicloud import robustness

    known = list(robustness.claim_chapters())
    wanted = None
    if args.claim:
        claim = args.claim.strip().upper()
        claim = f"C0{claim[1:]}" if len(claim) == 2 and claim[1:].isdigit() else claim  # C3 means C03
        if claim not in known:
            raise InputError(f"unknown claim {args.claim!r}.{layout.suggest(claim, known)}")
        wanted = [claim]
    results = robustness.sweep_claims(wanted, points=args.points, draws=args.draws, seed=args.seed)
    for item in results:
        for line in robustness.describe(item):
            _say(line)
    _say(robustness.tally(results))
    return 1 if any(item.failed for item in results) else 0


def cmd_new_chapter(args: argparse.Namespace) -> int:
    from aicloud import scaffold

    made = scaffold.new_chapter(args.name, title=args.title, claims=args.claims)
    _say(f"Made chapter {args.name}: " + ", ".join(layout.shown(p) for p in made) + ".")
    _say("It builds and passes the tests as it is; ARCHITECTURE.md, 'Adding a chapter', lists what to do next.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from aicloud import serve

    return serve.serve(Path(args.dir or layout.HTML), args.port, say=_say, error=_error)


# --- parser --------------------------------------------------------------------------------------------------

def _bounded(low: int, high: int) -> object:
    """An argparse type: an integer from `low` to `high`."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high}, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, got {value}")
        return value
    return parse


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m aicloud", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    top.add_argument("--debug", action="store_true", help="show the traceback of a failure")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: object, help: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help)
        command.set_defaults(func=func)
        return command

    editions = {"choices": classroom.EDITIONS, "default": "instructor"}

    add("chapters", cmd_chapters, "list the chapters with their titles")

    p = add("params", cmd_params, "a chapter's parameters and the data resources it reads")
    p.add_argument("chapter")

    p = add("template", cmd_template, "write a CSV with a resource's header and example rows to fill in")
    p.add_argument("resource")
    p.add_argument("--out", help="file to write (default RESOURCE.csv in the current folder)")
    p.add_argument("--rows", type=_bounded(0, 1000), default=3, help="how many example rows (default 3)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    p = add("check", cmd_check, "validate a CSV file against a resource's schema; exit 0 only when clean")
    p.add_argument("file")
    p.add_argument("--resource", required=True, help="the resource the file replaces, e.g. gpu_buyers")
    p.add_argument("--data", action="append", metavar="RESOURCE=PATH",
                   help="other files to check references against, e.g. sources=my_sources.csv")

    p = add("run", cmd_run, "validate inputs, execute one chapter, write its notebook and an HTML page")
    p.add_argument("chapter")
    p.add_argument("--data", action="append", metavar="RESOURCE=PATH", help="use your file for a resource")
    p.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), help="set a parameter")
    p.add_argument("-f", "--file", metavar="SCENARIO.yaml", help="a scenario file (see the README)")
    p.add_argument("--out", metavar="DIR", help="output folder (default _build/runs/CHAPTER)")
    p.add_argument("--lang", choices=["en", "zh"], default="en", help="the language of the page (default en)")

    p = add("build", cmd_build, "execute the chapters that changed and build the site")
    p.add_argument("--scenario", metavar="SCENARIO.yaml",
                   help="build with a scenario's data and parameters into _build/scenarios/NAME/html")
    p.add_argument("--force", action="store_true", help="re-execute every chapter and rebuild the site")
    p.add_argument("--workers", type=_bounded(1, 64), default=None,
                   help="chapters executed at once, 1 to 64 (default: one per core)")
    p.add_argument("--edition", **editions, help="instructor (default: with solutions, into _build/html) or "
                   "student (solutions removed, into _build/student/html)")
    p.add_argument("--lang", default="en,zh", metavar="LANGS",
                   help="editions to build: en,zh (default: both in one site, Chinese under zh/), en, or zh")

    p = add("pack", cmd_pack, "write a course pack: the chapter notebooks (.ipynb), data, package, README")
    p.add_argument("--out", metavar="FILE.zip",
                   help="the zip to write (default _build/aicloud-course-pack-EDITION.zip)")
    p.add_argument("--edition", **editions,
                   help="instructor (default: exercises with solutions) or student (solutions removed)")

    p = add("robustness", cmd_robustness, "each claim's verdict over its assumptions' documented ranges (no kernel)")
    p.add_argument("claim", nargs="?", help="one claim id, e.g. C24 (default: every claim)")
    p.add_argument("--points", type=_bounded(2, 1001), default=21,
                   help="one-at-a-time points per assumption, 2 to 1001 (default 21)")
    p.add_argument("--draws", type=_bounded(1, 1_000_000), default=10_000,
                   help="joint draws within the ranges, 1 to 1000000 (default 10000)")
    p.add_argument("--seed", type=_bounded(0, 2**32 - 1), default=0, help="seed of the joint draws (default 0)")

    p = add("new-chapter", cmd_new_chapter, "scaffold a chapter that builds and passes the tests at once")
    p.add_argument("name", help="the chapter's name: lower case letters, digits and underscores")
    p.add_argument("--title", help="its title (default: made from the name)")
    p.add_argument("--claims", type=_bounded(1, 20), default=1, help="how many new claim rows (default 1)")

    p = add("serve", cmd_serve, "serve the built site on 127.0.0.1")
    p.add_argument("--port", type=_bounded(1, 65535), default=8000)
    p.add_argument("--dir", help="folder to serve (default _build/html)")
    return top


def main(argv: list[str] | None = None) -> int:
    global _debug
    try:
        args = parser().parse_args(argv)
    except BrokenPipeError:  # `--help | head`
        _silence(sys.stdout)
        return 0
    _debug = args.debug
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _error("interrupted: nothing half-written was kept")
        return layout.EXIT_INTERRUPTED
    except Exception as err:
        if _debug:
            import traceback

            traceback.print_exception(err, file=sys.stderr)
        code, message = _exit_code(err)
        _error(message)
        return code


def _exit_code(err: Exception) -> tuple[int, str]:
    """The documented exit code of a failure and its one-line message."""
    if isinstance(err, OSError) and layout.environment_problem(err):
        err = layout.environment_problem(err)  # type: ignore[assignment]
    for kind, code in ((InputError, layout.EXIT_INPUT), (layout.Busy, layout.EXIT_BUSY),
                       (layout.EnvironmentProblem, layout.EXIT_ENVIRONMENT)):
        if isinstance(err, kind):
            return code, str(err)
    todo = "" if _debug else " (rerun with --debug for the traceback)"
    return layout.EXIT_FAILED, f"unexpected {type(err).__name__}: {err}{todo}"
