"""How fast token prices fall: cut depths, blended prices, annualised rates and a fitted log-linear trend.

Prices are list prices per million tokens in one currency; times are in years. A log-linear trend
log(price) = a_model + b * t fits one common rate `b` across models, each model with its own level (a
fixed-effects regression), so a cheap model listed late does not pass for a price cut. A free tier (price 0)
has no logarithm: the fit refuses it, and the caller says how many such rows it left out.

Every function works on scalars or NumPy arrays and has no side effects.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(96)


def cut_depth(before: ArrayLike, after: ArrayLike) -> np.ndarray:
    """The share of the old price removed by a cut: 1 - after / before (0.97 is a 97% cut; negative = rise)."""
    b = np.asarray(before, dtype=float)
    a = np.asarray(after, dtype=float)
    if np.any(b <= 0) or np.any(a < 0):
        raise ValueError("the price before must be positive and the price after zero or positive")
    out = 1.0 - a / b
    return out if out.ndim else out[()]


def blended_price(input_price: ArrayLike, output_price: ArrayLike, input_weight: ArrayLike = 0.75) -> np.ndarray:
    """A single price per million tokens: input_weight * input + (1 - input_weight) * output.

    0.75 is the 3:1 input:output blend Artificial Analysis and Epoch AI use. Same unit as the prices.
    """
    i = np.asarray(input_price, dtype=float)
    o = np.asarray(output_price, dtype=float)
    w = np.asarray(input_weight, dtype=float)
    if np.any(i < 0) or np.any(o < 0):
        raise ValueError("prices must be zero or positive")
    if np.any((w < 0) | (w > 1)):
        raise ValueError("input_weight must lie between 0 and 1")
    out = w * i + (1 - w) * o
    return out if out.ndim else out[()]


def annual_factor(total_factor: ArrayLike, years: ArrayLike) -> np.ndarray:
    """The per-year multiple that compounds to `total_factor` over `years`: total_factor ** (1 / years).

    For a decline, pass old / new (280 for a 280-fold fall); for growth, new / old.
    """
    f = np.asarray(total_factor, dtype=float)
    y = np.asarray(years, dtype=float)
    if np.any(f <= 0) or np.any(y <= 0):
        raise ValueError("the factor and the number of years must be positive")
    out = f ** (1.0 / y)
    return out if out.ndim else out[()]


def decline_from_factor(factor_per_year: ArrayLike) -> np.ndarray:
    """The annual rate of decline implied by a per-year fall factor: 1 - 1 / factor (10x a year = 90%)."""
    f = np.asarray(factor_per_year, dtype=float)
    if np.any(f <= 0):
        raise ValueError("the factor must be positive")
    out = 1.0 - 1.0 / f
    return out if out.ndim else out[()]


def _t_cdf_upper_half(t: np.ndarray, df: float) -> np.ndarray:
    """P(0 < T < t) for Student's t with `df` degrees of freedom, t >= 0 (Gauss-Legendre on [0, t])."""
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    # Substitute x = t * (1 + u) / 2 for u in [-1, 1]; split at 1 to keep the heavy tail accurate.
    total = np.zeros_like(t)
    for lo_frac, hi_frac in ((0.0, 0.5), (0.5, 1.0)):
        lo, hi = t * lo_frac, t * hi_frac
        x = lo[..., None] + (hi - lo)[..., None] * (_NODES + 1) / 2
        dens = np.exp(log_c - (df + 1) / 2 * np.log1p(x * x / df))
        total = total + ((hi - lo) / 2) * (dens * _WEIGHTS).sum(axis=-1)
    return total


def t_quantile(probability: float, df: float) -> float:
    """The quantile of Student's t distribution (no SciPy): t_quantile(0.975, 10) = 2.228."""
    if not 0 < probability < 1:
        raise ValueError("probability must lie strictly between 0 and 1")
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    target = abs(probability - 0.5)
    lo, hi = np.array(0.0), np.array(1.0)
    while _t_cdf_upper_half(hi, df) < target:
        hi = hi * 2
    for _ in range(80):
        mid = (lo + hi) / 2
        if _t_cdf_upper_half(mid, df) < target:
            lo = mid
        else:
            hi = mid
    value = float((lo + hi) / 2)
    return value if probability >= 0.5 else -value


def fit_decline(years: ArrayLike, price: ArrayLike, group: ArrayLike | None = None,
                level: float = 0.9) -> dict[str, float]:
    """Fit log(price) = a_group + b * years by least squares and report the annual decline with its interval.

    `years`: time of each observation in years (any origin); `price`: positive prices; `group`: the model (or
    series) each row belongs to, for one intercept per group (None = one common intercept). Returns a dict:
    `slope` (change of log price per year), `se` (its standard error), `df` (residual degrees of freedom),
    `n` and `groups`, `factor` (the price divides by this each year, exp(-slope)), `decline` (1 - exp(slope),
    the share of the price lost per year) and `decline_low`, `decline_high` (the `level` confidence interval,
    from Student's t). Needs at least one more observation than groups plus one, and times that vary within a
    group.
    """
    t = np.asarray(years, dtype=float).ravel()
    p = np.asarray(price, dtype=float).ravel()
    if t.shape != p.shape:
        raise ValueError("years and price must have the same length")
    if np.any(~np.isfinite(p)) or np.any(p <= 0):
        raise ValueError("prices must be positive: leave out free tiers (price 0) and say so")
    if not 0 < level < 1:
        raise ValueError("level must lie strictly between 0 and 1")
    g = np.zeros(t.shape, dtype=int) if group is None else np.unique(np.asarray(group).ravel(),
                                                                     return_inverse=True)[1].ravel()
    if g.shape != t.shape:
        raise ValueError("group must have the same length as years")
    y = np.log(p)
    n_groups = int(g.max()) + 1 if len(g) else 0
    counts = np.bincount(g, minlength=n_groups)
    t_dev = t - (np.bincount(g, weights=t, minlength=n_groups) / counts)[g]
    y_dev = y - (np.bincount(g, weights=y, minlength=n_groups) / counts)[g]
    df = len(t) - n_groups - 1
    sxx = float(np.sum(t_dev ** 2))
    if df < 1 or sxx <= 0:
        raise ValueError("too few observations, or no variation of time within the groups, to fit a trend")
    slope = float(np.sum(t_dev * y_dev) / sxx)
    resid = y_dev - slope * t_dev
    se = math.sqrt(float(np.sum(resid ** 2)) / df / sxx)
    half = t_quantile(0.5 + level / 2, df) * se
    return {
        "slope": slope,
        "se": se,
        "df": float(df),
        "n": float(len(t)),
        "groups": float(n_groups),
        "factor": math.exp(-slope),
        "decline": 1.0 - math.exp(slope),
        "decline_low": 1.0 - math.exp(slope + half),
        "decline_high": 1.0 - math.exp(slope - half),
    }
