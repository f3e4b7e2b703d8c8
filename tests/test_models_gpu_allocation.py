"""The GPU-allocation model: shares, concentration, capital and compute."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud.models import gpu_allocation as gpu

units_lists = st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=30).filter(
    lambda xs: sum(xs) > 0)


def test_shares_of_two_equal_buyers_are_halves():
    assert gpu.shares([150_000, 150_000]).tolist() == [0.5, 0.5]


def test_hhi_of_a_monopoly_is_ten_thousand():
    assert gpu.hhi([42]) == pytest.approx(10_000)


def test_hhi_of_omdias_2023_list_is_1400():
    # Omdia's twelve 2023 H100 buyers (Tom's Hardware / eastfeed reproductions): worked by hand, 1,400.
    units = [150, 150, 50, 50, 50, 50, 40, 30, 25, 20, 20, 15]
    assert gpu.hhi(units) == pytest.approx(1400.0)


def test_top_two_share_of_omdias_2023_list_is_six_of_thirteen():
    units = [150, 150, 50, 50, 50, 50, 40, 30, 25, 20, 20, 15]
    assert gpu.top_share(units, 2) == pytest.approx(300 / 650)


def test_capex_is_units_times_price():
    assert gpu.capex_usd(650_000, 25_000) == pytest.approx(16.25e9)


def test_sustained_flops_of_one_h100_at_forty_percent():
    assert gpu.sustained_flops(1, 989.4, 0.4) == pytest.approx(395.76e12)


def test_training_runs_of_deepseek_v3_size():
    # 2.788M GPU-hours per run; 1,000 GPUs all year on training: 8.76M hours -> 3.14 runs.
    assert gpu.training_runs_per_year(1000, 2.788e6, 1.0) == pytest.approx(8.76e6 / 2.788e6)


def test_growth_from_four_to_eighteen_is_plus_330_percent():
    assert gpu.growth(18.4, 4.28) == pytest.approx(18.4 / 4.28 - 1)


@pytest.mark.parametrize("bad", [[], [-1, 5], [0, 0]])
def test_shares_refuse_empty_negative_or_all_zero_units(bad):
    with pytest.raises(ValueError):
        gpu.shares(bad)


def test_utilisation_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError):
        gpu.sustained_flops(1, 989.4, 1.5)


@given(units_lists)
def test_shares_sum_to_one(units):
    assert gpu.shares(units).sum() == pytest.approx(1.0)


@given(units_lists)
def test_hhi_lies_between_equal_split_and_monopoly(units):
    positive = [u for u in units if u > 0]
    assert 10_000 / len(positive) - 1e-6 <= gpu.hhi(units) <= 10_000 + 1e-6


@given(units_lists, st.integers(min_value=1, max_value=40))
def test_top_share_grows_with_k_and_never_exceeds_one(units, k):
    assert gpu.top_share(units, k) <= gpu.top_share(units, k + 1) + 1e-12 <= 1 + 1e-9


@given(units_lists, st.floats(min_value=0.5, max_value=1000))
def test_scaling_every_buyer_leaves_concentration_unchanged(units, factor):
    scaled = np.asarray(units, dtype=float) * factor
    assert gpu.hhi(scaled) == pytest.approx(gpu.hhi(units), rel=1e-9)


@given(st.floats(min_value=1, max_value=1e7), st.floats(min_value=1, max_value=1e5),
       st.floats(min_value=1, max_value=1e5))
def test_capex_never_falls_when_the_price_rises(units, price, extra):
    assert gpu.capex_usd(units, price + extra) >= gpu.capex_usd(units, price)


@given(st.floats(min_value=0.0, max_value=1.0), st.floats(min_value=0.0, max_value=1.0))
def test_more_utilisation_never_means_less_compute(u1, u2):
    low, high = sorted([u1, u2])
    assert gpu.sustained_flops(1000, 989.4, high) >= gpu.sustained_flops(1000, 989.4, low)


def test_functions_broadcast_over_price_arrays():
    prices = np.array([21_000, 25_000, 30_000])
    assert gpu.capex_usd(100, prices).shape == (3,)
