"""The capex and fibre chapter's charts, drawn from the frames and titles of its `ChapterResult`
(`aicloud.analysis.capex_and_fibre`). Titles that state a finding come from the analysis, made from the same
numbers as the text; these functions only draw. Sliders are Vega-Lite params, so they work without a kernel."""

from __future__ import annotations

import altair as alt
import pandas as pd

from aicloud import charts
from aicloud.analysis import ChapterResult
from aicloud.data import Tables


def spending(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    shown, companies, nv = r.frames["spend"], r.frames["companies"], r.frames["nvidia_years"]
    bars = alt.Chart(shown).mark_bar().encode(
        x=alt.X("year:O", title="Year (period end)"), xOffset=alt.XOffset("company:N", sort=companies),
        y=alt.Y("usd_bn:Q", title="Capital spending (USD bn)"),
        color=alt.Color("company:N", scale=charts.vendor_scale(companies), sort=companies, title="Company"),
        opacity=alt.Opacity("completeness:N", scale=alt.Scale(domain=["full year", "part of a year"],
                                                              range=[1, 0.4]), title=None),
        tooltip=[alt.Tooltip("company:N"), alt.Tooltip("period_label:N", title="period"), alt.Tooltip("how:N"),
                 alt.Tooltip("measure:N"), alt.Tooltip("amount_bn:Q", format=",.2f", title="amount (bn)"),
                 alt.Tooltip("currency:N"), alt.Tooltip("usd_bn_round:Q", format=",.2f", title="USD bn")])
    layers = [bars]
    if len(nv):
        layers.append(alt.Chart(nv.assign(series="NVIDIA data-center revenue")).mark_line(
            point=True, color=charts.color_of("NVIDIA"), strokeDash=[5, 3]).encode(
            x="year:O", y="usd_bn:Q", tooltip=[alt.Tooltip("label:N", title="NVIDIA fiscal year"),
                                               alt.Tooltip("how:N"), alt.Tooltip("usd_bn:Q", format=",.1f",
                                                                                title="USD bn")]))
    return charts.finish(
        alt.layer(*layers).resolve_scale(color="independent"), title=r.titles["spend"],
        subtitle=r.values["spend_subtitle"], source=tables.source_line(shown, nv),
        description=(f"Grouped bars of yearly capital spending for {', '.join(companies)}, in USD bn, with "
                     "NVIDIA's data-center revenue as a dashed line. Each bar's tooltip gives the company's own "
                     "period, measure and currency."))


def sequoia(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    cases, v = r.frames["cases"], r.values
    update = v.get("update_needed", 0.0)
    run = v.get("update_run_rate", float(cases["run_rate"].max()) if len(cases) else 100.0)
    last = cases[~cases["is_update"]]
    sliders = [
        alt.param(name="ai_revenue", value=v["ai_revenue_usd_bn"], bind=alt.binding_range(
            min=0, max=float(max(update, 100.0)), step=5, name="AI revenue for the update (USD bn a year) ")),
        alt.param(name="end_margin", value=float(last["margin"].iloc[-1]) if len(last) else 0.5,
                  bind=alt.binding_range(min=0.1, max=0.8, step=0.05, name="End-user gross margin for the update ")),
        alt.param(name="run_rate", value=round(run, 1), bind=alt.binding_range(
            min=round(float(cases["run_rate"].min()) / 2, 1) if len(cases) else 0.0, max=round(run * 2, 1) or 1.0,
            step=1, name="NVIDIA data-center run-rate for the update (USD bn) "))]
    order = list(cases["case"])
    # Sequoia's formula, live in the page: revenue needed = run-rate / GPU share / (1 - end-user margin).
    base = alt.Chart(cases).add_params(*sliders).transform_calculate(
        need="datum.is_update ? run_rate / datum.gpu_share / (1 - end_margin) : datum.needed",
        rev="datum.is_update ? ai_revenue : datum.revenue",
    ).transform_calculate(gap_now="datum.need - datum.rev", label="'gap ' + format(datum.need - datum.rev, ',.0f')")
    y = alt.Y("case:N", sort=order, title=None)
    layers = alt.layer(
        base.mark_bar(color="#d9d9d9").encode(
            y=y, x=alt.X("need:Q", title="Yearly revenue needed, and AI revenue earned (USD bn)"),
            tooltip=[alt.Tooltip("case:N"), alt.Tooltip("need:Q", format=",.0f", title="revenue needed (USD bn)"),
                     alt.Tooltip("rev:Q", format=",.1f", title="AI revenue (USD bn)"),
                     alt.Tooltip("revenue_is:N", title="AI revenue is"),
                     alt.Tooltip("gap_now:Q", format=",.0f", title="gap (USD bn)")]),
        base.mark_bar(color="#4c78a8", height=10).encode(y=y, x="rev:Q", tooltip=[alt.Tooltip("rev:Q", format=",.1f")]),
        base.mark_text(align="left", dx=4, fontSize=11).encode(y=y, x="rev:Q", text="label:N"))  # in the grey bar
    return charts.finish(
        layers, title=r.titles["sequoia"], height=160,
        subtitle=("Revenue needed (grey) and AI revenue assumed (blue), USD bn a year; Sequoia's method: run-rate x "
                  "1/GPU share of cost x 1/(1 - end-user margin); sliders change the update row only"),
        source=tables.source_line(cases),
        description=("Horizontal bars for Sequoia's essays and an update from NVIDIA's latest quarter: the grey "
                     "bar is the yearly revenue needed, the blue bar the AI revenue assumed, and a label gives the "
                     "gap. Three sliders set the update's AI revenue, end-user margin and NVIDIA run-rate."))


def payback(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    v = r.values
    sliders = [alt.param(name="margin", value=v["margin_central"],
                         bind=alt.binding_range(min=0.05, max=0.9, step=0.05, name="Your margin ")),
               alt.param(name="growth", value=v["growth_central"],
                         bind=alt.binding_range(min=-0.2, max=1.5, step=0.05, name="Your yearly revenue growth ")),
               alt.param(name="revenue", value=v["ai_revenue_usd_bn"], bind=alt.binding_range(
                   min=20, max=400, step=5, name="Starting AI revenue (USD bn a year) "))]
    # The model, live in the page: repaid after T years = margin x revenue x (e^(kT) - 1) / k, k = ln(1 + growth).
    yours = alt.Chart(r.frames["grid"]).add_params(*sliders).transform_calculate(k="log(1 + growth)") \
        .transform_calculate(recovered="abs(datum.k) < 1e-9 ? margin * revenue * datum.years : "
                                       "margin * revenue * (exp(datum.k * datum.years) - 1) / datum.k") \
        .mark_line(color="black", strokeWidth=2.5, clip=True).encode(
            x="years:Q", y="recovered:Q",
            tooltip=[alt.Tooltip("years:Q", format=".2f"), alt.Tooltip("recovered:Q", format=",.0f", title="USD bn")])
    target = v["target_cost"] or 1.0
    scen = alt.Chart(r.frames["payback_lines"]).mark_line(strokeDash=[4, 2], clip=True).encode(
        x=alt.X("years:Q", title="Years from now"),
        y=alt.Y("recovered:Q", title="Capital repaid so far (USD bn)", scale=alt.Scale(domainMax=2.5 * target)),
        color=alt.Color("case:N", title="Case", scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("case:N"), alt.Tooltip("years:Q", format=".2f"),
                 alt.Tooltip("recovered:Q", format=",.0f", title="USD bn")])
    rules = [alt.Chart(pd.DataFrame({"y": [target], "what": [f"one year's {v['target_label']}, {target:,.0f}"]}))
             .mark_rule(color="#e45756").encode(y="y:Q", tooltip=["what:N"]),
             alt.Chart(pd.DataFrame({"x": [v["gpu_life_years"]],
                                     "what": [f"assumed GPU life, {v['gpu_life_years']:.0f} years"]}))
             .mark_rule(color="#888", strokeDash=[2, 2]).encode(x="x:Q", tooltip=["what:N"])]
    return charts.finish(
        alt.layer(scen, yours, *rules).properties(width=620, height=320), title=r.titles["payback"],
        subtitle=(f"Cumulative margin on AI revenue, USD bn, over {v['horizon_years']} years; red line: one year's "
                  f"{v['target_label'] or 'capital base'}; grey line: assumed GPU life; sliders move the black line"),
        source=tables.source_line(r.frames["cases"]),
        description=("Lines of capital repaid over time for a low, central and high case of margin and revenue "
                     "growth, a black line set by three sliders (margin, growth, starting revenue), a horizontal "
                     "line for one year's capital base and a vertical line at the assumed GPU life."))


def gdp(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    plot = r.frames["gdp"]
    dots = alt.Chart(plot).mark_circle(size=110).encode(
        x=alt.X("value:Q", title="Spending as a share of US GDP (%)"), y=alt.Y("who:N", title=None),
        color=alt.Color("era_label:N", title="Build-out", scale=alt.Scale(
            domain=["railroads (peak)", "telecom boom", "AI build-out"], range=["#9d755d", "#72b7b2", "#e45756"])),
        tooltip=["who:N", "era_label:N", "subject:N", "period:N", alt.Tooltip("value:Q", format=".2f", title="%"),
                 "confidence:N"])
    cited = plot[plot["source_id"].notna()] if "source_id" in plot else plot
    return charts.finish(
        dots, title=r.titles["gdp"], height=200,
        subtitle=("Share of US GDP (%), peak year of each build-out; commentators' estimates, not official "
                  "statistics; the last row divides the US companies' capex by an assumed GDP"),
        source=tables.source_line(cited) if len(cited) else "Source: this chapter's assumption.",
        description=("Dot plot: for each commentator, dots for railroads, the telecom boom and the AI build-out as a "
                     "share of US GDP, plus the chapter's own ratio of US company capex to an assumed GDP."))


def use(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    frame = r.frames["use"]
    return charts.finish(
        alt.Chart(frame).mark_bar().encode(
            x=alt.X("in_use:Q", title="Share in use (%)", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("label:N", sort="x", title=None), color=alt.Color("measures:N", title="Share of what"),
            tooltip=["attributed_to:N", "year:Q", "measures:N", "stated_as:N",
                     alt.Tooltip("pct:Q", title="% as stated"),
                     alt.Tooltip("in_use:Q", format=".1f", title="% in use")]),
        title=r.titles["use"], height=200,
        subtitle="Share of US fibre or capacity in use (%), as quoted; colour: what the share is a share of",
        source=tables.source_line(frame) if len(frame) else "Source: none in the data.",
        description=("Horizontal bars of the quoted shares of fibre or capacity in use, one per source and year, "
                     "coloured by what each share measures (capacity, installed fibre, lit networks, unclear)."))


def telecom(r: ChapterResult, tables: Tables) -> alt.TopLevelMixin:
    frame, base_year = r.frames["telecom"], r.values["base_year"]
    real = bool(frame["real_usd_bn"].notna().any())
    money = (f"USD bn in {base_year} dollars ({r.values['index_name']})" if real
             else "USD bn (nominal; the price index does not cover it)")
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title="Year"),
        y=alt.Y("real_usd_bn:Q" if real else "amount_usd_bn:Q",
                title=(f"Carrier capital spending (USD bn of {base_year})" if real
                       else "Carrier capital spending (USD bn)")),
        color=alt.Color("series:N", title="Series (scopes differ)"))
    points = base.mark_point(size=70, filled=True).encode(
        shape=alt.Shape("status:N", title="Figure"),
        tooltip=["series:N", "scope:N", "year:O", "status:N",
                 alt.Tooltip("amount_usd_bn:Q", format=",.1f", title="USD bn (nominal)"),
                 alt.Tooltip("real_usd_bn:Q", format=",.1f", title=f"USD bn of {base_year}"),
                 alt.Tooltip("amount_high_usd_bn:Q", format=",.1f", title="high end (nominal)")])
    return charts.finish(
        alt.layer(base.mark_line(), points).properties(width=540, height=220), title=r.titles["telecom"],
        subtitle=(f"Telecom service-provider capex, {money}, by market-research series; series have different "
                  "scopes (see tooltips) and are not joined; forecasts were made at the time"),
        source=tables.source_line(frame, tables["capex_price_index"]) if len(frame) else "Source: none in the data.",
        description=("Lines of telecom carriers' capital spending by year for each market-research series, restated "
                     "in one year's dollars, with estimates, forecasts and one derived point marked by shape."))
