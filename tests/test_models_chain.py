"""The chain model: shares stay shares, each link moves the way its docstring says, and runs vectorise."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud.models import chain

BASE = dict(quarters=8, demand_growth=0.25, capacity_growth=0.1, learning_rate=0.2, markup=0.3, sensitivity=2.0,
            churn=0.2, lock_in=1.0, cash_quarters=4.0)
shares3 = st.lists(st.floats(min_value=0.05, max_value=1), min_size=3, max_size=3).map(
    lambda xs: np.array(xs) / sum(xs))
positive3 = st.lists(st.floats(min_value=0.2, max_value=3), min_size=3, max_size=3).map(np.array)
unit3 = st.lists(st.floats(min_value=0, max_value=1), min_size=3, max_size=3).map(np.array)


def run(**changes):
    args = dict(start_share=[0.5, 0.3, 0.2], reserves=[0.6, 0.4, 0.3], efficiency=[1.0, 1.0, 1.0],
                depth=[0.6, 0.4, 0.2]) | BASE | changes
    return chain.simulate(**args)


@settings(max_examples=60, deadline=None)
@given(shares3, positive3, positive3, unit3, st.floats(0, 0.6), st.floats(0, 0.4), st.floats(0, 0.39),
       st.floats(0, 4), st.floats(0.05, 1), st.floats(0, 1))
def test_shares_of_each_quarter_lie_in_zero_one_and_sum_to_one(share, reserves, eff, depth, g, lr, gc, lock,
                                                               churn, markup):
    paths = chain.simulate(share, reserves, eff, depth, quarters=6, demand_growth=g, capacity_growth=gc,
                           learning_rate=lr, markup=markup, sensitivity=2.0, churn=churn, lock_in=lock,
                           cash_quarters=3.0)
    s = paths.shares[0]
    assert ((s >= -1e-12) & (s <= 1 + 1e-12)).all()
    served_any = paths.served[0].sum(axis=-1) > 0
    assert np.allclose(s.sum(axis=-1)[served_any], 1.0)
    assert np.isfinite(paths.cash).all() and np.isfinite(paths.unit_cost).all()


def test_identical_vendors_keep_identical_shares():
    paths = chain.simulate([1 / 3] * 3, [0.4] * 3, [1.0] * 3, [0.5] * 3, **BASE)
    assert paths.alive[0].all()
    assert np.allclose(paths.shares[0], 1 / 3)


def test_with_everyone_choosing_again_and_ample_capacity_shares_jump_to_the_price_logit():
    paths = run(churn=1.0, lock_in=0.0, learning_rate=0.0, reserves=[50.0, 50.0, 50.0], efficiency=[1.0, 2.0, 1.0],
                cash_quarters=1000.0)
    price = paths.price[0, 1]
    expected = chain.target_shares(price, 1.0, np.array(2.0), np.ones(3, dtype=bool))
    assert np.allclose(paths.shares[0, 1], expected)
    assert paths.shares[0, 1, 1] > paths.shares[0, 1, 0]   # the efficient vendor is cheaper and wins buyers


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 3), st.floats(0, 3))
def test_stronger_lock_in_keeps_shares_nearer_where_they_started(lock_a, lock_b):
    low, high = sorted((lock_a, lock_b))
    common = dict(reserves=[50.0] * 3, efficiency=[1.0, 1.5, 0.8], depth=[0.5] * 3, learning_rate=0.0,
                  cash_quarters=1000.0)
    moved = [chain.divergence(run(lock_in=k, **common).shares[0, -1], [0.5, 0.3, 0.2]) for k in (low, high)]
    assert moved[1] <= moved[0] + 1e-12


def test_learning_lowers_unit_cost_and_no_learning_keeps_it():
    learning = run(learning_rate=0.3).unit_cost[0]
    flat = run(learning_rate=0.0).unit_cost[0]
    assert (np.diff(learning, axis=0) <= 1e-12).all() and learning[-1].max() < learning[0].min()
    assert np.allclose(flat, flat[0])


def test_a_cost_fall_of_learning_rate_per_doubling():
    assert chain.learning_exponent(0.2) == pytest.approx(-np.log2(0.8))
    assert 2.0 ** -float(chain.learning_exponent(0.2)) == pytest.approx(0.8)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.05, 0.5), st.floats(0.05, 0.5))
def test_more_reserves_never_serve_less_in_the_first_quarter(r1, r2):
    low, high = sorted((r1, r2))
    served = [run(reserves=[r, 0.3, 0.3], demand_growth=0.5).served[0, 1, 0] for r in (low, high)]
    assert served[1] >= served[0] - 1e-12


def test_idle_reserves_lose_money_and_a_vendor_whose_cash_runs_out_exits():
    paths = run(reserves=[5.0, 0.4, 0.3], demand_growth=0.0, capacity_growth=0.0, cash_quarters=1.0)
    assert not paths.alive[0, -1, 0] and paths.shares[0, -1, 0] == 0
    assert paths.alive[0, -1, 1:].all()


def test_a_run_of_many_draws_equals_the_draws_run_one_by_one():
    locks = np.array([0.0, 1.0, 3.0])
    together = run(lock_in=locks)
    for i, k in enumerate(locks):
        assert np.allclose(together.shares[i], run(lock_in=k).shares[0])


def test_bad_inputs_are_refused_with_the_name_of_the_input():
    with pytest.raises(ValueError, match="start_share"):
        run(start_share=[0.5, 0.5, 0.5])
    with pytest.raises(ValueError, match="learning_rate"):
        run(learning_rate=1.0)
    with pytest.raises(ValueError, match="depth"):
        run(depth=[0.5, 1.5, 0.2])
    with pytest.raises(ValueError, match="quarters"):
        run(quarters=0)


def test_readings_hhi_leader_gain_and_divergence():
    assert chain.hhi([0.5, 0.5]) == pytest.approx(0.5)
    assert chain.divergence([1, 0], [0, 1]) == pytest.approx(1.0)
    paths = run()
    assert chain.leader_gain(paths)[0] == pytest.approx(paths.shares[0, -1, 0] - 0.5)
    assert chain.competitiveness(0.5, 1.0, 2.0) == pytest.approx(1.0)
