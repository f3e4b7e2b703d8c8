"""Agent workloads: token demand multiples and what they do to margins."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud.models import agents

shares = st.floats(min_value=0, max_value=1)
multiples = st.floats(min_value=1, max_value=2000)


def test_a_fifth_of_sessions_as_single_agents_at_4x_raises_tokens_by_60_percent():
    assert float(agents.demand_multiplier(0.2, 4)) == pytest.approx(1.6)


def test_all_chat_sessions_leave_demand_unchanged():
    assert float(agents.demand_multiplier(0.0, 15)) == 1.0


@given(shares, shares, multiples)
def test_demand_rises_with_the_agent_share(s1, s2, m):
    lo, hi = sorted((s1, s2))
    assert agents.demand_multiplier(hi, m) >= agents.demand_multiplier(lo, m)


@given(shares, multiples)
def test_a_mix_of_one_workload_equals_the_single_multiplier(share, m):
    assert math.isclose(agents.mix_multiplier([share], [m]), float(agents.demand_multiplier(share, m)))


@given(st.floats(min_value=0.001, max_value=10), st.floats(min_value=0.01, max_value=10),
       st.floats(min_value=0.01, max_value=10), st.floats(min_value=1, max_value=100))
def test_per_token_billing_scales_profit_with_tokens(tokens, price, cost, k):
    assert math.isclose(agents.gross_profit_per_session(k * tokens, price, cost),
                        k * agents.gross_profit_per_session(tokens, price, cost), rel_tol=1e-9, abs_tol=1e-12)


@given(st.floats(min_value=0.01, max_value=10), st.floats(min_value=0.001, max_value=1),
       st.floats(min_value=0.01, max_value=5), st.floats(min_value=1.01, max_value=100))
def test_a_flat_fee_margin_shrinks_as_tokens_per_session_grow(fee, tokens, cost, k):
    assert agents.flat_fee_margin(fee, k * tokens, cost) < agents.flat_fee_margin(fee, tokens, cost)


def test_shares_above_one_are_refused():
    with pytest.raises(ValueError):
        agents.mix_multiplier([0.7, 0.5], [4, 15])


def test_multiples_below_chat_are_refused():
    with pytest.raises(ValueError):
        agents.demand_multiplier(0.5, 0.5)
