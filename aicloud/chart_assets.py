"""What a figure (`aicloud.charts.Figure`) offers besides the live chart, made when the site is built: a static
SVG rendered offline by vl-convert (shown when scripts do not run, and in print), a CSV of exactly the rows the
chart draws with their source ids, and links to those sources.

`process(html, write, link)` fills the markers a figure leaves in a page: `write(name, data)` stores a file and
returns its URL (the Sphinx extension writes into the site's `_charts/`; `inline` makes data URLs for a
self-contained page) and `link(source_id)` the URL of a source's entry. SVGs are cached by the hash of what they
are drawn from (`.cache/charts/`), so a site build renders only the charts that changed.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aicloud import layout
from aicloud.charts import LINKS_MARK, STATIC_MARK, slug
from aicloud.data import ROOT

CACHE = ROOT / ".cache" / "charts"
STATIC_FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"
FIGURE = re.compile(r'<figure class="aicloud-chart" id="figure-(?P<id>[0-9a-f]+)" data-chart="[0-9a-f]+" '
                    r'data-static="(?P<static>[^"]*)">(?P<body>.*?)</figure>', re.S)
# The last line of Altair's embedding script: `})(SPEC, EMBED_OPTIONS);` (JSON has no raw newline).
SPEC = re.compile(r"^\s*\}\)\((?P<spec>\{.*\}), (?P<opts>\{[^\n]*\})\);\s*$", re.M)


class Chart:
    """One figure of a page: its id, the live spec (with the data) and what the static image adds."""

    def __init__(self, ident: str, live: dict, static: dict) -> None:
        self.ident, self.live, self.extra = ident, live, static

    @property
    def name(self) -> str:
        return slug(self.extra.get("alt", "chart").split(". ")[0])

    def static_spec(self) -> dict:
        spec = dict(self.live)
        spec.pop("autosize", None)
        spec["width"] = self.extra.get("width", 540) if spec.get("width") == "container" else spec.get("width")
        if spec["width"] is None:
            spec.pop("width")
        if self.extra.get("title"):
            spec["title"] = self.extra["title"]
        # vl-convert measures text with the fonts it finds, and a reader's browser draws the image's text with its
        # own: name metric-compatible fonts (Arial = Helvetica = Liberation Sans), so labels fit where they were
        # laid out instead of running past the image's edge or over each other.
        spec["config"] = {**spec.get("config", {}), "font": STATIC_FONT}
        return spec

    def rows(self) -> tuple[list[str], list[dict]]:
        """The rows the chart draws (every dataset it names), `source_id` last; with several datasets a first
        column `part` says which one a row belongs to."""
        datasets = self.live.get("datasets", {})
        names = [n for n in _data_names(self.live) if n in datasets] or list(datasets)
        columns: list[str] = []
        rows: list[dict] = []
        for i, name in enumerate(dict.fromkeys(names), start=1):
            for record in datasets[name]:
                row = ({"part": i} if len(names) > 1 else {}) | {k: _flat(v) for k, v in record.items()}
                rows.append(row)
                columns += [k for k in row if k not in columns]
        columns = [c for c in columns if c != "source_id"] + ["source_id"]
        return columns, rows

    def csv(self) -> str:
        columns, rows = self.rows()
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    def source_ids(self) -> list[str]:
        _, rows = self.rows()
        ids: list[str] = []
        for row in rows:
            for part in str(row.get("source_id") or "").split(","):
                if part.strip() and part.strip() not in ids:
                    ids.append(part.strip())
        return ids


def _flat(value: Any) -> Any:
    return json.dumps(value) if isinstance(value, (dict, list)) else value


def _data_names(spec: Any) -> list[str]:
    found: list[str] = []
    if isinstance(spec, dict):
        data = spec.get("data")
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            found.append(data["name"])
        for key, value in spec.items():
            if key != "datasets":
                found += _data_names(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _data_names(value)
    return found


def charts(page: str) -> list[Chart]:
    """The figures of a page, as `Chart`s."""
    found = []
    for m in FIGURE.finditer(page):
        spec = SPEC.search(m.group("body"))
        if spec:
            found.append(Chart(m.group("id"), json.loads(spec.group("spec")),
                               json.loads(html.unescape(m.group("static")))))
    return found


def _cache_path(spec: dict) -> Path:
    text = json.dumps(spec, sort_keys=True)
    key = hashlib.sha256(f"{_VL_CONVERT}\n{text}".encode()).hexdigest()[:24]
    return CACHE / f"{key}.svg"


def _version() -> str:
    from importlib.metadata import version

    return version("vl-convert-python")


_VL_CONVERT = _version()


def svg(spec: dict) -> str:
    """The static image of a spec, rendered offline by vl-convert (cached by the spec's hash)."""
    cached = _cache_path(spec)
    if cached.exists():
        layout.touch(cached)  # recently used: the cache's pruning keeps it
        return cached.read_text(encoding="utf-8")
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    image = vl_convert.vegalite_to_svg(spec, vl_version=vl_version_for_vl_convert())
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(image, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return image


def cached(spec: dict) -> bool:
    """Whether the static image of a spec is already in the cache."""
    return _cache_path(spec).exists()


def prerender(notebooks: list[Path]) -> int:
    """Render into the cache the static images of every figure in these executed notebooks that are not there
    yet; returns how many were rendered. The site build runs this in a process of its own while Sphinx reads
    the pages, on a core Sphinx leaves idle (`python -m aicloud.chart_assets NOTEBOOK...`)."""
    done = 0
    for path in notebooks:
        try:
            cells = json.loads(Path(path).read_bytes()).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            for out in cell.get("outputs", []):
                text = out.get("data", {}).get("text/html", "")
                text = "".join(text) if isinstance(text, list) else text
                if "aicloud-chart" not in text:
                    continue
                for chart in charts(text):
                    spec = chart.static_spec()
                    if not cached(spec):
                        svg(spec)
                        done += 1
    return done


def process(page: str, write: Callable[[str, str, str], str], link: Callable[[str], str | None]) -> str:
    """The page with each figure's static image, data and source links filled in.

    `write(name, text, mime)` stores a file and returns its URL; `link(source_id)` gives a source's URL or None."""

    def fill(m: re.Match) -> str:
        body = m.group(0)
        found = charts(body)
        if not found:
            return body
        chart = found[0]
        image_url = write(f"{chart.ident}.svg", svg(chart.static_spec()), "image/svg+xml")
        columns, rows = chart.rows()
        data_url = write(f"{chart.ident}.csv", chart.csv(), "text/csv")
        width = chart.static_spec().get("width")
        size = f' width="{int(width)}"' if isinstance(width, (int, float)) else ""
        image = (f'<img class="chart-static" src="{html.escape(image_url)}" alt="{html.escape(chart.extra["alt"])}"'
                 f'{size} loading="lazy" decoding="async">')
        ids = chart.source_ids()
        cited = (f'<details class="chart-sources"><summary>Sources of the rows drawn ({len(ids)})</summary>'
                 + ", ".join(_source_link(i, link(i)) for i in ids) + "</details>" if ids else
                 '<span class="chart-sources">The rows drawn carry no source id (the chapter computed them).</span>')
        links = (f' <span class="chart-links"><a class="chart-csv" href="{html.escape(data_url)}" '
                 f'download="{chart.name}.csv">Data (CSV, {len(rows)} rows)</a> '
                 f'<a class="chart-svg" href="{html.escape(image_url)}" download="{chart.name}.svg">'
                 f'Image (SVG)</a></span>{cited}')
        return body.replace(STATIC_MARK, image, 1).replace(LINKS_MARK, links, 1)

    return FIGURE.sub(fill, page)


def _source_link(ident: str, url: str | None) -> str:
    label = html.escape(ident)
    return f'<a href="{html.escape(url)}">{label}</a>' if url else label


def inline(page: str) -> str:
    """The page with its figures' files as data URLs (for a self-contained page)."""

    def write(name: str, text: str, mime: str) -> str:
        return f"data:{mime};base64,{base64.b64encode(text.encode()).decode()}"

    return process(page, write, lambda ident: None)


def to_folder(folder: Path, prefix: str) -> Callable[[str, str, str], str]:
    """A `write` that stores files in `folder` and links them as `prefix + name`."""

    def write(name: str, text: str, mime: str) -> str:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        return prefix + name

    return write


if __name__ == "__main__":
    import sys

    prerender([Path(p) for p in sys.argv[1:]])
