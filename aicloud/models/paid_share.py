"""What share of announced tokens is paid: IDC's external-call volumes against a vendor's all-channel volumes.

Vendors announce token volumes over every channel they run (their own apps, free tiers, search summaries and
paying API customers alike). IDC counts only the tokens that external customers call on China's public clouds
(`maas_market_shares`: a period's total and each cloud's share). For a cloud whose parent also announces an
all-channel series (ByteDance's Doubao), the ratio

    external share = IDC total in the period x the cloud's IDC share / the parent's all-channel tokens in the period

is the share of its announced tokens that external customers call. The paid share is at most this (external
customers also use free quotas; IDC leaves out calls from abroad). The all-channel tokens in a period are the
integral of the announced daily rates, interpolated between announcements, so the answer depends on how the
rate moved between two announcements: `log` interpolation (steady growth between them) gives fewer tokens,
`linear` more. Each period and each interpolation gives one estimate; their spread is the range.

Pure functions on plain numbers and dates; no I/O. `triangulate` is called by the MaaS chapter and its tests,
and is the one derivation of the `paid_token_share` assumption every chapter uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

METHODS = ("log", "linear")


@dataclass(frozen=True)
class Estimate:
    """One triangulation: `period` with its day span, the external tokens IDC counts for the cloud, the
    parent's all-channel tokens over the covered days (by `method`) and their ratio `share`."""

    period: str
    start: date
    end: date
    method: str
    external_tokens: float
    all_channel_tokens: float

    @property
    def share(self) -> float:
        return self.external_tokens / self.all_channel_tokens


def period_span(period: str) -> tuple[date, date]:
    """First and last day of an IDC period: '2024' is the year, '2025-H1' its first half."""
    year = int(period[:4])
    if period.endswith("-H1"):
        return date(year, 1, 1), date(year, 6, 30)
    if period.endswith("-H2"):
        return date(year, 7, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def integrate_rate(points: list[tuple[date, float]], start: date, end: date, method: str = "log") -> tuple[float, date]:
    """Tokens over the days from `start` to `end` (inclusive) from announced daily rates `points`.

    Between two announcements the rate moves log-linearly (`log`) or linearly (`linear`); nothing is
    extrapolated, so the integral covers only the days between the first and the last announcement. Returns
    the tokens and the first day covered. A period the announcements do not reach gives 0 tokens."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    pts = sorted((d, float(v)) for d, v in points if v > 0)
    total, first = 0.0, end + timedelta(days=1)
    for (d0, v0), (d1, v1) in zip(pts, pts[1:]):
        lo, hi = max(d0, start), min(d1, end + timedelta(days=1))
        if hi <= lo:
            continue
        span = (d1 - d0).days
        a, b = (lo - d0).days / span, (hi - d0).days / span
        if method == "linear":
            # Mean of a straight line between the two rates over [a, b], times the days.
            mean = v0 + (v1 - v0) * (a + b) / 2
        elif v1 == v0:
            mean = v0
        else:
            r = math.log(v1 / v0)
            mean = v0 * (math.exp(r * b) - math.exp(r * a)) / (r * (b - a))
        total += mean * (hi - lo).days
        first = min(first, lo)
    return total, first


def triangulate(external: dict[str, float], series: list[tuple[date, float]],
                methods: tuple[str, ...] = METHODS) -> list[Estimate]:
    """Every estimate of the external share: one per period of `external` (period -> the cloud's external
    tokens in it, from IDC) and per interpolation method, over the announced daily rates `series` of the
    cloud's parent. Periods the series does not reach are left out. Where the announcements start inside a
    period, the all-channel tokens before the first one are not counted (nothing is extrapolated), so that
    estimate leans high; `Estimate.start` shows the first day covered and the caller says so."""
    found = []
    for period, tokens in sorted(external.items()):
        start, end = period_span(period)
        for method in methods:
            channel, first = integrate_rate(series, start, end, method)
            if channel <= 0 or tokens <= 0:
                continue
            found.append(Estimate(period, first, end, method, float(tokens), channel))
    return found


@dataclass(frozen=True)
class Range:
    """The spread of the estimates: `low`, `central` (their mean) and `high`; `n` estimates."""

    low: float
    central: float
    high: float
    n: int


def summarise(estimates: list[Estimate]) -> Range | None:
    """Low, mean and high share over the estimates; None when there is none."""
    shares = [e.share for e in estimates if math.isfinite(e.share)]
    if not shares:
        return None
    return Range(min(shares), sum(shares) / len(shares), max(shares), len(shares))
