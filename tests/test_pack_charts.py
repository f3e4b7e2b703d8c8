"""How a figure displays outside the site: the Vega-Lite spec that JupyterLab, Notebook 7 and VS Code draw with
their own Vega (no network), and the site's HTML figure only in the kernels of a site build (aicloud.charts).

The course pack's executed notebooks, and JupyterLab drawing their charts, are checked in tests/test_classroom.py."""

import json

import altair as alt
import pandas as pd
import pytest

from aicloud import book, charts, coursepack, pipeline

ROWS = pd.DataFrame({"buyer": ["A", "B", "C"], "units": [100, 200, 50], "source_id": ["s1", "s2", "s1"]})


def figure(chart=None):
    chart = chart if chart is not None else alt.Chart(ROWS).mark_bar().encode(x="units:Q", y="buyer:N")
    return charts.finish(chart, title="B bought the most", subtitle="Units, 2023", source="Source: s.",
                         description="Bars of units per buyer, one bar per buyer.")


def check_notebook_bundle(bundle) -> dict:
    """The spec of a notebook bundle, after checking it is one a notebook app draws by itself."""
    data, metadata = bundle
    assert set(data) == {charts.NOTEBOOK_MIME, "text/plain"}, "no text/html: JupyterLab would prefer it"
    assert "vega-preloaded" not in json.dumps(data) and "<script" not in json.dumps(data)
    spec = data[charts.NOTEBOOK_MIME]
    # a Vega-Lite spec carrying its rows (the house config's legend layout is Vega's, passed through, so the
    # Vega-Lite schema alone would refuse it: drawing every chapter's charts is the JupyterLab test)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec.get("datasets") or spec.get("data", {}).get("values") is not None
    assert metadata[charts.NOTEBOOK_MIME]["embed_options"]["actions"]["editor"] is False  # no link off the machine
    return spec


@pytest.mark.parametrize("mode", [None, "notebook", "anything-but-site"])
def test_outside_a_site_build_a_figure_is_the_finished_vega_lite_spec(monkeypatch, mode):
    if mode is None:
        monkeypatch.delenv(charts.MODE_ENV, raising=False)
    else:
        monkeypatch.setenv(charts.MODE_ENV, mode)
    fig = figure()
    spec = check_notebook_bundle(fig._repr_mimebundle_())
    # the whole figure is in the spec: title, subtitle with the source line, description, the data
    assert spec == fig.specs()[1]
    assert spec["title"]["text"] == ["B bought the most"] and "Source: s." in spec["title"]["subtitle"]
    assert spec["description"].startswith("Bars of units") and spec["width"] == 540


def test_a_compound_chart_is_drawn_whole_in_a_notebook(monkeypatch):
    monkeypatch.delenv(charts.MODE_ENV, raising=False)
    bars = alt.Chart(ROWS).mark_bar().encode(x="units:Q", y="buyer:N")
    spec = check_notebook_bundle(figure(bars | bars)._repr_mimebundle_())
    assert len(spec["hconcat"]) == 2


def test_in_a_site_build_a_figure_is_the_sites_html(monkeypatch):
    monkeypatch.setenv(charts.MODE_ENV, charts.SITE_MODE)
    fig = figure()
    bundle = fig._repr_mimebundle_()
    assert bundle == {"text/html": fig.html(), "text/plain": "<Figure: B bought the most>"}
    assert charts.NOTEBOOK_MIME not in bundle  # the site's pages and executed notebooks do not grow


def test_a_site_build_starts_its_kernels_in_site_mode(monkeypatch, tmp_path):
    import papermill

    monkeypatch.setenv(charts.MODE_ENV, "notebook")  # as a shell could have it; restored after the test
    seen = {}

    def no_kernel(*args, **kwargs):
        import os

        seen["mode"] = os.environ.get(charts.MODE_ENV)
        raise RuntimeError("no kernel in this test")

    monkeypatch.setattr(papermill, "execute_notebook", no_kernel)
    source = tmp_path / "alpha.md"
    source.write_text("# alpha\n\n```{code-cell} ipython3\n:tags: [parameters]\n"
                      "factor: float = 1.0  # assumption: a multiplier (range 0 to 10)\n```\n", encoding="utf-8")
    result = pipeline.execute(book.Chapter("alpha", "alpha", source), {}, tmp_path / "alpha.ipynb", use_cache=False)
    assert result.status == "failed" and seen == {"mode": charts.SITE_MODE}


def test_the_pack_runner_starts_its_kernels_in_notebook_mode_whatever_the_environment(monkeypatch):
    monkeypatch.setenv(charts.MODE_ENV, charts.SITE_MODE)  # e.g. a process that built the site first
    spec = coursepack._kernel_manager().kernel_spec
    assert spec.env[charts.MODE_ENV] != charts.SITE_MODE
