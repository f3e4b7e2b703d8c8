"""Benchmark: a student's set-up of the course pack, from a warm pip cache.

Run by hand (never from the tests): `.venv/bin/python benchmarks/pack_setup.py [--repeats N] [--lab]`. Builds the
student pack, unzips it into a temporary folder and, N times, makes a new virtual environment and installs the
pack's `requirements.txt` exactly as its README says (`pip install --no-compile`, through the machine's
configured index; the first round warms the cache and is reported separately). Reports the median set-up time,
the environment's size on disk (targets: under 30 s and under 400 MB), the machine's load, and the time to run
every notebook with `run.py`. With `--lab`, the same for `requirements-lab.txt` (JupyterLab, optional). Prints
Markdown for `benchmarks/RESULTS.md`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def setup(pack: Path, requirements: str) -> tuple[float, float, Path]:
    """Seconds to make the environment and install `requirements`, its size in MB, and its Python."""
    env_dir = pack / ".venv"
    shutil.rmtree(env_dir, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    start = time.perf_counter()
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-compile", "-r", requirements], cwd=pack,
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - start, size_mb(env_dir), python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lab", action="store_true", help="also measure requirements-lab.txt (JupyterLab)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aicloud-pack-bench-") as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "aicloud", "pack", "--edition", "student", "--out",
                        str(work / "pack.zip")], cwd=ROOT, check=True, capture_output=True)
        zipfile.ZipFile(work / "pack.zip").extractall(work)
        pack = next(work.glob("aicloud-course-pack"))
        lines = [f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
                 f"{args.repeats} set-ups after one that warms the pip cache.", "",
                 "| requirements | first set-up (s) | warm set-ups (s), median [min-max] | environment (MB) | load |",
                 "|---|---|---|---|---|"]
        python = None
        for requirements in ["requirements.txt"] + (["requirements-lab.txt"] if args.lab else []):
            first, _mb, python_ = setup(pack, requirements)
            runs = [setup(pack, requirements) for _ in range(args.repeats)]
            times = [r[0] for r in runs]
            lines.append(f"| `{requirements}` | {first:.1f} | {statistics.median(times):.1f} "
                         f"[{min(times):.1f}-{max(times):.1f}] | {runs[-1][1]:.0f} | {os.getloadavg()[0]:.1f} |")
            if requirements == "requirements.txt":
                python = runs[-1][2]
        if args.lab:  # the last set-up was the lab one: make the runtime one again for the run below
            _s, _m, python = setup(pack, "requirements.txt")
        start = time.perf_counter()
        subprocess.run([str(python), "run.py"], cwd=pack, check=True, capture_output=True)
        lines += ["", f"Running every notebook with `run.py` in that environment: {time.perf_counter() - start:.1f} s."]
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
