"""Price cuts, blends, annualised rates and the fitted log-linear decline."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud.models import price_trend as pt

positive = st.floats(min_value=1e-3, max_value=1e4)


def test_qwen_long_input_cut_from_twenty_to_half_a_yuan_is_97_5_percent():
    assert pt.cut_depth(20.0, 0.5) == pytest.approx(0.975)


def test_doubao_pro_against_the_industry_reference_is_99_3_percent_cheaper():
    # Volcano Engine: 0.0008 vs about 0.12 RMB per thousand tokens (0.8 vs 120 per million).
    assert pt.cut_depth(120.0, 0.8) == pytest.approx(0.9933, abs=1e-4)


def test_a_free_tier_is_a_100_percent_cut():
    assert pt.cut_depth(4.0, 0.0) == 1.0


def test_three_to_one_blend_of_one_and_two_yuan_is_one_and_a_quarter():
    assert pt.blended_price(1.0, 2.0) == pytest.approx(1.25)


def test_stanford_280_fold_in_23_months_is_about_19_fold_a_year():
    # AI Index 2025: USD 20 -> 0.07 per 1M tokens, Nov 2022 to Oct 2024.
    assert pt.annual_factor(280.0, 23 / 12) == pytest.approx(280 ** (12 / 23))
    assert 18 < pt.annual_factor(280.0, 23 / 12) < 19


def test_ten_fold_a_year_is_a_90_percent_decline():
    assert pt.decline_from_factor(10.0) == pytest.approx(0.9)


@pytest.mark.parametrize("p, df, expected", [(0.975, 10, 2.228), (0.975, 1, 12.706), (0.95, 5, 2.015),
                                             (0.95, 2, 2.920), (0.025, 10, -2.228)])
def test_t_quantiles_match_the_printed_tables(p, df, expected):
    assert pt.t_quantile(p, df) == pytest.approx(expected, abs=1e-3)


def test_an_exact_tenfold_yearly_fall_is_fitted_as_ninety_percent_with_no_uncertainty():
    t = np.array([0.0, 0.5, 1.0, 1.5, 2.0])
    fit = pt.fit_decline(t, 100 * 10.0 ** -t)
    assert fit["decline"] == pytest.approx(0.9)
    assert fit["decline_low"] == pytest.approx(0.9) and fit["decline_high"] == pytest.approx(0.9)


def test_fixed_effects_ignore_differences_in_level_between_models():
    # Two models ten times apart in price, both falling tenfold a year: the pooled slope is still tenfold.
    t = np.array([0.0, 1.0, 2.0, 0.0, 1.0, 2.0])
    p = np.array([100.0, 10.0, 1.0, 10.0, 1.0, 0.1])
    fit = pt.fit_decline(t, p, group=["a", "a", "a", "b", "b", "b"])
    assert fit["factor"] == pytest.approx(10.0)
    assert fit["groups"] == 2 and fit["df"] == 3


def test_a_cheap_model_listed_late_is_not_a_cut_within_groups():
    # Without groups, a later cheap model looks like a fall; with groups, flat prices fit a zero slope.
    t = np.array([0.0, 1.0, 1.0, 2.0])
    p = np.array([10.0, 10.0, 1.0, 1.0])
    assert pt.fit_decline(t, p)["decline"] > 0.5
    assert pt.fit_decline(t, p, group=["x", "x", "y", "y"])["slope"] == pytest.approx(0.0, abs=1e-12)


def test_free_tiers_are_refused_by_the_fit():
    with pytest.raises(ValueError, match="free tiers"):
        pt.fit_decline([0.0, 1.0, 2.0], [1.0, 0.0, 0.5])


def test_a_fit_without_spare_observations_is_refused():
    with pytest.raises(ValueError):
        pt.fit_decline([0.0, 1.0], [2.0, 1.0])


@settings(max_examples=100, deadline=None)
@given(st.lists(positive, min_size=4, max_size=30), st.floats(min_value=0.5, max_value=0.99))
def test_the_confidence_interval_contains_the_estimate(prices, level):
    t = np.arange(len(prices), dtype=float) / 4
    fit = pt.fit_decline(t, prices, level=level)
    assert fit["decline_low"] <= fit["decline"] + 1e-12 <= fit["decline_high"] + 2e-12


@settings(max_examples=100, deadline=None)
@given(st.lists(positive, min_size=4, max_size=30), st.floats(min_value=0.01, max_value=100.0))
def test_rescaling_prices_does_not_change_the_rate(prices, scale):
    t = np.arange(len(prices), dtype=float)
    assert pt.fit_decline(t, np.array(prices) * scale)["slope"] == pytest.approx(
        pt.fit_decline(t, prices)["slope"], abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(positive, positive)
def test_a_cut_and_its_price_ratio_agree(before, after):
    assert 1 - pt.cut_depth(before, after) == pytest.approx(after / before)


@settings(max_examples=100, deadline=None)
@given(positive, st.floats(min_value=0.1, max_value=20.0))
def test_compounding_the_annual_factor_returns_the_total(total, years):
    assert pt.annual_factor(total, years) ** years == pytest.approx(total, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(positive, positive, st.floats(min_value=0.0, max_value=1.0))
def test_a_blend_lies_between_its_prices(i, o, w):
    assert min(i, o) - 1e-9 <= pt.blended_price(i, o, w) <= max(i, o) + 1e-9


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0.51, max_value=0.999), st.integers(min_value=1, max_value=200))
def test_t_quantiles_are_symmetric(p, df):
    assert pt.t_quantile(p, df) == pytest.approx(-pt.t_quantile(1 - p, df), rel=1e-9)
    assert not math.isnan(pt.t_quantile(p, df))
