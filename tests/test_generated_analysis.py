"""Each chapter's analysis tells the truth on any valid data: 200 generated datasets per chapter, no kernel.

For every chapter under test (`tests/porting.py`: the chapters that test a claim and any module in
`aicloud/analysis/` with `analyse`), `analyse(tables, params)` runs with the chapter's default parameters on
datasets in which some or all of the resources it reads are generated (`tests/strategies.py`) and the others are
the project's defaults. Checked (`tests/harness.py`, `tests/text_checks.py`): no exception; no NaN, infinity or
None in any value, title, verdict figure or reason; every share, percentage or percentage-point value (by its
key, see the naming convention in `tests/text_checks.py`) within its range; no sentence comparing a year with
itself or contradicting its number; every verdict a valid `Verdict`; each rule reads only the parameters its
`reads=` declares and gives the verdict `analyse` gives.

A chapter whose module has not landed is an expected failure (`xfail(strict=True)`, "no analysis module yet"),
never a pass; see `tests/porting.py`.
"""

import harness as H
import porting
import pytest
import strategies as S
from hypothesis import given

EXAMPLES = 200


@pytest.mark.parametrize("chapter", porting.params(test="analysis"))
def test_analysis_tells_the_truth_on_generated_data(chapter):
    module = porting.module_of(chapter)
    face = H.interface(chapter)
    runs = []

    @S.profile(max_examples=EXAMPLES)
    @given(H.inputs(face))
    def run(inputs):
        tables, params = inputs
        problems = H.check(module, tables, params)
        assert not problems, f"{chapter}:\n  " + "\n  ".join(problems)
        runs.append(1)

    run()
    assert len(runs) >= EXAMPLES, f"only {len(runs)} datasets were run"


@pytest.mark.parametrize("chapter", porting.params())
def test_analysis_on_the_default_data_gives_a_verdict_for_each_of_its_claims(chapter):
    from aicloud import data
    from aicloud.analysis import rules_of

    module = porting.module_of(chapter)
    face = H.interface(chapter)
    result = module.analyse(H.default_tables(face), face.defaults)
    assert H.result_problems(result) == []
    claims = data.load("claims")
    own = set(claims.loc[claims["chapter"] == chapter, "id"])
    assert own <= set(result.verdicts), f"no verdict for {sorted(own - set(result.verdicts))}"
    assert own <= set(rules_of(module)), f"no rule for {sorted(own - set(rules_of(module)))}"
