"""A standalone HTML page of one executed chapter, readable offline: the glued numbers filled into the prose,
code hidden as on the site, and Vega/Vega-Lite/Vega-Embed inlined once so every chart draws with no network."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import nbformat
from markdown_it import MarkdownIt

from aicloud import chart_assets
from aicloud.glued import glued

GLUE_ROLE = re.compile(r"\{glue(?::(?:text|md|any))?\}`(?P<key>[^`:]+)(?::(?P<fmt>[^`]*))?`")
STYLE = """body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.55;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}pre{background:#f6f6f6;
padding:.5rem;overflow:auto}.output{margin:1rem 0}.vega-embed{width:100%}
.chart-live .vega-embed{flex-direction:column}.chart-title{display:block;font-weight:600}.chart-subtitle{display:block;
color:#4a4a4a}.chart-foot{font-size:.85rem;color:#4a4a4a}.chart-static{display:none;max-width:100%;height:auto}
html:not(.js) .chart-static{display:block}html:not(.js) .chart-live,html:not(.js) .chart-head{display:none}
.chart-scroll{overflow-x:auto}.key-findings{border-left:5px solid #0072b2;padding:.5rem 1rem;background:#f5f8fb}
.verdict-badge{padding:0 .4em;border-radius:3px;font-weight:600}
@media print{.chart-live,.chart-head{display:none}.chart-static{display:block}}"""
# A glue directive on its own (```{glue:} key```), as chapters show their key findings: replaced by the output.
GLUE_BLOCK = re.compile(r"^```\{glue(?::any|:)?\}\s+(?P<key>\S+)\s*\n```\s*$", re.M)


def format_value(raw: str, fmt: str | None) -> str:
    """Format a glued text/plain value like myst-nb does: numbers with the format spec, text as is."""
    if fmt:
        try:
            return format(float(raw), fmt) if not raw.lstrip("-").isdigit() or "." in fmt or "%" in fmt \
                else format(int(raw), fmt)
        except ValueError:
            return raw
    return raw


def fill_glue(text: str, values: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        key = m.group("key").strip()
        if key not in values:
            return f"[missing value {key}]"
        return html.escape(format_value(values[key], m.group("fmt")))

    return GLUE_ROLE.sub(sub, text)


def _outputs(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "scrapbook" in out.get("metadata", {}):
            continue
        data = out.get("data", {})
        if out.get("output_type") == "stream":
            continue
        if out.get("output_type") == "error":
            parts.append(f"<pre>{html.escape(out.get('ename', ''))}: {html.escape(out.get('evalue', ''))}</pre>")
        elif "text/html" in data:
            text = data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
            parts.append(chart_assets.inline(text))  # a figure's static image and CSV, as data URLs
        elif "image/png" in data:
            parts.append(f'<img alt="figure" src="data:image/png;base64,{data["image/png"]}">')
        elif "text/plain" in data:
            parts.append(f"<pre>{html.escape(data['text/plain'])}</pre>")
    return "".join(f'<div class="output">{p}</div>' for p in parts)


def render(notebook: Path, title: str) -> str:
    from aicloud.pipeline import vega_assets

    nb = nbformat.read(str(notebook), as_version=4)
    values = glued(notebook)
    shown = _glued_html(nb)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            blocks: list[str] = []

            def keep(m: re.Match, blocks: list[str] = blocks) -> str:
                blocks.append(chart_assets.inline(shown.get(m.group("key"), "")))
                return f"\n\nAICLOUDGLUEBLOCK{len(blocks) - 1}\n\n"

            text = md.render(fill_glue(GLUE_BLOCK.sub(keep, cell.source), values))
            for i, block in enumerate(blocks):
                text = text.replace(f"<p>AICLOUDGLUEBLOCK{i}</p>", block)
            body.append(text)
        elif cell.cell_type == "code":
            body.append(_outputs(cell))
    vega = vega_assets()
    preset = vega["preset"]
    bundle = str(vega["bundle"]).replace("</script", "<\\/script")
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            "<script>document.documentElement.classList.add('js');</script>"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{STYLE}</style>"
            f"<script>(function(){{\n{bundle}\n}})();</script><script>var VEGA_DEBUG = {json.dumps(preset)};"
            f"</script></head><body>{''.join(body)}</body></html>")


def _glued_html(nb: object) -> dict[str, str]:
    """Glued values that are HTML (a key-findings box), by name."""
    found = {}
    for cell in getattr(nb, "cells", []):
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("scrapbook", {})
            data = out.get("data", {})
            key = meta.get("mime_prefix", "") + "text/html"
            if "name" in meta and key in data:
                found[meta["name"]] = data[key] if isinstance(data[key], str) else "".join(data[key])
    return found


def write_html(notebook: Path, target: Path, title: str) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(render(notebook, title), encoding="utf-8")
    os.replace(tmp, target)
