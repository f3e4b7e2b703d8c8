"""The infrastructure-economics analysis: one data pattern per verdict each rule can return, its boundary, and
degenerate but valid tables that must give a stated verdict and a page without nan, inf or a crash.

Tables are small hand-made CSV files loaded through the data package (so they are valid by the schema)."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import pytest

from aicloud import data, params
from aicloud.analysis import RecordingParams
from aicloud.analysis import china_chain as cc
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
AGENTS = """workload,baseline,multiple_low,multiple_high,measured_on,agent,source_id
single agent,chat,4,4,x,true,s1
multi-agent system,chat,15,15,x,true,s1
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
    loaded = {name: data.load(name, path, overrides=files) for name, path in files.items()}
    # China's tables (the default data; they cite the default sources) for the China evidence C24, C29, C35 weigh
    return {**{name: china_table(name) for name in ie.RESOURCES if name not in loaded}, **loaded}


@cache
def china_table(name: str):
    return data.load(name)


def verdict(tmp_path, claim, runs=None, texts=None, china=None, **changes):
    """The rule's verdict on hand-made tables; China's evidence `china` (a cc.China), none when not given."""
    ev = ie.prepare(tables(tmp_path, runs, **(texts or {})))
    ev.china = china
    return ie.RULES[claim](ev, {**DEFAULTS, **changes})


def stub(claim: str, points: str, model: bool = False) -> cc.China:
    """China's evidence on `claim` pointing the way given (a chain figure, or the chain model's reading)."""
    fig = cc.ChainFigure(claim, 0.5, f"Test evidence on {claim}.", points, "proxy", ("china-test",))
    return cc.China(cc.Evidence(), {} if model else {claim: fig}, {claim: fig} if model else {})


# --- C24: same model, different cost --------------------------------------------------------------------------------

def test_c24_two_teams_far_apart_like_for_like_is_supported(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 3000), run("b", "Beta", 1000)], large_spread=2.0)
    assert v.label == SUPPORTED and "3.0x" in v.figure


def test_c24_a_spread_exactly_at_the_threshold_counts_as_large(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 3000), run("b", "Beta", 1500)], large_spread=2.0)
    assert v.label == SUPPORTED


def test_c24_close_published_stacks_cannot_measure_the_spread_among_vendors(tmp_path):
    v = verdict(tmp_path, "C24", large_spread=2.0)       # 2000 vs 1600 at 50 and 52 ms: 1.25x like for like
    assert v.label == NOT_TESTABLE and "1.25x" in v.reason and v.evidence == "proxy"
    assert "illustration only" in v.reason and "Alpha and Beta" in v.reason


def test_c24_the_assumed_levers_never_decide(tmp_path):
    with_levers = verdict(tmp_path, "C24", large_spread=2.0)            # levers make 1.25x more than 2x
    without = verdict(tmp_path, "C24", large_spread=2.0, **NO_LEVERS)
    assert with_levers.label == without.label == NOT_TESTABLE


def test_c24_just_below_the_threshold_is_not_testable(tmp_path):
    v = verdict(tmp_path, "C24", [run("a", "Alpha", 2999), run("b", "Beta", 1500)], large_spread=2.0)
    assert v.label == NOT_TESTABLE


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
    assert v.label == NOT_TESTABLE and "1.07x" in v.figure


def test_c24_without_decode_rows_is_not_testable_here(tmp_path):
    v = verdict(tmp_path, "C24", [run("p", "Alpha", 5000, phase="prefill", tpot="")])
    assert v.label == NOT_TESTABLE_HERE


# --- C25: agents use many tokens ------------------------------------------------------------------------------------

@pytest.mark.parametrize("heavy, label", [(4.0, PARTLY), (4.1, PARTLY), (16.0, CONTRADICTED)])
def test_c25_counts_the_workloads_at_or_above_the_heavy_multiple(tmp_path, heavy, label):
    """review3 A12: every workload heavy holds one part of three; the other two are untested, so the claim is
    partly supported (`verdicts.grade`), and says why."""
    v = verdict(tmp_path, "C25", heavy_token_multiple=heavy)
    assert v.label == label
    assert ("More of the claim's parts are untested than hold" in v.reason) == (heavy == 4.0)


def test_c25_states_where_the_assumed_bar_turns_the_verdict(tmp_path):
    assert "any bar up to the lightest workload's 4x" in verdict(tmp_path, "C25", heavy_token_multiple=2).reason
    assert "at a bar of 4x or less" in verdict(tmp_path, "C25", heavy_token_multiple=5).reason


def test_c25_a_reasoning_prompt_is_not_an_agent_workload(tmp_path):
    agents = AGENTS + "reasoning prompt,plain prompt,1.5,1.5,x,false,s1\n"
    v = verdict(tmp_path, "C25", texts={"infra_agent_multiples": agents}, heavy_token_multiple=2)
    assert v.label == PARTLY and "comparison only: reasoning prompt" in v.reason


def test_c25_later_figures_decide_nothing(tmp_path):
    sources = SOURCES + "s2,Later,Test,2026-04,,2026-11-25,primary,late\n"
    agents = AGENTS + "coding agent,chat,1.5,1.5,x,true,s2\n"
    v = verdict(tmp_path, "C25", texts={"infra_agent_multiples": agents, "sources": sources}, heavy_token_multiple=2)
    assert v.label == PARTLY and "shown but not used: coding agent" in v.reason
    only_late = AGENTS.split("\n")[0] + "\ncoding agent,chat,1.5,1.5,x,true,s2\n"
    v = verdict(tmp_path, "C25", texts={"infra_agent_multiples": only_late, "sources": sources})
    assert v.label == NOT_TESTABLE_HERE


def test_c25_one_source_is_an_anecdote_several_primary_ones_direct(tmp_path):
    assert verdict(tmp_path, "C25").evidence == "anecdote"
    sources = SOURCES + "s2,Other,Test,2025,,2026-11-25,primary,x\ns3,Press,Test,2025,,2026-11-25,press,x\n"
    two = AGENTS.replace("15,15,x,true,s1", "15,15,x,true,s2")
    assert verdict(tmp_path, "C25", texts={"infra_agent_multiples": two, "sources": sources}).evidence == "direct"
    press = AGENTS.replace("15,15,x,true,s1", "15,15,x,true,s3")
    assert verdict(tmp_path, "C25", texts={"infra_agent_multiples": press, "sources": sources}).evidence == "proxy"


def test_c25_without_agent_workloads_is_not_testable_here(tmp_path):
    agents = AGENTS.split("\n")[0] + "\nreasoning prompt,plain prompt,10,1000,x,false,s1\n"
    assert verdict(tmp_path, "C25", texts={"infra_agent_multiples": agents}).label == NOT_TESTABLE_HERE


# --- C26: reorganised around infrastructure -------------------------------------------------------------------------

NAMED = EVENTS.split("\n")[0] + """
ali,2025-02-24,day,Alibaba,investment,Pledges infrastructure spending,,s1
hw,2025-04-10,day,Huawei,platform,Publishes results on its Ascend platform,,s1
bd,2025-04-25,day,Baidu,architecture,Announces an AI-native architecture,,s1
tc,2025-12-17,day,Tencent,organisation,Creates an AI Infra department,,s1
"""


def test_c26_all_four_named_moves_in_the_data_are_supported(tmp_path):
    v = verdict(tmp_path, "C26", texts={"infra_org_events": NAMED})
    assert v.label == SUPPORTED and v.figure == "4 of the article's 4 dated moves found" and v.evidence == "direct"


def test_c26_each_move_must_be_of_the_kind_the_article_names(tmp_path):
    """review3 A5: any row of a named organisation no longer matches its move; the kind must match."""
    events = NAMED.replace("Tencent,organisation", "Tencent,investment")
    v = verdict(tmp_path, "C26", texts={"infra_org_events": events})
    assert v.label == PARTLY and "none of the kind the article names is recorded for Tencent (a reorganisation)" \
        in v.reason
    events = NAMED.replace("Huawei,platform,Publishes results on its Ascend platform,", "Huawei,supernode,Launches a "
                           "supernode,384").replace("Baidu,architecture,Announces an AI-native architecture,",
                                                    "Baidu,chip,Runs a large cluster,30000")
    v = verdict(tmp_path, "C26", texts={"infra_org_events": events})
    assert v.label == PARTLY and v.figure.startswith("2 of") and "Huawei (a platform) and Baidu (an architecture)" \
        in v.reason


def test_c26_on_the_default_data_baidus_architecture_is_not_found():
    v = ie.RULES["C26"](ie.prepare({name: data.load(name) for name in ie.RESOURCES}), DEFAULTS)
    assert v.label == PARTLY and "recorded for Baidu (an architecture)" in v.reason
    assert "Brings up a cluster" not in v.reason and "CloudMatrix 384 supernode" not in v.reason


def test_c26_one_named_move_missing_gives_partly(tmp_path):
    events = "\n".join(line for line in NAMED.split("\n") if not line.startswith("bd,"))
    v = verdict(tmp_path, "C26", texts={"infra_org_events": events})
    assert v.label == PARTLY and v.figure.startswith("3 of")


def test_c26_press_sources_grade_the_evidence_proxy(tmp_path):
    sources = SOURCES + "p1,Press,Test,2025,,2026-11-25,press,x\n"
    events = NAMED.replace("Announces an AI-native architecture,,s1", "Announces an AI-native architecture,,p1")
    assert verdict(tmp_path, "C26", texts={"infra_org_events": events, "sources": sources}).evidence == "proxy"


def test_c26_no_named_organisation_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C26").label == NOT_TESTABLE_HERE      # Alpha, Beta and Gamma: not the article's


@pytest.mark.parametrize("claim", ["C30"])
def test_claims_no_public_data_can_decide_are_not_testable(tmp_path, claim):
    assert verdict(tmp_path, claim).label == NOT_TESTABLE


# --- C28: scheduling decides what domestic hardware costs -----------------------------------------------------------

def rentals(*prices: tuple[float, float]) -> str:
    return RENTALS + "".join(f"d{i},Ascend X,ascend,market,range,{lo},{hi},2025,s1\n"
                             for i, (lo, hi) in enumerate(prices))


def test_c28_without_a_published_domestic_price_is_not_testable_with_public_data(tmp_path):
    v = verdict(tmp_path, "C28")
    # Ascend 1800 vs best matched Hopper 2000 (0.9) at USD 2.00: matches at equal utilisation up to USD 1.80
    assert v.label == NOT_TESTABLE and "USD 1.80" in v.figure and "no published price" in v.figure


def test_c28_the_assumed_domestic_price_decides_nothing(tmp_path):
    assert {verdict(tmp_path, "C28", ascend_usd_per_npu_hour=x).label for x in (0.8, 1.5, 3.0)} == {NOT_TESTABLE}


def test_c28_reports_the_gain_from_optimising_one_domestic_setup(tmp_path):
    runs = DEFAULT_RUNS + [run("x-pre-default", "Huawei", 4000, hardware="Ascend X", cls="ascend", precision="INT8",
                               phase="prefill", tpot="")]
    v = verdict(tmp_path, "C28", runs)
    assert "1.25x the tokens" in v.reason and "chip vendor's own" in v.reason and v.evidence == "proxy"


def test_c28_a_domestic_cluster_that_must_run_busier_but_can_is_supported(tmp_path):
    # at USD 2.0 to 2.4 against 2.0: 0.6 x 2.0 / 2.0 / 0.9 = 67% to 80%, above NVIDIA's 60%
    v = verdict(tmp_path, "C28", texts={"infra_rental_prices": rentals((2.0, 2.4))})
    assert v.label == SUPPORTED and "67% to 80%" in v.figure


def test_c28_needing_more_than_full_utilisation_is_partly_supported(tmp_path):
    # 0.6 x 3.0 / 2.0 / 0.9 = 100% is still reachable; 3.1 gives 103%
    assert verdict(tmp_path, "C28", texts={"infra_rental_prices": rentals((3.0, 3.0))}).label == SUPPORTED
    assert verdict(tmp_path, "C28", texts={"infra_rental_prices": rentals((3.1, 3.1))}).label == PARTLY


def test_c28_break_even_at_or_below_nvidias_utilisation_contradicts_the_need(tmp_path):
    # at USD 1.80 the break-even is exactly NVIDIA's 60%: no deeper optimisation needed
    assert verdict(tmp_path, "C28", texts={"infra_rental_prices": rentals((1.0, 1.8))}).label == CONTRADICTED


def test_c28_published_prices_on_both_sides_of_the_break_even_give_partly(tmp_path):
    assert verdict(tmp_path, "C28", texts={"infra_rental_prices": rentals((1.0, 2.4))}).label == PARTLY


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
    assert verdict(tmp_path, "C28", runs, texts={"infra_rental_prices": rentals((2.0, 2.4))}).label == SUPPORTED


def test_c28_without_a_domestic_chip_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C28", [run("a", "Alpha", 2000), run("b", "Beta", 1000)]).label == NOT_TESTABLE_HERE


def test_c28_disagreeing_domestic_figures_give_partly(tmp_path):
    runs = [run("a", "Alpha", 2000, tpot=50), run("f", "Alpha", 100, tpot=15, setting="latency-bound"),
            run("x", "Huawei", 1800, hardware="Ascend X", cls="ascend", precision="INT8", tpot=49),
            run("y", "Huawei", 500, hardware="Ascend X", cls="ascend", precision="INT8", tpot=15)]
    assert verdict(tmp_path, "C28", runs, texts={"infra_rental_prices": rentals((2.0, 2.0))}).label == PARTLY


# --- C29 and C35: the price war -------------------------------------------------------------------------------------

WAR = {**NO_LEVERS, "price_to_best_cost": 0.9, "fixed_cost_share": 0.1, "horizon_months": 60}


def war_runs(ratio: float) -> list[str]:
    return [run("a", "Alpha", 1000 * ratio), run("b", "Beta", 1000)]


def test_c29_is_a_model_illustration_not_testable_with_public_data(tmp_path):
    args = {"cash_months": 24, "war_chest_ratio": 1, "price_decline": 0.5, "cost_decline": 0.4}
    v = verdict(tmp_path, "C29", war_runs(3), **WAR, **args)
    assert v.label == NOT_TESTABLE and v.evidence == "none" and "central run" in v.figure
    assert "in order of their costs, as they must when their cash is alike" in v.reason


@pytest.mark.parametrize("ratio, cash, chest, words", [(3, 12, 4, "middle one breaks the order"),
                                                        (1.3, 60, 4, "whole war")])
def test_c29_the_illustration_follows_the_central_run(tmp_path, ratio, cash, chest, words):
    v = verdict(tmp_path, "C29", war_runs(ratio), **WAR, cash_months=cash, war_chest_ratio=chest, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == NOT_TESTABLE and words in v.reason


def test_c29_without_a_like_for_like_pair_is_not_testable_here(tmp_path):
    assert verdict(tmp_path, "C29", [run("a", "Alpha", 1000)], **WAR).label == NOT_TESTABLE_HERE


def test_c35_is_a_model_illustration_not_testable_with_public_data(tmp_path):
    v = verdict(tmp_path, "C35", war_runs(3), **WAR, cash_months=24, war_chest_ratio=1, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == NOT_TESTABLE and v.evidence == "none" and "the cash to last 60 months" in v.figure
    v = verdict(tmp_path, "C35", war_runs(1.5), **WAR, cash_months=6, war_chest_ratio=4, price_decline=0.5,
                cost_decline=0.4)
    assert v.label == NOT_TESTABLE and "lasts longer" in v.reason


def test_c35_a_war_without_losses_says_so(tmp_path):
    v = verdict(tmp_path, "C35", war_runs(1.1), **{**WAR, "price_to_best_cost": 1.2, "fixed_cost_share": 0.0},
                price_decline=0.0, cost_decline=0.0)
    assert v.label == NOT_TESTABLE and "no provider loses money" in v.reason


def test_the_war_table_shows_the_central_run_the_verdicts_quote(tmp_path):
    res = ie.analyse(tables(tmp_path, war_runs(3)), {**DEFAULTS, **WAR, "n_draws": 2000})
    war = res.frames["war"]
    need = war["central run: cash to last (months of revenue)"].iloc[2]
    assert f"{need:,.1f} months of revenue" in res.verdicts["C35"].reason
    months = war["central run: survival (months)"].iloc[2]
    assert f"{months:,.0f} months" in res.verdicts["C29"].reason


def test_an_all_solvent_war_does_not_say_anyone_runs_out(tmp_path):
    p = {**DEFAULTS, "horizon_months": 12, "war_chest_ratio": 4.0, "cash_months_low": 24.0, "cash_months": 24.0,
         "cash_months_high": 24.0, "n_draws": 2000}
    text = ie.analyse(tables(tmp_path, war_runs(3)), p).values["war_text"]
    assert "every provider lasts all 12 months" in text and "out of cash within" not in text


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


def test_c34_published_platform_results_are_graded_against_the_named_platforms(tmp_path):
    """review3 A12: one organisation's results beside three named platforms without any leave more parts untested
    than hold: partly supported; two named owners with results against one without: supported."""
    v = verdict(tmp_path, "C34")
    assert v.label == PARTLY and v.evidence == "anecdote"
    assert "more of the claim's parts are untested" in v.reason.lower()
    two = EVENTS + ("h-plat,2025-06-15,day,Huawei,platform,Publishes serving results,,s1\n"
                    "b-plat,2025-06-15,day,Baidu,platform,Publishes cluster results,,s1\n")
    v = verdict(tmp_path, "C34", texts={"infra_org_events": two})
    assert v.label == SUPPORTED and "untested than hold" not in v.reason


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
    "one workload": {"infra_agent_multiples": AGENTS.split("\n")[0] + "\nsolo,chat,1,1,x,true,s1\n"},
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
    assert (f"only above {be:.0%} utilisation" if be <= 1 else "never") in res.titles["margin"]


def test_a_break_even_above_full_utilisation_reads_never_not_no_utilisation(tmp_path):
    res = ie.analyse(tables(tmp_path), {**DEFAULTS, "paid_token_share": 0.05})    # 1,500 a day against 3,840
    assert res.values["ds_breakeven_paid_own"] > 1
    for text in (res.titles["margin"], res.values["margin_text"]):
        assert "never does, even at 100% utilisation" in text and "at no utilisation" not in text


def test_the_paid_share_transferred_to_another_provider_is_flagged(tmp_path):
    text = ie.analyse(tables(tmp_path), DEFAULTS).values["ds_caveat_text"]
    assert "applying it to Acme" in text and "further assumption" in text


def test_the_revenue_range_of_zero_published_tokens_starts_at_zero(tmp_path):
    zero = DISCLOSURE
    for metric in ("input_tokens,40000000000", "cache_hit_tokens,20000000000", "output_tokens,10000000000"):
        zero = zero.replace(metric, metric.split(",")[0] + ",0")
    text = ie.analyse(tables(tmp_path, infra_deepseek_disclosure=zero), DEFAULTS).values["ds_text"]
    assert "between 0 and" in text and "-" not in text.split("between")[1].split("which")[0]


def test_without_a_disclosure_the_key_finding_still_has_its_line(tmp_path):
    res = ie.analyse(tables(tmp_path, **DEGENERATE["disclosure lacks inputs"]), DEFAULTS)
    assert res.titles["margin"] == res.values["margin_text"]


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

    ev = ie.prepare(tables(tmp_path, infra_rental_prices=rentals((2.0, 2.4))))
    swept = robustness.sweep(ie.RULES["C28"], ev, DEFAULTS, DECLARED, draws=200)
    flips = [f for f in swept.flips if f.parameter == "hopper_usd_per_gpu_hour"]
    # domestic hours at USD 2.0 to 2.4 and 0.9 of the throughput: break-even 0.6 x 2.0 / (h x 0.9) passes NVIDIA's
    # 60% at h = 2.0 / 0.9 = 2.22, where the lower published price stops needing a busier cluster
    assert any(f.below <= 2.0 / 0.9 <= f.above and f.before == SUPPORTED and f.after == PARTLY for f in flips)


# --- China's evidence weighed by the rules (aicloud.analysis.china_chain.add_china / add_model) --------------------

def test_c24_china_evidence_across_hardware_generations_cannot_decide(tmp_path):
    far = [run("a", "Alpha", 3000), run("b", "Beta", 1000)]
    assert verdict(tmp_path, "C24", far, china=stub("C24", cc.SUPPORTS)).label == SUPPORTED
    assert verdict(tmp_path, "C24", far, china=stub("C24", cc.MIXED)).label == PARTLY
    assert verdict(tmp_path, "C24", china=stub("C24", cc.SUPPORTS), large_spread=2.0).label == NOT_TESTABLE
    single = [run("a", "Alpha", 3000), run("b", "Alpha", 1000, setting="profile")]
    v = verdict(tmp_path, "C24", single, china=stub("C24", cc.SUPPORTS))
    assert v.label == NOT_TESTABLE_HERE and "Test evidence on C24" in v.reason


def test_c29_china_prices_and_the_chain_model_are_reported_but_cannot_decide(tmp_path):
    args = {**WAR, "cash_months": 24, "war_chest_ratio": 1, "price_decline": 0.5, "cost_decline": 0.4}
    supported = cc.China(cc.Evidence(), {"C29": stub("C29", cc.SUPPORTS).fixed["C29"]},
                         {"C29": stub("C29", cc.SUPPORTS).fixed["C29"]})
    v = verdict(tmp_path, "C29", war_runs(3), china=supported, **args)
    assert v.label == NOT_TESTABLE and "Test evidence on C29" in v.reason


def test_c35_the_chain_model_cannot_decide(tmp_path):
    args = {**WAR, "cash_months": 24, "war_chest_ratio": 1, "price_decline": 0.5, "cost_decline": 0.4}
    for points in (cc.SUPPORTS, cc.CONTRADICTS):
        assert verdict(tmp_path, "C35", war_runs(3), china=stub("C35", points, model=True), **args).label \
            == NOT_TESTABLE


def test_the_default_data_with_china_evidence():
    ev = ie.prepare({name: data.load(name) for name in ie.RESOURCES})
    found = {c: ie.RULES[c](ev, DEFAULTS) for c in ("C24", "C25", "C26", "C28", "C29", "C35")}
    assert {c: v.label for c, v in found.items()} == {"C24": NOT_TESTABLE, "C25": PARTLY, "C26": PARTLY,
                                                       "C28": NOT_TESTABLE, "C29": NOT_TESTABLE,
                                                       "C35": NOT_TESTABLE}
    assert "would serve at a loss" in found["C29"].reason and "chain model" in found["C35"].reason
    assert "reasoning model prompt" in found["C25"].reason and "perfect expert load balancing" in found["C28"].reason


def test_the_chapter_states_its_verdicts_when_the_china_tables_are_degenerate():
    full = {name: data.load(name) for name in ie.RESOURCES}
    china = [r for r in ie.RESOURCES if r in cc.resources_for(ie.CHINA_CLAIMS, ie.CHINA_MODEL_CLAIMS)
             and r != "infra_serving_throughput"]
    res = ie.analyse({**full, **{name: full[name].iloc[0:0] for name in china}}, DEFAULTS)
    assert "hold no evidence" in res.verdicts["C29"].reason          # no Chinese list price to set against costs
    assert "cannot start" in res.verdicts["C35"].reason
    assert "published stacks" in res.verdicts["C24"].reason          # C24's China figure needs the stacks only
    assert all("nan" not in (v.reason + v.figure).split() for v in res.verdicts.values())


def test_a_huge_price_in_the_data_does_not_size_an_array(tmp_path):
    huge = DISCLOSURE.replace("usd_per_gpu_hour,2,", "usd_per_gpu_hour,1800000000000,")
    res = ie.analyse(tables(tmp_path, infra_deepseek_disclosure=huge), DEFAULTS)
    assert 0 < len(res.frames["breakeven"]) <= 81 * 2


def test_a_zero_throughput_row_is_left_out_not_a_crash(tmp_path):
    # a zero decode figure of a stack that also has a prefill figure reached China's cost model and divided by zero
    runs = DEFAULT_RUNS + [run("z-dec", "Zeta", 0, setting="production"),
                           run("z-pre", "Zeta", 5000, setting="production", phase="prefill", tpot="")]
    check_result(ie.analyse(tables(tmp_path, runs), DEFAULTS))


def test_without_a_price_war_the_key_finding_still_has_its_line(tmp_path):
    res = ie.analyse(tables(tmp_path, [run("a", "Alpha", 1000)]), DEFAULTS)
    assert res.titles["survival"] == res.values["war_setup_text"]


def test_the_domestic_exercise_answer_states_where_c28_would_fall_at_each_price(tmp_path):
    from aicloud.solutions import infra_economics as answers

    res = ie.analyse(tables(tmp_path), DEFAULTS)
    text = answers.answers(res, DEFAULTS)["sol_domestic_text"]
    # 1800 vs 2000 tokens/s at USD 2.00: break-even USD 1.80 at equal utilisation, 1.80 / 0.6 = 3.00 at full
    assert "supported above USD 1.80 an hour and up to 3.00" in text and "not testable with public data" in text


def test_c25_one_workload_gives_one_multiple_not_a_range(tmp_path):
    one = AGENTS.split("\n")[0] + "\nsolo agent,chat,6,6,x,true,s1\n"
    v = verdict(tmp_path, "C25", texts={"infra_agent_multiples": one})
    assert v.figure == "6x chat tokens" and v.label == PARTLY


def test_c32_says_why_blackwell_does_not_decide_and_a_dated_matched_pair_does():
    """review3 A4: the data hold Blackwell decode figures; the reason states the gap and why they do not decide
    (undated, or no time per output token); a Blackwell pair at the same service level dated by the article
    decides, and near Hopper only is near NVIDIA only in part."""
    tables = {name: data.load(name) for name in ie.RESOURCES}
    v = ie.RULES["C32"](ie.prepare(tables), DEFAULTS)
    assert v.label == SUPPORTED and "84% of the H800" in v.reason
    assert "53% of the B200 at the same service level, but that figure is undated" in v.reason
    assert "would reach 15% to 26%" in v.reason
    runs = tables["infra_serving_throughput"].copy()
    runs.loc[runs["run_id"] == "inferencex-b200-71", "date"] = "2025-06"
    v = ie.RULES["C32"](ie.prepare({**tables, "infra_serving_throughput": runs}), DEFAULTS)
    assert v.label == PARTLY and "53% of NVIDIA's newer B200 at the same service level (below" in v.reason
    assert v.figure.endswith("; 53% of B200")


def test_equal_rental_prices_are_not_printed_as_a_range():
    """review3 B9: "from USD 2.00 to 2.00 per GPU-hour" when every published rent is equal."""
    tables = {name: data.load(name) for name in ie.RESOURCES}
    rents = tables["infra_rental_prices"].assign(usd_per_gpu_hour_low=2.0, usd_per_gpu_hour_high=2.0)
    res = ie.analyse({**tables, "infra_rental_prices": rents}, DEFAULTS)
    assert "2.00 to 2.00" not in res.values["margin_text"]
    assert res.values["margin_text"].startswith("The published rental prices all stand at USD 2.00 per GPU-hour")
    assert "from USD" in ie.analyse(tables, DEFAULTS).values["margin_text"]
