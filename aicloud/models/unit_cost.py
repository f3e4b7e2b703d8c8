"""What a token costs to serve: hourly hardware price, throughput and utilisation, prefill and decode apart.

Pure functions on numbers or NumPy arrays (they broadcast); no I/O. Units are in the names or docstrings:
prices in USD, throughput in tokens per second per accelerator, utilisation as a share (0-1] of paid hours
spent serving at the published throughput.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

SECONDS_PER_HOUR = 3600.0
PER_MILLION = 1e6


def _positive(name: str, value: ArrayLike) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if (arr <= 0).any() or np.isnan(arr).any():
        raise ValueError(f"{name} must be positive")
    return arr


def _share(name: str, value: ArrayLike) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if ((arr <= 0) | (arr > 1)).any() or np.isnan(arr).any():
        raise ValueError(f"{name} must lie in (0, 1]")
    return arr


def gpu_hours_per_million(tokens_per_second: ArrayLike, utilisation: ArrayLike = 1.0) -> np.ndarray:
    """Accelerator-hours paid for per 1e6 tokens: 1e6 / (tokens/s x 3600 x utilisation)."""
    tps = _positive("tokens_per_second", tokens_per_second)
    util = _share("utilisation", utilisation)
    return PER_MILLION / (tps * SECONDS_PER_HOUR * util)


def cost_per_million_tokens(usd_per_gpu_hour: ArrayLike, tokens_per_second: ArrayLike,
                            utilisation: ArrayLike = 1.0) -> np.ndarray:
    """USD per 1e6 tokens of one phase (prefill: input tokens; decode: output tokens).

    usd_per_gpu_hour: price of one accelerator-hour; tokens_per_second: throughput of one accelerator while
    serving; utilisation: share of paid hours spent serving at that throughput.
    """
    price = np.asarray(usd_per_gpu_hour, dtype=float)
    if (price < 0).any():
        raise ValueError("usd_per_gpu_hour must not be negative")
    return price * gpu_hours_per_million(tokens_per_second, utilisation)


def cost_expression(price: str, tokens_per_second: str, utilisation: str) -> str:
    """The same formula as `cost_per_million_tokens`, as a Vega expression over the given names.

    Charts compute their slider-driven cost with this string, so the page and the model share one formula.
    """
    return f"{price} / ({tokens_per_second} * {SECONDS_PER_HOUR:g} * {utilisation}) * {PER_MILLION:g}"


def request_cost_per_million_output(usd_per_gpu_hour: ArrayLike, prefill_tokens_per_second: ArrayLike,
                                    decode_tokens_per_second: ArrayLike, input_per_output: ArrayLike,
                                    utilisation: ArrayLike = 1.0, cache_hit_share: ArrayLike = 0.0) -> np.ndarray:
    """USD per 1e6 output tokens including the prefill work of `input_per_output` input tokens per output
    token (prefill and decode run on separate accelerators at the same hourly price). A share
    `cache_hit_share` of the input tokens is served from a KV cache and needs no prefill compute (the cost of
    keeping the cache is left out)."""
    ratio = np.asarray(input_per_output, dtype=float)
    if (ratio < 0).any():
        raise ValueError("input_per_output must not be negative")
    hits = np.asarray(cache_hit_share, dtype=float)
    if ((hits < 0) | (hits > 1)).any() or np.isnan(hits).any():
        raise ValueError("cache_hit_share must lie between 0 and 1")
    return (ratio * (1 - hits) * cost_per_million_tokens(usd_per_gpu_hour, prefill_tokens_per_second, utilisation)
            + cost_per_million_tokens(usd_per_gpu_hour, decode_tokens_per_second, utilisation))


def daily_cost_usd(nodes: ArrayLike, gpus_per_node: ArrayLike, usd_per_gpu_hour: ArrayLike,
                   hours: ArrayLike = 24.0) -> np.ndarray:
    """USD for a fleet over `hours`: nodes x GPUs per node x hours x price per GPU-hour."""
    return (np.asarray(nodes, dtype=float) * np.asarray(gpus_per_node, dtype=float)
            * np.asarray(hours, dtype=float) * np.asarray(usd_per_gpu_hour, dtype=float))


def token_revenue_usd(cache_hit_tokens: ArrayLike, input_tokens: ArrayLike, output_tokens: ArrayLike,
                      price_cache_hit: ArrayLike, price_cache_miss: ArrayLike,
                      price_output: ArrayLike) -> np.ndarray:
    """USD billed for tokens at list prices in USD per 1e6 tokens; cache misses are input minus hits."""
    hits = np.asarray(cache_hit_tokens, dtype=float)
    inputs = np.asarray(input_tokens, dtype=float)
    if (hits > inputs).any():
        raise ValueError("cache hits cannot exceed input tokens")
    return (hits * np.asarray(price_cache_hit, dtype=float)
            + (inputs - hits) * np.asarray(price_cache_miss, dtype=float)
            + np.asarray(output_tokens, dtype=float) * np.asarray(price_output, dtype=float)) / PER_MILLION


def token_revenue_bounds_usd(cache_hit_tokens: float, input_tokens: float, output_tokens: float,
                             price_cache_hit: float, price_cache_miss: float, price_output: float,
                             rounding: float) -> tuple[float, float]:
    """Lowest and highest revenue consistent with token counts published rounded to `rounding` tokens.

    Each true count lies within half a rounding step of the published one and is never negative, and cache hits
    never exceed input tokens. Revenue is linear in (hits, inputs, outputs), so its extremes lie at corners of
    that region; the corners are few, and all are tried (a count published as 0 cannot have been below 0, so the
    lowest revenue is then not negative).
    """
    half = rounding / 2

    def span(x: float) -> tuple[float, float]:
        return max(0.0, x - half), x + half

    (h_lo, h_hi), (i_lo, i_hi), (o_lo, o_hi) = span(cache_hit_tokens), span(input_tokens), span(output_tokens)
    values = []
    for i in {i_lo, i_hi, h_lo, h_hi}:
        if not i_lo <= i <= i_hi:
            continue
        for h in {h_lo, h_hi, i}:
            if h_lo <= h <= h_hi and h <= i:
                values += [float(token_revenue_usd(h, i, o, price_cache_hit, price_cache_miss, price_output))
                           for o in (o_lo, o_hi)]
    if not values:   # hits above inputs even at the edges: the published counts are inconsistent
        raise ValueError("cache hits exceed input tokens by more than the rounding allows")
    return min(values), max(values)


def cost_profit_margin(revenue: ArrayLike, cost: ArrayLike) -> np.ndarray:
    """Profit divided by cost (a markup: 5.45 means 545%), as DeepSeek's 'cost profit margin' is defined."""
    return (np.asarray(revenue, dtype=float) - (c := _positive("cost", cost))) / c


def gross_margin(revenue: ArrayLike, cost: ArrayLike) -> np.ndarray:
    """Profit divided by revenue (share of revenue kept)."""
    rev = _positive("revenue", revenue)
    return (rev - np.asarray(cost, dtype=float)) / rev


def implied_nodes(tokens: ArrayLike, tokens_per_second_per_node: ArrayLike, seconds: ArrayLike) -> np.ndarray:
    """Average nodes busy over `seconds` to process `tokens` at a throughput per node."""
    return (np.asarray(tokens, dtype=float) / _positive("tokens_per_second_per_node", tokens_per_second_per_node)
            / _positive("seconds", seconds))


def margin_at(revenue: ArrayLike, cost_at_reference: ArrayLike, price_ratio: ArrayLike,
              utilisation_ratio: ArrayLike) -> np.ndarray:
    """Cost-profit margin when the hourly price is `price_ratio` times the reference price and utilisation
    `utilisation_ratio` times the reference utilisation (token volume and revenue fixed)."""
    cost = (np.asarray(cost_at_reference, dtype=float) * np.asarray(price_ratio, dtype=float)
            / _positive("utilisation_ratio", utilisation_ratio))
    return cost_profit_margin(revenue, cost)


def margin_expression(revenue: str, cost_at_reference: str, price_ratio: str, utilisation_ratio: str) -> str:
    """`margin_at` as a Vega expression over the given names (for slider charts)."""
    return f"{revenue} / ({cost_at_reference} * {price_ratio} / {utilisation_ratio}) - 1"


def breakeven_utilisation(usd_per_hour: ArrayLike, tokens_per_second: ArrayLike, ref_usd_per_hour: ArrayLike,
                          ref_tokens_per_second: ArrayLike, ref_utilisation: ArrayLike) -> np.ndarray:
    """Utilisation at which one accelerator's cost per token equals a reference accelerator's.

    Above 1 the accelerator cannot match the reference at that price, however well it is scheduled.
    """
    return (_share("ref_utilisation", ref_utilisation) * np.asarray(usd_per_hour, dtype=float)
            / _positive("ref_usd_per_hour", ref_usd_per_hour)
            * _positive("ref_tokens_per_second", ref_tokens_per_second)
            / _positive("tokens_per_second", tokens_per_second))


def breakeven_expression(price: str, tokens_per_second: str, ref_price: str, ref_tokens_per_second: str,
                         ref_utilisation: str) -> str:
    """`breakeven_utilisation` as a Vega expression over the given names (for slider charts)."""
    return f"{ref_utilisation} * {price} / {ref_price} * {ref_tokens_per_second} / {tokens_per_second}"


def breakeven_price(tokens_per_second: ArrayLike, utilisation: ArrayLike, ref_usd_per_hour: ArrayLike,
                    ref_tokens_per_second: ArrayLike, ref_utilisation: ArrayLike) -> np.ndarray:
    """Highest hourly price at which an accelerator still matches the reference's cost per token."""
    return (np.asarray(ref_usd_per_hour, dtype=float) * _positive("tokens_per_second", tokens_per_second)
            * _share("utilisation", utilisation)
            / (_positive("ref_tokens_per_second", ref_tokens_per_second) * _share("ref_utilisation",
                                                                                 ref_utilisation)))


def energy_cost_per_million_tokens(kw_per_accelerator: ArrayLike, pue: ArrayLike, usd_per_kwh: ArrayLike,
                                   tokens_per_second: ArrayLike, utilisation: ArrayLike = 1.0) -> np.ndarray:
    """USD of electricity per 1e6 tokens: accelerator kW (system power share) x PUE x USD/kWh, per hour,
    spread over the tokens served in that hour."""
    if (np.asarray(pue, dtype=float) < 1).any():
        raise ValueError("PUE cannot be below 1")
    hourly = np.asarray(kw_per_accelerator, dtype=float) * np.asarray(pue, dtype=float) * np.asarray(
        usd_per_kwh, dtype=float)
    return cost_per_million_tokens(hourly, tokens_per_second, utilisation)


def spread(values: ArrayLike) -> float:
    """Ratio of the largest to the smallest positive value (how many times dearer the worst is)."""
    arr = _positive("values", values)
    return float(arr.max() / arr.min())
