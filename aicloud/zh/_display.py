"""Translating what chart and table code shows: a Vega-Lite spec, and the HTML of a table.

Both walk the output and pass each reader-facing string through `aicloud.i18n.display`, consistently: a
category is translated in the data, in the scale's domain and in filter expressions alike, so the chart keeps
working. Field names (the keys of data rows and `field` properties) are never touched; a field shown without a
title gets the Chinese of its name as title.
"""

from __future__ import annotations

import html
import re
from typing import Any

from aicloud.i18n import display

ENCODINGS = ("x", "y", "x2", "y2", "color", "fill", "stroke", "shape", "size", "opacity", "row", "column",
             "facet", "theta", "radius", "strokeDash")
EXPRESSIONS = ("filter", "calculate", "expr", "test", "labelExpr")
TIME_FORMATS = {"%d %b %Y": "%Y年%-m月%-d日", "%b %d, %Y": "%Y年%-m月%-d日", "%b %Y": "%Y年%-m月",
                "%B %Y": "%Y年%-m月", "%d %B %Y": "%Y年%-m月%-d日", "%b": "%-m月", "%B": "%-m月"}
# Vega-Lite's own words, which can sit where a label could.
VEGA_WORDS = {"ascending", "descending", "independent", "shared", "linear", "log", "pow", "sqrt", "symlog", "time",
              "utc", "point", "band", "ordinal", "nominal", "quantitative", "temporal", "top", "bottom", "left",
              "right", "middle", "start", "end", "none", "null", "unaggregated", "container"}
# A string literal, read left to right so that a literal without letters (' (') is consumed as one too: otherwise
# the text between two literals (' + datum.tier + ') would be taken for one.
QUOTED = re.compile(r"""(?P<q>['"])(?P<text>(?:(?!(?P=q)).)*)(?P=q)""")


def spec(node: Any, where: str = "chart") -> Any:
    """A translated copy of a Vega-Lite spec (dict) for the Chinese edition. The top-level title and
    description were translated whole before they were wrapped into lines (`aicloud.zh.charts.finish`)."""
    kept = {k: node[k] for k in ("title", "description") if isinstance(node, dict) and k in node}
    out = _walk({k: v for k, v in node.items() if k not in kept} if kept else node, None, where)
    return {**out, **kept} if kept else out


def _walk(node: Any, key: str | None, where: str) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in ("field", "as", "groupby", "fields", "type", "aggregate", "op", "bin", "timeUnit", "$schema",
                     "mark", "input", "orient", "anchor", "align", "baseline", "format_type", "formatType"):
                out[k] = v
            elif k == "datasets":
                out[k] = {name: [_row(r, where) for r in rows] for name, rows in v.items()}
            elif k == "data" and isinstance(v, dict) and "values" in v:
                out[k] = {**v, "values": [_row(r, where) for r in v["values"]]}
            elif k in EXPRESSIONS and isinstance(v, str):
                out[k] = _expression(v, where)
            elif k == "format" and isinstance(v, str):
                out[k] = TIME_FORMATS.get(v, v)
            elif k == "name" and key == "bind":
                out[k] = display(v, where)
            else:
                out[k] = _walk(v, k, where)
        if key in ENCODINGS or key == "tooltip" or key == "_tooltip_item":
            _default_title(out, where)
        return out
    if isinstance(node, list):
        if key == "tooltip":
            return [_walk(item, "_tooltip_item", where) for item in node]
        return [_walk(item, key, where) for item in node]
    if isinstance(node, str):
        if key in ("title", "text", "subtitle", "description", "value", "datum", "equal", "oneOf",
                   "_tooltip_item", "domain", "sort") and node not in VEGA_WORDS:
            return display(node, where)
        return node
    return node


def _default_title(field_def: dict, where: str) -> None:
    """A shown field with no title of its own is titled with the Chinese of its name."""
    if "aggregate" in field_def and "field" not in field_def and "title" not in field_def:
        field_def["title"] = display("Count of Records", where)
    if "field" in field_def and "title" not in field_def and isinstance(field_def["field"], str):
        chinese = display(field_def["field"].replace("_", " "), where)
        if chinese != field_def["field"].replace("_", " "):
            field_def["title"] = chinese


def _row(row: Any, where: str) -> Any:
    if not isinstance(row, dict):
        return row
    return {k: display(v, where) if isinstance(v, str) and not _is_date(v) else v for k, v in row.items()}


def _is_date(text: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$", text))


def _expression(expr: str, where: str) -> str:
    """Quoted category names inside a Vega expression, translated like the data they are compared with."""
    def one(m: re.Match) -> str:
        if not re.search("[A-Za-z]", m["text"]):
            return m.group()
        return m["q"] + str(display(m["text"], where)) + m["q"]
    return QUOTED.sub(one, expr)


# --- HTML of tables ------------------------------------------------------------------------------------------

TAG = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]+>)", re.S | re.I)


def html_text(markup: str, where: str = "table") -> str:
    """The HTML with every text node translated (entities decoded for the lookup and encoded again); scripts,
    styles and attributes are left alone."""
    parts = TAG.split(markup)
    for i in range(0, len(parts), 2):     # even parts are text between tags
        text = parts[i]
        if text.strip() and re.search("[A-Za-z]", text):
            plain = html.unescape(text)
            translated = display(plain, where)
            if translated != plain:
                parts[i] = html.escape(translated, quote=False)
    return "".join(parts)
