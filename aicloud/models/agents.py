"""What agent workloads do to token demand, cost and revenue.

Pure functions on numbers or NumPy arrays; no I/O. Token multiples are relative to a chat session (1 = chat).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def demand_multiplier(agent_share: ArrayLike, agent_multiple: ArrayLike) -> np.ndarray:
    """Tokens per session relative to an all-chat mix, when `agent_share` (0-1) of sessions are agent
    sessions using `agent_multiple` times a chat session's tokens: 1 + share x (multiple - 1)."""
    share = np.asarray(agent_share, dtype=float)
    if ((share < 0) | (share > 1)).any():
        raise ValueError("agent_share must lie between 0 and 1")
    multiple = np.asarray(agent_multiple, dtype=float)
    if (multiple < 1).any():
        raise ValueError("agent_multiple must be at least 1 (a chat session)")
    return 1 + share * (multiple - 1)


def mix_multiplier(shares: ArrayLike, multiples: ArrayLike) -> float:
    """Tokens per session relative to chat for a mix of workloads; shares of non-chat workloads (summing to
    at most 1, chat takes the rest) with their multiples."""
    shares = np.asarray(shares, dtype=float)
    multiples = np.asarray(multiples, dtype=float)
    if (shares < 0).any() or shares.sum() > 1 + 1e-12:
        raise ValueError("shares must be non-negative and sum to at most 1")
    if (multiples < 1).any():
        raise ValueError("multiples must be at least 1")
    return float(1 + (shares * (multiples - 1)).sum())


def gross_profit_per_session(tokens_per_session_m: ArrayLike, price_per_m: ArrayLike,
                             cost_per_m: ArrayLike) -> np.ndarray:
    """USD kept per session when every token is billed: tokens (millions) x (price - cost) per million."""
    return np.asarray(tokens_per_session_m, dtype=float) * (np.asarray(price_per_m, dtype=float)
                                                            - np.asarray(cost_per_m, dtype=float))


def flat_fee_margin(fee_per_session: ArrayLike, tokens_per_session_m: ArrayLike,
                    cost_per_m: ArrayLike) -> np.ndarray:
    """Share of a flat per-session fee left after serving cost (negative: the session loses money)."""
    fee = np.asarray(fee_per_session, dtype=float)
    if (fee <= 0).any():
        raise ValueError("fee_per_session must be positive")
    return 1 - np.asarray(tokens_per_session_m, dtype=float) * np.asarray(cost_per_m, dtype=float) / fee
