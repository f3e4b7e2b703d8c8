"""The built site in two languages: every page has its Chinese counterpart under zh/ and a switch to it and
back; Chinese pages are zh-CN to the browser, Chinese to search, drawn with a Chinese font, and contain no
English sentence except where the rule allows one.

The rule (aicloud.i18n.english_sentences): a Latin-script run with three or more lowercase English words, once
names, source titles and units (locale/zh_CN/keep.txt, the data's name columns, the bibliography) are taken out,
is an English sentence. Not read: code (code, pre, kbd, samp, script, style), elements marked translate="no"
(source titles and publishers on the data page), the bibliography (source titles as published), the English
names of glossary entries (dt), and pages still pending translation, which say so and are marked lang="en"."""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Visit, serve

from aicloud import i18n, i18n_source, zh_edition

SKIP_DIRS = {"_static", "_sources", "_images"}
SKIP_PAGES = {"genindex.html", "search.html"}
CODE = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math"}


def html_pages(root: Path) -> list[str]:
    """The site's pages (not its redirect stubs, search and index pages, or the other edition)."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.html")
                  if not SKIP_DIRS & set(p.relative_to(root).parts) and p.parts[-1] not in SKIP_PAGES
                  and "zh" != p.relative_to(root).parts[0]
                  and not p.read_text(encoding="utf-8").startswith("<meta http-equiv=\"Refresh\""))


@pytest.fixture(scope="session")
def zh_site(site) -> Path:
    zh = site / "zh"
    assert (zh / "index.html").exists(), "the Chinese edition is not mounted at _build/html/zh"
    return zh


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


def test_every_page_has_a_chinese_counterpart_and_back(site, zh_site):
    assert html_pages(site) == html_pages(zh_site)


def test_chinese_pages_are_zh_cn_and_english_pages_en(site, zh_site):
    for page in html_pages(zh_site):
        assert '<html lang="zh-CN"' in (zh_site / page).read_text(encoding="utf-8"), page
        assert '<html lang="en"' in (site / page).read_text(encoding="utf-8"), page


SWITCH = re.compile(r'<a class="aicloud-lang-switch[^"]*" href="([^"]+)" hreflang="([^"]+)"')


@pytest.mark.parametrize("edition", ["en", "zh"])
def test_the_language_switch_leads_to_the_same_page_in_the_other_edition(site, zh_site, edition):
    here, there = (site, zh_site) if edition == "en" else (zh_site, site)
    for page in html_pages(here):
        found = SWITCH.search((here / page).read_text(encoding="utf-8"))
        assert found, f"{edition}/{page} has no language switch"
        target = ((here / page).parent / html.unescape(found[1])).resolve()
        assert target == (there / page).resolve(), f"{edition}/{page} switches to {target}"
        assert found[2] == ("zh-CN" if edition == "en" else "en")


class Text(HTMLParser):
    """The text of a page a reader sees, outside the elements the rule does not read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []     # per open element: is it (or an ancestor) exempt?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        exempt = (tag in CODE or a.get("translate") == "no" or a.get("lang", "").startswith("en")
                  or "citation" in classes or "citation-list" in classes or "highlight" in " ".join(classes)
                  or (tag == "dt" and self._in_glossary))
        if tag == "dl" and "glossary" in classes:
            self._glossary = len(self.stack)
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "col", "area", "wbr"):
            self.stack.append(exempt or (self.stack[-1] if self.stack else False))

    @property
    def _in_glossary(self):
        return getattr(self, "_glossary", None) is not None

    def handle_endtag(self, tag):
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source", "col", "area", "wbr") and self.stack:
            self.stack.pop()
            if getattr(self, "_glossary", None) is not None and len(self.stack) <= self._glossary:
                self._glossary = None

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.parts.append(data)


def english_left(path: Path) -> list[str]:
    parser = Text()
    text = path.read_text(encoding="utf-8")
    body = text[text.find("<body"):]
    parser.feed(body)
    found = []
    for part in parser.parts:
        found += i18n.english_sentences(" ".join(part.split()))
    return found


def test_chinese_pages_contain_no_english_sentence(zh_site):
    pending = {f"book/chapters/{name}.html" for name in i18n_source.pending()}
    found = {page: english_left(zh_site / page) for page in html_pages(zh_site) if page not in pending}
    found = {page: sentences[:5] for page, sentences in found.items() if sentences}
    assert not found, f"English sentences on Chinese pages: {json.dumps(found, ensure_ascii=False, indent=1)}"


# What other extensions add to every page in English (aicloud.sphinx_readers, aicloud.chart_assets,
# aicloud.findings); phrases too short for the sentence rule.
FURNITURE = ("Cite this page", "Plain text:", ">Data (CSV", ">Image (SVG)", "Sources of the rows drawn",
             ">Changelog</a>", ">Licence</a>", "Key findings", ">Read: ", "scrolls sideways",
             'aria-label="Chart: ', "The chart could not be drawn")


def test_chinese_pages_have_their_furniture_in_chinese(zh_site):
    found = {page: [f for f in FURNITURE if f in (zh_site / page).read_text(encoding="utf-8")]
             for page in html_pages(zh_site)}
    assert not {page: left for page, left in found.items() if left}
    chapter = (zh_site / "book" / "chapters" / "capex_and_fibre.html").read_text(encoding="utf-8")
    for chinese in ("引用本页", "所绘数据行的来源", "数据（CSV，", "图片（SVG）", "核心发现", "更新日志"):
        assert chinese in chapter, chinese


def test_key_findings_links_land_on_a_section_of_the_chinese_page(zh_site):
    for page in html_pages(zh_site):
        text = (zh_site / page).read_text(encoding="utf-8")
        box = re.search(r'<section class="key-findings".*?</section>', text, re.S)
        if not box or page in {f"book/chapters/{name}.html" for name in i18n_source.pending()}:
            continue
        ids = set(re.findall(r'\sid="([^"]+)"', text))
        targets = re.findall(r'href="#([^"]+)"', box.group(0))
        assert targets and all(t in ids for t in targets), (page, [t for t in targets if t not in ids])


def test_the_rule_finds_english_on_a_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><body><p>中文。 This paragraph was forgotten by the translator.</p>'
                    '<pre>code is fine in any language</pre><span translate="no">Big AI: a title as published'
                    '</span></body></html>', encoding="utf-8")
    assert english_left(page) == ["This paragraph was forgotten by the translator."]


def test_pending_pages_say_so_and_are_marked_english(zh_site):
    for name in (p for p in i18n_source.pending() if "." not in p):
        pages = [zh_site / "book" / "chapters" / f"{name}.html",
                 *(zh_site / "book" / "generated" / "exercise_sheets").glob(f"*_{name}.html")]
        assert len(pages) == 2, pages   # the chapter and its exercise sheet
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert "本页尚未译成中文" in text and '<div lang="en">' in text, page


def test_the_answer_key_is_in_chinese_except_the_pending_chapters_marked_english(zh_site):
    text = (zh_site / "book" / "generated" / "answer_key.html").read_text(encoding="utf-8")
    assert "练习 1 的答案" in text and "第一阶段：GPU 流向了谁" in text
    assert text.count('<div lang="en">') == len([p for p in i18n_source.pending() if "." not in p])


def test_chinese_chapters_showed_nothing_untranslated(site):
    outputs = {p.stem: p for p in (site.parent / "zh" / "src" / "book" / "chapters").glob("*.ipynb")}
    assert outputs, "no executed Chinese chapters"
    missing = {k: v for k, v in zh_edition.missing_strings(outputs).items() if k not in i18n_source.pending()}
    assert not missing, f"shown in English in Chinese chapters: {json.dumps(missing, ensure_ascii=False)[:2000]}"


def test_chinese_words_in_english_pages_are_marked_zh_cn(site):
    glossary = (site / "book" / "glossary.html").read_text(encoding="utf-8")
    assert '<span lang="zh-CN">算力</span>' in glossary


def _search_index(root: Path) -> dict:
    text = (root / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


@pytest.mark.parametrize("term", ["算力", "价格战", "推理成本"])
def test_chinese_search_indexes_the_terms_on_the_chapters(zh_site, term):
    index = _search_index(zh_site)
    assert term in index["terms"], f"{term} is not a search term of the Chinese site"
    docs = index["terms"][term]
    docs = [docs] if isinstance(docs, int) else docs
    names = {index["docnames"][d] for d in docs}
    assert any(n.startswith("book/chapters/") for n in names), names


@pytest.mark.parametrize("term", ["算力", "价格战", "推理成本"])
def test_searching_a_chinese_term_in_the_browser_finds_a_chapter(browser, base_url, term):
    visit = Visit(browser, f"{base_url}/zh/search.html?q={term}")
    visit.page.wait_for_selector("#search-results ul.search li", timeout=30_000)
    links = visit.page.locator("#search-results ul.search li a").evaluate_all("as => as.map(a => a.href)")
    assert any("/zh/book/chapters/" in link for link in links), links
    assert visit.outside == [] and visit.real_errors() == []
    visit.page.close()


@pytest.mark.parametrize("path", [
    "index.html", "book/chapters/gpu_allocation.html", "book/chapters/maas_price_war.html",
    "book/chapters/capex_and_fibre.html", "book/chapters/conclusion.html", "book/generated/claims_ledger.html",
    "book/generated/data_and_sources.html", "book/glossary.html"])
def test_chinese_pages_load_offline_and_draw_their_charts(browser, base_url, path):
    visit = Visit(browser, f"{base_url}/zh/{path}")
    visit.wait_for_charts()
    assert visit.outside == [], visit.outside
    assert visit.failed == [], visit.failed
    assert visit.real_errors() == [], visit.real_errors()
    visit.page.close()


def test_chinese_is_drawn_with_a_chinese_font_not_as_missing_glyphs(browser, base_url):
    """With the page's own font stack, a Chinese character differs from a character no font has (drawn as a
    box); Debian's fonts-noto-cjk provides the glyphs in the test browser (make test installs it)."""
    visit = Visit(browser, f"{base_url}/zh/book/chapters/gpu_allocation.html")
    same = visit.page.evaluate("""() => {
        const font = getComputedStyle(document.querySelector('article') || document.body).fontFamily;
        const draw = ch => { const c = document.createElement('canvas'); c.width = c.height = 40;
            const x = c.getContext('2d'); x.font = '32px ' + font; x.fillText(ch, 2, 34);
            return x.getImageData(0, 0, 40, 40).data.join(','); };
        return [draw('算') === draw('\\uE000'), draw('算') === draw('力'), font];
    }""")
    assert same[0] is False and same[1] is False, f"Chinese is drawn as missing glyphs with {same[2]}"
    assert "Noto Sans CJK SC" in same[2] or "PingFang SC" in same[2]
    visit.page.close()


def test_both_editions_reach_the_same_verdicts(site):
    """The Chinese chapters' verdicts (the keys the Chinese ledger and conclusion compare) are the English ones."""
    import csv

    def verdicts(path: Path) -> dict[str, str]:
        with path.open(encoding="utf-8") as f:
            return {row["id"]: row["verdict"] for row in csv.DictReader(f)}

    english = verdicts(site.parent.parent / "book" / "generated" / "claims_ledger.csv")
    chinese = verdicts(site.parent / "zh" / "src" / "book" / "generated" / "claims_ledger.csv")
    assert chinese == english
    assert sum(v != "no verdict yet" for v in chinese.values()) >= 30
