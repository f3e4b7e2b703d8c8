"""Page weight on a first visit: bytes each page of the built site loads in headless Chromium with an empty cache,
at a phone's 390x844 and a desktop's 1280x900, with the largest files and what gzip would make of them.

Run by hand (not a test): `.venv/bin/python benchmarks/page_weight.py [SITE]` after `make book`. The budget is
4 MB per chapter page (issue 16). Bytes are as served by a plain static server (no compression); the gzip column
is what a server that compresses text would send. Prints Markdown for benchmarks/PAGE_WEIGHT.md.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 4_000_000
VIEWPORTS = {"phone 390x844": (390, 844), "desktop 1280x900": (1280, 900)}


def measure(site: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted((site / "book" / "chapters").glob("*.html"))
    out = [f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; budget {BUDGET:,} bytes per chapter page.",
           "", "| page | viewport | charts | requests | bytes | gzip | within budget |",
           "|---|---|---|---|---|---|---|"]
    largest: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--disable-background-networking", "--disable-component-update"])
        for page_file in pages:
            for label, (w, h) in VIEWPORTS.items():
                context = browser.new_context(viewport={"width": w, "height": h})
                page = context.new_page()
                bodies: list[tuple[str, bytes]] = []
                page.on("response", lambda r, b=bodies: b.append((r.url, r.body() if r.ok else b"")))
                page.goto(f"{base}/book/chapters/{page_file.name}", wait_until="load")
                n = page.locator("figure.aicloud-chart").count()
                if n:
                    page.wait_for_function("n => document.querySelectorAll('figure.aicloud-chart svg.marks')"
                                           ".length === n", arg=n, timeout=60_000)
                page.wait_for_timeout(500)
                raw = sum(len(b) for _, b in bodies)
                packed = sum(len(gzip.compress(b, 6)) for _, b in bodies)
                out.append(f"| {page_file.stem} | {label} | {n} | {len(bodies)} | {raw:,} | {packed:,} | "
                           f"{'yes' if raw <= BUDGET else '**no**'} |")
                for url, body in bodies:
                    name = url.split("?")[0].rsplit("/", 1)[-1] or url
                    if url.endswith(".html") or ".html?" in url:
                        name = page_file.name
                    largest[name] = max(largest.get(name, 0), len(body))
                context.close()
        browser.close()
    server.shutdown()
    out += ["", "Largest files (bytes, once per page that loads them):", ""]
    out += [f"- `{name}`: {size:,}" for name, size in sorted(largest.items(), key=lambda kv: -kv[1])[:12]]
    return out + [""]


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"
    print("\n".join(measure(site)))
