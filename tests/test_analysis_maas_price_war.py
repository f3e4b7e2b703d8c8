"""The MaaS price-war chapter's analysis: one data pattern per verdict each rule can return (and its boundary),
degenerate but valid tables stated rather than crashed on, and the defects issue 13 names fixed."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from aicloud import data, params
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import china_chain as cc
from aicloud.analysis import maas_price_war as mpw
from aicloud.analysis import maas_price_war_page as page
from aicloud.robustness import sweep, sweep_rules
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

DECLARED = params.read("maas_price_war")
DEFAULTS = {p.name: p.default for p in DECLARED}
RESOURCES = ["maas_list_prices", "maas_price_moves", "maas_token_volumes", "maas_market_shares",
             "maas_trend_estimates", "maas_game_servers", "maas_reference", "maas_cloud_stack", "gpu_buyers",
             "sources", "infra_accelerators", "gpu_reference", "gpu_supply_events", *mpw.CHINA_RESOURCES]
ALT = Path(__file__).parent / "data" / "maas_price_war"
REVIEW3 = Path(__file__).parent / "data" / "review3"      # review 3's inputs (notes/review3)
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
    return mpw.Move(d(day), approximate, vendor, model, action, "what", price_move and action != "launch", "src",
                    action == "launch")


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


def test_c11_a_vendor_named_twice_is_one_vendor():
    """review 2 #19: 'Alibaba; Alibaba' gave '1 of 2 named clouds' offers documented'."""
    v = c11([("A", "2024-02-01")], [move("2024-05-11", "X")], named="A; a")
    assert v.figure.startswith("1 of 1 ")


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
    """Each period: (name, [(vendor, own model or "", share), ...])."""
    out = []
    for name, clouds in periods:
        top = max(c[2] for c in clouds)
        leaders = tuple(sorted((v, v + " parent", m) for v, m, sh in clouds if sh == top))
        named = sum(c[2] for c in clouds)
        out.append(mpw.Period(name, leaders, sum(c[2] for c in clouds if c[1]) / named,
                              sum(1 for c in clouds if not c[1])))
    return mpw.own_model_spearhead(mpw.Evidence(periods=tuple(out)), {})


def test_c14_own_model_leader_and_majority_in_every_period_is_supported():
    assert c14([("2024", [("V", "M", 0.6), ("W", "", 0.1)]),
                ("2025-H1", [("V", "M", 0.6), ("W", "", 0.3)])]).label == SUPPORTED


def test_c14_half_is_not_a_majority_so_one_period_of_two_gives_partly():
    assert c14([("2024", [("V", "M", 0.6), ("W", "", 0.1)]),
                ("2025-H1", [("V", "M", 0.5), ("W", "", 0.5), ("X", "", 0.0)])]).label == PARTLY


def test_c14_leader_without_own_model_everywhere_is_contradicted():
    assert c14([("2024", [("V", "", 0.9), ("W", "M", 0.1)])]).label == CONTRADICTED


def test_c14_no_period_is_not_testable_here():
    assert c14([]).label == NOT_TESTABLE_HERE


def test_c14_without_a_cloud_lacking_own_models_the_test_cannot_fail_so_it_decides_nothing():
    v = c14([("2024", [("V", "M", 0.6), ("W", "N", 0.4)])])
    assert v.label == NOT_TESTABLE_HERE and "comparison group" in v.reason


def test_c14_a_tie_is_reported_and_the_verdict_does_not_depend_on_row_order(tables):
    """review 2 #3: A Cloud (own model) and B Cloud (none) tie at 40%; swapping the rows changed the verdict."""
    rows = [("A Cloud", "A", "ALM", 0.4), ("B Cloud", "B", None, 0.4), ("C Cloud", "C", "CLM", 0.2)]
    verdicts = []
    for order in (rows, rows[::-1]):
        shares = tables["maas_market_shares"].iloc[:0].copy()
        shares = pd.concat([shares, pd.DataFrame([{"period": "2025-H1", "vendor": v, "company": c, "own_model": m,
                                                    "share": sh} for v, c, m, sh in order])], ignore_index=True)
        ev = mpw.prepare({**tables, "maas_market_shares": shares})
        verdicts.append(mpw._base_c14(ev, {}))
    assert verdicts[0] == verdicts[1]
    assert verdicts[0].label == CONTRADICTED and "tied between A Cloud" in verdicts[0].reason


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


def test_c15_a_launch_is_not_a_first_move_whatever_its_price():
    v = c15([move("2024-05-06", "B", action="launch"), move("2024-05-21", "A")])
    assert v.label == SUPPORTED and "Launches before it, not counted" in v.reason
    v = c15([move("2024-05-06", "B", price_move=False), move("2024-05-21", "A")])
    assert v.label == SUPPORTED and "did not change" in v.reason


def test_launches_are_treated_alike_in_the_data(tables):
    """review 1 #18: DeepSeek-V2's launch (same price as before) and Doubao's launch (new models) both are launches;
    review 2 #7: with no price before the war, a launch still does not count."""
    ev = mpw.prepare(tables)
    assert all(not m.price_move for m in ev.moves if m.action == "launch")
    assert any(m.action == "launch" for m in ev.moves)
    one_row = data.load("maas_list_prices", ALT / "review2_lp_one_row.csv")
    ev = mpw.prepare({**tables, "maas_list_prices": one_row})
    assert not [m for m in ev.moves if m.price_move and m.vendor == "DeepSeek"]


def test_c15_an_approximate_earlier_move_counts_and_is_said_to_be_approximate():
    v = c15([move("2024-05-11", "B", approximate=True), move("2024-05-21", "A")])
    assert v.label == CONTRADICTED and "rests on one approximately dated move" in v.reason
    assert v.evidence == "anecdote"
    v = c15([move("2024-05-11", "B", approximate=True), move("2024-05-12", "C"), move("2024-05-21", "A")])
    assert "1 of the earlier moves carries only an approximate date" in v.reason and v.evidence == "anecdote"
    assert c15([move("2024-05-12", "C"), move("2024-05-21", "A")]).evidence == "direct"


def test_c15_vendor_names_in_another_case_are_the_same_vendor():
    """review 2 #19: 'alibaba' on the same day as Alibaba is Alibaba, not a rival."""
    v = c15([move("2024-05-21", "Alibaba"), move("2024-05-21", "alibaba"), move("2024-05-22", "B")],
            claimed="Alibaba")
    assert v.label == SUPPORTED


def test_c15_no_move_by_the_claimed_vendor_is_not_testable_here():
    assert c15([move("2024-05-21", "B")]).label == NOT_TESTABLE_HERE


# --- C17 to C19 ------------------------------------------------------------------------------------------------
def ref(dated="2024-05-01", **metrics):
    return mpw.Evidence(reference={k: (v, "description", "src") for k, v in metrics.items()},
                        reference_dates={k: dated for k in metrics})


@pytest.mark.parametrize("found, claimed, expected", [(2e6, 2e6, SUPPORTED), (1.9e6, 2e6, CONTRADICTED)])
def test_c17_customer_count_against_the_article(found, claimed, expected):
    ev = ref(enterprise_customers_found=found, enterprise_customers_article=claimed)
    assert mpw.customers_and_partners(ev, {}).label == expected


def test_c17_a_matching_count_from_an_undated_source_is_at_most_partly_supported():
    """review 1 #16: the default's figure comes from an undated source (c. 2022-23)."""
    v = mpw.customers_and_partners(ref("", enterprise_customers_found=2e6, enterprise_customers_article=2e6), {})
    assert v.label == PARTLY and "undated" in v.reason
    v = mpw.customers_and_partners(ref("", enterprise_customers_found=1e6, enterprise_customers_article=2e6), {})
    assert v.label == CONTRADICTED


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


@pytest.mark.parametrize("found, expected", [(4, SUPPORTED), (3, PARTLY), (2, PARTLY), (1, CONTRADICTED)])
def test_c19_layer_count_against_the_article(found, expected):
    """review 1 #16: three layers against four is a wrong count; the central part, layered models, holds."""
    ev = ref(industry_model_layers_found=found, industry_model_layers_article=4)
    assert mpw.layered_industry_model(ev, {}).label == expected


def test_c19_without_a_layer_count_is_not_testable_here():
    assert mpw.layered_industry_model(ref(), {}).label == NOT_TESTABLE_HERE


# --- C20 -------------------------------------------------------------------------------------------------------
def c20(years, leader="L", family=None, share=0.9):
    """`years`: {year: {buyer: units of a single chip, one H100-equivalent each}}; `family`: {year: {buyer:
    (full, export)}} H100-equivalents of a GPU family's units."""
    compute = {y: {b: (float(u), 0.0, 0.0, 0) for b, u in bs.items()} for y, bs in years.items()}
    for y, bs in (family or {}).items():
        for b, (full, export) in bs.items():
            compute.setdefault(y, {})[b] = (0.0, full, export, 0)
    ev = mpw.Evidence(periods=(mpw.Period("2025-H1", (("Cloud", leader, "M"),), 1.0, 0),), cn_buyers=years,
                      cn_compute=compute)
    return mpw.capability_over_compute(ev, {"h20_share_china": share})


def test_c20_leader_below_first_in_every_year_is_supported():
    assert c20({2023: {"L": 10, "X": 20}, 2024: {"L": 5, "X": 6}}).label == SUPPORTED


def test_c20_leader_first_in_every_year_is_contradicted():
    assert c20({2023: {"L": 30, "X": 20}}).label == CONTRADICTED


def test_c20_a_tie_for_first_counts_as_first_and_the_answer_depends_on_the_year():
    v = c20({2023: {"L": 10, "X": 20}, 2024: {"L": 10, "X": 0}})
    assert v.label == PARTLY and "tied" in v.reason and "2023" in v.reason and "2024" in v.reason


def test_c20_reserves_are_cumulative_holdings_not_one_years_purchases():
    """review 1 #5: first among 2024's purchases, but below first in holdings up to 2024."""
    v = c20({2023: {"L": 20, "X": 50}, 2024: {"L": 54, "X": 54}})
    assert v.label == SUPPORTED and "2nd of 2 by the end of 2024" in v.reason


def test_c20_a_family_is_converted_with_the_h20_share():
    """A family's units: mostly the export version (0.15 of an H100 each) against another buyer's H100s."""
    family = {2024: {"L": (1000.0, 150.0)}}
    assert c20({2024: {"X": 300}}, family=family, share=0.9).label == SUPPORTED       # 235 against 300
    assert c20({2024: {"X": 300}}, family=family, share=0.5).label == CONTRADICTED    # 575 against 300


def test_c20_uses_every_year_not_only_the_first(tables):
    v = mpw.capability_over_compute(mpw.prepare(tables), DEFAULTS)
    years = sorted(set(tables["gpu_buyers"]["year"]))
    assert all(str(y) in v.reason for y in years) and "H100-equivalents" in v.reason


def test_c20_on_the_default_data_bytedance_is_below_tencent_in_every_year(tables):
    """review 1 #5: in H100-equivalents and cumulated, ByteDance (the MaaS leader) never holds the largest
    reserve: 20,000 against 50,000 in 2023; about 74,000 against 104,000 by the end of 2024."""
    v = mpw.capability_over_compute(mpw.prepare(tables), DEFAULTS)
    assert v.label == SUPPORTED and "2nd of 4 by the end of 2024 (73,967 against the largest 103,967)" in v.reason


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
        ev.fit_span = 2.0
    return ev


C21_PARAMS = {"usd_per_rmb": 0.14, "input_weight": 0.75, "confidence": 0.9, "min_trend_years": 0.5}


def test_c21_trend_needs_one_model_priced_over_the_minimum_span():
    ev = c21_evidence([10, 10], [1, 10])          # half cut: the cut part fails, the trend decides
    assert mpw.weak_lock_in(ev, C21_PARAMS).label == PARTLY
    ev.fit_span = 0.4                              # a few weeks compounded to a year: no trend part
    v = mpw.weak_lock_in(ev, C21_PARAMS)
    assert v.label == CONTRADICTED and "under the 6 months" in v.reason
    assert mpw.within_model_fit(ev, 0.14, 0.75, 0.9, 0.5) is None


def test_c21_rising_prices_are_called_a_rise_with_a_positive_interval():
    ev = c21_evidence([10, 10], [12, 10], published=None)
    ev.fit_in = ev.fit_in[::-1].copy()
    ev.fit_out = ev.fit_in.copy()
    v = mpw.weak_lock_in(ev, C21_PARAMS)
    assert "rose" in v.reason and "fell -" not in v.reason and "-" not in re.sub(r"[A-Za-z]-[a-z]", "", v.reason)


def test_the_trend_fits_prices_after_the_war_only():
    prices = pd.DataFrame({"vendor": ["V"] * 4, "model": ["m"] * 4,
                           "stage": ["before", "after", "later", "later"],
                           "date": pd.to_datetime(["2024-01-01", "2024-06-01", "2025-01-01", "2025-06-01"]),
                           "input_per_mtok": [100.0, 10.0, 10.0, 10.0], "output_per_mtok": [np.nan] * 4})
    fit = mpw._fit_rows(prices)
    assert list(fit["stage"]) == ["after", "later", "later"]


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
    fit = mpw.within_model_fit(mpw.prepare(tables), 0.14, 0.75, 0.9, DEFAULTS["min_trend_years"])
    assert fit["decline"] == pytest.approx(result.values["fit_decline"], abs=1e-12)
    assert "fit_decline_low" not in result.values and "fit_factor" not in result.values   # solutions' figures


# --- C22, C23 --------------------------------------------------------------------------------------------------
def stack_ev(overlap, names, common=6, union=8):
    return mpw.Evidence(stack_paper={"region": "US", "clouds": ["A", "B"], "overlap": overlap, "names": names,
                                     "cross_overlap": math.nan, "common": common, "union": union})


@pytest.mark.parametrize("overlap, names, expected", [
    (0.75, 0.5, SUPPORTED), (0.75, 0.49, PARTLY), (0.74, 0.5, SUPPORTED), (0.74, 0.49, CONTRADICTED)])
def test_c22_two_parts_at_their_bars_and_a_low_layer_overlap_is_undecided(overlap, names, expected):
    """review 1 #15: a layer without a source is unknown, so a layer overlap below the bar decides nothing."""
    p = {"similar_layers": 0.75, "similar_names": 0.5}
    v = mpw.similar_core_services(stack_ev(overlap, names), p)
    assert v.label == expected
    assert ("not decided" in v.reason) == (overlap < 0.75)


@pytest.mark.parametrize("common, expected", [(6, SUPPORTED), (5, NOT_TESTABLE_HERE)])
def test_c23_share_of_layers_all_list_at_the_bar_is_a_lower_bound(common, expected):
    """review 1 #15: 6 of 8 layers sits on the 75% bar only because unsourced cells counted as absent."""
    v = mpw.common_stack(stack_ev(0.8, 0.1, common=common, union=8), {"similar_layers": 0.75})
    assert v.label == expected and "not measurable" in v.reason and "and 100%" in v.reason


def test_c22_and_c23_with_one_cloud_of_the_region_are_not_testable_here():
    ev = mpw.Evidence(stack_paper={"region": "US", "clouds": ["A"]})
    p = {"similar_layers": 0.75, "similar_names": 0.5}
    assert mpw.similar_core_services(ev, p).label == NOT_TESTABLE_HERE
    assert mpw.common_stack(ev, p).label == NOT_TESTABLE_HERE


# --- The default data: issue 13's corrections ------------------------------------------------------------------
def test_c15_counts_zhipu_and_not_deepseek_and_its_label_matches_its_reason(result):
    v = result.verdicts["C15"]
    assert v.label == CONTRADICTED and "contradicted" in v.reason
    assert "Zhipu" in v.reason.split("Launches before it")[0] and "DeepSeek" in v.reason.split("Launches")[1]
    assert "ByteDance" in v.reason.split("Launches before it")[1]
    assert v.figure.startswith("1 price move before")
    assert "rests on one approximately dated move" in v.reason


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


# --- China's evidence weighed by the rules (aicloud.analysis.china_chain.add_china) --------------------------------
def with_china(ev: mpw.Evidence, claim: str, points: str, decides: bool = False,
               comparable: bool = True) -> mpw.Evidence:
    """`ev` with China's evidence on `claim` pointing the way given."""
    fig = cc.ChainFigure(claim, 0.5, f"Test evidence on {claim}; more.", points, "proxy", ("china-test",),
                         decides=decides, comparable=comparable)
    ev.china = cc.China(cc.Evidence(), {claim: fig}, {})
    return ev


C16_PARAMS = {"claimed_marketplace_vendor": cc.C16_COMPANY}


@pytest.mark.parametrize("rule, params", [(mpw.compute_as_service, {}), (mpw.year_end_meeting, {}),
                                          (mpw.model_marketplace, C16_PARAMS)])
def test_china_evidence_decides_a_claim_public_data_could_not_only_when_it_measures_the_undecided_part(rule,
                                                                                                       params):
    """review 3 A1/B14: revenue growth (C12), later growth (C13) and ranks (C16) are context, not a decision."""
    claim = rule.claim
    assert rule(mpw.Evidence(), params).label == NOT_TESTABLE                   # no China evidence: as before
    for points in (cc.SUPPORTS, cc.CONTRADICTS, cc.MIXED):
        v = rule(with_china(mpw.Evidence(), claim, points), params)
        assert v.label == NOT_TESTABLE and not v.figure.startswith("China:")
        assert f"Test evidence on {claim}" in v.reason and "shown as context" in v.reason
    for points, label in ((cc.SUPPORTS, SUPPORTED), (cc.CONTRADICTS, CONTRADICTED), (cc.MIXED, PARTLY)):
        v = rule(with_china(mpw.Evidence(), claim, points, decides=True), params)
        assert v.label == label and v.figure.startswith("China:") and f"Test evidence on {claim}" in v.reason
    v = rule(with_china(mpw.Evidence(), claim, cc.NONE), params)
    assert v.label == NOT_TESTABLE and "hold no evidence" in v.reason


def test_c16_china_evidence_about_another_vendor_does_not_count():
    v = mpw.model_marketplace(with_china(mpw.Evidence(), "C16", cc.SUPPORTS), {"claimed_marketplace_vendor": "Z"})
    assert v.label == NOT_TESTABLE


def test_c14_china_evidence_is_a_comparison_group_test():
    held = [mpw.Period("2024", (("V", "B", "M"),), 0.9, 1), mpw.Period("2025-H1", (("V", "B", "M"),), 0.6, 1)]
    assert mpw.own_model_spearhead(with_china(mpw.Evidence(periods=tuple(held)), "C14", cc.SUPPORTS), {}).label \
        == SUPPORTED
    assert mpw.own_model_spearhead(with_china(mpw.Evidence(periods=tuple(held)), "C14", cc.MIXED), {}).label == PARTLY
    failed = [mpw.Period("2024", (("V", "B", ""),), 0.1, 1)]
    assert mpw.own_model_spearhead(with_china(mpw.Evidence(periods=tuple(failed)), "C14", cc.SUPPORTS), {}).label \
        == PARTLY
    assert mpw.own_model_spearhead(with_china(mpw.Evidence(periods=tuple(failed)), "C14", cc.CONTRADICTS), {}).label \
        == CONTRADICTED
    # no IDC period: the growth comparison does not measure "spearhead", so the claim stays undecided
    assert mpw.own_model_spearhead(with_china(mpw.Evidence(), "C14", cc.CONTRADICTS), {}).label == NOT_TESTABLE_HERE


def test_c15_china_evidence_on_winning_share_does_not_undo_who_moved_first():
    ev = with_china(mpw.Evidence(moves=(move("2024-05-20", "B"), move("2024-05-21", "A"))), "C15", cc.SUPPORTS)
    v = mpw.started_price_war(ev, {"claimed_first_mover": "A"})
    assert v.label == CONTRADICTED and "not on the one that fails" in v.reason
    ev = with_china(mpw.Evidence(moves=(move("2024-05-21", "A"), move("2024-05-22", "B"))), "C15", cc.CONTRADICTS)
    assert mpw.started_price_war(ev, {"claimed_first_mover": "A"}).label == PARTLY


def test_c21_china_evidence_tests_hard_to_tell_apart():
    params = {**C21_PARAMS, "indistinct_points": 5.0}
    assert mpw.weak_lock_in(with_china(c21_evidence([10, 10, 10], [1, 2, 10]), "C21", cc.SUPPORTS), params).label \
        == SUPPORTED
    assert mpw.weak_lock_in(with_china(c21_evidence([10, 10, 10], [1, 2, 10]), "C21", cc.MIXED), params).label \
        == PARTLY
    none = c21_evidence([], [], published=None, fit=False)
    assert mpw.weak_lock_in(with_china(none, "C21", cc.SUPPORTS), params).label == NOT_TESTABLE_HERE
    # a pair of unlike models is context: it neither lowers a supported verdict nor lifts a contradicted one
    for points in (cc.SUPPORTS, cc.MIXED):
        ev = with_china(c21_evidence([10, 10, 10], [1, 2, 10]), "C21", points, comparable=False)
        assert mpw.weak_lock_in(ev, params).label == SUPPORTED


def test_c21_on_the_default_china_data_compares_open_weight_models_as_context(tables):
    """review 3 A3: the only US scores on the index's date are OpenAI's open-weight models."""
    ev = mpw.prepare(tables)
    fig = ev.china.figure("C21", {"indistinct_points": 5.0, "rmb_per_usd": 7.0})
    assert not fig.comparable and "best US open-weight model in the data (gpt-oss-120b" in fig.text
    assert "best US model" not in fig.text
    for points in (2.0, 5.0, 10.0):
        v = mpw.weak_lock_in(ev, {**DEFAULTS, "indistinct_points": points})
        assert v.label == SUPPORTED and "unlike things" in v.reason


def test_c21_rising_list_prices_stay_contradicted_whatever_chinas_quality_gap(tables):
    """review 3 B5: every list price rising (review3/lp_rise.csv) gave partly supported through the quality gap."""
    rising = {**tables, "maas_list_prices": data.load("maas_list_prices", REVIEW3 / "lp_rise.csv")}
    v = mpw.analyse(rising, DEFAULTS).verdicts["C21"]
    assert v.label == CONTRADICTED and "rather than" not in v.reason


def test_china_verdicts_on_the_default_data(result):
    # review 3 A1: C12, C13, C14 and C16 keep their base label (China's figures are context); C21's pair is unlike
    expected = {"C12": NOT_TESTABLE, "C13": NOT_TESTABLE, "C14": NOT_TESTABLE_HERE, "C15": CONTRADICTED,
                "C16": NOT_TESTABLE, "C21": SUPPORTED}
    assert {c: result.verdicts[c].label for c in expected} == expected
    assert all("China's evidence:" in result.verdicts[c].reason for c in expected)


def test_the_chapter_states_its_verdicts_when_the_china_tables_are_degenerate(tables):
    empty = {**tables, **{name: tables[name].iloc[0:0] for name in mpw.CHINA_RESOURCES}}
    res = mpw.analyse(empty, DEFAULTS)
    check_text(res)
    for claim in mpw.CHINA_CLAIMS:
        assert "hold no evidence" in res.verdicts[claim].reason, claim


# --- Review 2: odd but valid files (tests/data/maas_price_war/review2_*.csv) ----------------------------------
def run_with(tables, **files):
    """The chapter's analysis with some resources read from review 2's files, the others default."""
    swapped = {**tables, **{name: data.load(name, ALT / f"review2_{stem}.csv") for name, stem in files.items()}}
    res = mpw.analyse(swapped, DEFAULTS)
    check_text(res)
    return res


@pytest.mark.parametrize("stem", ["tv_one", "tv_zero"])
def test_no_volume_series_with_two_dates_is_stated(tables, stem):
    """review 2 #2: the growth table was empty and the notebook crashed on it."""
    res = run_with(tables, maas_token_volumes=stem)
    assert len(res.frames["growth_table"]) == 0 and "No series has figures" in res.values["volumes_text"]


def test_falling_volumes_are_not_called_growth(tables):
    """review 2 #10: 'the fastest, Baidu (ERNIE), grew 0 times'."""
    res = run_with(tables, maas_token_volumes="tv_falling")
    text = res.values["volumes_text"]
    assert "grew" not in text and "fell" in text and "grew 0 times" not in res.values["revenue_text"]
    assert res.titles["volumes"].startswith("Every announced volume fell")
    assert "could grow" not in res.values["revenue_text"]


def test_one_series_is_not_compared_with_itself(tables):
    res = run_with(tables, maas_token_volumes="tv_future")
    text = res.values["volumes_text"]
    assert "slowest" not in text and "lowest" not in text and text.count("ByteDance") == 1


def test_paid_share_rows_carry_their_own_cloud_and_impossible_shares_are_left_out(tables):
    """review 2 #4: a share of 38,808,635,515% averaged in, and Baidu's row labelled Volcano Engine."""
    res = run_with(tables, maas_token_volumes="tv_falling")
    frame = res.frames["paid_share"]
    assert len(frame) and (frame["external share"] > 1).any()
    for cloud, share, used in zip(frame["cloud (parent)"], frame["external share"], frame["used"]):
        assert ("(Baidu)" in cloud) == ("Baidu" in cloud.split(" (")[0] or cloud.endswith("(Baidu)"))
        assert (used == "yes") == (0 <= share <= 1)
    assert {c.split("(")[-1].rstrip(")") for c in frame["cloud (parent)"]} <= {"ByteDance", "Baidu"}
    assert "above 100%" in res.values["paid_text"]
    assert not re.search(r"\d{4,}%", res.values["paid_text"])


def test_paid_share_default_is_at_or_below_the_lowest_external_share(result):
    """review 1 #11: the paid share can only be lower than the external share; the default used the average."""
    assert result.values["paid_token_share"] <= result.values["paid_low"]
    paid = next(p for p in DECLARED if p.name == "paid_token_share")
    assert paid.high <= result.values["paid_low"]   # review3 B6: the range stays where the page calls it possible


@pytest.mark.parametrize("used", [0.08, 0.14])
def test_the_exercise_says_where_the_paid_share_sits_by_its_value(tables, used):
    """review3 B6: at 14% the exercise said "set at or below the external shares" while the paragraph said above
    every estimate; the clause now follows the value."""
    res = mpw.analyse(tables, {**DEFAULTS, "paid_token_share": used})
    low = res.values["paid_low"]
    assert (used <= low) == ("at or below" in res.values["paid_basis"])
    assert (used > low) == ("set above the lowest external share" in res.values["paid_basis"])
    assert ("above every one" in res.values["paid_text"]) <= (used > low)


def test_the_infra_chapter_declares_the_same_paid_share():
    infra = next(p for p in params.read("infra_economics") if p.name == "paid_token_share")
    mine = next(p for p in DECLARED if p.name == "paid_token_share")
    assert (infra.default, infra.low, infra.high) == (mine.default, mine.low, mine.high)


def test_rising_prices_are_called_a_rise(tables):
    """review 2 #5b: 'puts the rise at 12717% a year (a factor of 0.0) ... interval of -370428% to -343%'."""
    res = run_with(tables, maas_list_prices="lp_rising")
    assert "rose" in res.values["trend_text"] and "-" not in re.sub(r"\w-\w", "", res.values["trend_text"])
    assert "rose" in res.titles["trend"]
    v = res.verdicts["C21"]
    assert "fell -" not in v.reason


def test_a_few_weeks_of_prices_are_not_compounded_to_a_year(tables):
    """review 2 #5a: two dates 16 days apart gave 'a factor of 4216965...88.0'."""
    extreme = data.load("maas_list_prices", ALT / "review2_lp_extreme.csv")
    res = run_with(tables, maas_list_prices="lp_extreme")      # after the war only: no trend to fit
    assert "fit_decline" not in res.values and "Too few models" in res.values["trend_text"]
    weeks = extreme.assign(stage=extreme["stage"].map({"before": "after", "after": "later"}))
    res = mpw.analyse({**tables, "maas_list_prices": weeks}, DEFAULTS)   # two dates 16 days apart after it
    check_text(res)
    assert "fit_decline" not in res.values and "under the 6 months" in res.values["trend_text"]
    assert "under the 6 months" in res.verdicts["C21"].reason
    answer = page_answers(res, mpw.prepare({**tables, "maas_list_prices": weeks}))["sol_decline"]
    assert "A fall of" not in answer and "no within-model trend" in answer
    assert "A fall of 72%" in page_answers(mpw.analyse(tables, DEFAULTS), mpw.prepare(tables))["sol_decline"]


def page_answers(res, evidence=None):
    from aicloud.solutions import maas_price_war as answers
    paid = next(p for p in DECLARED if p.name == "paid_token_share")
    return answers.answers(res.values, (paid.low, paid.high), evidence, DEFAULTS)


def test_move_counts_are_worded_for_one(tables):
    moves = tables["maas_price_moves"]
    res = run_with({**tables, "maas_price_moves": moves.head(1)})
    assert res.values["moves_span"] == "The record holds one move."
    assert "1 moves" not in " ".join(str(v) for v in res.values.values())


def test_page_trend_is_the_rules_fit(tables, result):
    ev = mpw.prepare(tables)
    fit = mpw.within_model_fit(ev, DEFAULTS["usd_per_rmb"], DEFAULTS["input_weight"], DEFAULTS["confidence"],
                               DEFAULTS["min_trend_years"])
    assert page.txt.trend_change(fit) in result.values["trend_text"]
    assert page.txt.trend_change(fit) in result.verdicts["C21"].reason


def test_an_industry_reference_price_of_zero_gives_no_launch_comparison(tables):
    """tests/porting.py's known defect: 'a cut of nan% (a factor of 0)'."""
    ref = tables["maas_reference"].copy()
    ref.loc[ref["metric"] == "industry_reference_rmb_per_mtok", "value"] = 0.0
    res = mpw.analyse({**tables, "maas_reference": ref}, DEFAULTS)
    check_text(res)
    assert res.values["launch_text"] == ""


def test_volume_and_prices_decades_apart_get_a_note(tables):
    """review 2 #14: a 2025 volume times 2095 prices was given as one year's revenue without a word."""
    res = run_with(tables, maas_list_prices="lp_far_future")
    assert "apart, so the estimate combines two moments" in res.values["revenue_text"]
    assert "apart" not in mpw.analyse(tables, DEFAULTS).values["revenue_text"]


def test_a_vendor_in_another_case_is_not_its_own_rival_on_the_page(tables):
    """review 2 #19: 'Alibaba moved ... on the same day as Baidu, alibaba'."""
    res = run_with(tables, maas_price_moves="pm_same_day")
    assert "alibaba" not in res.values["moves_text"].replace("Alibaba", "")
    assert "alibaba" not in res.verdicts["C15"].reason.replace("Alibaba", "")
    assert res.values["moves_span"] == "All 3 moves fell on one day."        # not 'within 0 days'
    moves = data.load("maas_price_moves", ALT / "review2_pm_same_day.csv")
    ev = mpw.prepare({**tables, "maas_price_moves": moves})
    first = page_answers(res, ev)["sol_first_move"]
    assert "Alibaba and Baidu" in first or "Alibaba, Baidu" in first       # a tie is named as one


def test_without_a_serving_cost_the_model_section_and_its_answer_say_so(tables):
    """Found by the generated notebooks: the section's prose quoted values the analysis does not make."""
    ref = tables["maas_reference"]
    res = mpw.analyse({**tables, "maas_reference": ref[ref["metric"] != "serving_cost_usd_per_day"]}, DEFAULTS)
    check_text(res)
    assert "no serving cost" in res.values["model_text"] and "unit_cost" not in res.values
    assert "no serving cost" in page_answers(res)["sol_sliders"]
    full = mpw.analyse(tables, DEFAULTS)
    assert f"{full.values['unit_cost']:,.2f} RMB per million tokens" in full.values["model_text"]
    assert f"{full.values['m_price_alike']:,.2f} RMB" in page_answers(full)["sol_sliders"]


def test_c13_a_later_quarter_does_not_decide_who_reported_first_at_a_2024_meeting(tables):
    """review 3 B14: Alibaba's 2025Q4 growth set to +5% (review3/ccr_slow_q4.csv) made C13 contradicted."""
    slow = data.load("china_cloud_revenue", REVIEW3 / "ccr_slow_q4.csv")
    for frame in (tables["china_cloud_revenue"], slow):
        v = mpw.analyse({**tables, "china_cloud_revenue": frame}, DEFAULTS).verdicts["C13"]
        assert v.label == NOT_TESTABLE and "(published after the article)" in v.reason and "rather than" not in v.reason


def test_a_published_estimate_over_a_single_day_is_not_annualised_to_infinity(tables):
    """Hypothesis (generated data) found 'a factor of 1 to inf a year' from a 10x estimate with start = end."""
    est = tables["maas_trend_estimates"].head(1).assign(factor_low=1.0, factor_high=10.0, per_year=False)
    est = est.assign(period_end=est["period_start"])
    values = page._trend(mpw.prepare({**tables, "maas_trend_estimates": est}), DEFAULTS)[0]
    assert "inf" not in values["published_text"] and values["fit_vs_published"] == "not comparable"


def test_volumes_published_after_the_article_are_flagged(tables):
    """The volume headline rests on figures dated after the article (Doubao Dec 18 2025, Google May 2026): the
    title and the text say so (review 3 A2); series ending by the article's date are not flagged."""
    late = mpw.analyse(tables, DEFAULTS)
    assert late.titles["volumes"].endswith("(published after the article)")
    assert late.values["volumes_text"].count("(published after the article)") == 2
    vol = tables["maas_token_volumes"]
    early = mpw.analyse(variant(tables, maas_token_volumes=vol[vol["date"] <= "2025-12-17"]), DEFAULTS)
    assert "after the article" not in early.titles["volumes"] + early.values["volumes_text"]
