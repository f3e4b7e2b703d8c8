"""Specification of aicloud.models.capex: worked examples from published figures, then properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from aicloud.models import capex

money = st.floats(min_value=1.0, max_value=5_000.0)
margins = st.floats(min_value=0.05, max_value=1.0)
growths = st.floats(min_value=-0.5, max_value=2.0)
fractions = st.floats(min_value=0.0, max_value=0.95)


# Worked examples -------------------------------------------------------------------------------------------

def test_sequoia_2023_run_rate_of_50_needs_200_of_revenue():
    assert capex.revenue_needed(50.0, 0.5, 0.5) == pytest.approx(200.0)


def test_sequoia_2024_run_rate_of_150_needs_600_of_revenue():
    assert capex.revenue_needed(150.0) == pytest.approx(600.0)


def test_sequoia_2024_gap_is_500_after_100_of_revenue():
    assert capex.revenue_gap(600.0, 100.0) == pytest.approx(500.0)


def test_sequoia_2023_hole_of_125_implies_75_of_revenue():
    assert capex.revenue_needed(50.0) - 125.0 == pytest.approx(75.0)


def test_gpus_as_half_the_cost_double_the_spend():
    assert capex.datacentre_cost(150.0, 0.5) == pytest.approx(300.0)


def test_a_quarter_of_51_2_is_a_run_rate_of_204_8():
    assert capex.run_rate(51.2) == pytest.approx(204.8)


def test_two_years_of_65_percent_falls_compound_to_about_88_percent():
    assert capex.total_decline(0.65, 2) == pytest.approx(0.8775)


def test_a_90_percent_fall_over_four_years_is_about_44_percent_a_year():
    assert capex.yearly_decline(0.9, 4) == pytest.approx(1 - 0.1 ** 0.25)


def test_a_pledge_of_380_over_three_years_is_about_127_a_year():
    assert capex.yearly_pace(380.0, 3) == pytest.approx(126.6667, rel=1e-4)


def test_48_2_after_a_22_percent_fall_implies_about_61_8_before():
    assert capex.previous_level(48.2, -0.22) == pytest.approx(61.79, rel=1e-3)


def test_payback_without_growth_is_capex_over_yearly_margin():
    assert capex.payback_years(400.0, 100.0, 0.5, 0.0) == pytest.approx(8.0)


def test_payback_with_doubling_revenue_solves_the_continuous_sum():
    # revenue doubling each year: the margin earned in three years is (2^3 - 1) / ln 2 first-year margins
    assert capex.payback_years(7 / np.log(2) * 10.0, 20.0, 0.5, 1.0) == pytest.approx(3.0)


def test_payback_never_happens_when_shrinking_revenue_cannot_cover_capex():
    # total margin ever earned = 0.5 * 100 / ln 2, about 72, less than 150
    assert np.isinf(capex.payback_years(150.0, 100.0, 0.5, -0.5))


def test_payback_is_infinite_without_margin():
    assert np.isinf(capex.payback_years(100.0, 100.0, 0.0, 0.2))


def test_payback_of_nothing_takes_no_time():
    assert capex.payback_years(0.0, 10.0, 0.3, 0.1) == 0.0


def test_payback_broadcasts_over_scenarios():
    out = capex.payback_years(400.0, 60.0, np.array([0.2, 0.4, 0.6]), np.array([0.2, 0.4, 0.8]))
    assert out.shape == (3,) and (np.diff(out) < 0).all()


def test_share_of_gdp_is_a_fraction():
    assert capex.share(300.0, 30_000.0) == pytest.approx(0.01)


# Refusals --------------------------------------------------------------------------------------------------

def test_a_margin_of_100_percent_is_refused_for_sequoia_arithmetic():
    with pytest.raises(ValueError, match="end_user_margin"):
        capex.revenue_needed(50.0, 0.5, 1.0)


def test_a_zero_gpu_share_is_refused():
    with pytest.raises(ValueError, match="gpu_share_of_cost"):
        capex.datacentre_cost(50.0, 0.0)


def test_growth_of_minus_100_percent_is_refused():
    with pytest.raises(ValueError, match="growth"):
        capex.payback_years(100.0, 10.0, 0.5, -1.0)


def test_a_margin_above_one_is_refused_in_payback():
    with pytest.raises(ValueError, match="margin"):
        capex.payback_years(100.0, 10.0, 1.5, 0.1)


def test_a_zero_denominator_is_refused():
    with pytest.raises(ValueError, match="denominator"):
        capex.share(1.0, 0.0)


def test_coverage_refuses_a_zero_need():
    with pytest.raises(ValueError):
        capex.coverage(1.0, 0.0)


# Properties ------------------------------------------------------------------------------------------------

@given(money, money, margins, margins, growths)
def test_payback_years_fall_as_margin_rises(c, r, m1, m2, g):
    lo, hi = sorted((m1, m2))
    assert capex.payback_years(c, r, hi, g) <= capex.payback_years(c, r, lo, g) * (1 + 1e-9)


@given(money, money, margins, growths, growths)
def test_payback_years_fall_as_growth_rises(c, r, m, g1, g2):
    lo, hi = sorted((g1, g2))
    assert capex.payback_years(c, r, m, hi) <= capex.payback_years(c, r, m, lo) * (1 + 1e-9)


@given(money, money, money, margins, growths)
def test_payback_years_rise_with_capex(c1, c2, r, m, g):
    lo, hi = sorted((c1, c2))
    assert capex.payback_years(lo, r, m, g) <= capex.payback_years(hi, r, m, g) * (1 + 1e-9)


@given(money, money, margins, st.floats(min_value=-0.3, max_value=1.5))
def test_cumulative_recovered_at_payback_equals_capex(c, r, m, g):
    t = capex.payback_years(c, r, m, g)
    if np.isfinite(t):
        assert capex.cumulative_recovered(r, m, g, t) == pytest.approx(c, rel=1e-6)


@given(money, margins, growths, st.floats(min_value=0, max_value=20), st.floats(min_value=0, max_value=20))
def test_cumulative_recovered_never_falls_with_time(r, m, g, t1, t2):
    lo, hi = sorted((t1, t2))
    assert capex.cumulative_recovered(r, m, g, lo) <= capex.cumulative_recovered(r, m, g, hi) * (1 + 1e-9) + 1e-9


@given(money, st.floats(min_value=0.05, max_value=1.0), fractions, fractions)
def test_revenue_needed_rises_with_end_user_margin(spend, gpu_share, m1, m2):
    lo, hi = sorted((m1, m2))
    assert capex.revenue_needed(spend, gpu_share, lo) <= capex.revenue_needed(spend, gpu_share, hi)


@given(money, st.floats(min_value=0.05, max_value=1.0), fractions)
def test_revenue_needed_is_never_below_the_gpu_spend(spend, gpu_share, m):
    assert capex.revenue_needed(spend, gpu_share, m) >= spend * (1 - 1e-12)


@given(money, st.floats(min_value=0.05, max_value=1.0), fractions, st.floats(min_value=0.1, max_value=10))
def test_revenue_needed_scales_with_the_gpu_spend(spend, gpu_share, m, k):
    scaled = capex.revenue_needed(spend * k, gpu_share, m)
    assert scaled == pytest.approx(k * capex.revenue_needed(spend, gpu_share, m))


@given(money, money)
def test_gap_plus_revenue_is_the_need(needed, revenue):
    assert capex.revenue_gap(needed, revenue) + revenue == pytest.approx(needed)


@given(money, money)
def test_full_coverage_means_no_gap(needed, revenue):
    # Away from the boundary (where rounding decides either way) coverage of 1 or more means no gap.
    cover, gap = capex.coverage(revenue, needed), capex.revenue_gap(needed, revenue)
    if abs(cover - 1) > 1e-9:
        assert (cover >= 1) == (gap <= 0)


@given(st.floats(min_value=0.0, max_value=0.9), st.integers(min_value=1, max_value=6))
def test_yearly_and_total_decline_are_inverses(f, n):
    assert capex.yearly_decline(capex.total_decline(f, n), n) == pytest.approx(f, abs=1e-6)


@given(fractions, st.integers(min_value=1, max_value=10))
def test_a_longer_decline_falls_further(f, n):
    assert capex.total_decline(f, n + 1) >= capex.total_decline(f, n) - 1e-12


@given(money, st.floats(min_value=0.1, max_value=10))
def test_yearly_pace_times_years_is_the_total(total, years):
    assert capex.yearly_pace(total, years) * years == pytest.approx(total)


@given(money, st.floats(min_value=-0.9, max_value=2.0))
def test_previous_level_grown_by_the_change_is_the_current(current, change):
    assert capex.previous_level(current, change) * (1 + change) == pytest.approx(current)


@given(money, money)
def test_share_times_whole_is_the_part(part, whole):
    assert capex.share(part, whole) * whole == pytest.approx(part)


@given(money)
def test_run_rate_is_four_quarters(q):
    assert capex.run_rate(q) == pytest.approx(4 * q)


@given(money, st.floats(min_value=0.05, max_value=1.0))
def test_datacentre_cost_is_never_below_the_gpu_spend(spend, gpu_share):
    assert capex.datacentre_cost(spend, gpu_share) >= spend * (1 - 1e-12)


@pytest.mark.parametrize("years", [0, -1, [1, 0]])
def test_spreading_over_no_or_negative_years_is_refused(years):
    with pytest.raises(ValueError, match="years must be positive"):
        capex.yearly_pace(100.0, years)
    with pytest.raises(ValueError, match="years must be positive"):
        capex.yearly_decline(0.5, years)


# Scalar forms, money across decades, the steady state ------------------------------------------------------

@given(money, money, margins, st.floats(min_value=-0.5, max_value=2.0))
@example(1.0, 11.0, 1.0, 1.192092896e-07)   # found by Hypothesis: the scalar form lost digits in 1 + x
def test_the_scalar_payback_is_the_array_payback(c, r, m, g):
    a, b = capex.payback_year(c, r, m, g), float(capex.payback_years(c, r, m, g))
    assert (np.isinf(a) and np.isinf(b)) or a == pytest.approx(b, rel=1e-9)


@given(money, st.floats(min_value=0.05, max_value=1.0), st.floats(min_value=-0.5, max_value=2.0),
       st.floats(min_value=0.5, max_value=20))
def test_revenue_to_repay_within_a_life_repays_in_exactly_that_life(c, m, g, years):
    revenue = capex.revenue_to_repay_within(c, m, g, years)
    assert capex.payback_year(c, revenue, m, g) == pytest.approx(years, rel=1e-6)


def test_no_revenue_repays_without_margin():
    assert np.isinf(capex.revenue_to_repay_within(100.0, 0.0, 0.1, 5.0))


def test_a_published_price_level_is_used_as_given():
    assert capex.price_level(2000, {2000: 172.2, 2024: 313.689}, 0.03) == 172.2


def test_a_year_after_the_index_grows_the_last_level_by_the_assumed_inflation():
    assert capex.price_level(2026, {2024: 300.0}, 0.02) == pytest.approx(300.0 * 1.02 ** 2)


def test_a_year_before_the_index_has_no_level():
    assert capex.price_level(1990, {2000: 172.2, 2024: 313.689}) is None


def test_92_bn_of_2000_money_in_2024_dollars_scales_by_the_cpi_ratio():
    assert capex.in_dollars_of(92.0, 172.2, 313.689) == pytest.approx(92.0 * 313.689 / 172.2)


def test_a_non_positive_price_level_is_refused():
    with pytest.raises(ValueError, match="price levels"):
        capex.in_dollars_of(1.0, 0.0, 100.0)


@given(money, st.floats(min_value=0.5, max_value=40))
def test_in_the_steady_state_a_years_spending_is_written_off_each_year(spend, life):
    installed, yearly = capex.steady_state(spend, life)
    assert yearly == pytest.approx(spend) and installed == pytest.approx(spend * life)


def test_a_steady_state_needs_a_positive_life():
    with pytest.raises(ValueError, match="life_years"):
        capex.steady_state(100.0, 0.0)
