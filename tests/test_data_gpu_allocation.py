"""The GPU chapter's data: NVIDIA's revenue as NVIDIA reports it, the events the C10 test needs, and sources."""

from __future__ import annotations

import pandas as pd
import pytest

from aicloud import data


@pytest.fixture(scope="module")
def quarters():
    return data.load("nvidia_dc_revenue")


@pytest.fixture(scope="module")
def annual():
    return data.load("nvidia_dc_revenue_annual")


@pytest.fixture(scope="module")
def events():
    return data.load("gpu_supply_events")


def test_each_annual_figure_agrees_with_its_four_rounded_quarters_within_rounding(quarters, annual):
    for _, year in annual.iterrows():
        q = quarters[quarters["fiscal_year"] == year["fiscal_year"]]
        if len(q) == 4:
            # each quarter is rounded to at most 0.05 bn, so four of them can stray by 0.2 bn together
            assert abs(q["revenue_usd_bn"].sum() - year["revenue_usd_bn"]) <= 0.2, year["fiscal_year"]


def test_reported_growth_agrees_with_growth_from_the_rounded_figures_within_a_few_points(quarters):
    by_key = quarters.set_index(["fiscal_year", "fiscal_quarter"])["revenue_usd_bn"]
    checked = 0
    for (fy, fq), row in quarters.set_index(["fiscal_year", "fiscal_quarter"]).iterrows():
        if pd.notna(row["reported_yoy_pct"]) and (fy - 1, fq) in by_key:
            computed = (row["revenue_usd_bn"] / by_key[(fy - 1, fq)] - 1) * 100
            assert abs(computed - row["reported_yoy_pct"]) <= 3, (fy, fq)
            checked += 1
    assert checked >= 5


def test_annual_growth_matches_the_previous_annual_figure(annual):
    a = annual.set_index("fiscal_year")
    for fy, row in a.iterrows():
        if pd.notna(row["reported_growth_pct"]) and fy - 1 in a.index:
            computed = (row["revenue_usd_bn"] / a.loc[fy - 1, "revenue_usd_bn"] - 1) * 100
            assert abs(computed - row["reported_growth_pct"]) <= 1, fy


def test_nvidia_revenue_cites_nvidias_own_releases_where_it_has_them(quarters, annual):
    sources = data.load("sources").set_index("id")
    cited = set(quarters["source_id"]) | set(annual["source_id"])
    primary = [s for s in cited if sources.loc[s, "kind"] == "primary"]
    assert set(annual["source_id"]) <= set(primary)
    assert all(sources.loc[s, "publisher"] == "NVIDIA" for s in primary)


def test_domestic_milestones_exist_on_both_sides_of_the_first_export_rule(events):
    first_rule = events.loc[events["category"] == "restriction", "date"].min()
    domestic = events[events["category"] == "domestic-chip"]
    assert (domestic["date"] < first_rule).sum() >= 3
    assert (domestic["date"] >= first_rule).sum() >= 3
    named = " ".join(domestic["products"])
    for product in ("Ascend 910", "Hanguang 800", "Kunlun"):
        assert product in named


def test_a_chip_count_is_given_only_for_domestic_milestones(events):
    counted = events[events["chips"].notna()]
    assert set(counted["category"]) == {"domestic-chip"}
    assert (counted["chips"] > 0).all()
