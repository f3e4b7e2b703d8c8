"""Argument coverage is computed from the notebooks: a claim named in a section with data, a chart, an imported
model and a rerun path makes an argument reproduced fully; a missing part makes it partly; none makes it not."""

import pandas as pd

from aicloud import arguments, data, pipeline

CHART = "```{code-cell} ipython3\nchart = charts.finish(alt.Chart(frame))\n```\n"
MODEL = "```{code-cell} ipython3\nfrom aicloud.models import toy\nx = toy.f(tables)\n```\n"


def project(tmp_path, notebook: str, params=True, model=True):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "ch.md").write_text(notebook, encoding="utf-8")
    (tmp_path / "aicloud" / "models").mkdir(parents=True)
    if model:
        (tmp_path / "aicloud" / "models" / "toy.py").write_text("def f(t):\n    return t\n")
    (tmp_path / "tests" / "params").mkdir(parents=True)
    if params:
        (tmp_path / "tests" / "params" / "ch.yaml").write_text("x: 1\n")
    return tmp_path


ARGS = pd.DataFrame({"argument": [1], "paraphrase": ["p"], "claims": ["C99"], "quantitative": [True],
                     "models": ["toy"]})


def test_an_argument_with_evidence_chart_model_and_rerun_path_is_reproduced_fully(tmp_path):
    root = project(tmp_path, "# T\n\n## Section on C99\n\n" + MODEL + CHART)
    row = arguments.coverage(ARGS, ["ch"], root).iloc[0]
    assert row["reproduced"] == arguments.FULLY and row["model"] == "toy"


def test_an_argument_without_its_model_is_reproduced_partly_and_says_so(tmp_path):
    root = project(tmp_path, "# T\n\n## Section on C99\n\n" + CHART, model=False)
    row = arguments.coverage(ARGS, ["ch"], root).iloc[0]
    assert row["reproduced"] == arguments.PARTLY and "model" in row["why"]


def test_an_argument_without_a_chart_or_a_rerun_path_is_reproduced_partly(tmp_path):
    root = project(tmp_path, "# T\n\n## Section on C99\n\n" + MODEL, params=False)
    row = arguments.coverage(ARGS, ["ch"], root).iloc[0]
    assert row["reproduced"] == arguments.PARTLY and "chart" in row["why"] and "rerun" in row["why"]


def test_an_argument_no_section_names_is_not_reproduced(tmp_path):
    root = project(tmp_path, "# T\n\n## Another section on C98\n\n" + CHART + MODEL)
    assert arguments.coverage(ARGS, ["ch"], root).iloc[0]["reproduced"] == arguments.NOT


def test_the_projects_own_table_meets_the_issue_target():
    table = arguments.coverage(data.load("arguments"), [c.name for c in pipeline.chapters()])
    counts = arguments.counts(table)
    assert counts["not"] == 0 and counts["fully"] >= 15
