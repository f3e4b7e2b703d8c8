"""The conclusion's analysis (counts from the ledger, rules for C01 and C02) and the introduction's timeline
sentences: which data pattern gives which verdict, and what the page says when the data cannot decide."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from aicloud import data, robustness
from aicloud import params as params_mod
from aicloud.analysis import RecordingParams, introduction, rules_of
from aicloud.analysis import conclusion as chapter
from aicloud.verdicts import ANECDOTE, CONTRADICTED, LABELS, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED

STACK = "C22,C23,C24"
BAD = re.compile(r"\b(nan|NaN|inf|None|NaT)\b")


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.load("claims")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return data.load("timeline_events")


def ledger_of(claims: pd.DataFrame, verdicts: dict[str, str], default: str = PARTLY) -> pd.DataFrame:
    """A ledger like the build's: every claim, the conclusion's own without a verdict."""
    rows = claims.assign(
        verdict=[verdicts.get(i, "no verdict yet" if ch == "conclusion" else default)
                 for i, ch in zip(claims["id"], claims["chapter"])],
        figure="a figure", reason="a reason", sources="src-a, src-b")
    return rows


def inputs(claims, events, verdicts=None, default=PARTLY):
    return {"ledger": ledger_of(claims, verdicts or {}, default), "claims": claims, "timeline_events": events,
            "sources": data.load("sources")}


def run(tables, stack=STACK):
    return chapter.analyse(tables, {"stack_claims": stack})


# Counts -------------------------------------------------------------------------------------------------------

def test_the_headline_counts_come_from_the_ledger(claims, events):
    result = run(inputs(claims, events, {"C03": SUPPORTED, "C04": CONTRADICTED, "C05": NOT_TESTABLE_HERE}))
    n = len(claims)
    own = int((claims["chapter"] == "conclusion").sum())
    assert result.values["n_claims"] == n and result.values["n_tested"] == n - own
    assert f"The ledger holds {n} claims" in result.values["headline_text"]
    assert f"the chapters test the other {n - own}" in result.values["headline_text"]
    assert result.values["n_not_testable_with_this_data"] == 1
    assert "1 cannot be tested with the data given to this run" in result.values["headline_text"]
    assert sum(result.values[f"n_{label.replace(' ', '_')}"] for label in LABELS) == n - own


def test_claims_without_a_verdict_are_counted_as_pending(claims, events):
    result = run(inputs(claims, events, {"C03": "no verdict yet", "C04": "no verdict yet"}))
    assert result.values["n_pending"] == 2 and "2 further claims have no verdict yet" in result.values["headline_text"]


def test_a_tie_for_the_most_common_verdict_is_named_as_a_tie(claims, events):
    ids = [i for i in claims["id"] if i not in ("C01", "C02")]
    half = {i: (SUPPORTED if k % 2 else CONTRADICTED) for k, i in enumerate(ids)}
    result = run(inputs(claims, events, half))
    assert ("tied" in result.values["headline_text"]) == (len(ids) % 2 == 0)


# C01 ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("verdicts, expected", [
    ({"C22": SUPPORTED, "C23": SUPPORTED, "C24": NOT_TESTABLE}, SUPPORTED),
    ({"C22": SUPPORTED, "C23": PARTLY, "C24": CONTRADICTED}, PARTLY),
    ({"C22": CONTRADICTED, "C23": CONTRADICTED, "C24": SUPPORTED}, CONTRADICTED),
    ({"C22": NOT_TESTABLE, "C23": NOT_TESTABLE, "C24": NOT_TESTABLE}, NOT_TESTABLE),
    ({"C22": NOT_TESTABLE_HERE, "C23": NOT_TESTABLE, "C24": "no verdict yet"}, NOT_TESTABLE_HERE),
], ids=["all decided supported", "mixed", "most contradicted", "none public", "none here"])
def test_c01_follows_the_verdicts_on_the_stack_claims(claims, events, verdicts, expected):
    v = run(inputs(claims, events, verdicts)).verdicts["C01"]
    assert v.label == expected and not BAD.search(v.reason)


def test_c01_boundary_half_contradicted_is_partly_not_contradicted(claims, events):
    v = run(inputs(claims, events, {"C22": CONTRADICTED, "C23": SUPPORTED}), stack="C22,C23").verdicts["C01"]
    assert v.label == PARTLY


def test_c01_names_stack_claims_missing_from_the_ledger(claims, events):
    v = run(inputs(claims, events, {"C22": SUPPORTED}), stack="C22,C99").verdicts["C01"]
    assert v.label == SUPPORTED and "C99 have no verdict from this run's data" in v.reason


def test_c01_reads_only_the_stack_and_is_swept_without_a_range(claims, events):
    tables = inputs(claims, events)
    ev = chapter.prepare(tables)
    recording = RecordingParams({"stack_claims": STACK})
    chapter.analyse(tables, recording, ev)
    assert recording.read == {"stack_claims"}
    swept = robustness.sweep_rules(rules_of(chapter), ev, {"stack_claims": STACK}, params_mod.read("conclusion"))
    assert swept["C01"].held == ("stack_claims",) and "depends on the data only" in swept["C01"].summary()


# C02 ---------------------------------------------------------------------------------------------------------

def timeline(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """Events from (phase, category) pairs, one per row, dated in their phase's year."""
    return pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(rows))],
        "date": pd.to_datetime([f"{2022 if p == 'pre' else p}-06-0{1 + i % 9}" for i, (p, _) in enumerate(rows)]),
        "date_precision": "day", "phase": [p for p, _ in rows], "category": [c for _, c in rows],
        "actor": "Someone", "event": "Something", "source_id": "src-a"})


SUCCESSION = [("2023", "cluster"), ("2023", "export-control"), ("2024", "price-cut"), ("2024", "model-release"),
              ("2025", "pledge"), ("2025", "supernode")]


def c02(claims, rows):
    return run(inputs(claims, timeline(rows))).verdicts["C02"]


def test_c02_each_phase_led_by_its_factor_in_succession_is_supported(claims):
    v = c02(claims, SUCCESSION)
    assert v.label == SUPPORTED and v.evidence == ANECDOTE and "succeed one another" in v.reason


def test_c02_with_the_factors_overlapping_is_partly_supported(claims, events):
    v = run(inputs(claims, events)).verdicts["C02"]
    assert v.label == PARTLY and "overlap" in v.reason


def test_c02_boundary_half_of_a_factors_events_in_its_phase_counts_as_overlap(claims):
    v = c02(claims, [*SUCCESSION, ("2025", "cluster"), ("2025", "cluster"), ("2025", "pledge"), ("2025", "pledge")])
    assert v.label == PARTLY and "50% of the GPU supply events fall in 2023" in v.reason


def test_c02_led_in_two_phases_of_three_is_partly_supported(claims):
    v = c02(claims, [*SUCCESSION, ("2025", "price-cut"), ("2025", "price-cut"), ("2025", "price-cut")])
    assert v.label == PARTLY and "in 2025 the factor named, AI infrastructure, does not lead alone" in v.reason


def test_c02_led_in_one_phase_of_three_is_contradicted(claims):
    rows = [("2023", "pledge"), ("2024", "cluster"), ("2025", "pledge")]
    assert c02(claims, rows).label == CONTRADICTED


def test_c02_a_tie_does_not_count_as_a_lead(claims):
    v = c02(claims, [("2023", "cluster"), ("2023", "pledge"), ("2024", "price-cut"), ("2025", "pledge")])
    assert "does not lead alone (the lead: AI infrastructure and GPU supply)" in v.reason


def test_c02_a_phase_without_events_is_not_testable_with_this_data(claims):
    v = c02(claims, [("2023", "cluster"), ("2024", "price-cut")])
    assert v.label == NOT_TESTABLE_HERE and "2025" in v.reason


# The introduction ------------------------------------------------------------------------------------------------

def test_the_introduction_states_the_span_from_the_data(events):
    result = introduction.analyse({"timeline_events": events}, {})
    first, last = events["date"].min(), events["date"].max()
    assert f"from {first:%B %Y} to {last:%B %Y}" in result.values["timeline_text"]
    assert result.titles["timeline"].startswith(f"{len(events)} dated events")


def test_the_introduction_with_one_event_compares_no_month_with_itself(events):
    result = introduction.analyse({"timeline_events": events.head(1)}, {})
    text = result.values["timeline_text"]
    assert "1 dated event," in text and " to " not in text and "slider" not in text


def test_the_introduction_without_events_says_so(events):
    result = introduction.analyse({"timeline_events": events.iloc[0:0]}, {})
    assert result.values["timeline_text"] == introduction.EMPTY
