"""Capital spending against the revenue it needs: Sequoia's arithmetic, payback years, comparable bases.

Pure functions on numbers or NumPy arrays (they broadcast); no I/O. Money is in one currency per call (the
chapter uses USD bn); rates and shares are fractions (0.5 = 50%), growth is a fraction per year.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike


def _fraction(name: str, value: ArrayLike, *, low: float, high: float, open_high: bool = False) -> np.ndarray:
    value = np.asarray(value, dtype=float)
    bad = (value < low) | ((value >= high) if open_high else (value > high)) | np.isnan(value)
    if bad.any():
        upper = f"below {high}" if open_high else f"at most {high}"
        raise ValueError(f"{name} must be at least {low} and {upper}")
    return value


def datacentre_cost(gpu_spend: ArrayLike, gpu_share_of_cost: ArrayLike = 0.5) -> np.ndarray:
    """Total data-centre cost implied by a GPU spend, when GPUs are `gpu_share_of_cost` (0-1] of the total
    (Sequoia: GPUs are half, energy, buildings and the rest the other half, so cost = 2 x GPU spend)."""
    share = _fraction("gpu_share_of_cost", gpu_share_of_cost, low=0.0, high=1.0)
    if (share == 0).any():
        raise ValueError("gpu_share_of_cost must be above 0")
    return np.asarray(gpu_spend, dtype=float) / share


def revenue_needed(gpu_spend: ArrayLike, gpu_share_of_cost: ArrayLike = 0.5,
                   end_user_margin: ArrayLike = 0.5) -> np.ndarray:
    """Lifetime end-user revenue needed to pay for a GPU spend (Sequoia's "$200B/$600B" arithmetic).

    revenue = GPU spend / GPU share of data-centre cost / (1 - end-user gross margin). With Sequoia's inputs
    (share 0.5, margin 0.5) this is GPU spend x 2 x 2. Same unit as `gpu_spend`.
    """
    margin = _fraction("end_user_margin", end_user_margin, low=0.0, high=1.0, open_high=True)
    return datacentre_cost(gpu_spend, gpu_share_of_cost) / (1.0 - margin)


def revenue_gap(needed: ArrayLike, revenue: ArrayLike) -> np.ndarray:
    """Revenue still missing: needed minus earned (negative when revenue exceeds the need)."""
    return np.asarray(needed, dtype=float) - np.asarray(revenue, dtype=float)


def coverage(revenue: ArrayLike, needed: ArrayLike) -> np.ndarray:
    """Share of the needed revenue that is earned (1 = fully covered)."""
    needed = np.asarray(needed, dtype=float)
    if (needed <= 0).any():
        raise ValueError("needed revenue must be positive")
    return np.asarray(revenue, dtype=float) / needed


def run_rate(quarterly: ArrayLike) -> np.ndarray:
    """Annualised run-rate of a quarterly figure (x4), as Sequoia used NVIDIA's quarter."""
    return np.asarray(quarterly, dtype=float) * 4.0


def payback_years(capex: ArrayLike, revenue: ArrayLike, margin: ArrayLike, growth: ArrayLike) -> np.ndarray:
    """Years until the cumulative margin on revenue repays the capex (fractional years, inf if never).

    Revenue flows continuously, starting at `revenue` a year and growing by `growth` a year (fraction, above
    -1); `margin` (0-1) of it repays the capex. With k = ln(1 + growth), the margin earned after T years is
    margin x revenue x (e^(kT) - 1) / k (or margin x revenue x T when growth is 0), so
    T = ln(1 + capex x k / (margin x revenue)) / k. With shrinking revenue the total ever earned is capped at
    margin x revenue / -k, and payback never happens if the capex is at least that.
    """
    capex = np.asarray(capex, dtype=float)
    revenue = np.asarray(revenue, dtype=float)
    margin = _fraction("margin", margin, low=0.0, high=1.0)
    growth = np.asarray(growth, dtype=float)
    if (growth <= -1).any():
        raise ValueError("growth must be above -1 (a fall of 100% or more a year)")
    if (capex < 0).any() or (revenue < 0).any():
        raise ValueError("capex and revenue must not be negative")
    capex, revenue, margin, growth = np.broadcast_arrays(capex, revenue, margin, growth)
    yearly = margin * revenue
    k = np.log1p(growth)
    flat = np.isclose(k, 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        x = capex * k / yearly                     # log1p: exact for small growth, where 1 + x loses digits
        grown = np.where((yearly > 0) & (x > -1), np.log1p(x) / np.where(flat, 1.0, k), np.inf)
        out = np.where(flat, np.where(yearly > 0, capex / yearly, np.inf), grown)
    out = np.where(capex == 0, 0.0, out)
    return out if out.ndim else out[()]


def cumulative_recovered(revenue: ArrayLike, margin: ArrayLike, growth: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Margin earned after `years` on revenue flowing at `revenue` a year now and growing by `growth` a year
    (the model of `payback_years`, whose inverse it is): margin x revenue x (e^(k years) - 1) / k."""
    revenue = np.asarray(revenue, dtype=float)
    margin = _fraction("margin", margin, low=0.0, high=1.0)
    growth = np.asarray(growth, dtype=float)
    years = np.asarray(years, dtype=float)
    if (growth <= -1).any():
        raise ValueError("growth must be above -1")
    k = np.log1p(growth)
    flat = np.isclose(k, 0.0)
    safe_k = np.where(flat, 1.0, k)
    with np.errstate(over="ignore"):
        factor = np.where(flat, years, np.expm1(years * safe_k) / safe_k)
    return margin * revenue * factor


def share(part: ArrayLike, whole: ArrayLike) -> np.ndarray:
    """part / whole as a fraction, e.g. capex as a share of GDP or of revenue (same currency and period)."""
    whole = np.asarray(whole, dtype=float)
    if (whole <= 0).any():
        raise ValueError("the denominator must be positive")
    return np.asarray(part, dtype=float) / whole


def _positive_years(years: ArrayLike) -> np.ndarray:
    years = np.asarray(years, dtype=float)
    if (years <= 0).any():
        raise ValueError("years must be positive")
    return years


def total_decline(fall_per_year: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Overall fall after `years` of a constant yearly fall (fractions): 1 - (1 - f)^n."""
    fall = _fraction("fall_per_year", fall_per_year, low=0.0, high=1.0)
    return 1.0 - (1.0 - fall) ** np.asarray(years, dtype=float)


def yearly_decline(total_fall: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Constant yearly fall that compounds to `total_fall` over `years` (fractions): 1 - (1 - F)^(1/n)."""
    total = _fraction("total_fall", total_fall, low=0.0, high=1.0)
    return 1.0 - (1.0 - total) ** (1.0 / _positive_years(years))


def yearly_pace(total: ArrayLike, years: ArrayLike) -> np.ndarray:
    """A multi-year total spread evenly: total / years (e.g. a three-year pledge per year)."""
    return np.asarray(total, dtype=float) / _positive_years(years)


def previous_level(current: ArrayLike, change: ArrayLike) -> np.ndarray:
    """The earlier level implied by a level and its change from it (fraction, -0.22 = 22% lower):
    current / (1 + change)."""
    change = np.asarray(change, dtype=float)
    if (change <= -1).any():
        raise ValueError("change must be above -1")
    return np.asarray(current, dtype=float) / (1.0 + change)


# Scalar forms for verdict rules (the robustness sweep calls them thousands of times; no NumPy overhead) ------

def payback_year(capex: float, revenue: float, margin: float, growth: float) -> float:
    """`payback_years` for plain floats: years until margin x revenue, growing by `growth` a year, repays
    `capex` (math.inf if never). Same model and same refusals as the array version."""
    if not 0.0 <= margin <= 1.0:
        raise ValueError("margin must be at least 0.0 and at most 1.0")
    if growth <= -1.0:
        raise ValueError("growth must be above -1 (a fall of 100% or more a year)")
    if capex < 0 or revenue < 0:
        raise ValueError("capex and revenue must not be negative")
    if capex == 0:
        return 0.0
    yearly = margin * revenue
    if yearly <= 0:
        return math.inf
    k = math.log1p(growth)
    if math.isclose(k, 0.0, abs_tol=1e-8):
        return capex / yearly
    x = capex * k / yearly   # log1p as in the array version: 1 + x loses digits for small growth
    return math.log1p(x) / k if x > -1 else math.inf


def revenue_to_repay_within(capex: float, margin: float, growth: float, years: float) -> float:
    """The starting yearly revenue at which `capex` is repaid in exactly `years` (the inverse of
    `payback_year` in revenue): capex / (margin x (e^(k years) - 1) / k), k = ln(1 + growth)."""
    if margin <= 0 or years <= 0:
        return math.inf
    k = math.log1p(growth)
    factor = years if math.isclose(k, 0.0, abs_tol=1e-8) else math.expm1(k * years) / k
    return capex / (margin * factor)


# Money across decades -----------------------------------------------------------------------------------------

def price_level(year: int, index: dict[int, float], inflation_after: float = 0.0) -> float | None:
    """The price index for `year`: the published value, or for a year after the last published one the last
    value grown by `inflation_after` a year (an assumption the caller states). None before the first year."""
    if year in index:
        return index[year]
    last = max(index) if index else None
    if last is None or year < last:
        return None
    if inflation_after <= -1:
        raise ValueError("inflation_after must be above -1")
    return index[last] * (1.0 + inflation_after) ** (year - last)


def in_dollars_of(amount: ArrayLike, level_then: float, level_base: float) -> np.ndarray:
    """An amount of year-`then` money in base-year money: amount x level_base / level_then."""
    if level_then <= 0 or level_base <= 0:
        raise ValueError("price levels must be positive")
    return np.asarray(amount, dtype=float) * (level_base / level_then)


# The steady state ----------------------------------------------------------------------------------------------

def steady_state(yearly_spend: float, life_years: float) -> tuple[float, float]:
    """Installed base and its yearly straight-line depreciation once spending has held at `yearly_spend` for a
    whole asset life: the base holds `life_years` years of purchases, and each year one year's worth of
    purchases is written off, so depreciation equals the yearly spend whatever the life."""
    if life_years <= 0:
        raise ValueError("life_years must be positive")
    if yearly_spend < 0:
        raise ValueError("yearly_spend must not be negative")
    installed = yearly_spend * life_years
    return installed, installed / life_years
