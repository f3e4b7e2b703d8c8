"""Data labels are text in every output: the standalone page of `run` (which renders MyST as the site does, with
solutions closed), the generated pages and the course pack never turn a label into a link, an image or markup."""

from pathlib import Path

import nbformat
import pytest
from conftest import Visit, serve
from markdown_it import MarkdownIt

from aicloud import cli, escape, pages, standalone

HOSTILE = Path(__file__).parent / "hostile"
LABEL = "![t](https://e.invalid/p.png)[x](https://e.invalid/) *C* {term}`X` <script>alert(1)</script>\n\n# H"
PROSE = """# Chapter

The largest buyer was {glue:text}`buyer`; it bought {glue:text}`units:,.0f` GPUs ({term}`GPUs <GPU>`).

(a-target)=
% a comment the site does not show

```{exercise-start}
:label: ex-one
```
**Try it.** Count the buyers.
```{exercise-end}
```

```{solution-start} ex-one
:class: dropdown
```
There are {glue:text}`units:,.0f`.
"""
AFTER = """```{solution-end}
```

:::{note}
A note with a {doc}`link <../glossary>`.
:::
"""


def glue_output(name: str, text: str) -> dict:
    prefix = "application/papermill.record/"
    return nbformat.v4.new_output("display_data", data={prefix + "text/plain": text},
                                  metadata={"scrapbook": {"mime_prefix": prefix, "name": name}})


@pytest.fixture
def page(tmp_path, monkeypatch) -> str:
    monkeypatch.setattr("aicloud.vega.vega_assets", lambda: {"bundle": "", "preset": {}})
    code = nbformat.v4.new_code_cell("glue(...)", outputs=[glue_output("buyer", repr(LABEL)),
                                                          glue_output("units", "650000")])
    solution = nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["solution", "hide-input"]},
                                         outputs=[nbformat.v4.new_output("stream", text="hidden")])
    nb = nbformat.v4.new_notebook(cells=[code, nbformat.v4.new_markdown_cell(PROSE), solution,
                                         nbformat.v4.new_markdown_cell(AFTER)])
    path = tmp_path / "chapter.ipynb"
    nbformat.write(nb, str(path))
    return standalone.render(path, "A <title>")


def test_a_glued_label_is_text_not_an_image_a_link_or_markup(page):
    body = page[page.index("<body>"):]
    assert "<img" not in body and "<a " not in body and "<script>" not in body and "<h1>H" not in body
    assert "![t](https://e.invalid/p.png)[x](https://e.invalid/) *C* {term}`X` &lt;script&gt;" in body
    assert "<title>A &lt;title&gt;</title>" in page


def test_myst_is_rendered_as_the_site_renders_it_with_solutions_closed(page):
    body = page[page.index("<body>"):]
    for raw in (":label:", ":class:", "{exercise", "{solution", "{term}`GPUs", "{glue", "(a-target)=", "% a comment",
                ":::", "{note}", "{doc}"):
        assert raw not in body.replace("{term}`X`", ""), raw
    assert '<span class="term">GPUs</span>' in body and "650,000 GPUs" in body
    assert '<div class="admonition exercise" id="ex-one"><p class="admonition-title">Exercise 1</p>' in body
    assert '<details class="solution"><summary>Solution to Exercise 1</summary>' in body
    assert "<details open" not in body and body.count("<details") == body.count("</details>") == 1
    solution = body[body.index("<details"):body.index("</details>")]
    assert "There are 650,000." in solution  # the solution's text and cells sit inside the closed dropdown
    assert '<div class="admonition note"><p class="admonition-title">Note</p>' in body and "link" in body


def test_escaping_helpers_keep_text_on_one_line_and_literal():
    assert escape.html_text('a\n\n<b onclick="x">&') == "a &lt;b onclick=&quot;x&quot;&gt;&amp;"
    rendered = MarkdownIt("commonmark").render(escape.markdown_text(LABEL))
    assert "<img" not in rendered and "<a " not in rendered and "<em>" not in rendered and "<h1>" not in rendered
    assert "![t](https://e.invalid/p.png)" in rendered and "&lt;script&gt;" in rendered


def test_generated_pages_keep_a_label_in_its_cell(monkeypatch):
    frame = pages.pd.DataFrame({"buyer": [LABEL], "n": [1]})
    table = pages._table(frame, row_attrs=[{"verdict": 'x" onmouseover="alert(1)'}])
    assert "\n" not in table  # a blank line would end the page's HTML block and start Markdown
    assert "<script>" not in table and 'onmouseover="' not in table
    assert pages._sources_cell("a,<b>\n\nc") == "<details><summary>2 sources</summary>a, &lt;b&gt; c</details>"


@pytest.fixture(scope="module")
def markdown_run(tmp_path_factory):
    """The GPU chapter rerun on a file whose buyer label is Markdown for an image and a link."""
    out = tmp_path_factory.mktemp("run") / "out"
    code = cli.main(["run", "gpu_allocation", "--data", f"gpu_buyers={HOSTILE / 'markdown_label.csv'}",
                     "--out", str(out)])
    assert code == 0
    return out


def test_the_standalone_page_shows_a_markdown_label_as_text_and_fetches_nothing(browser, markdown_run):
    with serve(markdown_run) as url:
        visit = Visit(browser, f"{url}/gpu_allocation.html")
        assert visit.wait_for_charts() >= 1
        assert visit.outside == [] and visit.real_errors() == [] and visit.dialogs == []
        text = visit.page.inner_text("body")
        assert "![t](https://e.invalid/p.png)[x](https://e.invalid/) *C*" in text
        assert visit.page.locator("a[href*='e.invalid'], img[src*='e.invalid']").count() == 0
        assert visit.page.locator("details.solution").count() >= 1
        assert visit.page.locator("details[open]").count() == 0  # solutions closed, as on the site
        visit.page.close()
