"""The MaaS price-war chapter's analysis: one data pattern per verdict each rule can return (and its boundary),
degenerate but valid tables stated rather than crashed on, and the defects issue 13 names fixed."""

from __future__ import annotations

import math
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest

from aicloud import data, params
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import maas_price_war as mpw
from aicloud.robustness import sweep, sweep_rules
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

DECLARED = params.read("maas_price_war")
DEFAULTS = {p.name: p.default for p in DECLARED}
RESOURCES = ["maas_list_prices", "maas_price_moves", "maas_token_volumes", "maas_market_shares",
             "maas_trend_estimates", "maas_game_servers", "maas_reference", "maas_cloud_stack", "gpu_buyers",
             "sources"]
BAD = re.compile(r"\b(nan|NaN|inf|None|NaT)\b")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: data.load(name) for name in RESOURCES}


@pytest.fixture(scope="module")
def result(tables):
    return mpw.analyse(tables, DEFAULTS)


def d(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def move(day: str, vendor: str, *, approximate=False, price_move=True, model="m", action="cut") -> mpw.Move:
    return mpw.Move(d(day), approximate, vendor, model, action, "what", price_move, "src")


def check_text(result) -> None:
    """No missing or infinite number in any glued text or verdict, and no string glue would print with escapes."""
    for key, value in result.values.items():
        if isinstance(value, str):
            assert not BAD.search(value), f"{key}: {value}"
            assert not ("'" in value and '"' in value), f"{key} holds both quote marks: {value}"
        elif isinstance(value, float):
            assert math.isfinite(value), key
    for cid, v in result.verdicts.items():
        assert v.label in (SUPPORTED, PARTLY, CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE), cid
        assert not ("'" in v.reason and '"' in v.reason), cid
    assert set(result.verdicts) == set(mpw.CLAIMS)


# --- C11 -------------------------------------------------------------------------------------------------------
def c11(offers, moves, named="A; B; C"):
    ev = mpw.Evidence(offers=tuple((v, "Game", d(day)) for v, day in offers), moves=tuple(moves))
    return mpw.game_server_contest(ev, {"claimed_game_vendors": named})


def test_c11_two_named_clouds_before_the_first_price_move_is_supported():
    v = c11([("A", "2024-02-01"), ("B", "2024-01-25")], [move("2024-05-11", "X")])
    assert v.label == SUPPORTED and "C were not found" in v.reason


def test_c11_offers_after_the_first_price_move_are_partly_supported():
    v = c11([("A", "2024-06-01"), ("B", "2024-06-02")], [move("2024-05-11", "X")])
    assert v.label == PARTLY and "not first" in v.reason


def test_c11_one_cloud_after_the_first_move_is_contradicted():
    assert c11([("A", "2024-06-01")], [move("2024-05-11", "X")]).label == CONTRADICTED


def test_c11_an_offer_on_the_day_of_the_first_move_is_not_before_it():
    assert c11([("A", "2024-05-11"), ("B", "2024-05-01")], [move("2024-05-11", "X")]).label == PARTLY


def test_c11_moves_that_changed_no_price_do_not_date_the_war():
    v = c11([("A", "2024-05-20"), ("B", "2024-05-01")],
            [move("2024-05-06", "X", price_move=False), move("2024-05-21", "Y")])
    assert v.label == SUPPORTED


def test_c11_without_an_offer_by_a_named_cloud_is_not_testable_here():
    assert c11([("Z", "2024-02-01")], [move("2024-05-11", "X")]).label == NOT_TESTABLE_HERE


# --- C14 -------------------------------------------------------------------------------------------------------
def c14(periods):
    return mpw.own_model_spearhead(mpw.Evidence(periods=tuple(periods)), {})


def test_c14_own_model_leader_and_majority_in_every_period_is_supported():
    assert c14([("2024", "V", "B", "M", 1.0), ("2025-H1", "V", "B", "M", 0.6)]).label == SUPPORTED


def test_c14_half_is_not_a_majority_so_one_period_of_two_gives_partly():
    assert c14([("2024", "V", "B", "M", 1.0), ("2025-H1", "V", "B", "M", 0.5)]).label == PARTLY


def test_c14_leader_without_own_model_everywhere_is_contradicted():
    assert c14([("2024", "V", "B", "", 0.9)]).label == CONTRADICTED


def test_c14_no_period_is_not_testable_here():
    assert c14([]).label == NOT_TESTABLE_HERE


# --- C15 -------------------------------------------------------------------------------------------------------
def c15(moves, claimed="A"):
    return mpw.started_price_war(mpw.Evidence(moves=tuple(moves)), {"claimed_first_mover": claimed})


def test_c15_a_rival_moving_a_day_earlier_contradicts():
    v = c15([move("2024-05-20", "B"), move("2024-05-21", "A")])
    assert v.label == CONTRADICTED and v.reason.rstrip().count("contradicted") == 1


def test_c15_a_move_on_the_same_day_is_partly_supported():
    assert c15([move("2024-05-21", "B"), move("2024-05-21", "A")]).label == PARTLY


def test_c15_the_claimed_vendor_first_is_supported():
    assert c15([move("2024-05-21", "A"), move("2024-05-22", "B")]).label == SUPPORTED


def test_c15_a_launch_at_an_unchanged_price_is_not_a_first_move():
    v = c15([move("2024-05-06", "B", price_move=False, action="launch"), move("2024-05-21", "A")])
    assert v.label == SUPPORTED and "did not change" in v.reason


def test_c15_an_approximate_earlier_move_counts_and_is_said_to_be_approximate():
    v = c15([move("2024-05-11", "B", approximate=True), move("2024-05-21", "A")])
    assert v.label == CONTRADICTED and "approximate" in v.reason


def test_c15_no_move_by_the_claimed_vendor_is_not_testable_here():
    assert c15([move("2024-05-21", "B")]).label == NOT_TESTABLE_HERE


# --- C17 to C19 ------------------------------------------------------------------------------------------------
def ref(**metrics):
    return mpw.Evidence(reference={k: (v, "description", "src") for k, v in metrics.items()})


@pytest.mark.parametrize("found, claimed, expected", [(2e6, 2e6, SUPPORTED), (1.9e6, 2e6, CONTRADICTED)])
def test_c17_customer_count_against_the_article(found, claimed, expected):
    ev = ref(enterprise_customers_found=found, enterprise_customers_article=claimed)
    assert mpw.customers_and_partners(ev, {}).label == expected


def test_c17_customers_match_but_partner_growth_falls_short_is_partly_supported():
    ev = ref(enterprise_customers_found=2e6, enterprise_customers_article=2e6,
             partner_revenue_growth_found=0.5, partner_revenue_growth_article=1.0)
    assert mpw.customers_and_partners(ev, {}).label == PARTLY


def test_c17_without_a_customer_figure_is_not_testable_here():
    assert mpw.customers_and_partners(ref(), {}).label == NOT_TESTABLE_HERE


@pytest.mark.parametrize("found, expected", [(0.9, SUPPORTED), (0.89, CONTRADICTED)])
def test_c18_a_sourced_cost_cut_decides_at_the_articles_figure(found, expected):
    ev = ref(inference_cost_cut_article=0.9, inference_cost_cut_found=found)
    assert mpw.inference_cost_cut(ev, {}).label == expected


def test_c18_a_list_price_claim_is_not_a_cost_so_not_testable():
    v = mpw.inference_cost_cut(ref(inference_cost_cut_article=0.9, industry_claimed_cut=0.993), {})
    assert v.label == NOT_TESTABLE and "list price" in v.reason


@pytest.mark.parametrize("found, expected", [(4, SUPPORTED), (3, CONTRADICTED)])
def test_c19_layer_count_against_the_article(found, expected):
    ev = ref(industry_model_layers_found=found, industry_model_layers_article=4)
    assert mpw.layered_industry_model(ev, {}).label == expected


def test_c19_without_a_layer_count_is_not_testable_here():
    assert mpw.layered_industry_model(ref(), {}).label == NOT_TESTABLE_HERE


# --- C20 -------------------------------------------------------------------------------------------------------
def c20(years, leader="L"):
    ev = mpw.Evidence(periods=(("2025-H1", "Cloud", leader, "M", 1.0),), cn_buyers=years)
    return mpw.capability_over_compute(ev, {})


def test_c20_leader_below_first_in_every_year_is_supported():
    assert c20({2023: {"L": 10, "X": 20}, 2024: {"L": 5, "X": 6}}).label == SUPPORTED


def test_c20_leader_first_in_every_year_is_contradicted():
    assert c20({2023: {"L": 30, "X": 20}}).label == CONTRADICTED


def test_c20_a_tie_for_first_counts_as_first_and_the_answer_depends_on_the_year():
    v = c20({2023: {"L": 10, "X": 20}, 2024: {"L": 20, "X": 20}})
    assert v.label == PARTLY and "tied" in v.reason and "2023" in v.reason and "2024" in v.reason


def test_c20_uses_every_year_not_only_the_first(tables):
    v = mpw.capability_over_compute(mpw.prepare(tables), DEFAULTS)
    years = sorted(set(tables["gpu_buyers"]["year"]))
    assert v.label == PARTLY and all(str(y) in v.reason for y in years)


@pytest.mark.parametrize("years", [{}, {2026: {}}, {2023: {"L": 5}}, {2024: {"X": 5, "Y": 6}}])
def test_c20_years_that_cannot_rank_the_leader_are_not_testable_here(years):
    v = c20(years)
    assert v.label == NOT_TESTABLE_HERE


# --- C21 -------------------------------------------------------------------------------------------------------
def c21_evidence(before, after, published=(10.0, 10.0), fit=True):
    ev = mpw.Evidence(pair_before=np.array(before, float), pair_after=np.array(after, float),
                      pair_before_usd=np.zeros(len(before), bool), pair_after_usd=np.zeros(len(after), bool),
                      published=published)
    if fit:   # two models, each halving its price a year, with a little scatter
        ev.fit_years = np.array([0.0, 1.0, 2.0, 0.0, 1.0, 2.0])
        ev.fit_in = np.array([8.0, 4.1, 2.0, 4.0, 1.9, 1.0])
        ev.fit_out = ev.fit_in.copy()
        ev.fit_usd = np.zeros(6, bool)
        ev.fit_group = np.array([0, 0, 0, 1, 1, 1])
        ev.t_levels, ev.t_values = mpw._t_table(6 - 2 - 1)
    return ev


C21_PARAMS = {"usd_per_rmb": 0.14, "input_weight": 0.75, "confidence": 0.9}


def test_c21_most_cut_falling_trend_and_published_declines_is_supported():
    assert mpw.weak_lock_in(c21_evidence([10, 10, 10], [1, 2, 10]), C21_PARAMS).label == SUPPORTED


def test_c21_half_of_models_cut_is_not_most_so_partly():
    assert mpw.weak_lock_in(c21_evidence([10, 10], [1, 10]), C21_PARAMS).label == PARTLY


def test_c21_no_cut_no_trend_and_no_estimate_is_not_testable_here():
    v = mpw.weak_lock_in(c21_evidence([], [], published=None, fit=False), C21_PARAMS)
    assert v.label == NOT_TESTABLE_HERE


def test_c21_nothing_cut_and_a_rising_trend_is_contradicted():
    ev = c21_evidence([10, 10], [12, 10], published=None)
    ev.fit_in = ev.fit_in[::-1].copy()
    ev.fit_out = ev.fit_in.copy()
    assert mpw.weak_lock_in(ev, C21_PARAMS).label == CONTRADICTED


def test_c21_rule_fit_matches_the_page_fit(tables, result):
    fit = mpw.within_model_fit(mpw.prepare(tables), 0.14, 0.75, 0.9)
    assert fit["decline"] == pytest.approx(result.values["fit_decline"], abs=1e-9)
    assert fit["decline_low"] == pytest.approx(result.values["fit_decline_low"], abs=2e-3)


# --- C22, C23 --------------------------------------------------------------------------------------------------
def stack_ev(overlap, names, common=6, union=8):
    return mpw.Evidence(stack_paper={"region": "US", "clouds": ["A", "B"], "overlap": overlap, "names": names,
                                     "cross_overlap": math.nan, "common": common, "union": union})


@pytest.mark.parametrize("overlap, names, expected", [
    (0.75, 0.5, SUPPORTED), (0.75, 0.49, PARTLY), (0.74, 0.5, PARTLY), (0.74, 0.49, CONTRADICTED)])
def test_c22_two_parts_at_their_bars(overlap, names, expected):
    p = {"similar_layers": 0.75, "similar_names": 0.5}
    assert mpw.similar_core_services(stack_ev(overlap, names), p).label == expected


@pytest.mark.parametrize("common, expected", [(6, SUPPORTED), (5, CONTRADICTED)])
def test_c23_share_of_layers_all_list_at_the_bar(common, expected):
    v = mpw.common_stack(stack_ev(0.8, 0.1, common=common, union=8), {"similar_layers": 0.75})
    assert v.label == expected and "not measurable" in v.reason


def test_c22_and_c23_with_one_cloud_of_the_region_are_not_testable_here():
    ev = mpw.Evidence(stack_paper={"region": "US", "clouds": ["A"]})
    p = {"similar_layers": 0.75, "similar_names": 0.5}
    assert mpw.similar_core_services(ev, p).label == NOT_TESTABLE_HERE
    assert mpw.common_stack(ev, p).label == NOT_TESTABLE_HERE


# --- The default data: issue 13's corrections ------------------------------------------------------------------
def test_c15_counts_zhipu_and_not_deepseek_and_its_label_matches_its_reason(result):
    v = result.verdicts["C15"]
    assert v.label == CONTRADICTED and "contradicted" in v.reason
    assert "Zhipu" in v.reason.split("Not counted")[0] and "DeepSeek" in v.reason.split("Not counted")[1]
    assert v.figure.startswith("2 price moves")


def test_qwen15_72b_before_price_is_20_rmb_in_rmb(tables):
    row = tables["maas_list_prices"].set_index("price_id").loc["b-qwen15-72b"]
    assert (row["currency"], row["input_per_mtok"]) == ("RMB", 20)


def test_new_launches_are_only_the_doubao_family_and_qwen_long_counts_as_cut(result):
    assert result.values["n_new"] == 4
    assert "Qwen-Max" in result.values["after_only_text"] and "Qwen-Long (97%)" in result.values["cuts_text"]
    assert result.values["n_cut"] == result.values["n_judged"] - result.values["n_uncut"]


def test_every_declared_parameter_is_read_by_the_analysis(tables):
    recorded = RecordingParams(DEFAULTS)
    mpw.analyse(tables, recorded)
    unread = {p.name for p in DECLARED if not p.resource} - recorded.read
    assert not unread


def test_each_rule_reads_only_the_parameters_it_declares(tables):
    ev = mpw.prepare(tables)
    for cid, r in rules_of(mpw).items():
        recorded = RecordingParams(DEFAULTS)
        r(ev, recorded)
        assert recorded.read <= set(r.reads), cid


def test_every_numeric_parameter_has_a_documented_range():
    missing = [p.name for p in DECLARED if p.type in ("int", "float") and (p.low is None or p.high is None)]
    assert not missing


def test_the_default_data_reads_without_missing_numbers(result):
    check_text(result)


def test_the_sweep_holds_a_claimed_vendor_name_and_moves_only_numbers(tables):
    ev = mpw.prepare(tables)
    declared = {p.name: p for p in DECLARED}
    swept = sweep(mpw.started_price_war, ev, DEFAULTS, declared, draws=50)
    assert swept.ranges == {} and "data only" in swept.summary()
    swept = sweep(mpw.common_stack, ev, DEFAULTS, declared, draws=200)
    assert [f.parameter for f in swept.flips] == ["similar_layers"]


def test_every_rule_of_the_chapter_can_be_swept(tables):
    found = sweep_rules(rules_of(mpw), mpw.prepare(tables), DEFAULTS, DECLARED, draws=20)
    assert set(found) == set(mpw.CLAIMS)


# --- Degenerate but valid tables -------------------------------------------------------------------------------
def variant(tables, **changes):
    out = dict(tables)
    out.update(changes)
    return out


def degenerate_cases(t):
    prices, moves, buyers = t["maas_list_prices"], t["maas_price_moves"], t["gpu_buyers"]
    one_vendor = prices[prices["vendor"] == "Baidu"]
    renamed = prices.assign(vendor="V" + prices["vendor"], date=prices["date"] + pd.DateOffset(years=3))
    return {
        "one vendor": variant(t, maas_list_prices=one_vendor),
        "shifted and renamed": variant(t, maas_list_prices=renamed),
        "no price before the war": variant(t, maas_list_prices=prices[prices["stage"] != "before"]),
        "no price after the war": variant(t, maas_list_prices=prices[prices["stage"] == "before"]),
        "one price": variant(t, maas_list_prices=prices.head(1)),
        "moves by other vendors": variant(t, maas_price_moves=moves.assign(vendor="W" + moves["vendor"])),
        "one move": variant(t, maas_price_moves=moves.head(1)),
        "one buyer year, no Chinese buyer": variant(t, gpu_buyers=buyers[buyers["region"] != "China"]),
        "no volumes of the leader": variant(t, maas_token_volumes=t["maas_token_volumes"].query("vendor == 'Google'")),
        "one share period, no total": variant(t, maas_market_shares=t["maas_market_shares"].head(1)),
        "no trend estimates": variant(t, maas_trend_estimates=t["maas_trend_estimates"].head(0)),
        "one cloud": variant(t, maas_cloud_stack=t["maas_cloud_stack"].query("cloud == 'AWS'")),
        "no game offers": variant(t, maas_game_servers=t["maas_game_servers"].head(0)),
        "reference without the article's figures": variant(
            t, maas_reference=t["maas_reference"][~t["maas_reference"]["metric"].str.contains("article|found")]),
    }


CASES = ["one vendor", "shifted and renamed", "no price before the war", "no price after the war", "one price",
         "moves by other vendors", "one move", "one buyer year, no Chinese buyer", "no volumes of the leader",
         "one share period, no total", "no trend estimates", "one cloud", "no game offers",
         "reference without the article's figures"]


@pytest.mark.parametrize("case", CASES)
def test_degenerate_tables_give_stated_verdicts_and_no_missing_number(tables, case):
    cases = degenerate_cases(tables)
    assert set(cases) == set(CASES)
    t = cases[case]
    check_text(mpw.analyse(t, DEFAULTS))


def test_renamed_list_prices_say_the_files_share_no_vendor(tables):
    t = degenerate_cases(tables)["shifted and renamed"]
    r = mpw.analyse(t, DEFAULTS)
    assert "name none of the vendors" in r.values["moves_text"]
    assert "cannot be estimated" in r.values["revenue_text"]


def test_no_chinese_buyer_makes_c20_not_testable_here(tables):
    r = mpw.analyse(degenerate_cases(tables)["one buyer year, no Chinese buyer"], DEFAULTS)
    assert r.verdicts["C20"].label == NOT_TESTABLE_HERE and "no Chinese buyer" in r.verdicts["C20"].reason
