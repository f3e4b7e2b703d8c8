"""Price competition between providers of nearly interchangeable models: logit demand, Bertrand pricing.

The lock-in argument (claim C21) in a small model. `n_firms` symmetric providers sell API access to models
at a constant marginal cost `cost` (RMB per million tokens). A customer buys from one of them or takes an
outside option (self-hosting an open model, or not using an LLM). Her utility from provider i is

    quality - price_i - switching_cost * [i is not her current provider] + taste_i

with taste shocks drawn independently from a Gumbel distribution of scale `differentiation` (RMB per million
tokens; the shocks' standard deviation is `differentiation * pi / sqrt(6)`), and the outside option's utility
is normalised to a taste shock alone. So `differentiation` measures how different customers find the models:
at zero, the models are perfect substitutes. Customers start spread evenly over the providers (an installed
base), and a customer who moves pays `switching_cost` (rewriting prompts, re-running evaluations, changing
SDKs). Each provider sets one price; the functions below return the symmetric Nash equilibrium.

The model is static: it shows how switching costs protect margins once customers are installed, not the fight
to install them (in dynamic models firms cut prices to win customers whom switching costs later hold). It has
one price per provider, no capacity limits and no cross-subsidy from other cloud services.

Every function works on scalars or NumPy arrays (broadcast together) and has no side effects.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

_ITERATIONS = 200


def _check(n_firms, differentiation, switching_cost, cost, quality):
    n = np.asarray(n_firms, dtype=float)
    mu = np.asarray(differentiation, dtype=float)
    k = np.asarray(switching_cost, dtype=float)
    c = np.asarray(cost, dtype=float)
    q = np.asarray(quality, dtype=float)
    if np.any(n < 2) or np.any(n != np.round(n)):
        raise ValueError("n_firms must be a whole number of at least 2")
    if np.any(~np.isfinite(mu)) or np.any(mu <= 0):
        raise ValueError("differentiation must be positive (RMB per million tokens)")
    if np.any(~np.isfinite(k)) or np.any(k < 0):
        raise ValueError("switching_cost must be zero or positive (RMB per million tokens)")
    if np.any(~np.isfinite(c)) or np.any(c < 0):
        raise ValueError("cost must be zero or positive (RMB per million tokens)")
    if np.any(~np.isfinite(q)):
        raise ValueError("quality must be finite (RMB per million tokens)")
    return np.broadcast_arrays(n, mu, k, c, q)


def _choice_probabilities(price, n, mu, k, q):
    """At symmetric prices: (stay, move-to-one-rival, outside) probabilities of an installed customer."""
    # Work relative to the largest utility for numerical safety: utilities (q - p), (q - p - k) and 0.
    u_stay = (q - price) / mu
    u_move = u_stay - k / mu
    top = np.maximum(u_stay, 0.0)
    e_stay = np.exp(u_stay - top)
    e_move = np.exp(u_move - top)
    e_out = np.exp(-top)
    total = e_stay + (n - 1) * e_move + e_out
    return e_stay / total, e_move / total, e_out / total


def _deviation_profit(own, price, n, mu, k, c, q):
    """Profit of one provider charging `own` while the others charge `price`, per customer of the market."""
    u_own_home = (q - own) / mu  # the deviator's own installed customers staying
    u_own_away = u_own_home - k / mu  # a rival's customer moving to the deviator
    u_rival_home = (q - price) / mu
    u_rival_away = u_rival_home - k / mu
    # Customer of the deviator: deviator (home), n-1 rivals (away), outside.
    top = np.maximum(np.maximum(u_own_home, u_rival_away), 0.0)
    own_base = np.exp(u_own_home - top) / (np.exp(u_own_home - top) + (n - 1) * np.exp(u_rival_away - top)
                                          + np.exp(-top))
    # Customer of a rival: the deviator (away), her own provider (home), n-2 other rivals (away), outside.
    top = np.maximum(np.maximum(u_own_away, u_rival_home), 0.0)
    rival_base = np.exp(u_own_away - top) / (np.exp(u_own_away - top) + np.exp(u_rival_home - top)
                                             + (n - 2) * np.exp(u_rival_away - top) + np.exp(-top))
    return (own - c) * (own_base + (n - 1) * rival_base) / n


def _markup(price, n, mu, k, q):
    """The markup that the first-order condition asks for, given a symmetric price (RMB per 1M tokens)."""
    a, b, _ = _choice_probabilities(price, n, mu, k, q)
    demand = a + (n - 1) * b  # times 1/n: each firm's installed base is 1/n
    # slope = a(1-a) + (n-1)b(1-b) = demand - squares (times 1/(n mu)); markup = mu * demand / slope, written as
    # mu / (1 - squares / demand) so tiny shares (subnormal floats) do not lose precision.
    squares = a * a + (n - 1) * b * b
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        frac = np.where(demand > 0, squares / np.where(demand > 0, demand, 1.0), 1.0)
        # A vanishing slope (all demand locked in or gone) means an unbounded required markup.
        return np.where(frac < 1, mu / (1 - frac), np.inf)


def equilibrium_price(n_firms: ArrayLike, differentiation: ArrayLike, switching_cost: ArrayLike = 0.0,
                      cost: ArrayLike = 0.0, quality: ArrayLike = 0.0) -> np.ndarray:
    """The symmetric Bertrand-Nash equilibrium price, RMB per million tokens.

    Solves price = cost + markup(price), where the markup is the inverse semi-elasticity of a provider's
    demand at symmetric prices. Without switching costs and with no customer taking the outside option the
    markup is `differentiation * n / (n - 1)`; the outside option and switching costs change it. The markup
    always lies between `differentiation` and `max(quality - cost, 0) + 2 * differentiation` (above that, the
    outside option caps it), and the solution is unique because the required markup falls as the price rises.
    """
    n, mu, k, c, q = _check(n_firms, differentiation, switching_cost, cost, quality)
    # Bisection on log(markup) between its bounds; g(m) = m - markup(c + m) is increasing in m.
    lo = np.log(mu)
    hi = np.log(np.maximum(q - c, 0.0) + 2.0 * mu)
    for _ in range(_ITERATIONS):
        mid = 0.5 * (lo + hi)
        m = np.exp(mid)
        too_low = m < _markup(c + m, n, mu, k, q)
        lo = np.where(too_low, mid, lo)
        hi = np.where(too_low, hi, mid)
    price = c + np.exp(0.5 * (lo + hi))
    return price if price.ndim else price[()]


def is_equilibrium(n_firms: ArrayLike, differentiation: ArrayLike, switching_cost: ArrayLike = 0.0,
                   cost: ArrayLike = 0.0, quality: ArrayLike = 0.0, points: int = 801) -> np.ndarray:
    """Whether the price from `equilibrium_price` is a global best response (True) or only a local one.

    With switching costs a provider's demand mixes its own locked-in customers with its rivals', and profit
    can have two peaks: harvesting its own base at a high price, or undercutting by more than the switching
    cost to take everyone. When the second peak is higher, no symmetric pure-strategy equilibrium exists and
    this returns False. Checked on a grid of `points` deviation prices from cost to the markup's upper bound.
    Without switching costs logit profit is single-peaked and this is always True.
    """
    n, mu, k, c, q = _check(n_firms, differentiation, switching_cost, cost, quality)
    price = np.asarray(equilibrium_price(n, mu, k, c, q), dtype=float)
    at_price = _deviation_profit(price, price, n, mu, k, c, q)
    upper = c + np.maximum(q - c, 0.0) + 2.0 * mu + k
    steps = np.linspace(0.0, 1.0, points).reshape((points,) + (1,) * price.ndim)
    own = c + steps * (upper - c)
    best = np.max(_deviation_profit(own, price, n, mu, k, c, q), axis=0)
    ok = best <= at_price * (1 + 1e-9) + 1e-12
    return ok if ok.ndim else ok[()]


def equilibrium(n_firms: ArrayLike, differentiation: ArrayLike, switching_cost: ArrayLike = 0.0,
                cost: ArrayLike = 0.0, quality: ArrayLike = 0.0) -> dict[str, np.ndarray]:
    """The symmetric equilibrium's price, markup and margin, and what customers do.

    Returns a dict of arrays: `price` and `markup` (RMB per million tokens), `margin` (markup / price, 0 to 1),
    `inside_share` (share of customers buying from any provider), `switch_rate` (share of customers who move
    to a rival provider), `profit_per_customer` (markup times each provider's sales per customer of the
    market, RMB per million tokens of demand) and `is_equilibrium` (see `is_equilibrium`).
    """
    n, mu, k, c, q = _check(n_firms, differentiation, switching_cost, cost, quality)
    price = np.asarray(equilibrium_price(n, mu, k, c, q), dtype=float)
    a, b, out = _choice_probabilities(price, n, mu, k, q)
    markup = price - c
    with np.errstate(divide="ignore", invalid="ignore"):
        margin = np.where(price > 0, markup / price, 0.0)
    result = {
        "price": price,
        "markup": markup,
        "margin": margin,
        "inside_share": 1.0 - out,
        "switch_rate": (n - 1) * b,
        "profit_per_customer": markup * (a + (n - 1) * b) / n,
        "is_equilibrium": np.asarray(is_equilibrium(n, mu, k, c, q)),
    }
    return {key: (v if np.ndim(v) else v[()]) for key, v in result.items()}


def markup_without_outside_option(n_firms: ArrayLike, differentiation: ArrayLike) -> np.ndarray:
    """The closed-form markup when every customer buys and nobody is locked in: mu * n / (n - 1).

    RMB per million tokens. This is the limit of `equilibrium_price - cost` as quality grows large with no
    switching cost, and the textbook result for symmetric logit Bertrand competition.
    """
    n, mu, *_ = _check(n_firms, differentiation, 0.0, 0.0, 0.0)
    result = mu * n / (n - 1)
    return result if result.ndim else result[()]


def grid(n_firms: ArrayLike, differentiation: ArrayLike, switching_cost: ArrayLike, cost: float,
         quality: float) -> dict[str, np.ndarray]:
    """The equilibrium on the full grid of the three arrays given (outer product), flattened.

    For precomputing a chart whose sliders pick `n_firms` and `switching_cost` without a kernel. Returns the
    columns `n_firms`, `differentiation`, `switching_cost` and those of `equilibrium`.
    """
    n, mu, k = np.meshgrid(np.asarray(n_firms, dtype=float), np.asarray(differentiation, dtype=float),
                           np.asarray(switching_cost, dtype=float), indexing="ij")
    eq = equilibrium(n.ravel(), mu.ravel(), k.ravel(), cost, quality)
    return {"n_firms": n.ravel(), "differentiation": mu.ravel(), "switching_cost": k.ravel(), **eq}
