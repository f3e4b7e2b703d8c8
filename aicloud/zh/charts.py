"""Chinese counterpart of `aicloud.charts`: the house finish with the title, subtitle, source line and
description in Chinese, wrapped by display width (a Chinese character is as wide as two Latin letters), a font
stack that finds the reader's CJK fonts, and every label of the finished spec translated (`aicloud.zh._display`)."""

from __future__ import annotations

import unicodedata
from typing import Any

import altair as alt

from aicloud.i18n import display
from aicloud.zh import _display

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


class Translated:
    """A finished chart whose spec has been translated: shown like an Altair chart, anything else is asked of
    the chart it was made from."""

    def __init__(self, chart: Any, spec: dict) -> None:
        self._chart, self._spec = chart, spec

    def to_dict(self, *args: Any, **kwargs: Any) -> dict:
        return self._spec

    def _repr_mimebundle_(self, *args: Any, **kwargs: Any) -> Any:
        renderer = alt.renderers.get()
        return renderer(self._spec) if renderer else {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._chart, name)


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str, source: str, description: str,
           width: int = 540, height: int = 300) -> Any:
    """`aicloud.charts.finish` in Chinese (same checks, same layout)."""
    if not (title and subtitle and source and description):
        raise ValueError("a chart needs a title, a subtitle with units, a source line and a description")
    title, subtitle, source, description = (display(t, "chart") for t in (title, subtitle, source, description))
    sized = chart.properties(width=width, height=height) if hasattr(chart, "mark") else chart
    finished = (
        sized.properties(
            title=alt.TitleParams(text=wrap(title, 70), subtitle=wrap(subtitle) + wrap(source), anchor="start",
                                  subtitleColor="#555", fontSize=15, subtitleFontSize=12),
            description=description,
        )
        .configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12, gridColor="#e8e8e8")
        .configure_legend(labelFontSize=11, titleFontSize=12, orient="bottom")
    )
    # The English edition validates the same spec at display; the translation changes only its strings.
    return Translated(finished, _display.spec(finished.to_dict(validate=False), "chart"))

