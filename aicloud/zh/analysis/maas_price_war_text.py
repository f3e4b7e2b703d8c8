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
    "word": {"most": "多数", "half": "一半", "a minority": "少数", "all": "全部", "none": "没有"},
    "first_action": {"the launch of a model at a low price": "低价发布新模型", "a price cut": "降价",
                     "a move to free": "改为免费"},
    "tie": {" (tied)": "（并列）", "": ""},
    "models_were": {}, "are": {}, "verb": {}, "pronoun": {}, "were": {}, "series_are": {}, "drawn": {},
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


# Nouns the English code counts, with the Chinese measure word.
NOUNS = {"model": "个模型", "period": "个统计期", "price move": "次价格动作", "day": "天", "estimate": "个估计",
         "series": "组序列"}


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 个模型', '3 天': a count with its measure word."""
    return f"{n:,} {NOUNS.get(one, one)}"


def years(n: float) -> str:
    """'一年', '6 个月', '3 年': a span given in years."""
    if n == 1:
        return "一年"
    if n < 1:
        return f"{n * 12:.0f} 个月"
    return f"{n:g} 年"


def share_word(share: float) -> str:
    """'全部', '没有', or 多数 / 一半 / 少数 for a share in 0-1."""
    from aicloud.verdicts import majority

    return "全部" if share >= 1 else "没有" if share <= 0 else _CONTEXT["word"][majority(share)]


def joined(items: list[str]) -> str:
    """'甲和乙', '甲、乙和丙'."""
    items = [name(i) for i in items]
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1] if items else TEXT["none"]


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
    "c14_reason": ("在 IDC 对外部客户调用量的统计中，{periods}。领先者在卖自己的模型系列、且多数调用落在这类云上，这两点在 {n} 个统计期中有 {held} "
                   "个同时成立；这与“自有模型把客户带到云上”一致，但并不能说明因果方向。"),
    "c14_own": "它在卖自己的模型系列{model}",
    "c14_no_own": "它没有自己的模型系列",
    "c14_period": "{period}：{lead}，拥有自有模型系列的云厂商占具名云厂商调用量的 {share}",
    # C15
    "c15_no_claimed": "数据中没有{claimed}的价格动作，因此无法判断它是否最先出手。",
    "c15_figure_earlier": "{claimed}之前有 {n}",
    "c15_figure_first": "{claimed}最先调价",
    "c15_figure_tie": "{claimed}与另外 {n} 家厂商同一天出手",
    "c15_earlier": "{claimed}于 {date} 出手（{what}），但{earlier}更早，{lead}；说它挑起了价格战，与证据相悖。",
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
    "c20_figure": "{n} 年中有 {first} 年 MaaS 领先者的算力储备在中国 GPU 买家中居首",
    "c20_reason": ("{leader}在 {period} 公有云大模型调用量中领先。把每家中国买家截至某年榜单所列的采购量算作它的储备，并折算成 H100 等效（沿用 GPU 一章的折算；某一 GPU "
                   "系列的芯片按 {share} 为出口版计），它的排名：{years}。{reading}榜单只列出每年最大的买家，因此买家较小的采购没有计入。{other}"),
    "c20_year": "截至 {year} 年在 {n} 家中排{rank}{tie}（{mine}，最大者为 {top}）",
    "c20_all_below": "没有哪一年最大的中国算力储备与 MaaS 领先地位同属一家，这与论断一致；至于是模型能力和行业适配决定了胜负，"
                     "说得通，但没有被测量。",
    "c20_all_first": "每一年最大的中国算力储备都与 MaaS 领先地位同属一家，这与论断相悖。",
    "c20_mixed": "答案取决于年份：MaaS 领先者在 {first_years} 年拥有最大的中国算力储备，在 {below_years} 年则没有。",
    "c20_other": "数据无法排名的年份：{skipped}。",
    # C21
    "c21_none": "{cuts}{trend}因此数据对“锁定弱”所预示的两件事都无法检验。",
    "c21_figure": "{parts} 项检验中 {parts_held} 项成立；{cut_text}",
    "c21_reason": ("锁定效应本身（迁移成本）在公开数据中没有测量，因此这里检验的是“锁定弱”所预示的现象：价格被下调，并且还在下降。{cuts}{trend}价格下降既符合锁定弱，也符合成本下降，而标价无法区分二"
                   "者。这是否为中国所独有没有检验：针对其他市场的公开估计追踪的是某一质量水平的最低价格，而不是单个模型的标价，因此不可比。在下面的模型中，没有迁移成本时，模型越趋同，价格越接近成本；迁移成本很小"
                   "时，则不存在稳定的价格。"),
    "c21_cuts": "在降幅可以测量的{n}中（{how}），{n_cut} 个降了价（{word}{median}）。",
    "c21_cuts_none": "没有哪个模型的降幅可以测量（既没有价格战前后都有的价格，也没有公布的降价）。",
    "c21_trend": "价格战之后，同一模型的标价{change}（{level} 置信区间{interval}），{verdict}。",
    "c21_trend_none": "价格战之后在两个日期都有价格的模型太少，无法拟合同一模型内的趋势。",
    "c21_trend_yes": "置信区间证实了这一下降",
    "c21_trend_no": "置信区间并不能证实这一下降",
    # C22, C23
    "c22_missing": "产品表中该论文所研究地区（{region}）的云厂商少于两家。",
    "c22_figure": "层级重合 {overlap}，名称重合 {names}",
    "c22_reason": ("本项目自己整理的产品表显示，论文所研究的几家云（{clouds}）{layers}，它们产品名称中的通用词重合 {names}（{names_word}视为名称相似的 "
                   "{names_bar}）；论文作图的方法（按相互引用连接产品）无法核实。"),
    "c23_figure": "{union} 个层级中有 {common} 个是各家都提供的",
    "c23_reason": ("{clouds}都在其中任何一家所列的 {union} 个层级中的 {common} 个上有产品（{share}，达到或超过视为大面积重合的 {bar}）；其余 {open} "
                   "个层级中，某些云缺少来源，这属于未知而不是缺失，因此重合度介于 {share} 与 100% 之间。不同地区的云之间，层级重合为 {cross}。至于 AI "
                   "与云的整合需要一个共同的技术栈，这是文章的解读，无法从产品清单中检验。"),
    "c23_cross_none": "无法测量（只有一个地区）",
    # Prose pieces
    "none": "无",
    "at_least": "达到或超过",
    "below": "低于",
    "matching": "达到",
    "under": "低于",
    "not_computable": "本数据无法计算",
    "no_above_all": "否：超过 100%",
    "yes": "是",
    "c23_open": ("{clouds}都在其中任何一家所列的 {union} 个层级中的 {common} 个上有产品（{share}，低于视为大面积重合的 {bar}）；其余 {open} "
                 "个层级中，某些云缺少来源，这属于未知而不是缺失，因此重合度介于 {share} 与 100% 之间，由缺少来源的层级决定。不同地区的云之间，层级重合为 {cross}。"),
    "c22_layers_open": "平均至少在彼此 {overlap} 的层级上都有产品，低于视为高度相似的 {bar}；但没有来源的层级是未知而不是缺失，可能把它提高到 100%，因此层级这一部分没有定论",
    "c22_layers_held": "平均至少在彼此 {overlap} 的层级上都有产品（达到或超过视为高度相似的 {bar}；没有来源的层级属于未知，因此这是下限）",
    "c21_trend_rise": "这不是下降",
    "c21_trend_short": "价格战之后没有哪个模型的价格跨度超过 {span}，短于本章把变化复利折算成年率之前所要求的 {min_span}。",
    "c21_cut_text_none": "没有可测量的降价",
    "c21_cut_text": "{n} 个模型中 {n_cut} 个降价",
    "c21_median": "；降幅中位数 {median}",
    "c21_how_announced": "，{announced} 个依据公布的降价、但未找到此前标价",
    "c21_how_paired": "{paired}依据价格战前后的标价",
    "c20_skip_leader": "{year} 年（截至当年榜单中没有{leader}）",
    "c20_skip_none": "{year} 年（截至当年没有中国买家）",
    "c20_skip_one": "{year} 年（截至当年只有一家中国买家）",
    "c20_skip_unknown": "{year} 年（部分芯片没有已知算力）",
    "c20_tied": "在最近的 IDC 统计期 {period}，{leaders}的调用量并列领先，因此没有唯一的领先者可以在 GPU 买家中排名。",
    "c19_end_flat": "：只有一层谈不上分层架构，因此这一论断与证据相悖。",
    "c19_end_layered": "：核心部分，即在基础模型之上分层构建行业模型，是成立的，但层级数有误。",
    "c19_end_match": "，二者一致。",
    "c17_undated": "该来源没有日期，无法说明这个数字在文章所说的时候成立：这一论断至多部分成立。",
    "c15_all_approx_one": "“与证据相悖”只依据一次日期为大致日期的动作：有确切日期的来源可能推翻它。",
    "c15_all_approx": "“与证据相悖”只依据日期为大致日期的动作（全部 {n} 次）：有确切日期的来源可能推翻它。",
    "c15_launches": "在它之前的新品发布不计为价格动作，因为发布只是给新模型定下第一个价格，并没有改变任何标价：{names}。",
    "c15_lead_many": "最早的一次早 {days}",
    "c15_lead_one": "早 {days}",
    "c14_tie": "领先位置由{leaders}并列",
    "c14_lead": "{leader}领先（{own}）",
    "c14_figure_no_comparison": "每家具名云厂商都有自有模型：没有对照组",
    "c14_no_comparison": "数据中 IDC 的每一次统计（{n}）里，每家具名云厂商都在卖自己的模型系列，因此数据中没有对照组：无论谁领先，领先者都在卖自己的模型，这一检验不可能不成立。",
}

PROSE = {
    "cuts": "{judged}中有 {n_cut} 个降了价{how}{median}{free}{uncut}。",
    "cuts_how": "（{n_paired_cut} 个依据前后配对的标价，{n_announced} 个依据公布的降价、但未找到此前标价：{announced}）",
    "cuts_none": "本数据中没有哪个模型在价格战前后都有标价，因此无法测量降幅。",
    "after_only_new": "{n} 个模型是在价格战期间发布的（新发布、一上市就是低价：{names}）",
    "after_only_unknown": "{n} 个模型此前已存在，但没有找到更早的标价（{names}）",
    "after_only_before": "{n} 个模型只出现在价格战之前（{names}：没有找到之后的价格）",
    "after_only_nothing": "价格战前后有标价的每个模型，在两边都有价格。",
    "after_only_unlinked": ("{n} 个模型只在价格战之后有标价（{names}），{n_before_only} 个只在之前有（{before_only_names}）；"
                            "有日期的动作记录中没有出现任何标价数据里的厂商，因此无法判断某个模型是新发布，还是因公布的降价而降价。"),
    "moves_unlinked": "有日期的动作（{moves_period}）中没有出现标价数据（{prices_period}）里的任何厂商，因此无法检查哪次发布的标价未变。",
    "moves": ("文章认为是{claimed}挑起了价格战。有日期的记录显示，在{claimed}于 {claimed_date} 出手之前已有 "
              "{n_earlier}：{earlier_list}。第一次是{first_vendor}的 {first_model}，时间是 {first_date}，早了 "
              "{lead_days}；那是一次{first_action}（{first_what}）。"),
    "moves_first": "文章认为是{claimed}挑起了价格战。有日期的记录显示，在{claimed}于 {claimed_date} 出手之前没有任何价格动作。",
    "moves_none": "文章认为是{claimed}挑起了价格战；有日期的记录中没有{claimed}的价格动作，因此这里无法核对先后顺序。",
    "launch": ("{vendor}以每百万输入词元 {price:g} 元发布，对比“行业”价格 {industry:,.0f} 元，相当于降价 {implied:.1%}"
               "（{ratio:,.0f} 分之一），{match}文章所说的 {claim:.1%}；这比较的是标价，而不是成本。"),
    "trend": ("对价格战之后至少在两个日期有价格的 {groups} 个模型（{n} 个观测值，{start} 至 "
              "{end}）做对数线性拟合，每个模型一个水平、共用一个斜率，得出标价{change}（{factor}），{level} 置信区间{interval}。"),
    "trend_none": "价格战之后在两个或以上日期有价格的模型太少（{groups} 个），无法拟合同一模型内的趋势；数据无法显示价格战之后价格变动得多快。",
    "published": ("{n} 个公开估计给出的价格年降幅从降到 1/{low:,.0f} 到降到 1/{high:,.0f} 不等，但测法不同：它们追踪的是"
                  "某一质量水平（基准测试得分）的最低价格，因此包含了更便宜的新模型取代旧模型的效果。本章的速率固定模型不变，"
                  "只计算现有标价的下调，结果{where}。"),
    "volumes": ("在数字相隔至少 {min_span}的 {n} "
                "组序列中，年率最高的是{fastest}，{period}{fast_change}，{fast_rate}；年率最低的是{slowest}，{slow_rate}。{short}"),
    "volumes_none": "没有哪组序列的数字相隔 {min_span}以上，因此不计算年变化（把几个月的变化复利成一年会夸大它）。",
    "idc": "据报道，按 IDC 的统计，{leader}占 {period} 所统计词元的 {share}（{basis}），所列 {n} 家云厂商合计占 {listed}{total}。",
    "idc_total": "，总量为 {total:,.1f} 万亿词元",
    "idc_none": "数据中没有 IDC 的市场份额。",
    "revenue": ("领先云厂商的母公司{company}最近公布的用量是每天 {tokens:,.0f} 万亿词元（{date}）。按它每百万词元 {low:,.2f} 至 "
                "{high:,.2f} 元的综合标价（{price_date}）和假设的付费比例计算，每年收入为 {rev_low__yi:,.0f} 亿至 "
                "{rev_high__yi:,.0f} 亿元。"),
    "revenue_one": ("领先云厂商的母公司{company}最近公布的用量是每天 {tokens:,.0f} 万亿词元（{date}）。按它每百万词元 {low:,.2f} "
                    "元的综合标价（{price_date}）和假设的付费比例计算，每年收入为 {rev_low__yi:,.0f} 亿元。"),
    "revenue_growth": "用量{volume}，而同一模型的标价{prices}，因此若付费比例不变，按标价计的收入变化为：{revenue}。",
    "revenue_none": "按本数据无法估计领先云厂商的母公司{company}的收入：{why}。",
    "revenue_why_prices": "标价数据中没有{company}的正价格",
    "revenue_why_volumes": "数据中没有{company}公布的词元用量",
    "revenue_why_leader": "市场份额数据没有写明谁领先",
    "paid_summary": ("在{n}中（每个统计期采用 IDC 的数字，公告之间用两种方法插值），外部客户调用占公布词元用量的比例从 {low:.0%} 到 {high:.0%} 不等，平均 "
                     "{central:.0%}。付费比例只能低于外部调用比例，因为外部客户也在使用免费额度；本章采用 {used:.0%}，{where}。"),
    "paid_none": "数据中没有哪个 IDC 统计期被同一公司的全渠道用量序列覆盖，因此这里无法三角推算付费比例；本章采用假设值 {used:.0%}。",
    "model": ("成本线根据一家服务商自己的披露计算（{publisher}）：一天的 GPU 租金除以当天服务的词元数，得到每百万词元 {cost:,.2f} 元"
              "（仅 GPU 租金，按该服务商假设的租赁价格；客户对托管模型的估值 {quality:g} 元是一个假设）。有 {n} 家服务商且没有迁移成本"
              "时，模型几乎相同时的均衡价格为 {price_alike:,.2f} 元（差异化 {alike:g}；利润率 {margin_alike:.0%}），差异化为 {mid:g} "
              "时为 {price_one:,.2f}（利润率 {margin_one:.0%}），模型差异很大时为 {price_distinct:,.2f}：在这种情况下，差异化增加永远"
              "不会压低价格（测试在数千个随机情形上检查了这一性质）。迁移成本为 {k:g} 元时，一旦客户被留住，价格就会高于成本（差异化为 "
              "{mid:g} 时为 {switch_price_one:,.2f}）；{unstable}拖动滑块可以看到这两种效应。"),
    "model_unstable": ("但当模型几乎相同时，一家服务商以超过迁移成本的幅度压价、抢走对手的客户，会得到更多：差异化在 {upto:g} 以下时，"
                       "根本不存在稳定的价格，只有一轮又一轮的降价，这正是价格战的样子。就在这个区间之上，差异化增加反而可能压低价格，"
                       "因为偏好差异削弱了锁定；“差异化不会压低价格”这一性质只在没有迁移成本时成立。"),
    "model_stable": "而在这些设定下，图中每一个差异化水平都有稳定的价格，不会出现一轮轮的降价。",
    "model_none": "数据中没有服务成本（一家服务商一天的 GPU 租金和当天服务的词元数），因此模型没有成本线，本次运行不计算均衡价格。",
    "stack": ("在{home}之间，层级重合平均为 {overlap}（在其中任何一家所列的 {union} 个层级中，各家都有的是 {common} 个），"
              "名称重合为 {names}；不同地区的云之间，层级重合为 {cross}，名称重合为 {cross_names}。"),
    "stack_none": "产品表中该论文所研究地区的云厂商少于两家，因此不计算它们之间的重合。",
    "paid_basis_assumed": "这是一个假设，因为本数据无法三角推算它",
    "paid_basis_triangulated": "其取值不高于由 IDC 统计三角推算出的外部比例",
    "paid_basis_above": "其取值高于由 IDC 统计三角推算出的最低外部比例（{low:.0%}），而付费比例不可能超过外部比例",
    "paid_impossible": "其中{n}超过 100%（外部词元多于该公司公布的全渠道词元），列出但未计入：在这些情况下两组数字统计的不是同一批词元。",
    "paid_above": "高于所有这些估计，而付费比例不可能如此：下面的收入估计过高",
    "paid_inside": "落在这一范围之内，因此高于付费比例本不应超过的最低外部比例：下面的收入估计偏高",
    "paid_summary_one": ("在{n}中（每个统计期采用 IDC 的数字，公告之间用两种方法插值），外部客户调用占公布词元用量的比例每次都是 "
                         "{low:.0%}。付费比例只能低于外部调用比例，因为外部客户也在使用免费额度；本章采用 {used:.0%}，{where}。"),
    "paid_below": "不高于这些估计中的最低值，符合推导的要求",
    "revenue_apart": "用量与价格的日期相隔 {years}，因此这一估计混合了两个时点，哪一个都不能代表。",
    "span_under": "跨度不足 {min_span}",
    "same_rate": "没有变化",
    "fell_rate": "约每年下降 {share}",
    "grew_rate": "约每年增长到 {rate} 倍",
    "rate_same": "每年没有变化",
    "rate_down": "约每年减少 {share}",
    "rate_up": "约每年 {rate} 倍",
    "vol_same": "没有变化",
    "vol_fell": "降到最初数字的 {share}",
    "vol_grew": "增长到原来的 {multiple} 倍",
    "volumes_title_none": "公布的词元用量",
    "volumes_title_fell": "公布的用量全都下降，降得最慢的每年下降 {share}",
    "volumes_title_flat": "公布的用量都没有增长",
    "after_article": "（发表于文章之后）",
    "volumes_title_grew": "公布的用量每年最多增长到 {rate} 倍",
    "volumes_short": "另有 {n_short} 组较短的序列没有折算成年率，因为把几个月的变化复利成一年会夸大它。",
    "volumes_one": "数字相隔至少 {min_span}的序列只有一组，即{name}，{period}{change}，{rate}。{short}",
    "factor_rise": "价格每年变为原来的 {factor} 倍",
    "factor_fall": "价格每年降到原来的 1/{factor}",
    "interval_none": "宽度为零，每个价格都落在拟合线上",
    "interval_both": "从上升 {rise} 到下降 {fall}",
    "interval": "为 {low} 至 {high}",
    "trend_same": "没有变化",
    "trend_rose": "每年上升 {rate}",
    "fit_left_out": ("拟合排除了 {free} 个免费档观测值（零价格没有对数；把它们降到零算进去只会让速率更陡），以及只在一个日期出现的 "
                     "{single}。"),
    "rises": "价格并非只降不升：有{n}曾经上涨（{names}），比如促销结束的时候。",
    "rises_none": "在两个或以上日期有价格的序列都没有上涨过。",
    "trend_fell": "每年下降 {rate}",
    "ex_decline_none": "本次运行的数据在价格战之后没有同一模型内的趋势，因此 (a) 和 (b) 没有可用的速率；请按默认数据回答它们，并回答 (c)。",
    "ex_decline_rose": "价格战之后，本章发现同一模型的标价{change}：这是上升，因此下文的“下降”请按负值理解。",
    "ex_decline_fell": "价格战之后，本章发现同一模型的标价{change}。",
    "compare_title": "与公开估计相比，本章同一模型内的速率（{factor}）{where}",
    "compare_ours": "本章：同一模型内的标价（{change}）",
    "trend_title_none": "价格战之后的价格太少，无法拟合趋势",
    "trend_title": "价格战之后，同一模型的标价{change}",
    "trend_short": ("价格战之后没有哪个模型的价格跨度超过 {span}（在两个或以上日期有价格的模型有 {groups} 个），短于本章把变化复利折算成年率之前所要求的 "
                    "{min_span}；数据无法显示价格战之后价格变动得多快。"),
    "moves_title_none": "数据中没有价格动作",
    "moves_title_first": "{first}最先出手",
    "moves_title_tie": "{claimed}与{same}同一天出手",
    "moves_title_earlier": "{first}比{claimed}早 {days}出手",
    "moves_same_day": "同一天{same}也出手了，因此数据无法判断是谁先挑起。",
    "moves_span_one": "记录中只有一次动作。",
    "moves_span_day": "全部 {n} 次动作都在同一天。",
    "approx": "记录中的动作有 {n} 次只有大致日期，画成空心；它们按所说的日期计入，下面的结论会说明更早的动作中有几次是大致日期。",
    "approx_none": "记录中的每次动作都有注明日期的来源。",
    "moves_span": "全部 {n} 次动作都在 {days}之内。",
    "cuts_title_none": "没有哪个模型在价格战前后都有价格",
    "cuts_title_uncut": "{judged}都没有降价",
    "cuts_title": "{judged}中有 {n_cut} 个降价，降幅中位数 {median}",
    "cuts_uncut": "；{n} 个完全没有降价（{names}）",
    "cuts_free": "（{n} 个变为免费）",
    "cuts_median": "，输入价格降幅中位数为 {median}",
}
