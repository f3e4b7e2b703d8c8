"""The house chart style: every chart has a finding as title, units and period as subtitle, a source line
built from the data, a text description for screen readers, and one colour per vendor across chapters.

`finish(...)` is the one way a chapter shows a chart. It returns a `Figure`: displayed in a notebook, it is a
`<figure>` with the title and subtitle as text (so they wrap on a phone), the live chart at the column's width
(Vega-Lite `width: "container"`; a compound chart is drawn as designed where it fits and, in a narrower column,
in its narrow layout: panels one under another, shrunk to the column), the source line, and markers where
the site build (`aicloud.chart_assets`, run by the Sphinx extension `aicloud.sphinx_readers`) puts a static SVG
(shown when scripts do not run and in print), a CSV of the rows the chart draws with their source ids, and
links to those sources. Every other attribute of a `Figure` is the finished Altair chart's (`to_dict()`, ...).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import textwrap
import unicodedata
from typing import Any

import altair as alt
import pandas as _pandas


class ScriptSafeEncoder(json.JSONEncoder):
    """JSON that cannot close the <script> element it is embedded in: <, > and & are written as \\u escapes,
    so a label such as "</script><script>..." in a user's data stays text inside the chart."""

    def encode(self, o: object) -> str:
        return super().encode(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Styled tables escape HTML from the data (see aicloud._lazy); set here too for chapters that style first.
_pandas.set_option("styler.format.escape", "html")

# The default HTML renderer with safe JSON. Vega is loaded once from the site's _static (aicloud.vega.vendor_vega)
# and the VEGA_DEBUG preset tells Altair's loader so; base_url replaces the CDN address in the loader's
# fallback paths with a local name, so no page even names a CDN.
BASE_URL = "vega-preloaded"
alt.renderers.enable("html", json_kwds={"cls": ScriptSafeEncoder}, base_url=BASE_URL)

# Colours. Every categorical palette here stays distinguishable under simulated deuteranopia and protanopia
# (CIEDE2000 distance of at least 10 between any two colours; tests/test_palette.py checks it with
# `aicloud.palette`). Okabe-Ito and Paul Tol colours, chosen by that test's measure.
PALETTE = ["#0072b2", "#e69f00", "#117733", "#cc79a7", "#56b4e9", "#882255", "#ddcc77", "#332288", "#ee6677",
           "#44bb99", "#bb5566", "#99ddff", "#ffaabb", "#000000"]
# One colour per organisation, kept the same in every chapter (near its brand colour where the palette allows).
# Within one chart no two organisations share a colour: `vendor_scale` moves a clash to the next free colour.
VENDOR_COLORS = {
    "Microsoft": "#56b4e9",
    "Meta": "#0072b2",
    "Google": "#117733",
    "Amazon": "#e69f00",
    "Oracle": "#bb5566",
    "Tencent": "#332288",
    "Baidu": "#99ddff",
    "Alibaba": "#ddcc77",
    "ByteDance": "#44bb99",
    "Huawei": "#882255",
    "CoreWeave": "#ffaabb",
    "Lambda Labs": "#ee6677",
    "Tesla": "#cc79a7",
    "DeepSeek": "#cc79a7",
    "NVIDIA": "#000000",
    # Clouds and model makers by their own names: their company's colour (see ORGANISATION).
    "Kingsoft Cloud": "#ffaabb",
    "OpenAI": "#44bb99",
    "Anthropic": "#ee6677",
}
# Other names of the same organisation: drawn in its colour, and never moved apart from it in one chart.
ORGANISATION = {"Alphabet": "Google", "AWS": "Amazon", "Alibaba Cloud": "Alibaba", "Qwen": "Alibaba",
                "Baidu AI Cloud": "Baidu", "Tencent Cloud": "Tencent", "Huawei Cloud": "Huawei",
                "Volcano Engine": "ByteDance", "Doubao": "ByteDance"}
VENDOR_COLORS.update({name: VENDOR_COLORS[org] for name, org in ORGANISATION.items()})
FALLBACK = PALETTE
REGION_COLORS = {"US": "#0072b2", "China": "#d55e00", "Other": "#999999"}
# The verdict labels of aicloud.verdicts (supported ... not testable with this data), then "no verdict yet".
VERDICT_COLORS = {"supported": "#0072b2", "partly supported": "#99ddff", "contradicted": "#d55e00",
                  "not testable with public data": "#707070", "not testable with this data": "#c0c0c0",
                  "no verdict yet": "#ffffff"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Categorical schemes of Vega that fail the colour-vision test: a chart naming one gets the house palette.
UNSAFE_SCHEMES = {"tableau10", "tableau20", "category10", "category20", "category20b", "category20c", "set1",
                  "set2", "set3", "paired", "accent", "dark2", "pastel1", "pastel2"}


def color_of(name: str) -> str:
    if name in VENDOR_COLORS:
        return VENDOR_COLORS[name]
    digest = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    return FALLBACK[digest % len(FALLBACK)]


def vendor_colors(names) -> list[str]:
    """The house colour of each name; a name whose colour another name in the same chart already has (and
    that is not the same organisation's other name) gets the next palette colour not yet used."""
    names = list(dict.fromkeys(names))
    used: dict[str, str] = {}  # colour -> the first name given it
    out = []
    for name in names:
        color = color_of(name)
        if color in used and not _aliases(used[color], name):
            start = PALETTE.index(color) if color in PALETTE else 0
            free = [PALETTE[(start + i) % len(PALETTE)] for i in range(1, len(PALETTE) + 1)]
            color = next((c for c in free if c not in used), color)
        used.setdefault(color, name)
        out.append(color)
    return out


def _aliases(a: str, b: str) -> bool:
    return ORGANISATION.get(a, a) == ORGANISATION.get(b, b)


def vendor_scale(names) -> alt.Scale:
    """A colour scale for the organisations present, each in its house colour."""
    names = list(dict.fromkeys(names))
    return alt.Scale(domain=names, range=vendor_colors(names))


def text_width(text: str) -> int:
    """A label's width in Latin letters: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def short_labels(labels: Any, chars: int = 22) -> dict[str, str]:
    """Each label at most `chars` letters wide (`text_width`), cut in the middle ("SGLang PD disag…(H100)") so
    labels that share a long beginning keep what tells them apart; a label is lengthened until no two are the
    same. Vega cuts a long axis label at its end, which gives rows that differ only at the end the same text."""
    full = list(dict.fromkeys(str(x) for x in labels))
    limit = dict.fromkeys(full, chars)

    def cut(text: str) -> str:
        n = limit[text]
        if text_width(text) <= n:
            return text
        tail_room = max(4, n // 3)
        head, tail = "", ""
        for c in reversed(text):
            if text_width(tail + c) > tail_room:
                break
            tail = c + tail
        for c in text:
            if text_width(head + c) > n - text_width(tail) - 1:
                break
            head += c
        return head.rstrip() + "…" + tail.lstrip()

    while True:
        shown = {text: cut(text) for text in full}
        seen: dict[str, list[str]] = {}
        for text, short in shown.items():
            seen.setdefault(short, []).append(text)
        clashes = [text for group in seen.values() if len(group) > 1 for text in group if shown[text] != text]
        if not clashes:
            return shown
        for text in clashes:
            limit[text] += 2


def shorten_axis_labels(spec: dict) -> dict:
    """The spec with each long label of a nominal x or y axis shown cut in the middle (`short_labels`, so no two
    rows read the same), through the axis's `labelExpr`: the data, tooltips and CSV keep the whole label. Runs on
    the spec as drawn, so a Chinese chart's labels are cut after they are translated."""
    datasets = spec.get("datasets", {})

    def values(field: str) -> list[str]:
        return [str(r[field]) for rows in datasets.values() for r in rows if isinstance(r, dict) and r.get(field)]

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        out = {k: (v if k == "datasets" else walk(v)) for k, v in node.items()}
        encoding = out.get("encoding")
        for channel in ("x", "y"):
            enc = encoding.get(channel) if isinstance(encoding, dict) else None
            if not (isinstance(enc, dict) and enc.get("type") == "nominal" and isinstance(enc.get("field"), str)):
                continue
            axis = enc.get("axis", {})
            if axis is None or "labelExpr" in axis:   # no axis, or one that already says how to label
                continue
            changed = {k: v for k, v in short_labels(values(enc["field"])).items() if k != v}
            if changed:
                lookup = json.dumps(changed, ensure_ascii=False, sort_keys=True)
                enc["axis"] = {**axis, "labelExpr": f"({lookup})[datum.value] || datum.label"}
        return out

    return walk(spec)


def wrap(text: str, width: int = 95) -> list[str]:
    """Vega titles do not wrap: split long lines so they stay inside the chart."""
    return textwrap.wrap(text, width) or [""]


# --- the finished figure -------------------------------------------------------------------------------------

EMBED_OPTIONS = {"actions": False}  # no unnamed menu, no editor link: the figure offers its CSV and SVG itself
# How a figure displays. The site build (aicloud.pipeline) runs its kernels with AICLOUD_CHARTS=site: the site's
# HTML figure, whose script finds the Vega the site preloads. Anywhere else (JupyterLab, Notebook 7, VS Code, the
# course pack's runner) no Vega is preloaded, so a figure is the Vega-Lite spec the notebook app draws itself.
MODE_ENV, SITE_MODE = "AICLOUD_CHARTS", "site"
NOTEBOOK_MIME = "application/vnd.vegalite.v5+json"
NOTEBOOK_EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}}
STATIC_MARK = "<!--aicloud-static-->"   # where the site build puts the static image
LINKS_MARK = "<!--aicloud-links-->"     # ... and the data, image and source links
COMPOUND = ("hconcat", "vconcat", "concat", "facet", "repeat")
LEGEND_LAYOUT = {"layout": {"bottom": {"direction": "vertical", "anchor": "start"}}, "columns": 1}
LEGEND_FIT = {"columns": {"expr": "max(1, floor(width / 190))"}, "labelLimit": {"expr": "max(80, width - 90)"}}


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str, source: str, description: str,
           width: int = 540, height: int = 300) -> Figure:
    """Give a chart its title (the finding), subtitle (units, period), source line and description.

    `width` is the static image's width (and a compound chart's); on the page a single or layered chart takes
    the column's width."""
    if not (title and subtitle and source and description):
        raise ValueError("a chart needs a title, a subtitle with units, a source line and a description")
    sized = chart.properties(width=width, height=height) if hasattr(chart, "mark") else chart
    finished = (
        sized.properties(
            title=alt.TitleParams(text=textwrap.wrap(title, 70), subtitle=wrap(subtitle) + wrap(source),
                                  anchor="start",
                                  subtitleColor="#555", fontSize=15, subtitleFontSize=12),
            description=description,
        )
        .configure(font=FONT)
        .configure_range(category=PALETTE)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, gridColor="#e8e8e8")
        .configure_legend(labelFontSize=11, titleFontSize=12, orient="bottom")
    )
    return Figure(finished, title=title, subtitle=subtitle, source=source, description=description, width=width)


class Figure:
    """A finished chart as the report shows it (see the module's docstring). Attributes other than these are
    the Altair chart's, so `figure.to_dict()` and `figure.save(...)` work as on the chart."""

    def __init__(self, chart: alt.TopLevelMixin, *, title: str, subtitle: str, source: str, description: str,
                 width: int) -> None:
        self.chart, self.title, self.subtitle, self.source = chart, title, subtitle, source
        self.description, self.width = description, width

    def __getattr__(self, name: str) -> Any:
        if name == "chart":  # not yet set (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.chart, name)

    def specs(self) -> tuple[dict, dict]:
        """(live, static): the spec drawn in the page and the one the static image is rendered from."""
        static = safe_colors(self.chart.to_dict())
        compound = any(k in static for k in COMPOUND)
        legend = static.setdefault("config", {}).setdefault("legend", {})
        # Several legends go one under another, and their entries wrap into as many columns as the width
        # allows (a compound chart has no single width to read: one column), so no legend runs off a phone.
        legend.update(LEGEND_LAYOUT if compound else {**LEGEND_LAYOUT, **LEGEND_FIT})
        for kind in ("axisQuantitative", "axisTemporal"):  # on a narrow plot, drop tick labels rather than overprint
            static["config"].setdefault(kind, {}).setdefault("labelOverlap", "greedy")
        # the end labels of a horizontal axis sit inside the plot, and a label that would still pass its end
        # (a month tick near the edge) is left out, not cut at the chart's edge
        static["config"].setdefault("axisX", {}).setdefault("labelFlush", True)
        static["config"]["axisX"].setdefault("labelBound", True)
        if not compound:  # an axis title longer than the plot is cut short with an ellipsis, not clipped
            static["config"].setdefault("axisX", {}).setdefault("titleLimit", {"expr": "width"})
            static["config"].setdefault("axisY", {}).setdefault("titleLimit", {"expr": "height"})
        static = shorten_axis_labels(static)
        live = {k: v for k, v in static.items() if k != "title"}
        if not compound:
            live["width"] = "container"
            live["autosize"] = {"type": "fit-x", "contains": "padding"}
            for layer in live.get("layer", []):
                layer.pop("width", None)
        return live, static

    def html(self) -> str:
        live, static = self.specs()
        text = json.dumps(live, sort_keys=True, cls=ScriptSafeEncoder)
        ident = hashlib.sha256(text.encode()).hexdigest()[:16]
        compound = any(k in live for k in COMPOUND)
        if compound:
            embed = fitted_embed(live, ident)
        else:
            from altair.utils.html import spec_to_html

            embed = spec_to_html(live, mode="vega-lite", vega_version=alt.VEGA_VERSION,
                                 vegaembed_version=alt.VEGAEMBED_VERSION, vegalite_version=alt.VEGALITE_VERSION,
                                 base_url=BASE_URL, output_div=f"altair-viz-{ident}", embed_options=EMBED_OPTIONS,
                                 json_kwds={"cls": ScriptSafeEncoder}, fullhtml=False, template="universal")
        # A compound chart's box is a focusable region: if even its narrow layout overflows, it scrolls.
        scroll = f' tabindex="0" role="region" {CHART_LABEL}{_attr(self.title)}"' if compound else ""
        extra = {"title": static.get("title"), "width": static.get("width", self.width),
                 "alt": f"{self.title}. {self.description}"}
        return (f'<figure class="aicloud-chart" id="figure-{ident}" data-chart="{ident}" '
                f'data-static="{_attr(json.dumps(extra, sort_keys=True, cls=ScriptSafeEncoder))}">'
                f'<figcaption class="chart-head"><span class="chart-title">{html.escape(self.title)}</span> '
                f'<span class="chart-subtitle">{html.escape(self.subtitle)}</span></figcaption>'
                f'<div class="chart-live{" chart-scroll" if compound else ""}"{scroll}>{embed}</div>'
                f"{STATIC_MARK}"
                f'<p class="chart-foot"><span class="chart-source">{html.escape(self.source)}</span>{LINKS_MARK}</p>'
                "</figure>")

    def notebook_bundle(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(data, metadata) for JupyterLab, Notebook 7 and VS Code: the finished spec (title, subtitle with the
        source line, fixed width) under the Vega-Lite 5 mimetype, which their bundled Vega draws with no network.

        Altair 6 names its own mimetype `application/vnd.vegalite.v6.json`, which none of them draws yet
        (JupyterLab 4.6 registers Vega-Lite 3 to 5 only); the spec's Vega-Lite 6 features used here draw with
        Vega-Lite 5 (each chart of every chapter is drawn in JupyterLab 4.6 by tests/test_classroom.py).
        No `text/html`: JupyterLab ranks HTML above Vega-Lite and would show the site's figure, whose script
        needs the Vega the site preloads."""
        _live, static = self.specs()
        return ({NOTEBOOK_MIME: static, "text/plain": f"<Figure: {self.title}>"},
                {NOTEBOOK_MIME: {"embed_options": NOTEBOOK_EMBED_OPTIONS}})

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        if os.environ.get(MODE_ENV) == SITE_MODE:
            return {"text/html": self.html(), "text/plain": f"<Figure: {self.title}>"}
        return self.notebook_bundle()


CHART_LABEL = 'aria-label="Chart: '          # a compound chart's region, named for screen readers
DRAW_ERROR = "The chart could not be drawn: "  # shown in place of a compound chart Vega could not draw
NARROW_WIDTH = 300  # a panel's width in a compound chart's narrow layout, before it shrinks to the column
NARROW_LABELS = 160  # the longest axis label there, in pixels (longer ones end in an ellipsis; tooltips show all)


def narrow_layout(spec: Any) -> Any:
    """A compound chart's layout for a narrow column: side-by-side panels (hconcat, facet columns, wrapped facets
    and concats) one under another, each panel at most NARROW_WIDTH wide, axis labels at most NARROW_LABELS.
    Vega-Lite cannot size a compound chart to its container, so the page draws this one when the designed
    layout does not fit (see `fitted_embed`)."""
    out = _narrow(spec)
    config = out.setdefault("config", {})
    config["axisY"] = {**config.get("axisY", {}), "labelLimit": NARROW_LABELS}
    config["axisX"] = {**config.get("axisX", {}), "titleLimit": NARROW_WIDTH}
    config["legend"] = {**config.get("legend", {}), "labelLimit": NARROW_WIDTH - 60}
    return out


def _narrow(spec: Any) -> Any:
    if isinstance(spec, list):
        return [_narrow(v) for v in spec]
    if not isinstance(spec, dict):
        return spec
    out = {("vconcat" if k == "hconcat" else k): (v if k in ("datasets", "config") else _narrow(v))
           for k, v in spec.items()}
    if "spec" in out and isinstance(out.get("facet"), dict):  # a facet view (not the facet encoding channel)
        facet = out["facet"]
        if "column" in facet and "row" not in facet:
            out["facet"] = {("row" if k == "column" else k): v for k, v in facet.items()}
    if "columns" in out and any(k in out for k in ("concat", "facet", "repeat")):
        out["columns"] = 1
    width = out.get("width")
    if ("mark" in out or "layer" in out) and isinstance(width, (int, float)) and width > NARROW_WIDTH:
        out["width"] = NARROW_WIDTH
    if isinstance(out.get("labelLimit"), (int, float)) and out["labelLimit"] > NARROW_LABELS:  # an axis's own
        out["labelLimit"] = NARROW_LABELS
    return out


# Draws the designed layout; where it overflows the column, the narrow layout; where that still overflows, the
# narrow layout with every panel narrower by the overflow. Redrawn when the column's width changes. The last line
# keeps the form of Altair's embedding script, `})(SPEC, OPTIONS);`, which `aicloud.chart_assets` reads.
FIT_SCRIPT = """<div id="%(div)s"></div>
<script type="application/json" id="%(div)s-narrow">%(narrow)s</script>
<script type="text/javascript">
  (function(spec, embedOpt){
    const div = document.getElementById("%(div)s");
    const narrow = Object.assign(JSON.parse(document.getElementById("%(div)s-narrow").textContent),
                                 {datasets: spec.datasets});
    const width = () => { const m = div.querySelector(".marks"); return m ? m.getBoundingClientRect().width : 0; };
    function shrink(s, by) {   // every panel narrower by `by` pixels (not below 100), axis titles with it
      let least = Infinity;
      const out = JSON.parse(JSON.stringify(s), function (k, v) {
        if (k !== "width" || typeof v !== "number" || !("mark" in this || "layer" in this)) return v;
        const w = Math.max(100, Math.floor(v - by));
        least = Math.min(least, w);
        return w;
      });
      out.config.axisX = Object.assign({}, out.config.axisX, {titleLimit: least});
      return out;
    }
    let drawnFor = -1;
    async function draw() {
      const room = div.clientWidth;
      if (room === drawnFor || typeof vegaEmbed !== "function") return;
      drawnFor = room;
      await vegaEmbed(div, spec, embedOpt);
      if (width() <= room + 1) return;
      let drawn = narrow;
      await vegaEmbed(div, drawn, embedOpt);
      for (let pass = 0; pass < 3 && width() > room + 1; pass++) {   // labels and legends shrink less than panels
        const next = shrink(drawn, width() - room);
        if (JSON.stringify(next) === JSON.stringify(drawn)) break;
        await vegaEmbed(div, drawn = next, embedOpt);
      }
    }
    let timer;
    window.addEventListener("resize", () => { clearTimeout(timer); timer = setTimeout(draw, 250); });
    draw().catch(err => { div.textContent = %(error)s + err.message; });
  })(%(spec)s, %(opts)s);
</script>"""


def fitted_embed(live: dict, ident: str) -> str:
    """The markup that draws a compound chart in the layout that fits its column (see FIT_SCRIPT)."""
    def js(value: Any) -> str:
        return json.dumps(value, sort_keys=True, cls=ScriptSafeEncoder)

    narrow = {k: v for k, v in narrow_layout(live).items() if k != "datasets"}
    return FIT_SCRIPT % {"div": f"altair-viz-{ident}", "narrow": js(narrow), "spec": js(live),
                         "opts": js({**EMBED_OPTIONS, "mode": "vega-lite"}), "error": js(DRAW_ERROR)}


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def safe_colors(spec: Any) -> Any:
    """The spec with every colour-vision-unsafe categorical scheme replaced by the house palette."""
    if isinstance(spec, dict):
        out = {k: safe_colors(v) for k, v in spec.items()}
        scheme = out.get("scheme")
        if isinstance(scheme, str) and scheme.lower() in UNSAFE_SCHEMES:
            out.pop("scheme")
            out["range"] = PALETTE
        return out
    if isinstance(spec, list):
        return [safe_colors(v) for v in spec]
    return spec


# --- a slider that visibly moves a total ---------------------------------------------------------------------

def live_total(chart: alt.Chart, field: str, *, label: str, fmt: str = ",.1f", unit: str = "") -> alt.LayerChart:
    """The chart with a line of text above its marks stating the sum of `field` over the rows it draws,
    recomputed in the page when a slider changes `field` (a `transform_calculate` that reads the slider).

    `label` starts the text ("Total at this price: "), `unit` ends it (" USD bn"). Give the chart a fixed axis
    (`fixed_scale`) too, or the axis rescales with the slider and the bars keep their length."""
    total = _copy_without(chart, "params", "encoding", "mark", "title", "width", "height")
    total = total.transform_aggregate(aicloud_total=f"sum({field})").transform_calculate(
        aicloud_label=f"{json.dumps(label)} + format(datum.aicloud_total, {json.dumps(fmt)}) + {json.dumps(unit)}"
    ).mark_text(align="right", baseline="bottom", fontWeight="bold", fontSize=13).encode(
        x=alt.value(alt.ExprRef("width")), y=alt.value(-4), text="aicloud_label:N")
    return alt.layer(chart, total)


def fixed_scale(upper: float, lower: float = 0.0) -> alt.Scale:
    """An axis that does not rescale when a slider moves (so a bar visibly grows or shrinks)."""
    return alt.Scale(domain=[lower, upper], nice=False, clamp=True)


def _copy_without(chart: alt.Chart, *names: str) -> alt.Chart:
    copy = chart.copy(deep=True)
    for name in names:
        setattr(copy, name, alt.Undefined)
    return copy


def slug(text: str) -> str:
    """A file name made from a chart title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def slider(name: str, value: float, low: float, high: float, label: str, step: float = 0.01) -> alt.Parameter:
    """A Vega-Lite parameter bound to a range slider (works without a kernel); `label` is shown beside it."""
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=f"{label} "))


def rule(axis: str, value: float, label: str, color: str = "#888", dashed: bool = False) -> alt.Chart:
    """A reference line at `value` on the x or y axis, with `label` as its tooltip."""
    mark = alt.Chart(_pandas.DataFrame({axis: [value], "label": [label]})).mark_rule(
        color=color, strokeDash=[4, 3] if dashed else [])
    return mark.encode(**{axis: f"{axis}:Q"}, tooltip=["label:N"])
