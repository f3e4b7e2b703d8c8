"""The charts of the chapter `china_chain`, built from the frames and titles of `china_chain.analyse`.

Each function returns a finished chart (title = the finding computed in the analysis, subtitle = units and
period, source line from the rows drawn, a description for screen readers). Sliders are Vega-Lite params, so
they work in the page without a kernel. Reader-facing text sits in the TEXT mapping below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt

from aicloud import charts
from aicloud._lazy import pd
from aicloud.analysis import ChapterResult
from aicloud.analysis import china_chain as cc

# --- TEXT ------------------------------------------------------------------------------------------------------
TEXT = {
    "tvr_sub": "Share of China's market in {period} by two measures: IDC counts tokens called by external customers "
               "on public clouds, Omdia counts AI-cloud revenue (IaaS + PaaS + MaaS)",
    "tvr_desc": "Grouped bars, one pair per cloud: its share of tokens beside its share of revenue in the same "
                "half-year; the token leader's revenue share is far smaller than its token share.",
    "rev_sub": "Growth on a year earlier as each company stated it, by period; each line is one segment "
               "definition, so a redefinition starts a new line (dashed: a proxy line that mixes in other business)",
    "rev_desc": "Lines of year-on-year growth of cloud segments of Chinese companies by quarter or year; lines "
                "break where a company redefined its segment instead of being joined across the break.",
    "nv_sub": "NVIDIA's revenue billed to China incl. Hong Kong (fiscal years, bars) and H20 sales to China "
              "(quarters, points), USD bn; vertical rules: export rules and China's restrictions",
    "nv_desc": "Bars of NVIDIA's yearly China revenue, points of quarterly H20 sales to China falling to near zero "
               "after the licence rule, and vertical rules at the dates of export rules and Chinese restrictions.",
    "capex_sub": "Capital spending figures for {year} in USD bn at {rate:.2f} yuan per dollar (slider); shape: "
                 "reported, plan reported by the press, or estimate; several reports per company where they disagree",
    "capex_desc": "Dots of capital spending by company for one year, Chinese and US companies, with every "
                  "disagreeing report of the same figure shown as its own dot.",
    "rents_sub": "Rent after the fall as a share of the rent at the peak, per report (the ratio does not depend on "
                 "whether a report's figures are monthly or annual); rule: the US market rental",
    "rents_desc": "Bars of the remaining share of peak GPU rent per Chinese report and a rule for the US market "
                  "rental; every bar is well below one.",
    "quality_sub": "Top: scores on one benchmark, version and date per row (vendor-reported rows say so); bottom: "
                   "output list price per million tokens in USD (RMB at the slider's rate); shape: open or closed "
                   "weights",
    "quality_desc": "Left: dots of benchmark scores of Chinese and US models, one panel per benchmark. Right: dots "
                    "of output list prices of the same and other models, log scale, coloured by country.",
    "cost_sub": "USD per million output tokens including the prefill of {ipo:.1f} input tokens each: modelled "
                "serving cost of each published batch stack (sliders: utilisation and Hopper GPU-hour price, other "
                "hardware scaled with it) against the latest year's Chinese list prices (ticks); log scale",
    "cost_desc": "Points of modelled serving cost per published stack and ticks of Chinese list prices on one log "
                 "axis; sliders move the costs with utilisation and rental price.",
    "deals_sub": "Dated deals between clouds and model makers; shape: kind of deal",
    "deals_desc": "Points on a timeline, one row per model maker, coloured by cloud company and shaped by kind of "
                  "deal: equity, compute-for-equity, preferred cloud, exclusivity change, compute deal, commitment.",
    "stack_sub": "Documented product layers (of {all_layers}) against {period} AI-cloud revenue share (Omdia); a "
                 "missing layer means no source, not a missing product",
    "stack_desc": "Scatter of documented stack layers against revenue share, one point per Chinese cloud, coloured "
                  "by cloud.",
    "shares_sub": "Share by period, one panel per measure; a new line where a measure's basis changed "
                  "(Canalys after Alibaba's 2023 reporting change)",
    "shares_desc": "Lines of vendors' shares over time in four panels (IDC tokens, Frost & Sullivan enterprise "
                   "tokens, Omdia AI-cloud revenue, cloud infrastructure revenue).",
    "chain_sub": "Modelled share of tokens served, quarter by quarter from equal shares in the GPU year; diamonds: "
                 "observed {period} AI-cloud revenue shares; sliders pick the assumptions (other assumptions as set)",
    "chain_desc": "Lines of modelled market shares per cloud over quarters, with sliders for the efficiency gained "
                  "per unit of stack depth, lock-in and learning rate, and diamonds at the observed end shares.",
    "fit_sub": "Distance (total variation, 0 to 1) between the model's end shares and the observed ones, by depth "
               "effect and lock-in; the label is the model's leader; slider: learning rate",
    "fit_desc": "Heatmap of how far the model's final shares are from the observed shares over two assumptions, "
                "labelled with the model's largest vendor; a slider sets the learning rate.",
    "events_sub": "Dated events of the year by kind; hover for the event and its source",
    "events_desc": "Points on a timeline of the year's events, one row per kind: model releases, price cuts, export "
                   "rules, Chinese restrictions, domestic chips, market remarks.",
    "model_source": "Source: the chain model (aicloud.models.chain) started from",
    "nothing_sub": "Nothing to draw with this run's data",
    "nothing_desc": "A note in place of the chart, saying why this run's data give nothing to draw.",
    "price_row": "Chinese list prices, latest year",
    "no_source": "Source: no rows in this run's data.",
    "source_many": "Sources: {n} documents, among them {first} and {more} more publishers (each listed with its "
                   "date on the data and sources page).",
    "source_few": "Sources: {n} documents from {first} (each listed with its date on the data and sources page).",
}
# -------------------------------------------------------------------------------------------------------------


MAX_LISTED = 6   # a source line names at most this many publishers; the rest are counted


def _source(tables: Any, *frames: pd.DataFrame) -> str:
    """The chart's source line from the rows it draws; a long list is cut to its first publishers and a count."""
    frames = [f for f in frames if f is not None and len(f) and "source_id" in f]
    if not frames:
        return TEXT["no_source"]
    cited = tables.sources_of(*frames)
    if len(cited) <= MAX_LISTED:
        return tables.source_line(*frames)
    names = list(dict.fromkeys(cited["publisher"]))
    if len(names) <= MAX_LISTED:
        return TEXT["source_few"].format(n=len(cited), first="; ".join(names))
    return TEXT["source_many"].format(n=len(cited), first="; ".join(names[:MAX_LISTED]), more=len(names) - MAX_LISTED)


def tokens_vs_revenue(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["tvr"].assign(measure=lambda f: f["counts"].map({"tokens": "share of tokens (IDC)",
                                                                          "revenue": "share of revenue (Omdia)"}))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("vendor:N", title=None, sort="-y"), xOffset="measure:N",
        y=alt.Y("share:Q", title="Share of the market", axis=alt.Axis(format=".0%")),
        color=alt.Color("measure:N", title="Measure"),
        tooltip=["vendor:N", "measure:N", alt.Tooltip("share:Q", format=".1%"), "period:N", "source_id:N"])
    sub = TEXT["tvr_sub"].format(period=res.values["tvr_period"])
    return charts.finish(bars, title=res.titles["tvr"], subtitle=sub,
                         source=_source(tables, frame), description=TEXT["tvr_desc"], width=480, height=260)


def revenue_growth(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["growth"]
    frame = frame[frame["measure"] == "segment-revenue"]
    frame = frame.assign(line=frame["series"] + " / " + frame["basis"])
    names = sorted(frame["company"].unique())
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("period_end:T", title="End of period"),
        y=alt.Y("yoy:Q", title="Growth on a year earlier", axis=alt.Axis(format=".0%")),
        color=alt.Color("company:N", scale=charts.vendor_scale(names), title="Company"),
        detail="line:N", strokeDash=alt.StrokeDash("proxy:N", title="Mixes in other business",
                                                   scale=alt.Scale(domain=[False, True], range=[[1, 0], [5, 3]])),
        shape=alt.Shape("basis:N", title="Period"),
        tooltip=["company:N", "segment:N", "period_label:N", alt.Tooltip("yoy:Q", format="+.0%"),
                 alt.Tooltip("amount_bn:Q", format=",.2f", title="revenue (bn)"), "currency:N", "series:N",
                 "source_id:N"])
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#888").encode(y="y:Q")
    layered = alt.layer(lines, zero).properties(width=500, height=300)
    return charts.finish(layered, title=res.titles["revenue"], subtitle=TEXT["rev_sub"],
                         source=_source(tables, frame), description=TEXT["rev_desc"], height=300)


def nvidia(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    nv = res.frames["nvidia"]
    shown = nv[nv["metric"].isin(["china-revenue", "h20-china-sales"]) & (nv["unit"] == "USD bn")]
    shown = shown.assign(what=shown["metric"].map({"china-revenue": "billed to China",
                                                   "h20-china-sales": "H20 to China"}) + ", " + shown["basis"])
    years = shown[shown["basis"] == "year"]
    quarters = shown[shown["basis"] == "quarter"]
    base = alt.Chart(years).mark_rect(opacity=0.6).encode(
        x=alt.X("period_start:T", title="Date"), x2="period_end:T",
        y=alt.Y("value:Q", title="USD bn"), y2=alt.datum(0), color=alt.Color("what:N", title=None),
        tooltip=["period_label:N", "what:N", alt.Tooltip("value:Q", format=",.2f"), "source_id:N"])
    points = alt.Chart(quarters).mark_point(filled=True, size=90).encode(
        x="period_end:T", y="value:Q", color="what:N",
        tooltip=["period_label:N", "what:N", alt.Tooltip("value:Q", format=",.2f"), "source_id:N"])
    events = res.frames["nvidia_events"].assign(day=lambda f: f["date"].dt.strftime("%d %b %Y"))
    rules = alt.Chart(events).mark_rule(color="#888", strokeDash=[3, 3]).encode(
        x="date:T", tooltip=["day:N", "actor:N", "event:N", "source_id:N"])
    layered = alt.layer(base, points, rules).properties(width=500, height=280)
    return charts.finish(layered, title=res.titles["nvidia"], subtitle=TEXT["nv_sub"],
                         source=_source(tables, shown, events), description=TEXT["nv_desc"], height=280)


def capex(res: ChapterResult, tables: Any, params: Mapping[str, Any]) -> alt.TopLevelMixin:
    frame = res.frames["capex"]
    year = res.values.get("capex_year")
    frame = frame[(frame["period_end"].dt.year == year) & frame["basis"].isin(
        ["year", "trailing-four-quarters", "calendar-year", "fiscal-year"])] if year else frame.iloc[0:0]
    frame = frame.assign(who=frame["company"] + " (" + frame["country"] + ")",
                         native=frame["amount_bn"].round(2).astype(str) + " " + frame["currency"])
    rate = alt.param(name="capex_rate", value=float(params["rmb_per_usd"]),
                     bind=alt.binding_range(min=6.8, max=7.4, step=0.05, name="Yuan per US dollar "))
    dots = alt.Chart(frame).mark_point(filled=True, size=110).encode(
        x=alt.X("usd:Q", title="USD bn"), y=alt.Y("who:N", title=None, sort="-x"),
        color=alt.Color("country:N", scale=alt.Scale(domain=list(charts.REGION_COLORS),
                                                     range=list(charts.REGION_COLORS.values())), title="Country"),
        shape=alt.Shape("status:N", title="Status"),
        tooltip=["who:N", "period_label:N", "measure:N", "status:N", "native:N", alt.Tooltip("usd:Q", format=",.1f"),
                 "reported_by:N", "source_id:N"],
    ).add_params(rate).transform_calculate(
        usd="datum.currency == 'RMB' ? datum.amount_bn / capex_rate : datum.amount_bn")
    return charts.finish(dots, title=res.titles["capex"],
                         subtitle=TEXT["capex_sub"].format(year=year, rate=params["rmb_per_usd"]),
                         source=_source(tables, frame), description=TEXT["capex_desc"], height=300)


def rents(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["rents"]
    if len(frame):
        frame = frame.merge(tables["china_gpu_rents"][["report_id", "source_id", "stated_per"]].drop_duplicates(
            "report_id"), on="report_id")
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("report_id:N", title=None), x=alt.X("ratio:Q", title="Rent after / rent at the peak",
                                                    axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("hardware:N", title="Hardware"),
        tooltip=["report_id:N", "hardware:N", alt.Tooltip("ratio:Q", format=".0%"), "stated_per:N", "source_id:N"])
    us = pd.DataFrame({"x": [res.values["rent_us"]], "what": ["US market rental"]})
    rule = alt.Chart(us).mark_rule(color=charts.REGION_COLORS["US"], strokeWidth=2).encode(
        x="x:Q", tooltip=["what:N", alt.Tooltip("x:Q", format=".0%")])
    us_rows = tables["infra_rental_prices"]
    us_rows = us_rows[us_rows["market"].str.startswith("market rental")]
    layered = alt.layer(bars, rule).properties(width=500, height=200)
    return charts.finish(layered, title=res.titles["rents"], subtitle=TEXT["rents_sub"],
                         source=_source(tables, frame, us_rows), description=TEXT["rents_desc"], height=200)


def price_quality(res: ChapterResult, tables: Any, params: Mapping[str, Any]) -> alt.TopLevelMixin:
    scores = res.frames["scores"].assign(panel=lambda f: f["benchmark"] + " (" + f["version"] + ")")
    country = alt.Color("country:N", scale=alt.Scale(domain=list(charts.REGION_COLORS),
                                                     range=list(charts.REGION_COLORS.values())), title="Country")
    left = alt.Chart(scores).mark_point(filled=True, size=90).encode(
        x=alt.X("score:Q", title="Score (points of the benchmark)", scale=alt.Scale(zero=False)),
        y=alt.Y("panel:N", title=None, axis=alt.Axis(labelLimit=200)), color=country,
        shape=alt.Shape("weights:N", title="Weights"),
        tooltip=["model:N", "vendor:N", "benchmark:N", "version:N", "score:Q", "reported_by:N", "source_id:N"],
    ).properties(width=340, height=140)
    prices = res.frames["prices"]
    rate = alt.param(name="pq_rate", value=float(params["rmb_per_usd"]),
                     bind=alt.binding_range(min=6.8, max=7.4, step=0.05, name="Yuan per US dollar "))
    right = alt.Chart(prices).mark_point(filled=True, size=90).encode(
        x=alt.X("usd:Q", title="USD per million output tokens (log)", scale=alt.Scale(type="log")),
        y=alt.Y("label:N", title=None, sort="x"), color=country, shape=alt.Shape("weights:N", title="Weights"),
        tooltip=["model:N", "vendor:N", "tier:N", "currency:N", "output_per_mtok:Q",
                 alt.Tooltip("usd:Q", format=",.2f"), "source_id:N"],
    ).add_params(rate).transform_calculate(
        usd="datum.currency == 'RMB' ? datum.output_per_mtok / pq_rate : datum.output_per_mtok",
        label="datum.model + ' (' + datum.tier + ')'").properties(width=340, height=220)
    return charts.finish(alt.vconcat(left, right).resolve_scale(color="shared", shape="shared"),
                         title=res.titles["quality"], subtitle=TEXT["quality_sub"],
                         source=_source(tables, scores, prices),
                         description=TEXT["quality_desc"])


def cost_vs_price(res: ChapterResult, tables: Any, params: Mapping[str, Any]) -> alt.TopLevelMixin:
    costs = res.frames["costs"]
    hopper = float(params["hopper_usd_per_gpu_hour"])
    stacks = costs.assign(ratio=costs["price"] / hopper, ipo=float(params["input_per_output"]), row=costs["label"])
    util = alt.param(name="cv_util", value=float(params["utilisation"]),
                     bind=alt.binding_range(min=0.3, max=1.0, step=0.05, name="Utilisation "))
    price = alt.param(name="cv_hopper", value=hopper,
                      bind=alt.binding_range(min=1.4, max=4.9, step=0.1, name="Hopper GPU-hour price (USD) "))
    points = alt.Chart(stacks).mark_point(filled=True, size=110).encode(
        x=alt.X("cost:Q", title="USD per million output tokens with their inputs (log)", scale=alt.Scale(type="log")),
        y=alt.Y("row:N", title=None), color=alt.Color("hardware_class:N", title="Hardware class"),
        tooltip=["row:N", "hardware:N", alt.Tooltip("prefill:Q", format=",.0f", title="prefill tokens/s per chip"),
                 alt.Tooltip("decode:Q", format=",.0f", title="decode tokens/s per chip"),
                 alt.Tooltip("cost:Q", format=",.3f")],
    ).add_params(util, price).transform_calculate(
        cost="datum.ratio * cv_hopper * (datum.ipo / datum.prefill + 1 / datum.decode) * 1e6 / 3600 / cv_util")
    prices = res.frames["list_revenue"].assign(row=TEXT["price_row"])
    ticks = alt.Chart(prices).mark_tick(thickness=2, size=18, color="#e45756").encode(
        x="usd:Q", y="row:N", tooltip=["vendor:N", "model:N", "currency:N", "input_per_mtok:Q", "output_per_mtok:Q",
                                       alt.Tooltip("usd:Q", format=",.2f"), "source_id:N"])
    sub = TEXT["cost_sub"].format(ipo=params["input_per_output"])
    runs = tables["infra_serving_throughput"]
    layered = alt.layer(ticks, points).properties(width=420, height=220)
    return charts.finish(layered, title=res.titles["cost"], subtitle=sub,
                         source=_source(tables, runs[runs["operator"].isin(costs["operator"])], prices),
                         description=TEXT["cost_desc"], height=220)


def deals(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["deals"].assign(day=lambda f: f["date"].dt.strftime("%Y-%m-%d"))
    names = sorted(frame["cloud_company"].unique())
    points = alt.Chart(frame).mark_point(filled=True, size=120).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("partner:N", title=None),
        color=alt.Color("cloud_company:N", scale=charts.vendor_scale(names), title="Cloud company"),
        shape=alt.Shape("kind:N", title="Kind of deal"),
        tooltip=["day:N", "date_precision:N", "cloud_company:N", "partner:N", "kind:N", "amount_bn:Q", "currency:N",
                 "terms:N", "source_id:N"])
    return charts.finish(points, title=res.titles["deals"], subtitle=TEXT["deals_sub"], source=_source(tables, frame),
                         description=TEXT["deals_desc"], height=260)


def stack(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["stack"]
    names = sorted(frame["cloud"].unique())
    base = alt.Chart(frame).encode(
        x=alt.X("layers:Q", title="Documented layers", scale=alt.Scale(domain=[0, len(cc.LAYERS)])),
        y=alt.Y("share:Q", title="AI-cloud revenue share", axis=alt.Axis(format=".0%")),
        tooltip=["cloud:N", "layers:Q", alt.Tooltip("share:Q", format=".1%")])
    # a legend, not a label beside each dot: clouds with close shares would print over one another
    dots = base.mark_point(filled=True, size=120).encode(color=alt.Color("cloud:N", scale=charts.vendor_scale(names),
                                                                         title="Cloud"))
    cited = tables["maas_cloud_stack"]
    shares = tables["china_market_shares"]
    sub = TEXT["stack_sub"].format(all_layers=len(cc.LAYERS), period=res.values.get("stack_period", ""))
    layered = dots.properties(width=420, height=260)
    return charts.finish(layered, title=res.titles["stack"], subtitle=sub,
                         source=_source(tables, cited[cited["region"] == "China"],
                                        shares[shares["measure"] == "omdia-ai-cloud-revenue"]),
                         description=TEXT["stack_desc"], width=420, height=260)


def shares(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["shares"]
    names = sorted(frame["company"].unique())
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("period_end:T", title="End of period"),
        y=alt.Y("share:Q", title="Share", axis=alt.Axis(format=".0%")),
        color=alt.Color("company:N", scale=charts.vendor_scale(names), title="Company"), detail="series:N",
        tooltip=["vendor:N", "measure:N", "period:N", alt.Tooltip("share:Q", format=".1%"), "series:N", "source_id:N"],
    ).properties(width=250, height=150).facet(facet=alt.Facet("measure:N", title=None), columns=2)
    return charts.finish(lines, title=res.titles["shares"], subtitle=TEXT["shares_sub"], source=_source(tables, frame),
                         description=TEXT["shares_desc"])


def _model_source(res: ChapterResult, tables: Any) -> str:
    ev = res.frames["_evidence"]
    ids = pd.DataFrame({"source_id": list(ev.model_inputs.get("sources", ()))})
    return _source(tables, ids).replace("Source:", TEXT["model_source"], 1)


def _nearest(value: float, grid: tuple[float, ...]) -> float:
    return min(grid, key=lambda g: abs(g - value))


def _placeholder(res: ChapterResult, key: str) -> alt.TopLevelMixin:
    """A chart that states why there is nothing to draw (the page still shows a chart with its reason)."""
    note = pd.DataFrame({"note": [res.titles[key]]})
    chart = alt.Chart(note).mark_text(align="left", fontSize=13).encode(text="note:N")
    return charts.finish(chart, title=res.titles[key], subtitle=TEXT["nothing_sub"], source=TEXT["no_source"],
                         description=TEXT["nothing_desc"], height=40)


def chain_paths(res: ChapterResult, tables: Any, params: Mapping[str, Any]) -> alt.TopLevelMixin:
    grid = res.frames["chain_grid"]
    if grid.empty:
        return _placeholder(res, "chain")
    sliders = {}
    for name, label in (("efficiency_per_depth", "Efficiency per unit of stack depth "),
                        ("lock_in", "Lock-in from stack depth "), ("learning_rate", "Learning rate per doubling ")):
        values = cc.GRID[name]
        sliders[name] = alt.param(name=f"ch_{name}", value=_nearest(float(params[name]), values),
                                  bind=alt.binding_range(min=values[0], max=values[-1], step=values[1] - values[0],
                                                         name=label))
    names = list(res.frames["chain_observed"]["cloud"])
    color = alt.Color("company:N", scale=charts.vendor_scale(names), title="Cloud")
    test = " && ".join(f"abs(datum.{n} - ch_{n}) < 1e-6" for n in sliders)
    # One row per scenario and quarter (vendors as columns, folded back in the page) keeps the data small.
    wide = grid.pivot_table(index=[*cc.GRID, "quarter"], columns="company", values="share").reset_index()
    wide.columns = [str(c) for c in wide.columns]
    lines = alt.Chart(wide).transform_filter(test).transform_fold(names, as_=["company", "share"]).mark_line(
        point=True).encode(
        x=alt.X("quarter:Q", title="Quarters after the GPU year"),
        y=alt.Y("share:Q", title="Share of tokens served", axis=alt.Axis(format=".0%")), color=color,
        tooltip=["company:N", "quarter:Q", alt.Tooltip("share:Q", format=".1%")],
    ).add_params(*sliders.values())
    observed = res.frames["chain_observed"].rename(columns={"cloud": "company"})
    diamonds = alt.Chart(observed).mark_point(shape="diamond", size=160, filled=True, opacity=0.6).encode(
        x="quarter:Q", y="share:Q", color=color, tooltip=["company:N", alt.Tooltip("share:Q", format=".1%")])
    sub = TEXT["chain_sub"].format(period=res.values.get("chain_period", ""))
    layered = alt.layer(lines, diamonds).properties(width=480, height=300)
    return charts.finish(layered, title=res.titles["chain"], subtitle=sub,
                         source=_model_source(res, tables), description=TEXT["chain_desc"], height=300)


def chain_fit(res: ChapterResult, tables: Any, params: Mapping[str, Any]) -> alt.TopLevelMixin:
    fit = res.frames["chain_fit"]
    if fit.empty:
        return _placeholder(res, "fit")
    fit = fit.assign(short=fit["leader"].str.split().str[0])
    values = cc.GRID["learning_rate"]
    learn = alt.param(name="fit_learning", value=_nearest(float(params["learning_rate"]), values),
                      bind=alt.binding_range(min=values[0], max=values[-1], step=values[1] - values[0],
                                             name="Learning rate per doubling "))
    base = alt.Chart(fit).encode(x=alt.X("efficiency_per_depth:O", title="Efficiency per unit of stack depth"),
                                 y=alt.Y("lock_in:O", title="Lock-in from stack depth", sort="descending"))
    cells = base.mark_rect().encode(
        color=alt.Color("distance:Q", title="Distance to observed", scale=alt.Scale(scheme="blues", reverse=True)),
        tooltip=["efficiency_per_depth:O", "lock_in:O", "learning_rate:O", alt.Tooltip("distance:Q", format=".2f"),
                 "leader:N"]).add_params(learn).transform_filter("abs(datum.learning_rate - fit_learning) < 1e-6")
    text = base.mark_text(fontSize=10).encode(text="short:N").transform_filter(
        "abs(datum.learning_rate - fit_learning) < 1e-6")
    layered = alt.layer(cells, text).properties(width=420, height=240)
    return charts.finish(layered, title=res.titles["fit"], subtitle=TEXT["fit_sub"],
                         source=_model_source(res, tables), description=TEXT["fit_desc"], width=460, height=260)


def events(res: ChapterResult, tables: Any) -> alt.TopLevelMixin:
    frame = res.frames["events"].assign(day=lambda f: f["date"].dt.strftime("%d %b %Y"))
    points = alt.Chart(frame).mark_point(filled=True, size=100).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("category:N", title=None),
        color=alt.Color("category:N", legend=None), shape=alt.Shape("date_precision:N", title="Date precision"),
        tooltip=["day:N", "actor:N", "event:N", "source_id:N"])
    return charts.finish(points, title=res.titles["events"], subtitle=TEXT["events_sub"], source=_source(tables, frame),
                         description=TEXT["events_desc"], height=220)
