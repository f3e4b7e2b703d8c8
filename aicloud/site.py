"""The site: Jupyter Book's Sphinx build (execution off, warnings are errors), started ahead of time.

Loading Sphinx, Jupyter Book and their extensions and setting up the application take about a second before
any page is read, and none of it depends on the executed chapters. So the build runs in its own process that
is started while the last chapters still execute: it prepares everything, waits, and reads and writes the
pages only when told that they are all in place. It writes into a temporary folder; the finished site is
swapped into place whole, so a failed or cancelled build leaves the previous site as it was.

`python -m aicloud.site SOURCE OUTPUT` is that process: it builds after reading "build" on its standard
input, and exits without writing anything if its input ends first (the pause is a public Sphinx event, see
`aicloud.adapters.sphinx_build`).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aicloud import layout
from aicloud.adapters.sphinx_build import CANCELLED, READY_FD  # noqa: F401 (CANCELLED: the exit code, for callers)
from aicloud.layout import BOOK_FILES, EnvironmentProblem, digest, shown, stamp, stamped


def _settings_key(source_root: Path) -> str:
    """The files Sphinx reads while it prepares, before any page."""
    return digest([source_root / "_config.yml", source_root / "_toc.yml",
                   *sorted((source_root / "book").rglob("*.bib"))])


def site_key(source_root: Path) -> str:
    """The hash of everything the site is built from: the book's pages and configuration, and the package."""
    files = [p for name in BOOK_FILES for p in sorted((source_root / name).rglob("*"))
             if p.is_file()] if (source_root / "book").exists() else []
    files += [source_root / n for n in ("_config.yml", "_toc.yml")]
    return digest(sorted(set(files)) + sorted(layout.PACKAGE_DIR.rglob("*.py")))


def _stamp(html_dir: Path) -> Path:
    return html_dir.parent / f".{html_dir.name}.site-key"


def up_to_date(source_root: Path, html_dir: Path) -> bool:
    """Whether `html_dir` was built from exactly the current sources (checked without starting Sphinx)."""
    return html_dir.joinpath("index.html").exists() and stamped(_stamp(html_dir), site_key(source_root))


class SiteBuild:
    """A site build of `source_root`, prepared at once in a separate process and run by `finish`."""

    def __init__(self, source_root: Path, html_dir: Path) -> None:
        self.source_root, self.html_dir = source_root, html_dir
        self._start()

    def _start(self) -> None:
        self.settings = _settings_key(self.source_root)
        self.html_dir.parent.mkdir(parents=True, exist_ok=True)
        self.work = Path(tempfile.mkdtemp(prefix=".jb-", dir=self.html_dir.parent))
        self.log = (self.work / "build.log").open("w+", encoding="utf-8")
        self._ready, ready = os.pipe()  # the build says "ready" on it once prepared
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "aicloud.site", str(self.source_root), str(self._built)],
                stdin=subprocess.PIPE, stdout=self.log, stderr=subprocess.STDOUT, text=True, pass_fds=(ready,),
                env={**os.environ, READY_FD: str(ready)})
        finally:
            os.close(ready)

    @property
    def _built(self) -> Path:
        return self.work / "_build" / "html"

    def wait_until_prepared(self, timeout: float = 120) -> bool:
        """Wait until Sphinx is set up and waiting for the pages; False if it stopped or timed out first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            if select.select([self._ready], [], [], 0.1)[0]:
                return os.read(self._ready, 16).startswith(b"ready")
        return False

    def finish(self, *, force: bool = False) -> str:
        """Build (unless the site is up to date and not forced) and swap the result into place.

        Returns "built" or "up to date"; raises RuntimeError with Sphinx's messages if the build fails."""
        try:
            if not force and up_to_date(self.source_root, self.html_dir):
                return "up to date"
            key = site_key(self.source_root)
            if _settings_key(self.source_root) != self.settings:
                # What Sphinx read while preparing (configuration, table of contents, bibliography) changed
                # since (the student edition rewrites the configuration): prepare again from the files as they are.
                self.cancel()
                self._start()
            assert self.proc.stdin
            self.proc.stdin.write("build\n")
            self.proc.stdin.close()
            code = self.proc.wait()
            if code != 0 or not self._built.joinpath("index.html").exists():
                self.log.seek(0)
                log = self.log.read()
                for marker in ("No space left on device", "Disk quota exceeded", "Read-only file system"):
                    if marker in log:
                        raise EnvironmentProblem(f"the site build could not write into {shown(self.work)}: "
                                                 f"{marker.lower()}; free space or make it writable, then build "
                                                 "again. The previous site is left as it was.")
                raise RuntimeError(f"the site build failed (exit code {code}):\n" + log[-6000:])
            old = self.html_dir.with_name(f".{self.html_dir.name}.old")
            if old.exists():
                shutil.rmtree(old)
            if self.html_dir.exists():
                self.html_dir.rename(old)
            self._built.rename(self.html_dir)
            if old.exists():
                shutil.rmtree(old)
            stamp(_stamp(self.html_dir), key)
            return "built"
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the build process if it has not built, and remove its temporary folder."""
        if self.proc.poll() is None:
            if self.proc.stdin and not self.proc.stdin.closed:
                self.proc.stdin.close()  # input ends without "build": the process exits, writing nothing
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        if self._ready is not None:
            os.close(self._ready)
            self._ready = None
        shutil.rmtree(self.work, ignore_errors=True)


def build_site(source_root: Path, html_dir: Path, *, force: bool = False,
               prepared: SiteBuild | None = None) -> str:
    """Build the site, with the build `prepared` ahead if there is one; returns "built" or "up to date".

    An up-to-date site with nothing prepared starts no process at all."""
    if prepared is None:
        if not force and up_to_date(source_root, html_dir):
            return "up to date"
        prepared = SiteBuild(source_root, html_dir)
    return prepared.finish(force=force)


# --- the build process ----------------------------------------------------------------------------------

def _main(source: Path, output: Path) -> int:
    from aicloud.adapters import sphinx_build

    return sphinx_build.build(source, output, wait=True)


if __name__ == "__main__":
    code = _main(Path(sys.argv[1]), Path(sys.argv[2]))
    # Every page and asset is written and closed by now; skip tearing down the hundreds of modules Sphinx
    # loaded (a noticeable pause that the build would otherwise wait for).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
