"""The MaaS price-war data: valid files, and the article's story checked against the dated record."""

from pathlib import Path

import pandas as pd
import pytest

from aicloud import data
from aicloud.models import price_trend as pt

ROOT = Path(__file__).resolve().parent.parent
ALT = ROOT / "tests" / "data" / "maas_price_war"
RESOURCES = ["maas_list_prices", "maas_price_moves", "maas_token_volumes", "maas_market_shares",
             "maas_trend_estimates", "maas_game_servers", "maas_reference", "maas_cloud_stack"]


@pytest.fixture(scope="module")
def moves():
    return data.load("maas_price_moves")


@pytest.fixture(scope="module")
def prices():
    return data.load("maas_list_prices")


def first_dated_move(moves: pd.DataFrame, vendor: str) -> pd.Timestamp:
    dated = moves[(moves["vendor"] == vendor) & (moves["date_precision"] == "day")]
    return dated["date"].min()


@pytest.mark.parametrize("name", RESOURCES)
def test_default_file_is_valid(name):
    assert data.check(data.default_path(name), name) == []


@pytest.mark.parametrize("name", RESOURCES + ["gpu_buyers"])
def test_alternative_file_is_valid(name):
    assert data.check(ALT / f"{name}.csv", name) == []


@pytest.mark.parametrize("name", ["maas_list_prices", "maas_price_moves", "maas_market_shares", "maas_cloud_stack"])
def test_alternative_data_shares_no_vendor_with_the_default(name):
    column = "cloud" if name == "maas_cloud_stack" else "vendor"
    default = set(data.load(name)[column])
    alternative = set(data.load(name, ALT / f"{name}.csv")[column])
    assert not default & alternative


def test_alternative_prices_fall_in_other_years(prices):
    alternative = data.load("maas_list_prices", ALT / "maas_list_prices.csv")
    assert not set(prices["date"].dt.year) & set(alternative["date"].dt.year)


def test_each_model_has_at_most_one_before_and_one_after_price(prices):
    paired = prices[prices["stage"] != "later"]
    assert not paired.duplicated(["vendor", "model", "stage"]).any()


def test_deepseek_v2_came_fifteen_days_before_alibabas_cut(moves):
    gap = first_dated_move(moves, "Alibaba") - first_dated_move(moves, "DeepSeek")
    assert gap == pd.Timedelta(days=15)


def test_doubao_launched_six_days_before_alibabas_cut(moves):
    gap = first_dated_move(moves, "Alibaba") - first_dated_move(moves, "ByteDance")
    assert gap == pd.Timedelta(days=6)


def test_alibaba_was_not_the_first_dated_mover(moves):
    dated = moves[moves["date_precision"] == "day"].sort_values("date")
    assert dated["vendor"].iloc[0] != "Alibaba"


def test_baidu_went_free_on_the_day_of_alibabas_cut(moves):
    assert first_dated_move(moves, "Baidu") == first_dated_move(moves, "Alibaba")


def test_volcano_engines_claimed_discount_matches_the_list_prices(moves):
    reference = data.load("maas_reference").set_index("metric")["value"]
    launch = moves[(moves["action"] == "launch") & moves["claimed_cut"].notna()].iloc[0]
    implied = pt.cut_depth(reference["industry_reference_rmb_per_mtok"], launch["input_after_rmb"])
    assert implied == pytest.approx(launch["claimed_cut"], abs=0.001)


def test_free_tiers_are_kept_as_zero_prices(prices):
    assert (prices["input_per_mtok"] == 0).sum() >= 1


def test_tracker_snapshots_are_labelled_as_third_party(prices):
    sources = data.load("sources").set_index("id")
    kinds = sources.loc[prices.loc[prices["date_basis"] == "snapshot", "source_id"].unique(), "kind"]
    assert set(kinds) <= {"third-party", "primary"}
    assert "third-party" in set(kinds)
