"""Chinese counterpart of `aicloud.analysis.maas_price_war_text`: the chapter's `TEXT` and `PROSE` in Chinese, with
the same keys and fields. Words the English code puts into a field (a vendor's name, "meeting", a date) are
translated on the way in (`aicloud.i18n.display`), so each template gets Chinese values."""

from __future__ import annotations

from typing import Any

from aicloud.i18n import day as _day
from aicloud.i18n import display, name

# English words the code passes as fields, in the sense each field gives them.
_CONTEXT = {
    "where": {"below": "低于它们的范围", "within": "落在它们的范围之内", "above": "高于它们的范围"},
    "inside": {"inside": "在", "outside": "不在"},
    "direction": {"fall": "下降", "rise": "上升"},
    "match": {"matching": "符合", "against": "对比"},
    "relation": {"matches": "前者达到了后者", "falls short": "前者没有达到后者", "meeting": "达到", "below": "低于"},
    "word": {"most": "多数", "half": "一半", "a minority": "少数"},
    "first_action": {"the launch of a model at a low price": "低价发布新模型", "a price cut": "降价",
                     "a move to free": "改为免费"},
    "end": {", which matches.": "，二者一致。", ", so its layer count is wrong.": "，因此它的层级数有误。"},
    "tie": {" (tied)": "（并列）", "": ""},
    "models_were": {}, "are": {}, "verb": {}, "pronoun": {},
}


def _fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in _CONTEXT and isinstance(value, str):
            out[key] = _CONTEXT[key].get(value, value)
        elif isinstance(value, str):
            out[key] = name(value) if name(value) != value else display(value, "maas field")
        else:
            out[key] = value
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[f"{key}__yi"] = value * 10   # billions as 亿
    return out


def say(key: str, **fields: Any) -> str:
    """A reader-facing sentence from `TEXT` with its fields filled in (Chinese)."""
    return TEXT[key].format(**_fields(fields))


def prose(key: str, **fields: Any) -> str:
    return PROSE[key].format(**_fields(fields))


def day(d: Any) -> str:
    return _day(d)


def names_list(items: list[str]) -> str:
    return "、".join(name(i) for i in items) if items else TEXT["none"]


def ordinal(n: int) -> str:
    return f"第 {n}"



TEXT = {
    # C11
    "c11_none": "数据中没有文章点名的云厂商（{named}）提供游戏服务器的记录。",
    "c11_figure": "文章点名的 {named_n} 家云厂商中有 {found} 家的方案有记录",
    "c11_reason": ("{vendors}为《{game}》推出服务器的方案有记录，最晚在 {last_offer}；{contest}；{order}。"
                   "{missing}至于这是否算得上价格战之外当年的“第一战”，则是一种判断。"),
    "c11_contest_yes": "这是文章点名的云厂商中 {n} 家之间的竞争",
    "c11_contest_no": "只有一家点名云厂商的方案有记录，谈不上竞争",
    "c11_before": "比价格战的第一次动作（{first}）早 {days} 天",
    "c11_after": "价格战的第一次动作（{first}）比其中最晚的方案早 {days} 天，因此它们并不是第一战",
    "c11_no_moves": "数据中没有可以拿来对照日期的价格战动作",
    "c11_missing": "没有找到{missing}的方案。",
    # C12, C13
    "c12_figure": "商业判断",
    "c12_reason": ("“算力必须做成服务才能赚钱”是一个战略论点：检验它需要各厂商原始算力与模型服务各自的利润率，"
                   "而没有哪家厂商公布。数据中有 {n_series} 组公布的调用量序列，它们反映的是用量，而不是利润。"),
    "c13_figure": "内部会议",
    "c13_reason": "公司内部年终会上的汇报顺序只是个案，没有公开记录。",
    # C14
    "c14_none": "数据中没有哪个 IDC 统计期写明哪些云厂商在卖自己的模型。",
    "c14_figure": "{n} 个统计期中有 {held} 个领先者在卖自己的模型；具名云厂商的调用中 {own_share} 归于这类云厂商",
    "c14_reason": ("在 IDC 对外部客户调用量的统计中，{periods}。自有模型与领先地位在 {n} 个统计期中有 {held} 个同时出现；"
                   "这与“自有模型把客户带到云上”一致，但并不能说明因果方向。"),
    "c14_own": "它在卖自己的模型系列{model}",
    "c14_no_own": "它没有自己的模型系列",
    "c14_period": "{period}：{leader}领先（{own}），拥有自有模型系列的云厂商占具名云厂商调用量的 {share}",
    # C15
    "c15_no_claimed": "数据中没有{claimed}的价格动作，因此无法判断它是否最先出手。",
    "c15_figure_earlier": "{claimed}之前有 {n} 次价格动作",
    "c15_figure_first": "{claimed}最先调价",
    "c15_figure_tie": "{claimed}与另外 {n} 家同时出手",
    "c15_earlier": ("{claimed}于 {date} 出手（{what}），但在此之前已有{earlier}，最早的一次早 {lead} 天；"
                    "说它挑起了价格战，与证据相悖。"),
    "c15_first": "{claimed}于 {date} 出手（{what}），早于数据中其他所有价格动作。",
    "c15_tie": "{claimed}于 {date} 出手（{what}），与{same}同一天（或在其大致日期之内）；数据无法判断是谁先挑起。",
    "c15_unchanged": "以下不计为价格动作：{names}（标价没有变）。",
    "c15_approx": "更早的动作中有 {n} 次只有大致日期。",
    "c15_products": "它的模型和模型平台出现在产品数据中（{products}）。",
    "c15_no_products": "它的模型和模型平台不在产品数据中。",
    # C16
    "c16_figure": "未找到模型数量",
    "c16_reason": ("产品数据列出了{vendor}的模型平台和模型（{products}；{checked}），但没有任何有日期的来源给出该平台"
                   "提供多少个开源模型。"),
    # C17
    "c17_missing": "参考数据中没有该厂商的客户数，因此无法核对这一论断。",
    "c17_figure": "{found} 家客户（{dated}）",
    "c17_reason": "最接近的公开数字是{source}中的 {found} 家客户，{relation}文章所说的 {claimed} 家；{partner}",
    "c17_partner_none": "没有找到合作伙伴收入增幅的出处。",
    "c17_partner": "合作伙伴收入增长 {found}，文章说的是 {claimed}，{relation}。",
    # C18
    "c18_figure_none": "没有成本来源；标价降幅 {claimed_cut}",
    "c18_reason_none": ("数据中没有任何来源给出该厂商推理成本降低超过 {article} 的说法；它公开的数字是标价比“行业”价格低 "
                        "{claimed_cut}，而这与成本无关。"),
    "c18_reason_none_plain": "数据中没有任何来源给出该厂商推理成本降低超过 {article} 的说法。",
    "c18_figure": "成本降幅 {found}，文章说 {article}",
    "c18_reason": "有来源给出推理成本降低 {found}，{relation}文章所说的 {article}。",
    # C19
    "c19_missing": "参考数据中没有该行业模型的层级数，因此无法核对这一论断。",
    "c19_figure": "{found} 层（L0 至 L{top}），文章说 {claimed} 层",
    "c19_reason": "发布时的报道描述的是 {found} 层，即 L0 至 L{top}（{description}）；文章说的是 {claimed} 层{end}",
    # C20
    "c20_no_leader": "市场份额数据没有写明谁的调用量领先，因此无法比较算力储备。",
    "c20_none": "GPU 买家数据中，任何一年都无法给{leader}在中国买家中排名：{why}。因此无法比较算力储备与 MaaS 领先地位。",
    "c20_figure": "{n} 年中有 {first} 年 MaaS 领先者在中国 GPU 买家中居首",
    "c20_reason": "{leader}在 {period} 公有云大模型调用量中领先。它在中国 GPU 买家中的排名：{years}。{reading}{other}",
    "c20_year": "{year} 年在 {n} 家中排{rank}{tie}",
    "c20_all_below": "没有哪一年最大的中国算力储备与 MaaS 领先地位同属一家，这与论断一致；至于是模型能力和行业适配决定了胜负，"
                     "说得通，但没有被测量。",
    "c20_all_first": "每一年最大的中国算力储备都与 MaaS 领先地位同属一家，这与论断相悖。",
    "c20_mixed": "答案取决于年份：MaaS 领先者在 {first_years} 年拥有最大的中国算力储备，在 {below_years} 年则没有。",
    "c20_other": "数据无法排名的年份：{skipped}。",
    # C21
    "c21_none": "数据中既没有价格战前后的价格，也没有可拟合的趋势，因此无法核对这一论断。",
    "c21_figure": "{parts} 项检验中 {parts_held} 项成立；{cut_text}",
    "c21_reason": ("锁定效应本身（迁移成本）在公开数据中没有测量，因此这里检验的是“锁定弱”所预示的现象。{cuts}{trend}{published}"
                   "在下面的模型中，没有迁移成本时，模型越趋同，价格越接近成本；迁移成本很小时，则不存在稳定的价格。"),
    "c21_cuts": "价格战前后都有价格的 {n} 个模型中，{n_cut} 个降了价（{word}；降幅中位数 {median}）。",
    "c21_cuts_none": "没有哪个模型在价格战前后都有价格。",
    "c21_trend": "此后同一模型的标价每年下降 {decline}（{level} 置信区间为 {low} 至 {high}），{verdict}。",
    "c21_trend_none": "在两个日期都有价格的模型太少，无法拟合同一模型内的趋势。",
    "c21_trend_yes": "置信区间证实了这一下降",
    "c21_trend_no": "置信区间并不能证实这一下降",
    "c21_published": "针对其他市场的公开估计显示，价格每年下降到原来的 1/{low} 至 1/{high}，可见这并非中国独有。",
    "c21_published_none": "数据中没有针对其他市场的公开估计。",
    # C22, C23
    "c22_missing": "产品表中该论文所研究地区（{region}）的云厂商少于两家。",
    "c22_figure": "层级重合 {overlap}，名称重合 {names}",
    "c22_reason": ("本项目自己整理的产品表显示，论文所研究的几家云（{clouds}）平均在彼此 {overlap} 的层级上都有产品"
                   "（{layers_word}视为高度相似的 {layers_bar}），它们产品名称中的通用词重合 {names}"
                   "（{names_word}视为名称相似的 {names_bar}）；论文作图的方法（按相互引用连接产品）无法核实。"),
    "c23_figure": "{union} 个层级中有 {common} 个是各家都提供的",
    "c23_reason": ("{clouds}都在其中任何一家所列的 {union} 个层级中的 {common} 个上有产品（{share}，{word}视为大面积重合的 "
                   "{bar}）；不同地区的云之间，层级重合为 {cross}。至于 AI 与云的整合需要一个共同的技术栈，"
                   "这是文章的解读，无法从产品清单中检验。"),
    "c23_cross_none": "无法测量（只有一个地区）",
    # Prose pieces
    "none": "无",
    "at_least": "达到或超过",
    "below": "低于",
    "matching": "达到",
    "under": "低于",
    "not_computable": "本数据无法计算",
}

PROSE = {
    "cuts": "{n_judged} 个模型中有 {n_cut} 个降了价{how}，输入价格降幅中位数为 {median}（{n_free} 个变为免费）；"
            "{n_uncut} 个完全没有降价（{uncut_names}）。",
    "cuts_how": "（{n_paired_cut} 个依据前后配对的标价，{n_announced} 个依据公布的降价、但未找到此前标价：{announced}）",
    "cuts_none": "本数据中没有哪个模型在价格战前后都有标价，因此无法测量降幅。",
    "after_only_new": "{n} 个模型是在价格战期间发布的（新发布、一上市就是低价：{names}）",
    "after_only_unknown": "{n} 个模型此前已存在，但没有找到更早的标价（{names}）",
    "after_only_before": "{n} 个模型只出现在价格战之前（{names}：没有找到之后的价格）",
    "after_only_nothing": "价格战前后有标价的每个模型，在两边都有价格。",
    "after_only_unlinked": ("{n} 个模型只在价格战之后有标价（{names}），{n_before_only} 个只在之前有（{before_only_names}）；"
                            "有日期的动作记录中没有出现任何标价数据里的厂商，因此无法判断某个模型是新发布，还是因公布的降价而降价。"),
    "moves_unlinked": "有日期的动作（{moves_period}）中没有出现标价数据（{prices_period}）里的任何厂商，因此无法检查哪次发布的标价未变。",
    "moves": ("文章认为是{claimed}挑起了价格战。有日期的记录显示，在{claimed}于 {claimed_date} 出手之前已有 {n_earlier} 次价格动作："
              "{earlier_list}。第一次是{first_vendor}的 {first_model}，时间是 {first_date}，早了 {lead_days} 天；"
              "那是一次{first_action}（{first_what}）。"),
    "moves_first": "文章认为是{claimed}挑起了价格战。有日期的记录显示，在{claimed}于 {claimed_date} 出手之前没有任何价格动作。",
    "moves_none": "文章认为是{claimed}挑起了价格战；有日期的记录中没有{claimed}的价格动作，因此这里无法核对先后顺序。",
    "launch": ("{vendor}以每百万输入词元 {price:g} 元发布，对比“行业”价格 {industry:,.0f} 元，相当于降价 {implied:.1%}"
               "（{ratio:,.0f} 分之一），{match}文章所说的 {claim:.1%}；这比较的是标价，而不是成本。"),
    "trend": ("对至少在两个日期有价格的 {groups} 个模型（{n} 个观测值，{start} 至 {end}）做对数线性拟合，每个模型一个水平、"
              "共用一个斜率，得出每年{direction} {decline}（降到原来的 1/{factor:.1f}），{level} 置信区间为 {low} 至 {high}。"),
    "trend_none": "在两个或以上日期有价格的模型太少（{groups} 个），无法拟合同一模型内的趋势；数据无法显示价格战后价格下降得多快。",
    "published": ("{n} 个公开估计给出的价格年降幅从降到 1/{low:,.0f} 到降到 1/{high:,.0f} 不等，但测法不同：它们追踪的是"
                  "某一质量水平（基准测试得分）的最低价格，因此包含了更便宜的新模型取代旧模型的效果。本章的速率固定模型不变，"
                  "只计算现有标价的下调，结果{where}。"),
    "volumes": ("在数字相隔至少一年的 {n} 组序列中，增长最快的是{fastest}，{period}增长了 {multiple:,.0f} 倍，"
                "约每年 {per_year:,.0f} 倍；最慢的是{slowest}，约每年 {slow_per_year:,.0f} 倍"
                "（另有 {n_short} 组较短的序列没有折算成年率，因为把几个月的增长复利成一年会夸大增速）。"),
    "volumes_none": "没有哪组序列的数字相隔一年以上，因此不计算年增长（把几个月的增长复利成一年会夸大增速）。",
    "idc": "据报道，按 IDC 的统计，{leader}占 {period} 所统计词元的 {share}（{basis}），所列 {n} 家云厂商合计占 {listed}{total}。",
    "idc_total": "，总量为 {total:,.1f} 万亿词元",
    "idc_none": "数据中没有 IDC 的市场份额。",
    "revenue": ("领先云厂商的母公司{company}最近公布的用量是每天 {tokens:,.0f} 万亿词元（{date}）。按它每百万词元 {low:,.2f} 至 "
                "{high:,.2f} 元的综合标价（{price_date}）和假设的付费比例计算，每年收入为 {rev_low__yi:,.0f} 亿至 "
                "{rev_high__yi:,.0f} 亿元。"),
    "revenue_growth": ("用量约每年增长 {volume:,.0f} 倍，而同一模型的价格降到原来的 1/{factor:.1f}，因此若付费比例不变，"
                       "按标价计的收入每年可增长约 {growth:,.0f} 倍。"),
    "revenue_none": "按本数据无法估计领先云厂商的母公司{company}的收入：{why}。",
    "revenue_why_prices": "标价数据中没有{company}的正价格",
    "revenue_why_volumes": "数据中没有{company}公布的词元用量",
    "revenue_why_leader": "市场份额数据没有写明谁领先",
    "paid_summary": ("在 {n} 个估计中（每个统计期采用 IDC 的数字，公告之间用两种方法插值），外部客户调用占公布词元用量的比例从 "
                     "{low:.0%} 到 {high:.0%} 不等，平均 {central:.0%}。本章采用的付费比例为 {used:.0%}（{inside}这一范围之内）；"
                     "付费比例只能低于外部调用比例，因为外部客户也在使用免费额度。"),
    "paid_none": "数据中没有哪个 IDC 统计期被同一公司的全渠道用量序列覆盖，因此这里无法三角推算付费比例；本章采用假设值 {used:.0%}。",
    "stack": ("在{home}之间，层级重合平均为 {overlap}（在其中任何一家所列的 {union} 个层级中，各家都有的是 {common} 个），"
              "名称重合为 {names}；不同地区的云之间，层级重合为 {cross}，名称重合为 {cross_names}。"),
    "stack_none": "产品表中该论文所研究地区的云厂商少于两家，因此不计算它们之间的重合。",
}
