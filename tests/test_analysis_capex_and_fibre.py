"""The capex and fibre chapter's analysis and its verdict rules (C36, C38): which data pattern gives which
verdict, where each verdict turns, and what the page says when the data cannot decide."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud import data, robustness
from aicloud import params as params_mod
from aicloud.analysis import RecordingParams, rules_of
from aicloud.analysis import capex_and_fibre as chapter
from aicloud.analysis import capex_and_fibre_text as text
from aicloud.analysis import china_chain as cc
from aicloud.models import capex
from aicloud.solutions import capex_and_fibre as solutions
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

DECLARED = params_mod.read("capex_and_fibre")
DEFAULTS = {p.name: p.default for p in DECLARED}
BAD = re.compile(r"\b(nan|NaN|inf|None|NaT)\b")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: data.load(name) for name in chapter.RESOURCES}


def variant(tables, **changes) -> dict[str, pd.DataFrame]:
    """The default tables with some replaced (a function of the old table, or a new table)."""
    out = dict(tables)
    for name, change in changes.items():
        out[name] = change(tables[name].copy()) if callable(change) else change
    return out


def verdict(tables, claim: str, **params):
    ev = chapter.prepare(tables)
    return rules_of(chapter)[claim](ev, {**DEFAULTS, **params})


def texts(result) -> list[str]:
    return [v for v in result.values.values() if isinstance(v, str)] + list(result.titles.values()) + [
        s for v in result.verdicts.values() for s in (v.figure, v.reason)]


def assert_clean(result) -> None:
    for value in result.values.values():
        if isinstance(value, float):
            assert math.isfinite(value)
    for sentence in texts(result):
        assert not BAD.search(sentence), sentence
        for year in re.findall(r"from (\d{4}) to (\d{4})", sentence):
            assert year[0] != year[1], sentence


# C36 -----------------------------------------------------------------------------------------------------------

def test_c36_the_pledge_at_the_articles_figure_with_the_department_is_supported(tables):
    v = verdict(tables, "C36")
    assert v.label == SUPPORTED and "pledged more than RMB 380 bn" in v.reason and "17 Dec 2025" in v.reason


def test_c36_a_pledge_below_the_articles_figure_with_the_department_is_partly_supported(tables):
    raised = variant(tables, capex_spending=lambda s: s.assign(
        amount_bn=np.where(s["status"] == "claim", s["amount_bn"] + 0.01, s["amount_bn"])))
    v = verdict(raised, "C36")
    assert v.label == PARTLY and "less than the 380 bn the article says" in v.reason


def test_c36_a_short_pledge_and_no_department_is_contradicted(tables):
    raised = variant(tables, capex_spending=lambda s: s.assign(
        amount_bn=np.where(s["status"] == "claim", 500.0, s["amount_bn"])))
    v = verdict(raised, "C36", department_actor="Nobody")
    assert v.label == CONTRADICTED and "no organisational move by Nobody" in v.reason


def test_c36_the_pledge_holds_and_the_department_is_missing_says_the_half_is_not_tested(tables):
    v = verdict(tables, "C36", department_actor="Nobody")
    assert v.label == SUPPORTED and "not tested here" in v.reason


def test_c36_without_a_pledge_is_not_testable_with_this_data(tables):
    v = verdict(variant(tables, capex_spending=lambda s: s[s["status"] != "pledge"]), "C36")
    assert v.label == NOT_TESTABLE_HERE


def test_c36_compares_a_pledge_and_a_claim_in_different_currencies_at_the_assumed_rate(tables):
    # The claim restated as USD 380 x 0.14 = 53.2 bn: equal at the rate 0.14, short of it at a higher rate.
    def usd_claim(s):
        claim = s["status"] == "claim"
        return s.assign(currency=np.where(claim, "USD", s["currency"]),
                        amount_bn=np.where(claim, 380 * 0.14, s["amount_bn"]))
    restated = variant(tables, capex_spending=usd_claim)
    assert verdict(restated, "C36", usd_per_rmb=0.14).label == SUPPORTED
    assert verdict(restated, "C36", usd_per_rmb=0.139).label == PARTLY


# C38 -----------------------------------------------------------------------------------------------------------

def test_c38_is_not_testable_yet_because_ais_wait_after_a_bust_cannot_be_observed(tables):
    v = verdict(tables, "C38")
    assert v.label == NOT_TESTABLE and v.figure.startswith("not testable yet")
    assert "Not testable yet" in v.reason and "none has happened" in v.reason
    assert "outlives its payback" not in v.reason        # the old test, which fibre itself would fail


def test_c38_sets_asset_life_against_fibres_wait_not_against_payback(tables):
    ev = chapter.prepare(tables)
    lag = ev.fibre_lag
    # WorldCom (July 2002) is the last large filing; in 2005 the WSJ still put 15% of installed fibre in use.
    assert (lag["bust_year"], lag["dark_year"], lag["years"]) == (2002, 2005, 3.0) and lag["in_use"] == 15
    v = verdict(tables, "C38")
    assert "fibre waited at least 3 years" in v.reason
    assert "would have at most 2 of their 5 years left" in v.reason
    assert "buildings and power (about 20 years, assumed) would outlast it" in v.reason
    assert "would be worn out before a wait of at least 3 years" in verdict(tables, "C38", gpu_life_years=3.0).reason
    assert "would not outlast it" in text.durability_paragraph(fibre_life=25, gpu_life=5, building_life=2,
                                                                lag=lag)


def test_c38_without_a_dated_share_of_fibre_after_the_bust_says_the_wait_is_not_measured(tables):
    early = variant(tables, capex_fibre_use=lambda u: u[u["year"] <= 2002])
    assert chapter.prepare(early).fibre_lag is None
    v = verdict(early, "C38")
    assert v.label == NOT_TESTABLE and "do not measure that wait even for fibre" in v.reason


def test_c38_the_steady_state_counts_capital_only_and_shows_both_revenues(tables):
    ev = chapter.prepare(tables)
    tests = {t: (h, f) for t, h, f in chapter.analogy_tests(ev, DEFAULTS)}
    holds, figures = tests[text.TEST_REVENUE]
    run = ev.update["run_rate"]                       # GPU spend; energy is left to the margin, not counted twice
    assert run < ev.update["cost"]
    gross60 = DEFAULTS["ai_revenue_usd_bn"] * DEFAULTS["margin_central"]
    gross100 = 100 * DEFAULTS["margin_central"]       # the latest essay's own revenue (Sequoia, 2024)
    assert f"write-off of GPU spend at that run-rate is USD {run:,.0f} bn" in figures
    assert f"{gross60 / run:.0%} at USD 60 bn of revenue (assumed)" in figures
    assert f"{gross100 / run:.0%} at USD 100 bn of revenue (as in the essay of 2024-06-20)" in figures
    assert holds is True
    # Spending is ahead of revenue at one revenue and not at the other: the test does not decide.
    split = {t: h for t, h, _ in chapter.analogy_tests(
        ev, {**DEFAULTS, "ai_revenue_usd_bn": 400.0, "margin_central": 0.9})}
    assert split[text.TEST_REVENUE] is None


def test_c38_weighs_chinas_unused_capacity_with_its_caveat(tables):
    ev = chapter.prepare(tables)
    assert ev.china_use["share"] == pytest.approx(0.8) and ev.china_use["qualifier"] == "up to"
    tests = {t: (h, f) for t, h, f in chapter.analogy_tests(ev, DEFAULTS)}
    holds, figures = tests[text.TEST_USE]
    assert holds is True and "a single reported estimate" in figures
    page = chapter.analyse(tables, DEFAULTS).values["use_text"]
    assert "For AI there is no comparable public figure" not in page
    assert "up to 80% of newly built computing resources reported unused" in page
    assert "not a utilisation statistic" in page
    none = variant(tables, china_reference=lambda r: r[r["metric"] != "unused_share_new_compute"])
    assert {t: h for t, h, _ in chapter.analogy_tests(chapter.prepare(none), DEFAULTS)}[text.TEST_USE] is None


def test_c38_robustness_says_the_label_holds_over_every_range(tables):
    ev = chapter.prepare(tables)
    swept = robustness.sweep_rules(rules_of(chapter), ev, DEFAULTS, DECLARED, draws=200)
    assert not swept["C38"].flips
    assert swept["C36"].held == ("department_actor",)


@settings(max_examples=60, deadline=None)
@given(life=st.floats(3, 7), revenue=st.floats(20, 400), margin=st.floats(0.05, 0.9), building=st.floats(15, 40))
def test_c38_stays_not_testable_anywhere_in_the_ranges(tables, life, revenue, margin, building):
    v = verdict(tables, "C38", gpu_life_years=life, ai_revenue_usd_bn=revenue, margin_central=margin,
                building_life_years=building)
    assert v.label == NOT_TESTABLE and not BAD.search(v.reason)


def test_a_margin_of_one_gives_the_real_cause(tables):
    one = variant(tables, capex_sequoia=lambda s: s.assign(
        value=np.where(s["metric"] == "end_user_margin", 1.0, s["value"])))
    result = chapter.analyse(one, DEFAULTS)
    assert "divides by one minus the margin, which is then zero" in result.values["seq_intro"]
    assert "no NVIDIA quarter" not in result.values["seq_text"]
    assert "no essay with all the inputs" not in result.values["seq_intro"]


def test_a_restatement_beyond_the_price_index_is_labelled_an_assumption(tables):
    prices = chapter.analyse(tables, DEFAULTS).values["prices_text"]
    assert "(the index ends in 2024; the year after it is an assumption, prices rising 2.7% a year)" in prices
    future = variant(tables, capex_spending=lambda s: s.assign(
        period_start=s["period_start"] + pd.DateOffset(years=70), period_end=s["period_end"] + pd.DateOffset(years=70)))
    far = chapter.analyse(future, DEFAULTS).values["prices_text"]
    assert "in 2095 dollars" in far and "the 71 years after it are an assumption" in far


# The page ------------------------------------------------------------------------------------------------------

def test_every_declared_parameter_is_read_and_each_rule_reads_only_what_it_declares(tables):
    recording = RecordingParams(DEFAULTS)
    result = chapter.analyse(tables, recording)
    ev = chapter.prepare(tables)
    solutions.answers(ev, recording, result)
    unread = {p.name for p in DECLARED if p.resource is None} - recording.read
    assert not unread
    for claim, rule in rules_of(chapter).items():
        mine = RecordingParams(DEFAULTS)
        rule(ev, mine)
        assert mine.read <= set(rule.reads), claim


def test_every_numeric_parameter_has_a_documented_range():
    assert all(p.low is not None for p in DECLARED if p.type in ("int", "float"))


def test_the_lowest_fibre_share_says_what_it_measures_or_that_it_does_not(tables):
    result = chapter.analyse(tables, DEFAULTS)
    assert "a share of unclear" not in result.values["use_text"]
    assert "the lowest (Financial Times) does not say what it is a share of" in result.values["use_text"]
    assert text.share_of("installed fibre") == "is a share of installed fibre"


def test_the_telecom_peak_is_restated_in_the_latest_capex_years_dollars(tables):
    result = chapter.analyse(tables, DEFAULTS)
    index = dict(zip(tables["capex_price_index"]["year"], tables["capex_price_index"]["index"]))
    base = index[max(index)] * (1 + DEFAULTS["inflation_after_index"]) ** (result.values["base_year"] - max(index))
    assert result.values["tel_peak_real"] == pytest.approx(result.values["tel_peak"] * base / index[2000])
    assert f"USD {result.values['tel_peak_real']:,.0f} bn in 2025 dollars" in result.values["prices_text"]


def test_a_peak_before_the_price_index_is_left_in_nominal_dollars(tables):
    early = variant(tables, capex_price_index=lambda p: p[p["year"] >= 2001])
    result = chapter.analyse(early, DEFAULTS)
    assert "tel_peak_real" not in result.values and "not restated" in result.values["prices_text"]


def test_the_cross_decade_comparison_uses_cash_purchases_where_companies_report_them(tables):
    ev = chapter.prepare(tables)
    from aicloud.analysis.capex_and_fibre_page import cash_basis_total

    total, note = cash_basis_total(ev, 0.14, 2025)
    a = ev.annual[(ev.annual["year"] == 2025) & (ev.annual["country"] == "US") & (ev.annual["months"] == 12)]
    expected = sum(a[(a["company"] == c) & (a["measure_id"] == m)]["amount_bn"].sum()
                   for c, m in [("Alphabet", "ppe-purchases"), ("Amazon", "ppe-purchases"), ("Meta", "incl-leases"),
                                ("Microsoft", "ppe-purchases")])
    assert total == pytest.approx(expected) and "Meta's includes finance leases" in note


def test_nvidia_years_use_a_stated_annual_figure_over_a_sum_of_quarters():
    quarters = pd.DataFrame({"fiscal_year": [2025] * 4 + [2026] * 3, "fiscal_quarter": [1, 2, 3, 4, 1, 2, 3],
                             "quarter_end": pd.to_datetime(["2024-04-28", "2024-07-28", "2024-10-27", "2025-01-26",
                                                            "2025-04-27", "2025-07-27", "2025-10-26"]),
                             "revenue_usd_bn": [22.6, 26.3, 30.8, 35.6, 39.1, 41.1, 51.2], "source_id": "q"})
    summed = chapter.nvidia_fiscal_years(quarters)
    assert list(summed["fiscal_year"]) == [2025] and summed["usd_bn"].iloc[0] == pytest.approx(115.3)
    annual = pd.concat([quarters, pd.DataFrame({"fiscal_year": [2025], "fiscal_quarter": [np.nan],
                                                "quarter_end": pd.to_datetime(["2025-01-26"]),
                                                "revenue_usd_bn": [115.2], "source_id": "10-k"})])
    stated = chapter.nvidia_fiscal_years(annual)
    assert stated["usd_bn"].iloc[0] == 115.2 and stated["how"].iloc[0] == "annual figure"
    table = pd.DataFrame({"fiscal_year": [2025], "fiscal_year_end": pd.to_datetime(["2025-01-26"]),
                          "revenue_usd_bn": [115.2], "reported_growth_pct": [142.0], "source_id": ["10-k"]})
    from_table = chapter.nvidia_fiscal_years(quarters, table)
    assert from_table["usd_bn"].iloc[0] == 115.2 and from_table["source_id"].iloc[0] == "10-k"


def test_the_steady_state_writes_off_a_years_spending_whatever_the_life(tables):
    result = chapter.analyse(tables, DEFAULTS)
    row = result.frames["payback"].iloc[0]
    assert row["capital base"].startswith("GPU spend at NVIDIA's")     # capital only, no energy
    assert row["USD bn"] == pytest.approx(chapter.prepare(tables).update["run_rate"])
    assert row["yearly depreciation"] == pytest.approx(row["USD bn"])
    assert row["installed base"] == pytest.approx(row["USD bn"] * DEFAULTS["gpu_life_years"])
    assert "falls short of that depreciation" in result.values["steady_text"]
    assert "energy among them, are not in it" in result.values["steady_text"]


# Degenerate but valid data -------------------------------------------------------------------------------------

def one_year(spending: pd.DataFrame) -> pd.DataFrame:
    return spending[(spending["period_end"].dt.year == 2025) | (spending["status"] != "reported")]


DEGENERATE = {
    "one year of capex": dict(capex_spending=one_year),
    "one company": dict(capex_spending=lambda s: s[s["company"] == "Alphabet"]),
    "no spending at all": dict(capex_spending=lambda s: s.iloc[0:0]),
    "no AI revenue row": dict(capex_ai_revenue=lambda a: a.iloc[0:0]),
    "NVIDIA years outside the capex years": dict(nvidia_dc_revenue=lambda n: n[n["fiscal_year"] == 2023],
                                                 nvidia_dc_revenue_annual=lambda n: n[n["fiscal_year"] == 2023]),
    "no NVIDIA data": dict(nvidia_dc_revenue=lambda n: n.iloc[0:0], nvidia_dc_revenue_annual=lambda n: n.iloc[0:0]),
    "one Sequoia essay": dict(capex_sequoia=lambda s: s[s["essay_id"] == "sequoia-600b"]),
    "no Sequoia essay": dict(capex_sequoia=lambda s: s.iloc[0:0]),
    "no comparisons": dict(capex_comparisons=lambda c: c.iloc[0:0]),
    "one fibre figure": dict(capex_fibre_use=lambda u: u.head(1)),
    "no fibre figures or facts": dict(capex_fibre_use=lambda u: u.iloc[0:0], capex_fibre_facts=lambda f: f.iloc[0:0]),
    "no telecom series": dict(capex_telecom_capex=lambda t: t.iloc[0:0],
                              capex_telecom_bankruptcies=lambda b: b.iloc[0:0]),
    "no price index": dict(capex_price_index=lambda p: p.iloc[0:0]),
    "no events": dict(timeline_events=lambda e: e.iloc[0:0]),
}


@pytest.mark.parametrize("case", list(DEGENERATE), ids=list(DEGENERATE))
def test_degenerate_data_gives_a_stated_page_not_a_crash(tables, case):
    varied = variant(tables, **DEGENERATE[case])
    result = chapter.analyse(varied, DEFAULTS)
    assert_clean(result)
    assert set(result.verdicts) == {"C36", "C38"}
    solutions.answers(chapter.prepare(varied), DEFAULTS, result)


def test_one_year_of_capex_compares_no_year_with_itself(tables):
    result = chapter.analyse(variant(tables, **DEGENERATE["one year of capex"]), DEFAULTS)
    assert "as well" not in result.values["spend_text"]


def test_no_spending_says_so(tables):
    result = chapter.analyse(variant(tables, **DEGENERATE["no spending at all"]), DEFAULTS)
    assert result.values["spend_text"].startswith("The data hold no full year")
    assert result.verdicts["C36"].label == NOT_TESTABLE_HERE


def test_the_payback_exercise_finds_the_growth_at_which_payback_equals_the_gpu_life(tables):
    ev = chapter.prepare(tables)
    cost, revenue, margin = ev.update["run_rate"], DEFAULTS["ai_revenue_usd_bn"], DEFAULTS["margin_central"]
    growth = solutions.growth_at_life(cost, revenue, margin, DEFAULTS["gpu_life_years"])
    assert capex.payback_year(cost, revenue, margin, growth) == pytest.approx(DEFAULTS["gpu_life_years"], rel=1e-6)
    answer = solutions.answers(ev, DEFAULTS, chapter.analyse(tables, DEFAULTS))["sol_payback"]
    assert f"below about {growth:.0%} a year" in answer


# China's evidence weighed by the rules (aicloud.analysis.china_chain.add_china) ---------------------------------

def with_china(tables, claim: str, points: str, **params):
    """The rule's verdict with China's evidence on `claim` pointing the way given."""
    ev = chapter.prepare(tables)
    fig = cc.ChainFigure(claim, 0.5, f"Test evidence on {claim}.", points, "proxy", ("china-test",))
    ev.china = cc.China(cc.Evidence(), {claim: fig}, {})
    return rules_of(chapter)[claim](ev, {**DEFAULTS, **params})


def test_c36_china_spending_at_the_pledges_pace_keeps_or_lowers_the_verdict(tables):
    assert with_china(tables, "C36", cc.SUPPORTS).label == SUPPORTED
    v = with_china(tables, "C36", cc.MIXED)
    assert v.label == PARTLY and "rather than supported" in v.reason
    assert with_china(tables, "C36", cc.NONE).label == SUPPORTED
    short = variant(tables, capex_spending=lambda s: s.assign(
        amount_bn=np.where(s["status"] == "claim", 500.0, s["amount_bn"])))
    v = with_china(short, "C36", cc.SUPPORTS, department_actor="Nobody")
    assert v.label == CONTRADICTED and "not on the one that fails" in v.reason
    none = variant(tables, capex_spending=lambda s: s[s["status"] != "pledge"])
    assert with_china(none, "C36", cc.SUPPORTS).label == NOT_TESTABLE_HERE


def test_c38_china_rents_and_idle_capacity_do_not_decide_the_central_part(tables):
    for points in (cc.SUPPORTS, cc.MIXED, cc.CONTRADICTS):
        v = with_china(tables, "C38", points)
        assert v.label == NOT_TESTABLE and "shown as context" in v.reason


def test_china_evidence_on_the_default_data(tables):
    ev = chapter.prepare(tables)
    for claim, label in (("C36", SUPPORTED), ("C38", NOT_TESTABLE)):
        v = rules_of(chapter)[claim](ev, DEFAULTS)
        assert v.label == label and "China's evidence:" in v.reason and "This supports the claim" in v.reason


def test_the_chapter_states_its_verdicts_when_the_china_tables_are_degenerate(tables):
    china = ("china_capex", "china_gpu_rents", "china_reference")
    result = chapter.analyse(variant(tables, **{n: tables[n].iloc[0:0] for n in china}), DEFAULTS)
    for claim in ("C36", "C38"):
        assert "hold no evidence" in result.verdicts[claim].reason
        assert not BAD.search(result.verdicts[claim].reason)


@pytest.mark.parametrize("changes", [
    {"margin_low": 0.9, "margin_central": 0.05},
    {"growth_low": 1.5, "growth_central": -0.2, "growth_high": -0.2},
    {"margin_central": 0.7, "margin_high": 0.6},
], ids=["margin low above central", "growth inverted", "margin central above high"])
def test_inverted_assumption_ranges_are_refused_before_the_chapter_runs(changes):
    # review 2 #8: "the high case ... needs at least never years, the low case up to 0.8" came from such values.
    with pytest.raises(params_mod.ParameterError, match="must not exceed its central value or high end"):
        params_mod.check_order(DECLARED, {**DEFAULTS, **changes})
    params_mod.check_order(DECLARED, DEFAULTS)


def test_the_spending_headline_says_when_its_year_was_published_after_the_article(tables):
    """Full-year 2025 figures (published Jan/Feb 2026) headline the chapter: the title and text say so (review 3
    A2); with only figures for years ending by the article's date, they do not."""
    late = chapter.analyse(tables, DEFAULTS)
    assert late.values["latest_year"] == 2025
    assert late.titles["spend"].endswith("(published after the article)")
    assert "published after the article" in late.values["spend_text"]
    spending = tables["capex_spending"]
    early = chapter.analyse(variant(tables, capex_spending=spending[spending["period_end"] < "2025-01-01"]),
                            DEFAULTS)
    assert early.values["latest_year"] < 2025
    assert "after the article" not in early.titles["spend"] + early.values["spend_text"]


def test_a_payback_that_never_comes_is_said_in_words_for_every_case():
    """review3 B11: "needs at least never years" with valid equal cases; and no "2.0 to 2.0" range."""
    inf = math.inf
    args = {"ai_revenue": 400.0, "margin": {"low": 0.05, "central": 0.05, "high": 0.05},
            "growth": {"low": -0.2, "central": -0.2, "high": -0.2}, "n_bases": 2, "gpu_life": 5.0}
    never = text.payback_paragraph(central=[inf, inf], high=[inf, inf], low=[inf, inf], **args)
    assert "never years" not in never and "the high case (margin 5%, growth -20%) never repays it" in never
    some = text.payback_paragraph(central=[3.0, inf], high=[2.0, 4.0], low=[inf, inf], **args)
    assert "in at least 3.0 years on some capital bases and never on the others" in some
    same = text.payback_paragraph(central=[2.0, 2.0], high=[1.0, 1.0], low=[5.0, 5.0], **args)
    assert "2.0 to 2.0" not in same and "in 2.0 years across the 2 capital bases" in same
