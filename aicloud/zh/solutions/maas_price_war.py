"""Chinese counterpart of `aicloud.solutions.maas_price_war`: the answers' sentences (RMB billions as 亿元)."""

from __future__ import annotations

from aicloud.i18n import templates

BY_CATALOGUE = {"answers": "the fallback reason 'no price or volume': display.po"}

TEXT = templates({
    "revenue": ("按本章 {used:.0%} 的付费比例，估计每年收入为 {low__yi:,.0f} 亿至 {high__yi:,.0f} 亿元，依据是每天 "
                "{tokens:,.0f} 万亿词元、每百万词元 {p_low:,.2f} 至 {p_high:,.2f} 元。在文档给出的范围两端（{r_low:.0%} 和 "
                "{r_high:.0%}），估计分别为 {lo_lo__yi:,.0f} 亿至 {hi_lo__yi:,.0f} 亿元、{lo_hi__yi:,.0f} 亿至 "
                "{hi_hi__yi:,.0f} 亿元：估计值与付费比例成正比，因此变动的倍数（{factor:.1f} 倍）与参数范围相同。"),
    "revenue_none": "按本数据，本章无法估计收入（{why}），因此没有什么可以按比例缩放。",
    "decline": ("(a) 每年下降 {rate:.0%}，一年后剩 {one:,.1f} 元，两年后剩 {two:,.1f} 元"
                "（100 × (1 − 下降率) 和 100 × (1 − 下降率)²）。(b) 价格每年除以 1 / (1 − 下降率)，即本章的倍数 "
                "{factor:,.1f}；下降率的 {level:.0%} 置信区间{interval}（基于 {groups} 个模型）。"),
    "rise": ("(a) 每年上升 {rate:.0%}，一年后为 {one:,.1f} 元，两年后为 {two:,.1f} 元"
             "（100 × (1 + 上升率) 和 100 × (1 + 上升率)²）。(b) 价格每年乘以 1 + 上升率，即 {factor:,.2f} 倍；"
             "变化率的 {level:.0%} 置信区间{interval}（基于 {groups} 个模型）。"),
    "no_trend": "(a) 和 (b)：本次运行的数据在价格战之后没有同一模型内的趋势（见趋势一节），因此没有可用来计算的速率。",
    "published": "公开估计给出的降幅从每年降到 1/{low:,.0f} 到降到 1/{high:,.0f} 不等。",
    "sliders": ("(a) 没有迁移成本、模型几乎相同时，客户会去找最便宜的服务商，所以价格向成本线（每百万词元 {cost:,.2f} 元）下跌："
                "有 {n} 家服务商时，差异化为 {alike:g} 的价格是 {price_alike:,.2f} 元，利润率只有 {margin_alike:.0%}。服务商越多，"
                "价格越接近成本；差异化的模型（差异很大时为 {price_distinct:,.2f} 元）能让价格保持在较高水平。(b) {ticks}"),
    "ticks": ("迁移成本为 {k:g} 元时，刻度出现在差异化 {upto:g} 以下：在那里，每家服务商都能通过以超过迁移成本的幅度压价而获益，"
              "于是价格循环下跌，这就是价格战。"),
    "no_ticks": "迁移成本为 {k:g} 元、有 {n} 家服务商时不出现刻度：图中每个设定都有稳定的价格；提高迁移成本或服务商数量才能找到它们。",
    "no_model": "(a) 和 (b)：本次运行的数据中没有服务成本，因此模型没有可用来计算的成本线；请按默认数据回答。",
    "first_move": "数据中第一次价格动作（改变了标价的动作）是{vendor}在 {date} 做出的",
    "no_first_move": "数据中没有改变标价的动作",
})
