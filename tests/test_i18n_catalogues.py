"""The Chinese edition is complete: every message of every translated page has a Chinese that keeps its glued
values, references and links and leaves no English sentence; every reader-facing piece of the package's text
has a Chinese counterpart that translates its current English; the catalogues hold no fuzzy or empty entry.

A failure names what to do: `python -m aicloud.i18n status` lists everything, ARCHITECTURE.md ("How to
translate a page") says how to fix it."""

import importlib
import inspect

import pytest

from aicloud import i18n, i18n_source

PAGES = i18n_source.pages()
PENDING = {p for p in i18n_source.pending() if "." not in p}          # pages
PENDING_DATA = {p for p in i18n_source.pending() if "." in p}         # resource.column of the data
TRANSLATED = [p for p in PAGES if i18n_source.domain_of(p) not in PENDING]


def test_pending_pages_are_chapters_of_the_book():
    chapters = {p.stem for p in PAGES}
    assert PENDING <= chapters, f"pending.txt names pages that are not in the book: {PENDING - chapters}"
    assert PENDING_DATA <= {"sources.note"}, PENDING_DATA


def test_source_notes_are_translated_unless_declared_pending():
    import csv

    table = i18n.catalogue("data")
    with (i18n.ROOT / "data" / "sources.csv").open(encoding="utf-8") as f:
        notes = {i18n.normalise(r["note"]) for r in csv.DictReader(f) if r["note"].strip()}
    missing = [n for n in notes if n not in table]
    assert not missing or "sources.note" in PENDING_DATA, f"{len(missing)} source notes have no Chinese"


@pytest.mark.parametrize("page", TRANSLATED, ids=[p.stem for p in TRANSLATED])
def test_every_message_of_a_page_has_its_chinese(page):
    table = i18n_source.page_table(i18n_source.domain_of(page))
    missing = [b.text for b in i18n_source.extract(page) if i18n.normalise(b.text) not in table]
    assert not missing, (f"{len(missing)} message(s) of {page.name} have no Chinese (run `python -m aicloud.i18n "
                         f"update`, translate in locale/zh_CN/LC_MESSAGES/{page.stem}.po): {missing[:3]}")


@pytest.mark.parametrize("page", TRANSLATED, ids=[p.stem for p in TRANSLATED])
def test_every_chinese_message_keeps_its_values_references_and_is_chinese(page):
    table = i18n_source.page_table(i18n_source.domain_of(page))
    problems = {}
    for block in i18n_source.extract(page):
        chinese = table.get(i18n.normalise(block.text))
        if chinese is not None:
            found = i18n_source.check_message(block.text, chinese)
            if found:
                problems[block.text[:60]] = found
    assert not problems, problems


@pytest.mark.parametrize("domain", sorted(p.stem for p in i18n.LOCALE.glob("*.po")))
def test_no_catalogue_holds_a_fuzzy_or_empty_entry(domain):
    if domain in PENDING:
        entries = [m for m in i18n_source.entries(domain) if m.string]
    else:
        entries = i18n_source.entries(domain)
    bad = [m.id for m in entries if m.fuzzy or not m.string]
    assert not bad, f"{domain}.po: {len(bad)} entries untranslated or fuzzy, e.g. {bad[:3]}"


@pytest.mark.parametrize("domain", ["display", "data", "names", "site"])
def test_display_catalogues_leave_no_english_sentence_and_keep_their_fields(domain):
    bad = {}
    for m in i18n_source.entries(domain):
        fields_en = set(i18n.PLACEHOLDER.findall(m.id))
        # "{x__yi}": the field x written in 亿 (ten times the number of billions)
        fields_zh = {f.removesuffix("__yi") for f in i18n.PLACEHOLDER.findall(m.string)}
        if fields_en != fields_zh or i18n.english_sentences(i18n.PLACEHOLDER.sub(" ", m.string)):
            bad[m.id] = m.string
    assert not bad, bad


@pytest.mark.parametrize("module", i18n_source.TEXT_MODULES)
def test_every_reader_facing_text_of_a_module_has_a_chinese_counterpart(module):
    open_ = i18n_source.uncovered(module)
    assert not open_, (f"{module}: {open_} hold English sentences with no Chinese counterpart in "
                       f"aicloud/zh/{module.removeprefix('aicloud.').replace('.', '/')}.py (or declare them in "
                       "KEYS, NOT_SHOWN or BY_CATALOGUE there, with the reason)")


@pytest.mark.parametrize("module", i18n_source.TEXT_MODULES)
def test_every_counterpart_translates_the_current_english(module):
    stale = i18n_source.stale_templates(module)
    assert not stale, (f"{module}: the English of {stale} changed since it was translated: update the Chinese "
                       f"counterpart, then `python -m aicloud.i18n accept {module}`")
    gaps = i18n_source.dict_gaps(module)
    assert not gaps, f"{module}: the Chinese dicts lack {gaps}"


@pytest.mark.parametrize("zh_name", i18n.zh_modules())
def test_a_counterpart_takes_the_same_arguments_as_its_english(zh_name):
    zh = importlib.import_module(zh_name)
    english = importlib.import_module(i18n.english_module(zh_name))
    different = []
    for name, value in i18n.counterparts(zh).items():
        original = english
        for part in name.split("."):
            original = vars(original)[part] if isinstance(original, type) else getattr(original, part)
        if isinstance(value, classmethod):
            value, original = value.__func__, original.__func__
        if inspect.isfunction(value) and inspect.isfunction(original):
            if list(inspect.signature(value).parameters) != list(inspect.signature(original).parameters):
                different.append(name)
        elif isinstance(original, str) and not isinstance(value, str):
            different.append(name)
    assert not different, f"{zh_name}: {different} do not take the English arguments"


def test_every_counterpart_module_mirrors_an_english_module():
    for zh_name in i18n.zh_modules():
        importlib.import_module(i18n.english_module(zh_name))


def test_the_data_page_texts_all_have_their_chinese():
    from aicloud import data

    table = i18n.catalogue("data")
    texts = set()
    for res in data.package()["resources"]:
        texts |= {res.get("title"), res.get("description")}
        texts |= {f.get("description") for f in res["schema"]["fields"]}
    missing = sorted(t for t in texts if t and i18n.normalise(str(t)) not in table)
    assert not missing, f"data.po lacks {len(missing)} descriptions of datapackage.yaml, e.g. {missing[:3]}"


def test_the_search_words_are_the_glossary_s_chinese_terms():
    import re

    glossary = (i18n.ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    words = set(i18n_source.__dict__.get("_unused", ())) | {
        w.strip() for w in (i18n.LOCALE.parent / "search_words.txt").read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")}
    for term in ("算力", "价格战", "推理成本", "大模型", "智算中心", "超节点", "国产芯片", "模型即服务"):
        assert term in words
    # every Chinese name of a glossary entry is one word for search too
    names = set(re.findall(r"^([\u4e00-\u9fff]{2,8})$", glossary, re.M))
    assert names, "the glossary has Chinese term names"
