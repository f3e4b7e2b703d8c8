"""Chinese counterpart of `aicloud.analysis.china_chain`: the chapter's `TEXT` in Chinese, with the same keys and
fields. The English code calls `TEXT[key].format(...)` directly, so each Chinese template is a `_Z`: words the
code passes as fields ("is", "the data", verdict labels) are put in Chinese by the field's sense, names through
`names.po`, other strings through the display catalogue; numbers keep their values."""

from __future__ import annotations

from typing import Any

from aicloud.i18n import Template
from aicloud.zh.verdicts import LABEL

# Keys the code and the tension table compare, and table columns the display catalogue shows in Chinese.
KEYS = ("SUPPORTS", "CONTRADICTS", "MIXED", "NONE", "TENSION", "CHAIN_INPUT_COLUMNS", "LAYERS", "MODEL_PARAMS")
# Words `analyse` and the rules write inline (list separators, "none", "yes"/"no", column names of the frames,
# the C31 clause "at or above"/"below", windows "A 30% to 35%, 2023 to 2024"): display.po.
BY_CATALOGUE = {f: "inline words, lists and column names: display.po" for f in (
    "c31_competitiveness", "_shares_section", "_chain_section", "_tension")}

# English words the code passes as fields, in the sense each field gives them.
_CONTEXT: dict[str, dict[str, str]] = {
    "leader_word": {"is": "就是", "is not": "不是"},
    "year": {"the data": "数据中"},
    "rank_clause": {"at or above": "达到或超过", "below": "低于"},
    "word": {"rose": "上升", "fell": "下降", "did not change": "没有变化"},
    "share_word": {"rose": "上升", "fell": "下降", "did not change": "没有变化"},
    "open_word": {"rose": "上升", "fell": "下降", "did not change": "没有变化"},
    "closed_word": {"rose": "上升", "fell": "下降", "did not change": "没有变化"},
    "most": {"most": "多数", "half": "一半", "a minority": "少数"},
    "old": LABEL, "new": LABEL,
}


class _Z(Template):
    """A Chinese template whose string fields are first read in the sense their field gives them."""

    def format(self, *args: Any, **fields: Any) -> str:  # type: ignore[override]
        fields = {k: _CONTEXT[k].get(v, v) if k in _CONTEXT and isinstance(v, str) else v
                  for k, v in fields.items()}
        return Template.format(self, *args, **fields)


def ordinal(n: int) -> str:
    return f"第 {n}"


ATTRIBUTES = {"_ordinal": ordinal}

TEXT = {k: _Z(v) for k, v in {
    # NVIDIA's licence price and its chief executive's remark; the unused share of new capacity (the rents section)
    "nv_licence": "许可证的代价是收入的 {h20:.0%}",
    "nv_licence_none": "数据中没有为许可证支付的收入比例",
    "nv_remark": "；英伟达首席执行官称，其在中国先进芯片市场的份额已从 {before:.0%} 降到 {after:.0%}"
                 "（这是一句表态，不是财报数字）。",
    "nv_remark_none": "；数据中没有英伟达首席执行官关于其在中国先进芯片市场份额的表态。",
    "unused": "媒体估计新增算力中最多有 {v:.0%} 处于闲置",
    "unused_none": "数据中没有新增算力闲置比例的估计",
    "capex": "{year} 年中国最大的一笔数字是 {cn__yi:,.0f} 亿美元，美国最大的一笔是 {us__yi:,.0f} 亿美元。",
    "capex_none": "没有一个年份同时有中国的年度数字和大于零的美国数字，所以两者没有比较。",
    # C37
    "c37_none": "数据中没有任何一个指标拥有同一可比序列的两个时期，所以无法追踪任何份额随时间的变化。",
    "none": "无",
    "chain_missing": "链条模型无法用本次运行的数据启动：没有两朵云同时出现在 AI 云收入份额、GPU 采购和技术栈表中。",
    "only": "只有 {k} 个",
    "c37_window": "{leader} {start:.0%} 至 {end:.0%}，{first} 至 {last}",
    "c37_window_late": "{leader} {start:.0%} 至 {end:.0%}，{first} 至 {last}（发表于文章之后）",
    "sep_windows": "；",
    "sep": "，",
    "c37_figure": "在 {n} 个可比时间窗口中的 {k} 个，起点的领先者份额至少提高了 {gain:.1f} 个百分点",
    "c37_reason": "在 {n} 个可比时间窗口中的 {k} 个（{windows}），起点领先的厂商份额至少提高了 {gain:.1f} 个百分点，"
                  "所以其中{most}窗口里强者变得更强；至于更便宜、更可靠的厂商是否会聚拢用户，则无法检验，因为没有任何厂商"
                  "公开其单位成本或可靠性（链条模型只能展示这一机制）。",
    "c37_reason_against": "{n} 个可比时间窗口（{windows}）中，起点领先的厂商份额提高至少 {gain:.1f} 个百分点的窗口："
                          "{k_text}；强者总体上并没有变得更强。",
    # C31
    "c31_few": "同一时期既有文档记载的技术栈、又有收入份额的云厂商不到三家。",
    "c31_figure": "秩相关系数 {rho:+.2f}；技术栈最完整的云{leader_word}收入领先者",
    "c31_reason": "在 {n} 家中国云厂商中，{top}的文档记载的技术栈最完整（{all_layers} 层中的 {layers} 层），"
                  "{leader_clause}；在全部 {n} 家中，文档记载的完整度与 {period} 的 AI 云收入份额的秩相关系数为 "
                  "{rho:+.2f}，{rank_clause}作为一致标准的 {threshold:.2f}。整合度和成本效率没有按厂商公布的衡量指标；"
                  "缺少某一层只表示没有来源，而不是缺少产品。",
    "c31_leads": "它同时也是收入领先者",
    "c31_not_leads": "收入领先的则是{rev_leader}",
    # C27
    "c27_few": "数据中有明确的主要云或独家云的模型厂商不到两家，所以无法统计它们是否留了下来。",
    "c27_figure": "{n} 家有主要云的模型厂商中，{k} 家后来与另一朵云签约",
    "c27_reason_weak": "{n} 家有主要云或独家云的模型厂商中，有 {k} 家（{moved}）后来从另一朵云获取算力或失去了独家地位，"
                       "占 {share:.0%}，而认定迁移成本没能留住它们的标准是 {threshold:.0%}；{kept_clause}"
                       "所以锁定更多是通过合同、股权和代金券实现的，而不是通过迁移工作负载的成本；没有一家云厂商公布客户流失率"
                       "或迁移成本。",
    "c27_reason_strong": "{n} 家有主要云或独家云的模型厂商中，只有 {k} 家后来从另一朵云获取算力（{share:.0%}，低于作为"
                         "弱锁定标准的 {threshold:.0%}），与强锁定相符；但交易很少，也没有一家云厂商公布客户流失率或迁移成本。",
    "c27_kept": "其中 {kept} 家后来又与最初的云签了更多合同（{kept_names}）。",
    "c27_earmark": "算力换股权交易把一笔已报道投资的 {earmark:.0%} 绑定在投资方的云上。",
    "c27_not_kept": "它们中没有一家与最初的云签更多合同。",
    # chain figures
    "fig_c01": "在 {period}，词元领先者（{tok}）占词元的 {tok_t:.0%}，却只占收入的 {tok_r:.0%}；收入领先者（{rev}）"
               "占收入的 {rev_r:.0%}，占词元的 {rev_t:.0%}。",
    "fig_c03": "英伟达开票给中国的收入从 {fy0} 的 {first__yi:,.0f} 亿美元{word}到 {fy1} 的 {last__yi:,.0f} 亿美元，"
               "同期中国在英伟达收入中的占比从 {s0:.1%}{share_word}到 {s1:.1%}。",
    "fig_c06": "在首轮管制出台后的一年（{fy0}），英伟达仍向中国开票 {first__yi:,.0f} 亿美元（占其收入的 {s0:.1%}）；"
               "在许可证规定出台之前，{h20_label} 它卖出了 {h20__yi:,.0f} 亿美元的 H20。",
    "fig_c10": "中国 AI 芯片厂商（独立企业，而非论断所说的云厂商自研芯片）的收入变化为：{changes}；而英伟达最近一次报告的季度 H20 对华销售额为 {h20_last__yi:,.1f} 亿美元。",
    "fig_c10_one": "{company}的收入变为原来的 {ratio:,.1f} 倍（{p0} 至 {p1}）",
    "fig_c12": "{period}，{company}的{line}年增长 {growth:+.0%}，{pace}其整个 AI 云（{seg:+.0%}）；这是收入而非利润率，"
               "所以无法说明两者中哪一个赚钱。",
    "pace_faster": "快于",
    "pace_slower": "慢于",
    "pace_same": "等于",
    "fig_c13": "{company}的云业务增速从 {p0} 的 {g0:+.0%}{word}到 {p1} 的 {g1:+.0%}，AI 相关产品收入连续 {streak} "
               "个季度实现三位数增长。",
    "fig_c14": "拥有自有模型系列的云厂商，在 {n} 个季度中有 {k} 个增长快于对照组（{others}）（增速差的中位数为 {gap:+.1f} 个百分点）。",
    "fig_c15b": "从 {p0} 到 {p1}，{open_n} 个开放权重模型系列在企业词元中的份额从 {open_s0:.1%}{open_word}到 "
                "{open_s1:.1%}，{closed_n} 个闭源模型系列的份额从 {closed_s0:.1%}{closed_word}到 {closed_s1:.1%}。",
    "fig_c16": "{company}开放了模型权重（{date}）；它的公有云词元调用量排{tok_rank}，AI 云收入在 {n_rev} 家中排{rev_rank}。",
    "fig_c16_market": "数据统计到其模型市场上有 {count:,.0f} 个开放模型（{period}），{against}“数十个”所要求的 {dozens} 个。",
    "fig_c16_no_market": "数据中没有其模型市场上开放模型的数量，所以这里的任何数据都无法说明模型市场这一部分。",
    "at_least": "达到",
    "fewer_than": "少于",
    "no_date": "数据中没有日期",
    "fig_c21": "在 {bench}（{version}，{date:%Y年%-m月%-d日}）上，最好的中国模型与最好的美国模型的分差为 {gap:+.0f}"
               "（“难分伯仲”指相差在 {points:.0f} 分以内）；中国最便宜的输出价格只有 {us_model} 的 1/{ratio:,.0f}。",
    "fig_c21_open": "在 {bench}（{version}，{date:%Y年%-m月%-d日}）上，最好的中国开放权重模型（{cn}）与数据中最好的美国开放"
                    "权重模型（{us}）的分差为 {gap:+.0f}（“难分伯仲”指相差在 {points:.0f} 分以内）；该指数在那一天没有给任何"
                    "美国闭源模型打分，所以这一对只比较开放权重模型，而不是论断所说的前沿模型。中国最便宜的输出价格只有闭源模型 "
                    "{us_model} 的 1/{ratio:,.0f}。",
    "fig_c24": "服务同一个开放模型，在 {n} 套公开的技术栈中，模型推算的每百万输出词元成本从 {lo:,.2f} 美元到 {hi:,.2f} 美元"
               "不等（相差 {spread:,.1f} 倍）。",
    "fig_c29": "按最近一年中国标价的中位数（每百万输出词元连同其输入 {price:,.2f} 美元），{n} 套公开的技术栈中有 {k} 套会亏本提供服务。",
    "fig_c36": "{company}过去四个季度的支出是其承诺年均额的 {pace:.0%}；{comp}在 {year} 年的计划规模最大，"
               "因报道而异，在 {lo__yi:,.0f} 亿元到 {hi__yi:,.0f} 亿元之间。",
    "fig_c38": "在 {n} 份报道中，有 {k} 份显示中国的 GPU 租金跌破峰值（这些报道给出的租金为峰值的 {cn_lo:.0%}-{cn_hi:.0%}）；"
               "美国市场的租金{us_word} {us:.0%}；据报道，中国新增算力中最多有 {unused:.0%} 处于闲置。",
    "us_fell": "跌到其峰值的",
    "us_rose": "升到其峰值的",
    "us_same": "保持在其峰值的",
    # titles and section sentences
    "title_tvr": "{tok}以 {tok_t:.0%} 的份额在词元上领先，却只占 AI 云收入的 {tok_r:.0%}；{rev}以 {rev_r:.0%} 领先收入",
    "title_tvr_none": "已公布的词元份额和收入份额；没有哪个时期两者都有",
    "title_revenue": "{n} 朵云中有 {n_up} 朵最近一个报告季度的增速高于第一个季度；图中标出 {n_breaks} 处口径变化，不做连接",
    "title_nvidia": "英伟达来自中国的收入{word} {growth:.0%}，{fy1} 达到 {last__yi:,.0f} 亿美元；其 H20 对华季度销售额"
                    "从 {h20_peak__yi:,.0f} 亿美元降到 {h20_last__yi:,.1f} 亿美元",
    "title_nvidia_none": "英伟达来自中国的收入与出口管制，按已公布数字",
    "title_capex": "{year} 年中国最大的资本开支数字是美国最大数字的 {ratio:.0%}",
    "title_capex_none": "已报道的中国资本开支，以美元计",
    "title_rents": "{n} 份报道中有 {k} 份显示中国 GPU 租金低于峰值（为峰值的 {cn_lo:.0%}-{cn_hi:.0%}）；美国市场租金"
                   "{us_word} {us:.0%}",
    "title_rents_none": "已报道的 GPU 峰值租金及其后的租金",
    "rents_sentence": "在 {n} 份报道中，有 {k} 份显示中国的 GPU 租金跌破峰值；这些报道给出的租金为峰值的 {cn_lo:.0%}-{cn_hi:.0%}",
    "rents_sentence_none": "数据中没有一份中国报道同时给出峰值租金和其后的租金",
    "q_pair": "最好的中国模型（{cn}）与最好的美国模型（{us}）的分差为 {gap:+.0f}",
    "q_pair_open": "最好的中国开放权重模型（{cn}）与数据中最好的美国开放权重模型（{us}）的分差为 {gap:+.0f}；该指数那一天没有给"
                   "任何美国闭源模型打分",
    "q_pair_none": "数据中没有任何指数在同一天给中美模型打分",
    "title_quality": "在同一指数上，最好的中国模型与最好的美国模型的分差为 {gap:+.0f}，输出价格最低只有后者的 1/{ratio:,.0f}",
    "title_quality_none": "可溯源的中美模型评分和标价",
    "title_quality_open": "在同一指数上，最好的中国开放权重模型与最好的美国开放权重模型的分差为 {gap:+.0f}，输出价格最多只有"
                          "美国模型的 1/{ratio:,.0f}",
    "title_cost": "在假设的租用价格和利用率下，{n} 套公开技术栈中有 {k} 套的服务成本低于最近一年中国标价的中位数",
    "title_deals": "{n} 家有主要云的模型厂商中，{k} 家后来与另一朵云签约",
    "title_stack": "{top}的文档记载的技术栈最完整；完整度与收入份额的秩相关系数为 {rho:+.2f}",
    "title_stack_none": "中国各云厂商文档记载的技术栈层级",
    "title_shares": "在 {n} 个可比时间窗口中的 {k} 个，起点的领先者提高了份额",
    "title_chain": "从相等的份额出发，模型中份额最大的是{model_leader}；数据中领先的是{observed_leader}",
    "title_chain_match": "从相等的份额出发，模型的终点与数据一致，{observed_leader}份额最大",
    "title_fit": "{n} 组滑块设定中有 {k} 组与观察一致，以{observed_leader}份额最大告终；最接近的一组与观察份额相距 {best:.2f}",
    "title_events": "{year} 年关于中国 AI 供应和模型的 {n} 个有日期的事件",
    "fig_model": "在链条模型对其假设的 {draws:,} 次联合抽样中，有 {share:.0%} 的抽样{what}。",
    "model_c02": "最终的市场格局与从相等的 GPU 储备出发时不同",
    "model_c08": "起点 GPU 最多的厂商（{rich}）最终份额最大",
    "model_c29": "在出现退出的抽样中，退出的是每服务一个词元成本最高的厂商",
    "model_c35": "每服务一个词元成本最低的厂商至少和成本最高的厂商坚持得一样久",
    "model_c37": "中途领先的厂商到终点时份额继续提高",
    "fig_c09": "在 {n} 家中国云厂商中，{years} 年的 GPU 采购量与 {period} 的 AI 云收入份额的秩相关系数为 {rho:+.2f}："
               "{rich}买得最多，占它们收入的 {rich_share:.0%}；领先的是{leader}，占 {leader_share:.0%}。",
    "missing": "本次运行的数据中没有这一环节的证据。",
    "model_no_exit": "在链条模型对其假设的 {draws:,} 次联合抽样中，没有任何厂商退出，所以它无法说明谁会退出。",
    # what China's evidence adds to an owning chapter's verdict (with_china, with_model)
    "owner_china": "中国的证据：{text}这{verb}该论断。",
    "owner_none": "本次运行的中国数据中没有关于该论断的证据。",
    "owner_moves": "加上它，结论是“{new}”，而不是“{old}”。",
    "owner_side": "它并不衡量论断中这里的数据无法判定的那一部分，所以只作为背景列出，论断仍然无法判定。",
    "owner_unlike": "它比较的对象并不可比，所以只作为背景列出，不改变结论。",
    "late": "（发表于文章之后）",
    "owner_side_failed": "它涉及论断的另一部分，而不是不成立的那一部分。",
    "model_owner": "{text}所以模型{verb}该论断。",
    "model_owner_none": "链条模型无法用本次运行的数据启动，所以在这里没有补充。",
    "short_C01": "中国：词元领先者的词元份额是其收入份额的 {v:.1f} 倍",
    "short_C03": "中国：英伟达来自中国的收入 {v:+.0%}",
    "short_C06": "中国：首轮管制后占英伟达收入的 {v:.1%}",
    "short_C09": "中国：GPU 采购量与后来的收入份额的秩相关系数 {v:+.2f}",
    "short_C10": "中国：AI 芯片厂商收入至少变为原来的 {v:.1f} 倍",
    "short_C12": "中国：算力租赁增速比整个 AI 云高 {pp:+.0f} 个百分点",
    "short_C13": "中国：云业务增速从第一个季度到最近一个季度变化 {pp:+.0f} 个百分点",
    "short_C14": "中国：有自有模型的云厂商增速差的中位数 {v:+.1f} 个百分点",
    "short_C15": "中国：开放权重模型系列的词元份额比闭源系列多增加 {v:+.1f} 个百分点",
    "short_C16": "中国：{first}",
    "short_C21": "中国：最好的中国模型对最好的美国模型 {v:+.0f} 个指数点",
    "short_C24": "中国：模型推算的服务成本在各技术栈之间相差 {v:.1f} 倍",
    "short_C29": "中国：按标价中位数，{v:.0%} 的公开技术栈亏本",
    "short_C36": "中国：支出达到承诺年均节奏的 {v:.0%}",
    "short_C38": "中国：GPU 租金最多只剩峰值的 {v:.0%}",
    "short_model": "链条模型：{v:.0%} 的联合抽样",
    "verb_supports": "支持",
    "verb_contradicts": "否定",
    "verb_mixed": "部分支持",
    "verb_no_evidence": "无法说明",
    "higher": "更高",
    "lower": "更低",
}.items()}
