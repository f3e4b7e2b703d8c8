"""A finished figure's markup, and what the site build adds to it and to every page (aicloud.charts.Figure,
aicloud.chart_assets, aicloud.sphinx_readers)."""

import csv
import io
import re
import subprocess

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud import chart_assets, charts, sphinx_readers

ROWS = pd.DataFrame({"buyer": ["A", "B", "C"], "units": [100, 200, 50], "source_id": ["s1", "s2", "s1"]})


def figure(chart=None, **kw):
    chart = chart if chart is not None else alt.Chart(ROWS).mark_bar().encode(x="units:Q", y="buyer:N")
    return charts.finish(chart, title="B bought the most", subtitle="Units, 2023", source="Source: s.",
                         description="Bars of units per buyer, one bar per buyer.", **kw)


def test_a_figure_shows_its_title_as_text_and_the_chart_at_the_columns_width():
    fig = figure()
    page = fig.html()
    assert '<span class="chart-title">B bought the most</span>' in page
    live, static = fig.specs()
    assert live["width"] == "container" and "title" not in live
    assert static["title"]["text"] == ["B bought the most"] and static["width"] == 540
    assert fig.to_dict()["title"]["text"] == ["B bought the most"]  # the chart's own attributes still work
    assert page.count(charts.STATIC_MARK) == 1 and page.count(charts.LINKS_MARK) == 1


def test_the_same_chart_gives_the_same_markup():
    assert figure().html() == figure().html()


def test_a_compound_chart_offers_a_narrow_layout_with_its_panels_stacked():
    bars = alt.Chart(ROWS).mark_bar().encode(x="units:Q", y=alt.Y("buyer:N", axis=alt.Axis(labelLimit=200)))
    fig = figure(alt.hconcat(bars.properties(width=500), bars.properties(width=230)))
    live, _ = fig.specs()
    assert "hconcat" in live and live.get("width") != "container"   # drawn as designed where it fits
    narrow = charts.narrow_layout(live)
    assert "hconcat" not in narrow and len(narrow["vconcat"]) == 2
    assert [p["width"] for p in narrow["vconcat"]] == [charts.NARROW_WIDTH, 230]
    assert all(p["encoding"]["y"]["axis"]["labelLimit"] == charts.NARROW_LABELS for p in narrow["vconcat"])
    assert narrow["config"]["axisY"]["labelLimit"] == charts.NARROW_LABELS
    assert live["hconcat"][0]["width"] == 500   # the designed layout is left as it was
    page = fig.html()
    assert f'class="chart-live chart-scroll" tabindex="0" role="region" aria-label="Chart: {fig.title}"' in page
    embedded = re.search(r'<script type="application/json" id="altair-viz-[0-9a-f]+-narrow">(.*?)</script>', page)
    assert embedded and '"vconcat"' in embedded.group(1) and '"datasets"' not in embedded.group(1)  # data once
    assert chart_assets.charts(page)[0].live == live   # the site build still reads the designed spec


def test_a_narrow_layout_stacks_facet_columns_and_wrapped_panels():
    lines = alt.Chart(ROWS).mark_line().encode(x="units:Q", y="units:Q").properties(width=400, height=100)
    columns = charts.narrow_layout(lines.facet(column="buyer:N").to_dict())
    assert "row" in columns["facet"] and "column" not in columns["facet"]
    assert columns["spec"]["width"] == charts.NARROW_WIDTH
    wrapped = charts.narrow_layout(lines.facet(facet="buyer:N", columns=2).to_dict())
    assert wrapped["columns"] == 1
    both = charts.narrow_layout(lines.facet(row="buyer:N", column="units:Q").to_dict())
    assert set(both["facet"]) == {"row", "column"}   # a grid stays a grid; its panels narrow
    assert both["spec"]["width"] == charts.NARROW_WIDTH
    encoded = charts.narrow_layout(alt.Chart(ROWS).mark_bar().encode(x="units:Q", facet="buyer:N").to_dict())
    assert "facet" in encoded["encoding"] and "row" not in encoded["encoding"]["facet"]   # a channel, untouched


def test_the_csv_holds_exactly_the_rows_drawn_with_their_source_ids():
    chart = chart_assets.charts(figure().html())[0]
    rows = list(csv.DictReader(io.StringIO(chart.csv())))
    assert [r["buyer"] for r in rows] == ["A", "B", "C"]
    assert list(rows[0]) == ["buyer", "units", "source_id"]
    assert chart.source_ids() == ["s1", "s2"]


def test_a_layered_chart_says_which_part_a_row_belongs_to():
    rule = alt.Chart(pd.DataFrame({"x": [120.0]})).mark_rule().encode(x="x:Q")
    bars = alt.Chart(ROWS).mark_bar().encode(x="units:Q", y="buyer:N")
    chart = chart_assets.charts(figure(alt.layer(bars, rule)).html())[0]
    columns, rows = chart.rows()
    assert columns[0] == "part" and columns[-1] == "source_id"
    assert sorted(r["part"] for r in rows) == [1, 1, 1, 2]
    assert [r.get("source_id", "") for r in rows if r["part"] == 2] == [""]


def test_the_site_build_fills_in_the_static_image_the_data_and_the_sources(tmp_path):
    page = "<p>before</p>" + figure().html() + "<p>after</p>"
    out = chart_assets.process(page, chart_assets.to_folder(tmp_path, "../_charts/"),
                               lambda ident: f"data.html#source-{ident}")
    ident = chart_assets.charts(page)[0].ident
    assert f'<img class="chart-static" src="../_charts/{ident}.svg"' in out
    assert 'alt="B bought the most. Bars of units per buyer, one bar per buyer."' in out
    assert f'href="../_charts/{ident}.csv" download="b-bought-the-most.csv">Data (CSV, 3 rows)' in out
    assert '<a href="data.html#source-s1">s1</a>, <a href="data.html#source-s2">s2</a>' in out
    svg = (tmp_path / f"{ident}.svg").read_text()
    assert svg.startswith("<svg") and "B bought the most" in svg
    assert (tmp_path / f"{ident}.csv").read_text().splitlines()[0] == "buyer,units,source_id"
    assert charts.STATIC_MARK not in out and charts.LINKS_MARK not in out


def test_a_self_contained_page_carries_its_files_as_data_urls():
    out = chart_assets.inline(figure().html())
    assert 'src="data:image/svg+xml;base64,' in out and 'href="data:text/csv;base64,' in out


def test_a_label_from_the_data_cannot_break_out_of_the_page():
    rows = ROWS.assign(buyer=["</script><script>alert(1)</script>", "B", "C"])
    page = figure(alt.Chart(rows).mark_bar().encode(x="units:Q", y="buyer:N")).html()
    assert "<script>alert" not in page
    assert chart_assets.charts(page)[0].rows()[1][0]["buyer"].startswith("</script>")


def test_a_slider_total_is_computed_from_the_rows_drawn():
    price = alt.param(name="price", value=2.0, bind=alt.binding_range(min=1, max=4, step=1, name="Price "))
    bars = alt.Chart(ROWS).mark_bar().encode(x=alt.X("spend:Q", scale=charts.fixed_scale(800)), y="buyer:N") \
        .add_params(price).transform_calculate(spend=alt.datum.units * price)
    spec = charts.live_total(bars, "spend", label="Total: ", unit=" USD").to_dict()
    text = spec["layer"][1]
    assert {"aggregate": [{"op": "sum", "field": "spend", "as": "aicloud_total"}]} in text["transform"]
    assert any("calculate" in t and "price" in t["calculate"] for t in text["transform"])
    assert "params" not in text  # the slider is defined once, on the bars
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0.0, 800]


def test_code_toggles_are_named_by_their_words_and_blank_headers_are_cells():
    body = ('<summary aria-label="Toggle hidden content"><p>Show code cell source</p></summary>'
            '<table id="T_ab12"><thead><tr><th class="blank level0" >&nbsp;</th><th>x</th></tr></thead></table>'
            '<div class="table-wrapper"><table></table></div>')
    out = sphinx_readers.mend(body)
    assert "aria-label" not in out.split("</summary>")[0]
    assert '<td class="blank level0"></td>' in out and '<th class="blank' not in out
    assert out.count('tabindex="0" role="region"') == 2


def test_the_version_is_the_commit_or_says_there_is_none(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    none = sphinx_readers.version_info(tmp_path)
    assert none["commit"] == "not built from a git checkout" and none["date"] == "2026-05-28"
    here = sphinx_readers.version_info()
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True,
                          cwd=chart_assets.ROOT).stdout.strip()
    assert here["commit"].split(" ")[0] == head


def test_the_citation_escapes_braces_and_names_the_version():
    info = {"date": "2026-05-28", "year": "2026", "commit": "abc123", "version": "0.1.0"}
    bibtex, plain = sphinx_readers.citation(page_title="Prices {fell}", book_title="Book", author="Team",
                                            year="2026", info=info, url="", key="aicloud-x")
    assert r"title = {{Prices \{fell\}}}" in bibtex and re.search(r"note = \{.*commit abc123", bibtex)
    assert plain == "Team (2026). Prices {fell}. In: Book. Version 0.1.0, commit abc123, built 2026-05-28."


@pytest.mark.parametrize("width", [300, 540])
def test_the_static_image_has_the_figures_width(width):
    chart = chart_assets.charts(figure(width=width).html())[0]
    assert chart.static_spec()["width"] == width


def test_a_standalone_page_shows_the_key_findings_and_the_figures_files(tmp_path, monkeypatch):
    import nbformat

    from aicloud import standalone

    monkeypatch.setattr("aicloud.vega.vega_assets", lambda: {"bundle": "", "preset": {}})
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# T\n\n```{glue:} key_findings\n```\n\nProse."),
                nbformat.v4.new_code_cell("", outputs=[
                    nbformat.v4.new_output("display_data", data={"text/html": '<section class="key-findings">K'
                                                                 "</section>", "text/plain": "K"},
                                           metadata={"scrapbook": {"name": "key_findings", "mime_prefix": ""}}),
                    nbformat.v4.new_output("display_data", data={"text/html": figure().html(), "text/plain": "F"})])]
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, str(path))
    page = standalone.render(path, "T")
    assert page.index('<section class="key-findings">K</section>') < page.index("Prose.")
    assert "{glue" not in page and 'src="data:image/svg+xml;base64,' in page


def test_short_labels_keep_rows_that_differ_only_at_the_end_apart():
    rows = ["SGLang PD disaggregation + InferenceX (H100)", "SGLang PD disaggregation + InferenceX (H800)",
            "RTP-LLM (H800)"]
    shown = charts.short_labels(rows, chars=26)
    assert shown["RTP-LLM (H800)"] == "RTP-LLM (H800)"          # a short label is left as it is
    assert len(set(shown.values())) == 3 and all(len(s) <= 26 for s in shown.values())
    assert shown[rows[0]].endswith("(H100)") and "…" in shown[rows[0]]


@given(st.lists(st.text(alphabet="ab (", min_size=0, max_size=60), max_size=12), st.integers(6, 40))
def test_short_labels_are_one_to_one(labels, chars):
    shown = charts.short_labels(labels, chars=chars)
    assert set(shown) == set(labels)
    assert len(set(shown.values())) == len(shown)               # no two rows drawn with the same text
    assert all(s == t or len(s) < len(t) for t, s in shown.items())


def test_long_axis_labels_are_shown_cut_in_the_middle_and_the_data_keep_them_whole():
    rows = pd.DataFrame({"setup": ["SGLang PD disaggregation + InferenceX (H100)",
                                   "SGLang PD disaggregation + InferenceX (H800)", "RTP-LLM (H800)"],
                         "cost": [1.0, 2.0, 3.0], "source_id": ["s1", "s1", "s2"]})
    fig = figure(alt.Chart(rows).mark_point().encode(x="cost:Q", y="setup:N"))
    live, static = fig.specs()
    expr = live["encoding"]["y"]["axis"]["labelExpr"]
    assert expr == static["encoding"]["y"]["axis"]["labelExpr"]          # the static image reads the same
    shown = charts.short_labels(rows["setup"])
    assert shown["SGLang PD disaggregation + InferenceX (H100)"] in expr and "RTP-LLM (H800)" not in expr
    assert [r["setup"] for r in chart_assets.charts(fig.html())[0].rows()[1]] == list(rows["setup"])


def test_a_chinese_character_counts_two_letters_wide():
    assert charts.text_width("数据") == 4 and charts.text_width("ab") == 2
    names = ["阿里云通义千问大模型服务平台百炼专业版", "阿里云通义千问大模型服务平台百炼企业版"]
    shown = charts.short_labels(names, chars=16)   # they differ only in their last three characters
    assert len(set(shown.values())) == 2 and all(charts.text_width(s) <= 18 < charts.text_width(n) for n, s in
                                                  shown.items())
    assert charts.short_labels(["一二三四五六七八九十"], chars=12)["一二三四五六七八九十"] == "一二三…九十"
