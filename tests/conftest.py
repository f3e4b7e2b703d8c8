"""Shared fixtures: a local web server and Debian's Chromium driven by Playwright (no `playwright install`)."""

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Page errors known to be harmless, each with the reason. Empty: sphinx-thebe's duplicated config script, which
# raised "Identifier 'THEBE_JS_URL' has already been declared" on every page, is removed by
# aicloud.sphinx_offline, so any page error now fails the tests.
HARMLESS: dict[str, str] = {}


@pytest.fixture(scope="session")
def site() -> Path:
    """The default site; `make test` builds it first, a lone pytest run builds it if missing."""
    from aicloud import build

    if not (SITE / "index.html").exists():
        assert build.build().ok
    return SITE


@contextlib.contextmanager
def serve(directory: Path):
    """Serve a folder on 127.0.0.1 on a free port for the duration of the block."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: `make test` installs it (or: apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-gpu"])
        yield b
        b.close()


class Visit:
    """One page load that records requests leaving localhost, failed requests, page errors and dialogs."""

    def __init__(self, browser, url, viewport: tuple[int, int] = (1280, 1000), javascript: bool = True):
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]},
                                     java_script_enabled=javascript)
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url, wait_until="load")

    def _route(self, route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def real_errors(self):
        return [e for e in self.errors if not any(h in e for h in HARMLESS)]

    def wait_for_charts(self) -> int:
        n = self.page.locator("div[id^='altair-viz']").count()
        if n:
            self.page.wait_for_function(
                "n => document.querySelectorAll(\"div[id^='altair-viz'] svg.marks\").length === n", arg=n,
                timeout=30_000)
        return n
