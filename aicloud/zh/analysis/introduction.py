"""Chinese counterpart of `aicloud.analysis.introduction`: the words of the sentences under the timeline (the English
`timeline_texts` puts them together)."""

from __future__ import annotations

SPAN = {"one_long": "{first.year}年{first.month}月", "long": "{first.year}年{first.month}月至{last.year}年{last.month}月",
        "one_short": "{first.year}年{first.month}月", "short": "{first.year}年{first.month}月至{last.year}年{last.month}月"}
EVENTS = ("{n}", "{n}")
KINDS = ("{n}", "{n}")
TITLE = "{span}的 {n} 个有日期的事件，每类事件一行"
EMPTY_TITLE = "时间线数据中没有事件"
TIMELINE = ("上方时间线收录了{span}的 {events} 个有日期的事件，分为 {kinds} 类。"
            "把鼠标移到某个点上，可以看到事件及其来源{slider}。")
SLIDER = "；拖动滑块可以逐年回放"
EMPTY = "本次运行所给的时间线数据中没有事件，因此无法显示时间线。"
DESCRIPTION = ("时间线：{span}的 {n} 个事件，包括出口管制、降价、模型发布、超节点、投资承诺和组织调整，按阶段着色；"
               "滑块可以隐藏所选年份之后的事件。")
