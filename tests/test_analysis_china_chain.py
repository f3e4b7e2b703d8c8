"""The China-chain rules pin which data pattern gives which verdict; the analysis runs on the default data and
on generated share tables without a crash, a NaN or an undeclared parameter."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud import data, params, robustness
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import china_chain as cc
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED, Verdict

DECLARED = {p.name: p for p in params.read("china_chain")}
DEFAULTS = {name: p.default for name, p in DECLARED.items()}
RATED = cc.WithRate(DEFAULTS)      # with yuan per dollar derived from usd_per_rmb, as `analyse` gives the figures
RESOURCES = [p.resource for p in DECLARED.values() if p.resource]


@pytest.fixture(scope="module")
def tables():
    return {name: data.load(name) for name in RESOURCES}


@pytest.fixture(scope="module")
def evidence(tables):
    return cc.prepare(tables)


def window(start, end, leader="A"):
    return cc.Window("m", "s", "p0", "p1", leader, start, end)


def with_params(**changes):
    return {**DEFAULTS, **changes}


# --- C37 ---------------------------------------------------------------------------------------------------------

def test_c37_leaders_gaining_in_most_windows_is_partly_supported():
    ev = cc.Evidence(windows=[window(0.3, 0.35), window(0.4, 0.45), window(0.5, 0.4)])
    assert cc.c37_strong_get_stronger(ev, with_params(min_share_gain_pp=1.0)).label == PARTLY


def test_c37_leaders_gaining_in_a_minority_of_windows_is_contradicted():
    ev = cc.Evidence(windows=[window(0.3, 0.35), window(0.4, 0.39), window(0.5, 0.4)])
    verdict = cc.c37_strong_get_stronger(ev, with_params(min_share_gain_pp=1.0))
    assert verdict.label == CONTRADICTED and "only 1 of 3" in verdict.reason


def test_c37_a_gain_equal_to_the_threshold_counts_and_half_the_windows_is_enough():
    ev = cc.Evidence(windows=[window(0.30, 0.32), window(0.5, 0.4)])
    assert cc.c37_strong_get_stronger(ev, with_params(min_share_gain_pp=2.0)).label == PARTLY
    assert cc.c37_strong_get_stronger(ev, with_params(min_share_gain_pp=2.1)).label == CONTRADICTED


def test_c37_without_two_periods_of_one_series_is_not_testable_here():
    assert cc.c37_strong_get_stronger(cc.Evidence(), DEFAULTS).label == NOT_TESTABLE_HERE


def test_share_windows_never_join_two_series_of_a_measure():
    shares = pd.DataFrame({
        "measure": ["m"] * 4, "series": ["old", "old", "new", "new"], "period": ["p1", "p2", "p3", "p4"],
        "period_end": pd.to_datetime(["2022-01-01", "2022-06-01", "2023-01-01", "2023-06-01"]),
        "vendor": ["A"] * 4, "share": [0.3, 0.4, 0.9, 0.2]})
    windows = cc.share_windows(shares)
    assert {(w.first, w.last) for w in windows} == {("p1", "p2"), ("p3", "p4")}


# --- C31 ---------------------------------------------------------------------------------------------------------

def stack_ev(layers, shares):
    rows = sorted([(f"c{i}", f"cloud {i}", n, s) for i, (n, s) in enumerate(zip(layers, shares))],
                  key=lambda t: (-t[3], t[0]))
    return cc.Evidence(stack=rows, stack_period="P", stack_rho=cc.spearman(layers, shares))


@pytest.mark.parametrize("layers, shares, expected", [
    ([5, 4, 3, 2], [0.4, 0.3, 0.2, 0.1], SUPPORTED),       # most complete leads and ranks agree
    ([5, 2, 3, 4], [0.4, 0.3, 0.2, 0.1], PARTLY),          # most complete leads, the rest disagree
    ([4, 5, 3, 2], [0.4, 0.35, 0.2, 0.1], PARTLY),         # ranks agree overall, leader not the most complete
    ([2, 3, 4, 5], [0.4, 0.3, 0.2, 0.1], CONTRADICTED),    # neither
])
def test_c31_splits_into_the_leader_and_the_ranking(layers, shares, expected):
    assert cc.c31_competitiveness(stack_ev(layers, shares), with_params(completeness_rank_agreement=0.5)).label \
        == expected


def test_c31_a_rank_correlation_equal_to_the_threshold_counts_as_agreement():
    ev = stack_ev([5, 2, 3, 4], [0.4, 0.3, 0.2, 0.1])
    rho = ev.stack_rho
    assert cc.c31_competitiveness(ev, with_params(completeness_rank_agreement=rho)).label == SUPPORTED


def test_c31_with_fewer_than_three_clouds_is_not_testable_here():
    assert cc.c31_competitiveness(stack_ev([5, 4], [0.5, 0.5]), DEFAULTS).label == NOT_TESTABLE_HERE


# --- C27 ---------------------------------------------------------------------------------------------------------

def labs(*pairs):
    return cc.Evidence(labs=[cc.Lab(f"lab{i}", "cloud", moved, kept) for i, (moved, kept) in enumerate(pairs)])


def test_c27_most_model_makers_moving_but_keeping_the_first_cloud_is_partly_supported():
    assert cc.c27_lock_in(labs((True, True), (True, False), (False, False)), DEFAULTS).label == PARTLY


def test_c27_model_makers_moving_without_keeping_the_first_cloud_contradicts():
    assert cc.c27_lock_in(labs((True, False), (True, False), (False, False)), DEFAULTS).label == CONTRADICTED


def test_c27_model_makers_staying_is_supported_as_an_anecdote():
    verdict = cc.c27_lock_in(labs((False, False), (False, False), (True, True)), DEFAULTS)
    assert verdict.label == SUPPORTED and verdict.evidence == "anecdote"


def test_c27_a_share_equal_to_the_threshold_counts_as_moving():
    ev = labs((True, True), (False, False))
    assert cc.c27_lock_in(ev, with_params(multihome_share=0.5)).label == PARTLY
    assert cc.c27_lock_in(ev, with_params(multihome_share=0.51)).label == SUPPORTED


def test_c27_with_one_model_maker_is_not_testable_here():
    assert cc.c27_lock_in(labs((True, True)), DEFAULTS).label == NOT_TESTABLE_HERE


def test_the_labs_read_from_the_deals_follow_each_model_maker(evidence):
    by_name = {lab.partner: lab for lab in evidence.labs}
    assert all(lab.first_cloud for lab in evidence.labs)
    assert not by_name.get("Hugging Face", cc.Lab("", "", False, False)).moved
    assert by_name["Anthropic"].moved and by_name["Anthropic"].kept


# --- the chapter on its default data -------------------------------------------------------------------------------

def test_each_rule_reads_only_the_parameters_it_declares(evidence):
    for claim, r in rules_of(cc).items():
        recorder = RecordingParams(DEFAULTS)
        r(evidence, recorder)
        assert recorder.read == set(r.reads), claim


def test_every_rule_is_swept_over_documented_ranges(evidence):
    sweeps = robustness.sweep_rules(cc.RULES, evidence, DEFAULTS, DECLARED, draws=200)
    assert set(sweeps) == {"C27", "C31", "C37"}
    assert all(s.summary() for s in sweeps.values())


def test_every_chain_figure_has_a_finite_value_a_direction_and_sources(evidence):
    for claim in cc.CHAIN_FIGURES:
        fig = cc.chain_figure(claim, evidence, RATED)
        assert math.isfinite(fig.value) and fig.points in (cc.SUPPORTS, cc.CONTRADICTS, cc.MIXED, cc.NONE)
        assert fig.text and "nan" not in fig.text.lower()
        assert fig.points == cc.NONE or fig.sources, claim


def test_the_token_leader_is_not_the_revenue_leader_in_china(evidence):
    assert cc.chain_figure("C01", evidence, RATED).points == cc.SUPPORTS


def test_the_model_starts_from_the_years_every_vendor_is_listed(tables):
    mi = cc.model_inputs(tables)
    buyers = tables["gpu_buyers"]
    for year in mi["years_used"]:
        listed = set(buyers.loc[(buyers["year"] == year) & (buyers["region"] == "China"), "buyer"])
        assert set(mi["vendors"]) <= listed
    assert np.isclose(mi["reserve_fraction"].sum(), 1) and np.isclose(mi["observed"].sum(), 1)


def test_analyse_gives_values_and_titles_without_missing_numbers(tables):
    ranges = {p.name: (p.low, p.high) for p in DECLARED.values() if p.name in cc.MODEL_PARAMS}
    res = cc.analyse(tables, with_params(n_draws=1000), ranges)
    for key, value in {**res.values, **res.titles}.items():
        if isinstance(value, float):
            assert math.isfinite(value), key
        assert "nan" not in str(value).lower().split(), key
    assert set(res.verdicts) == {"C27", "C31", "C37"}
    assert 0 <= res.values["mc_fits_leader"] <= 1


def test_empty_share_and_deal_tables_give_stated_verdicts_not_crashes(tables):
    empty = {**tables, "china_market_shares": tables["china_market_shares"].iloc[0:0],
             "china_partnerships": tables["china_partnerships"].iloc[0:0]}
    ev = cc.prepare(empty)
    for r in cc.RULES.values():
        assert r(ev, DEFAULTS).label == NOT_TESTABLE_HERE


names = st.sampled_from(["A", "B", "C", "D"])
share_rows = st.lists(st.tuples(st.sampled_from(["m1", "m2"]), st.sampled_from(["s1", "s2"]),
                                st.integers(0, 3), names, st.floats(0, 1)), min_size=0, max_size=25)


@settings(max_examples=60, deadline=None)
@given(share_rows, st.floats(0, 3))
def test_c37_gives_a_verdict_on_any_share_table(rows, gain):
    frame = pd.DataFrame(rows, columns=["measure", "series", "q", "vendor", "share"]).drop_duplicates(
        ["measure", "series", "q", "vendor"])
    frame = frame.assign(period=frame["q"].map(lambda q: f"2025-Q{q + 1}"),
                         period_end=pd.to_datetime("2025-01-01") + pd.to_timedelta(frame["q"] * 91, unit="D"))
    ev = cc.Evidence(windows=cc.share_windows(frame))
    verdict = cc.c37_strong_get_stronger(ev, with_params(min_share_gain_pp=gain))
    assert isinstance(verdict, Verdict) and verdict.label in LABELS


USER = data.ROOT / "tests" / "data" / "user"


@pytest.mark.parametrize("path", sorted(USER.glob("*.csv")), ids=lambda p: p.stem)
def test_a_users_valid_file_gives_a_page_without_missing_numbers(tables, path):
    resource = "gpu_buyers" if path.stem.startswith("gpu_buyers") else "maas_list_prices"
    mixed = {**tables, resource: data.load(resource, path)}
    ranges = {p.name: (p.low, p.high) for p in DECLARED.values() if p.name in cc.MODEL_PARAMS}
    res = cc.analyse(mixed, with_params(n_draws=1000), ranges)
    for key, value in {**res.values, **res.titles}.items():
        assert not (isinstance(value, float) and not math.isfinite(value)), key
        assert "nan" not in str(value).lower().split(), key
    if not res.values["chain_ok"]:
        assert res.frames["chain_grid"].empty and res.values["chain_note"]


# --- China's evidence for the owning chapters ---------------------------------------------------------------------

def test_the_owning_chapters_read_the_chain_model_as_this_chapter_runs_it_by_default():
    assert {k: (DECLARED[k].low, DECLARED[k].high) for k in cc.MODEL_PARAMS} == cc.MODEL_RANGES
    assert {k: DEFAULTS[k] for k in cc.MODEL_SETTING} == cc.MODEL_SETTING


def fig(points, decides=False, comparable=True):
    return cc.ChainFigure("C99", 0.5, "Test.", points, "proxy", ("s",), decides=decides, comparable=comparable)


@pytest.mark.parametrize("label, points, central, expected", [
    (SUPPORTED, cc.SUPPORTS, False, SUPPORTED), (SUPPORTED, cc.CONTRADICTS, False, PARTLY),
    (SUPPORTED, cc.MIXED, False, PARTLY), (SUPPORTED, cc.NONE, True, SUPPORTED),
    (PARTLY, cc.SUPPORTS, True, PARTLY), (PARTLY, cc.CONTRADICTS, True, PARTLY),
    (CONTRADICTED, cc.SUPPORTS, True, PARTLY), (CONTRADICTED, cc.MIXED, True, CONTRADICTED),
    (CONTRADICTED, cc.CONTRADICTS, True, CONTRADICTED), (CONTRADICTED, cc.SUPPORTS, False, CONTRADICTED),
    # review 3 A1/B14: an undecided claim stays undecided unless the figure measures the undecided part
    (NOT_TESTABLE_HERE, cc.SUPPORTS, True, NOT_TESTABLE_HERE), (NOT_TESTABLE, cc.CONTRADICTS, True, NOT_TESTABLE),
    (NOT_TESTABLE, cc.MIXED, True, NOT_TESTABLE), (NOT_TESTABLE_HERE, cc.SUPPORTS, False, NOT_TESTABLE_HERE),
    (NOT_TESTABLE, cc.NONE, True, NOT_TESTABLE),
])
def test_china_evidence_is_one_more_part_of_the_claim(label, points, central, expected):
    new, sentence = cc.with_china(label, fig(points), central)
    assert new == expected and sentence
    assert ("rather than" in sentence) == (new != label)
    if new == label and label in (NOT_TESTABLE, NOT_TESTABLE_HERE) and points != cc.NONE:
        assert "shown as context" in sentence


@pytest.mark.parametrize("label, points, expected", [
    (NOT_TESTABLE_HERE, cc.SUPPORTS, SUPPORTED), (NOT_TESTABLE_HERE, cc.CONTRADICTS, CONTRADICTED),
    (NOT_TESTABLE, cc.MIXED, PARTLY), (NOT_TESTABLE, cc.SUPPORTS, SUPPORTED),
])
def test_a_figure_that_measures_the_undecided_part_decides_it(label, points, expected):
    new, sentence = cc.with_china(label, fig(points, decides=True), central=False)
    assert new == expected and "rather than" in sentence


@pytest.mark.parametrize("label", [SUPPORTED, PARTLY, CONTRADICTED, NOT_TESTABLE])
@pytest.mark.parametrize("points", [cc.SUPPORTS, cc.MIXED, cc.CONTRADICTS])
def test_a_figure_comparing_unlike_things_moves_no_verdict(label, points):
    """review 3 A3/B5: C21's open-weight pair lifted a contradicted verdict and lowered a supported one."""
    new, sentence = cc.with_china(label, fig(points, decides=True, comparable=False), central=True)
    assert new == label and "unlike things" in sentence


@pytest.mark.parametrize("label, points, expected", [
    (SUPPORTED, cc.SUPPORTS, SUPPORTED), (SUPPORTED, cc.CONTRADICTS, PARTLY), (SUPPORTED, cc.MIXED, PARTLY),
    (CONTRADICTED, cc.SUPPORTS, CONTRADICTED), (NOT_TESTABLE_HERE, cc.SUPPORTS, NOT_TESTABLE_HERE),
    (PARTLY, cc.NONE, PARTLY),
])
def test_a_model_reading_lowers_a_verdict_but_never_decides(label, points, expected):
    assert cc.with_model(label, fig(points))[0] == expected


def test_a_verdict_china_alone_decides_takes_chinas_figure_grade_and_sources():
    base = Verdict.not_testable_here("No data.")
    v = cc.add_china(base, cc.ChainFigure("C10", 3.5, "Test.", cc.SUPPORTS, "anecdote", ("s",), decides=True),
                     central=True)
    assert v.label == SUPPORTED and v.figure.startswith("China:") and v.evidence == "anecdote" and v.sources == ("s",)


def test_owner_evidence_reads_only_the_tables_its_claims_need(tables):
    claims, models = ("C03", "C10"), ("C08",)
    needed = cc.resources_for(claims, models)
    china = cc.owner_evidence({name: tables[name] for name in needed}, claims, models)
    assert set(china.fixed) == set(claims) and set(china.models) == set(models)
    assert china.figure("C10", {}) == cc.chain_figure("C10", cc.prepare(tables), RATED)


def test_the_cheap_figures_agree_with_the_pages_frames(evidence):
    costs = cc.stack_costs(evidence, RATED)["cost"]
    assert cc.chain_figure("C24", evidence, RATED).value == pytest.approx(costs.max() / costs.min())
    median = cc.list_revenue(evidence, RATED)["usd"].median()
    k = int((costs > median).sum())
    assert cc.chain_figure("C29", evidence, RATED).value == pytest.approx(k / len(costs))


def test_c37_weighs_the_chain_models_reading(evidence):
    v = cc.c37_strong_get_stronger(evidence, DEFAULTS)
    assert "In the chain model the vendor leading halfway" in v.reason


# --- Figures quoted as shares, empty frames, solution values --------------------------------------------------

def test_a_reference_figure_outside_0_1_is_not_quoted_as_a_share(tables):
    odd = dict(tables)
    odd["china_reference"] = tables["china_reference"].assign(value=lambda r: np.where(
        r["metric"].isin(["nvidia_china_share_claim_before", "unused_share_new_compute"]), 1.9, r["value"]))
    result = cc.analyse(odd, DEFAULTS)
    assert "no remark by NVIDIA's chief executive" in result.values["nv_licence_text"]
    assert result.values["unused_text"] == cc.TEXT["unused_none"]
    assert not any(k.endswith("share_claim_before") for k in result.values)
    assert "190%" not in cc.chain_figure("C38", result.frames["_evidence"], RATED).text
    default = cc.analyse(tables, DEFAULTS).values
    assert "put its share of China's advanced chips at 0%, from 95%" in default["nv_licence_text"]
    assert default["unused_text"] == "media estimates put up to 80% of new capacity idle"


def test_the_cost_chart_draws_when_no_published_stack_is_in_the_data(tables):
    from aicloud.analysis import china_chain_charts as cch

    empty = dict(tables)
    empty["infra_serving_throughput"] = tables["infra_serving_throughput"].iloc[0:0]
    result = cc.analyse(empty, DEFAULTS)
    assert {"price", "prefill", "decode", "hardware", "operator"} <= set(result.frames["costs"].columns)
    cch.cost_vs_price(result, data.Tables(**{n: f"data/{n}.csv" for n in RESOURCES}), DEFAULTS)


def test_values_only_the_solutions_quote_come_from_the_solutions_module(tables):
    from aicloud.solutions import china_chain as solutions

    result = cc.analyse(tables, DEFAULTS)
    assert not {"fit_cells", "fit_best", "fit_matched"} & set(result.values)
    answers = solutions.answers(result, {})
    assert answers["fit_cells"] == len(result.frames["chain_fit"]) and answers["fit_best"] >= 0


def test_a_year_whose_us_capex_is_zero_is_not_the_comparison_year(tables):
    zero = dict(tables)
    zero["capex_spending"] = tables["capex_spending"].assign(amount_bn=0.0)
    result = cc.analyse(zero, DEFAULTS)
    assert "capex_ratio" not in result.values and result.values["capex_text"] == cc.TEXT["capex_none"]
    assert "inf" not in result.titles["capex"]
    default = cc.analyse(tables, DEFAULTS).values
    assert default["capex_text"].startswith(f"The largest Chinese figure for {default['capex_year']} is USD")


# --- Review 3: China's evidence as context, like with like, late evidence, words that follow the numbers ----------
REVIEW3 = Path(__file__).parent / "data" / "review3"


def test_c16_supports_only_on_a_marketplace_count(tables):
    """review 3 A1: fig_c16 was SUPPORTS whenever the company had no open-weights event."""
    fig = cc.chain_figure("C16", cc.prepare(tables), RATED)            # the data hold no marketplace count
    assert fig.points == cc.MIXED and not fig.decides and "no count of the open models" in fig.text
    no_open = {**tables, "timeline_events": tables["timeline_events"][
        ~tables["timeline_events"]["event"].str.contains("open", case=False)]}
    fig = cc.chain_figure("C16", cc.prepare(no_open), RATED)
    assert fig.points != cc.SUPPORTS and not fig.decides
    for count, points in ((cc.DOZENS, cc.SUPPORTS), (cc.DOZENS - 1, cc.CONTRADICTS)):
        row = pd.DataFrame([{**tables["china_reference"].iloc[0].to_dict(), "metric": cc.MARKETPLACE_METRIC,
                             "value": float(count), "period": "2024"}])
        counted = {**tables, "china_reference": pd.concat([tables["china_reference"], row], ignore_index=True)}
        fig = cc.chain_figure("C16", cc.prepare(counted), RATED)
        assert fig.points == points and fig.decides and f"count {count:,}" in fig.text


def test_c21_compares_open_weight_with_open_weight_when_no_closed_us_model_is_scored(tables):
    """review 3 A3: gpt-oss-120b was called 'the best US model'."""
    fig = cc.chain_figure("C21", cc.prepare(tables), RATED)
    assert not fig.comparable and "best US open-weight model in the data (gpt-oss-120b" in fig.text
    scores = tables["china_model_scores"].copy()
    head = scores["benchmark"] == "Artificial Analysis Intelligence Index"
    closed = scores[head & (scores["model"] == "gpt-oss-120b")].assign(model="Frontier", weights="closed", score=62.0)
    ev = cc.prepare({**tables, "china_model_scores": pd.concat([scores, closed], ignore_index=True)})
    fig = cc.chain_figure("C21", ev, RATED)
    assert fig.comparable and fig.value == 2.0 and "best US model" in fig.text and fig.points == cc.SUPPORTS


def test_figures_on_rows_published_after_the_article_say_so(tables, evidence):
    """review 3 A2: Alibaba's 2025Q4 growth and Cambricon's FY2025 revenue decided verdicts unflagged."""
    c13 = cc.chain_figure("C13", evidence, RATED)
    assert "2025Q4" in c13.text and c13.text.endswith("(published after the article).")
    c10 = cc.chain_figure("C10", evidence, RATED)
    assert "FY2025) (published after the article)" in c10.text and "not the clouds' own chips" in c10.text
    c37 = cc.c37_strong_get_stronger(evidence, DEFAULTS)
    assert "2025-Q4 (published after the article)" in c37.reason
    early = {**tables, "china_cloud_revenue": tables["china_cloud_revenue"][
        tables["china_cloud_revenue"]["period_end"] <= pd.Timestamp("2025-09-30")]}
    assert "after the article" not in cc.chain_figure("C13", cc.prepare(early), RATED).text


def test_c12_wording_follows_which_line_grew_faster(evidence):
    """review 3 B10: 'renting out compute pays too' was typed, even when the rental line grew slower."""
    d = evidence.figures["C12"]
    assert "faster than" in cc.chain_figure("C12", evidence, RATED).text and "pays" not in cc.TEXT["fig_c12"]
    slower = cc.Evidence(figures={"C12": {**d, "growth": d["seg"] - 0.1}}, sources={"C12": ()})
    assert "slower than" in cc.chain_figure("C12", slower, RATED).text


def test_rising_rents_are_not_called_falling(tables):
    """review 3 B10: rents_rise.csv (every 'after' rent 3x) gave 'Every report has GPU rents falling: to 90%-173%'."""
    rising = {**tables, "china_gpu_rents": data.load("china_gpu_rents", REVIEW3 / "rents_rise.csv")}
    res = cc.analyse(rising, DEFAULTS)
    ratios = res.frames["_evidence"].figures["C38"]["ratios"]["ratio"]
    k, n = int((ratios < 1).sum()), len(ratios)
    assert 0 < n - k and f"{k} of {n} reports" in res.titles["rents"] and "Every report" not in res.titles["rents"]
    fig = cc.chain_figure("C38", res.frames["_evidence"], RATED)
    assert f"In {k} of {n} reports" in fig.text and fig.points == cc.MIXED
    default = cc.analyse(tables, DEFAULTS).titles["rents"]
    assert default.startswith("5 of 5 reports") and "rents fell to" in default
