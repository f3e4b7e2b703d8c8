"""The strategies of `tests/strategies.py` make valid data, and varied data.

Valid: every generated table, written as CSV, passes `aicloud.data.check` with no problem and loads, foreign keys
included, and the in-memory typed tables the harness uses equal what `load` returns. Varied: the strategies reach
the cases issue 12 names (one row, one year, several years, later years, renamed labels, blank optional cells).
"""

import tempfile
from pathlib import Path

import pandas as pd
import pytest
import strategies as S
from hypothesis import given, note
from hypothesis import strategies as st

from aicloud import data

RESOURCES = data.resource_names()


@pytest.mark.parametrize("name", RESOURCES)
@S.profile(max_examples=12)
@given(st.data())
def test_every_generated_table_passes_the_data_check_and_loads(name, data_):
    tables = data_.draw(S.dataset([name]))
    with tempfile.TemporaryDirectory() as folder:
        paths = S.write(tables, Path(folder))
        for resource, path in paths.items():
            note(f"{resource}:\n{path.read_text(encoding='utf-8')}")
            problems = data.check(path, resource, overrides=paths)
            assert problems == [], "\n".join(map(str, problems))
        loaded = data.load(name, paths[name], overrides=paths)
        in_memory = S.typed(tables)[name]
        pd.testing.assert_frame_equal(in_memory, loaded, check_dtype=True)
        assert len(loaded) >= 1
        # Every foreign key points at a value the referenced generated table holds.
        for field, target, ref in S.foreign_keys(name):
            assert set(loaded[field].dropna()) <= set(tables[target][ref])


@S.profile(max_examples=5)
@given(S.dataset(RESOURCES))
def test_a_whole_dataset_is_valid_together(tables):
    with tempfile.TemporaryDirectory() as folder:
        paths = S.write(tables, Path(folder))
        problems = [p for name, path in paths.items() for p in data.check(path, name, overrides=paths)]
        assert problems == [], "\n".join(map(str, problems))


def _years(tables):
    return set(tables["gpu_buyers"]["year"])


def _find(strategy, condition):
    from hypothesis import Phase, find

    return find(strategy, condition, settings=S.profile(max_examples=2000, phases=[Phase.generate]))


BUYERS = S.dataset(["gpu_buyers"])
DEFAULT_BUYERS = set(S.default_strings("gpu_buyers")["buyer"])


@pytest.mark.parametrize("case,condition", [
    ("one row", lambda t: len(t["gpu_buyers"]) == 1),
    ("several rows in one year", lambda t: len(t["gpu_buyers"]) > 2 and len(_years(t)) == 1),
    ("three or more years", lambda t: len(_years(t)) >= 3),
    ("only years after the article", lambda t: min(int(y) for y in _years(t)) > 2025),
    ("renamed buyers only", lambda t: not set(t["gpu_buyers"]["buyer"]) & DEFAULT_BUYERS),
    ("no Chinese buyer, several buyers", lambda t: len(t["gpu_buyers"]) > 2
     and "China" not in set(t["gpu_buyers"]["region"])),
    ("none flagged as in the article", lambda t: all(v.lower() == "false" for v in t["gpu_buyers"]["in_article"])),
    ("zero units", lambda t: "0" in set(t["gpu_buyers"]["units"])),
    ("sources of the default data", lambda t: set(t["sources"]["id"]) & set(S.default_strings("sources")["id"])),
    ("fresh sources only", lambda t: not set(t["sources"]["id"]) & set(S.default_strings("sources")["id"])),
])
def test_the_strategies_reach_each_case_of_issue_12(case, condition):
    assert _find(BUYERS, condition)


def test_blank_optional_cells_and_dates_outside_the_article_years_occur():
    prices = S.dataset(["maas_list_prices"])
    assert _find(prices, lambda t: "" in set(t["maas_list_prices"]["output_per_mtok"]))
    assert _find(prices, lambda t: all(d[:4] > "2025" for d in t["maas_list_prices"]["date"]))
    assert _find(prices, lambda t: len(set(t["maas_list_prices"]["vendor"])) == 1 and len(t["maas_list_prices"]) > 2)


def test_ranges_keep_their_low_end_below_the_high_end():
    @S.profile(max_examples=30)
    @given(S.dataset(["gpu_price_estimates", "capex_spending", "gpu_shipment_estimates"]))
    def check(tables):
        low, high = tables["gpu_price_estimates"][["low_usd", "high_usd"]].astype(float).T.to_numpy()
        assert (low <= high).all()
        spans = tables["gpu_shipment_estimates"]
        assert (spans["period_start"] <= spans["period_end"]).all()
        both = tables["capex_spending"][tables["capex_spending"]["amount_high_bn"] != ""]
        assert (both["amount_bn"].astype(float) <= both["amount_high_bn"].astype(float)).all()

    check()
    assert ("amount_bn", "amount_high_bn") in S._ordered(["amount_bn", "amount_high_bn", "x"])
