"""Who got the GPUs, and what they imply: shares, concentration, capital and compute.

Pure functions on numbers or NumPy arrays; no I/O. Units are in the names or docstrings.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

HOURS_PER_YEAR = 8760.0


def shares(units: ArrayLike) -> np.ndarray:
    """Each buyer's share of the listed units (sums to 1). Raises on negative or all-zero input."""
    units = np.asarray(units, dtype=float)
    if units.ndim != 1 or units.size == 0:
        raise ValueError("units must be a non-empty 1-D array")
    if (units < 0).any():
        raise ValueError("units must not be negative")
    total = units.sum()
    if total == 0:
        raise ValueError("units must not all be zero")
    return units / total


def hhi(units: ArrayLike) -> float:
    """Herfindahl-Hirschman index of concentration on the 0-10,000 scale (shares in percent, squared)."""
    return float(((shares(units) * 100) ** 2).sum())


def top_share(units: ArrayLike, k: int) -> float:
    """Share of the units held by the k largest buyers."""
    if k < 1:
        raise ValueError("k must be at least 1")
    s = np.sort(shares(units))[::-1]
    return float(s[:k].sum())


def capex_usd(units: ArrayLike, unit_price_usd: ArrayLike) -> np.ndarray:
    """Capital spent on the GPUs alone, USD: units x price per GPU (servers, networks, buildings excluded)."""
    return np.asarray(units, dtype=float) * np.asarray(unit_price_usd, dtype=float)


def sustained_flops(units: ArrayLike, peak_tflops: ArrayLike, utilisation: ArrayLike) -> np.ndarray:
    """Sustained FLOP per second of a fleet: units x peak TFLOPS x 1e12 x utilisation (0-1)."""
    utilisation = np.asarray(utilisation, dtype=float)
    if ((utilisation < 0) | (utilisation > 1)).any():
        raise ValueError("utilisation must lie between 0 and 1")
    return np.asarray(units, dtype=float) * np.asarray(peak_tflops, dtype=float) * 1e12 * utilisation


def training_runs_per_year(units: ArrayLike, gpu_hours_per_run: ArrayLike,
                           training_share: ArrayLike) -> np.ndarray:
    """How many runs of a given size (in GPU-hours) a fleet could train in a year, if `training_share`
    (0-1) of its hours went to such runs. A run measured in GPU-hours already includes its own utilisation."""
    training_share = np.asarray(training_share, dtype=float)
    if ((training_share < 0) | (training_share > 1)).any():
        raise ValueError("training_share must lie between 0 and 1")
    return np.asarray(units, dtype=float) * HOURS_PER_YEAR * training_share / np.asarray(gpu_hours_per_run,
                                                                                          dtype=float)


def growth(later: ArrayLike, earlier: ArrayLike) -> np.ndarray:
    """Relative change from `earlier` to `later` (0.5 means +50%)."""
    earlier = np.asarray(earlier, dtype=float)
    if (earlier <= 0).any():
        raise ValueError("growth needs a positive starting value")
    return np.asarray(later, dtype=float) / earlier - 1
