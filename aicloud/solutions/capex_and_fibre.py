"""Answers to the capex and fibre chapter's exercises: `answers(evidence, params, result)` returns the values
its solutions glue (`sol_*`). The sentences are in the marked section at the end."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from aicloud.analysis import ChapterResult
from aicloud.analysis.capex_and_fibre import Evidence
from aicloud.analysis.capex_and_fibre_text import years_text
from aicloud.models import capex


def growth_at_life(cost: float, revenue: float, margin: float, life: float, low: float = -0.99,
                   high: float = 20.0) -> float | None:
    """The yearly revenue growth at which paying back `cost` takes exactly `life` years (payback falls as growth
    rises, so bisection finds it); None when no growth in [low, high] gives it."""
    def gap(g: float) -> float:
        years = capex.payback_year(cost, revenue, margin, g)
        return (years if math.isfinite(years) else 1e9) - life
    if gap(high) > 0 or gap(low) < 0:
        return None
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if gap(mid) > 0 else (low, mid)
    return (low + high) / 2


def answers(ev: Evidence, params: Mapping[str, Any], result: ChapterResult) -> dict[str, Any]:
    revenue, life = params["ai_revenue_usd_bn"], params["gpu_life_years"]
    out: dict[str, Any] = {}
    u = ev.update
    if u is None or not u["needed"] > 0:
        out["sol_sequoia"] = NO_QUARTER
    else:
        run = 4 * u["q_revenue"]                                  # (a) four quarters
        need = run / u["gpu_share"] / (1 - u["margin"])           # (b) whole bill, then the end user's margin
        out["sol_sequoia"] = SEQUOIA.format(run=run, need=need, gap=abs(need - revenue), cover=revenue / need,
                                            gap_word="gap" if need >= revenue else "surplus")
    table = result.frames["payback"]
    if table.empty:
        out["sol_payback"] = NO_BASE
    else:
        g = growth_at_life(float(table["USD bn"].iloc[0]), revenue, params["margin_central"], life)
        turn = (TURN_NONE.format(life=life) if g is None
                else TURN.format(life=life, g=g, central=params["growth_central"]))
        out["sol_payback"] = PAYBACK.format(
            cmin=years_text(table["central"].min()), cmax=years_text(table["central"].max()),
            hmin=years_text(table["high"].min()), lmax=years_text(table["low"].max()), turn=turn)
    out["sol_gdp"] = (GDP.format(a0=ev.gdp_ai[0], a1=ev.gdp_ai[1], t0=ev.gdp_tel[0], t1=ev.gdp_tel[1])
                      if ev.gdp_ai and ev.gdp_tel else NO_GDP)
    v = result.values
    use = (USE.format(n=v["use_n"], lo=v["use_min"], hi=v["use_max"], m=v["use_n_measures"]) if v["use_n"]
           else NO_USE)
    out["sol_analogy"] = ANALOGY.format(holds=v["n_holds"], tests=v["n_tests"], holds_list=v["holds_list"],
                                        breaks=v["n_breaks"], breaks_list=v["breaks_list"], use=use)
    return out


# Sentences (a Chinese edition needs a counterpart for each) ---------------------------------------------------

SEQUOIA = ("(a) Four quarters give USD {run:,.1f} bn a year. (b) Dividing by the GPU share gives the whole "
           "data-centre bill, and dividing by one minus the margin the revenue end users must earn: USD {need:,.0f} "
           "bn a year, the chapter's figure. (c) Against the assumed revenue the {gap_word} is USD {gap:,.0f} bn and "
           "revenue covers {cover:.0%} of the need.")
NO_QUARTER = ("The data given to this run hold no NVIDIA quarter with revenue and Sequoia's inputs, so the "
              "chapter has no figure to check yours against.")
PAYBACK = ("(a) Across the chapter's bases the central case pays back in {cmin} to {cmax} years; the high case needs "
           "at least {hmin} and the low case up to {lmax}. {turn}")
TURN = ("With the central margin and the assumed starting revenue, paying back one year's GPU spend takes "
        "longer than the {life:g}-year life at any growth below about {g:.0%} a year (the central case assumes "
        "{central:.0%}).")
TURN_NONE = ("With the central margin and the assumed starting revenue, no growth rate makes the payback of one "
             "year's GPU spend equal to the {life:g}-year life.")
NO_BASE = "The data given to this run hold no capital base, so no payback is computed."
GDP = ("Their AI figures run from {a0:.1f}% to {a1:.1f}% and their telecom figures from {t0:.1f}% to {t1:.1f}%")
NO_GDP = "No commentator in these data gives both figures"
USE = ("for fibre, {n} quoted figures put the share in use between {lo:.1f}% and {hi:.0f}% ({m} different "
       "measures)")
NO_USE = "for fibre, the data hold no quoted share in use"
ANALOGY = ("The analogy passes {holds} of the chapter's {tests} tests ({holds_list}) and fails {breaks} "
           "({breaks_list}). The central test is whether what is built still works when later firms come to use "
           "a glut: each asset's life against that wait, which for AI cannot be observed before a bust. On use, "
           "{use}, while no AI provider publishes the utilisation of its fleet.")
