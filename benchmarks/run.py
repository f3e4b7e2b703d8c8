"""Benchmark: this project's build against Jupyter Book's own execution, the models' speed, and the site's weight.

Run by hand (never from the tests): `.venv/bin/python benchmarks/run.py [--skip-site]`. Everything runs on a
temporary copy of the project, so `data/`, the cache and the site of the working tree are not touched.
Prints a report in Markdown; paste it into `benchmarks/RESULTS.md` with the date.

1. cold build (`aicloud.build.build(force=True)`, as `python -m aicloud build --force` runs it; empty cache) vs
   `jupyter-book build` with `execute_notebooks: force` on the same chapter notebooks (target <= 0.6x);
2. no-op rebuild vs cold build (target <= 5%);
3. after changing one data file: which chapters each system re-executes, and whether the site's number is
   current (Jupyter Book's `cache` mode hashes code cells only, so it keeps the stale number);
4. models: scenario evaluations per second, vectorised vs a plain Python loop (target >= 1e6/s and >= 100x);
5. the site: bytes transferred and time until every chart is drawn, per chapter page, in headless Chromium;
6. robustness: the full sweep of every claim (`python -m aicloud robustness`, target <= 60 s on 2 cores) and
   scenarios (rule evaluations) per second, beside the sweep machinery's own rate on a trivial rule
   (`--robustness-only` runs just this part).
7. the two editions: both (English and Chinese) from a cold cache against the English edition alone (target
   <= 1.6x), and the no-op rebuild of both against their cold build (target <= 5%).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 3
PY = sys.executable
JB = str(Path(PY).parent / "jupyter-book")
# A figure that the GPU chapter prints from data/gpu_buyers.csv (the sum of the first year's units).
PROBE_FILE, PROBE_OLD, PROBE_NEW = "data/gpu_buyers.csv", "2023,Meta,US,platform,H100,150000", \
    "2023,Meta,US,platform,H100,160000"


# The build, called as a library (`aicloud.build.build`) in a process of its own, printing "<status> <chapter>"
# for each chapter it executed or took from the cache.
LIBRARY_BUILD = """import sys
from aicloud import build
def show(event):
    if isinstance(event, build.ChapterDone):
        print(event.result.status, event.result.chapter, flush=True)
report = build.build(force="--force" in sys.argv, progress=show)
sys.exit(0 if report.ok else 1)"""


def library_build(*flags: str) -> list[str]:
    return [PY, "-c", LIBRARY_BUILD, *flags]


def copy_project(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file():
            dest = target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    return target


def timed(cmd: list[str], cwd: Path) -> tuple[float, str]:
    # the copy's aicloud, also in the kernels; figures as the site shows them (aicloud.charts.MODE_ENV)
    env = {**os.environ, "PYTHONPATH": str(cwd), "AICLOUD_CHARTS": "site"}
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{(proc.stdout + proc.stderr)[-3000:]}")
    return seconds, proc.stdout + proc.stderr


def jupyter_book_project(copy: Path, mode: str) -> Path:
    """A Jupyter Book over the same chapter notebooks (MyST sources), executed by Jupyter Book itself.

    It sits beside the copy, not inside it, so neither build sees the other's files."""
    book = copy.parent / f"{copy.name}-jb-{mode}"
    book.mkdir(exist_ok=True)
    config = yaml.safe_load((copy / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": mode, "timeout": 600}
    config["exclude_patterns"] = ["_build"]
    config["bibtex_bibfiles"] = ["references.bib"]
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copy(copy / "book" / "references.bib", book / "references.bib")
    shutil.copytree(copy / "_static", book / "_static", dirs_exist_ok=True)
    toc = yaml.safe_load((copy / "_toc.yml").read_text(encoding="utf-8"))
    chapters = []
    for entry in [toc["root"]] + [c["file"] for p in toc["parts"] for c in p["chapters"]]:
        if entry.startswith("book/chapters/"):
            name = Path(entry).stem
            if name == "conclusion":  # reads the ledger our pipeline generates; Jupyter Book has no such step
                continue
            shutil.copy(copy / "notebooks" / f"{name}.md", book / f"{name}.md")
            chapters.append(name)
    (book / "_toc.yml").write_text(yaml.safe_dump(
        {"format": "jb-book", "root": chapters[0], "chapters": [{"file": c} for c in chapters[1:]]}),
        encoding="utf-8")
    return book


def pipeline_chapters(copy: Path) -> list[str]:
    toc = yaml.safe_load((copy / "_toc.yml").read_text(encoding="utf-8"))
    entries = [toc["root"]] + [c["file"] for p in toc["parts"] for c in p["chapters"]]
    return [e for e in entries if e.startswith("book/chapters/")]


def executed_by_jupyter_book(log: str) -> list[str]:
    return sorted({line.split("Executing notebook")[-1].strip().split("/")[-1].split(".")[0]
                   for line in log.splitlines() if "Executing notebook" in line})


def build_benchmarks(copy: Path) -> list[str]:
    out = ["## Builds", ""]
    book = jupyter_book_project(copy, "force")
    colds, forces, noops = [], [], []
    for _ in range(REPEATS):  # alternate the two systems; report medians (timings on 2 cores vary a lot)
        shutil.rmtree(copy / ".cache", ignore_errors=True)
        shutil.rmtree(copy / "_static" / "vega", ignore_errors=True)
        colds.append(timed(library_build("--force"), copy)[0])
        seconds, log = timed(library_build(), copy)
        noops.append(seconds)
        shutil.rmtree(book / "_build", ignore_errors=True)
        forces.append(timed([JB, "build", str(book), "--quiet"], copy)[0])
    executed_noop = [line.split()[1] for line in log.splitlines() if line.strip().startswith("executed")]
    from aicloud.vega import _VEGA

    vega_seconds = timed([PY, "-c", _VEGA], copy)[0]  # made once per environment, at install (vega_assets)
    cold, noop, jb_force = (float(np.median(x)) for x in (colds, noops, forces))
    out += [f"Median of {REPEATS} runs each (all runs: cold {', '.join(f'{c:.1f}' for c in colds)} s; "
            f"jupyter-book {', '.join(f'{c:.1f}' for c in forces)} s).", "",
            "| measurement | seconds | ratio | target |", "|---|---|---|---|",
            f"| this project, cold build (empty cache, {len(pipeline_chapters(copy))} notebooks incl. the "
            f"conclusion, generated pages, site) | {cold:.1f} | | |",
            f"| jupyter-book build, execute_notebooks: force (the same notebooks but the conclusion) "
            f"| {jb_force:.1f} | | |",
            f"| cold build / jupyter-book force | | **{cold / jb_force:.2f}x** | <= 0.6x |",
            f"| this project, no-op rebuild | {noop:.1f} | **{noop / cold:.1%}** of cold | <= 5% |",
            f"| (once per environment, at install: bundling Vega from vl-convert for the offline site; not in "
            f"any build above) | {vega_seconds:.1f} | | |", "",
            f"No-op rebuild re-executed: {executed_noop or 'nothing'}.", ""]

    # 3. change one data file: who re-executes, and is the number current?
    cache_book = jupyter_book_project(copy, "cache")
    shutil.rmtree(cache_book / "_build", ignore_errors=True)
    timed([JB, "build", str(cache_book), "--quiet"], copy)
    probe = copy / PROBE_FILE
    probe.write_text(probe.read_text(encoding="utf-8").replace(PROBE_OLD, PROBE_NEW), encoding="utf-8")
    changed, log = timed(library_build(), copy)
    ours = [line.split()[1] for line in log.splitlines() if line.strip().startswith("executed")]
    _, jb_log = timed([JB, "build", str(cache_book), "-v"], copy)
    page_ours = (copy / "_build/html/book/chapters/gpu_allocation.html").read_text(encoding="utf-8")
    page_jb = (cache_book / "_build/html/gpu_allocation.html").read_text(encoding="utf-8")
    old_total, new_total = "650,000", "660,000"
    out += ["## After changing one data file", "",
            f"`{PROBE_FILE}`: one buyer's units changed, so the GPU chapter's listed total goes from "
            f"{old_total} to {new_total}.", "",
            "| system | chapters re-executed | seconds | page shows the new total | page still shows the old |",
            "|---|---|---|---|---|",
            f"| this project | {', '.join(ours) or 'none'} | {changed:.1f} | {new_total in page_ours} | "
            f"{old_total in page_ours} |",
            f"| jupyter-book, execute_notebooks: cache | {', '.join(executed_by_jupyter_book(jb_log)) or 'none'} "
            f"| | {new_total in page_jb} | {old_total in page_jb} |", ""]
    return out


def loop_cost(prices, tps, util):
    return [p / (t * 3600 * u) * 1e6 for p, t, u in zip(prices, tps, util)]


def loop_survival(cash, cost, price, fixed, pdec, cdec, horizon):
    months = []
    for c0, u0, p0, f, pd_, cd in zip(cash, cost, price, fixed, pdec, cdec):
        left, m = c0, float(horizon)
        for month in range(horizon):
            u = u0 * (1 - cd) ** (month / 12)
            p = p0 * (1 - pd_) ** (month / 12)
            burn = u - p + f
            if burn > left:
                m = month + (left / burn if burn > 0 else 0.0)
                break
            left -= burn
        months.append(m)
    return months


def rate(fn, n: int) -> float:
    start = time.perf_counter()
    fn()
    return n / (time.perf_counter() - start)


def model_benchmarks() -> list[str]:
    """Two loop baselines: the model function called once per scenario (how an unvectorised Monte Carlo is
    written), and the formula re-typed in plain Python floats (the fastest a loop can be)."""
    from aicloud.models import attrition, unit_cost

    rng = np.random.default_rng(1)
    out = ["## Models: scenario evaluations per second", "",
           "| model | vectorised (per s) | loop calling the model (per s) | speed-up | plain-float loop (per s) "
           "| speed-up | target |", "|---|---|---|---|---|---|---|"]
    n = 2_000_000
    price, tps, util = rng.uniform(1, 4, n), rng.uniform(500, 3000, n), rng.uniform(0.3, 0.9, n)
    vec = rate(lambda: unit_cost.cost_per_million_tokens(price, tps, util), n)
    m = 20_000
    per_call = rate(lambda: [unit_cost.cost_per_million_tokens(p, t, u)
                             for p, t, u in zip(price[:m], tps[:m], util[:m])], m)
    plain = rate(lambda: loop_cost(price[:m * 10].tolist(), tps[:m * 10].tolist(), util[:m * 10].tolist()), m * 10)
    out.append(f"| unit cost per million tokens ({n:,} scenarios) | {vec:,.0f} | {per_call:,.0f} | "
               f"{vec / per_call:,.0f}x | {plain:,.0f} | {vec / plain:,.1f}x | >= 1e6/s, >= 100x |")
    n, horizon = 1_000_000, 60
    args = (rng.uniform(1, 30, n), rng.uniform(0.5, 2, n), rng.uniform(0.5, 2, n), rng.uniform(0, 0.2, n),
            rng.uniform(0.2, 0.9, n), rng.uniform(0.2, 0.7, n))
    vec = rate(lambda: attrition.survival_months(*args, horizon_months=horizon), n)
    m = 2_000
    per_call = rate(lambda: [attrition.survival_months(*(a[i] for a in args), horizon_months=horizon)
                             for i in range(m)], m)
    plain = rate(lambda: loop_survival(*(a[:m * 10].tolist() for a in args), horizon), m * 10)
    out.append(f"| price-war survival, {horizon} months ({n:,} draws) | {vec:,.0f} | {per_call:,.0f} | "
               f"{vec / per_call:,.0f}x | {plain:,.0f} | {vec / plain:,.1f}x | >= 1e6/s, >= 100x |")
    return out + [""]


def robustness_benchmarks(copy: Path) -> list[str]:
    """The full robustness sweep: the command as a user runs it, the sweeps alone, the machinery's own rate."""
    from aicloud import robustness
    from aicloud.analysis import rule
    from aicloud.params import Parameter
    from aicloud.verdicts import PARTLY, SUPPORTED, Verdict

    env = {**os.environ, "PYTHONPATH": str(copy)}
    ledger = Path("book/generated/claims_ledger.csv")  # the conclusion's rules read the built ledger
    if (ROOT / ledger).exists() and not (copy / ledger).exists():
        (copy / ledger).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / ledger, copy / ledger)
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "aicloud", "robustness"], cwd=copy, env=env, capture_output=True, text=True)
    command = time.perf_counter() - start
    tally = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-300:]

    prepare_started = time.perf_counter()
    chapters = sorted(set(robustness.claim_chapters().values()))
    inputs = {ch: robustness.chapter_inputs(ch) for ch in chapters}
    prepared = time.perf_counter() - prepare_started
    sweep_started = time.perf_counter()
    items = robustness.sweep_claims()
    swept_seconds = time.perf_counter() - sweep_started - prepared  # sweep_claims prepares again: subtract it
    scenarios = sum(i.scenarios for i in items)

    @rule("X", reads=("a", "b", "c"))
    def trivial(evidence, params):
        return Verdict(SUPPORTED if params["a"] + params["b"] > params["c"] * evidence else PARTLY, "x", "y")

    declared = {n: Parameter(n, "float", 1.0, f"assumption: {n} (range 0 to 2)", 0.0, 2.0) for n in "abc"}
    trivial_started = time.perf_counter()
    result = robustness.sweep(trivial, 1.0, {n: 1.0 for n in "abc"}, declared)
    trivial_seconds = time.perf_counter() - trivial_started
    trivial_n = robustness.ClaimSweep("X", "x", result).scenarios
    with_module = [ch for ch, got in inputs.items() if got is not None]
    rate = f"{scenarios / swept_seconds:,.0f}" if scenarios and swept_seconds > 0 else "n/a (nothing swept)"
    return ["## Robustness: every claim's sweep", "",
            f"Chapters with an analysis module: {', '.join(with_module) or 'none yet'}. The command's last line: "
            f"`{tally}` (exit code {proc.returncode}).", "",
            "| measurement | scenarios | seconds | scenarios per s | target |", "|---|---|---|---|---|",
            f"| `python -m aicloud robustness`, every claim (wall time: start-up, preparing each chapter's evidence, "
            f"21 points per assumption, 10,000 joint draws per claim) | {scenarios:,} | {command:.1f} | | <= 60 s |",
            f"| preparing the evidence of every chapter with a module (`prepare`, once per chapter) | | "
            f"{prepared:.2f} | | |",
            f"| the sweeps alone (the rules called on prepared evidence) | {scenarios:,} | {max(swept_seconds, 0):.2f} "
            f"| {rate} | |",
            f"| the sweep machinery on a trivial rule (3 assumptions: 3 x 21 points and 10,000 draws) | "
            f"{trivial_n:,} | {trivial_seconds:.2f} | {trivial_n / trivial_seconds:,.0f} | |", ""]


def site_benchmarks(site: Path) -> list[str]:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out = ["## The site in headless Chromium (cold browser cache per page)", "",
           "| page | charts | requests | bytes transferred | ms until every chart is drawn |", "|---|---|---|---|---|"]
    pages = sorted((site / "book" / "chapters").glob("*.html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--disable-background-networking", "--disable-component-update"])
        for page_file in pages:
            context = browser.new_context()
            page = context.new_page()
            sizes: list[int] = []
            page.on("response", lambda r, s=sizes: s.append(len(r.body()) if r.ok else 0))
            start = time.perf_counter()
            page.goto(f"{base}/book/chapters/{page_file.name}")
            n = page.locator("div[id^='altair-viz']").count()
            page.wait_for_function("n => document.querySelectorAll(\"div[id^='altair-viz'] svg.marks\").length "
                                   "=== n", arg=n, timeout=60_000)
            ms = (time.perf_counter() - start) * 1000
            out.append(f"| {page_file.stem} | {n} | {len(sizes)} | {sum(sizes):,} | {ms:,.0f} |")
            context.close()
        browser.close()
    server.shutdown()
    return out + [""]


def machine() -> list[str]:
    mem = ""
    try:
        kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return [f"Machine: {os.cpu_count()} cores, {mem} memory, {platform.platform()}, Python "
            f"{platform.python_version()}; run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", ""]


def cpu_timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and all its descendants: kernels, Sphinx, vl-convert). CPU time
    depends far less than wall time on what else the machine runs. Descendants are found by walking /proc every
    0.1 s (the kernels are the fork server's children, which the build does not wait for, so the kernel's own
    child accounting misses them); a process living under 0.1 s may be missed."""
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    tick = os.sysconf("SC_CLK_TCK")
    seen: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read() if proc.stdout else ""), daemon=True)
    reader.start()
    while proc.poll() is None:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
        family = {proc.pid}
        grew = True
        while grew:
            grew = False
            for pid, (ppid, _cpu) in stats.items():
                if ppid in family and pid not in family:
                    family.add(pid)
                    grew = True
        for pid in family:
            if pid in stats:
                seen[pid] = max(seen.get(pid, 0.0), stats[pid][1])
        time.sleep(0.1)
    wall = time.perf_counter() - start
    reader.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{''.join(out)[-3000:]}")
    return wall, sum(seen.values())


def edition_benchmarks(copy: Path) -> list[str]:
    """Both editions (the default) against the English edition alone (`--lang en`), each from a cold cache,
    alternated; then the no-op rebuild of both. Wall and CPU time."""
    runs: dict[str, list[tuple[float, float]]] = {"en": [], "en,zh": []}
    noops = []
    for _ in range(REPEATS):
        for langs in runs:
            shutil.rmtree(copy / ".cache", ignore_errors=True)
            shutil.rmtree(copy / "_static" / "vega", ignore_errors=True)
            runs[langs].append(cpu_timed([PY, "-m", "aicloud", "build", "--force", "--lang", langs], copy))
        noops.append(timed([PY, "-m", "aicloud", "build"], copy)[0])
    (en, en_cpu), (zh, zh_cpu) = ((float(np.median([w for w, _ in r])), float(np.median([c for _, c in r])))
                                  for r in runs.values())
    noop = float(np.median(noops))

    def listed(r: list[tuple[float, float]]) -> str:
        return ", ".join(f"{w:.1f}" for w, _ in r) + " s (CPU " + ", ".join(f"{c:.1f}" for _, c in r) + " s)"

    return ["## Two editions (English and Chinese)", "",
            f"Median of {REPEATS} runs each, alternated (English alone {listed(runs['en'])}; "
            f"both {listed(runs['en,zh'])}; no-op {', '.join(f'{c:.2f}' for c in noops)} s).", "",
            "| measurement | wall (s) | ratio | CPU (s) | CPU ratio | target |", "|---|---|---|---|---|---|",
            f"| English edition alone, cold (`build --force --lang en`, empty cache) | {en:.1f} | | {en_cpu:.1f} | | |",
            f"| both editions, cold (`build --force`, empty cache) | {zh:.1f} | **{zh / en:.2f}x** | {zh_cpu:.1f} | "
            f"{zh_cpu / en_cpu:.2f}x | <= 1.6x |",
            f"| both editions, no-op rebuild | {noop:.2f} | **{noop / zh:.1%}** of cold | | | <= 5% |", ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-site", action="store_true", help="skip the browser measurements")
    parser.add_argument("--skip-builds", action="store_true", help="skip the build comparisons")
    parser.add_argument("--robustness-only", action="store_true", help="only the robustness sweep (part 6)")
    parser.add_argument("--editions-only", action="store_true", help="only the two editions' build times")
    args = parser.parse_args()
    if args.editions_only:
        with tempfile.TemporaryDirectory(prefix="aicloud-bench-") as tmp:
            print("\n".join(["# Benchmark results", ""] + machine() + edition_benchmarks(
                copy_project(Path(tmp) / "project"))))
        return 0
    report = ["# Benchmark results", ""] + machine()
    with tempfile.TemporaryDirectory(prefix="aicloud-bench-") as tmp:
        copy = copy_project(Path(tmp) / "project")
        if args.robustness_only:
            print("\n".join(report + robustness_benchmarks(copy)))
            return 0
        if not args.skip_builds:
            report += build_benchmarks(copy)
            report += edition_benchmarks(copy)
        report += model_benchmarks()
        report += robustness_benchmarks(copy)
        if not args.skip_site:
            if not (copy / "_build/html/index.html").exists():
                timed(library_build(), copy)
            report += site_benchmarks(copy / "_build" / "html")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
