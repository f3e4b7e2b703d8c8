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
from aicloud.models import capex
from aicloud.solutions import capex_and_fibre as solutions
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

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

def central_payback(tables, **params) -> float:
    ev = chapter.prepare(tables)
    p = {**DEFAULTS, **params}
    return capex.payback_year(ev.update["cost"], p["ai_revenue_usd_bn"], p["margin_central"], p["growth_central"])


def test_c38_fails_its_central_test_when_payback_outlasts_the_gpus(tables):
    payback = central_payback(tables)
    assert payback > DEFAULTS["gpu_life_years"]
    v = verdict(tables, "C38")
    assert v.label == CONTRADICTED
    assert f"GPU servers lasted {payback:.1f} years or more" in v.reason


def test_c38_turns_exactly_where_its_reason_says_on_the_gpu_life(tables):
    payback = central_payback(tables)
    assert verdict(tables, "C38", gpu_life_years=payback - 1e-6).label == CONTRADICTED
    assert verdict(tables, "C38", gpu_life_years=payback + 1e-6).label == SUPPORTED


def test_c38_turns_exactly_where_its_reason_says_on_ai_revenue(tables):
    ev = chapter.prepare(tables)
    at = capex.revenue_to_repay_within(ev.update["cost"], DEFAULTS["margin_central"], DEFAULTS["growth_central"],
                                       DEFAULTS["gpu_life_years"])
    assert f"AI revenue started at USD {at:,.0f} bn a year or more" in verdict(tables, "C38").reason
    assert verdict(tables, "C38", ai_revenue_usd_bn=at * 0.999).label == CONTRADICTED
    assert verdict(tables, "C38", ai_revenue_usd_bn=at * 1.001).label == SUPPORTED


def test_c38_with_the_central_test_passing_and_another_failing_is_partly_supported(tables):
    # Every commentator puts AI below the telecom peak: the scale test fails.
    lower = variant(tables, capex_comparisons=lambda c: c.assign(
        value=np.where((c["basis"] == "share-of-gdp") & (c["era"] == "ai"), 0.1, c["value"])))
    v = verdict(lower, "C38", gpu_life_years=7.0)
    assert v.label == PARTLY and "Breaks: Scale" in v.reason and "would fail if" in v.reason


def test_c38_without_nvidia_quarters_cannot_test_its_central_part(tables):
    v = verdict(variant(tables, nvidia_dc_revenue=lambda n: n.iloc[0:0]), "C38")
    assert v.label == NOT_TESTABLE_HERE and "capital base" in v.reason


def test_c38_spending_ahead_of_revenue_is_the_steady_state_test(tables):
    ev = chapter.prepare(tables)
    tests = {t: (h, f) for t, h, f in chapter.analogy_tests(ev, DEFAULTS)}
    holds, figures = tests[text.TEST_REVENUE]
    gross = DEFAULTS["ai_revenue_usd_bn"] * DEFAULTS["margin_central"]
    assert holds is (gross < ev.update["cost"])
    assert f"covers {gross / ev.update['cost']:.0%} of the yearly depreciation" in figures
    flipped = {t: h for t, h, _ in chapter.analogy_tests(
        ev, {**DEFAULTS, "ai_revenue_usd_bn": ev.update["cost"] / DEFAULTS["margin_central"] * 1.01})}
    assert flipped[text.TEST_REVENUE] is False


def test_c38_robustness_names_the_flips_inside_the_documented_ranges(tables):
    ev = chapter.prepare(tables)
    swept = robustness.sweep_rules(rules_of(chapter), ev, DEFAULTS, DECLARED, draws=500)
    flipping = {f.parameter for f in swept["C38"].flips}
    assert {"gpu_life_years", "ai_revenue_usd_bn"} <= flipping
    assert "gpu_life_years" in swept["C38"].summary()
    assert swept["C36"].held == ("department_actor",)


@settings(max_examples=60, deadline=None)
@given(life=st.floats(3, 7), revenue=st.floats(20, 400), margin=st.floats(0.05, 0.9), growth=st.floats(-0.2, 1.5))
def test_c38_gives_a_label_whose_reason_agrees_with_it_anywhere_in_the_ranges(tables, life, revenue, margin, growth):
    v = verdict(tables, "C38", gpu_life_years=life, ai_revenue_usd_bn=revenue, margin_central=margin,
                growth_central=growth)
    assert v.label in LABELS
    assert (", fails;" in v.reason) == (v.label == CONTRADICTED)


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
    assert row["yearly depreciation"] == pytest.approx(row["USD bn"])
    assert row["installed base"] == pytest.approx(row["USD bn"] * DEFAULTS["gpu_life_years"])
    assert "falls short of that depreciation" in result.values["steady_text"]


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
    cost, revenue, margin = ev.update["cost"], DEFAULTS["ai_revenue_usd_bn"], DEFAULTS["margin_central"]
    growth = solutions.growth_at_life(cost, revenue, margin, DEFAULTS["gpu_life_years"])
    assert capex.payback_year(cost, revenue, margin, growth) == pytest.approx(DEFAULTS["gpu_life_years"], rel=1e-6)
    answer = solutions.answers(ev, DEFAULTS, chapter.analyse(tables, DEFAULTS))["sol_payback"]
    assert f"below about {growth:.0%} a year" in answer
