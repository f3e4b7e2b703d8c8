"""A price-war attrition model: who runs out of cash when, and how a lower unit cost lengthens survival.

A provider sells tokens at the market price and pays its own unit cost plus a fixed monthly cost. While the
price is below cost, losses draw down its cash. The price and the unit cost both fall at annual rates (a
price war and technical progress). All money is per million tokens sold per month, so a cash reserve is
measured in months of initial revenue when multiplied by the initial price.

Pure functions on NumPy arrays (every input broadcasts to the number of draws); no I/O. A Monte Carlo run is
one call with arrays of draws; random numbers come from a `numpy.random.Generator` passed in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

MONTHS_PER_YEAR = 12.0


def _rate(name: str, value: ArrayLike) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if ((arr < 0) | (arr >= 1)).any():
        raise ValueError(f"{name} must lie in [0, 1): the share by which it falls in a year")
    return arr


_BLOCK = 8192  # draws per block in survival_months


def path(start: ArrayLike, annual_decline: ArrayLike, month: ArrayLike) -> np.ndarray:
    """Value after `month` months when it falls by `annual_decline` (0-1) a year, compounded monthly."""
    return np.asarray(start, dtype=float) * (1 - _rate("annual_decline", annual_decline)) ** (
        np.asarray(month, dtype=float) / MONTHS_PER_YEAR)


def monthly_burn(unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike) -> np.ndarray:
    """Cash lost in a month per million tokens sold a month: unit cost - price + fixed cost (negative: gain)."""
    return (np.asarray(unit_cost, dtype=float) - np.asarray(price, dtype=float)
            + np.asarray(fixed_cost, dtype=float))


def survival_months(cash: ArrayLike, unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike,
                    price_decline: ArrayLike, cost_decline: ArrayLike, horizon_months: int) -> np.ndarray:
    """Months until cash runs out (fractional within the last month); `horizon_months` if it never does.

    cash, unit_cost, price, fixed_cost: USD per (million tokens a month), broadcast to one value per draw;
    price_decline, cost_decline: annual shares by which the market price and the unit cost fall.
    """
    if horizon_months < 1:
        raise ValueError("horizon_months must be at least 1")
    cash, unit_cost, price, fixed_cost, price_decline, cost_decline = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (cash, unit_cost, price, fixed_cost, price_decline, cost_decline)))
    if (cash < 0).any():
        raise ValueError("cash must not be negative")
    months = np.full(cash.shape, float(horizon_months))
    out = months.reshape(-1)
    flat = [a.reshape(-1) for a in (cash, unit_cost, price, fixed_cost, price_decline, cost_decline)]
    # Blocks of draws small enough to stay in the CPU cache across the months.
    for start in range(0, out.size, _BLOCK):
        out[start:start + _BLOCK] = _survival_block(*(a[start:start + _BLOCK] for a in flat), horizon_months)
    return months


def _survival_block(cash, unit_cost, price, fixed, price_decline, cost_decline, horizon_months):
    """survival_months for 1-D arrays. Month by month over the draws still alive; unit cost and price are
    carried forward by their monthly factor (start x r^m, as `path` computes), and dead draws are dropped."""
    out = np.full(cash.size, float(horizon_months))
    alive = np.arange(cash.size)
    left, cost_now, price_now, fixed = cash.copy(), unit_cost.copy(), price.copy(), fixed.copy()
    cost_factor = (1 - _rate("cost_decline", cost_decline)) ** (1 / MONTHS_PER_YEAR)
    price_factor = (1 - _rate("price_decline", price_decline)) ** (1 / MONTHS_PER_YEAR)
    for month in range(horizon_months):
        burn = cost_now - price_now
        burn += fixed
        dies = burn > left
        if dies.any():
            with np.errstate(divide="ignore", invalid="ignore"):
                out[alive[dies]] = month + np.where(burn[dies] > 0, left[dies] / burn[dies], 0.0)
            keep = ~dies
            alive, left, burn, cost_now, price_now, fixed, cost_factor, price_factor = (
                a[keep] for a in (alive, left, burn, cost_now, price_now, fixed, cost_factor, price_factor))
            if not alive.size:
                break
        left -= burn
        cost_now *= cost_factor
        price_now *= price_factor
    return out


def cash_needed(months: ArrayLike, unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike,
                price_decline: ArrayLike, cost_decline: ArrayLike) -> np.ndarray:
    """Cash a provider needs to last `months` (fractional allowed): its peak cumulative loss over that time.

    The inverse of `survival_months`: with this cash it survives exactly `months` (or longer if it stops
    losing money). Same units as `survival_months`.
    """
    months, unit_cost, price, fixed_cost, price_decline, cost_decline = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (months, unit_cost, price, fixed_cost, price_decline,
                                               cost_decline)))
    if (months < 0).any():
        raise ValueError("months must not be negative")
    spent = np.zeros(months.shape)
    peak = np.zeros(months.shape)
    for month in range(int(np.ceil(months.max())) if months.size else 0):
        burn = monthly_burn(path(unit_cost, cost_decline, month), path(price, price_decline, month), fixed_cost)
        fraction = np.clip(months - month, 0.0, 1.0)
        spent = spent + burn * fraction
        peak = np.maximum(peak, spent)
    return peak


def triangular(rng: np.random.Generator, low: float, mode: float, high: float, n: int) -> np.ndarray:
    """n draws from a triangular distribution (low, most likely, high); a point mass when low == high."""
    if not low <= mode <= high:
        raise ValueError("need low <= mode <= high")
    if low == high:
        return np.full(n, float(low))
    return rng.triangular(low, mode, high, size=n)


def quantiles(samples: ArrayLike, qs: ArrayLike = (0.1, 0.5, 0.9)) -> np.ndarray:
    """The given quantiles of the draws (default: 10th, 50th and 90th percentiles)."""
    return np.quantile(np.asarray(samples, dtype=float), np.asarray(qs, dtype=float))


def share_surviving(months: ArrayLike, horizon_months: float) -> float:
    """Share of draws still solvent at the horizon."""
    return float((np.asarray(months, dtype=float) >= horizon_months).mean())
