"""Answers to the GPU chapter's exercises, computed from the chapter's result and its declared parameters.

`answers(result, params, declared)` returns the values the solutions glue. Sentences whose shape depends on the
data (one buyer, no buyer named by the article) are made here, so an answer never divides by zero or compares a
figure with itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicloud.analysis import ChapterResult
from aicloud.models import gpu_allocation as gpu
from aicloud.params import Parameter


def hhi_answer(check: Any, hhi: float) -> str:
    """Exercise 'Compute by hand': the top two buyers' part of the HHI (none when the year lists no units)."""
    t = HHI
    if not hhi or float(check["units"].sum()) == 0:
        return t["empty"]
    if len(check) == 1:
        return t["one"].format(buyer=shown_name(check["buyer"].iloc[0]))
    top = check.head(2)
    part = float(top["squared"].sum())
    text = t["top_two"].format(first=shown_name(top["buyer"].iloc[0]), first_pct=top["share_pct"].iloc[0],
                               second=shown_name(top["buyer"].iloc[1]), second_pct=top["share_pct"].iloc[1],
                               part=part)
    if len(check) == 2:
        return text + t["only_two"]
    rest = hhi - part
    tied = check["units"].iloc[2] == check["units"].iloc[1]
    return (text + t["rest"].format(share=part / hhi, only=t["only"] if rest < part else t["not_only"], rest=rest)
            + (t["tied"] if tied else "") + t["check"])


def claim_answer(v: Mapping[str, Any]) -> str:
    """Exercise 'Judge a claim': can the article's total be annual?"""
    t = CLAIM
    if not v["claim_units"]:
        return t["no_total"]
    if not v["named_count"]:
        return t["no_named"].format(year=v["claim_year"])
    if v["named_units"] > v["claim_units"]:
        text = t["not_annual"].format(named_count=v["named_count"], named_units=units_text(v["named_units"]),
                                      share=v["claim_units"] / v["named_units"])
        text += (t["listed"].format(ratio=v["listed_units"] / v["claim_units"]) if v["listed_units"]
                 else t["no_listed"])
        if v["best_matches_claim"]:
            text += t["best"].format(publisher=shown_name(v["best_publisher"]), days=v["best_days"],
                                     products=t["and"].join(str(v["best_products"]).split(" and ")))
        return text + t["not_annual_end"]
    return t["within"].format(named_count=v["named_count"], named_units=units_text(v["named_units"]),
                              claim_units=units_text(v["claim_units"]))


# Sentences (the Chinese counterpart gives its own HHI, CLAIM, shown_name and units_text; the logic is above) ---

HHI = {
    "empty": ("(a) The year's list holds no units, so there are no shares to square and no HHI to split. The check "
              "in code:"),
    "one": "(a) {buyer} took all the listed units, so its square, 10,000, is the whole HHI. The check in code:",
    "top_two": ("(a) {first} took {first_pct:.1f}% and {second} {second_pct:.1f}% of the listed units; their "
                "squares add up to {part:,.0f}, "),
    "only_two": "the whole HHI, since they are the only two buyers. The check in code:",
    "rest": "which is {share:.0%} of the HHI. Every other buyer together adds {only}{rest:,.0f}.",
    "only": "only ",
    "not_only": "",
    "tied": " Other buyers bought as many as the second, so the top two are picked by name (alphabetically).",
    "check": " The check in code:",
}
CLAIM = {
    "no_total": "The data hold no total from the article, so there is nothing to judge.",
    "no_named": ("The data cannot decide it: no {year} buyer is flagged as named by the article, so its parts "
                 "cannot be added up."),
    "not_annual": ("It cannot be annual: the {named_count} buyers the article itself names add up to {named_units} "
                   "GPUs, so the stated total is only {share:.0%} of the article's own parts"),
    "listed": ", and all listed buyers sum to {ratio:.2f} times the total.",
    "no_listed": ".",
    "best": " The total equals a figure from {publisher} that covers {days} days of {products}.",
    "and": " and ",
    "not_annual_end": " The total does not hold (the per-buyer figures are not compared with anything).",
    "within": ("Nothing in these data rules it out: the {named_count} buyers the article names add up to "
               "{named_units} GPUs, within its total of {claim_units}."),
}


def shown_name(name: str) -> str:
    """A buyer's or publisher's name as the answer shows it (as published)."""
    return name


def units_text(units: float) -> str:
    """A count of GPUs in an answer."""
    return f"{units:,.0f}"


def answers(result: ChapterResult, params: Mapping[str, Any], declared: list[Parameter]) -> dict[str, Any]:
    """The values the solutions quote (keys `ex_*`)."""
    v = result.values
    ranges = {p.name: p for p in declared}
    low, high = v["price_estimates_low"], v["price_estimates_high"]
    units = v["money_units"]   # the priced GPUs of the money section's year
    fleet = v["fleet_h100_eq"]   # the fleet in H100-equivalents (the same as units for a list of H100s)
    share_high = ranges["training_share"].high
    util_low, util_high = ranges["fleet_utilisation"].low, ranges["fleet_utilisation"].high
    run_hours = v["run_gpu_hours_m"] * 1e6
    check = result.frames["check_hhi"]
    return {
        "ex_spend_low_bn": float(gpu.capex_usd(units, low)) / 1e9,
        "ex_spend_high_bn": float(gpu.capex_usd(units, high)) / 1e9,
        "ex_spend_ratio": high / low if low > 0 else 1.0,
        "ex_hhi_answer": hhi_answer(check, v["last_hhi"]),
        "ex_equal_hhi": 10_000 / len(check),
        "ex_training_share_high": share_high,
        "ex_runs_high_training": (float(gpu.training_runs_per_year(fleet, run_hours, share_high))
                                  if run_hours > 0 else 0.0),
        "ex_util_low": util_low,
        "ex_util_high": util_high,
        "ex_exaflops_low": float(gpu.sustained_flops(fleet, v["peak_tflops"], util_low)) / 1e18,
        "ex_exaflops_high": float(gpu.sustained_flops(fleet, v["peak_tflops"], util_high)) / 1e18,
        "ex_claim_answer": claim_answer(v),
        "ex_fleet_word": "GPUs" if abs(fleet - units) < 0.5 else "H100-equivalents",
    }
