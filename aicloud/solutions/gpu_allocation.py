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
    if not hhi or float(check["units"].sum()) == 0:
        return ("(a) The year's list holds no units, so there are no shares to square and no HHI to split. The "
                "check in code:")
    if len(check) == 1:
        return (f"(a) {check['buyer'].iloc[0]} took all the listed units, so its square, 10,000, is the whole HHI. "
                "The check in code:")
    top = check.head(2)
    part = float(top["squared"].sum())
    text = (f"(a) {top['buyer'].iloc[0]} took {top['share_pct'].iloc[0]:.1f}% and {top['buyer'].iloc[1]} "
            f"{top['share_pct'].iloc[1]:.1f}% of the listed units; their squares add up to {part:,.0f}, ")
    if len(check) == 2:
        return text + "the whole HHI, since they are the only two buyers. The check in code:"
    rest = hhi - part
    tied = check["units"].iloc[2] == check["units"].iloc[1]
    return (text + f"which is {part / hhi:.0%} of the HHI. Every other buyer together adds "
            f"{'only ' if rest < part else ''}{rest:,.0f}."
            + (" Other buyers bought as many as the second, so the top two are picked by name (alphabetically)."
               if tied else "") + " The check in code:")


def claim_answer(v: Mapping[str, Any]) -> str:
    """Exercise 'Judge a claim': can the article's total be annual?"""
    if not v["claim_units"]:
        return "The data hold no total from the article, so there is nothing to judge."
    if not v["named_count"]:
        return (f"The data cannot decide it: no {v['claim_year']} buyer is flagged as named by the article, so its "
                "parts cannot be added up.")
    if v["named_units"] > v["claim_units"]:
        text = (f"It cannot be annual: the {v['named_count']} buyers the article itself names add up to "
                f"{v['named_units']:,.0f} GPUs, so the stated total is only {v['claim_units'] / v['named_units']:.0%} "
                f"of the article's own parts")
        text += (f", and all listed buyers sum to {v['listed_units'] / v['claim_units']:.2f} times the total."
                 if v["listed_units"] else ".")
        if v["best_matches_claim"]:
            text += (f" The total equals a figure from {v['best_publisher']} that covers {v['best_days']} days of "
                     f"{v['best_products']}.")
        return text + " The total does not hold (the per-buyer figures are not compared with anything)."
    return (f"Nothing in these data rules it out: the {v['named_count']} buyers the article names add up to "
            f"{v['named_units']:,.0f} GPUs, within its total of {v['claim_units']:,.0f}.")


def answers(result: ChapterResult, params: Mapping[str, Any], declared: list[Parameter]) -> dict[str, Any]:
    """The values the solutions quote (keys `ex_*`)."""
    v = result.values
    ranges = {p.name: p for p in declared}
    low, high = v["price_estimates_low"], v["price_estimates_high"]
    units = v["money_units"]   # the priced GPUs of the money section's year
    fleet = v["fleet_h100_eq"]   # the fleet in H100-equivalents (the same as units for a list of H100s)
    share_high = ranges["training_share"].high
    util_low, util_high = ranges["utilisation"].low, ranges["utilisation"].high
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
