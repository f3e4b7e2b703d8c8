"""Unit cost of a token: worked examples from published figures and properties of the formulas."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud.models import unit_cost as uc

prices = st.floats(min_value=0.1, max_value=50)
throughputs = st.floats(min_value=1, max_value=1e5)
shares = st.floats(min_value=0.01, max_value=1)

# DeepSeek, "Day 6: One More Thing" (1 Mar 2025): the published inputs and results.
DS = {"nodes": 226.75, "gpus": 8, "price": 2.0, "hours": 24, "input": 608e9, "hits": 342e9, "output": 168e9,
      "p_hit": 0.14, "p_miss": 0.55, "p_out": 2.19, "prefill_node": 73_700, "decode_node": 14_800,
      "cost": 87_072, "revenue": 562_027, "margin_pct": 545}


def test_deepseek_daily_cost_is_reproduced_to_the_dollar():
    assert uc.daily_cost_usd(DS["nodes"], DS["gpus"], DS["price"], DS["hours"]) == DS["cost"]


def test_deepseek_margin_is_reproduced_from_its_published_cost_and_revenue():
    margin = uc.cost_profit_margin(DS["revenue"], uc.daily_cost_usd(DS["nodes"], DS["gpus"], DS["price"]))
    assert round(float(margin) * 100) == DS["margin_pct"]


def test_deepseek_revenue_from_rounded_token_counts_is_within_rounding_of_the_published_figure():
    low, high = uc.token_revenue_bounds_usd(DS["hits"], DS["input"], DS["output"], DS["p_hit"], DS["p_miss"],
                                            DS["p_out"], rounding=1e9)
    assert low <= DS["revenue"] <= high


def test_deepseek_revenue_from_rounded_token_counts_is_562100_dollars():
    revenue = uc.token_revenue_usd(DS["hits"], DS["input"], DS["output"], DS["p_hit"], DS["p_miss"], DS["p_out"])
    assert float(revenue) == pytest.approx(562_100, abs=0.01)


def test_deepseek_throughput_and_tokens_imply_its_average_node_count():
    nodes = (uc.implied_nodes(DS["input"], DS["prefill_node"], 86_400)
             + uc.implied_nodes(DS["output"], DS["decode_node"], 86_400))
    assert float(nodes) == pytest.approx(DS["nodes"], rel=0.002)


def test_sglang_cost_per_million_output_tokens_matches_its_published_020_dollars_at_2_dollars_an_hour():
    assert float(uc.cost_per_million_tokens(2.0, 22_282 / 8)) == pytest.approx(0.1995, abs=5e-4)


def test_nvidia_tco_blog_cost_for_h200_does_not_follow_from_its_own_inputs():
    assert float(uc.cost_per_million_tokens(1.41, 90)) == pytest.approx(4.35, abs=0.01)  # published: 4.20


def test_gross_margin_of_deepseek_theoretical_revenue_is_about_85_percent():
    assert float(uc.gross_margin(DS["revenue"], DS["cost"])) == pytest.approx(0.845, abs=0.001)


@given(st.floats(min_value=1, max_value=1e7), st.floats(min_value=1, max_value=1e7),
       st.floats(min_value=0.1, max_value=10), shares)
def test_the_margin_chart_expression_computes_the_same_margin_as_the_model(rev, cost, ratio, util):
    expr = uc.margin_expression("rev", "cost", "ratio", "util")
    value = eval(expr, {"__builtins__": {}}, {"rev": rev, "cost": cost, "ratio": ratio, "util": util})
    assert math.isclose(value, float(uc.margin_at(rev, cost, ratio, util)), rel_tol=1e-9, abs_tol=1e-9)


@given(prices, throughputs, shares, shares)
def test_cost_falls_as_utilisation_rises(price, tps, u1, u2):
    lo, hi = sorted((u1, u2))
    assert uc.cost_per_million_tokens(price, tps, hi) <= uc.cost_per_million_tokens(price, tps, lo)


@given(prices, throughputs, shares)
def test_doubling_throughput_halves_cost(price, tps, util):
    assert math.isclose(uc.cost_per_million_tokens(price, 2 * tps, util),
                        uc.cost_per_million_tokens(price, tps, util) / 2, rel_tol=1e-12)


@given(prices, throughputs, shares)
def test_cost_is_proportional_to_the_hourly_price(price, tps, util):
    assert math.isclose(uc.cost_per_million_tokens(3 * price, tps, util),
                        3 * uc.cost_per_million_tokens(price, tps, util), rel_tol=1e-12)


@given(prices, throughputs, shares)
def test_the_chart_expression_computes_the_same_cost_as_the_model(price, tps, util):
    expr = uc.cost_expression("price", "tps", "util")
    assert math.isclose(eval(expr, {"__builtins__": {}}, {"price": price, "tps": tps, "util": util}),
                        float(uc.cost_per_million_tokens(price, tps, util)), rel_tol=1e-12)


@given(prices, throughputs, prices, throughputs, shares)
def test_the_breakeven_chart_expression_computes_the_same_utilisation_as_the_model(p, t, rp, rt, ru):
    expr = uc.breakeven_expression("p", "t", "rp", "rt", "ru")
    value = eval(expr, {"__builtins__": {}}, {"p": p, "t": t, "rp": rp, "rt": rt, "ru": ru})
    assert math.isclose(value, float(uc.breakeven_utilisation(p, t, rp, rt, ru)), rel_tol=1e-12)


@given(prices, throughputs, prices, throughputs, shares)
def test_at_breakeven_utilisation_the_costs_are_equal(p, t, rp, rt, ru):
    util = float(uc.breakeven_utilisation(p, t, rp, rt, ru))
    if 0 < util <= 1:
        assert math.isclose(uc.cost_per_million_tokens(p, t, util), uc.cost_per_million_tokens(rp, rt, ru),
                            rel_tol=1e-9)


@given(throughputs, shares, prices, throughputs, shares)
def test_at_breakeven_price_the_costs_are_equal(t, u, rp, rt, ru):
    price = float(uc.breakeven_price(t, u, rp, rt, ru))
    assert math.isclose(uc.cost_per_million_tokens(price, t, u), uc.cost_per_million_tokens(rp, rt, ru),
                        rel_tol=1e-9)


@given(prices, throughputs, throughputs, st.floats(min_value=0, max_value=10), shares)
def test_request_cost_adds_prefill_work_to_decode_cost(price, pre, dec, ratio, util):
    total = uc.request_cost_per_million_output(price, pre, dec, ratio, util)
    assert total >= uc.cost_per_million_tokens(price, dec, util) - 1e-12


@given(st.floats(min_value=1, max_value=1e7), st.floats(min_value=1, max_value=1e7))
def test_markup_and_margin_describe_the_same_profit(revenue, cost):
    markup = float(uc.cost_profit_margin(revenue, cost))
    margin = float(uc.gross_margin(revenue, cost))
    assert math.isclose(markup * cost, margin * revenue, rel_tol=1e-9, abs_tol=1e-6)


@given(st.floats(min_value=0.1, max_value=3), st.floats(min_value=0.1, max_value=3),
       st.floats(min_value=0.1, max_value=1))
def test_margin_falls_as_the_hourly_price_rises(r1, r2, util_ratio):
    lo, hi = sorted((r1, r2))
    assert uc.margin_at(562_027, 87_072, hi, util_ratio) <= uc.margin_at(562_027, 87_072, lo, util_ratio)


@given(st.floats(min_value=0.1, max_value=1), st.floats(min_value=0.1, max_value=1))
def test_margin_rises_with_utilisation(u1, u2):
    lo, hi = sorted((u1, u2))
    assert uc.margin_at(562_027, 87_072, 1.0, hi) >= uc.margin_at(562_027, 87_072, 1.0, lo)


@given(st.floats(min_value=0.1, max_value=3), throughputs, shares)
def test_energy_cost_rises_with_pue(kw, tps, util):
    assert uc.energy_cost_per_million_tokens(kw, 1.5, 0.1, tps, util) > uc.energy_cost_per_million_tokens(
        kw, 1.1, 0.1, tps, util)


def test_spread_is_the_ratio_of_largest_to_smallest():
    assert uc.spread([2.0, 1.0, 5.0]) == 5.0


def test_functions_accept_arrays_and_broadcast():
    costs = uc.cost_per_million_tokens(np.array([1.0, 2.0]), np.array([[1000.0], [2000.0]]), 0.5)
    assert costs.shape == (2, 2)


@pytest.mark.parametrize("util", [0.0, -0.1, 1.5])
def test_utilisation_outside_zero_to_one_is_refused(util):
    with pytest.raises(ValueError):
        uc.cost_per_million_tokens(2.0, 1000.0, util)


def test_zero_throughput_is_refused():
    with pytest.raises(ValueError):
        uc.cost_per_million_tokens(2.0, 0.0, 0.5)


def test_more_cache_hits_than_inputs_are_refused():
    with pytest.raises(ValueError):
        uc.token_revenue_usd(2, 1, 1, 0.1, 0.5, 2.0)


def test_one_token_a_second_at_full_use_needs_277_hours_per_million():
    assert uc.gpu_hours_per_million(1.0, 1.0) == pytest.approx(1e6 / 3600)


@given(st.floats(min_value=1.0, max_value=1e5), st.floats(min_value=0.01, max_value=1.0))
def test_hours_per_million_halve_when_throughput_doubles(tps, util):
    assert uc.gpu_hours_per_million(2 * tps, util) == pytest.approx(uc.gpu_hours_per_million(tps, util) / 2)


@given(st.floats(min_value=1.0, max_value=1e5), st.floats(min_value=0.01, max_value=0.99))
def test_hours_per_million_never_rise_with_utilisation(tps, util):
    assert uc.gpu_hours_per_million(tps, min(1.0, util + 0.01)) <= uc.gpu_hours_per_million(tps, util)


def test_cache_hits_remove_prefill_work_from_the_request_cost():
    cold = uc.request_cost_per_million_output(2.0, 6000, 2000, 3.6, 0.6)
    half = uc.request_cost_per_million_output(2.0, 6000, 2000, 3.6, 0.6, cache_hit_share=0.5)
    every = uc.request_cost_per_million_output(2.0, 6000, 2000, 3.6, 0.6, cache_hit_share=1.0)
    assert every == pytest.approx(uc.cost_per_million_tokens(2.0, 2000, 0.6)) and every < half < cold


def test_a_cache_hit_share_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="cache_hit_share"):
        uc.request_cost_per_million_output(2.0, 6000, 2000, 3.6, 0.6, cache_hit_share=1.2)
