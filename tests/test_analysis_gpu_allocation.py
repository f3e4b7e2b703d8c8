"""The GPU chapter's analysis and verdict rules (aicloud/analysis/gpu_allocation.py): one data pattern per verdict
each rule can return, its boundary, the degenerate files of issue 12 and the defects it lists."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicloud import data, params, robustness
from aicloud.analysis import RecordingParams
from aicloud.analysis import gpu_allocation as g
from aicloud.solutions import gpu_allocation as solutions
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

USER = Path(__file__).parent / "data" / "user"
DECLARED = params.read("gpu_allocation")
DEFAULTS = {p.name: p.default for p in DECLARED if not p.resource}


@cache
def default_tables() -> dict[str, pd.DataFrame]:
    t = data.Tables(**{p.resource: p.default for p in DECLARED if p.resource})
    return {p.resource: t[p.resource] for p in DECLARED if p.resource}


def tables(**frames: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {**default_tables(), **frames}


def buyers(*rows: tuple) -> pd.DataFrame:
    """(year, buyer, region, buyer_type, product, units[, in_article]) per row."""
    out = [{"year": r[0], "buyer": r[1], "region": r[2], "buyer_type": r[3], "product": r[4], "units": r[5],
            "approximate": False, "in_article": r[6] if len(r) > 6 else False, "source_id": "gpu-omdia-2024-ft"}
           for r in rows]
    return pd.DataFrame(out).astype({"year": "int64", "units": "int64"})


def events(*rows: tuple) -> pd.DataFrame:
    """(date, category, products[, chips]) per row."""
    out = [{"event_id": f"e{i}", "date": pd.Timestamp(r[0]), "date_precision": "day", "category": r[1],
            "products": r[2], "event": "test event", "chips": r[3] if len(r) > 3 else pd.NA,
            "source_id": "gpu-export-2022-08"} for i, r in enumerate(rows)]
    return pd.DataFrame(out).astype({"chips": "Int64"})


def evidence(**frames: pd.DataFrame) -> g.Evidence:
    return g.prepare(tables(**frames))


def verdict(claim: str, ev: g.Evidence, **overrides: float):
    return g.RULES[claim](ev, {**DEFAULTS, **overrides})


CHINA_2023 = [(2023, "Tencent", "China", "cloud", "H100", 50_000, True),
              (2023, "Baidu", "China", "cloud", "H100", 30_000, True),
              (2023, "Meta", "US", "platform", "H100", 150_000, True)]

BAD_TEXT = re.compile(r"\b(nan|NaN|inf|None|NaT)\b")
# A sentence comparing a year with itself: "54% in 2026 and 54% in 2026", "from 2026 to 2026".
SAME_YEAR = re.compile(r"\bin ((?:19|20)\d\d) and [^.;,]{0,40}\bin \1\b|\b(?:from|between) ((?:19|20)\d\d) "
                       r"(?:to|and) \2\b")


def assert_reads_well(result) -> None:
    """No missing or infinite number, no sentence comparing a year with itself, shares within 0-100%."""
    texts = [v for v in result.values.values() if isinstance(v, str)] + list(result.titles.values())
    texts += [t for v in result.verdicts.values() for t in (v.figure, v.reason)]
    for text in texts:
        assert not BAD_TEXT.search(text), text
        assert not SAME_YEAR.search(text), text
    for key, value in result.values.items():
        if isinstance(value, float):
            assert math.isfinite(value), key
        if key.endswith("_share") and isinstance(value, float):
            assert 0 <= value <= 1, key
    assert all(v.label in LABELS for v in result.verdicts.values())


# --- C03: scarcity and gatekeeping ------------------------------------------------------------------------


def test_c03_default_data_is_partly_supported_because_clouds_bought_half_in_2024():
    v = verdict("C03", evidence())
    assert v.label == PARTLY
    assert "most (84%) in 2023 and half (50%) in 2024" in v.reason


def test_c03_is_supported_when_clouds_bought_most_in_every_year_and_prices_show_scarcity():
    v = verdict("C03", evidence(gpu_buyers=buyers(*CHINA_2023)))
    assert v.label == SUPPORTED


def test_c03_is_not_testable_here_without_a_price_pair_or_a_lead_time():
    rows = [(2023, "Tencent", "China", "platform", "H100", 60_000), (2023, "Baidu", "China", "cloud", "H100", 40_000)]
    ev = evidence(gpu_buyers=buyers(*rows), gpu_reference=default_tables()["gpu_reference"].head(3),
                  gpu_price_estimates=default_tables()["gpu_price_estimates"].head(2))
    v = verdict("C03", ev)
    assert v.label == NOT_TESTABLE_HERE and "scarcity cannot be tested" in v.reason


MINORITY = [(2023, "Tencent", "China", "cloud", "H100", 40_000),
            (2023, "ByteDance", "China", "platform", "H100", 60_000)]


def test_c03_forty_percent_is_a_minority_never_mostly():
    rows = MINORITY
    v = verdict("C03", evidence(gpu_buyers=buyers(*rows)))
    assert "a minority (40%)" in v.reason and "most" not in v.reason.split("Gatekeeping")[1]


def test_c03_contradicted_when_the_premium_is_below_the_bar_without_lead_time_and_clouds_are_a_minority():
    rows = MINORITY
    ev = evidence(gpu_buyers=buyers(*rows), gpu_reference=default_tables()["gpu_reference"].head(3))
    assert verdict("C03", ev, scarcity_premium_min=1.0).label == PARTLY   # 133% premium still scarce
    prices = default_tables()["gpu_price_estimates"].copy()
    prices.loc[prices["market"] == "China", ["low_usd", "high_usd"]] = 33_000.0    # a 10% premium
    ev = evidence(gpu_buyers=buyers(*rows), gpu_reference=default_tables()["gpu_reference"].head(3),
                  gpu_price_estimates=prices)
    assert verdict("C03", ev, scarcity_premium_min=0.5).label == CONTRADICTED
    assert verdict("C03", ev, scarcity_premium_min=0.1).label == PARTLY    # boundary: a premium of 10% counts


def test_c03_boundary_a_share_shown_as_50_percent_is_half_not_most():
    rows = [(2023, "Tencent", "China", "cloud", "H100", 5_040), (2023, "ByteDance", "China", "platform", "H100", 4_960)]
    v = verdict("C03", evidence(gpu_buyers=buyers(*rows)))
    assert v.label == PARTLY and "half (50%)" in v.reason
    rows[0] = (2023, "Tencent", "China", "cloud", "H100", 5_100)
    assert verdict("C03", evidence(gpu_buyers=buyers(*rows))).label == SUPPORTED


@pytest.mark.parametrize("file,why", [("gpu_buyers_no_china.csv", "no Chinese buyer"),
                                      ("gpu_buyers_one_later_year.csv", "no year has both"),
                                      ("gpu_buyers_two_years.csv", "no year has both")])
def test_c03_is_not_testable_here_without_china_or_without_a_common_year(file, why):
    v = verdict("C03", evidence(gpu_buyers=data.load("gpu_buyers", USER / file)))
    assert v.label == NOT_TESTABLE_HERE and why in v.reason


# --- C04: the article's total against its named buyers -----------------------------------------------------


def test_c04_partly_supported_when_named_buyers_exceed_the_total():
    v = verdict("C04", evidence())
    assert v.label == PARTLY and "555,000" in v.figure


def test_c04_supported_when_named_buyers_fit_and_at_the_boundary_of_equality():
    rows = [(2023, "Meta", "US", "platform", "H100", 300_000, True), (2023, "X", "US", "cloud", "H100", 200_000, True)]
    assert verdict("C04", evidence(gpu_buyers=buyers(*rows))).label == SUPPORTED      # 500,000 = 500,000
    rows[1] = (2023, "X", "US", "cloud", "H100", 200_001, True)
    assert verdict("C04", evidence(gpu_buyers=buyers(*rows))).label == PARTLY


def test_c04_not_testable_here_with_nothing_flagged_no_year_or_no_claim():
    rows = [(2023, "Meta", "US", "platform", "H100", 300_000, False)]
    assert "flagged" in verdict("C04", evidence(gpu_buyers=buyers(*rows))).reason
    later = evidence(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_one_later_year.csv"))
    assert verdict("C04", later).label == NOT_TESTABLE_HERE
    est = default_tables()["gpu_shipment_estimates"]
    assert verdict("C04", evidence(gpu_shipment_estimates=est[est["kind"] != "claim"])).label == NOT_TESTABLE_HERE


def test_c04_named_fewer_than_the_total_says_fewer_never_a_negative_more():
    rows = [(2023, "Meta", "US", "platform", "H100", 100_000, True)]
    ev = evidence(gpu_buyers=buyers(*rows))
    text = g.claim_sentence(ev.claim)
    assert "400,000 fewer" in text and "-" not in text and "more" not in text


# --- C05 and C09: ranks among Chinese buyers ---------------------------------------------------------------


def test_c05_partly_supported_first_in_2023_and_tied_in_2024():
    v = verdict("C05", evidence())
    assert v.label == PARTLY and "tied first with ByteDance in 2024" in v.reason and "depends on the year" in v.reason


def test_c05_contradicted_when_tencent_is_never_first():
    rows = [(2023, "Tencent", "China", "cloud", "H100", 10_000), (2023, "Baidu", "China", "cloud", "H100", 30_000)]
    assert verdict("C05", evidence(gpu_buyers=buyers(*rows))).label == CONTRADICTED


def test_c05_and_c09_need_two_chinese_buyers_in_a_year():
    three = evidence(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_three_buyers.csv"))
    for claim in ("C05", "C09"):
        v = verdict(claim, three)
        assert v.label == NOT_TESTABLE_HERE and "fewer than two Chinese buyers" in v.reason
    none = evidence(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_no_china.csv"))
    assert "no Chinese buyer" in verdict("C05", none).reason


def test_c09_supported_when_alibaba_is_first_and_partly_when_not():
    rows = [(2023, "Alibaba", "China", "cloud", "H100", 60_000), (2023, "Baidu", "China", "cloud", "H100", 30_000)]
    assert verdict("C09", evidence(gpu_buyers=buyers(*rows))).label == SUPPORTED
    assert verdict("C09", evidence()).label == PARTLY
    rows[0] = (2023, "Alibaba", "China", "cloud", "H100", 30_000)           # tied: not the largest reserve
    assert verdict("C09", evidence(gpu_buyers=buyers(*rows))).label == PARTLY


# --- C06: export versions, high-end compute, no domestic scale ----------------------------------------------


def test_c06_supported_on_the_default_data_and_its_boundary_on_domestic_scale():
    ev = evidence()
    assert verdict("C06", ev).label == SUPPORTED                       # 20,000 Kunlun vs 125,000 NVIDIA: 16%
    assert verdict("C06", ev, domestic_scale_share=0.16).label == PARTLY   # 16% is at the bar: at scale
    assert verdict("C06", ev, domestic_scale_share=0.161).label == SUPPORTED


def test_c06_contradicted_without_a_licence_rule_before_the_year():
    ev = evidence(gpu_supply_events=events(("2024-01-10", "restriction", "H100"), ("2024-03-01", "compliant-product",
                                                                                   "H800")))
    assert verdict("C06", ev).label == CONTRADICTED


def test_c06_an_h20_family_share_can_make_compute_not_high_end():
    rows = [(2023, "Tencent", "China", "cloud", "Hopper", 200_000), (2023, "Meta", "US", "platform", "H100", 10_000)]
    ev = evidence(gpu_buyers=buyers(*rows))
    assert verdict("C06", ev, h20_share_china=0.5).label == SUPPORTED   # 0.5 x 1 + 0.5 x 0.15 = 0.57 H100
    assert verdict("C06", ev, h20_share_china=0.7).label == PARTLY      # 0.40 H100 each: not high-end


def test_c06_is_about_the_article_year_not_a_later_year_in_the_data():
    v = verdict("C06", evidence(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_one_later_year.csv")))
    assert v.label == NOT_TESTABLE_HERE and "2023" in v.reason and "2026" not in v.reason


# --- C07, C08 --------------------------------------------------------------------------------------------


def test_c07_is_not_testable_with_public_data():
    assert verdict("C07", evidence()).label == NOT_TESTABLE


def test_c08_partly_when_the_smallest_bill_reaches_the_bar_contradicted_below_it():
    ev = evidence()                                        # Tesla's 15,000 x USD 21,000 = USD 0.315 bn
    assert verdict("C08", ev).label == PARTLY
    assert verdict("C08", ev, capital_bar_usd_bn=0.315).label == PARTLY     # boundary: at the bar
    assert verdict("C08", ev, capital_bar_usd_bn=0.316).label == CONTRADICTED
    assert "a minority of the listed units" in verdict("C08", ev).reason


def test_c08_not_testable_here_without_the_article_year():
    later = evidence(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_one_later_year.csv"))
    assert verdict("C08", later).label == NOT_TESTABLE_HERE


# --- C10: acceleration before and after the first rule -----------------------------------------------------

RULE = ("2022-01-01", "restriction", "H100")


def test_c10_supported_when_cadence_and_scale_both_rose_enough():
    ev = evidence(gpu_supply_events=events(("2020-01-01", "domestic-chip", "A", 1_000), RULE,
                                           ("2022-06-01", "domestic-chip", "B", 3_000),
                                           ("2023-01-01", "domestic-chip", "C", 5_000)))
    assert verdict("C10", ev).label == SUPPORTED


def test_c10_partly_supported_on_the_default_data_and_contradicted_when_neither_rose():
    assert verdict("C10", evidence()).label == PARTLY
    ev = evidence(gpu_supply_events=events(("2018-01-01", "domestic-chip", "A", 5_000),
                                           ("2019-01-01", "domestic-chip", "B"), ("2020-01-01", "domestic-chip", "C"),
                                           RULE, ("2024-01-01", "domestic-chip", "D", 1_000)))
    v = verdict("C10", ev)
    assert v.label == CONTRADICTED and "fell" in v.reason and "shrank" in v.reason


def test_c10_boundary_a_ratio_equal_to_the_bar_counts_as_acceleration():
    ev = evidence(gpu_supply_events=events(("2020-01-01", "domestic-chip", "A", 1_000), RULE,
                                           ("2023-01-01", "domestic-chip", "B", 5_000)))
    ratio = ev.cadence.ratio                     # about 2: one milestone in two years before, one in one year after
    assert verdict("C10", ev, acceleration_min_ratio=ratio).label == SUPPORTED
    assert verdict("C10", ev, acceleration_min_ratio=ratio * (1 + 1e-9)).label == PARTLY


def test_c10_not_testable_here_without_milestones_on_both_sides():
    ev = evidence(gpu_supply_events=events(RULE, ("2023-01-01", "domestic-chip", "B", 2_000)))
    assert verdict("C10", ev).label == NOT_TESTABLE_HERE


# --- The whole chapter on degenerate but valid data ---------------------------------------------------------


@pytest.mark.parametrize("file", sorted(p.name for p in USER.glob("gpu_buyers_*.csv")))
def test_the_chapter_reads_well_with_each_user_buyers_file(file):
    t = tables(gpu_buyers=data.load("gpu_buyers", USER / file))
    result = g.analyse(t, DEFAULTS)
    assert_reads_well(result)
    answers = solutions.answers(result, DEFAULTS, DECLARED)    # the exercises cell divided by zero here
    assert all(not BAD_TEXT.search(a) for a in answers.values() if isinstance(a, str))


HAND_MADE = {
    "one buyer, one year": [(2024, "Solo", "US", "cloud", "B200", 1_000)],
    "two buyers": [(2025, "A", "US", "cloud", "Blackwell", 10), (2025, "B", "China", "platform", "H20", 10)],
    "zero units": [(2023, "A", "US", "cloud", "H100", 0), (2024, "A", "US", "cloud", "H100", 5)],
    "unknown product": [(2023, "A", "China", "cloud", "Mystery-9", 100), (2023, "B", "US", "cloud", "H100", 100)],
    "same share both years": [(2023, "A", "China", "cloud", "H100", 54), (2023, "B", "US", "cloud", "H100", 46),
                              (2024, "A", "China", "cloud", "H100", 54), (2024, "B", "US", "cloud", "H100", 46)],
}


@pytest.mark.parametrize("case", sorted(HAND_MADE))
def test_the_chapter_reads_well_on_small_hand_made_tables(case):
    result = g.analyse(tables(gpu_buyers=buyers(*HAND_MADE[case])), DEFAULTS)
    assert_reads_well(result)
    solutions.answers(result, DEFAULTS, DECLARED)


def test_a_change_that_rounds_to_zero_is_no_change_never_plus_zero():
    assert g.change_phrase(0.3, "percentage points") == "no change"
    result = g.analyse(tables(gpu_buyers=buyers(*HAND_MADE["same share both years"])), DEFAULTS)
    assert "(no change)" in result.values["later_year_sentence"]
    assert "+0 " not in result.values["later_year_sentence"]


def test_one_year_of_buyers_never_compares_the_year_with_itself():
    result = g.analyse(tables(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_one_later_year.csv")), DEFAULTS)
    assert result.values["later_year_sentence"].startswith("The data hold 2026 only")
    assert result.values["cloud_sentence"].count("2026") == 1


def test_revenue_with_one_quarter_has_no_peak_growth_and_no_error():
    rev = default_tables()["nvidia_dc_revenue"].head(1)
    result = g.analyse(tables(nvidia_dc_revenue=rev), DEFAULTS)
    assert "one quarter only" in result.values["revenue_sentence"]
    assert "peak_yoy" not in result.values


def test_no_domestic_milestone_with_a_restriction_on_one_side_only_is_stated():
    ev = evidence(gpu_supply_events=events(RULE))
    assert ev.cadence is None and verdict("C10", ev).label == NOT_TESTABLE_HERE


# --- Corrections of issue 13 --------------------------------------------------------------------------------


def test_nvidia_peak_growth_is_the_427_percent_nvidia_reports_not_428_from_rounded_quarters():
    v = g.analyse(tables(), DEFAULTS).values
    assert v["peak_yoy_label"] == "FY2025 Q1" and round(v["peak_yoy"] * 100) == 427 and v["peak_yoy_reported"]


def test_nvidia_fy2025_data_center_revenue_is_the_annual_115_2_not_the_quarters_115_3():
    v = g.analyse(tables(), DEFAULTS).values
    assert v["annual_usd_bn"] == pytest.approx(115.2)
    assert v["annual_quarter_sum"] == pytest.approx(115.3)


def test_china_share_in_compute_counts_an_h20_at_its_own_tflops():
    rows = [r for r in g.analyse(tables(), {**DEFAULTS, "h20_share_china": 1.0}).frames["compute"].to_dict("records")]
    by_year = {r["year"]: r for r in rows}
    assert by_year[2023]["compute_share"] == pytest.approx(by_year[2023]["unit_share"])   # H800 = H100 compute
    china_eq = 460_000 * 148 / 989.4
    assert by_year[2024]["compute_share"] == pytest.approx(china_eq / (china_eq + 1_274_000 * 989.5 / 989.4))


def test_chinese_2023_h100s_are_read_as_h800s_from_the_licence_rule():
    text = g.analyse(tables(), DEFAULTS).values["export_version_sentence"]
    assert "2023 H100s were almost certainly H800s" in text and "26 Aug 2022" in text


def test_a_product_licensed_later_is_not_given_an_older_export_version():
    text = g.analyse(tables(gpu_buyers=data.load("gpu_buyers", USER / "gpu_buyers_one_later_year.csv")),
                     DEFAULTS).values["export_version_sentence"]
    assert "H800" not in text


# --- Parameters and robustness ------------------------------------------------------------------------------


def test_every_declared_parameter_is_read_and_every_rule_reads_only_what_it_declares():
    recorded = RecordingParams(DEFAULTS)
    g.analyse(tables(), recorded)
    assert recorded.read == set(DEFAULTS)
    ev = evidence()
    for claim, r in g.RULES.items():
        seen = RecordingParams(DEFAULTS)
        r(ev, seen)
        assert seen.read <= set(r.reads), claim


def test_every_numeric_parameter_has_a_documented_range_that_holds_its_default():
    for p in DECLARED:
        if p.type in ("int", "float"):
            assert p.low is not None and p.high is not None, p.name
            assert p.low <= p.default <= p.high, p.name


def test_every_rule_is_swept_and_summarised_without_missing_numbers():
    sweeps = robustness.sweep_rules(g.RULES, evidence(), DEFAULTS, DECLARED, draws=500)
    assert set(sweeps) == {f"C{i:02d}" for i in range(3, 11)}
    for claim, s in sweeps.items():
        assert s.label == verdict(claim, evidence()).label
        assert not BAD_TEXT.search(s.summary())
    assert sweeps["C06"].flips and sweeps["C06"].flips[0].parameter == "domestic_scale_share"


@settings(max_examples=200, deadline=None)
@given(shares=st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=4),
       premium_min=st.floats(min_value=0.1, max_value=1.0), lead_min=st.floats(min_value=4, max_value=26))
def test_c03_label_agrees_with_the_words_of_its_reason(shares, premium_min, lead_min):
    rows = []
    for i, share in enumerate(shares):
        rows += [(2023 + i, "Cloudy", "China", "cloud", "H100", share + 1),
                 (2023 + i, "Platformy", "China", "platform", "H100", 101 - share)]
    ev = _c03_evidence(tuple(rows))
    v = verdict("C03", ev, scarcity_premium_min=premium_min, scarcity_lead_weeks_min=lead_min)
    words = re.findall(r"(most|half|a minority) \(\d+%\) in \d{4}", v.reason)
    assert len(words) == len(shares)
    scarce = "so compute was scarce" in v.reason
    if v.label == SUPPORTED:
        assert scarce and set(words) == {"most"}
    elif v.label == CONTRADICTED:
        assert not scarce and "most" not in words
    else:
        assert v.label == PARTLY and not (scarce and set(words) == {"most"})


@cache
def _c03_evidence(rows: tuple) -> g.Evidence:
    return evidence(gpu_buyers=buyers(*rows))
