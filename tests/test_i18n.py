"""The Chinese edition's mechanism: the language switch, display lookup, Chinese numbers and typesetting, the rule
for English left in Chinese text, MyST messages, the sweep cache and mounting the Chinese site."""

import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicloud import i18n, i18n_source, sweep_cache, zh_edition


@pytest.fixture
def zh():
    with i18n.language("zh"):
        i18n.clear_missing()
        yield
    i18n.clear_missing()


# --- the language switch -----------------------------------------------------------------------------------

def test_chinese_counterparts_are_swapped_in_and_the_english_put_back():
    from aicloud import robustness
    from aicloud.analysis import conclusion
    from aicloud.analysis import maas_price_war_text as maas_price_war  # the MaaS chapter's sentences live here
    from aicloud.data import Tables

    english = (conclusion.headline, maas_price_war.TEXT, conclusion.C02_SUCCEED, Tables.source_line,
               robustness.SUMMARY)
    with i18n.language("zh"):
        assert conclusion.headline is not english[0] and "。" in conclusion.C02_SUCCEED
        assert maas_price_war.TEXT["none"] == "无"
        assert Tables.source_line is not english[3]   # a method ("Class.method" in ATTRIBUTES)
        assert robustness.SUMMARY["flip_sep"] == "；"
    assert (conclusion.headline, maas_price_war.TEXT, conclusion.C02_SUCCEED, Tables.source_line,
            robustness.SUMMARY) == english
    assert i18n.current() == "en"


def test_a_module_imported_after_the_switch_gets_its_counterparts_then_and_only_the_modules_used_load():
    code = """
import sys
from aicloud import i18n
i18n.use("zh")
assert "aicloud.analysis.conclusion" not in sys.modules
from aicloud.analysis import conclusion
assert conclusion.C02_SUCCEED.endswith("。"), conclusion.C02_SUCCEED
assert "aicloud.zh.analysis.capex_and_fibre" not in sys.modules   # no other chapter's counterparts
i18n.use("en")
assert not conclusion.C02_SUCCEED.endswith("。")
from aicloud.analysis import gpu_allocation   # imported in English: stays English
assert "aicloud.zh.analysis.gpu_allocation" not in sys.modules
print("ok")
"""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip() == "ok", done.stderr


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        i18n.use("fr")


def test_keys_the_rules_compare_stay_english():
    from aicloud import verdicts
    from aicloud.analysis import gpu_allocation

    with i18n.language("zh"):
        assert verdicts.LABELS[0] == "supported"
        assert gpu_allocation.share_word(0.8) == "most"   # read by the C03 rule


def test_a_verdict_made_in_chinese_has_the_same_label_as_in_english():
    from aicloud import data, params
    from aicloud.analysis import gpu_allocation as g

    declared = params.read("gpu_allocation")
    used = {p.name: p.default for p in declared if not p.resource}
    tables = data.Tables(**{p.resource: p.default for p in declared if p.resource})
    english = {c: v.label for c, v in g.analyse(tables, used).verdicts.items()}
    with i18n.language("zh"):
        chinese = g.analyse(tables, used).verdicts
    assert {c: v.label for c, v in chinese.items()} == english
    assert all(i18n.CJK.search(v.reason) for v in chinese.values())


# --- display lookup ----------------------------------------------------------------------------------------

def test_display_is_the_identity_in_english():
    assert i18n.display("partly supported") == "partly supported"


def test_display_translates_exactly_by_pattern_and_dates(zh):
    assert i18n.display("partly supported") == "部分支持"
    assert i18n.display("Two buyers took 41% of listed GPUs in 2024, 46% in 2023") == \
        "2024 年两个买家拿走了所列 GPU 的 41%，2023 年为 46%"
    assert i18n.display("01 Jul 2023 to 30 Sep 2023") == "2023 年 7 月 1 日至 2023 年 9 月 30 日"
    assert i18n.display("Sep 2025") == "2025 年 9 月"
    assert i18n.display("2025-H1") == "2025 年上半年"
    assert i18n.missing() == []


def test_names_identifiers_and_numbers_pass_and_are_not_missing(zh):
    for kept in ("Meta", "Omdia", "maas-deepseek-day6", "H100 80GB", "FY2025 Q1", "12.5%", "deepseek-chat"):
        assert i18n.display(kept) == kept
    assert i18n.display("Tencent") == "腾讯"
    assert i18n.missing() == []


def test_an_english_string_without_chinese_is_recorded_as_missing(zh):
    text = "a sentence nobody has translated yet, 4711"
    assert i18n.display(text, "test") == text
    assert i18n.missing() == [text]


def test_a_pattern_whose_field_has_no_chinese_is_missing_too(zh):
    text = "Two buyers took 41% of listed GPUs in an unknown year, 46% in 2023"
    i18n.display(text)
    assert text in i18n.missing()


def test_a_chinese_string_carrying_an_english_sentence_is_missing(zh):
    text = "第一句是中文。But the second one is still in English here."
    i18n.display(text)
    assert text in i18n.missing()


def test_template_translates_its_string_fields_and_gives_billions_in_yi(zh):
    t = i18n.Template("{who}：{x__yi:,.0f} 亿美元（{x:.1f} bn），{word}")
    assert t.format(who="Alibaba", x=115.2, word="partly supported") == "阿里巴巴：1,152 亿美元（115.2 bn），部分支持"


@pytest.mark.parametrize(("shown", "expected"), [("16", "160"), ("1.5", "15"), ("1,616", "16,160"),
                                                  ("0.25", "2.5"), ("about", "about")])
def test_a_display_pattern_writes_billions_in_yi(shown, expected):
    assert i18n._times_ten(shown) == expected


def test_a_pattern_field_in_yi_in_a_real_title(zh):
    title = i18n.display("At the central price, the listed 2023 GPUs cost about USD 16 bn")
    assert "160 亿美元" in title and "2023" in title


# --- numbers and typesetting -------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [(650_000, "65 万"), (5_000, "5,000"), (1_734_000, "173.4 万"),
                                             (380e9, "3,800 亿"), (12_345, "1.2 万")])
def test_counts_in_wan_and_yi(value, expected):
    assert i18n.yi(value) == expected


@pytest.mark.parametrize("bn, expected", [(115.2, "1,152 亿美元"), (0.34, "3.4 亿美元"), (2000, "2 万亿美元")])
def test_usd_billions_in_yi(bn, expected):
    assert i18n.usd_bn(bn) == expected


def test_units_and_the_zhnum_units():
    assert i18n.units(650_000) == "65 万张"
    assert i18n.units(5_000) == "5,000 张"
    assert i18n.zh_number(380, "亿元") == "3,800 亿元"
    with pytest.raises(ValueError, match="unknown Chinese number unit"):
        i18n.zh_number(1, "bn")
    with pytest.raises(ValueError, match="finite"):
        i18n.wan(float("nan"))


@given(st.floats(min_value=1e4, max_value=1e15, allow_nan=False))
def test_wan_and_yi_keep_the_value(x):
    text = i18n.yi(x, digits=6)
    number, unit = text.split(" ")
    scale = {"万": 1e4, "亿": 1e8}[unit]
    assert float(number.replace(",", "")) * scale == pytest.approx(x, rel=1e-5)


def test_spacing_puts_spaces_between_chinese_and_latin_and_chinese_punctuation():
    assert i18n.spacing("买家Meta和Microsoft占 46%") == "买家 Meta 和 Microsoft 占 46%"
    assert i18n.spacing("以 5 万张 居首") == "以 5 万张居首"
    assert i18n.spacing("发布的（新模型）; 2 个模型.") == "发布的（新模型）；2 个模型。"
    assert i18n.spacing("plain English, untouched.") == "plain English, untouched."


def test_chinese_dates():
    assert i18n.day("2024-05-21") == "2024年5月21日"
    assert i18n.month("2025-12-17") == "2025年12月"
    assert i18n.join(["甲", "乙", "丙"]) == "甲、乙和丙"


# --- the rule for English left in Chinese ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "结论是支持。This is a whole English sentence left behind.",
    "价格 fell by more than half in 2024",
])
def test_an_english_sentence_is_found(text):
    assert i18n.english_sentences(text)


@pytest.mark.parametrize("text", [
    "英伟达 H100 的 BF16 稠密算力为 989.4 TFLOPS",                 # units and names
    "见 `python -m aicloud run gpu_allocation --lang zh`",          # code
    "来源：Tom's Hardware citing Omdia（2024）",                     # a publisher, as published
    "“Big AI: Cloud infrastructure dependence and the industrialisation of artificial intelligence”",  # a title
    "数据见 data/gpu_buyers.csv 和 https://example.org/a-long-path",  # file names and addresses
    "两个英文词 two words 不算句子",
])
def test_names_titles_units_code_and_two_words_are_not_sentences(text):
    assert i18n.english_sentences(text) == []


# --- MyST messages -------------------------------------------------------------------------------------------

PAGE = """---
jupytext: {}
---
# A title

A paragraph with a {glue:text}`key:,.0f` value
that wraps.

```{code-cell} ipython3
x = "code is never a message"
```

```{exercise-start}
:label: ex-1
```
**Do this.** Then that.
```{exercise-end}
```

```bash
python -m aicloud build
```

- a list item
- another item
"""


def test_messages_are_blocks_of_prose_and_never_code_or_options():
    texts = [b.text for b in i18n_source.blocks(PAGE)]
    assert texts == ["# A title", "A paragraph with a {glue:text}`key:,.0f` value\nthat wraps.",
                     "**Do this.** Then that.", "- a list item\n- another item"]


def test_a_page_is_translated_block_by_block_and_code_is_kept():
    table = {i18n.normalise("A paragraph with a {glue:text}`key:,.0f` value that wraps."):
             "段落中有一个 {glue:text}`key:,.0f` 值。", i18n.normalise("# A title"): "# 标题"}
    text, missing = i18n_source.translate_text(PAGE, table)
    assert "# 标题" in text and "段落中有一个" in text
    assert 'x = "code is never a message"' in text and ":label: ex-1" in text and "python -m aicloud build" in text
    assert missing == ["**Do this.** Then that.", "- a list item\n- another item"]


def test_a_chinese_notebook_starts_and_ends_with_the_language_cells():
    text, _ = i18n_source.notebook_zh(PAGE, {})
    assert text.startswith("---\njupytext: {}\n---\n```{code-cell} ipython3\n:tags: [remove-cell]")
    assert 'i18n.use("zh")' in text.split("# A title")[0]
    assert text.rstrip().endswith("i18n.report()\n```")


@pytest.mark.parametrize("chinese, problem", [
    ("缺了一个值。", "glue"),
    ("{glue:text}`key:,.0f}` 值。", "malformed"),
    ("{zhnum}`key:bn` 值。", "unknown Chinese unit"),
    ("{glue:text}`key:,.0f` 值，[链接](other.md)。", "link"),
    ("{glue:text}`key:,.0f` but this is still an English sentence here.", "English left"),
    ("- **[一个 {glue:text}`key:,.0f` 链接](other.md)**列出", "emphasis left literal"),
])
def test_a_translation_that_loses_or_breaks_something_is_caught(chinese, problem):
    english = "A {glue:text}`key:,.0f` value." if "列出" not in chinese else \
        "- **[A {glue:text}`key:,.0f` link](other.md)** lists"
    assert any(problem in p for p in i18n_source.check_message(english, chinese))


def test_a_good_translation_passes_and_may_use_zhnum_and_other_term_words():
    english = "About {glue:text}`units:,.0f` {term}`GPUs <GPU>`, see the [ledger](ledger.md)."
    chinese = "约 {zhnum}`units:万张` {term}`图形处理器 <GPU>`，见[账本](ledger.md)。"
    assert i18n_source.check_message(english, chinese) == []


# --- fingerprints ------------------------------------------------------------------------------------------

def test_a_fingerprint_changes_with_the_words_not_with_comments_or_docstrings():
    def a(x):
        """Doc."""
        return f"{x} rose"  # a comment

    def b(x):
        return f"{x} rose"

    def c(x):
        return f"{x} fell"

    assert i18n_source.fingerprint(a) == i18n_source.fingerprint(b) != i18n_source.fingerprint(c)
    assert i18n_source.fingerprint("one") != i18n_source.fingerprint("two")


# --- the sweep cache -----------------------------------------------------------------------------------------

def test_sweeps_are_shared_only_for_identical_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv(sweep_cache.ENV, str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return {"C01": len(calls)}

    assert sweep_cache.cached(compute, "rules", {"evidence": 1}, {"p": 0.5}) == {"C01": 1}
    assert sweep_cache.cached(compute, "rules", {"evidence": 1}, {"p": 0.5}) == {"C01": 1}
    assert sweep_cache.cached(compute, "rules", {"evidence": 2}, {"p": 0.5}) == {"C01": 2}
    assert sweep_cache.cached(compute, "rules", {"evidence": 1}, {"p": 0.6}) == {"C01": 3}
    assert len(calls) == 3


def test_chinas_evidence_is_keyed_by_its_numbers_not_its_sentence():
    """Another chapter's evidence holds China's chain figures, whose sentence is in the page's language: the two
    editions must share the sweep, and a different number, direction or source must not."""
    from aicloud.analysis.china_chain import ChainFigure

    english = ChainFigure("C03", 0.66, "NVIDIA's China revenue rose", "supports", "proxy", ("a",))
    chinese = ChainFigure("C03", 0.66, "英伟达来自中国的收入上升", "supports", "proxy", ("a",))
    key = sweep_cache.key({"china": english}, {"p": 1})
    assert key == sweep_cache.key({"china": chinese}, {"p": 1})
    for other in (ChainFigure("C03", 0.67, english.text, "supports", "proxy", ("a",)),
                  ChainFigure("C03", 0.66, english.text, "mixed", "proxy", ("a",)),
                  ChainFigure("C03", 0.66, english.text, "supports", "proxy", ("b",))):
        assert sweep_cache.key({"china": other}, {"p": 1}) != key


def test_a_rules_identity_is_the_same_in_both_editions_processes():
    """The two editions' kernels are separate processes: a rule's key must not hold anything process-bound (the
    repr of a nested code object holds its address, which made every Chinese chapter sweep again)."""
    code = """
import sys
from aicloud import i18n, sweep_cache
from aicloud.analysis import rules_of
if sys.argv[1] == "zh":
    i18n.use("zh")
import importlib
out = []
for name in ("gpu_allocation", "maas_price_war", "infra_economics", "capex_and_fibre", "china_chain", "conclusion"):
    module = importlib.import_module("aicloud.analysis." + name)
    out += [repr(sweep_cache._code(r)) for _c, r in sorted(rules_of(module).items())]
print(sweep_cache.hashlib.sha256("\\n".join(out).encode()).hexdigest(), len(out))
"""
    import subprocess
    import sys

    runs = [subprocess.run([sys.executable, "-c", code, lang], capture_output=True, text=True, timeout=300)
            for lang in ("en", "zh")]
    assert all(r.returncode == 0 for r in runs), [r.stderr[-2000:] for r in runs]
    assert runs[0].stdout == runs[1].stdout and int(runs[0].stdout.split()[1]) > 10


def test_without_a_build_nothing_is_cached(monkeypatch):
    monkeypatch.delenv(sweep_cache.ENV, raising=False)
    calls = []
    for _ in range(2):
        sweep_cache.cached(lambda: calls.append(1), "same")
    assert len(calls) == 2


def test_a_damaged_cache_entry_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv(sweep_cache.ENV, str(tmp_path))
    sweep_cache.cached(lambda: "first", "x")
    for entry in tmp_path.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert sweep_cache.cached(lambda: "again", "x") == "again"
    assert pickle.loads(next(tmp_path.glob("*.pickle")).read_bytes()) == "again"


def test_a_rule_with_other_code_does_not_reuse_a_sweep():
    def one(ev, params):
        return 1

    def two(ev, params):
        return 2

    assert sweep_cache._code(one) != sweep_cache._code(two)


def test_the_robustness_of_a_chapter_is_the_same_from_the_cache(tmp_path, monkeypatch):
    from aicloud import data, params, robustness
    from aicloud.analysis import conclusion, rules_of

    tables = data.Tables(sources="data/sources.csv", claims="data/claims.csv",
                         timeline_events="data/timeline_events.csv")
    ledger = tmp_path / "ledger.csv"
    ledger.write_text("id,phase,chapter,paraphrase,verdict,figure,reason,sources\n"
                      "C22,2024,maas_price_war,x,supported,1,r,s\n", encoding="utf-8")
    inputs = conclusion.inputs(tables, ledger)
    declared = params.read("conclusion")
    chosen = {p.name: p.default for p in declared}
    ev = conclusion.prepare(inputs)
    fresh = robustness.sweep_rules(rules_of(conclusion), ev, chosen, declared)
    monkeypatch.setenv(sweep_cache.ENV, str(tmp_path / "cache"))
    first = robustness.sweep_rules(rules_of(conclusion), ev, chosen, declared)
    again = robustness.sweep_rules(rules_of(conclusion), ev, chosen, declared)
    assert {c: r.summary() for c, r in fresh.items()} == {c: r.summary() for c, r in again.items()} == \
        {c: r.summary() for c, r in first.items()}
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


# --- building and mounting ---------------------------------------------------------------------------------

def test_langs_are_parsed_and_bad_ones_refused():
    assert zh_edition.parse_langs("en,zh") == ("en", "zh")
    assert zh_edition.parse_langs("zh") == ("zh",)
    with pytest.raises(ValueError, match="choose en, zh"):
        zh_edition.parse_langs("en,fr")


def test_the_chinese_site_is_mounted_once_and_replaced_when_rebuilt(tmp_path):
    zh_html, en_html = tmp_path / "zh" / "html", tmp_path / "html"
    (zh_html / "book").mkdir(parents=True)
    en_html.mkdir()
    (zh_html / "index.html").write_text("一", encoding="utf-8")
    (zh_html / "book" / "p.html").write_text("页", encoding="utf-8")
    stamp = zh_html.parent / ".html.site-key"
    stamp.write_text("k1")
    zh_edition.mount_site(zh_html, en_html / "zh")
    assert (en_html / "zh" / "book" / "p.html").read_text(encoding="utf-8") == "页"
    (zh_html / "index.html").write_text("二", encoding="utf-8")
    zh_edition.mount_site(zh_html, en_html / "zh")    # same key: not copied again
    assert (en_html / "zh" / ".mounted").read_text() == "k1"
    stamp.write_text("k2")
    zh_edition.mount_site(zh_html, en_html / "zh")
    assert (en_html / "zh" / "index.html").read_text(encoding="utf-8") == "二"
    assert not list(en_html.glob(".zh.*"))


def test_the_chinese_configuration_and_contents(tmp_path):
    from aicloud.data import ROOT

    zh_root = tmp_path / "zh"
    config = zh_edition._config(ROOT, zh_root)
    assert "language: zh_CN" in config and "html_search_language: zh" in config
    assert "AI 云之争" in config
    toc = zh_edition._toc(ROOT)
    assert "章节" in toc and "book/chapters/gpu_allocation" in toc
    words = zh_edition.search_words()
    assert "推理成本 100000" in words and "算力 100000" in words


def test_the_chinese_page_switch_and_the_lang_spans():
    from aicloud import sphinx_i18n

    assert sphinx_i18n.mark_chinese('<p>Glossary 术语表</p><script>var x = "算力";</script>') == \
        '<p>Glossary <span lang="zh-CN">术语表</span></p><script>var x = "算力";</script>'


def test_missing_strings_are_read_back_from_an_executed_notebook(tmp_path):
    nb = {"cells": [{"cell_type": "code", "source": "", "outputs": [{
        "output_type": "display_data", "data": {"application/papermill.record/text/plain": "['a b c', 'd']"},
        "metadata": {"scrapbook": {"name": i18n.MISSING_KEY, "mime_prefix": "application/papermill.record/"}}}]}]}
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert zh_edition.missing_strings({"x": path}) == {"x": ["a b c", "d"]}


def test_run_in_chinese_writes_a_chinese_standalone_page(tmp_path, capsys):
    from aicloud import cli

    assert cli.main(["run", "introduction", "--lang", "zh", "--out", str(tmp_path / "zh_run")]) == 0
    page = (tmp_path / "zh_run" / "introduction.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html><html lang="zh-CN">')
    assert "AI 云之争" in page and "上方时间线收录了" in page
    assert "PingFang SC" in page          # the CJK font stack


def test_an_unknown_run_language_is_refused(capsys):
    from aicloud import cli

    with pytest.raises(SystemExit):
        cli.parser().parse_args(["run", "introduction", "--lang", "fr"])


def test_a_space_between_chinese_characters_is_closed_but_not_next_to_latin_or_in_code():
    from aicloud.sphinx_i18n import close_gaps

    assert close_gaps('<p>终点是 <span class="pasted-text">百度智能云</span> 份额最大</p>') == \
        '<p>终点是<span class="pasted-text">百度智能云</span>份额最大</p>'
    assert close_gaps("<p>火山引擎 的每词元；这一证据 <strong>支持</strong> 该论断</p>") == \
        "<p>火山引擎的每词元；这一证据<strong>支持</strong>该论断</p>"
    for kept in ("<p>在 <span>2025</span> 年</p>", "<pre>甲 乙</pre>", "<p>中 <code>x</code> 文</p>",
                 "<p>中文</p> <p>中文</p>", "<p>A 和 B</p>"):
        assert close_gaps(kept) == kept


def test_a_chinese_page_joins_the_lines_of_a_paragraph_between_chinese_characters():
    table = {i18n.normalise("One\nparagraph."): "第一行\n第二行，\n{glue:text}`x` 与\n- 列表"}
    assert i18n_source.translate_text("One\nparagraph.", table)[0] == "第一行第二行，\n{glue:text}`x` 与\n- 列表"
