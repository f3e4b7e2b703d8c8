"""The capex and fibre chapter's data: what the chapter and the introduction rely on."""

from __future__ import annotations

import numpy as np
import pytest

from aicloud import data
from aicloud.models import capex


@pytest.fixture(scope="module")
def events():
    return data.load("timeline_events")


@pytest.fixture(scope="module")
def sequoia():
    return data.load("capex_sequoia").pivot(index="essay_id", columns="metric", values="value")


def test_the_timeline_holds_between_15_and_60_events(events):
    # 60: the China-chain chapter added the dated events of 2025 through December (open models, H20, chips)
    assert 15 <= len(events) <= 60


def test_the_timeline_covers_every_phase_of_the_article(events):
    assert {"2023", "2024", "2025"} <= set(events["phase"])


def test_the_timeline_has_price_cuts_export_controls_supernodes_and_pledges(events):
    assert {"price-cut", "export-control", "supernode", "pledge", "organisation"} <= set(events["category"])


def test_each_event_sits_in_the_phase_of_its_year(events):
    expected = np.where(events["date"].dt.year < 2023, "pre", events["date"].dt.year.astype(str))
    assert (events["phase"] == expected).all()


def test_sequoias_stated_revenue_needs_follow_from_their_inputs(sequoia):
    rebuilt = capex.revenue_needed(sequoia["gpu_run_rate_usd_bn"], sequoia["gpu_share_of_cost"],
                                   sequoia["end_user_margin"])
    assert np.allclose(rebuilt, sequoia["stated_revenue_needed_usd_bn"])


def test_every_pledge_under_test_has_a_sourced_counterpart():
    spending = data.load("capex_spending")
    claimed = spending[spending["status"] == "claim"]
    pledged = spending[spending["status"] == "pledge"]
    assert set(claimed["company"]) <= set(pledged["company"])


def test_complete_years_of_quarters_are_not_also_stored_as_a_copied_annual_sum():
    spending = data.load("capex_spending")
    quarters = spending[spending["basis"] == "quarter"].assign(year=lambda d: d["period_end"].dt.year)
    counts = quarters.groupby(["company", "measure_id", "year"]).size()
    for (company, measure_id, year), n in counts.items():
        if n < 4:
            continue
        annual = spending[(spending["company"] == company) & (spending["measure_id"] == measure_id)
                          & (spending["basis"] == "calendar-year") & (spending["period_end"].dt.year == year)]
        assert annual.empty, f"{company} {measure_id} {year}: the annual sum is computed, not stored"


def test_fibre_use_shares_say_what_they_measure():
    use = data.load("capex_fibre_use")
    assert use["measures"].notna().all() and use["measures"].nunique() > 1
