"""Chinese counterpart of `aicloud.analysis.china_chain_charts`: subtitles, descriptions and source lines of the
China chapter's charts. Axis titles, legends, tooltips, categories and slider labels the chart functions write
inline are translated where the chart leaves the kernel (`charts.finish`, display.po)."""

from __future__ import annotations

from typing import Any

from aicloud._lazy import pd
from aicloud.i18n import templates

BY_CATALOGUE = {f: "axis titles, legends, tooltips, categories and slider labels: display.po" for f in (
    "tokens_vs_revenue", "revenue_growth", "capex", "rents", "price_quality", "cost_vs_price", "chain_paths",
    "chain_fit")}

TEXT = templates({
    "tvr_sub": "{period} 中国市场的两种份额口径：IDC 统计外部客户在公有云上调用的词元，Omdia 统计 AI 云收入"
               "（IaaS + PaaS + MaaS）",
    "tvr_desc": "分组柱状图，每朵云一组：同一半年里它的词元份额和收入份额并列；词元领先者的收入份额远小于它的词元份额。",
    "rev_sub": "各公司自己公布的同比增速，按时期；每条线是一种分部口径，口径重新定义就另起一条线（虚线：混入了其他业务的代理口径）",
    "rev_desc": "中国公司云业务分部按季度或年度的同比增速折线；公司重新定义分部的地方折线断开，不跨口径连接。",
    "nv_sub": "英伟达开票给中国（含香港）的收入（财年，柱）和 H20 对华销售额（季度，点），十亿美元；竖线：出口管制和中国的限制措施",
    "nv_desc": "英伟达每年来自中国的收入柱、许可证规定出台后跌到接近零的 H20 对华季度销售额点，以及出口管制和中国限制措施"
               "日期处的竖线。",
    "capex_sub": "{year} 年的资本开支数字，按每美元 {rate:.2f} 元（滑块）折算成十亿美元；形状：已公布、媒体报道的计划或估计；"
                 "同一公司的报道不一致时，各列一个点",
    "capex_desc": "中美公司某一年资本开支的散点，同一数字的每一篇不一致的报道各占一个点。",
    "rents_sub": "每篇报道中下跌后的租金占峰值租金的比例（这一比值与报道的数字是月租还是年租无关）；竖线：美国市场租用价格",
    "rents_desc": "每篇中国报道中 GPU 租金剩余峰值比例的柱，以及美国市场租用价格的竖线；每根柱都远低于 1。",
    "quality_sub": "上：同一基准测试上的得分，每行一个版本和日期（厂商自报的行会注明）；下：每百万输出词元的标价，美元"
                   "（人民币按滑块汇率折算）；形状：开放权重或闭源",
    "quality_desc": "左：中美模型基准测试得分的散点，每个基准测试一个分面。右：同一批及其他模型输出标价的散点，对数刻度，按国家着色。",
    "cost_sub": "每百万输出词元的美元成本，含每个输出词元 {ipo:.1f} 个输入词元的预填充：每套公开的批处理技术栈按模型推算的服务成本"
                "（滑块：利用率和 Hopper GPU 小时价格，其他硬件按比例调整），对比最近一年的中国标价（刻度线）；对数刻度",
    "cost_desc": "在同一根对数坐标轴上，每套公开技术栈按模型推算的服务成本点和中国标价的刻度线；滑块随利用率和租用价格移动成本。",
    "deals_sub": "云厂商与模型厂商之间有日期的交易；形状：交易类型",
    "deals_desc": "时间线上的散点，每个模型厂商一行，按云厂商着色、按交易类型区分形状：股权投资、算力换股权、首选云、独家地位变化、"
                  "算力交易、承诺采购。",
    "stack_sub": "文档记载的产品层级（共 {all_layers} 层）与 {period} AI 云收入份额（Omdia）的对比；缺少某一层只表示没有来源，"
                 "而不是缺少产品",
    "stack_desc": "文档记载的技术栈层级与收入份额的散点图，每朵中国云一个点，按云着色。",
    "shares_sub": "各时期的份额，每个指标一个分面；指标口径改变的地方另起一条线（阿里巴巴 2023 年调整报告口径之后的 Canalys 数据）",
    "shares_desc": "厂商份额随时间变化的折线，分四个分面（IDC 词元、沙利文企业级词元、Omdia AI 云收入、云基础设施收入）。",
    "chain_sub": "模型推算的词元服务份额，从 GPU 那一年的相等份额出发逐季推进；菱形：观察到的 {period} AI 云收入份额；"
                 "滑块选择假设（其他假设按当前设定）",
    "chain_desc": "各朵云按季度的模型市场份额折线，滑块设置单位技术栈深度带来的效率、锁定程度和学习率，菱形标出观察到的终点份额。",
    "fit_sub": "模型终点份额与观察份额之间的距离（总变差，0 到 1），按深度效应和锁定程度；标签是模型中的领先者；滑块：学习率",
    "fit_desc": "热力图显示在两个假设下模型的最终份额离观察份额有多远，标注模型中份额最大的厂商；滑块设置学习率。",
    "events_sub": "这一年有日期的事件，按类别；悬停可查看事件及其来源",
    "events_desc": "这一年事件的时间线散点，每个类别一行：模型发布、降价、出口管制、中国的限制措施、国产芯片、市场言论。",
    "model_source": "来源：链条模型（aicloud.models.chain），起点数据来自",
    "nothing_sub": "本次运行的数据没有可画的内容",
    "nothing_desc": "图表位置上的一段说明，解释为什么本次运行的数据没有可画的内容。",
    "price_row": "最近一年的中国标价",
    "no_source": "来源：本次运行的数据中没有相关行。",
    "source_many": "来源：{n} 份文件，其中包括{first}以及另外 {more} 家发布者（每一份都连同日期列在数据与来源页面上）。",
    "source_few": "来源：{n} 份文件，来自{first}（每一份都连同日期列在数据与来源页面上）。",
})


def model_source(res: Any, tables: Any) -> str:
    """The model charts' source line: the chain model, then the sources of its inputs ('来源：' replaced)."""
    ev = res.frames["_evidence"]
    ids = pd.DataFrame({"source_id": list(ev.model_inputs.get("sources", ()))})
    from aicloud.analysis import china_chain_charts as english

    line = english._source(tables, ids)
    return TEXT["model_source"] + line.removeprefix("来源：")


ATTRIBUTES = {"_model_source": model_source}
