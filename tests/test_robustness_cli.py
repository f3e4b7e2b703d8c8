"""`python -m aicloud robustness [CLAIM]`: each claim's verdict at the defaults, its flip points and joint shares,
from the chapters' analysis modules without a kernel. Tested on a stub chapter (a fake notebook and a fake
analysis module registered for the test), so the test does not depend on the chapters' progress."""

import sys
from types import ModuleType

import pytest

from aicloud import cli, robustness
from aicloud import params as params_mod
from aicloud.analysis import rule
from aicloud.verdicts import PARTLY, SUPPORTED, Verdict

NOTEBOOK = """---
jupytext: {}
---
# Stub chapter

```{code-cell} ipython3
:tags: [parameters]
sources_csv: str = "data/sources.csv"  # the sources table every row cites
gpu_buyers_csv: str = "data/gpu_buyers.csv"  # resource gpu_buyers
spread: float = 2.0  # assumption: ratio that counts as large (range 1 to 5)
```
"""


def stub_module(fail: bool = False) -> ModuleType:
    module = ModuleType("aicloud.analysis.stubchapter")

    def prepare(tables):
        if fail:
            raise ValueError("the stub cannot prepare")
        return {"ratio": 3.0, "buyers": len(tables["gpu_buyers"])}

    def large(evidence, params):
        label = SUPPORTED if evidence["ratio"] >= params["spread"] else PARTLY
        return Verdict(label, f"ratio {evidence['ratio']:g}", f"The ratio is {evidence['ratio']:g}.")

    def data_only(evidence, params):
        return Verdict(SUPPORTED, f"{evidence['buyers']} buyers", "The default buyers file is read.")

    module.prepare, module.analyse = prepare, lambda tables, params: None
    module.large = rule("C24", reads=("spread",))(large)
    module.data_only = rule("C25")(data_only)
    return module


@pytest.fixture
def stub(tmp_path, monkeypatch):
    (tmp_path / "stubchapter.md").write_text(NOTEBOOK, encoding="utf-8")
    monkeypatch.setattr(params_mod, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(robustness, "claim_chapters",
                        lambda: {"C03": "nochapter", "C24": "stubchapter", "C25": "stubchapter"})
    monkeypatch.setitem(sys.modules, "aicloud.analysis.stubchapter", stub_module())
    return monkeypatch


def test_every_claim_is_listed_with_its_verdict_flips_and_joint_shares(stub, capsys):
    assert cli.main(["robustness", "--draws", "2000"]) == 0
    out = capsys.readouterr().out
    assert "C03 (nochapter): no analysis module yet (aicloud/analysis/nochapter.py)" in out
    assert "C24 (stubchapter): supported at the default parameters" in out
    assert "assumptions read: spread 1 to 5" in out
    # 21 points from 1 to 5 step 0.2: the ratio 3 is large up to a spread of 3.
    assert "flips: supported up to spread = 3, partly supported from 3.2" in out
    share = float(out.split("joint draws (2,000, seeded): supported ")[1].split("%")[0])
    assert 45 < share < 55
    assert "C25 (stubchapter): supported at the default parameters" in out
    assert "reads no numeric assumption" in out
    # C24: the default, 21 points and 2,000 draws; C25 reads nothing: the default only.
    assert "2 of 3 claims swept (2,023 scenarios); 1 without a rule yet; 0 failed." in out


def test_one_claim_and_lower_case_ids(stub, capsys):
    assert cli.main(["robustness", "c24", "--draws", "100"]) == 0
    out = capsys.readouterr().out
    assert "C24 (stubchapter)" in out and "C25" not in out and "C03" not in out


def test_an_unknown_claim_exits_2_with_a_suggestion(stub, capsys):
    assert cli.main(["robustness", "C26"]) == 2
    err = capsys.readouterr().err
    assert "unknown claim 'C26'" in err and "Did you mean 'C25'?" in err


def test_an_error_in_a_chapter_is_reported_per_claim_and_exits_1(stub, capsys):
    stub.setitem(sys.modules, "aicloud.analysis.stubchapter", stub_module(fail=True))
    assert cli.main(["robustness", "--draws", "100"]) == 1
    out = capsys.readouterr().out
    assert "C24 (stubchapter): ValueError: the stub cannot prepare" in out
    assert "C03 (nochapter): no analysis module yet" in out
    assert "0 of 3 claims swept (0 scenarios); 1 without a rule yet; 2 failed." in out


def test_a_chapter_without_a_rule_for_its_claim_says_so(stub, capsys):
    stub.setattr(robustness, "claim_chapters", lambda: {"C26": "stubchapter"})
    assert cli.main(["robustness"]) == 0
    assert "C26 (stubchapter): aicloud/analysis/stubchapter.py has no rule for C26" in capsys.readouterr().out
