"""A price-war attrition model: who runs out of cash when, and how a lower unit cost lengthens survival.

A provider sells tokens at the market price and pays its own unit cost plus a fixed monthly cost. While the
price is below cost, losses draw down its cash. The price and the unit cost both fall at annual rates (a
price war and technical progress). Money is per million tokens sold in the first month, so a cash reserve is
measured in months of initial revenue when divided by the initial price.

Each provider brings its own inputs, so war chests, unit costs and growth may differ by provider: pass one
value per provider (or per draw and provider) and every input broadcasts. Two options make costs fall with
volume, so that "the strong get stronger" can be put to a test:

- `volume_growth`: the yearly growth of the provider's monthly token volume (0 = a constant volume). Burn
  scales with volume: a provider selling below cost loses more the more it sells.
- `learning_rate`: the share by which the unit cost falls with each doubling of the provider's cumulative
  volume (Wright's law; 0 = no learning). `prior_volume_months` is the cumulative volume before the war, in
  months of initial volume: the learning curve starts there.

With both options at 0 the model is the plain one: unit cost and price fall at their yearly rates only.

Pure functions on NumPy arrays; no I/O. A Monte Carlo run is one call with arrays of draws; random numbers
come from a `numpy.random.Generator` passed in.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

MONTHS_PER_YEAR = 12.0
_YEARS = np.arange(600) / MONTHS_PER_YEAR  # month m in years, for survival_and_need
_BLOCK = 8192  # draws per block in survival_months and cash_needed (keeps the month-by-draw arrays small)


def _rate(name: str, value: ArrayLike) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if ((arr < 0) | (arr >= 1)).any() or np.isnan(arr).any():
        raise ValueError(f"{name} must lie in [0, 1): the share by which it falls in a year")
    return arr


def path(start: ArrayLike, annual_decline: ArrayLike, month: ArrayLike) -> np.ndarray:
    """Value after `month` months when it falls by `annual_decline` (0-1) a year, compounded monthly."""
    return np.asarray(start, dtype=float) * (1 - _rate("annual_decline", annual_decline)) ** (
        np.asarray(month, dtype=float) / MONTHS_PER_YEAR)


def monthly_burn(unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike) -> np.ndarray:
    """Cash lost in a month per million tokens sold a month: unit cost - price + fixed cost (negative: gain)."""
    return (np.asarray(unit_cost, dtype=float) - np.asarray(price, dtype=float)
            + np.asarray(fixed_cost, dtype=float))


def learning_exponent(learning_rate: ArrayLike) -> np.ndarray:
    """Wright's-law exponent b for a cost that falls by `learning_rate` per doubling of cumulative volume:
    cost = start x (volume / start volume) ** -b, b = log2(1 / (1 - learning_rate))."""
    return -np.log2(1 - _rate("learning_rate", learning_rate))


def volume_path(volume_growth: ArrayLike, months: int) -> np.ndarray:
    """Monthly token volume relative to the first month, for months 0..months-1 (last axis)."""
    growth = np.asarray(volume_growth, dtype=float)
    if (growth <= -1).any() or np.isnan(growth).any():
        raise ValueError("volume_growth must be above -1 (a volume cannot fall below zero)")
    m = np.arange(months, dtype=float)
    return (1 + growth[..., None]) ** (m / MONTHS_PER_YEAR)


def _powers(annual_decline: np.ndarray, months: int) -> np.ndarray:
    """(1 - annual_decline) ** (m / 12) for months m = 0..months-1 on a new last axis, as a running product of
    the monthly factor (cheaper than a power per element over many draws)."""
    factor = (1 - annual_decline) ** (1 / MONTHS_PER_YEAR)
    out = np.empty(np.shape(factor) + (months,))
    out[..., 0] = 1.0
    out[..., 1:] = np.asarray(factor)[..., None]
    return np.cumprod(out, axis=-1, out=out)


def unit_cost_path(unit_cost: ArrayLike, cost_decline: ArrayLike, months: int, volume_growth: ArrayLike = 0.0,
                   learning_rate: ArrayLike = 0.0, prior_volume_months: ArrayLike = 12.0) -> np.ndarray:
    """Unit cost in months 0..months-1 (last axis): the yearly decline and, with `learning_rate` > 0, Wright's
    law on the cumulative volume (`prior_volume_months` before the war plus the volume sold since)."""
    cost = np.asarray(unit_cost, dtype=float)[..., None] * _powers(_rate("cost_decline", cost_decline), months)
    rate = np.asarray(learning_rate, dtype=float)
    if not (rate == 0).all():
        prior = np.asarray(prior_volume_months, dtype=float)
        if (prior <= 0).any() or np.isnan(prior).any():
            raise ValueError("prior_volume_months must be positive when costs learn with volume")
        volume = volume_path(volume_growth, months)
        sold_before = np.concatenate([np.zeros(volume.shape[:-1] + (1,)), np.cumsum(volume, axis=-1)[..., :-1]],
                                     axis=-1)
        cumulative = prior[..., None] + sold_before
        cost = cost * (cumulative / prior[..., None]) ** -learning_exponent(rate)[..., None]
    return cost


def _burns(unit_cost, price, fixed_cost, price_decline, cost_decline, months, volume_growth, learning_rate,
           prior_volume_months) -> np.ndarray:
    """Cash lost in each of months 0..months-1 (last axis), for 1-D inputs of one block of draws."""
    price_now = price[:, None] * _powers(_rate("price_decline", price_decline), months)
    cost_now = unit_cost_path(unit_cost, cost_decline, months, volume_growth, learning_rate, prior_volume_months)
    volume = volume_path(volume_growth, months) if not (volume_growth == 0).all() else 1.0
    return volume * (cost_now - price_now) + fixed_cost[:, None]


def _flat(*arrays: ArrayLike) -> tuple[tuple[int, ...], list[np.ndarray]]:
    values = [np.asarray(a, dtype=float) for a in arrays]
    shape = np.broadcast_shapes(*(v.shape for v in values))
    zeros = np.zeros(shape)
    return shape, [(v + zeros).reshape(-1) for v in values]  # adding zeros broadcasts and copies cheaply


def survival_months(cash: ArrayLike, unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike,
                    price_decline: ArrayLike, cost_decline: ArrayLike, horizon_months: int, *,
                    volume_growth: ArrayLike = 0.0, learning_rate: ArrayLike = 0.0,
                    prior_volume_months: ArrayLike = 12.0) -> np.ndarray:
    """Months until cash runs out (fractional within the last month); `horizon_months` if it never does.

    cash, unit_cost, price, fixed_cost: USD per (million tokens of first-month volume), broadcast to one value
    per draw (and provider); price_decline, cost_decline: yearly shares by which the market price and the unit
    cost fall. The options (module docstring) make the volume grow and the unit cost learn with volume.
    """
    return war_outcome(cash, unit_cost, price, fixed_cost, price_decline, cost_decline, horizon_months,
                       volume_growth=volume_growth, learning_rate=learning_rate,
                       prior_volume_months=prior_volume_months)[0]


def war_outcome(cash: ArrayLike, unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike,
                price_decline: ArrayLike, cost_decline: ArrayLike, horizon_months: int, *,
                volume_growth: ArrayLike = 0.0, learning_rate: ArrayLike = 0.0,
                prior_volume_months: ArrayLike = 12.0) -> tuple[np.ndarray, np.ndarray]:
    """(`survival_months`, `cash_needed` to last the whole horizon) from one pass over the months: the same
    arguments and options as `survival_months`."""
    if horizon_months < 1:
        raise ValueError("horizon_months must be at least 1")
    shape, flat = _flat(cash, unit_cost, price, fixed_cost, price_decline, cost_decline, volume_growth,
                        learning_rate, prior_volume_months)
    if (flat[0] < 0).any():
        raise ValueError("cash must not be negative")
    out = np.full(flat[0].size, float(horizon_months))
    need = np.zeros(flat[0].size)
    for start in range(0, out.size, _BLOCK):
        block = [a[start:start + _BLOCK] for a in flat]
        left = block[0]
        burn = _burns(*block[1:6], horizon_months, *block[6:])
        spent = np.cumsum(burn, axis=1)
        need[start:start + left.size] = np.maximum(spent.max(axis=1), 0.0)
        dead = spent > left[:, None]
        dies = dead.any(axis=1)
        if not dies.any():
            continue
        month = np.argmax(dead, axis=1)[dies]
        rows = np.flatnonzero(dies)
        before = np.where(month > 0, spent[rows, np.maximum(month - 1, 0)], 0.0)
        # The month it dies its burn is positive (spending crossed the cash), so the fraction is well defined.
        out[start + rows] = month + (left[rows] - before) / burn[rows, month]
    return out.reshape(shape), need.reshape(shape)


def cash_needed(months: ArrayLike, unit_cost: ArrayLike, price: ArrayLike, fixed_cost: ArrayLike,
                price_decline: ArrayLike, cost_decline: ArrayLike, *, volume_growth: ArrayLike = 0.0,
                learning_rate: ArrayLike = 0.0, prior_volume_months: ArrayLike = 12.0) -> np.ndarray:
    """Cash a provider needs to last `months` (fractional allowed): its peak cumulative loss over that time.

    The inverse of `survival_months`: with this cash it survives exactly `months` (or longer if it stops
    losing money). Same units and options as `survival_months`.
    """
    shape, flat = _flat(months, unit_cost, price, fixed_cost, price_decline, cost_decline, volume_growth,
                        learning_rate, prior_volume_months)
    if (flat[0] < 0).any():
        raise ValueError("months must not be negative")
    out = np.zeros(flat[0].size)
    span = int(np.ceil(flat[0].max())) if flat[0].size else 0
    if span == 0:
        return out.reshape(shape)
    for start in range(0, out.size, _BLOCK):
        block = [a[start:start + _BLOCK] for a in flat]
        burn = _burns(*block[1:6], span, *block[6:])
        fraction = np.clip(block[0][:, None] - np.arange(span), 0.0, 1.0)
        out[start:start + _BLOCK] = np.maximum(np.cumsum(burn * fraction, axis=1).max(axis=1), 0.0)
    return out.reshape(shape)


def survival_and_need(cash: ArrayLike, unit_cost: ArrayLike, price: float, fixed_cost: ArrayLike,
                      price_decline: float, cost_decline: float,
                      horizon_months: int) -> tuple[np.ndarray, np.ndarray]:
    """One scenario of a few providers in one market: (months each survives, cash each needs to last the
    horizon). The same model as `survival_months` and `cash_needed` without the volume options, for a scalar
    market (price and declines) and one value per provider for cash, unit cost and fixed cost. Lean enough to
    be called thousands of times (a robustness sweep calls it once per draw)."""
    if horizon_months < 1:
        raise ValueError("horizon_months must be at least 1")
    cash = np.asarray(cash, dtype=float).reshape(-1)
    unit_cost = np.asarray(unit_cost, dtype=float).reshape(-1, 1)
    fixed_cost = np.asarray(fixed_cost, dtype=float).reshape(-1, 1)
    if cash.min() < 0:
        raise ValueError("cash must not be negative")
    if not (0 <= price_decline < 1 and 0 <= cost_decline < 1):
        raise ValueError("price_decline and cost_decline must lie in [0, 1): the share by which they fall in a year")
    years = _YEARS[:horizon_months] if horizon_months <= _YEARS.size else np.arange(horizon_months) / MONTHS_PER_YEAR
    burn = unit_cost * (1 - cost_decline) ** years - price * (1 - price_decline) ** years + fixed_cost
    if burn.shape[0] != cash.size:
        cash = np.broadcast_to(cash, burn.shape[:1]).copy()
    spent = np.cumsum(burn, axis=1)
    needed = np.maximum(spent.max(axis=1), 0.0)
    dead = spent > cash[:, None]
    months = np.full(cash.size, float(horizon_months))
    rows = np.flatnonzero(dead.any(axis=1))
    if rows.size:
        month = dead[rows].argmax(axis=1)
        before = np.where(month > 0, spent[rows, month - 1], 0.0)
        months[rows] = month + (cash[rows] - before) / burn[rows, month]
    return months, needed


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
