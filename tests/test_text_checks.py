"""The text checks catch the defects issue 12 found on real pages, and let correct sentences pass."""

import math

import numpy as np
import pytest
import text_checks as tc


@pytest.mark.parametrize("sentence", [
    "China's share was 54% in 2026 and 54% in 2026.",
    "It rose from 40% in 2026 to 54% in 2026.",
    "Spending grew between 2026 and 2026.",
    "Purchases 2026 to 2026 stayed flat.",
    "units in 2024, against 300,000 units in 2024",
])
def test_a_year_compared_with_itself_is_caught(sentence):
    assert tc.self_comparisons(sentence)


@pytest.mark.parametrize("sentence", [
    "China's share was 27% in 2023 and 54% in 2024.",
    "It rose from 40% in 2023 to 54% in 2025.",
    "Spending grew between 2023 and 2025.",
    "In 2024 Alibaba cut first. In 2024 the others followed.",
    "The 2024 figures: 2024 was the year of the price war",
])
def test_different_years_and_separate_sentences_pass(sentence):
    assert not tc.self_comparisons(sentence)


@pytest.mark.parametrize("sentence", ["Meta bought already -570,000 more", "a change of +0 percentage points",
                                      "a change of -0.0 pp", "up +-3%"])
def test_wording_that_contradicts_its_number_is_caught(sentence):
    assert tc.contradictions(sentence)


@pytest.mark.parametrize("sentence", ["570,000 more", "a change of +7 percentage points", "fell by 3 pp",
                                      "from -5 to 3, a rise of 8"])
def test_wording_that_follows_its_number_passes(sentence):
    assert not tc.contradictions(sentence)


def test_missing_numbers_are_found_in_every_form():
    values = {"a": 1.0, "b": float("nan"), "c": math.inf, "d": None, "e": "RMB nan bn", "f": "None",
              "g": np.float64("nan"), "h": [1, float("nan")], "i": {"x": None}, "j": "fine 2024", "k": True,
              "l": np.int64(3), "m": "The infra chapter", "n": "the parent, n/a, said"}
    found = " ".join(tc.missing_numbers(values))
    for key in "bcdefghin":
        assert repr(key) in found or f"'{key}" in found, key
    for key in "ajklm":
        assert f"'{key}'" not in found, key


@pytest.mark.parametrize("key,kind", [("china_share", "share"), ("share_testable", "share"),
                                      ("china_share_2024", "share"), ("paid_pct", "pct"),
                                      ("share_change_pp", "pp"), ("share_growth", None), ("units", None),
                                      ("shared_ratio", None)])
def test_the_naming_convention(key, kind):
    assert tc.kind_of(key) == kind


def test_shares_out_of_range_are_found():
    values = {"china_share": 1.2, "ok_share": 0.4, "paid_pct": 140, "x_pp": -120, "y_pp": -7,
              "label_share": "most", "growth_share_change": 5.0}
    found = " ".join(tc.shares_out_of_range(values))
    assert "china_share" in found and "paid_pct" in found and "x_pp" in found
    assert "ok_share" not in found and "y_pp" not in found and "label_share" not in found
    assert tc.shares_out_of_range({"a_share": "1.5"}, parse_text=True)
    assert not tc.shares_out_of_range({"a_share": "0.5"}, parse_text=True)
