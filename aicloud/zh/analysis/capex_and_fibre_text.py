"""Chinese counterpart of `aicloud.analysis.capex_and_fibre_text`: the capex and fibre chapter's sentences.
Dollar billions are written in 亿美元 (1 bn = 10 亿), RMB billions in 亿元; the values are the English ones."""

from __future__ import annotations

import math
from collections.abc import Sequence

from aicloud.i18n import display, name, usd_bn
from aicloud.i18n import name as _name

ORDINALS = ("第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十")
CONFIDENCE = {"estimate": "估计值", "reported": "公布值", "unverified": "未经核实"}


def _d(text: str) -> str:
    """A string the English code or the data made: its Chinese (display catalogue, names), else itself."""
    return name(text) if name(text) != text else display(text, "capex")


def _money(currency: str, bn: float, digits: int = 0) -> str:
    if currency == "USD":
        return usd_bn(bn, digits)
    if currency == "RMB":
        return f"{bn * 10:,.{digits}f} 亿元"
    return f"{bn:,.{digits}f} 十亿{currency}"


def ordinal(i: int) -> str:
    return ORDINALS[i] if i < len(ORDINALS) else f"第 {i + 1}"


def lower_first(text: str) -> str:
    return _d(text)


def period_span(years: float) -> str:
    if years <= 0:
        return "一个数据未能确定其结束晚于开始的时期"
    return f"{years:.0f} 年" if years >= 1 else f"{years:.1f} 年"


def names(items: Sequence[str]) -> str:
    return "、".join(_d(i) for i in items)


def count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {_d(one)}"


def years_text(years: float) -> str:
    return "永远无法" if not math.isfinite(years) else f"{years:,.1f}"


def big_usd(bn: float) -> str:
    return usd_bn(bn, 0)


def times_that(ratio: float) -> str:
    return f"是后者的 {ratio:.1f} 倍" if ratio >= 1 else f"是后者的 {ratio:.0%}"


def times(multiple: float) -> str:
    if multiple >= 1.05:
        return f"是当时的 {multiple:.1f} 倍"
    if multiple <= 0.95:
        return f"比当时少 {1 - multiple:.0%}"
    return "与当时大致相同"


SPENDING = {
    "none": "数据中没有任何美国公司整整一年的资本开支，因此无法给出美国的总数；图中显示的是数据所有的内容。",
    "who_one": "",    # the Chinese counts companies with a measure word (家), the same for one or many
    "who_many": "",
    "headline": "按各自的主要口径，{n_us} 家美国公司（{names}）在 {latest_year} 年的资本开支约为 {total}（{basis}）。",
    "mixed": "口径不一：{bases}",
    "mixed_sep": "；",
    "calendar": "均为日历年",
    "late": "发表于文章之后；",
    "title_late": "（发表于文章之后）",
    "low": "如果改取每家公司公布的最低口径，则为 {low}；两个数字都成立，因为它们计算的东西不同。",
    "no_low": "没有哪家公司在这一年公布更低的口径。",
    "subject_one": "",
    "subject_many": "",
    "growth": "同样有 {first_year} 年数字的公司（{names}），{latest_year} 年的开支{times}。",
    "nvidia": "英伟达 {nv_label} 的数据中心收入为 {nv}。",
    "missing": "没有核实数字的公司年份留空，不作估计：{missing}。",
    "nothing": "无",
    "join": "",
    "title_none": "各公司公布的资本开支",
    "title_who_one": "",
    "title_who_many": "",
    "title": "{latest_year} 年，{n_us} 家美国公司的资本开支达到 {total}",
}
C36 = {
    "no_pledge": "支出数据中没有投资承诺，因此无法用本数据核对论断的前半部分。",
    "no_claim": "文章没有给出可以对照的数字",
    "same": "与文章给出的数字（{claim}）一致",
    "more": "多于文章给出的数字（{claim}）",
    "less": "少于文章给出的数字（{claim}）",
    "pledge": "{company}于 {date}承诺在 {span}内投入超过 {amount}（按假设汇率约合 {usd}），{versus}。",
    "pace": "平均摊开，每年为 {pace}（{pace_usd}）。",
    "actual": "该公司公布的{measure}在 {period}约为 {value}，相当于这一节奏的 {ratio:.0%}。",
    "later": "数据中此后的表态：{later}。",
    "later_sep": "；",
    "nothing": "无",
    "peer_share": "，相当于该承诺年均节奏的 {ratio:.0%}",
    "peer": "作为参照，{actor}在 {period}的资本开支为 {value}{share}。",
    "join": "",
    "dept_none": "时间线数据中没有{actor}的组织调整，因此这里不检验论断的后半部分。",
    "dept": "论断的后半部分是时间线数据中的一个事件：{event}（{date}）。",
    "suffix": "；{actor}新部门的成立日期为 {date}",
    "figure": "{span}内 {amount}",
    "reason_pledge": "{company}于 {date}承诺在 {span}内投入超过 {amount}",
    "reason_less": "，少于文章所说的 {claim}",
    "reason_dept": "{actor}新部门的成立日期为 {date}",
    "reason_no_dept": "数据中没有{actor}的组织调整，因此这一半在这里不作检验",
    "reason": "{pledge}；{dept}。",
}


def money(currency: str, bn: float, digits: int = 0) -> str:
    """An amount in billions of a currency, in 亿美元, 亿元 or 十亿 of the currency."""
    return _money(currency, bn, digits)


def amount_in(currency: str, bn: float, digits: int = 0) -> str:
    """An amount in billions of a currency named nearby (the Chinese names it again)."""
    return _money(currency, bn, digits)


C36_NO_PLEDGE_FIGURE = "数据中没有可对照的投资承诺"


C36_NO_PLEDGE = "支出数据中没有投资承诺，或没有可与之对照的文章数字，因此无法用本数据核对这一承诺{dept}。"


SEQUOIA_INPUTS = {
    "lacks": "文章 {essay_id} 缺少{missing}",
    "margin_one": "文章 {essay_id} 给出的终端用户毛利率为 100%，而这一方法要除以一减去毛利率，此时除数为零",
    "margin_out": "文章 {essay_id} 给出的终端用户毛利率为 {margin:.0%}，不在 0% 至 100%（不含）之间",
    "share_out": "文章 {essay_id} 给出的 GPU 成本占比为 {share:.0%}，不在 0%（不含）至 100% 之间",
    "rejected": ("无法用这些数据重建红杉的方法（英伟达数据中心收入的年化值，除以 GPU 在数据中心成本中的占比，再除以一减去"
                 "终端用户的毛利率）：{rejected}。"),
    "rejected_sep": "；",
    "no_inputs": ("数据中没有哪篇文章具备红杉方法的全部输入（英伟达数据中心收入的年化值、GPU 在数据中心成本中的占比、"
                  "终端用户的毛利率），因此这里不重建这一计算。"),
    "essays_one": "一篇文章",
    "essays_many": "{n} 篇文章",
    "intro": ("{author}在{essays}中问：AI 要赚多少收入，才能为正在采购的 GPU 买单？方法是：取英伟达数据中心收入的年化值，"
              "除以 GPU 在数据中心成本中的占比（{gpu_share:.0%}；能源、建筑等占其余部分），再除以一减去终端用户的毛利率"
              "（{margin:.0%}），使终端用户保住这一毛利。"),
    "title_stated": "红杉提出的收入之问（按文章原样）",
    "title": "按英伟达 {q_label} 的年化收入，AI 每年需要约 {needed}的收入",
    "title_vs_last": "，是红杉最近一次数字的 {vs_last:.1f} 倍",
    "exercise_none": ("用你能找到的英伟达最近一个季度的数据中心收入，重建红杉的算术（本次运行所给的数据中没有季度数据或文章输入）："
                      "(a) 把它折算成年化值。(b) 除以 GPU 在数据中心总成本中的占比，再除以一减去终端用户的毛利率。"
                      "(c) 把你的答案与假设的 AI 收入 {ai_revenue}作比较。"),
    "exercise": ("用最近一个季度 {q_label} 的数字重建{author}的算术：英伟达数据中心收入每季度 "
                 "{q_revenue}。(a) 把它折算成年化值。(b) 除以 GPU 在数据中心总成本中的占比"
                 "（{gpu_share:.0%}），再除以一减去终端用户的毛利率（{margin:.0%}）。"
                 "(c) 把你的答案与本章的数字、以及假设的 AI 收入 {ai_revenue}作比较。"),
}


SEQUOIA = {
    "one_matches": "与文中所说的一致",
    "one_differs": "与文中所说的不一致",
    "all_match": "与文中所说的全都一致",
    "not_all_match": "与文中所说的并不全都一致",
    "unchecked": "无法与文中所说的核对（文中没有给出数字）",
    "part_first": "年化收入 {run_rate_usd}需要 {needed}的收入（{date}）",
    "part_next": "年化收入 {run_rate}需要 {needed}的收入（{date}）",
    "parts_sep": "，",
    "subject_one": "这篇文章的核心数字",
    "subject_many": "这 {n} 篇文章的核心数字",
    "one": "",
    "ones": "",
    "rebuilt": "用它们的输入重新计算，{subject}{agree}：{parts}。",
    "who_only": "这篇文章",
    "who_first": "第一篇文章",
    "who_nth": "{ordinal}篇",
    "no_revenue": "{who}没有给出收入",
    "revenue_first": "{who}所说约 {revenue_usd}的收入{revenue_is}",
    "revenue_next": "{who}所说约 {revenue}的收入{revenue_is}",
    "gap": "，留下 {amount}的缺口",
    "surplus": "，留下 {amount}的盈余",
    "revenue_sep": "；",
    "end": "。",
    "update": "英伟达 {q_label} 的数据中心收入为 {q_revenue}，年化为 {run_rate}；用同样的方法，每年需要 {needed}的 AI 收入",
    "last_one": "该文",
    "last_nth": "{ordinal}篇文章",
    "vs_last": "，是{last}数字的 {vs_last:.1f} 倍",
    "against": "对照假设的 AI 收入 {ai_revenue}，{balance}，收入只覆盖所需的 {coverage:.0%}。",
    "update_gap": "缺口为 {amount}",
    "update_surplus": "盈余为 {amount}",
    "no_ratios": "更新需要一篇输入可用的文章所给的比例，而这些数据中没有，因此英伟达最近一个季度没有折算成所需收入。",
    "no_quarter": "数据中没有可用来更新这一计算的英伟达季度数据。",
    "join": "",
}


def bn_amount(bn: float, digits: int = 0) -> str:
    """An amount in billions of dollars, in 亿美元."""
    return usd_bn(bn, digits)


PAYBACK = {
    "no_base": ("数据中没有资本基数（没有具备红杉输入的英伟达季度数据，没有美国资本开支，也没有 AI 资本开支的估计），"
                "因此不计算回收期。"),
    "low_up_to": "悲观情形最长需要 {years} 年",
    "low_never_all": "悲观情形永远收不回",
    "low_never_some": "悲观情形对其中一些基数永远收不回",
    "span_many": "需要 {low} 至 {high} 年（{n} 个资本基数）",
    "span_one": "需要 {years} 年",
    "span_never": "在任何基数上都永远收不回",
    "span_same": "需要 {low} 年（{n} 个资本基数）",
    "span_some": "在一些资本基数上至少需要 {years} 年，在其余基数上永远收不回",
    "high_at_least": "至少需要 {years} 年",
    "high_never": "永远收不回",
    "text": ("假设 AI 收入从每年 {ai_revenue}起步，中性情形（毛利率 {margin_central:.0%}，"
             "每年增长 {growth_central:.0%}）收回一年的开支{span}；乐观情形（毛利率 {margin_high:.0%}，"
             "增长 {growth_high:.0%}）{high_text}，{low_text}。假设 GPU 服务器的寿命为 "
             "{gpu_life:.0f} 年：在此之后才收回的开支，在收回之前就得再花一次。"),
    "steady_none": "数据中没有资本基数，无法计算稳态。",
    "falls_short": "不足以覆盖",
    "covers": "足以覆盖",
    "steady": ("把成本摊到服务器的寿命上，并不会在建设放缓后让每年的账单变小。假如开支保持在{base_label}的节奏"
               "（每年 {yearly}），持续一个完整的资产寿命 {life:.0f} 年，那么在役资产中就有 {installed}"
               "的采购，其中每年有一年的量，即 {yearly}，被折旧掉。按中性毛利率（{margin:.0%}），"
               "{ai_revenue}的 AI 收入每年带来 {gross}毛利，{short}这笔折旧（相当于其 {covers:.0%}）；"
               "要覆盖它，AI 收入每年需要约 {revenue_needed}。这一基数只含资本：能源等运营成本不在其中，"
               "因为毛利率已经把它们从收入中扣除。"),
    "title_model": "AI 收入多快能收回资本：模型",
    "title_never": "在中性情形下，一年的开支永远收不回",
    "title": "在中性情形下，一年的开支需要 {years:.1f} 年才能收回",
}


GDP = {
    "who_one": "",    # the Chinese sentence names the commentators without a relative clause
    "who_many": "",
    "rail": "，都远低于铁路建设的峰值（最高 {rail_max:.1f}%）",
    "pairs": ("同时给出两个数字的 {n_pairs} 位评论者中，有 {n_ai_higher} 位认为 AI 开支达到或超过了电信业的峰值；"
              "他们给出的 AI 数字占美国 GDP 的 {ai_low:.1f}% 至 {ai_high:.1f}%，电信数字为 {tel_low:.1f}% 至 "
              "{tel_high:.1f}%{rail}。"),
    "no_pairs": "数据中没有哪位评论者同时给出 AI 和电信占 GDP 的比例，因此无法按他们的口径比较两者。",
    "it": "更宽口径的 IT 设备和软件私人投资，在 {it_ai_period}占 GDP 的 {it_ai:.1f}%，而在 {it_tel_period}为 {it_tel:.1f}%。",
    "own": ("本章自己的交叉核对，把美国公司的资本开支除以假设的美国 GDP {gdp}（GDP 不在事实数据中，"
            "因此作为参数）：{own_share:.1%}；这是 AI 的上限，因为这些资本开支覆盖全球，也并非都用于 AI。"),
    "join": "",
    "title_none": "没有评论者同时给出 AI 和电信占 GDP 的比例",
    "title": "{n_pairs} 位评论者中有 {n_ai_higher} 位认为，AI 开支占 GDP 的比例达到或超过电信业的峰值",
}
REVENUE = {
    "ratio": ("在资本开支与收入之比上，唯一可比的数字来自同一个来源（{publisher}），且属于"
              "{confidence}：电信约为收入的 {telecom:.0f} 倍（{tel_period}），AI 为 {ai:.0f} 倍（{ai_period}）。"),
    "no_ratio": "数据中没有两次建设浪潮可比的资本开支与收入之比。",
    "est_lead_own": "一位评论者自己给出的",
    "est_lead": "一位评论者给出的",
    "similar": "相似的",
    "one_picture": "一种",
    "est": "{lead} {year} 年数字呈现{picture}图景：约 {capex}的 AI 资本开支，对应 {revenue}的生成式 AI 收入，是后者的 {ratio:.1f} 倍",
    "est_update": "；上文对红杉计算的更新也发现，收入只覆盖所需的 {coverage:.0%}。",
    "end": "。",
    "share": ("对单个公司而言，分母就在数据中：{subject}在 {period}占其收入的 {value:.0f}%。"
              "其他公司的收入不在事实数据中，因此它们的资本开支与收入之比略去不算，而不是猜测。"),
    "join": "",
}


QUALIFIER = {"about": "约", "more than": "超过", "up to": "多达", "at least": "至少", "at most": "至多",
             "exactly": "恰好"}
USE = {
    "share_unclear": "没有说明是什么的比例",
    "share_of": "是{what}的比例",
    "china_none": "AI 方面，数据中没有闲置产能的数字，也没有哪家服务商公布其整个机群的利用率，因此这项比较略去不做，而不是填上一个猜测。",
    "projects": "（{announced_period}宣布的项目不少于 {announced:,.0f} 个，到 {completed_period}建成的不少于 {completed:,.0f} 个）",
    "china": ("AI 方面，数据中唯一的数字来自中国：据{publisher}，{period}新建算力资源中"
              "{qualifier} {share:.0%} 据报道处于闲置{projects}。"
              "这是单一的报道估计，不是利用率统计；也没有哪家服务商公布其整个机群的利用率，因此它显示的是中国新建算力的过剩，"
              "而不是全世界 AI 算力的使用程度。"),
    "none": "数据中没有光纤使用比例的引用数字。",
    "span_many": "在用比例从 {low:.1f}% 到 {high:.0f}% 不等，衡量的是 {n_measures} 种不同的东西",
    "thing": "",
    "things": "",
    "span_one": "在用比例为 {low:.1f}%",
    "subject_many": "引用的 {n} 个数字",
    "subject_one": "唯一引用的数字",
    "lowest_many": "；最低的那个（{who}）{share_of}",
    "lowest_one": "（{who}），{share_of}",
    "use": "{subject}{span}{lowest}。",
    "title_none": "没有光纤使用比例的引用数字",
    "title_one": "唯一引用的光纤在用比例为 {low:.1f}%",
    "title_many": "引用的光纤在用比例从 {low:.1f}% 到 {high:.0f}% 不等，因为它们衡量的东西不同",
}


PRICES = {
    "bandwidth": "过剩体现在价格上：{period}的 {years:g} 年里，带宽价格每年下跌 {fall:.0%}，累计下跌 {total:.0%}",
    "long_haul": "；长途带宽价格在 {years:g} 年里下跌超过 {fall:.0%}（每年至少 {yearly:.0%}）",
    "end": "。",
    "then": "；",
    "gpu_slower": "GPU 租赁价格也在下跌，但更慢",
    "gpu_as_fast": "GPU 租赁价格也在下跌，速度相当或更快",
    "gpu_falling": "GPU 租赁价格在下跌",
    "gpu_falls": "{lead}（{what}）：{period}下跌 {fall:.0%}。",
    "gpu_flat": "GPU 租赁价格没有下跌（{what}）：{period}为 {change:+.0%}。",
    "bust": ("电信泡沫破裂蒸发了约 {value_lost}市值，造成 {n_bankrupt} 起破产、约 {jobs:,.0f} 个工作岗位流失，"
             "而行业债务约为 {debt}"),
    "biggest_after_bust": "所列最大的一起破产",
    "biggest_alone": "所列最大的一起电信破产",
    "biggest": "{lead}是{company}（{date}），资产 {assets}。",
    "no_ai_debt": "数据中还没有 AI 建设的破产或债务数字，因此这项比较暂时无法进行。",
    "join": "",
}


def shown_text(text: str) -> str:
    """A period or date label from the data, in Chinese (the display catalogue)."""
    return display(text)


PEAK = {
    "peak": "电信运营商的资本开支峰值为 {year} 年的 {amount}（{scope}）",
    "no_index": "；价格指数覆盖不到那一年，因此没有折算成今天的美元",
    "nominal": "。美国公司 {ours_year} 年的资本开支按名义美元计{ratio}，这会高估它，高估的幅度等于此后的物价涨幅",
    "real": "，按{index_name}折算为 {base_year} 年美元 {real}{extended}",
    "ours": ("；美国公司 {ours_year} 年按最接近的共同口径（{basis_note}）计算的资本开支，按同一年的美元{ratio}，"
             "不过这些公司的开支覆盖全球，而运营商的数据序列覆盖的是{scope}"),
    "end": "。",
    "extended": "（该指数止于 {last} 年；此后的 {n} 年是假设，按物价每年上涨 {rate:.1%} 计算）",
    "after_one": "",    # the Chinese note counts the years itself
    "after_many": "",
}
TELECOM_TITLE = {
    "none": "数据中没有电信运营商的资本开支",
    "peak": "电信运营商的资本开支在 {year} 年达到 {amount}的峰值",
    "real": "（按 {base_year} 年美元计为 {real}）",
    "fell": "，随后下降",
}


def usd(bn: float, digits: int = 0) -> str:
    """A dollar amount in billions, in 亿美元."""
    return usd_bn(bn, digits)


def shown(text: str) -> str:
    """A name or phrase from the data or the English code, in Chinese."""
    return _d(text)


ANALOGY = {"text": "{n_tests} 项检验中，这个类比在 {n_holds} 项上成立（{holds}），在 {n_breaks} 项上不成立（{breaks}）。",
           "sep": "；", "nothing": "无"}


DURABILITY = {
    "lead": ("最根本的区别在于泡沫破裂之后留下了什么。这个类比要求建成的东西在后来的公司前来使用时仍然可用，所以检验把每种资产的"
             "寿命与这段等待相比，而不是与建设者的回收期相比（光纤的建设者也从未收回投资）。"),
    "no_lag": ("数据中没有泡沫破裂之后的光纤在用比例，因此即使对光纤也无法衡量这段等待。光纤约可用 {fibre_life:.0f} 年，"
               "GPU 服务器约 {gpu_life:.0f} 年，建筑和电力接入约 {building_life:.0f} 年（均为假设）。"),
    "lag": ("光纤的等待至少为 {years:.0f} 年：{bust_company}于 {bust_year} 年倒下，"
            "而到 {dark_year} 年，{who}给出的在用比例仍只有 {in_use:.0f}%。光纤约可用 "
            "{fibre_life:.0f} 年（假设），{fibre_outlast}。GPU 服务器约可用 {gpu_life:.0f} 年（假设），"
            "在高峰期买下的{gpu}；建筑和电力接入约可用 {building_life:.0f} 年（假设），"
            "{building_outlast}。AI 的等待会有多长，在泡沫破裂之前无法观察，因此这一部分暂时无法检验。"
            "谁来买单也可能不同，但数据无法衡量：数据记录了电信泡沫破裂时的破产和债务，而 AI 方面还没有任何同类记录。"),
    "worn_out": "在至少 {wait:.0f} 年的等待结束之前就已报废",
    "left": "最多只剩 {gpu_life:.0f} 年寿命中的 {left:.0f} 年，等待更久则剩得更少",
    "outlasts": "能撑过这段等待",
    "does_not_outlast": "撑不过这段等待",
}


def shown_name(name: str) -> str:
    """A company's or publisher's name as the Chinese edition writes it (腾讯 for Tencent)."""
    return _name(name)


TEST_SCALE = "规模：AI 开支占 GDP 的比例达到或超过电信业峰值"
TEST_REVENUE = "开支远远跑在 AI 收入前面"
TEST_USE = "新建产能大量闲置"
TEST_PRICES = "产能价格下跌"
TEST_DURABLE = "资产寿命长于后来的公司使用过剩产能之前的等待"
TEST_DEBT = "靠举债建设的公司倒下"


def shown_whose(whose: str) -> str:
    """Whose revenue a case uses, in Chinese."""
    if whose == "assumed":
        return "假设"
    if whose.startswith("as in the essay of "):
        return f"与 {display(whose[len('as in the essay of '):])}的文章相同"
    return _d(whose)


C38 = {
    "scale": "{n_pairs} 位评论者中有 {n_ai_higher} 位",
    "scale_range": "；AI 为 {ai_low:.1f}–{ai_high:.1f}%，电信为 {tel_low:.1f}–{tel_high:.1f}%",
    "sequoia": "按 {q_label} 的年化收入，收入覆盖红杉所算需要的 {coverage:.0%}；",
    "case": "收入为 {revenue}（{whose}）时覆盖 {covers:.0%}",
    "case_sep": "，",
    "revenue": "{sequoia}稳态下按这一年化收入计算的 GPU 开支每年核销 {write_off}，AI 的毛利{cases}",
    "fibre": "光纤在用 {low:.1f}–{high:.0f}%",
    "china": "中国：新建算力{qualifier} {share:.0%} 据报道闲置（{period}；单一的报道估计）",
    "sep": "；",
    "no_use": "数据中没有在用比例",
    "gpu_prices": "GPU 租金 {change:+.0%}（{period}）",
    "bw_prices": "，带宽每年 {change:+.0%}（{period}）",
    "wait": "光纤的等待至少 {years:.0f} 年；",
    "no_wait": "数据中没有光纤的等待；",
    "durable": ("{wait}寿命（假设）：光纤 {fibre_life:.0f} 年，GPU {gpu_life:.0f} 年，建筑和电力 {building_life:.0f} 年；"
                "AI 的等待在泡沫破裂之前无法观察"),
    "no_debt": "两次建设浪潮都没有破产或债务数据",
    "debt": "电信业 {n_bankrupt} 起破产（{period}）；没有 AI 破产或债务数据",
    "reason_no_wait": "数据即使对光纤也没有衡量这段等待",
    "reason_wait": ("电信泡沫破裂之后，光纤至少等了 {lag_years:.0f} 年；等待这么久之后，GPU 服务器（约 {gpu_life:.0f} 年，假设）"
                    "{gpu}，建筑和电力（约 {building_life:.0f} 年，假设）{outlast}"),
    "reason": ("暂时无法检验。核心部分是：建成的东西在后来的公司前来使用过剩产能时是否仍然可用。{wait}"
               "。AI 的等待会有多长，在泡沫破裂之前无法观察，而泡沫至今尚未破裂。其他部分仅供参考：成立："
               "{holds}。不成立：{breaks}。"),
    "nothing": "无",
    "untested": "本数据无法检验：{untested}。",
}


C38_FIGURE = "暂时无法检验（AI 泡沫至今未破裂）；其他部分在 {tests} 项检验中 {holds} 项成立，{breaks} 项不成立"
