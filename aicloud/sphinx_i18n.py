"""Sphinx extension for the two editions (English at the site's root, Chinese under `zh/`).

- A language switch on every page (in the article header) leading to the same page in the other edition, and
  `<link rel="alternate" hreflang=...>` for both.
- Chinese pages: `<html lang="zh-CN">` (from `language = zh_CN`), a CJK font stack of the reader's system fonts.
- English pages: Chinese words (glossary names, quotes) wrapped in `<span lang="zh-CN">` so browsers draw them
  with Chinese, not Japanese, glyphs and screen readers read them as Chinese.
- Chinese pages: the furniture other extensions add in English (a figure's data, image and source links, "Cite
  this page", the build information; `aicloud.sphinx_readers`) written in Chinese (`furniture`, `cite_block`), and
  every translated section heading given its English id as well, so links made from English headings (the
  key-findings boxes, `aicloud.findings`) land where they do in English.
- The `{zhnum}` role: a glued number written the Chinese way, e.g. `{zhnum}`first_units:万张`` gives "65 万张"
  (units: see `aicloud.i18n.ZH_NUMBER_UNITS`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes

from aicloud import i18n

THEME = Path(__file__).parent / "i18n_theme"
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]"
                     r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60·]*")
TAG = re.compile(r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]+>)", re.S | re.I)
LABELS = {"en": ("中文", "zh-CN", "阅读本页的中文版"), "zh": ("English", "en", "Read this page in English")}


def is_chinese(app: Any) -> bool:
    return str(app.config.language or "en").lower().startswith("zh")


def _config_inited(app: Any, config: Any) -> None:
    config.templates_path = [*config.templates_path, str(THEME)]
    config.html_static_path = [*config.html_static_path, str(THEME / "static")]
    options = dict(config.html_theme_options or {})
    end = options.get("article_header_end", ["article-header-buttons.html"])
    end = [end] if isinstance(end, str) else list(end)
    if "lang-switch.html" not in end:
        options["article_header_end"] = ["lang-switch.html", *end]
    config.html_theme_options = options


def _switch_url(app: Any, pagename: str, context: dict) -> str:
    """The same page in the other edition: English pages link down into zh/, Chinese ones up out of it."""
    return context["pathto"](f"../{pagename}.html" if is_chinese(app) else f"zh/{pagename}.html", 1)


def _page_switch(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The switch's context, set before the theme renders its header items (which it does in this event)."""
    zh = is_chinese(app)
    url = _switch_url(app, pagename, context)
    label, lang, title = LABELS["zh" if zh else "en"]
    context.update(aicloud_switch_url=url, aicloud_switch_label=label, aicloud_switch_lang=lang,
                   aicloud_switch_title=title)
    here = "zh-CN" if zh else "en"
    context["metatags"] = context.get("metatags", "") + (
        f'\n    <link rel="alternate" hreflang="{lang}" href="{html.escape(url)}" />'
        f'\n    <link rel="alternate" hreflang="{here}" href="{html.escape(context["pathto"](pagename))}" />')


def _page_body(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The page's body, after `aicloud.sphinx_readers` has added its furniture (a later priority)."""
    zh = is_chinese(app)
    url = _switch_url(app, pagename, context)
    if not zh and "body" in context:
        context["body"] = mark_chinese(context["body"])
    if not zh or not isinstance(context.get("body"), str):
        return
    body, info = PAGE_INFO.subn("", context["body"])
    body = close_gaps(furniture(body))
    if is_pending(pagename, app.config.aicloud_pending or ()):
        body = (f'<div class="admonition note aicloud-pending"><p class="admonition-title">尚未翻译</p>'
                f'<p>本页尚未译成中文，下面是英文原文。'
                f'<a href="{html.escape(url)}" hreflang="en">阅读英文版</a>。'
                f'</p></div><div lang="en">{body}</div>')
    if info:
        body += _zh_cite_block(app, pagename, context)
    context["body"] = body


def is_pending(pagename: str, pending: list[str] | tuple[str, ...]) -> bool:
    """A page still in English: a pending chapter, or the exercise sheet of one (`NN_<chapter>`)."""
    names = {p.rsplit("/", 1)[-1] for p in pending}
    sheet = pagename.startswith("book/generated/exercise_sheets/") and pagename.rsplit("/", 1)[-1].split("_", 1)[-1]
    return pagename in pending or bool(sheet and sheet in names)


# --- Chinese furniture -------------------------------------------------------------------------------------

PAGE_INFO = re.compile(r'<section class="page-info"[^>]*>.*?</section>', re.S)
FURNITURE = [   # (English as aicloud.chart_assets / aicloud.sphinx_readers / aicloud.charts write it, Chinese)
    (re.compile(r"<summary>Sources of the rows drawn \((\d+)\)</summary>"),
     r"<summary>所绘数据行的来源（\1 个）</summary>"),
    (re.compile(re.escape("The rows drawn carry no source id (the chapter computed them).")),
     "所绘数据行没有来源编号（由本章计算得出）。"),
    (re.compile(r">Data \(CSV, ([\d,]+) rows?\)</a>"), r">数据（CSV，\1 行）</a>"),
    (re.compile(r">Image \(SVG\)</a>"), ">图片（SVG）</a>"),
    (re.compile(re.escape('aria-label="Table (scrolls sideways on a narrow screen)"')),
     'aria-label="表格（窄屏上可横向滚动）"'),
    (re.compile(re.escape('aria-label="Chart: ')), 'aria-label="图表：'),
    (re.compile(re.escape('"The chart could not be drawn: "')), '"无法绘制此图表："'),
]


def furniture(markup: str) -> str:
    """A Chinese page's figure links and scroll boxes with their words in Chinese (tests/test_i18n_site.py fails
    if English furniture is left on a Chinese page)."""
    for pattern, chinese in FURNITURE:
        markup = pattern.sub(chinese, markup)
    return markup


def cite_block(*, page_title: str, book_title: str, author: str, info: dict[str, str], url: str, key: str,
               changelog: str, licence: str) -> str:
    """"Cite this page" and the build information in Chinese (see `aicloud.sphinx_readers`)."""
    from aicloud.sphinx_readers import citation

    commit, local = info["commit"].removesuffix(" + local changes"), info["commit"].endswith(" + local changes")
    if commit == "not built from a git checkout":
        commit = "无（不是从 git 检出构建的）"
    changes = "（含未提交的修改）" if local else ""
    note = f"版本 {info['version']}，提交 {commit}{changes}，构建于 {info['date']}"
    bibtex, _ = citation(page_title=page_title, book_title=book_title, author=author, year=info["year"],
                         info=info, url=url, key=key)
    bibtex = re.sub(r"(?m)^  note = \{.*\},$", lambda m: "  note = {" + note + "},", bibtex)
    bibtex = bibtex.replace("howpublished = {In: ", "howpublished = {载于：")
    plain = f"{author}（{info['year']}）。{page_title}。载于：{book_title}。{note}。" + (f" {url}" if url else "")
    e = html.escape
    return (
        '<section class="page-info" aria-label="引用本页、版本与许可">'
        '<details class="cite-this"><summary>引用本页</summary>'
        f'<p>纯文本：</p><pre class="cite-plain">{e(plain)}</pre>'
        f'<p>BibTeX：</p><pre class="cite-bibtex">{e(bibtex)}</pre></details>'
        f'<p class="build-info">构建于 {e(info["date"])}，来自提交 <code>{e(commit)}</code>{changes}'
        f'（版本 {e(info["version"])}）。<a href="{e(changelog)}">更新日志</a>。'
        f'<a href="{e(licence)}">许可</a>：代码采用 MIT 许可，正文与数据采用 CC BY 4.0；第三方数据沿用其来源的条款。'
        "</p></section>")


def _zh_cite_block(app: Any, pagename: str, context: dict) -> str:
    from aicloud.sphinx_readers import _plain

    pathto, known = context["pathto"], app.env.found_docs
    base = (app.config.html_baseurl or "").rstrip("/")
    return cite_block(
        page_title=_plain(context.get("title", pagename)) or pagename,
        book_title=_plain(app.config.html_title or app.config.project), author=app.config.author or "",
        info=app.config.aicloud_build_info, url=f"{base}/zh/{pagename}.html" if base else "",
        key="aicloud-zh-" + re.sub(r"[^a-z0-9]+", "-", pagename.split("/")[-1].lower()),
        changelog=pathto("book/changelog") if "book/changelog" in known else "#",
        licence=pathto("book/licence") if "book/licence" in known else "#")


def _english_ids(app: Any, doctree: Any) -> None:
    """Every translated heading of a Chinese page also gets the id its English heading has."""
    if not is_chinese(app):
        return
    from docutils.nodes import make_id

    english = _headings(app.env.docname.rsplit("/", 1)[-1])
    if not english:
        return
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        heading = english.get(i18n.normalise(title.astext())) if title is not None else None
        ident = make_id(heading) if heading else ""
        if ident and ident not in doctree.ids:
            section["ids"].append(ident)
            doctree.ids[ident] = section


def _headings(domain: str) -> dict[str, str]:
    """Chinese heading -> English heading, from a page's catalogue."""
    out = {}
    for english, chinese in i18n.catalogue(domain).items():
        if english.startswith("#") and chinese.startswith("#"):
            out[i18n.normalise(chinese.lstrip("#"))] = english.lstrip("#").strip()
    return out


_CJK_END = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]$")
_CJK_START = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]")
_GAP = re.compile(r"(?<=[\u3400-\u9fff\uff01-\uff60\u3000-\u303f]) +(?=[\u3400-\u9fff\uff01-\uff60\u3000-\u303f])")
_VERBATIM = re.compile(r"<(pre|code|script|style|textarea|kbd|samp)\b", re.I)
_INLINE = re.compile(r"</?(span|a|strong|em|b|i|abbr)\b[^>]*>", re.I)


def close_gaps(markup: str) -> str:
    """A space between two Chinese characters is a gap to a Chinese reader: one at the edge of a glued value or a
    link (`<span>火山引擎</span> 的`) is removed. Only across inline tags and outside code; a space next to Latin
    text stays (it reads as the space i18n.spacing puts between Chinese and Latin)."""
    parts = TAG.split(markup)
    last = ""          # the last visible character before the current text, across inline tags
    verbatim = 0
    for i, part in enumerate(parts):
        if i % 2:      # a tag
            if _VERBATIM.match(part):
                verbatim += 1
            elif re.match(r"</(pre|code|script|style|textarea|kbd|samp)\b", part, re.I):
                verbatim = max(verbatim - 1, 0)
            elif not _INLINE.match(part):
                last = ""      # a block boundary: no gap to close across it
            continue
        if verbatim or not part:
            last = part.rstrip()[-1:] if part.strip() else last
            continue
        part = _GAP.sub("", part)
        stripped = part.lstrip(" ")
        if stripped != part and _CJK_END.search(last) and _CJK_START.search(stripped):
            part = stripped
        if part.endswith(" ") and part.strip():
            following = next((parts[j] for j in range(i + 1, len(parts)) if j % 2 == 0 and parts[j]), "")
            between = parts[i + 1:i + 1 + 2 * 3]
            inline_only = all(_INLINE.match(tag) for tag in between[0::2][:1]) if between else False
            if inline_only and _CJK_END.search(part.rstrip(" ")) and _CJK_START.search(following.lstrip(" ")):
                part = part.rstrip(" ")
        parts[i] = part
        if part.strip():
            last = part.rstrip()[-1:]
    return "".join(parts)


def mark_chinese(markup: str) -> str:
    """Every run of Chinese text outside tags, scripts and styles wrapped in `<span lang="zh-CN">`."""
    parts = TAG.split(markup)
    for i in range(0, len(parts), 2):
        if CJK_RUN.search(parts[i]):
            parts[i] = CJK_RUN.sub(lambda m: f'<span lang="zh-CN">{m.group()}</span>', parts[i])
    return "".join(parts)


def zhnum_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any, options: Any = None,
               content: Any = None) -> tuple[list, list]:
    """`{zhnum}`key:unit``: the glued number `key` in a Chinese unit (万, 亿, 万张, 亿美元, 亿元)."""
    from myst_nb.core.variables import RetrievalError
    from myst_nb.ext.glue.utils import retrieve_glue_data

    key, _, unit = text.rpartition(":")
    document = inliner.document
    try:
        data = retrieve_glue_data(document, key.strip())
        raw = data.data.get("text/plain", "")
        value = float(str(raw).strip("'\""))
        shown = i18n.zh_number(value, unit.strip())
    except (RetrievalError, ValueError, KeyError) as err:
        message = inliner.reporter.warning(f"zhnum: {text}: {err}", line=lineno)
        return [nodes.problematic(rawtext, rawtext)], [message]
    return [nodes.inline(shown, shown, classes=["pasted-text"])], []


def _fast_chinese_search() -> type:
    """Sphinx's Chinese search with its set of Latin terms held as a set: Sphinx 7.4 keeps them in a list shared by
    every instance and tests membership for every word it stems, which made the Chinese site's build twice as slow
    as the English one (and the list grows with each build in the same process)."""
    from sphinx.search import zh

    class ChineseSearch(zh.SearchChinese):
        def init(self, options: dict[str, str]) -> None:
            super().init(options)
            self.latin_terms = set()     # type: ignore[assignment]
            self._stems: dict[str, str] = {}

        def stem(self, word: str) -> str:
            # Snowball's stem of a word, computed once per word (the same words recur on every page).
            if word not in self._stems:
                self._stems[word] = self.stemmer.stemWord(word.lower())
            stemmed = self._stems[word]
            return word.lower() if word in self.latin_terms and len(word) >= 3 and len(stemmed) < 3 else stemmed

        def split(self, input: str) -> list[str]:
            chinese = list(zh.jieba.cut_for_search(input)) if zh.JIEBA else []
            latin = [term.strip() for term in self.latin1_letters.findall(input)]
            self.latin_terms.update(latin)  # type: ignore[attr-defined]
            return chinese + latin

    return ChineseSearch


def _load_jieba(app: Any) -> None:
    """Load jieba's dictionary (about 1.5 s) when the Chinese site build is set up: a build prepared ahead does it
    while the chapters still execute, not when the pages are written."""
    if is_chinese(app):
        from sphinx.search import zh

        if zh.JIEBA:
            zh.jieba.initialize()


def setup(app: Any) -> dict:
    app.add_config_value("aicloud_pending", [], "html")  # Chinese pages still in English (locale/zh_CN/pending.txt)
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_switch, priority=400)   # before the theme renders its header
    app.connect("html-page-context", _page_body, priority=600)     # after aicloud.sphinx_readers (500)
    app.connect("doctree-read", _english_ids)
    app.connect("builder-inited", _load_jieba)   # before aicloud.adapters.sphinx_build's pause (priority 1000)
    app.add_css_file("aicloud-i18n.css")
    app.add_role("zhnum", zhnum_role)
    app.add_search_language(_fast_chinese_search())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
