"""The China-chain data, default and alternative, are valid, cite their sources, keep disagreeing reports apart
and mark every segment redefinition as a series break."""

from pathlib import Path

import pytest

from aicloud import data

RESOURCES = ["china_cloud_revenue", "china_market_shares", "china_reference", "china_nvidia", "china_capex",
             "china_gpu_rents", "china_model_prices", "china_model_scores", "china_partnerships", "china_chipmakers",
             "arguments"]
ALT = Path(data.ROOT) / "tests" / "data" / "china_chain"


@pytest.mark.parametrize("name", RESOURCES)
def test_every_default_resource_loads_and_cites_known_sources(name):
    assert len(data.load(name)) > 0


@pytest.mark.parametrize("path", sorted(ALT.glob("*.csv")), ids=lambda p: p.stem)
def test_every_alternative_resource_is_valid_against_the_schema(path):
    assert data.check(path, path.stem) == []


def test_every_revenue_row_has_an_amount_or_a_growth_rate():
    rev = data.load("china_cloud_revenue")
    assert (rev["amount_bn"].notna() | rev["yoy"].notna()).all()


def test_a_series_keeps_one_segment_name_so_a_redefinition_is_a_new_series():
    rev = data.load("china_cloud_revenue")
    old_new = rev[rev["measure"] == "segment-revenue"].groupby("series")["company"].nunique()
    assert (old_new == 1).all()
    huawei = rev[rev["company"] == "Huawei"].set_index("period_label")
    # the 2024 report's growth implies a 2023 base far from the 2023 report's figure: they cannot be one series
    implied_2023 = huawei.loc["FY2024", "amount_bn"] / (1 + huawei.loc["FY2024", "yoy"])
    assert abs(implied_2023 - huawei.loc["FY2023", "amount_bn"]) > 10
    assert huawei.loc["FY2024", "series"] != huawei.loc["FY2023", "series"]


def test_no_derived_total_is_stored_as_a_fact():
    rev = data.load("china_cloud_revenue")
    kingsoft_2022 = rev[(rev["company"] == "Kingsoft Cloud") & (rev["period_label"] == "FY2022")]
    assert set(kingsoft_2022["measure"]) == {"sub-segment-revenue"}   # the total is summed in code, not typed


def test_disagreeing_bytedance_reports_each_keep_their_row():
    capex = data.load("china_capex")
    bd = capex[(capex["company"] == "ByteDance") & (capex["period_label"] == "CY2025")
               & capex["measure"].str.startswith("capital spending")]
    assert bd["source_id"].nunique() >= 2 and bd["amount_bn"].nunique() >= 2


def test_rent_reports_have_a_peak_and_an_after_and_fell():
    rents = data.load("china_gpu_rents")
    wide = rents.pivot_table(index="report_id", columns="stage", values="high")
    assert wide.notna().all().all() and (wide["after"] < wide["peak"]).all()


def test_token_and_revenue_shares_are_separate_measures_that_disagree_on_the_leader():
    shares = data.load("china_market_shares")
    h1 = shares[shares["period"] == "2025-H1"]
    tokens = h1[h1["measure"] == "idc-public-cloud-tokens"].set_index("vendor")["share"]
    revenue = h1[h1["measure"] == "omdia-ai-cloud-revenue"].set_index("vendor")["share"]
    assert tokens.idxmax() != revenue.idxmax()


def test_the_25_arguments_cover_every_claim_once_or_more():
    args = data.load("arguments")
    assert sorted(args["argument"]) == list(range(1, 26))
    claims = {c for row in args["claims"] for c in row.split(";")}
    assert claims == set(data.load("claims")["id"])


def test_the_timeline_reaches_december_2025():
    events = data.load("timeline_events")
    assert events["date"].max().strftime("%Y-%m") == "2025-12"
