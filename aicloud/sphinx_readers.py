"""A Sphinx extension for readers: what every page of the site gets when it is written.

- Figures (`aicloud.charts.Figure`): their static SVG, CSV and source links, written into `_charts/`
  (`aicloud.chart_assets`).
- Accessibility mends of the theme's and myst-nb's markup: code toggles named by their visible words, no blank
  table header cells, wide tables in a scroll box that a keyboard can reach.
- "Cite this page" (BibTeX and plain text) and the build's date and version (the git commit) on every page.
- A `js` class on `<html>` set by a one-line script in the head, so the stylesheet (`_static/readers.css`) shows
  the static images when scripts do not run.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from aicloud import chart_assets
from aicloud.data import ROOT

DATA_PAGE = "book/generated/data_and_sources"
TOGGLE_LABEL = re.compile(r'(<summary)\s+aria-label="Toggle hidden content"')
BLANK_TH = re.compile(r'<th class="(blank|index_name)([^"]*)"[^>]*>(?:&nbsp;|\s)*</th>')
STYLER_TABLE = re.compile(r'(<table id="T_[0-9a-f_]+"[^>]*>.*?</table>)', re.S)
TABLE_WRAPPER = '<div class="table-wrapper">'
SCROLL_ATTRS = 'tabindex="0" role="region" aria-label="Table (scrolls sideways on a narrow screen)"'


# --- build information ---------------------------------------------------------------------------------------

def version_info(root: Path = ROOT) -> dict[str, str]:
    """The build's date (UTC, or SOURCE_DATE_EPOCH), the git commit it was built from ("+ local changes" when
    the working tree differs from it) and the package version. Without git, or outside a checkout, the commit
    says so instead of failing the build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    commit = "not built from a git checkout"
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10)
        if head.returncode == 0 and head.stdout.strip():
            commit = head.stdout.strip()
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                   capture_output=True, text=True, timeout=10)
            if dirty.returncode == 0 and dirty.stdout.strip():
                commit += " + local changes"
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        from importlib.metadata import version

        package = version("aicloud")
    except Exception:  # not installed (a copied tree): the commit still identifies the build
        package = "unknown"
    return {"date": when.strftime("%Y-%m-%d"), "year": when.strftime("%Y"), "commit": commit, "version": package}


# --- cite this page ------------------------------------------------------------------------------------------

def citation(*, page_title: str, book_title: str, author: str, year: str, info: dict[str, str], url: str,
             key: str) -> tuple[str, str]:
    """(BibTeX, plain text) for a page. Titles are plain text (not HTML)."""

    def bib(text: str) -> str:
        return re.sub(r"([{}\\])", r"\\\1", text)

    note = f"Version {info['version']}, commit {info['commit']}, built {info['date']}"
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  author = {{{{{bib(author)}}}}},",
        f"  title = {{{{{bib(page_title)}}}}},",
        f"  howpublished = {{In: {bib(book_title)}}},",
        f"  year = {{{year}}},",
        f"  note = {{{bib(note)}}},",
        *([f"  url = {{{url}}},"] if url else []),
        "}"])
    plain = f"{author} ({year}). {page_title}. In: {book_title}. {note}." + (f" {url}" if url else "")
    return bibtex, plain


def _cite_block(page_title: str, book_title: str, author: str, year: str, info: dict[str, str], url: str,
                key: str, changelog: str, licence: str) -> str:
    bibtex, plain = citation(page_title=page_title, book_title=book_title, author=author, year=year, info=info,
                             url=url, key=key)
    e = html.escape
    return (
        '<section class="page-info" aria-label="Cite this page, version and licence">'
        '<details class="cite-this"><summary>Cite this page</summary>'
        f'<p>Plain text:</p><pre class="cite-plain">{e(plain)}</pre>'
        f'<p>BibTeX:</p><pre class="cite-bibtex">{e(bibtex)}</pre></details>'
        f'<p class="build-info">Built {e(info["date"])} from commit <code>{e(info["commit"])}</code> '
        f'(version {e(info["version"])}). <a href="{e(changelog)}">Changelog</a>. '
        f'<a href="{e(licence)}">Licence</a>: code MIT, text and data CC BY 4.0; third-party figures keep '
        "their sources' terms.</p></section>")


def _plain(title: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", title or "")).strip()


# --- the page hook -------------------------------------------------------------------------------------------

def mend(body: str) -> str:
    """The accessibility mends that need no context (see the module's docstring)."""
    body = TOGGLE_LABEL.sub(r"\1", body)
    # docutils marks a bibliography as a list whose entries are not list items (axe: aria-required-children).
    body = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')
    body = BLANK_TH.sub(r'<td class="\1\2"></td>', body)
    body = body.replace(TABLE_WRAPPER, f'<div class="table-wrapper" {SCROLL_ATTRS}>')
    return STYLER_TABLE.sub(lambda m: f'<div class="table-scroll" {SCROLL_ATTRS}>{m.group(1)}</div>', body)


def _start_prerender(app: Any, env: Any, docnames: Any) -> None:
    """Render the executed chapters' static images in a process of their own while Sphinx reads the pages (the
    chapters are all written by now; the SVG cache is shared)."""
    notebooks = sorted((Path(app.srcdir) / "book" / "chapters").glob("*.ipynb"))
    if notebooks and getattr(app, "_aicloud_prerender", None) is None:
        app._aicloud_prerender = subprocess.Popen(
            [sys.executable, "-m", "aicloud.chart_assets", *map(str, notebooks)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for_prerender(app: Any) -> None:
    proc = getattr(app, "_aicloud_prerender", None)
    if proc:
        try:
            proc.wait(timeout=600)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        app._aicloud_prerender = False  # anything still missing is rendered here, one by one


def _page_context(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    body = context.get("body")
    if not isinstance(body, str) or doctree is None:
        return
    if any(not chart_assets.cached(c.static_spec()) for c in chart_assets.charts(body)):
        _wait_for_prerender(app)
    pathto = context["pathto"]
    outdir = Path(app.outdir)
    prefix = pathto("_charts/", 1)
    known = app.env.found_docs
    data_page = pathto(DATA_PAGE) if DATA_PAGE in known else None
    anchors = _source_anchors(Path(app.srcdir))
    body = chart_assets.process(
        body, chart_assets.to_folder(outdir / "_charts", prefix),
        lambda ident: f"{data_page}#source-{ident}" if data_page and ident in anchors else None)
    body = mend(body)
    info = app.config.aicloud_build_info
    base = (app.config.html_baseurl or "").rstrip("/")
    url = f"{base}/{pagename}.html" if base else ""
    title = _plain(context.get("title", pagename)) or pagename
    book = _plain(app.config.html_title or app.config.project)
    author = app.config.author or "The aicloud report team"
    key = "aicloud-" + re.sub(r"[^a-z0-9]+", "-", pagename.split("/")[-1].lower())
    body += _cite_block(title, book, author, info["year"], info, url, key,
                        pathto("book/changelog") if "book/changelog" in known else "#",
                        pathto("book/licence") if "book/licence" in known else "#")
    context["body"] = body


_ANCHORS: dict[Path, set[str]] = {}


def _source_anchors(srcdir: Path) -> set[str]:
    """The source ids the data page has an entry for (an id a chart's rows give that the sources table lacks
    is shown, not linked)."""
    if srcdir not in _ANCHORS:
        page = srcdir / f"{DATA_PAGE}.md"
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        _ANCHORS[srcdir] = {html.unescape(m) for m in re.findall(r'<tr[^>]* id="source-([^"]+)"', text)}
    return _ANCHORS[srcdir]


def _build_info(app: Any, config: Any) -> None:
    config.aicloud_build_info = version_info(Path(app.srcdir) if (Path(app.srcdir) / ".git").exists() else ROOT)


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("aicloud_build_info", {}, "env")
    app.connect("config-inited", _build_info)
    app.connect("env-before-read-docs", _start_prerender)
    app.connect("build-finished", lambda app, exc: _wait_for_prerender(app))
    app.connect("html-page-context", _page_context)
    # Before any other script, so the stylesheet knows at once that scripts run.
    app.add_js_file(None, body="document.documentElement.classList.add('js');", priority=1)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
