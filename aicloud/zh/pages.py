"""Chinese counterpart of `aicloud.pages`: the words of the data-and-sources page and the claims ledger (the English
`data_and_sources` and `claims_ledger` put them together).

Descriptions of the data come from the data catalogue (`data.po`, msgid = the English of `datapackage.yaml`);
the ledger reads the Chinese chapters' glued verdicts (`<id>_verdict_key` for the label it counts)."""

from __future__ import annotations

import json
from pathlib import Path

from aicloud.escape import html_text
from aicloud.i18n import display, translate
from aicloud.zh.verdicts import GRADE, LABEL

# The ledger's keys (what its table holds and its filters compare), shown through shown_label / shown_grade.
KEYS = ("PENDING", "NOT_GRADED", "NOT_SWEPT")

SHOWN_KIND = {"primary": "一手来源", "press": "新闻媒体", "third-party": "第三方", "derived": "本项目推算",
              "article": "被检验的文章"}
SHOWN_TYPE = {"string": "文本", "integer": "整数", "number": "数值", "date": "日期", "year": "年份", "boolean": "是/否"}
SHOWN_PHASE = {"thesis": "总论"}
SHOWN_ROBUSTNESS = {"not swept": "未做扫描"}

DATA_PAGE = {
    "title": "# 数据与来源",
    "intro": ("本报告的每个数字都来自下面的某张表，每张表的每一行都注明来源。这些表构成一个 "
              "[Frictionless 数据包](https://specs.frictionlessdata.io/data-package/)（`data/datapackage.yaml`）："
              "每一列有类型，数量有单位，每个值都要满足写明的规则。构建时如果某个文件违反规则，会被拒绝，并指出文件、"
              "行、列和规则。要用自己的文件重跑某一章，请看 README，或运行 `python -m aicloud params CHAPTER`。"),
    "resource": "资源 `{name}`，文件 `data/{path}`，{rows:,} 行。{description}",
    "cited": "引用的来源（行数）：{cited}。",
    "cited_item": "{source}（{n}）",
    "cited_sep": "，",
    "sources_title": "## 来源",
    "sources_intro": ("类别：*一手来源*指机构自己的文件；*新闻媒体*指署名的新闻机构，常是转载或译稿；*第三方*指追踪网站、"
                      "汇编或博客；*本项目推算*指本项目自己的计算；*被检验的文章*即本报告检验的评论文章。备注写明注意事项。"
                      "来源标题和发布者保留原文。"),
    "source_link": '<a href="{url}" translate="no">{title}</a>',
    "source_title": '<span translate="no">{title}</span>',
    "publisher": '<span translate="no">{publisher}</span>',
}
CONSTRAINT_WORDS = {"required": "必填", "unique": "不可重复", "enum": "取值之一：{values}", "enum_sep": "、",
                    "minimum": "最小值 {value}", "maximum": "最大值 {value}", "maxLength": "最长 {value} 个字符",
                    "pattern": "格式 {value}", "sep": "；"}
FIELD_COLUMNS = ["列", "类型", "单位", "说明", "规则"]
SOURCE_COLUMNS = ["编号", "标题_html", "发布者_html", "日期", "类别", "访问日期", "备注_html"]

LEDGER_PAGE = {
    "title": "# 论断账本",
    "intro": ("文章的每一条论断（用本报告自己的话转述），以及证据怎么说。结论由检验该论断的章节计算，构建网站时从章节中读取；"
              "决定性的数字就是该章自己的数字。可以按结论、证据或阶段筛选。"),
    "counts": "结论：",
    "count": "{label} {n} 条",
    "count_sep": "；",
    "pending_count": "；尚无结论 {n} 条",
    "counts_end": "。",
    "controls": ('<div class="ledger-filters"><label>结论 <select id="ledger-verdict"><option value="">全部'
                 '</option>{options}</select></label> <label>证据 <select id="ledger-evidence"><option value="">'
                 '全部</option>{evidence_options}</select></label> <label>阶段 <select id="ledger-phase">'
                 '<option value="">全部</option>{phases}</select></label> '
                 '<span id="ledger-count" aria-live="polite"></span></div>'),
}
LEDGER_COLUMNS = ["编号", "阶段", "论断（转述）", "章节_html", "结论", "决定性数字", "理由", "证据", "稳健性", "来源_html"]
SOURCES_CELL = {"count": ("{n} 个来源", "{n} 个来源"), "ids": '<span translate="no">{ids}</span>'}

# --- the verdict scale: the ledger page's grading section in Chinese ------------------------------------------
NOT_GRADED_CRITERION = "该章记录结论时没有给出证据等级（当时它的结论规则尚不存在）。"
SCALE_TITLE = "## 结论如何分级"
SCALE_INTRO = ("每个结论都按下面写明的标准给出，并另外带有一个独立的等级，表示它所依据的证据有多强：一条论断可以在直接证据上"
               "被否定，也可以只凭一则个案得到支持。稳健性一栏说明，结论在其规则读取的每个假设的文档区间内是否成立"
               "（每个假设逐一扫描，再全部联合抽样）。")
SCALE_BALANCED = "没有哪一种结论占到论断总数的一半以上。"
SCALE_DOMINANT = "“{label}”占 {total} 条论断中的 {count} 条，超过一半。"

SCALE_SEP = ""
SCALE_COLUMNS = {"verdict": ("结论", "标准", "论断数"), "evidence": ("证据", "标准", "论断数")}

# A chapter not yet translated (locale/zh_CN/pending.txt): its verdict is shown, its figure and reason are not
# mixed into Chinese pages in English.
PENDING_FIGURE = "见英文版"
PENDING_REASON = "检验这条论断的章节尚未译成中文；决定性的数字和理由见该章的英文版。"



def data_text(text: object, where: str) -> object:
    """The Chinese of a text from the data package (the data catalogue), recorded if missing."""
    text = " ".join(str(text or "").split())
    return translate(text, "data") or display(text, where) if text else ""


def shown_label(label: str) -> str:
    """A verdict label (or the ledger's "no verdict yet") in Chinese."""
    return {**LABEL, "no verdict yet": "尚无结论"}.get(label, label)


def shown_grade(grade: str) -> str:
    """An evidence grade (or the ledger's "not graded") in Chinese."""
    return {**GRADE, "not graded": "未分级"}.get(grade, grade)


def shown_note(note: object) -> str:
    """A source's note in Chinese; while the notes are pending translation (`sources.note` in pending.txt), an
    untranslated note is shown in English, marked as such."""
    from aicloud.i18n_source import pending

    if not isinstance(note, str) or not note.strip():
        return ""
    chinese = translate(" ".join(note.split()), "data")
    if chinese:
        return html_text(chinese)
    if "sources.note" in pending():
        return f'<span lang="en">{html_text(note)}</span>'
    return html_text(display(note, "sources note"))


def chapter_titles(executed: dict[str, Path]) -> dict[str, str]:
    """Chapter names -> the titles of the Chinese chapters (first heading of each executed notebook)."""
    titles = {}
    for chapter, path in executed.items():
        if Path(path).exists():
            for cell in json.loads(Path(path).read_bytes()).get("cells", []):
                source = "".join(cell.get("source", "")) if cell.get("cell_type") == "markdown" else ""
                heading = next((line[2:].strip() for line in source.splitlines() if line.startswith("# ")), None)
                if heading:
                    titles[chapter] = heading
                    break
    return titles


def untranslated_chapters() -> set[str]:
    """Chapters not translated yet (locale/zh_CN/pending.txt): the ledger shows their verdicts, not their English
    figures and reasons."""
    from aicloud.i18n_source import pending

    return set(pending())


NOT_SHOWN = {"write_if_inputs_changed": "no text", "write": "no text", "_table": "HTML markup only"}
