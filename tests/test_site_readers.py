"""The site as readers meet it, in Debian's Chromium at a phone's 390x844 and a desktop's 1280x900, on every page:
nothing wider than the screen, every chart drawn inside the column with its static image, its CSV and its
sources, no serious or critical axe-core violation (axe-core from npm, injected from node_modules: nothing is
fetched), findings first, a page that works without scripts and prints without code, a citation and a version.
"""

import csv
import io
import re
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import Visit, serve

from aicloud import chart_assets, data, pipeline

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE, DESKTOP = (390, 844), (1280, 900)
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def site_pages() -> list[str]:
    """Every page of the table of contents, as a path in the site."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    found = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                found.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", []))
    return [f"{p}.html" for p in dict.fromkeys(found)]


PAGES = site_pages()
CHAPTERS = [f"book/chapters/{c.name}.html" for c in pipeline.chapters()]


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` in the project (`make test` does)")
    return AXE.read_text(encoding="utf-8")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


# What a page measures in the browser: sizes against the viewport and the article column.
MEASURE = """() => {
  const W = document.documentElement.clientWidth;
  const col = document.querySelector('article.bd-article').getBoundingClientRect();
  function clipped(e) {   // inside a box that scrolls sideways and itself fits the screen
    for (let a = e.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden')
          && a.getBoundingClientRect().right <= W + 1) return true;
    }
    return false;
  }
  const wide = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width > 0 && s.visibility !== 'hidden' && (r.right > W + 1 || r.left < -1) && !clipped(e))
      wide.push(`${e.tagName.toLowerCase()}.${String(e.className.baseVal ?? e.className).split(' ')[0]} `
                + `${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const figures = [...document.querySelectorAll('figure.aicloud-chart')].map(f => {
    const r = f.getBoundingClientRect();
    const svg = f.querySelector('.chart-live svg.marks');
    const live = f.querySelector('.chart-live');
    const img = f.querySelector('img.chart-static');
    return {id: f.id, left: r.left, right: r.right, drawn: !!svg,
            svgRight: svg ? svg.getBoundingClientRect().right : null,
            liveRight: live.getBoundingClientRect().right,
            img: img ? img.getAttribute('src') : null, alt: img ? img.alt : null,
            csv: f.querySelector('a.chart-csv')?.getAttribute('href') ?? null};
  });
  const sliders = [...document.querySelectorAll('.vega-bindings input')].map(i => {
    const r = i.getBoundingClientRect(); return {height: r.height, right: r.right, left: r.left};
  });
  return {W, scrollWidth: document.documentElement.scrollWidth, col: [col.left, col.right], wide, figures, sliders};
}"""


def wait_for_charts(page) -> None:
    n = page.locator("figure.aicloud-chart").count()
    if n:
        page.wait_for_function("n => document.querySelectorAll('figure.aicloud-chart svg.marks').length === n",
                               arg=n, timeout=30_000)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", PAGES)
def test_the_page_fits_the_screen_with_every_chart_in_the_column(browser, base_url, path, viewport):
    visit = Visit(browser, f"{base_url}/{path}", viewport=VIEWPORTS[viewport])
    page = visit.page
    wait_for_charts(page)
    m = page.evaluate(MEASURE)
    assert m["scrollWidth"] <= m["W"], f"the page scrolls sideways: {m['scrollWidth']} px in {m['W']} px"
    assert m["wide"] == [], f"wider than the screen: {m['wide'][:10]}"
    left, right = m["col"]
    for f in m["figures"]:
        assert f["drawn"], f"{f['id']} did not draw"
        assert left - 1 <= f["left"] and f["right"] <= right + 1, f"{f['id']} sticks out of the column"
        assert f["liveRight"] <= right + 1, f"{f['id']}'s chart sticks out of the column"
        assert f["svgRight"] <= f["right"] + 1, f"{f['id']} is wider than its column"
        assert f["img"] and f["img"].endswith(".svg") and len(f["alt"]) > 20, f"{f['id']} has no static image"
        assert f["csv"] and f["csv"].endswith(".csv"), f"{f['id']} offers no data"
    for s in m["sliders"]:
        assert s["height"] >= 24, f"a slider is {s['height']} px tall"
        assert s["left"] >= 0 and s["right"] <= m["W"], "a slider is off the screen"
    assert visit.outside == [] and visit.real_errors() == []
    page.close()


# The text a chart draws: cut at the chart's edge, printed over other text, or cut short to the same words.
LABELS = """() => {
  const found = [];
  for (const f of document.querySelectorAll('figure.aicloud-chart')) {
    const svg = f.querySelector('.chart-live svg.marks');
    const box = svg ? svg.getBoundingClientRect() : null;
    if (!box || box.width === 0) continue;             // not drawn on this page's open view (e.g. a closed box)
    const texts = [...svg.querySelectorAll('text')]
      .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0
                   && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0')
      .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}));
    const name = f.querySelector('.chart-title').textContent.slice(0, 50);
    for (const a of texts)
      if (a.r.right > box.right + 1 || a.r.left < box.left - 1) found.push(`${name}: "${a.text}" cut at the edge`);
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].r, b = texts[j].r;
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom)
          - Math.max(a.top, b.top) > 2) found.push(`${name}: "${texts[i].text}" over "${texts[j].text}"`);
    }
    const cut = texts.map(t => t.text).filter(t => t.endsWith('…'));
    for (const t of new Set(cut.filter((t, i) => cut.indexOf(t) !== i))) found.push(`${name}: two labels read "${t}"`);
  }
  return found;
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", PAGES + [f"zh/{p}" for p in PAGES])   # Chinese labels have other widths
def test_chart_labels_are_whole_apart_and_inside_the_chart(browser, base_url, path, viewport):
    visit = Visit(browser, f"{base_url}/{path}", viewport=VIEWPORTS[viewport])
    wait_for_charts(visit.page)
    found = visit.page.evaluate(LABELS)
    assert found == [], "\n".join(found)
    visit.page.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violation(browser, base_url, axe_source, path, viewport):
    visit = Visit(browser, f"{base_url}/{path}", viewport=VIEWPORTS[viewport])
    wait_for_charts(visit.page)
    visit.page.add_script_tag(content=axe_source)
    found = visit.page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.nodes.length} x, e.g. ${v.nodes[0].target.join(' ')}`)""")
    assert found == [], "\n".join(found)
    assert visit.outside == []
    visit.page.close()


@pytest.mark.parametrize("path", CHAPTERS)
def test_every_chart_serves_the_rows_it_draws_and_its_image(base_url, path):
    page = fetch(f"{base_url}/{path}").decode()
    figures = chart_assets.charts(page)
    assert figures, f"{path} has no figure"
    for chart in figures:
        body = page[page.index(f'id="figure-{chart.ident}"'):]
        body = body[:body.index("</figure>")]
        csv_href = re.search(r'class="chart-csv" href="([^"]+)"', body).group(1)
        svg_src = re.search(r'class="chart-static" src="([^"]+)"', body).group(1)
        served = list(csv.DictReader(io.StringIO(fetch(f"{base_url}/{Path(path).parent}/{csv_href}").decode())))
        columns, drawn = chart.rows()
        assert served and list(served[0]) == columns and columns[-1] == "source_id"
        assert [{k: r[k] for k in columns} for r in served] == \
               [{k: "" if r.get(k) is None else str(r.get(k, "")) for k in columns} for r in drawn]
        image = fetch(f"{base_url}/{Path(path).parent}/{svg_src}").decode()
        assert image.startswith("<svg") and "</svg>" in image
        listed = re.search(r'<details class="chart-sources">(.*?)</details>', body, re.S)
        assert listed or not chart.source_ids(), f"{chart.ident} lists no sources"
        for ident in chart.source_ids():
            assert ident in re.sub(r"<[^>]+>", "", listed.group(1)), f"{chart.ident} does not list {ident}"
    data_page = fetch(f"{base_url}/book/generated/data_and_sources.html").decode()
    linked = set(re.findall(r'href="\.\./generated/data_and_sources\.html#source-([^"]+)"', page))
    sources = set(data.load("sources")["id"])
    cited = {i for chart in figures for i in chart.source_ids() if i in sources}
    assert cited <= linked, f"sources shown but not linked: {cited - linked}"
    assert all(f'id="source-{i}"' in data_page for i in linked), "a chart links a source the data page lacks"


@pytest.mark.parametrize("path", CHAPTERS)
def test_without_scripts_every_chart_is_its_static_image(browser, base_url, path):
    visit = Visit(browser, f"{base_url}/{path}", viewport=PHONE, javascript=False)
    page = visit.page
    page.wait_for_load_state("load")
    shown = page.evaluate("""() => [...document.querySelectorAll('figure.aicloud-chart')].map(f => {
        const img = f.querySelector('img.chart-static'), r = img.getBoundingClientRect();
        return {visible: getComputedStyle(img).display !== 'none' && r.height > 0, loaded: img.naturalWidth > 0,
                fits: r.right <= document.documentElement.clientWidth + 1,
                live: getComputedStyle(f.querySelector('.chart-live')).display};
    })""")
    assert shown, f"{path} has no figure"
    for i, s in enumerate(shown):
        assert s["visible"] and s["loaded"] and s["fits"], f"figure {i}: {s}"
        assert s["live"] == "none", f"figure {i}: the empty live chart still takes space"
    page.close()


@pytest.mark.parametrize("path", CHAPTERS)
def test_print_shows_static_images_and_no_code_toggles_or_sidebars(browser, base_url, path):
    visit = Visit(browser, f"{base_url}/{path}", viewport=DESKTOP)
    page = visit.page
    wait_for_charts(page)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => {
        const shown = sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== 'none'
                                                                          && e.getClientRects().length > 0).length;
        return {toggles: shown('details.hide'), code: shown('.cell_input'), sidebars: shown('.bd-sidebar-primary')
                  + shown('.bd-sidebar-secondary'), live: shown('.chart-live'), sliders: shown('.vega-bindings'),
                static: shown('img.chart-static'), figures: document.querySelectorAll('figure.aicloud-chart').length};
    }""")
    assert hidden["toggles"] == hidden["code"] == hidden["sidebars"] == 0, hidden
    assert hidden["live"] == hidden["sliders"] == 0, hidden
    assert hidden["static"] == hidden["figures"] > 0, hidden
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_can_be_cited_and_names_its_build(base_url, path):
    page = fetch(f"{base_url}/{path}").decode()
    info = re.search(r'<p class="build-info">Built (\d{4}-\d\d-\d\d) from commit <code>([^<]+)</code> '
                     r"\(version ([^)]+)\)", page)
    assert info, f"{path} names no build"
    assert re.fullmatch(r"[0-9a-f]{12}( \+ local changes)?|not built from a git checkout", info.group(2))
    bibtex = re.search(r'<pre class="cite-bibtex">(.*?)</pre>', page, re.S).group(1)
    title = re.search(r"<title>(.*?)( &#8212;| —|</title>)", page).group(1).strip()
    assert bibtex.startswith("@misc{aicloud-") and f"commit {info.group(2)}" in bibtex
    # as text: a Chinese word in an English title is marked <span lang="zh-CN"> in the citation too
    plain = re.sub(r"<[^>]+>", "", re.search(r'<pre class="cite-plain">(.*?)</pre>', page, re.S).group(1))
    assert title.split(" &#")[0][:20] in plain and info.group(1) in plain
    assert 'href="' in page.split('class="build-info"')[1].split("</p>")[0]  # changelog and licence links


@pytest.mark.parametrize("path", CHAPTERS)
def test_findings_come_first_and_link_to_their_sections(browser, base_url, path):
    visit = Visit(browser, f"{base_url}/{path}", viewport=PHONE)
    page = visit.page
    first = page.evaluate("""() => {
        const h1 = document.querySelector('article h1');
        const after = [...document.querySelectorAll('article h1 ~ *, article section > h1 ~ *')]
            .find(e => e.textContent.trim() && e.getClientRects().length);
        return {box: !!(after && (after.matches('.key-findings') || after.querySelector('.key-findings'))),
                links: [...document.querySelectorAll('.key-findings a')].map(a => a.getAttribute('href')),
                top: document.querySelector('.key-findings')?.getBoundingClientRect().top ?? null,
                title: h1.textContent};
    }""")
    assert first["box"], f"{path}: the first thing under the title is not the key-findings box"
    assert first["top"] < 2 * PHONE[1], f"{path}: the findings start {first['top']} px down on a phone"
    for href in first["links"]:
        if href.startswith("#"):
            assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{path}: {href} leads nowhere"
        else:
            assert fetch(f"{base_url}/{Path(path).parent}/{href.split('#')[0]}"), href
    page.close()


def test_the_home_page_counts_every_claim_of_the_ledger(base_url):
    page = fetch(f"{base_url}/book/chapters/introduction.html").decode()
    text = re.sub(r"<[^>]+>", "", page)
    claims = data.load("claims")
    stated = re.search(r"The article makes (\d+) claims\. The chapters test (\d+) of them", text)
    assert stated and int(stated.group(1)) == len(claims)
    own = int((claims["chapter"] == "conclusion").sum())
    assert int(stated.group(2)) <= len(claims) - own
    assert page.index('class="key-findings home-findings"') < page.index("This report does not retell")


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(browser, base_url):
    visit = Visit(browser, f"{base_url}/book/chapters/capex_and_fibre.html", viewport=PHONE)
    page = visit.page
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.textContent.trim(), "
                            "document.activeElement.getAttribute('href'), "
                            "document.activeElement.getBoundingClientRect().height]")
    assert focused[0] == "Skip to main content" and focused[2] > 0
    assert page.locator(focused[1]).count() == 1
    page.close()


def test_a_wide_table_scrolls_in_its_own_box_with_its_key_column_in_view(browser, base_url):
    visit = Visit(browser, f"{base_url}/book/generated/claims_ledger.html", viewport=PHONE)
    page = visit.page
    box = page.locator(".table-wrapper:has(#ledger-table)")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the ledger fits a phone: nothing to test"
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    page.wait_for_timeout(100)
    left = box.evaluate("b => b.getBoundingClientRect().left")
    first = page.locator("#ledger-table tbody tr:first-child td:first-child")
    assert abs(first.evaluate("c => c.getBoundingClientRect().left") - left) <= 1, "the id column scrolled away"
    assert first.is_visible() and page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    page.close()
