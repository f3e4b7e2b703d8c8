"""The article's causal chain as one model.

Five links, each one line of arithmetic per quarter:

1. **Reserves set capacity.** Vendor i holds GPU reserves R_i (in units of the tokens the whole market buys in
   the first quarter, at efficiency 1); reserves grow by `capacity_growth` a quarter. Capacity is
   R_i x efficiency_i x learning_i.
2. **Infrastructure sets unit cost.** Each unit of reserve costs `gpu_cost` a quarter whether used or not. At
   full use a token costs gpu_cost / (efficiency_i x learning_i); idle reserves raise the cost per token served.
3. **Competition sets prices and shares.** Each vendor prices at (1 + markup) x its full-use unit cost. Buyers
   who choose this quarter split by a logit in log price: share_i proportional to quality_i x price_i^-sensitivity.
4. **Volume lowers cost.** learning_i = (cumulative tokens served_i / first quarter's)^b, where b =
   -log2(1 - learning_rate): each doubling of cumulative volume cuts the unit cost by `learning_rate`.
5. **Switching costs rise with infrastructure depth.** Each quarter a share churn x exp(-lock_in x depth_i) of
   vendor i's customers choose again; new demand (growth) is always contested. Demand a vendor cannot serve
   spills to vendors with spare capacity; buyers nobody can serve choose again next quarter.

Cash starts at `cash_quarters` quarters of a vendor's reserve cost and moves by profit (price x tokens served
- reserve cost). A vendor whose cash falls below zero exits at once: it serves nothing from that quarter and
its customers choose again.

Pure NumPy: every input broadcasts to (draws, vendors), so a Monte Carlo over thousands of scenarios is one call;
the only loop is over quarters, each of which needs the last. No I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

_EPS = 1e-12


@dataclass(frozen=True)
class ChainPaths:
    """Quarter-by-quarter results, each shaped (draws, quarters + 1, vendors); index 0 is the start."""

    shares: np.ndarray        # share of the tokens served in the quarter (0 for a vendor that has exited)
    unit_cost: np.ndarray     # cost per token at full use (gpu_cost per token-unit of capacity)
    price: np.ndarray         # price per token
    utilisation: np.ndarray   # tokens served / capacity
    cash: np.ndarray          # cash at the end of the quarter
    alive: np.ndarray         # False once a vendor has run out of cash
    served: np.ndarray        # tokens served (units of the first quarter's total demand)


def learning_exponent(learning_rate: ArrayLike) -> np.ndarray:
    """b in cost ~ volume^-b for a cost fall of `learning_rate` (0-1) per doubling of cumulative volume."""
    rate = np.asarray(learning_rate, dtype=float)
    if ((rate < 0) | (rate >= 1)).any():
        raise ValueError("learning_rate must lie in [0, 1): the share of cost removed per doubling of volume")
    return -np.log2(1.0 - rate)


def target_shares(price: ArrayLike, quality: ArrayLike, sensitivity: ArrayLike, alive: ArrayLike) -> np.ndarray:
    """Shares of the buyers choosing now: quality x price^-sensitivity, normalised over the live vendors."""
    price = np.asarray(price, dtype=float)
    weight = np.asarray(quality, dtype=float) * np.exp(-np.asarray(sensitivity, dtype=float)[..., None]
                                                        * np.log(np.maximum(price, _EPS)))
    weight = np.where(alive, weight, 0.0)
    total = weight.sum(axis=-1, keepdims=True)
    return np.divide(weight, total, out=np.zeros_like(weight), where=total > 0)


def simulate(start_share: ArrayLike, reserves: ArrayLike, efficiency: ArrayLike, depth: ArrayLike, *,
             quarters: int, demand_growth: ArrayLike, capacity_growth: ArrayLike, learning_rate: ArrayLike,
             markup: ArrayLike, sensitivity: ArrayLike, churn: ArrayLike, lock_in: ArrayLike,
             cash_quarters: ArrayLike, quality: ArrayLike = 1.0, gpu_cost: float = 1.0) -> ChainPaths:
    """Run the chain for `quarters` quarters (see the module docstring for each link).

    Per-vendor inputs (last axis = vendors): start_share (sums to 1), reserves (> 0, units of the first
    quarter's total demand), efficiency (> 0, tokens per unit of reserve relative to 1), depth (0-1, how deep a
    vendor's infrastructure stack is), quality (> 0). Per-scenario inputs broadcast over draws: demand_growth and
    capacity_growth (per quarter, >= 0), learning_rate (0-1), markup (>= 0), sensitivity (> 0), churn (0-1),
    lock_in (>= 0), cash_quarters (>= 0).
    """
    if quarters < 1:
        raise ValueError("quarters must be at least 1")
    share0 = np.atleast_2d(np.asarray(start_share, dtype=float))
    scen = [np.atleast_1d(np.asarray(a, dtype=float)) for a in
            (demand_growth, capacity_growth, learning_rate, markup, sensitivity, churn, lock_in, cash_quarters)]
    draws = max([share0.shape[0]] + [a.shape[0] for a in scen]
                + [np.atleast_2d(np.asarray(a)).shape[0] for a in (reserves, efficiency, depth, quality)])
    vendors = share0.shape[-1]
    shape = (draws, vendors)
    share0, reserves, efficiency, depth, quality = (
        np.broadcast_to(np.atleast_2d(np.asarray(a, dtype=float)), shape).copy()
        for a in (start_share, reserves, efficiency, depth, quality))
    g, gc, lr, mk, sens, ch, lk, cq = (np.broadcast_to(a, (draws,)).astype(float) for a in scen)
    _check(share0, reserves, efficiency, depth, quality, g, gc, lr, mk, sens, ch, cq)
    b = learning_exponent(lr)[:, None]
    switch = ch[:, None] * np.exp(-lk[:, None] * depth)

    out = {k: np.zeros((draws, quarters + 1, vendors)) for k in
           ("shares", "unit_cost", "price", "utilisation", "cash", "served")}
    alive_path = np.ones((draws, quarters + 1, vendors), dtype=bool)
    alive = np.ones(shape, dtype=bool)
    served = share0.copy()                      # quarter 0: the market as it stands, demand 1
    first = np.maximum(served, _EPS)
    cumulative = served.copy()
    capacity = reserves * efficiency
    cost = gpu_cost / efficiency
    price = cost * (1 + mk[:, None])
    cash = cq[:, None] * gpu_cost * reserves
    demand = np.ones((draws, 1))                # total demand; 1 in the first quarter
    _store(out, alive_path, 0, share0, cost, price, served / capacity, cash, alive, served)
    for t in range(1, quarters + 1):
        learned = (cumulative / first) ** b
        fleet = reserves * (1 + gc[:, None]) ** t
        capacity = fleet * efficiency * learned
        cost = gpu_cost / (efficiency * learned)
        price = cost * (1 + mk[:, None])
        chooser = target_shares(price, quality, sens, alive)
        leaving = np.where(alive, served * switch, served)          # an exited vendor's customers all leave
        unserved = np.maximum(demand - served.sum(axis=-1, keepdims=True), 0.0)   # buyers nobody served
        pool = leaving.sum(axis=-1, keepdims=True) + unserved + demand * g[:, None]
        wanted = np.where(alive, served - leaving, 0.0) + pool * chooser
        demand = demand * (1 + g[:, None])
        served = _serve(wanted, np.where(alive, capacity, 0.0), chooser)
        cash = np.where(alive, cash + price * served - gpu_cost * fleet, cash)   # an exited vendor's cash stays
        alive = alive & (cash >= 0)
        served = np.where(alive, served, 0.0)
        cumulative = cumulative + served
        total = served.sum(axis=-1, keepdims=True)
        shares = np.divide(served, total, out=np.zeros_like(served), where=total > 0)
        _store(out, alive_path, t, shares, cost, price, served / np.maximum(capacity, _EPS), cash, alive, served)
    return ChainPaths(alive=alive_path, **out)


def _serve(wanted: np.ndarray, capacity: np.ndarray, chooser: np.ndarray) -> np.ndarray:
    """Tokens served: each vendor up to its capacity; unmet demand goes once to vendors with spare capacity,
    in proportion to the choosers' shares among them, up to their spare capacity; the rest is lost."""
    served = np.minimum(wanted, capacity)
    unmet = (wanted - served).sum(axis=-1, keepdims=True)
    spare = capacity - served
    weight = np.where(spare > _EPS, np.maximum(chooser, _EPS), 0.0)
    total = weight.sum(axis=-1, keepdims=True)
    offer = np.divide(weight, total, out=np.zeros_like(weight), where=total > 0) * unmet
    return served + np.minimum(offer, spare)


def _store(out, alive_path, t, shares, cost, price, utilisation, cash, alive, served) -> None:
    for key, value in (("shares", shares), ("unit_cost", cost), ("price", price),
                       ("utilisation", utilisation), ("cash", cash), ("served", served)):
        out[key][:, t, :] = value
    alive_path[:, t, :] = alive


def _check(share0, reserves, efficiency, depth, quality, g, gc, lr, mk, sens, ch, cq) -> None:
    if not np.allclose(share0.sum(axis=-1), 1.0, atol=1e-6) or (share0 < 0).any():
        raise ValueError("start_share must be non-negative and sum to 1 for each draw")
    for name, arr in (("reserves", reserves), ("efficiency", efficiency), ("quality", quality),
                      ("sensitivity", sens)):
        if (arr <= 0).any():
            raise ValueError(f"{name} must be positive")
    for name, arr in (("demand_growth", g), ("capacity_growth", gc), ("markup", mk), ("cash_quarters", cq)):
        if (arr < 0).any():
            raise ValueError(f"{name} must not be negative")
    for name, arr in (("depth", depth), ("churn", ch)):
        if ((arr < 0) | (arr > 1)).any():
            raise ValueError(f"{name} must lie in [0, 1]")
    learning_exponent(lr)


# --- readings of a run ---------------------------------------------------------------------------------------

def hhi(shares: ArrayLike) -> np.ndarray:
    """Herfindahl-Hirschman index of shares along the last axis (0-1; 1 is one vendor with everything)."""
    s = np.asarray(shares, dtype=float)
    return (s * s).sum(axis=-1)


def leader_gain(paths: ChainPaths) -> np.ndarray:
    """Change in share, start to end, of the vendor that led at the start (per draw)."""
    lead = paths.shares[:, 0, :].argmax(axis=-1)
    rows = np.arange(paths.shares.shape[0])
    return paths.shares[rows, -1, lead] - paths.shares[rows, 0, lead]


def share_change(paths: ChainPaths) -> np.ndarray:
    """Change in each vendor's share from start to end, shaped (draws, vendors)."""
    return paths.shares[:, -1, :] - paths.shares[:, 0, :]


def divergence(a: ArrayLike, b: ArrayLike) -> np.ndarray:
    """Total-variation distance between two share vectors along the last axis (0: equal, 1: disjoint)."""
    return 0.5 * np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float)).sum(axis=-1)


def competitiveness(completeness: ArrayLike, integration: ArrayLike, cost_efficiency: ArrayLike) -> np.ndarray:
    """The article's formula: completeness of the stack x integration across layers x cost efficiency."""
    return (np.asarray(completeness, dtype=float) * np.asarray(integration, dtype=float)
            * np.asarray(cost_efficiency, dtype=float))
