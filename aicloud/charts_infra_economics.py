"""The infrastructure-economics chapter's charts, drawn from the frames, values and titles
`aicloud.analysis.infra_economics` returns (the titles state findings made from the same numbers as the text).
House style from `aicloud.charts`; the sliders recompute with the model's own formulas, written in Vega by
`aicloud.models.unit_cost`. The Chinese edition translates the finished charts (`charts.finish`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from aicloud import charts
from aicloud.models import unit_cost as uc

BY, AFTER, UNDATED = "by the article", "after the article", "undated"   # as aicloud.analysis.infra_economics


def margin(frame: pd.DataFrame, v: Mapping[str, Any], paid_share: float, title: str, source: str) -> Any:
    """The provider's cost-profit margin by utilisation, with sliders for the GPU-hour price and the share of
    tokens billed: cost scales with price / utilisation, revenue with the share billed."""
    own = v["margin_price_ref"]
    price = charts.slider("margin_price", own, v["rental_low"], v["rental_high"], "Price per GPU-hour (USD)")
    paid = charts.slider("paid", paid_share, 0.01, 1, "Share of tokens billed", step=0.01)
    line = alt.Chart(frame).mark_line(color=charts.color_of(v["ds_provider"]), strokeWidth=2.5).encode(
        x=alt.X("utilisation:Q", title="Utilisation: share of paid GPU-hours serving at the published throughput",
                axis=alt.Axis(format=".0%")),
        y=alt.Y("margin:Q", title="Cost-profit margin (profit / cost)", axis=alt.Axis(format=".0%")),
        tooltip=[alt.Tooltip("utilisation:Q", format=".0%"), alt.Tooltip("margin:Q", format=".0%")],
    ).add_params(price, paid).transform_calculate(margin=uc.margin_expression(   # the model's formula, in Vega
        "datum.revenue * paid", "datum.cost_ref", f"(margin_price / {own})", "datum.utilisation"))
    layers = alt.layer(line, charts.rule("y", 0.0, "zero margin", dashed=True),
                       charts.rule("x", v["ds_occupancy_line"], "paying for peak nodes all day"))
    return charts.finish(layers, title=title, source=source,
        subtitle=f"{v['ds_provider']}'s cost-profit margin for one day ({v['ds_disclosed']}) by utilisation, price per "
                 "GPU-hour and share of tokens billed (sliders); vertical line: paying for peak nodes all day",
        description="The provider's margin against utilisation, with sliders for price and share billed.")


def stacks(runs: pd.DataFrame, v: Mapping[str, Any], p: Mapping[str, Any], title: str, source: str) -> Any:
    """Every published throughput figure as a cost per million tokens, at the hourly prices and utilisation the
    sliders set (one price per hardware class), faceted by phase."""
    sliders = [charts.slider("hopper_price", p["hopper_usd_per_gpu_hour"], v["rental_low"], v["rental_high"],
                             "Hopper USD/h"),
               charts.slider("blackwell_price", p["blackwell_usd_per_gpu_hour"], v["rental_low"], v["rental_high"],
                             "Blackwell USD/h"),
               charts.slider("ascend_price", p["ascend_usd_per_npu_hour"], 0.5, v["rental_high"], "Ascend USD/h"),
               charts.slider("util", p["utilisation"], 0.1, 1.0, "Utilisation")]
    price = ("datum.hardware_class == 'blackwell' ? blackwell_price : datum.hardware_class == 'ascend' ? "
             "ascend_price : hopper_price")
    shown = runs.drop(columns=["cost_per_m", "source_id"])         # the chart computes the cost from the sliders
    dots = alt.Chart(shown).mark_point(filled=True, size=90).encode(
        x=alt.X("cost:Q", title="USD per million tokens (log scale)", scale=alt.Scale(type="log")),
        y=alt.Y("label:N", sort=alt.EncodingSortField("tps_acc", order="descending"), title=None),
        color=alt.Color("operator:N", title="Published by", scale=charts.vendor_scale(shown["operator"])),
        shape=alt.Shape("setting:N", title="Setting"),
        opacity=alt.Opacity("evidence:N", title="Published", scale=alt.Scale(domain=[BY, AFTER, UNDATED],
                                                                               range=[1, 0.4, 0.4])),
        tooltip=["label:N", "setting:N", "precision:N", "tpot_ms:Q", "evidence:N", "conditions:N",
                 alt.Tooltip("tps_acc:Q", format=",.0f"), alt.Tooltip("cost:Q", format=",.3f", title="USD per M")],
    ).add_params(*sliders).transform_calculate(price_used=price).transform_calculate(
        cost=uc.cost_expression("datum.price_used", "datum.tps_acc", "util"))   # the model's formula, in Vega
    faceted = dots.properties(width=520, height=alt.Step(16)).facet(row=alt.Row("phase:N", title=None))
    return charts.finish(faceted.resolve_scale(y="independent"), title=title,
        subtitle=(f"USD per million tokens at the hourly prices and utilisation set by the sliders; {v['run_models']} "
                  "as published by each team; log scale; faded: published after the article or undated"),
        source=source,
        description=f"Dots for {v['n_runs']} published throughput figures, prefill and decode, by cost per million "
                    "tokens.")


def breakeven(frame: pd.DataFrame, p: Mapping[str, Any], v: Mapping[str, Any], title: str, source: str) -> Any:
    """The utilisation a domestic accelerator needs to match NVIDIA's cost per token, by its hourly price; sliders
    for NVIDIA's price and utilisation; 100% (impossible above) dashed."""
    ref_price = charts.slider("ref_price", p["hopper_usd_per_gpu_hour"], v["rental_low"], v["rental_high"],
                              "NVIDIA price per GPU-hour (USD)")
    ref_util = charts.slider("ref_util", p["utilisation"], 0.1, 1.0, "NVIDIA cluster utilisation")
    be_line = alt.Chart(frame).mark_line(strokeWidth=2.5).encode(
        x=alt.X("price:Q", title="Domestic accelerator price per hour (USD)"),
        y=alt.Y("breakeven:Q", title="Utilisation needed to match NVIDIA's cost per token",
                axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1.6], clamp=True)),
        color=alt.Color("label:N", title=None, legend=alt.Legend(columns=1)),   # long labels: one per line
        tooltip=["label:N", alt.Tooltip("price:Q", format=",.2f", title="USD per hour"),
                 alt.Tooltip("breakeven:Q", format=".0%", title="break-even utilisation")],
    ).add_params(ref_price, ref_util).transform_calculate(breakeven=uc.breakeven_expression(
        "datum.price", "datum.domestic_tps", "ref_price", "datum.reference_tps", "ref_util"))
    layers = alt.layer(be_line, charts.rule("y", 1.0, "100%: impossible above this line", "#c00", dashed=True),
                       charts.rule("x", p["ascend_usd_per_npu_hour"], "assumed domestic price"))
    return charts.finish(layers, title=title, source=source,
        subtitle=("Utilisation needed by hourly price of the domestic accelerator; sliders: NVIDIA's price and "
                  "utilisation; best published figures at the same service level and number-format width"),
        description="Break-even utilisation of a domestic accelerator, rising with its hourly price; 100% dashed.")


def agents(frame: pd.DataFrame, title: str, source: str) -> Any:
    """Token demand relative to chat by the share of sessions of each workload (published multiples)."""
    return charts.finish(alt.Chart(frame).mark_line(strokeWidth=2).encode(
        x=alt.X("share:Q", title="Share of sessions that are of this workload", axis=alt.Axis(format=".0%")),
        y=alt.Y("tokens:Q", title="Tokens per session, times an all-chat mix (log scale)",
                scale=alt.Scale(type="log")),
        color=alt.Color("workload:N", title="Workload"),
        tooltip=["workload:N", alt.Tooltip("multiple:Q", format=",.0f"), alt.Tooltip("share:Q", format=".0%"),
                 "tokens:Q"]),
        title=title, source=source,
        subtitle=("Tokens per session relative to chat-only use, by share of sessions of each workload; published "
                  "multiples"),
        description="Lines of token demand relative to chat, rising with the share of sessions of each agent workload.")


def survival(frame: pd.DataFrame, providers: list[str], v: Mapping[str, Any], title: str, source: str) -> Any:
    """Overlapping histograms of the months until each provider's cash runs out, over the Monte Carlo draws."""
    return charts.finish(alt.Chart(frame).mark_bar(opacity=0.55, binSpacing=0).encode(
        x=alt.X("from:Q", bin="binned",
                title=f"Months until cash runs out (last bar: solvent at {v['horizon_months']})"),
        x2="to:Q", y=alt.Y("share:Q", title="Share of draws", axis=alt.Axis(format=".0%"), stack=None),
        color=alt.Color("provider:N", title="Provider", sort=providers),
        tooltip=["provider:N", "from:Q", "to:Q", alt.Tooltip("share:Q", format=".1%")]),
        title=title, source=source,
        subtitle=(f"Months until cash runs out over {v['n_draws']:,} Monte Carlo draws, {v['horizon_months']}-month "
                  "horizon; cost gap from the like-for-like stacks and the levers"),
        description="Overlapping histograms of survival months for the lowest-, middle- and highest-cost provider.")


def events(frame: pd.DataFrame, v: Mapping[str, Any], title: str, source: str) -> Any:
    """Dated infrastructure moves on a timeline, one row per organisation, shaped by kind of move."""
    return charts.finish(alt.Chart(frame).mark_point(filled=True, size=140).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("organisation:N", title=None),
        color=alt.Color("organisation:N", scale=charts.vendor_scale(sorted(frame["organisation"].unique())),
                        legend=None),
        shape=alt.Shape("category:N", title="Kind of move"),
        tooltip=["organisation:N", "day:N", "date_precision:N", "category:N", "event:N", "accelerators:Q"]),
        title=title, source=source, height=180,
        subtitle=f"Dated moves {v['events_span']}, by organisation and kind of move",
        description="Points on a timeline, one row per organisation, shaped by kind of move; tooltips give each event.")
