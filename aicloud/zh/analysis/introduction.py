"""Chinese counterpart of `aicloud.analysis.introduction`: the sentences under the timeline."""

from __future__ import annotations

import pandas as pd

from aicloud.i18n import month


def timeline_texts(n: int, kinds: int, first: pd.Timestamp, last: pd.Timestamp) -> tuple[str, str, str]:
    """The sentence under the timeline, the chart's title and its description."""
    same = (first.year, first.month) == (last.year, last.month)
    span = f"{month(first)}" if same else f"{month(first)}至{month(last)}"
    slider = SLIDER if first.year != last.year else ""
    text = TIMELINE.format(events=n, span=span, kinds=kinds, slider=slider)
    title = f"{span}的 {n} 个有日期的事件，每类事件一行"
    return text, title, DESCRIPTION.format(n=n, span=span)


EMPTY_TITLE = "时间线数据中没有事件"
TIMELINE = ("上方时间线收录了{span}的 {events} 个有日期的事件，分为 {kinds} 类。"
            "把鼠标移到某个点上，可以看到事件及其来源{slider}。")
SLIDER = "；拖动滑块可以逐年回放"
EMPTY = "本次运行所给的时间线数据中没有事件，因此无法显示时间线。"
DESCRIPTION = ("时间线：{span}的 {n} 个事件，包括出口管制、降价、模型发布、超节点、投资承诺和组织调整，按阶段着色；"
               "滑块可以隐藏所选年份之后的事件。")
