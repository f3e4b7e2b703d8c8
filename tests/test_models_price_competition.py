"""The logit Bertrand model of providers selling nearly interchangeable models (claim C21)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud.models import price_competition as pc

firms = st.integers(min_value=2, max_value=12)
spread = st.floats(min_value=0.01, max_value=20.0)
costs = st.floats(min_value=0.0, max_value=10.0)
qualities = st.floats(min_value=-20.0, max_value=60.0)
switching = st.floats(min_value=0.0, max_value=10.0)


def test_two_firms_without_outside_option_mark_up_twice_the_differentiation():
    # Textbook symmetric logit: markup = mu * n / (n - 1); n = 2, mu = 1 -> 2.
    assert pc.markup_without_outside_option(2, 1.0) == pytest.approx(2.0)


def test_a_very_valuable_good_reproduces_the_closed_form_markup():
    # With quality far above price nobody takes the outside option: price = cost + mu * n / (n - 1).
    assert pc.equilibrium_price(3, 1.0, 0.0, cost=1.0, quality=100.0) == pytest.approx(1.0 + 1.5, rel=1e-9)


def test_identical_models_without_switching_costs_are_priced_at_cost():
    assert pc.equilibrium_price(2, 1e-4, 0.0, cost=0.8, quality=10.0) == pytest.approx(0.8, abs=1e-3)


def test_the_solution_satisfies_the_first_order_condition():
    price = pc.equilibrium_price(4, 0.7, 1.5, cost=0.8, quality=6.0)
    assert price - 0.8 == pytest.approx(float(pc._markup(price, 4.0, 0.7, 1.5, 6.0)), rel=1e-9)


def test_undercutting_pays_when_models_are_alike_but_switching_is_costly():
    # Near-identical models (mu = 0.01) and a switching cost of 0.5: taking a rival's whole base by
    # undercutting beats harvesting one's own, so no symmetric pure-strategy price exists.
    assert not pc.is_equilibrium(2, 0.01, 0.5, cost=1.0, quality=10.0)


def test_a_switching_cost_that_exceeds_the_value_of_the_good_locks_customers_in():
    assert pc.is_equilibrium(2, 0.01, 20.0, cost=1.0, quality=10.0)


def test_equilibrium_returns_consistent_columns():
    eq = pc.equilibrium(3, 1.0, 0.5, cost=1.0, quality=8.0)
    assert eq["markup"] == pytest.approx(eq["price"] - 1.0)
    assert eq["margin"] == pytest.approx(eq["markup"] / eq["price"])
    assert 0 < eq["inside_share"] < 1 and 0 <= eq["switch_rate"] < 1


def test_grid_is_the_outer_product_of_its_axes():
    out = pc.grid([2, 3], [0.1, 1.0, 5.0], [0.0, 1.0], cost=1.0, quality=10.0)
    assert len(out["price"]) == 2 * 3 * 2
    assert set(out["n_firms"]) == {2.0, 3.0}


@pytest.mark.parametrize("args", [(1, 1.0), (2.5, 1.0), (2, 0.0), (2, -1.0), (2, float("nan"))])
def test_invalid_firm_counts_or_differentiation_are_refused(args):
    with pytest.raises(ValueError):
        pc.equilibrium_price(*args)


def test_a_negative_switching_cost_is_refused():
    with pytest.raises(ValueError):
        pc.equilibrium_price(2, 1.0, -0.1)


@settings(max_examples=200, deadline=None)
@given(firms, spread, spread, costs, qualities)
def test_more_differentiation_never_lowers_the_equilibrium_price(n, mu_a, mu_b, c, q):
    low, high = sorted((mu_a, mu_b))
    assert pc.equilibrium_price(n, high, 0.0, c, q) >= pc.equilibrium_price(n, low, 0.0, c, q) - 1e-9


@settings(max_examples=200, deadline=None)
@given(firms, spread, switching, costs, qualities)
def test_the_markup_is_never_below_the_differentiation(n, mu, k, c, q):
    assert pc.equilibrium_price(n, mu, k, c, q) - c >= mu * (1 - 1e-9)


@settings(max_examples=200, deadline=None)
@given(firms, spread, costs, qualities)
def test_more_rivals_never_raise_the_price(n, mu, c, q):
    assert pc.equilibrium_price(n + 1, mu, 0.0, c, q) <= pc.equilibrium_price(n, mu, 0.0, c, q) + 1e-9


@settings(max_examples=100, deadline=None)
@given(firms, spread, costs, qualities)
def test_without_switching_costs_the_price_is_always_a_best_response(n, mu, c, q):
    assert pc.is_equilibrium(n, mu, 0.0, c, q)


def test_a_switching_cost_raises_the_price_when_few_customers_leave_the_market():
    # Not a general property: with a weak good, lock-in also pushes customers out of the market.
    assert pc.equilibrium_price(2, 1.0, 1.0, 1.0, 100.0) > pc.equilibrium_price(2, 1.0, 0.0, 1.0, 100.0)


@settings(max_examples=100, deadline=None)
@given(st.lists(spread, min_size=1, max_size=20), switching, costs, qualities)
def test_arrays_give_the_same_prices_as_scalars(mus, k, c, q):
    vector = pc.equilibrium_price(3, np.array(mus), k, c, q)
    scalars = [pc.equilibrium_price(3, m, k, c, q) for m in mus]
    assert np.allclose(vector, scalars, rtol=1e-12)
