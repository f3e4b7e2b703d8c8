"""The house chart style: every chart has a finding as title, units and period as subtitle, a source line
built from the data, a text description for screen readers, and one colour per vendor across chapters."""

from __future__ import annotations

import hashlib
import json
import textwrap

import altair as alt
import pandas as _pandas


class ScriptSafeEncoder(json.JSONEncoder):
    """JSON that cannot close the <script> element it is embedded in: <, > and & are written as \\u escapes,
    so a label such as "</script><script>..." in a user's data stays text inside the chart."""

    def encode(self, o: object) -> str:
        return super().encode(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# Styled tables escape HTML from the data (see aicloud._lazy); set here too for chapters that style first.
_pandas.set_option("styler.format.escape", "html")

# The default HTML renderer with safe JSON. Vega is loaded once from the site's _static (pipeline.vendor_vega)
# and the VEGA_DEBUG preset tells Altair's loader so; base_url replaces the CDN address in the loader's
# fallback paths with a local name, so no page even names a CDN.
alt.renderers.enable("html", json_kwds={"cls": ScriptSafeEncoder}, base_url="vega-preloaded")

# One colour per organisation, kept the same in every chapter. Unknown names get a stable colour from the
# fallback palette, so a rerun with other vendors still draws consistently.
VENDOR_COLORS = {
    "Microsoft": "#00a4ef",
    "Meta": "#0668e1",
    "Google": "#34a853",
    "Alphabet": "#34a853",
    "Amazon": "#ff9900",
    "AWS": "#ff9900",
    "Oracle": "#c74634",
    "Tencent": "#1e6fff",
    "Baidu": "#2932e1",
    "Alibaba": "#ff6a00",
    "ByteDance": "#325ab4",
    "Huawei": "#cf0a2c",
    "CoreWeave": "#6b4fbb",
    "Lambda Labs": "#8e44ad",
    "Tesla": "#7f7f7f",
    "DeepSeek": "#4d6bfe",
    "NVIDIA": "#76b900",
    # Clouds and model makers by their own names, in their company's colour where it has one.
    "Alibaba Cloud": "#ff6a00",
    "Baidu AI Cloud": "#2932e1",
    "Tencent Cloud": "#1e6fff",
    "Huawei Cloud": "#cf0a2c",
    "Volcano Engine": "#325ab4",
    "Kingsoft Cloud": "#9d755d",
    "Qwen": "#ff6a00",
    "Doubao": "#325ab4",
    "OpenAI": "#10a37f",
    "Anthropic": "#d97757",
}
FALLBACK = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6",
            "#9d755d", "#bab0ac"]
REGION_COLORS = {"US": "#4c78a8", "China": "#e45756", "Other": "#bab0ac"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def color_of(name: str) -> str:
    if name in VENDOR_COLORS:
        return VENDOR_COLORS[name]
    digest = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    return FALLBACK[digest % len(FALLBACK)]


def vendor_scale(names) -> alt.Scale:
    """A colour scale for the organisations present, each in its house colour."""
    names = list(dict.fromkeys(names))
    return alt.Scale(domain=names, range=[color_of(n) for n in names])


def wrap(text: str, width: int = 95) -> list[str]:
    """Vega titles do not wrap: split long lines so they stay inside the chart."""
    return textwrap.wrap(text, width) or [""]


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str, source: str, description: str,
           width: int = 540, height: int = 300) -> alt.TopLevelMixin:
    """Give a chart its title (the finding), subtitle (units, period), source line and description."""
    if not (title and subtitle and source and description):
        raise ValueError("a chart needs a title, a subtitle with units, a source line and a description")
    sized = chart.properties(width=width, height=height) if hasattr(chart, "mark") else chart
    return (
        sized.properties(
            title=alt.TitleParams(text=textwrap.wrap(title, 70), subtitle=wrap(subtitle) + wrap(source),
                                  anchor="start",
                                  subtitleColor="#555", fontSize=15, subtitleFontSize=12),
            description=description,
        )
        .configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, gridColor="#e8e8e8")
        .configure_legend(labelFontSize=11, titleFontSize=12, orient="bottom")
    )


def slider(name: str, value: float, low: float, high: float, label: str, step: float = 0.01) -> alt.Parameter:
    """A Vega-Lite parameter bound to a range slider (works without a kernel); `label` is shown beside it."""
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=f"{label} "))


def rule(axis: str, value: float, label: str, color: str = "#888", dashed: bool = False) -> alt.Chart:
    """A reference line at `value` on the x or y axis, with `label` as its tooltip."""
    mark = alt.Chart(_pandas.DataFrame({axis: [value], "label": [label]})).mark_rule(
        color=color, strokeDash=[4, 3] if dashed else [])
    return mark.encode(**{axis: f"{axis}:Q"}, tooltip=["label:N"])
