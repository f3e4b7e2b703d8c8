"""Price-war attrition: survival months, cash needed, Monte Carlo helpers."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud.models import attrition as at

costs = st.floats(min_value=0.2, max_value=3)
cash = st.floats(min_value=0, max_value=50)
rates = st.floats(min_value=0, max_value=0.9)


def test_a_constant_loss_exhausts_cash_after_cash_divided_by_burn_months():
    months = at.survival_months(12.0, unit_cost=1.5, price=1.0, fixed_cost=0.0, price_decline=0.0,
                                cost_decline=0.0, horizon_months=60)
    assert float(months) == pytest.approx(24.0)


def test_a_profitable_provider_survives_the_horizon():
    assert float(at.survival_months(1.0, 0.5, 1.0, 0.1, 0.0, 0.0, 36)) == 36


def test_cash_needed_inverts_survival_months():
    months = at.survival_months(10.0, 1.3, 1.0, 0.05, 0.4, 0.2, 120)
    assert float(at.cash_needed(months, 1.3, 1.0, 0.05, 0.4, 0.2)) == pytest.approx(10.0, rel=1e-9)


@settings(max_examples=50, deadline=None)
@given(cash, costs, costs, rates, rates)
def test_a_lower_unit_cost_never_shortens_survival(c, cost1, cost2, dp, dc):
    lo, hi = sorted((cost1, cost2))
    assert at.survival_months(c, lo, 1.0, 0.05, dp, dc, 60) >= at.survival_months(c, hi, 1.0, 0.05, dp, dc, 60)


@settings(max_examples=50, deadline=None)
@given(cash, cash, costs, rates, rates)
def test_more_cash_never_shortens_survival(c1, c2, cost, dp, dc):
    lo, hi = sorted((c1, c2))
    assert at.survival_months(hi, cost, 1.0, 0.05, dp, dc, 60) >= at.survival_months(lo, cost, 1.0, 0.05, dp, dc,
                                                                                      60)


@settings(max_examples=50, deadline=None)
@given(cash, costs, rates, rates)
def test_survival_lies_between_zero_and_the_horizon(c, cost, dp, dc):
    months = float(at.survival_months(c, cost, 1.0, 0.05, dp, dc, 48))
    assert 0 <= months <= 48


@given(st.floats(min_value=0.1, max_value=10), rates, st.integers(min_value=0, max_value=120))
def test_a_path_never_rises(start, rate, month):
    assert at.path(start, rate, month + 1) <= at.path(start, rate, month)


def test_monte_carlo_over_100000_draws_is_vectorised_and_seeded():
    def run(seed):
        rng = np.random.default_rng(seed)
        n = 100_000
        return at.survival_months(at.triangular(rng, 6, 24, 60, n), at.triangular(rng, 1.0, 1.3, 2.0, n), 1.0,
                                  0.05, at.triangular(rng, 0.2, 0.5, 0.9, n), at.triangular(rng, 0.2, 0.4, 0.6, n),
                                  60)
    first, second = run(7), run(7)
    assert first.shape == (100_000,) and np.array_equal(first, second)


def test_quantiles_default_to_the_10th_50th_and_90th_percentiles():
    assert list(at.quantiles(np.arange(101))) == [10, 50, 90]


def test_share_surviving_counts_draws_at_the_horizon():
    assert at.share_surviving([10, 60, 60, 30], 60) == 0.5


def test_triangular_with_equal_bounds_is_a_point_mass():
    assert set(at.triangular(np.random.default_rng(0), 2, 2, 2, 5)) == {2.0}


def test_a_decline_of_a_whole_year_is_refused():
    with pytest.raises(ValueError):
        at.path(1.0, 1.0, 12)


def test_negative_cash_is_refused():
    with pytest.raises(ValueError):
        at.survival_months(-1, 1.0, 1.0, 0.0, 0.0, 0.0, 12)


def test_burn_is_cost_minus_price_plus_fixed():
    assert math.isclose(float(at.monthly_burn(1.2, 1.0, 0.1)), 0.3)


def _reference_survival(cash, cost, price, fixed, price_decline, cost_decline, horizon):
    """The model written as the plain month-by-month loop it replaces, one draw at a time."""
    left = cash
    for month in range(horizon):
        burn = (cost * (1 - cost_decline) ** (month / 12) - price * (1 - price_decline) ** (month / 12) + fixed)
        if burn > left:
            return month + (left / burn if burn > 0 else 0.0)
        left -= burn
    return float(horizon)


def test_block_wise_survival_matches_the_plain_loop_draw_by_draw(monkeypatch):
    monkeypatch.setattr(at, "_BLOCK", 97)  # several uneven blocks
    rng = np.random.default_rng(7)
    n = 1000
    args = (rng.uniform(0, 30, n), rng.uniform(0.2, 2, n), rng.uniform(0.2, 2, n), rng.uniform(0, 0.3, n),
            rng.uniform(0, 0.9, n), rng.uniform(0, 0.9, n))
    fast = at.survival_months(*args, horizon_months=48)
    slow = [_reference_survival(*(a[i] for a in args), 48) for i in range(n)]
    np.testing.assert_allclose(fast, slow, rtol=1e-9, atol=1e-9)


def test_survival_keeps_the_shape_of_broadcast_inputs():
    months = at.survival_months(np.full((3, 4), 5.0), 1.0, np.array([0.5, 1.0, 1.5, 2.0]), 0.1, 0.1, 0.1, 24)
    assert months.shape == (3, 4)


# --- volume options: costs that fall with volume, volumes that grow -------------------------------------------------

def test_without_volume_options_the_model_is_the_plain_one():
    args = (10.0, 1.3, 1.0, 0.05, 0.4, 0.2)
    plain = at.survival_months(*args, 60)
    assert at.survival_months(*args, 60, volume_growth=0.0, learning_rate=0.0) == plain


def test_wrights_law_cuts_the_unit_cost_by_the_learning_rate_per_doubling_of_cumulative_volume():
    # 12 months of volume before the war and a constant volume: after 12 more months cumulative volume doubles.
    path = at.unit_cost_path(1.0, 0.0, 25, volume_growth=0.0, learning_rate=0.2, prior_volume_months=12.0)
    assert path[0] == 1.0 and path[12] == pytest.approx(0.8) and path[24] < path[12]


def test_a_faster_growing_provider_learns_faster_so_the_strong_get_stronger():
    slow = at.unit_cost_path(1.0, 0.1, 36, volume_growth=0.0, learning_rate=0.2)
    fast = at.unit_cost_path(1.0, 0.1, 36, volume_growth=1.0, learning_rate=0.2)
    assert fast[1] == slow[1] and (fast[2:] < slow[2:]).all()   # month 0 sold the same volume


def test_a_growing_volume_multiplies_the_loss_of_a_provider_selling_below_cost():
    flat = at.survival_months(12.0, 1.5, 1.0, 0.0, 0.0, 0.0, 60)
    growing = at.survival_months(12.0, 1.5, 1.0, 0.0, 0.0, 0.0, 60, volume_growth=1.0)
    assert growing < flat


@settings(max_examples=50, deadline=None)
@given(cash, costs, rates, rates, st.floats(min_value=0, max_value=0.5))
def test_learning_never_shortens_survival(c, cost, dp, dc, rate):
    base = at.survival_months(c, cost, 1.0, 0.05, dp, dc, 48)
    assert at.survival_months(c, cost, 1.0, 0.05, dp, dc, 48, learning_rate=rate) >= base - 1e-9


def test_learning_needs_a_positive_prior_volume():
    with pytest.raises(ValueError, match="prior_volume_months"):
        at.unit_cost_path(1.0, 0.1, 12, learning_rate=0.2, prior_volume_months=0.0)


def test_a_volume_cannot_fall_below_zero():
    with pytest.raises(ValueError, match="volume_growth"):
        at.volume_path(-1.0, 12)


def test_war_outcome_gives_survival_and_the_cash_to_last_the_horizon():
    rng = np.random.default_rng(3)
    args = (rng.uniform(0.5, 2, 50), rng.uniform(0.5, 1.5, 50), 0.05, rng.uniform(0, 0.9, 50), rng.uniform(0, 0.9, 50))
    cash_ = rng.uniform(0, 30, 50)
    months, need = at.war_outcome(cash_, *args, 36)
    np.testing.assert_allclose(months, at.survival_months(cash_, *args, 36))
    np.testing.assert_allclose(need, at.cash_needed(36.0, *args))


@settings(max_examples=50, deadline=None)
@given(cash, costs, costs, rates, rates, st.integers(min_value=1, max_value=120))
def test_the_lean_few_provider_version_is_the_same_model(c, cost1, cost2, dp, dc, horizon):
    cash_ = np.array([c, 2 * c])
    unit = np.array([cost1, cost2])
    months, need = at.survival_and_need(cash_, unit, 1.0, 0.05, dp, dc, horizon)
    np.testing.assert_allclose(months, at.survival_months(cash_, unit, 1.0, 0.05, dp, dc, horizon), atol=1e-9)
    np.testing.assert_allclose(need, at.cash_needed(float(horizon), unit, 1.0, 0.05, dp, dc), atol=1e-9)


def test_war_chests_may_differ_by_provider():
    months = at.survival_months(np.array([6.0, 24.0]), np.array([1.2, 1.2]), 1.0, 0.0, 0.0, 0.0, 200)
    assert months[1] == pytest.approx(4 * months[0])
