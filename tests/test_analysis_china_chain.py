"""The China-chain rules pin which data pattern gives which verdict; the analysis runs on the default data and
on generated share tables without a crash, a NaN or an undeclared parameter."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud import data, params, robustness
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import china_chain as cc
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE_HERE, PARTLY, SUPPORTED, Verdict

DECLARED = {p.name: p for p in params.read("china_chain")}
DEFAULTS = {name: p.default for name, p in DECLARED.items()}
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
        fig = cc.chain_figure(claim, evidence, DEFAULTS)
        assert math.isfinite(fig.value) and fig.points in (cc.SUPPORTS, cc.CONTRADICTS, cc.MIXED, cc.NONE)
        assert fig.text and "nan" not in fig.text.lower()
        assert fig.points == cc.NONE or fig.sources, claim


def test_the_token_leader_is_not_the_revenue_leader_in_china(evidence):
    assert cc.chain_figure("C01", evidence, DEFAULTS).points == cc.SUPPORTS


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
