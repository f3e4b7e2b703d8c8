"""Sphinx extension for the two editions (English at the site's root, Chinese under `zh/`).

- A language switch on every page (in the article header) leading to the same page in the other edition, and
  `<link rel="alternate" hreflang=...>` for both.
- Chinese pages: `<html lang="zh-CN">` (from `language = zh_CN`), a CJK font stack of the reader's system fonts.
- English pages: Chinese words (glossary names, quotes) wrapped in `<span lang="zh-CN">` so browsers draw them
  with Chinese, not Japanese, glyphs and screen readers read them as Chinese.
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


def _page_context(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    zh = is_chinese(app)
    # The other edition: English pages link down into zh/, Chinese ones up out of it.
    target = f"../{pagename}.html" if zh else f"zh/{pagename}.html"
    url = context["pathto"](target, 1)
    label, lang, title = LABELS["zh" if zh else "en"]
    context.update(aicloud_switch_url=url, aicloud_switch_label=label, aicloud_switch_lang=lang,
                   aicloud_switch_title=title)
    here = "zh-CN" if zh else "en"
    context["metatags"] = context.get("metatags", "") + (
        f'\n    <link rel="alternate" hreflang="{lang}" href="{html.escape(url)}" />'
        f'\n    <link rel="alternate" hreflang="{here}" href="{html.escape(context["pathto"](pagename))}" />')
    if not zh and "body" in context:
        context["body"] = mark_chinese(context["body"])
    if zh and pagename in (app.config.aicloud_pending or ()) and "body" in context:
        context["body"] = (f'<div class="admonition note aicloud-pending"><p class="admonition-title">尚未翻译</p>'
                           f'<p>本页尚未译成中文，下面是英文原文。'
                           f'<a href="{html.escape(url)}" hreflang="en">阅读英文版</a>。'
                           f'</p></div><div lang="en">{context["body"]}</div>')


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

        def split(self, input: str) -> list[str]:
            chinese = list(zh.jieba.cut_for_search(input)) if zh.JIEBA else []
            latin = [term.strip() for term in self.latin1_letters.findall(input)]
            self.latin_terms.update(latin)  # type: ignore[attr-defined]
            return chinese + latin

    return ChineseSearch


def setup(app: Any) -> dict:
    app.add_config_value("aicloud_pending", [], "html")  # Chinese pages still in English (locale/zh_CN/pending.txt)
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
    app.add_css_file("aicloud-i18n.css")
    app.add_role("zhnum", zhnum_role)
    app.add_search_language(_fast_chinese_search())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
