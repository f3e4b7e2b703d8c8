"""The shared verdict helpers: `after_article` dates evidence against the article."""

from __future__ import annotations

import importlib
import inspect
import re
from datetime import date

import pandas as pd
import pytest

from aicloud.verdicts import (
    ARTICLE_DATE,
    CONTRADICTED,
    CRITERIA,
    PARTLY,
    SOME,
    SUPPORTED,
    after_article,
    grade,
)


@pytest.mark.parametrize(("when", "after"), [
    ("2025-12-17", False), ("2025-12-18", True), ("2026-02-04", True), ("2025-06-30", False),
    (date(2026, 1, 1), True), (pd.Timestamp("2025-12-31"), True), (pd.Timestamp("2025-12-01"), False),
    ("2026", True), ("2025", True), ("2024", False), ("", False), (None, False), (float("nan"), False),
])
def test_after_article_dates(when: object, after: bool) -> None:
    assert after_article(when) is after


def test_after_article_rows() -> None:
    rows = pd.DataFrame({"period_end": ["2024-12-31", "2025-09-30"], "note": ["", "fine"]})
    assert not after_article(rows)
    assert after_article(rows.assign(period_end=["2024-12-31", "2025-12-31"]))   # a full year 2025 figure
    assert after_article(rows.assign(note=["", "Published after the article's window"]))
    assert after_article([{"date": "2026-05-20"}]) and not after_article([{"date": "2025-05-20"}])
    assert ARTICLE_DATE == date(2025, 12, 17)


# --- One grading rule for claims made of parts (review 3 A12) ----------------------------------------------------

@pytest.mark.parametrize(("parts", "central", "label"), [
    ((True, True, True), 0, SUPPORTED),
    ((True, True, None), 0, SUPPORTED),          # one untested part beside two that hold
    ((True, None), 0, SUPPORTED),                # as many untested as hold: the boundary
    ((True, None, None), 0, PARTLY),             # more untested than hold
    ((None, True, True), 0, PARTLY),             # the central part untested
    ((None, True, True), None, SUPPORTED),       # parts weigh alike
    ((True, SOME, None), 0, PARTLY),
    ((SOME, None), 0, PARTLY),
    ((True, False), 0, PARTLY),
    ((False, True, True), 0, CONTRADICTED),      # the central part fails
    ((False, False, None), None, CONTRADICTED),
    ((None, False, None), 0, None),              # nothing holds and the central part is untested: undecided
    ((None, None), None, None),
])
def test_grade_follows_the_criteria(parts, central, label) -> None:
    assert grade(parts, central) == label


def test_grade_refuses_an_unknown_part() -> None:
    with pytest.raises(ValueError, match="a part is True, False, SOME or None"):
        grade([True, "holds"])


def test_the_criteria_state_the_grading_rule() -> None:
    assert "untested" in CRITERIA[SUPPORTED] and "central part" in CRITERIA[SUPPORTED]
    assert "more parts are untested than hold" in CRITERIA[PARTLY]


# Every rule whose claim has parts it cannot test grades through `grade` (directly or through a helper).
MULTI_PART = {"gpu_allocation": {"C05": "tencent_boldest_chinese_buyer", "C06": "c06_label"},
              "maas_price_war": {"C11": "game_server_contest", "C20": "capability_over_compute", "C21": "_base_c21",
                                 "C23": "common_stack"},
              "infra_economics": {"C25": "agents_use_many_tokens", "C32": "domestic_chips_catch_up",
                                  "C34": "platforms_make_compute_usable"}}
UNTESTED_WORDS = re.compile(r"untested|cannot be tested|undecided by this data|not measured", re.IGNORECASE)


def test_multi_part_rules_grade_through_the_shared_rule() -> None:
    for chapter, rules in MULTI_PART.items():
        module = importlib.import_module(f"aicloud.analysis.{chapter}")
        for claim, fn in rules.items():
            target = getattr(module, fn)
            source = inspect.getsource(getattr(target, "evaluate", target))
            assert "grade(" in source, f"{chapter} {claim} ({fn})"


@pytest.mark.parametrize("chapter", sorted(MULTI_PART))
def test_a_verdict_naming_an_untested_part_is_graded_by_the_shared_rule(chapter: str) -> None:
    """On the default data, a rule whose reason names an untested part is one of the rules graded by `grade`,
    and none of them is supported with more untested parts than parts that hold (C25 and C34)."""
    from aicloud import params as params_mod
    from aicloud import robustness

    declared = list(params_mod.read(chapter))
    result = importlib.import_module(f"aicloud.analysis.{chapter}").analyse(
        robustness.default_tables(declared), {p.name: p.default for p in declared})
    for claim, v in result.verdicts.items():
        if v.label in (SUPPORTED, PARTLY) and UNTESTED_WORDS.search(v.reason.split("China's evidence")[0]):
            assert claim in MULTI_PART[chapter], f"{claim} names an untested part but is not graded by grade()"
    labels = {c: v.label for c, v in result.verdicts.items()}
    assert {c: labels[c] for c in MULTI_PART[chapter] if c in labels} == {
        "gpu_allocation": {"C05": SUPPORTED, "C06": SUPPORTED},
        # C21: China's open-weight pair is context since review 3 A3 (it no longer lowers the verdict)
        "maas_price_war": {"C11": SUPPORTED, "C20": SUPPORTED, "C21": SUPPORTED, "C23": SUPPORTED},
        "infra_economics": {"C25": PARTLY, "C32": labels.get("C32"), "C34": PARTLY}}[chapter]
