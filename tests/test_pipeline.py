"""Incremental builds: a chapter is re-executed exactly when one of its inputs changed, and a damaged cache
entry is detected and rebuilt. Runs on tiny chapters in a temporary folder, never on the project's data."""

import shutil
from pathlib import Path

import pytest

from aicloud import book, data, layout, pipeline

NOTEBOOK = """---
jupytext:
  text_representation: {{extension: .md, format_name: myst}}
kernelspec: {{display_name: Python 3, language: python, name: python3}}
---
# {title}

```{{code-cell}} ipython3
:tags: [parameters]
sources_csv: str = "{sources}"  # the sources table
{resource}_csv: str = "{path}"  # resource {resource}
factor: float = 1.0  # assumption: a multiplier (range 0 to 10)
```

```{{code-cell}} ipython3
from myst_nb import glue
from aicloud import data
frame = data.Tables(sources=sources_csv, {resource}={resource}_csv)["{resource}"]
glue("rows", len(frame) * factor, display=False)
```
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """Two chapters reading different resources, a copy of the package, and an empty cache, all in tmp."""
    for name in ("gpu_buyers", "nvidia_dc_revenue", "sources"):
        shutil.copy(data.default_path(name), tmp_path / f"{name}.csv")
    package = tmp_path / "package"
    shutil.copytree(layout.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(layout, "PACKAGE_DIR", package)
    monkeypatch.setattr(layout, "CHAPTER_CACHE", tmp_path / "cache")
    chapters = {}
    for ch_name, resource in (("alpha", "gpu_buyers"), ("beta", "nvidia_dc_revenue")):
        source = tmp_path / f"{ch_name}.md"
        source.write_text(NOTEBOOK.format(title=ch_name, resource=resource, path=tmp_path / f"{resource}.csv",
                                          sources=tmp_path / "sources.csv"), encoding="utf-8")
        chapters[ch_name] = book.Chapter(ch_name, ch_name, source)
    return tmp_path, chapters


def build(tmp_path, chapters, overrides=None, **kwargs):
    overrides = overrides or {}
    jobs = [(ch, ch.resolve(overrides.get(name, {})), tmp_path / "out" / f"{name}.ipynb")
            for name, ch in chapters.items()]
    return {r.chapter: r.status for r in pipeline.execute_all(jobs, workers=2, **kwargs)}


def test_first_build_executes_every_chapter(project):
    tmp_path, chapters = project
    assert build(tmp_path, chapters) == {"alpha": "executed", "beta": "executed"}


def test_a_no_op_build_starts_no_kernel(project, monkeypatch):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    import papermill

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr(papermill, "execute_notebook", no_kernel)
    assert build(tmp_path, chapters) == {"alpha": "cached", "beta": "cached"}


def test_changing_a_data_file_re_executes_exactly_the_chapters_that_read_it(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    path = tmp_path / "gpu_buyers.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("150000", "150001", 1), encoding="utf-8")
    assert build(tmp_path, chapters) == {"alpha": "executed", "beta": "cached"}


def test_changing_an_unrelated_file_re_executes_nothing(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    (tmp_path / "unrelated.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert build(tmp_path, chapters) == {"alpha": "cached", "beta": "cached"}


def test_changing_the_package_re_executes_every_chapter(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    with (layout.PACKAGE_DIR / "charts.py").open("a", encoding="utf-8") as f:
        f.write("\n# a change\n")
    assert build(tmp_path, chapters) == {"alpha": "executed", "beta": "executed"}


def test_changing_a_parameter_re_executes_that_chapter_only(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    assert build(tmp_path, chapters, {"beta": {"factor": "2"}}) == {"alpha": "cached", "beta": "executed"}


def test_changing_a_notebook_re_executes_it(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    source = chapters["alpha"].source
    source.write_text(source.read_text(encoding="utf-8") + "\nMore prose.\n", encoding="utf-8")
    assert build(tmp_path, chapters) == {"alpha": "executed", "beta": "cached"}


@pytest.mark.parametrize("damage", [
    lambda text: text[:200],  # truncated, as by a crash
    lambda text: '{"nbformat": 4, "cells": "none"}',  # parses, but is not a notebook
    lambda text: text.replace('"input_key": "', '"input_key": "0'),  # a notebook made from other inputs
    lambda text: text.replace('"cell_type"', '"kind"', 1),  # a cell without its type
], ids=["truncated", "not-a-notebook", "foreign", "broken-cell"])
def test_a_corrupted_cache_entry_is_detected_and_rebuilt(project, damage):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    entry = next((layout.CHAPTER_CACHE / "alpha").glob("*.ipynb"))
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert not pipeline._valid_notebook(entry)
    assert build(tmp_path, chapters) == {"alpha": "executed", "beta": "cached"}
    assert pipeline._valid_notebook(entry)


def test_force_re_executes_everything(project):
    tmp_path, chapters = project
    build(tmp_path, chapters)
    assert build(tmp_path, chapters, force=True) == {"alpha": "executed", "beta": "executed"}


def test_a_failing_chapter_is_reported_with_its_cell_and_the_others_still_run(project):
    tmp_path, chapters = project
    bad = chapters["alpha"].source
    bad.write_text(bad.read_text(encoding="utf-8") + "\n```{code-cell} ipython3\n1 / 0\n```\n", encoding="utf-8")
    jobs = [(ch, ch.resolve({}), tmp_path / "out" / f"{n}.ipynb") for n, ch in chapters.items()]
    results = {r.chapter: r for r in pipeline.execute_all(jobs, workers=2)}
    assert results["alpha"].status == "failed"
    assert "ZeroDivisionError" in results["alpha"].error
    assert results["alpha"].cell is not None
    assert results["beta"].status == "executed"
    assert not (tmp_path / "out" / "alpha.ipynb").exists()


def test_an_unknown_parameter_is_refused_with_a_suggestion(project):
    _, chapters = project
    with pytest.raises(book.BookError, match="Did you mean 'factor'"):
        chapters["alpha"].resolve({"factr": 2})


def test_a_parameter_of_the_wrong_type_is_refused_before_any_kernel(project):
    _, chapters = project
    with pytest.raises(book.BookError, match="factor is float"):
        chapters["alpha"].resolve({"factor": "lots"})


def test_a_parameter_outside_its_range_is_refused(project):
    _, chapters = project
    with pytest.raises(book.BookError, match="outside its documented range"):
        chapters["alpha"].resolve({"factor": 11})


def test_chapters_are_read_from_the_table_of_contents():
    names = [c.name for c in book.chapters()]
    assert "gpu_allocation" in names and "gpu_allocation" in book.analytical()
    assert all(Path(layout.NOTEBOOKS / f"{n}.md").exists() for n in names)


def test_a_failing_chapter_names_the_line_and_the_project_function_it_failed_in(project):
    tmp_path, chapters = project
    bad = chapters["alpha"].source
    cell = "\n```{code-cell} ipython3\nx = 1\ndata.resource('no_such')\n```\n"
    bad.write_text(bad.read_text(encoding="utf-8") + cell, encoding="utf-8")
    ch = chapters["alpha"]
    result = pipeline.execute(ch, ch.resolve({}), tmp_path / "out" / "alpha.ipynb")
    assert result.status == "failed" and "unknown data resource 'no_such'" in result.error
    assert result.where.startswith("line 2 `data.resource('no_such')`, in aicloud/data.py:")
    assert result.where.endswith(" resource()") and "Traceback" not in result.where
    assert "KeyError" in result.traceback and "\x1b[" not in result.traceback
