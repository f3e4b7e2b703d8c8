"""The MaaS price-war chapter's charts, drawn from the frames and titles `aicloud.analysis.maas_price_war`
returns (the titles state findings made from the same numbers as the text). House style from `aicloud.charts`."""

from __future__ import annotations

import html
from typing import Any

import altair as alt
import pandas as pd

from aicloud import charts


def cuts(long: pd.DataFrame, title: str, source: str, floor: float, period: str) -> alt.TopLevelMixin:
    """Dot plot of input list prices before and after the war on a log axis; free tiers at a dashed floor."""
    order = long.sort_values(["vendor", "price"], ascending=[True, False])["label"].drop_duplicates().tolist()
    scale = alt.Scale(type="log", domainMin=floor / 2)
    base = alt.Chart(long).encode(
        y=alt.Y("label:N", sort=order, title=None),
        tooltip=[alt.Tooltip("vendor:N"), alt.Tooltip("model:N"), alt.Tooltip("when:N"),
                 alt.Tooltip("price_text:N", title="input, RMB per million tokens"),
                 alt.Tooltip("date:T", format="%d %b %Y"), alt.Tooltip("input_cut:Q", format=".1%", title="input cut"),
                 alt.Tooltip("source_id:N", title="source")])
    links = base.mark_line(color="#999", strokeWidth=1.5).encode(x=alt.X("plotted:Q", scale=scale), detail="label:N")
    shapes = ["before", "after", "launched in the war", "cut announced, earlier price not found",
              "earlier price not found", "free (drawn at the floor)"]
    dots = base.mark_point(size=90, filled=True, opacity=1).encode(
        x=alt.X("plotted:Q", scale=scale,
                title=f"Input list price, RMB per million tokens (log scale; free drawn at {floor:g})"),
        color=alt.Color("vendor:N", scale=charts.vendor_scale(sorted(long["vendor"].unique())), title="Vendor"),
        shape=alt.Shape("shown_as:N", title="Price", scale=alt.Scale(
            domain=shapes, range=["circle", "diamond", "triangle-up", "triangle-down", "square", "cross"])))
    floor_rule = alt.Chart(pd.DataFrame({"x": [floor]})).mark_rule(strokeDash=[2, 2], color="#555").encode(
        x=alt.X("x:Q", scale=scale))
    return charts.finish(
        alt.layer(links, dots, floor_rule).properties(width=560, height=max(260, 20 * len(order))), title=title,
        subtitle=(f"Input list price per model before and after the price war, RMB per million tokens, {period}; "
                  "crosses at the dashed floor are free tiers"),
        source=source,
        description=("Dot plot on a logarithmic price axis: for each model a circle at the price before the price "
                     "war and a diamond at the price after, joined by a line; models seen only after the war are "
                     "triangles (launched during it, or cut by an announcement whose earlier price was not found) "
                     "or squares (earlier price not found); free tiers are crosses at a dashed floor."))


def moves(shown: pd.DataFrame, title: str, source: str, period: str) -> alt.TopLevelMixin:
    """Timeline of the war's launches and cuts, one row per vendor; hollow marks are approximate dates."""
    span = pd.to_timedelta([-1, 6 + (shown["date"].max() - shown["date"].min()).days // 3], unit="D")
    domain = [(shown["date"].min() + span[0]).isoformat(), (shown["date"].max() + span[1]).isoformat()]
    enc = dict(
        x=alt.X("date:T", title="Date of the move", axis=alt.Axis(format="%d %b %Y"), scale=alt.Scale(domain=domain)),
        y=alt.Y("vendor:N", sort=alt.EncodingSortField("date", op="min"), title=None),
        color=alt.Color("vendor:N", scale=charts.vendor_scale(shown["vendor"]), legend=None),
        shape=alt.Shape("action:N", title="Move", legend=alt.Legend(symbolFillColor="#555", symbolStrokeColor="#555")),
        tooltip=[alt.Tooltip("date:T", format="%d %b %Y"), "dating:N", "vendor:N", "model:N", "action:N",
                 alt.Tooltip("price_text:N", title="input after, RMB per million"), "counted:N",
                 alt.Tooltip("claim_text:N", title="claimed cut"), "what:N",
                 alt.Tooltip("source_id:N", title="source")])
    marks = alt.layer(
        alt.Chart(shown).transform_filter(alt.datum.dating == "dated source").mark_point(
            size=220, filled=True, opacity=1).encode(**enc),
        alt.Chart(shown).transform_filter(alt.datum.dating != "dated source").mark_point(
            size=220, filled=False, strokeWidth=2, opacity=1).encode(**enc))
    # A mark's label names its first model and how many more (all are in the tooltip); marks in the right half
    # of the time axis are labelled on their left, so no label runs past the chart's edge.
    models = shown["model"].fillna("").astype(str).str.split("; ")
    middle = pd.Timestamp(domain[0]) + (pd.Timestamp(domain[1]) - pd.Timestamp(domain[0])) / 2
    labelled = shown.assign(label=[m[0] + (f" (+{len(m) - 1})" if len(m) > 1 else "") for m in models])
    late = labelled["date"] > middle
    y_vendor = alt.Y("vendor:N", sort=alt.EncodingSortField("date", op="min"))
    labels = [alt.Chart(part).mark_text(align=align, dx=12 if align == "left" else -12, fontSize=11, limit=170)
              .encode(x="date:T", y=y_vendor, text="label:N")
              for part, align in ((labelled[~late], "left"), (labelled[late], "right")) if len(part)]
    return charts.finish(
        alt.layer(marks, *labels).properties(width=560, height=max(160, 40 * shown["vendor"].nunique())), title=title,
        subtitle=f"Launches and cuts of LLM API prices, {period}; hollow marks: dates from general reporting, "
                 "not a dated source",
        source=source,
        description=("Timeline with one row per vendor and a mark on the date of each launch, cut or move to free; "
                     "hollow marks are approximate dates. Hover for the price after the move and the source."))


def trend(plot: pd.DataFrame, title: str, source: str, floor: float, input_weight: float,
          period: str) -> alt.TopLevelMixin:
    """Each model's blended list price over time on a log axis; free tiers as crosses at a floor."""
    yscale = alt.Scale(type="log", domainMin=floor / 2)
    colours = charts.vendor_scale(sorted(plot["vendor"].unique()))
    lines = alt.Chart(plot).mark_line(opacity=0.6).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("plotted:Q", scale=yscale),
        color=alt.Color("vendor:N", scale=colours, title="Vendor"), detail="group:N")
    dots = alt.Chart(plot).mark_point(filled=True, size=55).encode(
        x="date:T", y=alt.Y("plotted:Q", scale=yscale, title=f"Blended list price, RMB per million tokens (log "
                                                            f"scale; free drawn at {floor:g})"),
        color=alt.Color("vendor:N", scale=colours),
        shape=alt.Shape("shown_as:N", title="Price", scale=alt.Scale(domain=["list price", "free (drawn at the floor)"],
                                                                      range=["circle", "cross"])),
        tooltip=["vendor:N", "model:N", alt.Tooltip("date:T", format="%d %b %Y"), "date_basis:N",
                 alt.Tooltip("price_text:N", title="blended, RMB per million"),
                 alt.Tooltip("source_id:N", title="source")])
    return charts.finish(
        alt.layer(lines, dots).properties(width=620, height=340), title=title,
        subtitle=(f"Blended list price ({input_weight:.0%} input, {1 - input_weight:.0%} output), RMB per million "
                  f"tokens, {period}; one line per model"),
        source=source,
        description=("Lines of each model's blended list price over time on a logarithmic axis, coloured by vendor; "
                     "free tiers are crosses at a floor. The fitted common rate of decline is in the title."))


def compare(frame: pd.DataFrame, title: str, source: str, confidence: float) -> alt.TopLevelMixin:
    """Published yearly fall factors beside this chapter's fitted rate and interval."""
    frame = frame.assign(decline_low=1 - 1 / frame["low"], decline_high=1 - 1 / frame["high"])
    xscale = alt.Scale(type="log")
    colours = charts.vendor_scale(frame["publisher"])
    y = alt.Y("label:N", sort=alt.EncodingSortField("point", order="descending"), title=None,   # labels: at most
              axis=alt.Axis(labelLimit=alt.ExprRef("max(110, containerSize()[0] * 0.5)")))  # half the column
    span = alt.Chart(frame).mark_rule(strokeWidth=6, opacity=0.5).encode(
        y=y, x=alt.X("low:Q", scale=xscale, title="Prices divide by this factor each year (log scale)"), x2="high:Q",
        color=alt.Color("publisher:N", scale=colours, legend=None))
    point = alt.Chart(frame).mark_point(filled=True, size=80).encode(
        y=y, x=alt.X("point:Q", scale=xscale), color=alt.Color("publisher:N", scale=colours, legend=None),
        tooltip=["label:N", alt.Tooltip("low:Q", format=",.1f", title="factor, low"),
                 alt.Tooltip("high:Q", format=",.1f", title="factor, high"),
                 alt.Tooltip("decline_low:Q", format=".0%", title="decline a year, low"),
                 alt.Tooltip("decline_high:Q", format=".0%", title="decline a year, high"),
                 alt.Tooltip("source_id:N", title="source")])
    return charts.finish(
        alt.layer(span, point).properties(width=360, height=32 * len(frame)), title=title,
        subtitle=("Annual fall factor (old price / new price) per year; bars: published ranges or this chapter's "
                  f"{confidence:.0%} interval; totals over a period annualised"),
        source=source,
        description=("Horizontal ranges of yearly price-fall factors on a log axis: published estimates at constant "
                     "benchmark quality and this chapter's fit to Chinese list prices within a model."))


def volumes(plot: pd.DataFrame, title: str, source: str, period: str) -> alt.TopLevelMixin:
    """Announced token volumes per vendor, in tokens a day, on a log axis."""
    return charts.finish(
        alt.Chart(plot).mark_line(point=alt.OverlayMarkDef(filled=True, size=70)).encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("per_day:Q", scale=alt.Scale(type="log"), axis=alt.Axis(format="~s"),
                    title="Tokens per day (log scale; monthly figures divided by 30.4)"),
            color=alt.Color("vendor:N", scale=charts.vendor_scale(sorted(plot["vendor"].unique())), title="Series"),
            tooltip=["vendor:N", "product:N", alt.Tooltip("date:T", format="%b %Y"), "metric:N",
                     alt.Tooltip("tokens:Q", format=",.3s", title="tokens as announced"), "shown:N",
                     alt.Tooltip("source_id:N", title="source")]),
        title=title, subtitle=f"Tokens per day as announced by each vendor, {period}; counts differ in scope between "
                              "vendors", source=source,
        description="Lines of announced token volumes per vendor on a logarithmic axis, all converted to tokens a day.")


def shares(frame: pd.DataFrame, title: str, source: str) -> alt.TopLevelMixin:
    """Each cloud's share of tokens called by external customers, one panel per IDC period."""
    return charts.finish(
        alt.Chart(frame).mark_bar().encode(
            x=alt.X("share:Q", axis=alt.Axis(format="%"), title="Share of tokens called by external customers"),
            y=alt.Y("vendor:N", sort="-x", title=None), row=alt.Row("period:N", title=None),
            color=alt.Color("company:N", scale=charts.vendor_scale(sorted(frame["company"].unique())), legend=None),
            tooltip=["period:N", "vendor:N", "own_model:N", alt.Tooltip("share:Q", format=".1%"),
                     alt.Tooltip("source_id:N", title="source")]).properties(width=520, height=90),
        title=title, source=source,
        subtitle="Share of tokens called on China's public clouds by external customers (IDC, as reported), by period",
        description="Bars of each cloud's share of LLM tokens called by external customers, one panel per period.")


def model(grid: pd.DataFrame, cost: float, quality: float, k: float, n: int, source: str) -> alt.TopLevelMixin:
    """The price-competition model: equilibrium price against differentiation, with sliders for the switching
    cost and the number of providers."""
    ks, ns = sorted(grid["switching_cost"].unique()), sorted(grid["n_firms"].unique())
    k_param = alt.param(name="switching_cost", value=k, bind=alt.binding_range(
        min=float(min(ks)), max=float(max(ks)), step=0.5, name="Switching cost (RMB per million tokens) "))
    n_param = alt.param(name="providers", value=n, bind=alt.binding_range(
        min=int(min(ns)), max=int(max(ns)), step=1, name="Providers "))
    chosen = (alt.expr.abs(alt.datum.switching_cost - k_param) < 1e-6) & (alt.datum.n_firms == n_param)
    no_lock = (alt.datum.switching_cost == 0) & (alt.datum.n_firms == n_param)
    x = alt.X("differentiation:Q", scale=alt.Scale(type="log"),
              title="Differentiation between models, RMB per million tokens (log scale)")
    tips = [alt.Tooltip("differentiation:Q", format=",.3g"), alt.Tooltip("switching_cost:Q", format=",.1f"),
            alt.Tooltip("n_firms:Q", title="providers"), alt.Tooltip("price:Q", format=",.2f", title="price, RMB"),
            alt.Tooltip("margin:Q", format=".0%"), alt.Tooltip("switch_rate:Q", format=".1%", title="customers moving"),
            alt.Tooltip("is_equilibrium:N", title="stable price")]
    base = alt.Chart(grid)
    y = alt.Y("price:Q", scale=alt.Scale(type="log"), title="Equilibrium price, RMB per million tokens (log scale)")
    line = base.transform_filter(chosen).transform_filter(alt.datum.is_equilibrium).mark_line(
        point=alt.OverlayMarkDef(color="#d62728", size=30), color="#d62728").encode(x=x, y=y, tooltip=tips)
    reference = base.transform_filter(no_lock).mark_line(strokeDash=[5, 4], color="#555").encode(x=x, y=y, tooltip=tips)
    gaps = base.transform_filter(chosen).transform_filter(~alt.datum.is_equilibrium).mark_tick(
        color="#d62728", thickness=2, size=14).encode(x=x, y=alt.value(292), tooltip=tips)
    cost_rule = alt.Chart(pd.DataFrame({"cost": [cost]})).mark_rule(color="#2ca02c").encode(
        y=alt.Y("cost:Q", scale=alt.Scale(type="log")),
        tooltip=[alt.Tooltip("cost:Q", format=",.2f", title="cost, RMB per million tokens")])
    return charts.finish(
        alt.layer(reference, line, gaps, cost_rule).add_params(k_param, n_param).properties(width=560, height=300),
        title="As models become alike, prices fall to cost unless switching is costly",
        subtitle=(f"Equilibrium price, RMB per million tokens; cost {cost:,.2f} (green), customer value {quality:g}; "
                  "red: chosen switching cost; dashed: none; ticks at the bottom: no stable price"),
        source=source,
        description=("Line chart of the model's equilibrium price against differentiation on a log axis, for the "
                     "number of providers and switching cost chosen with two sliders. A dashed line shows the price "
                     "without switching costs, a green line the cost; ticks along the bottom mark differentiation "
                     "levels where undercutting a rival pays and no stable price exists."))


def stack_table(stack: pd.DataFrame, layers: list[str]) -> str:
    """The product table as HTML, every piece from the data escaped; † marks names without a retrieved page."""
    def cell(row: Any) -> str:
        names = html.escape(row["products"])
        mark = "" if row["retrieved"] else " †"
        url = row["url"] if isinstance(row["url"], str) and row["url"].startswith(("http://", "https://")) else ""
        return f'<a href="{html.escape(url)}">{names}</a>{mark}' if url else f"{names}{mark}"

    clouds = list(dict.fromkeys(stack["cloud"]))
    pivot = (stack.assign(cell=stack.apply(cell, axis=1)).pivot(index="layer", columns="cloud", values="cell")
             .reindex(index=[lay for lay in layers if lay in set(stack["layer"])], columns=clouds).fillna("–"))
    pivot.index = pivot.index.str.replace("_", " ")
    pivot.columns = [html.escape(c) for c in pivot.columns]
    return pivot.to_html(escape=False, classes="stack-table")


def stack_heat(pairs: pd.DataFrame, title: str, source: str) -> alt.TopLevelMixin:
    """Heat map of the share of layers two clouds both list."""
    order = list(dict.fromkeys(pairs["cloud_a"]))
    return charts.finish(
        alt.Chart(pairs).mark_rect().encode(
            x=alt.X("cloud_a:N", sort=order, title=None), y=alt.Y("cloud_b:N", sort=order, title=None),
            color=alt.Color("layer_overlap:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]),
                            title="Layers in common (share)"),
            tooltip=["cloud_a:N", "cloud_b:N", alt.Tooltip("layer_overlap:Q", format=".0%", title="layer overlap"),
                     alt.Tooltip("shared_layers:Q", title="layers in common"),
                     alt.Tooltip("name_similarity:Q", format=".0%", title="generic-word overlap of names")]),
        title=title, source=source,
        subtitle="Share of stack layers both clouds offer (of the layers either offers), from the product table above",
        description=("Heat map of pairwise overlap between the clouds' AI stacks: the share of layers in which both "
                     "clouds list a product. Hover for the overlap of generic words in the product names."),
        width=380, height=380)

