"""A standalone HTML page of one executed chapter, readable offline: the prose rendered from MyST as the site
renders it (glued numbers filled in, terms, exercises, solutions in closed dropdowns), code hidden as on the site,
and Vega/Vega-Lite/Vega-Embed inlined once so every chart draws with no network.

Data labels are text: a glued value is inserted after the Markdown is parsed, escaped as HTML, so a buyer named
`![x](https://...)` or `<script>` shows as those characters and never becomes an image, a link or markup.
Raw HTML written in the prose is shown as text too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import nbformat
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from aicloud import chart_assets
from aicloud.glued import glued
from aicloud.layout import atomic_write

GLUE_ROLE = re.compile(r"\{glue(?::(?:text|md|any))?\}`(?P<key>[^`:]+)(?::(?P<fmt>[^`]*))?`")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
ADMONITIONS = {"note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "error", "seealso",
               "admonition"}
REMOVED_TAGS = {"remove-cell", "remove-output"}
STYLE = """body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;line-height:1.55;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}pre{background:#f6f6f6;
padding:.5rem;overflow:auto}.output{margin:1rem 0}.vega-embed{width:100%}.admonition{border-left:4px solid #4a7fb5;
background:#f5f8fc;padding:.2rem 1rem;margin:1rem 0}.admonition-title{font-weight:600}details.solution{
border:1px solid #ccd;border-radius:4px;padding:.3rem 1rem;margin:1rem 0}details.solution>summary{cursor:pointer;
font-weight:600}.term{border-bottom:1px dotted #666}
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
    """`text` with every glue role replaced by its value, HTML-escaped (for reading prose as text, in tests)."""
    def sub(m: re.Match) -> str:
        key = m.group("key").strip()
        if key not in values:
            return f"[missing value {key}]"
        return html.escape(format_value(values[key], m.group("fmt")))

    return GLUE_ROLE.sub(sub, text)


# --- MyST, as the site renders it --------------------------------------------------------------------------

def _role(self: Any, tokens: list, idx: int, options: dict, env: dict) -> str:
    token = tokens[idx]
    name, content = token.meta.get("name", ""), token.content
    if name.startswith("glue"):
        key, _, fmt = content.partition(":")
        value = env["values"].get(key.strip())
        return html.escape(f"[missing value {key.strip()}]" if value is None else format_value(value, fmt or None))
    if name == "zhnum":   # a glued number the Chinese way (Chinese pages; see aicloud.sphinx_i18n)
        from aicloud.i18n import zh_number

        key, _, unit = content.rpartition(":")
        value = env["values"].get(key.strip())
        try:
            return html.escape(zh_number(float(str(value).strip("'\"")), unit.strip()))
        except (TypeError, ValueError):
            return html.escape(f"[missing value {key.strip()}]")
    label = re.match(r"^(?P<text>.*?)\s*<(?P<target>[^<>]*)>$", content, flags=re.S)
    text = label.group("text") if label else content
    if name == "term":
        return f'<span class="term">{html.escape(text)}</span>'
    if name.startswith("cite"):
        return f"[{html.escape(content)}]"
    return html.escape(text)  # doc, ref, numref, abbr, download: their text


def _split_options(content: str) -> tuple[dict[str, str], str]:
    options: dict[str, str] = {}
    lines = content.splitlines()
    while lines and OPTION.match(lines[0]):
        m = OPTION.match(lines[0])
        assert m
        options[m.group("key")] = m.group("value")
        lines.pop(0)
    return options, "\n".join(lines)


def _directive(self: Any, tokens: list, idx: int, options: dict, env: dict) -> str:
    token = tokens[idx]
    info = token.info.strip()
    m = re.match(r"^\{(?P<name>[\w:-]+)\}\s*(?P<arg>.*)$", info)
    if not m:  # an ordinary code block
        return f"<pre><code>{html.escape(token.content)}</code></pre>"
    name, arg = m.group("name"), m.group("arg").strip()
    opts, body = _split_options(token.content)
    inner = env["md"].render(body, env) if body.strip() else ""
    exercises: dict[str, int] = env["exercises"]
    if name in ("exercise-start", "exercise"):
        exercises[opts.get("label", f"#{len(exercises) + 1}")] = number = len(exercises) + 1
        title = f"Exercise {number}" + (f" ({html.escape(arg)})" if arg else "")
        anchor = f' id="{html.escape(opts["label"])}"' if "label" in opts else ""
        close = "</div>" if name == "exercise" else ""
        return f'<div class="admonition exercise"{anchor}><p class="admonition-title">{title}</p>{inner}{close}'
    if name in ("solution-start", "solution"):
        # Closed, as on the site: the reader opens a solution after trying the exercise.
        target = f" to Exercise {exercises[arg]}" if arg in exercises else ""
        close = "</details>" if name == "solution" else ""
        return f'<details class="solution"><summary>Solution{target}</summary>{inner}{close}'
    if name == "exercise-end":
        return "</div>"
    if name == "solution-end":
        return "</details>"
    if name in ADMONITIONS:
        title = html.escape(arg) if name == "admonition" else name.capitalize()
        return f'<div class="admonition {name}"><p class="admonition-title">{title}</p>{inner}</div>'
    if name == "dropdown":
        return f'<details class="solution"><summary>{html.escape(arg)}</summary>{inner}</details>'
    if name in ("code-cell", "bibliography", "tableofcontents", "glossary", "toctree"):
        return ""  # code is hidden as on the site; the other lists live on their own pages of the site
    return f'<div class="{html.escape(name)}">{inner}</div>'


def markdown() -> MarkdownIt:
    """CommonMark with tables and MyST's roles, directives (``` and :::), targets and comments; raw HTML off."""
    md = (MarkdownIt("commonmark", {"html": False}).enable("table").use(myst_role_plugin).use(myst_block_plugin)
          .use(colon_fence_plugin))
    md.add_render_rule("myst_role", _role)
    md.add_render_rule("fence", _directive)
    md.add_render_rule("colon_fence", _directive)
    md.add_render_rule("myst_target", lambda self, tokens, idx, o, env:
                       f'<span id="{html.escape(tokens[idx].content)}"></span>')
    md.add_render_rule("myst_line_comment", lambda *a: "")
    md.add_render_rule("myst_block_break", lambda *a: "")
    return md


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
    from aicloud.vega import vega_assets

    nb = nbformat.read(str(notebook), as_version=4)
    md = markdown()
    env: dict[str, Any] = {"values": glued(notebook), "exercises": {}, "md": md}
    shown = _glued_html(nb)
    body = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            blocks: list[str] = []

            def keep(m: re.Match, blocks: list[str] = blocks) -> str:
                blocks.append(chart_assets.inline(shown.get(m.group("key"), "")))
                return f"\n\nAICLOUDGLUEBLOCK{len(blocks) - 1}\n\n"

            text = md.render(GLUE_BLOCK.sub(keep, cell.source), env)
            for i, block in enumerate(blocks):   # a glued HTML block (key findings) in place of its directive
                text = text.replace(f"<p>AICLOUDGLUEBLOCK{i}</p>", block)
            body.append(text)
        elif cell.cell_type == "code" and not REMOVED_TAGS & set(cell.metadata.get("tags", [])):
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
    atomic_write(target, render(notebook, title))
