"""Answers to the MaaS price-war chapter's exercises, from the chapter's own figures (`analyse(...).values`) and,
for the figures only the answers quote (the fit's factor and interval, the published range, the first price move),
from the prepared evidence with the chapter's parameters, so the main analysis glues none of them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from aicloud.analysis import maas_price_war as mpw
from aicloud.analysis import maas_price_war_text as txt

# Reader-facing sentences (one place, for a later translation).
TEXT = {
    "revenue": ("At the chapter's paid share of {used:.0%} the estimate is RMB {low:,.1f} bn to {high:,.1f} bn a year, "
                "from {tokens:,.0f} trillion tokens a day at {p_low:,.2f} to {p_high:,.2f} RMB per million. At the "
                "ends of the documented range ({r_low:.0%} and {r_high:.0%}) it runs from RMB {lo_lo:,.1f} bn to "
                "{hi_lo:,.1f} bn and from RMB {lo_hi:,.1f} bn to {hi_hi:,.1f} bn: the estimate is proportional to "
                "the paid share, so it moves by the same factor ({factor:.1f}x) as the parameter's range."),
    "revenue_none": "With this data the chapter cannot estimate the revenue ({why}), so there is nothing to scale.",
    "decline": ("(a) A fall of {rate:.0%} a year leaves {one:,.1f} RMB after one year and {two:,.1f} RMB after two "
                "(100 x (1 - rate) and 100 x (1 - rate)^2). (b) The price is divided by 1 / (1 - rate) each year, "
                "the chapter's factor of {factor:,.1f}, with a {level:.0%} interval {interval} for the rate (over "
                "{groups} models)."),
    "rise": ("(a) A rise of {rate:.0%} a year gives {one:,.1f} RMB after one year and {two:,.1f} RMB after two "
             "(100 x (1 + rate) and 100 x (1 + rate)^2). (b) The price is multiplied by 1 + rate each year, a factor "
             "of {factor:,.2f}, with a {level:.0%} interval {interval} for the change (over {groups} models)."),
    "no_trend": ("(a) and (b): this run's data give no within-model trend after the war (see the trend section), so "
                 "there is no rate to compute with."),
    "published": " Published estimates of the decline range from a factor of {low:,.0f} to {high:,.0f} a year.",
    "sliders": ("(a) With no switching cost and nearly identical models, customers go to the cheapest provider, so the "
                "price falls towards the cost line ({cost:,.2f} RMB per million tokens): at {n} providers it is "
                "{price_alike:,.2f} RMB at a differentiation of {alike:g}, a margin of only {margin_alike:.0%}. More "
                "providers push it closer to cost; differentiated models ({price_distinct:,.2f} RMB when very "
                "different) keep it higher. (b) {ticks}"),
    "ticks": ("With a switching cost of {k:g} RMB, the ticks appear up to a differentiation of {upto:g}: there, "
              "each provider gains by undercutting a rival by more than the switching cost, so prices cycle "
              "downwards: a price war."),
    "no_ticks": ("With a switching cost of {k:g} RMB and {n} providers no tick appears: every setting on the chart "
                 "has a stable price; raise the switching cost or the number of providers to find them."),
    "no_model": ("(a) and (b): this run's data hold no serving cost, so the model has no cost line to compute with; "
                 "answer them for the default data."),
    "first_move": "The first price move in the data (one that changed a list price) is by {vendor} on {date}",
    "no_first_move": "The data hold no move that changed a list price",
}


def answers(values: Mapping[str, Any], paid_range: tuple[float, float], evidence: Any = None,
            params: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The solutions' glued sentences: the price after one and two years at the fitted rate (none when the data
    give no trend), the published range, the first price move, and the revenue estimate at both ends of the paid
    share's documented range `paid_range`. `evidence` and `params` (the chapter's) give the figures only the
    answers quote; without them those parts are left out."""
    out = {"sol_decline": _decline(evidence, params), "sol_published": "", "sol_first_move": TEXT["no_first_move"],
           "sol_sliders": _sliders(values)}
    if evidence is not None:
        if evidence.published is not None:
            out["sol_published"] = TEXT["published"].format(low=evidence.published[0], high=evidence.published[1])
        moves = [m for m in evidence.moves if m.price_move]
        if moves:
            day = min(m.day for m in moves)    # every vendor that moved that day (a tie is named as one)
            # one name per vendor whatever its case ("Alibaba", "alibaba"), as the rules name them
            named = {m.vendor.casefold(): m.vendor for m in sorted(moves, key=lambda m: m.vendor, reverse=True)
                     if m.day == day}
            vendors = sorted(named.values(), key=str.casefold)
            out["sol_first_move"] = TEXT["first_move"].format(vendor=txt.joined(vendors),
                                                              date=txt.day(date.fromordinal(day)))
    used = float(values["paid_token_share"])
    if "rev_low_bn" in values and used > 0:
        low, high = paid_range
        scale = {end: end / used for end in (low, high)}
        out["sol_revenue"] = TEXT["revenue"].format(
            used=used, low=values["rev_low_bn"], high=values["rev_high_bn"], tokens=values["rev_tokens_t"],
            p_low=values["rev_price_low"], p_high=values["rev_price_high"], r_low=low, r_high=high,
            lo_lo=values["rev_low_bn"] * scale[low], hi_lo=values["rev_high_bn"] * scale[low],
            lo_hi=values["rev_low_bn"] * scale[high], hi_hi=values["rev_high_bn"] * scale[high], factor=high / low)
    else:
        why = values.get("revenue_text", "").split(": ", 1)[-1].rstrip(".") or "no price or volume"
        out["sol_revenue"] = TEXT["revenue_none"].format(why=why)
    return out


def _decline(evidence: Any, params: Mapping[str, Any] | None) -> str:
    """The decline exercise's (a) and (b) from the chapter's within-model fit, worded by its direction."""
    if evidence is None or params is None:
        return TEXT["no_trend"]
    fit = mpw.within_model_fit(evidence, params["usd_per_rmb"], params["input_weight"], params["confidence"],
                               params["min_trend_years"])
    if fit is None or fit["slope"] == 0:
        return TEXT["no_trend"]
    fields = dict(level=params["confidence"], interval=txt.trend_interval(fit), groups=fit["groups"])
    if fit["slope"] < 0:
        rate = fit["decline"]
        return TEXT["decline"].format(rate=rate, one=100 * (1 - rate), two=100 * (1 - rate) ** 2,
                                      factor=fit["factor"], **fields)
    rate = -fit["decline"]
    return TEXT["rise"].format(rate=rate, one=100 * (1 + rate), two=100 * (1 + rate) ** 2, factor=1 + rate,
                               **fields)


def _sliders(v: Mapping[str, Any]) -> str:
    """The sliders exercise's (a) and (b) from the model section's figures (none when the data hold no cost)."""
    if "unit_cost" not in v:
        return TEXT["no_model"]
    ticks = (TEXT["ticks"].format(k=v["m_k"], upto=v["m_unstable_upto"]) if v["m_unstable_upto"] > 0
             else TEXT["no_ticks"].format(k=v["m_k"], n=v["m_n"]))
    return TEXT["sliders"].format(cost=v["unit_cost"], n=v["m_n"], price_alike=v["m_price_alike"],
                                  alike=v["m_alike"], margin_alike=v["m_margin_alike"],
                                  price_distinct=v["m_price_distinct"], ticks=ticks)
