"""The generated-data harness catches what issue 12 found, and passes a chapter that handles every case.

A stub chapter reads `gpu_buyers` like the GPU chapter: China's share of units by year, its change, and a verdict
rule. The careful stub states what one year, no buyer or no units cannot show; each careless variant has one of
the defects issue 12 found on real pages, and the harness must find a generated dataset that shows it.
"""

from types import ModuleType

import harness as H
import pytest
import strategies as S
from hypothesis import Phase, find, given

from aicloud.analysis import ChapterResult, rule
from aicloud.params import Parameter
from aicloud.verdicts import CONTRADICTED, DIRECT, SUPPORTED, Verdict, direction, finite

FACE = H.Interface((
    Parameter("sources_csv", "str", "data/sources.csv", "the sources table"),
    Parameter("gpu_buyers_csv", "str", "data/gpu_buyers.csv", "resource gpu_buyers"),
    Parameter("threshold", "float", 0.2, "assumption: share that counts as large (range 0.1 to 0.5)", 0.1, 0.5),
))


def _evidence(tables):
    buyers = tables["gpu_buyers"]
    by_year = buyers.groupby("year")["units"].sum()
    china = buyers[buyers["region"] == "China"].groupby("year")["units"].sum()
    years = sorted(int(y) for y in by_year.index)
    return {"years": years, "total": {int(y): int(v) for y, v in by_year.items()},
            "china": {int(y): int(china.get(y, 0)) for y in years}}


def _careful_share(ev, year):
    total = ev["total"][year]
    return ev["china"][year] / total if total else None


def make_stub(variant: str = "careful") -> ModuleType:
    """A chapter module; `variant` names the defect it has ('careful' has none)."""

    def share(ev, year):
        if variant == "divides by zero":
            return ev["china"][year] / ev["total"][year]
        if variant == "nan share":
            total = ev["total"][year]
            return ev["china"][year] / total if total else float("nan")
        return _careful_share(ev, year)

    def c99(ev, params):
        first, last = ev["years"][0], ev["years"][-1]
        if variant != "same year" and first == last:
            return Verdict.not_testable_here(f"The buyers data hold one year ({first}): no change can be seen.")
        a, b = share(ev, first), share(ev, last)
        if variant == "careful" and not (a is not None and b is not None and finite(a, b)):
            return Verdict.not_testable_here(f"No units were bought in {first} or {last}: no share can be formed.")
        label = SUPPORTED if b - a >= params["threshold"] else CONTRADICTED
        return Verdict(label, f"{b - a:+.0%} change",
                       f"China's share {direction(b - a)} from {a:.0%} in {first} to {b:.0%} in {last}.", DIRECT)

    c99 = rule("C99", reads=("threshold",))(c99)

    def analyse(tables, params):
        ev = prepare(tables)
        last = ev["years"][-1]
        values = {"last_year": last, "china_share_last": share(ev, last)}
        if variant == "careful" and values["china_share_last"] is None:
            values["china_share_last"] = 0.0
        if variant == "share as percent":
            values["china_share_last"] = 100 * (values["china_share_last"] or 0)
        if variant == "reads undeclared":
            params["gpu_buyers_csv"]
        verdict = c99(ev, params)
        if variant == "page differs from rule":
            verdict = Verdict(SUPPORTED, "fixed", "Always supported.", DIRECT)
        return ChapterResult(values=values, titles={"share": f"China bought {values['china_share_last']:.0%}"},
                             verdicts={"C99": verdict})

    def prepare(tables):
        return _evidence(tables)

    module = ModuleType(f"stub_{variant.replace(' ', '_')}")
    module.analyse, module.prepare, module.c99 = analyse, prepare, c99
    if variant == "reads undeclared":
        module.c99 = rule("C99", reads=())(lambda ev, params: (params["threshold"], c99(ev, params))[1])
    return module


def test_a_careful_chapter_passes_on_200_generated_datasets():
    stub = make_stub()
    seen = []

    @S.profile(max_examples=200)
    @given(H.inputs(FACE))
    def run(inputs):
        tables, params = inputs
        assert H.check(stub, tables, params) == []
        seen.append(len(tables["gpu_buyers"]))

    run()
    assert len(seen) >= 200 and min(seen) == 1


@pytest.mark.parametrize("variant,expected", [
    ("same year", "compares"),
    ("nan share", "nan"),
    ("share as percent", "outside 0 to 1"),
    ("reads undeclared", "declares reads"),
    ("page differs from rule", "analyse gives"),
])
def test_the_harness_finds_each_defect(variant, expected):
    stub = make_stub(variant)

    def shows(inputs):
        try:
            return any(expected in p for p in H.check(stub, *inputs))
        except (ValueError, TypeError, ZeroDivisionError):
            return False

    found = find(H.inputs(FACE), shows, settings=S.profile(max_examples=500, phases=[Phase.generate]))
    assert found


def test_a_crash_on_valid_data_is_found():
    stub = make_stub("divides by zero")

    def crashes(inputs):
        try:
            H.check(stub, *inputs)
        except ZeroDivisionError:
            return True
        return False

    assert find(H.inputs(FACE), crashes, settings=S.profile(max_examples=500, phases=[Phase.generate]))
