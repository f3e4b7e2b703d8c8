"""Chinese counterpart of `aicloud.findings`: the key-findings box and the home page's verdicts in brief.

A line's link still names the section's English id (`findings.section_id`): the Chinese site gives every
translated heading that id too (`aicloud.sphinx_i18n`), so the link lands where it does in English. Its words are
the heading as the chapter's catalogue translates it."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from aicloud import findings as english
from aicloud.analysis import ChapterResult
from aicloud.i18n import catalogue, display
from aicloud.zh.verdicts import LABEL

_english_box = english.box
_english_sentence = english._sentence
# Keys the code compares (a ledger row without a verdict); shown through `badge`.
KEYS = ("NO_VERDICT", "LEDGER_COLUMNS")
SHOWN = {**LABEL, english.NO_VERDICT: "尚无结论"}


def heading(text: str) -> str:
    """A section heading of a page as the page's catalogue translates it (the English when none does)."""
    from aicloud import i18n_source

    for page in i18n_source.pages():
        table = catalogue(i18n_source.domain_of(page))
        for level in range(1, 5):
            chinese = table.get(f"{'#' * level} {text}")
            if chinese:
                return chinese.lstrip("#").strip()
    return text


class _ReadMore(str):
    def format(self, *args: Any, section: str = "", **fields: Any) -> str:  # type: ignore[override]
        return str.format(self, section=html.escape(heading(html.unescape(section))))


READ_MORE = _ReadMore("详见：{section}")
t = {
    "CLAIM_LINE": "文章认为：{paraphrase}证据显示：{figure}",
    "HOME_HEADING": "结论概览",
    "NO_LEDGER": ("本页无法读取各章的结论：它单独运行，没有构建时写出的论断台账（python -m aicloud build），"
                  "因此暂无可统计的内容。"),
    "COUNTS": "文章共提出 {n} 项论断，各章检验了其中 {tested} 项：{parts}。",
    "THESIS": '文章的核心论点（{ids}）在<a href="{page}">{title}</a>中依据这些结论加以衡量。',
    "PENDING": "本次构建中还有 {n} 项论断尚无结论（{ids}）。",
    "BY_CHAPTER": "按章节：",
    "CHAPTER": '<a href="{page}">{title}</a>：{n} 项论断，其中{counts}。',
    "CONTRADICTED": "证据与其中 {n} 项相悖：{claims}。",
    "PUBLIC": ('在已检验的论断中，公开数据能回答其中 {share:.0%}；<a href="{ledger}">论断台账</a>'
               "列出了每项结论及其决定性数字和理由。"),
}   # plain templates: every field is filled with Chinese or markup already
CLAIM_LINE, HOME_HEADING, NO_LEDGER, COUNTS = t["CLAIM_LINE"], t["HOME_HEADING"], t["NO_LEDGER"], t["COUNTS"]
THESIS, PENDING, BY_CHAPTER, CHAPTER = t["THESIS"], t["PENDING"], t["BY_CHAPTER"], t["CHAPTER"]
CONTRADICTED, PUBLIC = t["CONTRADICTED"], t["PUBLIC"]
del t
SHORT = {"supported": "支持", "partly supported": "部分支持", "contradicted": "与证据相悖",
         "not testable with public data": "公开数据无法检验", "not testable with this data": "本次数据无法检验"}


def badge(label: str) -> str:
    """A verdict as a labelled badge, its words in Chinese, its colour the chart's."""
    color = english.VERDICT_COLORS.get(label, "#ffffff")
    return (f'<span class="verdict-badge" style="background:{color};color:{english._contrast(color)}">'
            f"{html.escape(SHOWN.get(label, label))}</span>")


def _finish(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？", ".", "!", "?")) else text + "。"


def _sentence(result: ChapterResult, line: english.Line, claims: Mapping[str, str]) -> str:
    """A line's sentence in Chinese: titles and values the analysis made in English pass through `display`."""
    if line.text is None and line.claim in claims:
        return CLAIM_LINE.format(paraphrase=_finish(claims[line.claim]),
                                 figure=_finish(display(result.verdicts[line.claim].figure, "findings")))
    return display(_english_sentence(result, line, claims), "findings")


def _paraphrases() -> dict[str, str]:
    from aicloud import data

    table = data.load("claims")
    return {i: display(p, "claims") for i, p in zip(table["id"], table["paraphrase"])}


def box(result: ChapterResult, lines: Sequence[english.Line], heading: str = "核心发现",
        claims: Mapping[str, str] | None = None) -> str:
    """The key-findings box (see the English `box`), headed in Chinese."""
    return _english_box(result, lines, heading=display(heading, "findings"),
                        claims=None if claims is None else {k: display(v, "claims") for k, v in claims.items()})


def chapter_titles(exclude: Sequence[str] = ()) -> dict[str, str]:
    """The book's chapters (page name -> Chinese title) in reading order."""
    return {name: heading(title) for name, title in _english_titles(exclude).items()}


_english_titles = english.chapter_titles


def shown_paraphrase(paraphrase: str) -> str:
    """A claim's paraphrase from the ledger in Chinese (the data catalogue)."""
    return display(paraphrase, "claims")


HOME_WORDS = {"count": "{badge} {n} 项", "chapter_count": "{label} {n} 项", "count_sep": "、", "and": "、",
              "ids_sep": "、", "then": "", "claim": "{id}：{claim}", "claims_sep": "；", "stops": "。."}
# The home box's HTML is markup around the templates above; its words are those templates and `badge`.
NOT_SHOWN = {"home_box": "HTML markup only: its words are the templates (COUNTS, HOME_WORDS, ...) and badge"}


ATTRIBUTES = {"_finish": _finish, "_paraphrases": _paraphrases, "_sentence": _sentence}
