"""The infrastructure-economics analysis: one data pattern per verdict each rule can return, its boundary, and
degenerate but valid tables that must give a stated verdict and a page without nan, inf or a crash.

Tables are small hand-made CSV files loaded through the data package (so they are valid by the schema)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from aicloud import data, params
from aicloud.analysis import RecordingParams
from aicloud.analysis import infra_economics as ie
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

DECLARED = {p.name: p for p in params.read("infra_economics")}
DEFAULTS = {name: p.default for name, p in DECLARED.items()}
NO_LEVERS = {"utilisation_low": 0.8, "utilisation_high": 0.8, "cache_hit_low": 0.3, "cache_hit_high": 0.3}

SOURCES = """id,title,publisher,date,url,accessed,kind,note
article,The article,Test,2025,,2026-11-25,article,test
s1,Source one,Test,2025,,2026-11-25,primary,test note
"""
DISCLOSURE = """provider,disclosed,metric,value,unit,role,source_id
Acme,2025-03-01,average_nodes,10,nodes,input,s1
Acme,2025-03-01,peak_nodes,20,nodes,input,s1
Acme,2025-03-01,gpus_per_node,8,GPUs,input,s1
Acme,2025-03-01,usd_per_gpu_hour,2,USD,input,s1
Acme,2025-03-01,hours,24,hours,input,s1
Acme,2025-03-01,input_tokens,40000000000,tokens,input,s1
Acme,2025-03-01,cache_hit_tokens,20000000000,tokens,input,s1
Acme,2025-03-01,output_tokens,10000000000,tokens,input,s1
Acme,2025-03-01,token_rounding,1000000000,tokens,input,s1
Acme,2025-03-01,price_cache_hit,0.1,USD,input,s1
Acme,2025-03-01,price_cache_miss,0.5,USD,input,s1
Acme,2025-03-01,price_output,2,USD,input,s1
Acme,2025-03-01,prefill_tokens_per_s_per_node,60000,tps,input,s1
Acme,2025-03-01,decode_tokens_per_s_per_node,15000,tps,input,s1
Acme,2025-03-01,daily_cost,3840,USD,reported,s1
Acme,2025-03-01,theoretical_revenue,30000,USD,reported,s1
Acme,2025-03-01,cost_profit_margin,6.81,ratio,reported,s1
"""
HEADER = ("run_id,operator,stack,hardware,hardware_class,model,phase,tokens_per_s,per_accelerators,setting,precision,"
          "tpot_ms,cache_hits,conditions,date,published_usd_per_m,published_usd_per_gpu_hour,source_id")
ACC_HEADER = ("hardware,vendor,hardware_class,domestic,bf16_dense_tflops,fp16_dense_tflops,hbm_gb,hbm_tb_s,"
              "board_power_w,source_id")
ACCELERATORS = ACC_HEADER + """
H100,NVIDIA,hopper,false,1000,1000,80,3.35,700,s1
Ascend X,Huawei,ascend,true,800,,128,3.2,,s1
"""
SUPERNODES = """supernode,vendor,accelerator,metric,value,unit,source_id
Big 384,Huawei,Ascend X,accelerators,384,acc,s1
Big 384,Huawei,Ascend X,cpus,192,cpus,s1
Big 384,Huawei,Ascend X,bf16_dense_pflops,300,PF,s1
Big 384,Huawei,Ascend X,power_kw,560,kW,s1
Big 384,Huawei,Ascend X,first_available_year,2025,year,s1
Rack 72,NVIDIA,H100,accelerators,72,acc,s1
Rack 72,NVIDIA,H100,bf16_dense_pflops,180,PF,s1
Rack 72,NVIDIA,H100,power_kw,145,kW,s1
"""
RENTALS = ("price_id,hardware,hardware_class,market,qualifier,usd_per_gpu_hour_low,usd_per_gpu_hour_high,period,"
           "source_id\n") + """m1,H100,hopper,market,range,1.5,4.0,2025,s1
"""
AGENTS = """workload,baseline,multiple_low,multiple_high,measured_on,source_id
single agent,chat,4,4,x,s1
multi-agent system,chat,15,15,x,s1
"""
EVENTS = """event_id,date,date_precision,organisation,category,event,accelerators,source_id
a-org,2025-12-17,day,Alpha,organisation,Creates an infra department,,s1
b-chip,2025-04-25,day,Beta,chip,Runs a large cluster,30000,s1
c-plat,2025-06-15,day,Gamma,platform,Publishes serving results,,s1
"""


def run(run_id: str, operator: str, tps: float, *, hardware: str = "H100", cls: str = "hopper", phase: str = "decode",
        setting: str = "throughput", precision: str = "FP8", tpot: float | str = 50, cache: str = "false",
        date: str = "2025-05") -> str:
    return (f"{run_id},{operator},{operator} stack,{hardware},{cls},M,{phase},{tps},1,{setting},{precision},{tpot},"
            f"{cache},test,{date},,,s1")


DEFAULT_RUNS = [run("a-dec", "Alpha", 2000), run("b-dec", "Beta", 1600, tpot=52),
                run("a-pre", "Alpha", 6000, phase="prefill", tpot=""),
                run("x-dec", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49),
                run("x-pre", "Huawei", 5000, hardware="Ascend X", cls="ascend", precision="INT8", phase="prefill",
                    tpot="")]
TEXTS = {"sources": SOURCES, "infra_deepseek_disclosure": DISCLOSURE, "infra_accelerators": ACCELERATORS,
         "infra_supernodes": SUPERNODES, "infra_rental_prices": RENTALS, "infra_agent_multiples": AGENTS,
         "infra_org_events": EVENTS}


def tables(tmp_path: Path, runs: list[str] | None = None, **texts: str) -> dict:
    """Load hand-made tables through the data package; `texts` replace a resource's CSV text."""
    files = {}
    for name, text in {**TEXTS, "infra_serving_throughput": HEADER + "\n" + "\n".join(
            DEFAULT_RUNS if runs is None else runs) + "\n", **texts}.items():
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text, encoding="utf-8")
    return {name: data.load(name, path, overrides=files) for name, path in files.items()}


def verdict(tmp_path, claim, runs=None, texts=None, **changes):
    ev = ie.prepare(tables(tmp_path, runs, **(texts or {})))
    return ie.RULES[claim](ev, {**DEFAULTS, **changes})


# --- C24: same model, different cost --------------------------------------------------------------------------------

def test_c24_two_teams_far_apart_like_for_like_is_supported(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 3000), run("b", "Beta", 1000)], large_spread=2.0)
    assert v.label == SUPPORTED and "3.0x" in v.figure


def test_c24_a_spread_exactly_at_the_threshold_counts_as_large(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 3000), run("b", "Beta", 1500)], large_spread=2.0)
    assert v.label == SUPPORTED


def test_c24_close_stacks_widened_by_the_levers_are_partly_supported(tmp_path):
    v = verdict(tmp_path, "C24", large_spread=2.0)       # 2000 vs 1600 at 50 and 52 ms: 1.25x like for like
    assert v.label == PARTLY and "1.25x" in v.reason


def test_c24_close_stacks_without_levers_contradict_the_claim(tmp_path):
    v = verdict(tmp_path, "C24", large_spread=2.0, **NO_LEVERS)
    assert v.label == CONTRADICTED


def test_c24_a_single_team_cannot_decide(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 3000), run("b", "Alpha", 1000, setting="profile")])
    assert v.label == NOT_TESTABLE_HERE


def test_c24_service_levels_just_outside_the_tolerance_are_not_compared(tmp_path):
    runs = [run("a", "Alpha", 3000, tpot=50), run("b", "Beta", 1000, tpot=57.6)]   # 15.2% apart
    assert verdict(tmp_path, "C24", runs, tpot_tolerance=0.15).label == NOT_TESTABLE_HERE
    assert verdict(tmp_path, "C24", runs, tpot_tolerance=0.16).label == SUPPORTED


def test_c24_ignores_later_undated_vendor_claim_and_other_format_figures(tmp_path):
    runs = [run("a", "Alpha", 3000), run("late", "Beta", 100, date="2026-02"), run("undated", "Gamma", 100, date=""),
            run("claim", "Delta", 100, setting="vendor-claim"), run("fp4", "Eps", 100, precision="FP4"),
            run("prod", "Zeta", 100, setting="production"), run("b", "Beta", 2800)]
    v = verdict(tmp_path, "C24", runs, large_spread=1.5, **NO_LEVERS)
    assert v.label == CONTRADICTED and "1.07x" in v.figure


def test_c24_without_decode_rows_is_not_testable_here(tmp_path):
    v = verdict(tmp_path, "C24", [run("p", "Alpha", 5000, phase="prefill", tpot="")])
    assert v.label == NOT_TESTABLE_HERE


# --- C25: agents use many tokens ------------------------------------------------------------------------------------

@pytest.mark.parametrize("heavy, label", [(4.0, SUPPORTED), (4.1, PARTLY), (16.0, CONTRADICTED)])
def test_c25_counts_the_workloads_at_or_above_the_heavy_multiple(tmp_path, heavy, label):
    assert verdict(tmp_path, "C25", heavy_token_multiple=heavy).label == label


def test_c25_without_workloads_is_not_testable_here():
    ev = ie.Evidence(None, None, None, {}, [], None, None, None, None, (), None, None)
    assert ie.RULES["C25"](ev, DEFAULTS).label == NOT_TESTABLE_HERE


# --- C26: reorganised around infrastructure -------------------------------------------------------------------------

def test_c26_one_of_three_organisations_reorganising_is_partly_supported(tmp_path):
    v = verdict(tmp_path, "C26")
    assert v.label == PARTLY and v.figure == "1 of 3 organisations reorganised"


def test_c26_every_organisation_reorganising_is_supported(tmp_path):
    events = EVENTS.split("\n")[0] + "\na-org,2025-12-17,day,Alpha,organisation,Reorganises,,s1\n"
    assert verdict(tmp_path, "C26", texts={"infra_org_events": events}).label == SUPPORTED


def test_c26_no_reorganisation_is_not_testable_here(tmp_path):
    events = EVENTS.split("\n")[0] + "\nb-chip,2025-04-25,day,Beta,chip,Cluster,30000,s1\n"
    assert verdict(tmp_path, "C26", texts={"infra_org_events": events}).label == NOT_TESTABLE_HERE


@pytest.mark.parametrize("claim", ["C27", "C30", "C31", "C37"])
def test_claims_no_public_data_can_decide_are_not_testable(tmp_path, claim):
    assert verdict(tmp_path, claim).label == NOT_TESTABLE


# --- C28: scheduling decides what domestic hardware costs -----------------------------------------------------------

def test_c28_a_domestic_cluster_that_must_run_busier_but_can_is_supported(tmp_path):
    # Ascend 1800 vs best matched Hopper 2000 (0.9): at 2.0 vs 2.0 USD it needs 0.6 / 0.9 = 67% against 60%.
    v = verdict(tmp_path, "C28", ascend_usd_per_npu_hour=2.0)
    assert v.label == SUPPORTED and "67%" in v.figure


def test_c28_needing_more_than_full_utilisation_is_partly_supported(tmp_path):
    # 0.6 x 3.0 / 1.8 / 0.9 = 111%: more than any cluster can run
    assert verdict(tmp_path, "C28", ascend_usd_per_npu_hour=3.0, hopper_usd_per_gpu_hour=1.8).label == PARTLY
    assert verdict(tmp_path, "C28", ascend_usd_per_npu_hour=3.0, hopper_usd_per_gpu_hour=2.0).label == SUPPORTED  # 100%


def test_c28_matching_at_nvidias_utilisation_contradicts_the_need(tmp_path):
    assert verdict(tmp_path, "C28", ascend_usd_per_npu_hour=1.5).label == CONTRADICTED


def test_c28_break_even_exactly_at_nvidias_utilisation_needs_nothing_deeper(tmp_path):
    assert verdict(tmp_path, "C28", ascend_usd_per_npu_hour=1.8, hopper_usd_per_gpu_hour=2.0).label == CONTRADICTED


def test_c28_compares_only_the_same_service_level(tmp_path):
    runs = [run("a", "Alpha", 2000, tpot=100),
            run("x", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49)]
    assert verdict(tmp_path, "C28", runs).label == NOT_TESTABLE_HERE


def test_c28_compares_only_the_same_format_width(tmp_path):
    runs = [run("a", "Alpha", 2000, precision="FP4"),
            run("x", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49)]
    assert verdict(tmp_path, "C28", runs).label == NOT_TESTABLE_HERE


def test_c28_uses_production_decode_figures_at_a_matched_service_level(tmp_path):
    runs = [run("a", "Alpha", 2000, setting="production"),
            run("x", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49)]
    assert verdict(tmp_path, "C28", runs).label != NOT_TESTABLE_HERE


def test_c28_without_a_domestic_chip_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C28", [run("a", "Alpha", 2000), run("b", "Beta", 1000)]).label == NOT_TESTABLE_HERE


def test_c28_disagreeing_domestic_figures_give_partly(tmp_path):
    runs = [run("a", "Alpha", 2000, tpot=50), run("f", "Alpha", 100, tpot=15, setting="latency-bound"),
            run("x", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49),
            run("y", "Huawei", 500, hardware="Ascend X", cls="ascend", precision="INT8", tpot=15)]
    assert verdict(tmp_path, "C28", runs, ascend_usd_per_npu_hour=2.0).label == PARTLY


# --- C29 and C35: the price war -------------------------------------------------------------------------------------

WAR = {**NO_LEVERS, "price_to_best_cost": 0.9, "fixed_cost_share": 0.1, "horizon_months": 60}


def war_runs(ratio: float) -> list[str]:
    return [run("a", "Alpha", 1000 * ratio), run("b", "Beta", 1000)]


def test_c29_providers_running_out_in_cost_order_support_the_claim(tmp_path):
    v = verdict(tmp_path, "C29", war_runs(3), **WAR, cash_months=24, war_chest_ratio=1, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == SUPPORTED


def test_c29_a_middle_provider_that_breaks_the_order_gives_partly(tmp_path):
    v = verdict(tmp_path, "C29", war_runs(3), **WAR, cash_months=12, war_chest_ratio=4, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == PARTLY


def test_c29_a_war_chest_that_carries_the_highest_cost_provider_through_contradicts(tmp_path):
    v = verdict(tmp_path, "C29", war_runs(1.3), **WAR, cash_months=60, war_chest_ratio=4, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == CONTRADICTED and "whole war" in v.reason


def test_c29_without_a_like_for_like_pair_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C29", [run("a", "Alpha", 1000)], **WAR).label == NOT_TESTABLE_HERE


def test_c35_the_lower_cost_provider_needing_less_cash_is_supported(tmp_path):
    v = verdict(tmp_path, "C35", war_runs(3), **WAR, cash_months=24, war_chest_ratio=1, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == SUPPORTED and "the cash to last 60 months" in v.figure


def test_c35_a_larger_war_chest_outlasting_the_lower_cost_gives_partly(tmp_path):
    v = verdict(tmp_path, "C35", war_runs(1.5), **WAR, cash_months=6, war_chest_ratio=4, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == PARTLY


def test_c35_a_war_without_losses_is_not_testable_here(tmp_path):
    v = verdict(tmp_path, "C35", war_runs(1.1), **{**WAR, "price_to_best_cost": 1.2, "fixed_cost_share": 0.0},
                price_decline=0.0, cost_decline=0.0)
    assert v.label == NOT_TESTABLE_HERE


# --- C32, C33, C34 --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("near, cluster, label", [(0.9, 30000, SUPPORTED), (0.91, 30000, PARTLY),
                                                  (0.91, 9999, CONTRADICTED)])
def test_c32_counts_near_serving_and_ten_thousand_card_clusters(tmp_path, near, cluster, label):
    events = EVENTS.split("\n")[0] + f"\nb-chip,2025-04-25,day,Beta,chip,Cluster,{cluster},s1\n"
    assert verdict(tmp_path, "C32", texts={"infra_org_events": events}, near_share=near).label == label


def test_c32_falls_back_to_paper_specs_without_a_serving_pair(tmp_path):
    v = verdict(tmp_path, "C32", [run("a", "Alpha", 2000)], near_share=0.75)      # 800 / 1000 BF16
    assert v.label == SUPPORTED and "dense BF16" in v.figure


def test_c32_reads_bf16_only_never_an_fp16_figure(tmp_path):
    acc = ACC_HEADER + "\nH100,NVIDIA,hopper,false,1000,1000,80,3,700,s1\nAscend X,Huawei,ascend,true,,900,1,1,,s1\n"
    ev = ie.prepare(tables(tmp_path, [run("a", "Alpha", 2000)], infra_accelerators=acc))
    assert ev.paper is None


def test_c32_without_chips_or_clusters_is_not_testable_here(tmp_path):
    acc = ACC_HEADER + "\nH100,NVIDIA,hopper,false,1000,1000,80,3,700,s1\n"
    events = EVENTS.split("\n")[0] + "\na-org,2025-12-17,day,Alpha,organisation,Reorganises,,s1\n"
    v = verdict(tmp_path, "C32", [run("a", "Alpha", 2000)], texts={"infra_accelerators": acc,
                                                                    "infra_org_events": events})
    assert v.label == NOT_TESTABLE_HERE


def test_c33_supernodes_shipped_by_the_article_are_supported(tmp_path):
    assert verdict(tmp_path, "C33").label == SUPPORTED


def test_c33_a_supernode_shipping_after_the_article_gives_partly(tmp_path):
    sn = SUPERNODES.replace("first_available_year,2025", "first_available_year,2026")
    v = verdict(tmp_path, "C33", texts={"infra_supernodes": sn})
    assert v.label == PARTLY and "after the article's year" in v.reason


def test_c33_without_supernode_sizes_is_not_testable_here(tmp_path):
    sn = SUPERNODES.split("\n")[0] + "\nRack,NVIDIA,H100,power_kw,145,kW,s1\n"
    assert verdict(tmp_path, "C33", texts={"infra_supernodes": sn}).label == NOT_TESTABLE_HERE


def test_c33_sizes_alone_are_not_testable_here(tmp_path):
    sn = SUPERNODES.split("\n")[0] + "\nRack,NVIDIA,H100,accelerators,72,acc,s1\n"
    assert verdict(tmp_path, "C33", texts={"infra_supernodes": sn}).label == NOT_TESTABLE_HERE


def test_c34_published_platform_results_support_it_as_an_anecdote(tmp_path):
    v = verdict(tmp_path, "C34")
    assert v.label == SUPPORTED and v.evidence == "anecdote"


def test_c34_without_platform_results_is_not_testable_here(tmp_path):
    events = EVENTS.split("\n")[0] + "\nb-chip,2025-04-25,day,Beta,chip,Cluster,30000,s1\n"
    assert verdict(tmp_path, "C34", texts={"infra_org_events": events}).label == NOT_TESTABLE_HERE


# --- the whole chapter on degenerate but valid data -----------------------------------------------------------------

BAD = re.compile(r"\b(nan|NaN|inf|None|NaT)\b")

ONE_H100 = ACC_HEADER + "\nH100,NVIDIA,hopper,false,1000,1000,80,3,700,s1\n"
DEGENERATE = {
    "one accelerator": {"infra_accelerators": ONE_H100},
    "no domestic chip": {"infra_accelerators": ACC_HEADER + "\nH100,NVIDIA,hopper,false,1000,,,,,s1\n"},
    "fp16 only": {"infra_accelerators": ACC_HEADER + "\nX,Huawei,ascend,true,,300,,,,s1\n"},
    "one supernode metric": {"infra_supernodes": SUPERNODES.split("\n")[0] + "\nR,NVIDIA,H100,hbm_tb,1,TB,s1\n"},
    "one workload": {"infra_agent_multiples": AGENTS.split("\n")[0] + "\nsolo,chat,1,1,x,s1\n"},
    "one event": {"infra_org_events": EVENTS.split("\n")[0] + "\nx,2025-01-01,month,Solo,investment,Pledge,,s1\n"},
    "disclosure lacks inputs": {"infra_deepseek_disclosure": "\n".join(DISCLOSURE.split("\n")[:3]) + "\n"},
    "zero fleet": {"infra_deepseek_disclosure": DISCLOSURE.replace("average_nodes,10", "average_nodes,0")},
    "zero revenue": {"infra_deepseek_disclosure": DISCLOSURE.replace("price_output,2", "price_output,0").replace(
        "price_cache_miss,0.5", "price_cache_miss,0").replace("price_cache_hit,0.1", "price_cache_hit,0").replace(
        "theoretical_revenue,30000", "theoretical_revenue,0")},
    "no article in sources": {"sources": "\n".join(line for line in SOURCES.split("\n") if ",article," not in line)},
}
RUNS = {
    "no decode rows": [run("p", "Alpha", 5000, phase="prefill", tpot="")],
    "a single provider": [run("a", "Alpha", 2000), run("b", "Alpha", 1500, setting="profile")],
    "zero throughput": [run("z", "Alpha", 0), run("a", "Beta", 2000)],
    "only later evidence": [run("a", "Alpha", 2000, date="2027"), run("b", "Beta", 1000, date="2027")],
    "undated only": [run("a", "Alpha", 2000, date=""), run("b", "Beta", 1000, date="")],
    "no precision": [run("a", "Alpha", 2000, precision=""), run("b", "Beta", 1000, precision="")],
}


def check_result(res) -> None:
    for key, value in res.values.items():
        if isinstance(value, float):
            assert math.isfinite(value), key
        if isinstance(value, str):
            assert not BAD.search(value), (key, value)
    for key, title in res.titles.items():
        assert not BAD.search(title), (key, title)
    assert set(res.verdicts) == set(ie.CLAIMS)


@pytest.mark.parametrize("case", sorted(DEGENERATE))
def test_the_chapter_states_what_degenerate_tables_cannot_show(tmp_path, case):
    check_result(ie.analyse(tables(tmp_path, **DEGENERATE[case]), DEFAULTS))


@pytest.mark.parametrize("case", sorted(RUNS))
def test_the_chapter_states_what_degenerate_throughput_cannot_show(tmp_path, case):
    res = ie.analyse(tables(tmp_path, RUNS[case]), DEFAULTS)
    check_result(res)
    assert res.verdicts["C24"].label == NOT_TESTABLE_HERE


def test_without_decode_rows_the_page_says_so(tmp_path):
    res = ie.analyse(tables(tmp_path, RUNS["no decode rows"]), DEFAULTS)
    assert "no spread between setups can be computed" in res.values["serving_text"]
    assert "cannot be computed with this data" in res.values["domestic_text"]


def test_an_incomplete_disclosure_is_named_on_the_page(tmp_path):
    res = ie.analyse(tables(tmp_path, **DEGENERATE["disclosure lacks inputs"]), DEFAULTS)
    assert "lacks" in res.values["ds_text"] and "gpus_per_node" in res.values["ds_text"]


def test_the_margin_title_follows_the_break_even_it_states(tmp_path):
    res = ie.analyse(tables(tmp_path), {**DEFAULTS, "paid_token_share": 1.0})
    be = res.values["ds_breakeven_util_at_max_price"]
    assert (f"only above {be:.0%} utilisation" if be <= 1 else "at no utilisation") in res.titles["margin"]


def test_the_paid_share_scales_billed_revenue(tmp_path):
    low = ie.analyse(tables(tmp_path), {**DEFAULTS, "paid_token_share": 0.1}).values["ds_billed_markup"]
    high = ie.analyse(tables(tmp_path), {**DEFAULTS, "paid_token_share": 1.0}).values["ds_billed_markup"]
    assert high == pytest.approx(30000 / 3840 - 1) and low < high


def test_parameters_out_of_order_are_refused_with_their_names(tmp_path):
    with pytest.raises(ValueError, match="utilisation_low, utilisation_high"):
        ie.analyse(tables(tmp_path), {**DEFAULTS, "utilisation_low": 0.9, "utilisation_high": 0.6})


# --- the contract: parameters read and declared ---------------------------------------------------------------------

def test_every_declared_parameter_is_read_by_the_chapter(tmp_path):
    recording = RecordingParams(DEFAULTS)
    ie.analyse(tables(tmp_path), recording)
    resources = {name for name, p in DECLARED.items() if p.resource}
    assert set(DECLARED) - resources - recording.read == set()


@pytest.mark.parametrize("claim", ie.CLAIMS)
def test_each_rule_reads_only_the_parameters_it_declares(tmp_path, claim):
    ev = ie.prepare(tables(tmp_path))
    recording = RecordingParams({**DEFAULTS, **NO_LEVERS})
    ie.RULES[claim](ev, recording)
    assert recording.read <= set(ie.RULES[claim].reads)


def test_every_parameter_a_rule_reads_has_a_documented_range():
    for claim, r in ie.RULES.items():
        for name in r.reads:
            assert DECLARED[name].low is not None, (claim, name)


def test_every_numeric_parameter_has_a_documented_range():
    missing = [n for n, p in DECLARED.items() if p.type in ("int", "float") and p.low is None]
    assert not missing


def test_the_default_data_compare_the_ascend_decode_figure_at_its_own_service_level():
    ev = ie.prepare({name: data.load(name) for name in ie.RESOURCES})
    pairs = ie.matched_domestic(ev, DEFAULTS["tpot_tolerance"])
    dom, ref = ev.rows[pairs[0]["row"]], ev.rows[pairs[0]["ref"]]
    assert abs(dom["tpot_ms"] - ref["tpot_ms"]) / dom["tpot_ms"] <= DEFAULTS["tpot_tolerance"]
    assert ev.rows[pairs[0]["ref"]]["run_id"] != "sglang-h100-decode"    # the 100 ms run is not at 50 ms


def test_c35_without_a_like_for_like_pair_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C35", [run("a", "Alpha", 1000)], **WAR).label == NOT_TESTABLE_HERE


def test_c30_without_a_disclosure_markup_still_says_why_no_public_data_decides(tmp_path):
    v = verdict(tmp_path, "C30", texts={"infra_deepseek_disclosure": "\n".join(DISCLOSURE.split("\n")[:3]) + "\n"})
    assert v.label == NOT_TESTABLE and "profits by layer" in v.reason


def test_the_sweep_finds_where_c28_flips_at_the_break_even_price(tmp_path):
    from aicloud import robustness

    ev = ie.prepare(tables(tmp_path))
    swept = robustness.sweep(ie.RULES["C28"], ev, DEFAULTS, DECLARED, draws=200)
    flips = [f for f in swept.flips if f.parameter == "ascend_usd_per_npu_hour"]
    # 1800 / 2000 of a 2.0 USD hour: the break-even price is 1.80 USD
    assert flips and flips[0].below <= 1.8 <= flips[0].above and flips[0].before == CONTRADICTED
