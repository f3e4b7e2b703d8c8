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
from aicloud.zh.verdicts import LABEL

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
    """The claims ledger page in Chinese and its table (verdict column: the English keys)."""
    table = ledger_table(executed, claims_path)
    counts = table["verdict"].value_counts()
    intro = ["# 论断账本", "",
             "文章的每一条论断（用本报告自己的话转述），以及证据怎么说。结论由检验该论断的章节计算，构建网站时从章节中读取；"
             "决定性的数字就是该章自己的数字。可以按结论或阶段筛选。", "",
             "结论：" + "；".join(f"{LABEL[v]} {int(counts.get(v, 0))} 条" for v in claims_mod.VERDICTS)
             + (f"；尚无结论 {int(counts.get('no verdict yet', 0))} 条" if counts.get("no verdict yet") else "")
             + "。", ""]
    shown_label = {**LABEL, "no verdict yet": "尚无结论"}
    options = "".join(f'<option value="{html_text(v)}">{html_text(shown_label[v])}</option>'
                      for v in [*claims_mod.VERDICTS, "no verdict yet"] if counts.get(v))
    phases = "".join(f'<option value="{html_text(p)}">{html_text(PHASE.get(p, p))}</option>'
                     for p in dict.fromkeys(table["phase"]))
    controls = ('<div class="ledger-filters"><label>结论 <select id="ledger-verdict"><option value="">全部'
                f'</option>{options}</select></label> <label>阶段 <select id="ledger-phase"><option value="">'
                f'全部</option>{phases}</select></label> <span id="ledger-count" aria-live="polite"></span></div>')
    titles = _chapter_titles(executed)
    shown = table.assign(
        chapter_html=[f'<a href="../chapters/{html_text(c)}.html">{html_text(titles.get(c, c))}</a>'
                      if c in executed else html_text(titles.get(c, c.replace("_", " "))) for c in table["chapter"]],
        sources_html=[_sources_cell(s) for s in table["sources"]],
        verdict_zh=[shown_label.get(v, v) for v in table["verdict"]],
        phase_zh=[PHASE.get(p, p) for p in table["phase"]],
        paraphrase_zh=[_zh(p, "claims") for p in table["paraphrase"]])
    rows = [{"verdict": v, "phase": p} for v, p in zip(table["verdict"], table["phase"])]
    body = shown[["id", "phase_zh", "paraphrase_zh", "chapter_html", "verdict_zh", "figure", "reason", "sources_html"]]
    body.columns = ["编号", "阶段", "论断（转述）", "章节_html", "结论", "决定性数字", "理由", "来源_html"]
    return "\n".join(intro + [controls, "", _table(body, table_id="claims-ledger", row_attrs=rows), ""]), table


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

    waiting = set(pending())
    rows = []
    for _, c in claims.iterrows():
        cid = c["id"]
        english_only = c["chapter"] in waiting and f"{cid}_figure" in values
        rows.append({**c.to_dict(),
                     "verdict": values.get(f"{cid}_verdict_key", values.get(f"{cid}_verdict", "no verdict yet")),
                     "figure": PENDING_FIGURE if english_only else values.get(f"{cid}_figure", ""),
                     "reason": PENDING_REASON if english_only else values.get(f"{cid}_reason", ""),
                     "sources": values.get(f"{cid}_sources", "")})
    return pd.DataFrame(rows)


# A chapter not yet translated (locale/zh_CN/pending.txt): its verdict is shown, its figure and reason are not
# mixed into Chinese pages in English.
PENDING_FIGURE = "见英文版"
PENDING_REASON = "检验这条论断的章节尚未译成中文；决定性的数字和理由见该章的英文版。"


NOT_SHOWN = {"write_if_inputs_changed": "no text", "write": "no text", "_table": "HTML markup only"}
