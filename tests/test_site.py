"""The built site in Debian's Chromium (Playwright, no `playwright install`), served on 127.0.0.1.

Every page loads with no request leaving localhost and no page error; every chart draws; sliders redraw charts
without a kernel; the claims ledger filters."""

import pytest
from conftest import Visit, serve

from aicloud import book, data


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


def pages():
    found = ["index.html", "book/generated/claims_ledger.html", "book/generated/data_and_sources.html",
             "book/references.html", "book/rerun.html"]
    return found + [f"book/chapters/{c.name}.html" for c in book.chapters()]


@pytest.mark.parametrize("path", pages())
def test_page_loads_offline_without_errors(browser, base_url, path):
    visit = Visit(browser, f"{base_url}/{path}")
    visit.wait_for_charts()
    assert visit.outside == [], f"requests left localhost: {visit.outside}"
    assert visit.failed == [], f"failed requests: {visit.failed}"
    assert visit.real_errors() == [], f"page errors: {visit.real_errors()}"
    assert "Error loading script" not in visit.page.inner_text("body")
    visit.page.close()


@pytest.mark.parametrize("ch", book.chapters(), ids=[c.name for c in book.chapters()])
def test_every_chart_of_a_chapter_draws(browser, base_url, ch):
    visit = Visit(browser, f"{base_url}/book/chapters/{ch.name}.html")
    drawn = visit.wait_for_charts()
    assert drawn >= 1, f"{ch.name} has no chart"
    # every chart carries a description for screen readers
    # (Vega labels the element it draws into: the chart's div itself when the chart has no actions menu.)
    labels = visit.page.locator("div[id^='altair-viz'][role=graphics-document], "
                                "div[id^='altair-viz'] [role=graphics-document]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label') || '')")
    assert len(labels) == drawn
    assert all(len(label) > 20 for label in labels), labels
    visit.page.close()


@pytest.mark.parametrize("name", book.analytical())
def test_every_slider_redraws_its_chart_without_a_kernel(browser, base_url, name):
    visit = Visit(browser, f"{base_url}/book/chapters/{name}.html")
    visit.wait_for_charts()
    assert visit.page.locator(".vega-bindings input[type=range]").count() >= 1, f"{name} has no slider"
    unchanged = []
    charts = visit.page.locator("div[id^='altair-viz']")
    for c in range(charts.count()):
        chart = charts.nth(c)
        sliders = chart.locator(".vega-bindings input[type=range]")
        for i in range(sliders.count()):
            slider = sliders.nth(i)
            before = chart.locator("svg.marks").inner_html()
            low, high = float(slider.get_attribute("min")), float(slider.get_attribute("max"))
            current = float(slider.input_value())
            slider.fill(str(high if abs(current - high) > abs(current - low) else low))
            visit.page.wait_for_timeout(200)
            if chart.locator("svg.marks").inner_html() == before:
                unchanged.append(slider.evaluate("e => e.closest('label')?.innerText || e.name"))
    assert not unchanged, f"moving these sliders did not change their chart: {unchanged}"
    assert visit.real_errors() == []
    visit.page.close()


def test_the_claims_ledger_filters_by_verdict(browser, base_url):
    visit = Visit(browser, f"{base_url}/book/generated/claims_ledger.html")
    rows = visit.page.locator("#ledger-table tbody tr")
    total = rows.count()
    assert total == len(data.load("claims"))
    visit.page.select_option("#ledger-verdict", index=1)
    chosen = visit.page.locator("#ledger-verdict").input_value()
    shown = visit.page.locator("#ledger-table tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("rs => rs.map(r => r.dataset.verdict)")) == {chosen}
    visit.page.close()
