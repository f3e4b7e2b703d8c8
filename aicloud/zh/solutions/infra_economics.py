"""Chinese counterpart of `aicloud.solutions.infra_economics`: the exercise answers. The phrases `answers` writes
inline and passes into the templates (a cushion, a published figure, what a ratio means) are translated by
display.po patterns."""

from __future__ import annotations

from aicloud.i18n import templates

BY_CATALOGUE = {"answers": "inline phrases passed into the templates: display.po"}

_t = templates({
    "SOL_MARGIN": ("滑块覆盖已公布的租用价格，每 GPU 小时 {low:,.2f} 至 {high:,.2f} 美元。在上端，若每个词元都计费，收入{full}"
                   "{cushion}。若只有 {paid:.0%} 的词元计费，按{provider}自己的每小时 {own:,.2f} 美元，{own_be}达到盈亏平衡。"
                   "这一收入之所以是理论值，是因为它按标价对每个词元计费：免费使用、折扣和闲时优惠都没有扣除，所以真实的利润率更低，"
                   "真实的盈亏平衡利用率更高。"),
    "SOL_REPRODUCE": ("(a) {nodes:,.2f} 个节点 × {gpus:,.0f} 块 GPU × {hours:,.0f} 小时 × 每 GPU 小时 {price:,.2f} 美元，得到 "
                      "{cost:,.0f} 美元{against}。(b) 收入 / 成本 - 1 = {markup:.1%}{published}。(c) 需求有峰谷：按最忙时段配置的"
                      "集群在一天的其余时间部分闲置，所以服务商会用更便宜的闲时价格或批处理任务来填补低谷。"),
    "SOL_DOMESTIC": ("在相同服务水平下，最好的国产解码数字是最好的 Hopper 数字的{ratio}，因此{meaning}：在同等利用率下，盈亏平衡的"
                     "租用价格为每加速卡小时 {be_price:,.2f} 美元。在文档所列区间的下端（{lo:,.2f} 美元），国产集群需要{be_lo}；"
                     "在上端（{hi:,.2f} 美元），需要{be_hi}。租用价格越高，所需的利用率越高，越低则所需越低，所以利用率（调度所能"
                     "控制的）和价格是两个杠杆。如果公布了国产价格，价格高于每小时 {be_price:,.2f} 美元、不超过 {be_max:,.2f} 美元时 C28 "
                     "会得到支持（国产集群必须比英伟达的更忙，而且做得到），高于 {be_max:,.2f} 美元时为部分支持（需要超过满负荷的"
                     "利用率），等于或低于 {be_price:,.2f} 美元时则与证据相悖；没有服务商公布其国产集群的价格或利用率，因此本章把 C28 "
                     "标为公开数据无法检验。"),
    "SOL_NONE": "本次运行的数据中没有这道练习需要的数字；用默认数据运行时，答案会在这里算出。",
    "SOL_SUPERNODE": "{dom}提供的稠密算力是 {nv} 的 {compute:.1f} 倍，功耗却是其 {power:.1f} 倍，单位算力的功耗是其 {per_flop:.1f} 倍。{energy}",
    "SOL_ENERGY": "但电费只占每个词元假设租用成本的约 {share:.0%}，因此功耗劣势的重要性{matters}每卡吞吐和利用率。",
})
SOL_MARGIN, SOL_REPRODUCE, SOL_DOMESTIC = _t["SOL_MARGIN"], _t["SOL_REPRODUCE"], _t["SOL_DOMESTIC"]
SOL_NONE, SOL_SUPERNODE, SOL_ENERGY = _t["SOL_NONE"], _t["SOL_SUPERNODE"], _t["SOL_ENERGY"]
del _t


def _utilisation(u: float) -> str:
    return "需要超过 100% 的利用率，即使每块 GPU 都满负荷，收入也永远无法覆盖成本，无法" if u > 1 else f"在 {u:.0%} 的利用率下"


def _needs(u: float) -> str:
    return f"{u:.0%} 的利用率，这是任何集群都达不到的" if u > 1 else f"{u:.0%} 的利用率"


ATTRIBUTES = {"_utilisation": _utilisation, "_needs": _needs}
