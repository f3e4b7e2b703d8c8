"""Answers to the MaaS price-war chapter's exercises, from the chapter's own figures (`analyse(...).values`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Reader-facing sentences (one place, for a later translation).
TEXT = {
    "revenue": ("At the chapter's paid share of {used:.0%} the estimate is RMB {low:,.1f} bn to {high:,.1f} bn a year, "
                "from {tokens:,.0f} trillion tokens a day at {p_low:,.2f} to {p_high:,.2f} RMB per million. At the "
                "ends of the documented range ({r_low:.0%} and {r_high:.0%}) it runs from RMB {lo_lo:,.1f} bn to "
                "{hi_lo:,.1f} bn and from RMB {lo_hi:,.1f} bn to {hi_hi:,.1f} bn: the estimate is proportional to "
                "the paid share, so it moves by the same factor ({factor:.0f}x) as the parameter's range."),
    "revenue_none": "With this data the chapter cannot estimate the revenue ({why}), so there is nothing to scale.",
    "decline": ("A fall of {rate:.0%} a year leaves {one:,.1f} RMB after one year and {two:,.1f} RMB after two "
                "(100 x (1 - rate) and 100 x (1 - rate)^2)."),
}


def answers(values: Mapping[str, Any], paid_range: tuple[float, float]) -> dict[str, str]:
    """The solutions' glued sentences: the price after one and two years at the fitted rate, and the revenue
    estimate at both ends of the paid share's documented range `paid_range`."""
    rate = float(values.get("fit_decline", 0.0))
    out = {"sol_decline": TEXT["decline"].format(rate=rate, one=100 * (1 - rate), two=100 * (1 - rate) ** 2)}
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
