"""Chinese counterpart of `aicloud.charts`: the house finish with the title, subtitle, source line and
description in Chinese, wrapped by display width (a Chinese character is as wide as two Latin letters), a font
stack that finds the reader's CJK fonts, and every label of the finished spec translated (`aicloud.zh._display`)."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import altair as alt

from aicloud import charts as english
from aicloud.i18n import display
from aicloud.zh import _display

# The English originals, taken when this module is first imported (before any swap).
_english_finish = english.finish
_english_html = english.Figure.html
# Colours keyed by the English verdict labels the rules compare (the badges show the labels in Chinese).
NOT_SHOWN = {"VERDICT_COLORS": "colours keyed by the English verdict labels",
             "FIT_SCRIPT": "the script that draws a compound chart; its only words are DRAW_ERROR's"}
DRAW_ERROR = "无法绘制此图表："

# The reader's own fonts: system UI first, then the CJK fonts of macOS, Windows, Android/Linux (Noto) and common
# Linux desktops. Nothing is downloaded.
FONT = ("system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
        "'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, sans-serif")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int = 95) -> list[str]:
    """Lines no wider than `width` Latin letters: Chinese may break between any two characters, Latin words and
    numbers are kept whole; a line does not start with Chinese closing punctuation."""
    lines, line = [], ""
    for token in _tokens(text):
        if line and _width(line + token) > width and token[:1] not in "，。；：、）》”！？,.;:)":
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Each Chinese character alone; Latin words, numbers and spaces kept together."""
    out, run = [], ""
    for c in text:
        if unicodedata.east_asian_width(c) in "WF":
            if run:
                out.append(run)
                run = ""
            out.append(c)
        elif c == " ":
            run += c
            out.append(run)
            run = ""
        else:
            run += c
    if run:
        out.append(run)
    return out


class _Translated:
    """A finished Altair chart whose spec comes out translated (`to_dict`); anything else is asked of the chart
    it was made from. The English edition validates the same spec; the translation changes only its strings."""

    def __init__(self, chart: Any) -> None:
        self.chart = chart

    def __getattr__(self, name: str) -> Any:
        if name == "chart":  # not yet set (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.chart, name)

    def to_dict(self, *args: Any, **kwargs: Any) -> dict:
        english_spec = self.chart.to_dict(validate=False)
        out = _display.spec(english_spec, "chart")
        title = out.get("title")
        if isinstance(title, dict) and isinstance(title.get("text"), list):   # lines of a Chinese title
            out["title"] = {**title, "text": wrap("".join(title["text"]), 70)}
        return out


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str, source: str, description: str,
           width: int = 540, height: int = 300) -> english.Figure:
    """`aicloud.charts.finish` in Chinese: the same checks, layout and `Figure`, with the title, subtitle, source
    line and description in Chinese and every label of the chart translated when its spec is read."""
    if not (title and subtitle and source and description):
        raise ValueError("a chart needs a title, a subtitle with units, a source line and a description")
    title, subtitle, source, description = (display(t, "chart") for t in (title, subtitle, source, description))
    figure = _english_finish(chart, title=title, subtitle=subtitle, source=source, description=description,
                             width=width, height=height)
    figure.chart = _Translated(figure.chart)   # the English finish used this module's FONT
    return figure


def _figure_html(self: english.Figure) -> str:
    """`Figure.html` with its words for screen readers in Chinese."""
    return (_english_html(self).replace(english.CHART_LABEL, 'aria-label="图表：')
            .replace(json.dumps(english.DRAW_ERROR), json.dumps(DRAW_ERROR, ensure_ascii=False)))


ATTRIBUTES = {"Figure.html": _figure_html}
