"""Chinese counterpart of `aicloud.pages`: the data-and-sources page and the claims ledger in Chinese.

Descriptions of the data come from the data catalogue (`data.po`, msgid = the English of `datapackage.yaml`);
the ledger reads the Chinese chapters' glued verdicts (`<id>_verdict_key` for the label it counts)."""

from __future__ import annotations

from pathlib import Path

from aicloud import claims as claims_mod
from aicloud import data
from aicloud._lazy import pd
from aicloud.escape import html_text, markdown_text
from aicloud.glued import glued
from aicloud.i18n import display, translate
from aicloud.pages import _table
from aicloud.verdicts import EVIDENCE_GRADES
from aicloud.zh.verdicts import CRITERIA, EVIDENCE_CRITERIA, GRADE, LABEL

KIND = {"primary": "一手来源", "press": "新闻媒体", "third-party": "第三方", "derived": "本项目推算",
        "article": "被检验的文章"}
TYPE = {"string": "文本", "integer": "整数", "number": "数值", "date": "日期", "year": "年份", "boolean": "是/否"}
PHASE = {"thesis": "总论"}


def _zh(text: str, where: str) -> str:
    """The Chinese of a description from the data package (the data catalogue), recorded if missing."""
    text = " ".join(str(text or "").split())
    return translate(text, "data") or display(text, where) if text else ""


def _constraints(field: dict) -> str:
    parts = []
    for key, value in field.get("constraints", {}).items():
        if key == "required" and value:
            parts.append("必填")
        elif key == "unique" and value:
            parts.append("不可重复")
        elif key == "enum":
            parts.append("取值之一：" + "、".join(map(str, value)))
        elif key == "minimum":
            parts.append(f"最小值 {value}")
        elif key == "maximum":
            parts.append(f"最大值 {value}")
        elif key == "maxLength":
            parts.append(f"最长 {value} 个字符")
        elif key == "pattern":
            parts.append(f"格式 {value}")
    return "；".join(parts)


def data_and_sources(paths: dict[str, Path] | None = None) -> str:
    """The 'Data and sources' page in Chinese, as MyST markdown."""
    paths = paths or {}
    pkg = data.package()
    out = ["# 数据与来源", "",
           "本报告的每个数字都来自下面的某张表，每张表的每一行都注明来源。这些表构成一个 "
           "[Frictionless 数据包](https://specs.frictionlessdata.io/data-package/)（`data/datapackage.yaml`）："
           "每一列有类型，数量有单位，每个值都要满足写明的规则。构建时如果某个文件违反规则，会被拒绝，并指出文件、"
           "行、列和规则。要用自己的文件重跑某一章，请看 README，或运行 `python -m aicloud params CHAPTER`。", ""]
    sources = data.load("sources", paths.get("sources"), overrides=paths)
    for res in pkg["resources"]:
        if res["name"] == "sources":
            continue
        frame = data.load(res["name"], paths.get(res["name"]), overrides=paths)
        title = _zh(res.get("title", res["name"]), "data page")
        out += [f"## {title}", "",
                f"资源 `{res['name']}`，文件 `data/{res['path']}`，{len(frame):,} 行。"
                f"{html_text(_zh(res.get('description', ''), 'data page'))}", ""]
        fields = pd.DataFrame([{"列": f["name"], "类型": TYPE.get(f.get("type", "string"), f.get("type", "")),
                                "单位": display(f.get("unit", ""), "data page"),
                                "说明": _zh(f.get("description", ""), "data page"), "规则": _constraints(f)}
                               for f in res["schema"]["fields"]])
        out += [_table(fields), ""]
        if "source_id" in frame.columns:
            used = frame["source_id"].value_counts()
            cited = "，".join(f"{markdown_text(s)}（{n}）" for s, n in used.items())
            out += [f"引用的来源（行数）：{cited}。", ""]
    out += ["## 来源", "",
            "类别：*一手来源*指机构自己的文件；*新闻媒体*指署名的新闻机构，常是转载或译稿；*第三方*指追踪网站、"
            "汇编或博客；*本项目推算*指本项目自己的计算；*被检验的文章*即本报告检验的评论文章。备注写明注意事项。"
            "来源标题和发布者保留原文。", ""]
    shown = sources.assign(
        title_html=[f'<a href="{html_text(u)}" translate="no">{html_text(t)}</a>'
                    if isinstance(u, str) and u.startswith(("https://", "http://"))
                    else f'<span translate="no">{html_text(t)}</span>'
                    for t, u in zip(sources["title"], sources["url"])],
        publisher_html=[f'<span translate="no">{html_text(p)}</span>' for p in sources["publisher"]],
        kind_zh=[KIND.get(k, k) for k in sources["kind"]],
        note_html=[_note(n) for n in sources["note"]])
    table = shown[["id", "title_html", "publisher_html", "date", "kind_zh", "accessed", "note_html"]]
    table.columns = ["编号", "标题_html", "发布者_html", "日期", "类别", "访问日期", "备注_html"]
    # Each source row is an anchor (#source-ID): every chart links the sources of the rows it draws here.
    out += [_table(table, row_ids=[f"source-{i}" for i in sources["id"]]), ""]
    return "\n".join(out)


def _note(note: object) -> str:
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


def claims_ledger(executed: dict[str, Path], claims_path: Path | None = None) -> tuple[str, pd.DataFrame]:
    """The claims ledger page in Chinese and its table (verdict and evidence columns: the English keys), with the
    same columns, filters and grading section as the English page."""
    from aicloud.pages import LEDGER_TABLE_ID, NOT_GRADED

    table = ledger_table(executed, claims_path)
    counts = table["verdict"].value_counts()
    intro = ["# 论断账本", "",
             "文章的每一条论断（用本报告自己的话转述），以及证据怎么说。结论由检验该论断的章节计算，构建网站时从章节中读取；"
             "决定性的数字就是该章自己的数字。可以按结论、证据或阶段筛选。", "",
             "结论：" + "；".join(f"{LABEL[v]} {int(counts.get(v, 0))} 条" for v in claims_mod.VERDICTS)
             + (f"；尚无结论 {int(counts.get(PENDING, 0))} 条" if counts.get(PENDING) else "")
             + "。" + _scale_sentence(table), ""]
    shown_label = {**LABEL, PENDING: "尚无结论"}
    shown_grade = {**GRADE, NOT_GRADED: "未分级"}
    options = "".join(f'<option value="{html_text(v)}">{html_text(shown_label[v])}</option>'
                      for v in [*claims_mod.VERDICTS, PENDING] if counts.get(v))
    grades = table["evidence"].value_counts()
    evidence_options = "".join(f'<option value="{html_text(g)}">{html_text(shown_grade[g])}</option>'
                               for g in [*EVIDENCE_GRADES, NOT_GRADED] if grades.get(g))
    phases = "".join(f'<option value="{html_text(p)}">{html_text(PHASE.get(p, p))}</option>'
                     for p in dict.fromkeys(table["phase"]))
    controls = ('<div class="ledger-filters"><label>结论 <select id="ledger-verdict"><option value="">全部'
                f'</option>{options}</select></label> <label>证据 <select id="ledger-evidence"><option value="">'
                f'全部</option>{evidence_options}</select></label> <label>阶段 <select id="ledger-phase">'
                f'<option value="">全部</option>{phases}</select></label> '
                '<span id="ledger-count" aria-live="polite"></span></div>')
    titles = _chapter_titles(executed)
    shown = table.assign(
        chapter_html=[f'<a href="../chapters/{html_text(c)}.html">{html_text(titles.get(c, c))}</a>'
                      if c in executed else html_text(titles.get(c, c.replace("_", " "))) for c in table["chapter"]],
        sources_html=[_sources_cell(s) for s in table["sources"]],
        verdict_zh=[shown_label.get(v, v) for v in table["verdict"]],
        evidence_zh=[shown_grade.get(e, e) for e in table["evidence"]],
        robustness_zh=[ROBUSTNESS_WORDS.get(r, r) for r in table["robustness"]],
        phase_zh=[PHASE.get(p, p) for p in table["phase"]],
        paraphrase_zh=[_zh(p, "claims") for p in table["paraphrase"]])
    rows = [{"verdict": v, "phase": p, "evidence": e}
            for v, p, e in zip(table["verdict"], table["phase"], table["evidence"])]
    body = shown[["id", "phase_zh", "paraphrase_zh", "chapter_html", "verdict_zh", "figure", "reason", "evidence_zh",
                  "robustness_zh", "sources_html"]]
    body.columns = ["编号", "阶段", "论断（转述）", "章节_html", "结论", "决定性数字", "理由", "证据", "稳健性", "来源_html"]
    return "\n".join(intro + [controls, "", _table(body, table_id=LEDGER_TABLE_ID, row_attrs=rows), ""]
                     + _scale_section(table)), table


# --- the verdict scale: the ledger page's grading section in Chinese ------------------------------------------
PENDING = "no verdict yet"   # the English key of a claim without a verdict (the ledger's verdict column)
ROBUSTNESS_WORDS = {"not swept": "未做扫描"}
NOT_GRADED_CRITERION = "该章记录结论时没有给出证据等级（当时它的结论规则尚不存在）。"
SCALE_TITLE = "## 结论如何分级"
SCALE_INTRO = ("每个结论都按下面写明的标准给出，并另外带有一个独立的等级，表示它所依据的证据有多强：一条论断可以在直接证据上"
               "被否定，也可以只凭一则个案得到支持。稳健性一栏说明，结论在其规则读取的每个假设的文档区间内是否成立"
               "（每个假设逐一扫描，再全部联合抽样）。")
SCALE_BALANCED = "没有哪一种结论占到论断总数的一半以上。"
SCALE_DOMINANT = "“{label}”占 {total} 条论断中的 {count} 条，超过一半。"


def _scale_sentence(table: pd.DataFrame) -> str:
    from aicloud.pages import dominant_labels

    dominant = dominant_labels(table)
    if not dominant:
        return SCALE_BALANCED
    return "".join(SCALE_DOMINANT.format(label=html_text(LABEL.get(k, k)), count=len(ids), total=len(table))
                   for k, ids in dominant.items())


def _scale_section(table: pd.DataFrame) -> list[str]:
    from aicloud.pages import NOT_GRADED, scale_distribution

    verdicts = scale_distribution(table)
    grades = table["evidence"].value_counts()
    labels = pd.DataFrame([{"结论": LABEL[k], "标准": CRITERIA[k], "论断数": verdicts[k]}
                           for k in claims_mod.VERDICTS])
    evidence = pd.DataFrame([{"证据": GRADE[g], "标准": EVIDENCE_CRITERIA[g], "论断数": int(grades.get(g, 0))}
                             for g in EVIDENCE_GRADES]
                            + ([{"证据": "未分级", "标准": NOT_GRADED_CRITERION, "论断数": int(grades[NOT_GRADED])}]
                               if grades.get(NOT_GRADED) else []))
    return [SCALE_TITLE, "", SCALE_INTRO, "", _table(labels, table_id="verdict-criteria"), "",
            _table(evidence, table_id="evidence-criteria"), ""]


def _chapter_titles(executed: dict[str, Path]) -> dict[str, str]:
    """Chapter names -> the titles of the Chinese chapters (first heading of each executed notebook)."""
    import json

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


def _sources_cell(sources: str) -> str:
    ids = [i.strip() for i in str(sources).split(",") if i.strip()]
    if not ids:
        return ""
    return (f'<details><summary>{len(ids)} 个来源</summary><span translate="no">'
            f"{html_text(', '.join(ids))}</span></details>")


def ledger_table(executed: dict[str, Path], claims_path: Path | None = None) -> pd.DataFrame:
    """Claims joined with the verdicts glued by the executed (Chinese) chapters; `verdict` holds the key."""
    claims = data.load("claims", claims_path)
    values: dict[str, str] = {}
    for path in executed.values():
        if Path(path).exists():
            values.update(glued(path))
    from aicloud.i18n_source import pending
    from aicloud.pages import NOT_GRADED, NOT_SWEPT

    waiting = set(pending())
    rows = []
    for _, c in claims.iterrows():
        cid = c["id"]
        english_only = c["chapter"] in waiting and f"{cid}_figure" in values
        recorded = f"{cid}_verdict" in values
        rows.append({**c.to_dict(),
                     "verdict": values.get(f"{cid}_verdict_key", values.get(f"{cid}_verdict", PENDING)),
                     "figure": PENDING_FIGURE if english_only else values.get(f"{cid}_figure", ""),
                     "reason": PENDING_REASON if english_only else values.get(f"{cid}_reason", ""),
                     "sources": values.get(f"{cid}_sources", ""),
                     "evidence": values.get(f"{cid}_evidence_key", values.get(f"{cid}_evidence", NOT_GRADED
                                                                              if recorded else "")),
                     "robustness": values.get(f"{cid}_robustness", NOT_SWEPT if recorded else "")})
    return pd.DataFrame(rows)


# A chapter not yet translated (locale/zh_CN/pending.txt): its verdict is shown, its figure and reason are not
# mixed into Chinese pages in English.
PENDING_FIGURE = "见英文版"
PENDING_REASON = "检验这条论断的章节尚未译成中文；决定性的数字和理由见该章的英文版。"


NOT_SHOWN = {"write_if_inputs_changed": "no text", "write": "no text", "_table": "HTML markup only"}
