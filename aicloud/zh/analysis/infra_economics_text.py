"""Chinese counterpart of `aicloud.analysis.infra_economics_text`: the infrastructure-economics chapter's sentences.

The templates take the English fields (the same numbers); string fields the English code made (a label from the
data, a provider, a phrase) pass through `display` (`i18n.Template`), so names read as the Chinese edition writes
them. Verdict labels stay the English keys of the dicts."""

from __future__ import annotations

from aicloud.i18n import display, name, templates
from aicloud.verdicts import CONTRADICTED, NOT_TESTABLE, PARTLY, SUPPORTED
from aicloud.zh.verdicts import LABEL as ZH_LABEL

# Column names the notebook's table formats refer to: the table shows them in Chinese (display catalogue).
KEYS = ("PUBLISHED_COLUMNS",)

# Nouns the English code counts, with the Chinese measure word.
NOUNS = {"source": "个来源", "organisation": "家机构", "dated move": "项有日期的举措", "comparable pair": "组可比数据",
         "workload": "种工作负载", "figure": "个数字", "team": "个团队"}


def _d(text: str) -> str:
    return name(text) if name(text) != text else display(text, "infra_economics")


def count(count: int, one: str, many: str | None = None) -> str:
    """'1 个来源', '3 家机构': a count with its measure word."""
    return f"{count:,} {NOUNS[one] if one in NOUNS else _d(one)}"


def listing(names: list[str]) -> str:
    names = [_d(n) for n in dict.fromkeys(names)]
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1] if names else "无"


def times(x: float) -> str:
    """A ratio, with enough digits to tell 1.3 from 1 (the English digits)."""
    return f"{x:,.0f}" if x >= 10 else f"{x:,.1f}" if x >= 2 else f"{x:,.2f}"


def a_or_an(noun: str) -> str:
    return _d(noun)


def of(ratio: float) -> str:
    """'84%' or '7.4倍' (one word: display patterns split phrases at spaces): a throughput ratio."""
    return f"{ratio:.0%}" if ratio < 1 else f"{times(ratio)}倍"


def markup_words(markup: float) -> str:
    return f"加成率为 {markup:.0%}" if markup >= 0 else f"亏损额相当于成本的 {-markup:.0%}"


_t = templates({
    "TXT_DS_INTRO": ("{when}，{provider}公布了其推理服务集群一天的账目：运行了多少节点、假设每 GPU 小时成本多少、服务了多少词元，"
                     "以及这些词元按标价计算能带来多少收入。"),
    "TXT_DS_INTRO_SHORT": "{when}，{provider}公布了其推理服务集群一天的账目。",
    "TXT_DS_NONE": "数据中没有任何服务商的推理服务披露。",
    "TXT_DS_PROVIDERS": "文件中有 {n} 家服务商；本节读取第一家。",
    "TXT_NO_MARGIN": "没有完整的披露，就无法计算利润率。",
    "TXT_ZERO_MARGIN": "披露中的成本或收入为零，无法画出利润率。",
    "TXT_DS_CAVEATS_ONLY": "来源本身的注意事项（随来源记录）：{caveats}。",
    "TXT_EX_AGAINST": "，并与公布的 {cost:,.0f} 美元比较",
    "TXT_EX_REVENUE": "公布的收入为 {revenue:,.0f} 美元：这意味着相对成本的加成率是多少？",
    "TXT_EX_REVENUE_TOKENS": "按标价计算，词元数对应 {revenue:,.0f} 美元收入：相对成本的加成率是多少？",
    "TXT_EX_OCCUPANCY": "平均集群规模是峰值 {peak:,.0f} 个节点的 {occupancy:.0%}：这说明一天之内的利用率怎样？",
    "TXT_EX_NO_PEAK": "要判断利用率，你还需要知道当天峰值的哪些情况？",
    "TXT_LEVERS_NO_CACHE": ("基准测试没有计入的杠杆——利用率——会拉大差距：一家服务商以 {uh:.0%} 的利用率运行最好的技术栈，"
                            "另一家以 {ul:.0%} 的利用率运行最差的，前者每个词元的成本低 {gap} 倍。数据中没有该硬件和数值格式的"
                            "冷启动预填充数字，因此不计缓存命中（以及 input_per_output 这一假设）。"),
    "TXT_LEVERS_NONE": "没有同口径可比的一对数据，这些杠杆也就没有差距可以拉大。",
    "TXT_LIKE_TITLE": "同口径比较相差 {ratio} 倍",
    "TXT_LIKE_TITLE_NONE": "没有一对数据可以同口径比较",
    "TXT_RENTAL_NONE": "数据中没有国产加速卡的租用价格，因此国产加速卡的价格由读者设定。",
    "TXT_RENTAL": "已公布的国产加速卡租用价格为每小时 {low:,.2f} 至 {high:,.2f} 美元。",
    "TXT_NO_DISCLOSURE": "披露文件缺少{missing}，因此无法用这些数据重新计算公布的服务账目。",
    "TXT_DS_COST": ("算出的每日成本为 {cost:,.0f} 美元{against}：按假设，{provider}平均租用 {nodes:,.2f} 个节点，"
                    "每 GPU 小时 {price:,.2f} 美元。"),
    "TXT_DS_REVENUE_ROUNDED": ("收入无法精确到美元，因为公布的词元数四舍五入到了{rounding}：按取整后的词元数计算，收入为 "
                               "{revenue:,.0f} 美元，与公布的 {published:,.0f} 美元相差 {gap:+,.0f}；与公布数字一致的任何未取整"
                               "词元数给出的收入在 {low:,.0f} 至 {high:,.0f} 美元之间，{contains}公布的数字。"),
    "TXT_DS_REVENUE": "按标价计算，这些词元数对应 {revenue:,.0f} 美元收入{against}。",
    "TXT_DS_MARKUP": ("由公布的收入和重新计算的成本得出利润率为 {markup:.1%}，{rounds}公布的 {published:.0%}；"
                      "若由词元数计算则为 {recomputed:.1%}。"),
    "TXT_DS_NODES": "吞吐数字与集群规模{fit}：按公布的速率服务当天的词元需要 {implied:,.1f} 个节点满负荷运转，而平均为 {nodes:,.2f} 个。",
    "TXT_DS_CAVEATS": ("这里的“成本利润率”是利润除以成本，即加成率；若按占收入的比例计算，则为 {gm:.1%}。"
                       "来源本身的注意事项（随来源记录）：{caveats}"),
    "TXT_DS_OCCUPANCY": "平均 {nodes:,.2f} 个节点是峰值 {peak:,.0f} 个节点的 {occupancy:.0%}。",
    "TXT_DS_PER_OUTPUT": "只摊到输出词元上，当天每百万输出词元的成本为 {per_m:,.3f} 美元。",
    "TXT_DS_PAID": ("这一收入只是理论值：它按标价对每个词元计费。如果只有 {paid:.0%} 的词元按标价计费（付费比例这一假设，"
                    "与价格战一章相同），当天收入为 {billed:,.0f} 美元，{words}。这一比例是价格战一章根据一家云厂商的外部调用量"
                    "与其全渠道用量推算的；把它套用到{provider}上是又一项假设，因为{provider}的付费 API、免费应用和免费网页"
                    "使用的构成与之不同，且没有公开。"),
    "TXT_MARGIN": ("滑块覆盖已公布的租用价格，每 GPU 小时 {low:,.2f} 至 {high:,.2f} 美元。在这一区间的上端，若每个词元都计费，"
                   "理论收入{full}；若只有 {paid:.0%} 的词元计费，{part}。按{provider}自己的每小时 {own:,.2f} 美元、"
                   "{paid:.0%} 的词元计费，{own_part}。"),
    "TXT_MARGIN_ONE": ("已公布的租用价格都是每 GPU 小时 {low:,.2f} 美元。按这一价格，若每个词元都计费，理论收入{full}；"
                       "若只有 {paid:.0%} 的词元计费，{part}。按{provider}自己的每小时 {own:,.2f} 美元、{paid:.0%} 的词元计费，"
                       "{own_part}。"),
    "TXT_MARGIN_TITLE": "每小时 {high:,.2f} 美元时，词元全部计费，收入{full}；{paid:.0%} 计费，{part}",
    "TXT_SERVING": ("按每 Hopper GPU 小时 {hopper:,.2f} 美元、每 Blackwell GPU 小时 {blackwell:,.2f} 美元、每昇腾 NPU 小时 "
                    "{ascend:,.2f} 美元和 {util:.0%} 的利用率计算，{n_decode} 个已公布的解码数字从每百万输出词元 {cheap:,.3f} "
                    "美元（{cheap_label}）到 {dear:,.2f} 美元（{dear_label}，测量条件为{dear_conditions}）不等，相差 {spread} "
                    "倍。{hopper_part}这一差距很大程度上是服务水平、数值格式或硬件代际的选择，而不只是工程能力的差别：最贵的"
                    "数字是一次{dear_setting}测量{dear_when}。每个数字都是各方在各自条件下自报的，条件列在提示框中。"),
    "TXT_SERVING_HOPPER": "仅看 Hopper 级 GPU，差距为 {spread} 倍。",
    "TXT_SERVING_ONE": "数据中只有{n_decode}，因此无法用这些数据计算不同部署之间的差距。",
    "TXT_LIKE": ("同口径比较（同一硬件代际、相同位宽的数值格式、同类测量、每个输出词元的时间相差不超过 {tol:.0%}，"
                 "且在文章发表当年或之前公布）时，两个团队之间最大的差距为 {ratio} 倍：{best}，对比{worst}；"
                 "共有{pairs}。"),
    "TXT_LIKE_NONE": ("这些数据中，没有任何两个来自不同团队的数字可以同口径比较（同一硬件代际、相同位宽的数值格式、同类测量、"
                      "每个输出词元的时间相差不超过 {tol:.0%}、在文章发表当年或之前公布）。"),
    "TXT_LATER": "{n} 个数字中，{later} 个发表于文章之后，{undated} 个没有日期：它们照常显示，在提示框中标出，但不决定任何结论。",
    "TXT_LEVERS": ("基准测试没有计入的两个杠杆会拉大服务商之间的差距：利用率（调度让加速卡保持多忙）和缓存命中（从 KV 缓存"
                   "读取的输入词元无需预填充）。一家服务商以 {uh:.0%} 的利用率和 {hh:.0%} 的缓存命中率运行其中最好的技术栈，"
                   "另一家以 {ul:.0%} 和 {hl:.0%} 运行最差的，在每个输出词元对应 {ipo:.1f} 个输入词元时，前者每次请求的成本低 "
                   "{gap} 倍；其中仅这两个杠杆就贡献了 {levers} 倍。{anchor}"),
    "TXT_LEVERS_ANCHOR": "作为参照：{provider}报告的缓存命中率为 {hits:.0%}，其平均集群规模为峰值的 {occ:.0%}。",
    "TXT_PUBLISHED": ("在来源公布了自己每个词元成本的地方（{n} 个数字），表中给出公式反推出的每小时价格；如果来源同时说明了每小时"
                      "价格，还给出按该价格用公式算出的成本。各来源对 GPU 小时的定价不同，仅凭它们公布的成本数字无法相互比较，"
                      "所以图表把每种部署都放在同一套价格上。"),
    "TXT_STACK_TITLE": "服务同一个模型，已公布的一种部署的成本最多是另一种的 {spread} 倍；{like}",
    "TXT_SPEC": ("纸面上，公布了 BF16 数字的国产芯片中最强的 {chip} 达到 {bf16:,.0f} 稠密 BF16 TFLOPS（{sources}），"
                 "是 {ref} 的 {vs_ref:.0%}、{top} 的 {vs_top:.0%}。{fp16}"),
    "TXT_SPEC_FP16": "另有一个来源给出它的 FP16 数字为 {fp16:,.0f} TFLOPS，这是另一种口径，不纳入比较。",
    "TXT_ONE_SOURCE": "一个来源",
    "TXT_SOURCES": "{n} 个来源的中位数，区间为 {low:,.0f} 至 {high:,.0f}",
    "TXT_SPEC_NONE": "数据中没有带稠密 BF16 数字的{missing}，因此无法在纸面上比较芯片。",
    "TXT_DOMESTIC": ("在推理服务中，已公布的最好的国产解码数字（{dom}，每个输出词元 {dom_tpot:g} 毫秒时每卡每秒 {dom_tps:,.0f} 个"
                     "词元，{dom_prec}）是相同服务水平下最好的 Hopper 数字（{ref}，{ref_tpot:g} 毫秒时 {ref_tps:,.0f} 个，"
                     "{ref_prec}）的 {ratio:.0%}{formats}。{prefill}因此，按假设的价格，且英伟达集群的利用率为 {util:.0%} 时，"
                     "国产解码集群必须达到 {be:.0%} 的利用率才能使每个词元的成本持平（{compare}）；反过来说，只有当每加速卡"
                     "小时的价格不超过 {be_price:,.2f} 美元时，它才能在 {util:.0%} 的利用率下持平。"),
    "TXT_DOMESTIC_PREFILL": ("在预填充（计算输入词元，双方都无缓存命中）中，最好的国产数字是最好的 Hopper 数字的 {ratio:.0%}"
                             "（{dom}对比{ref}；测量条件：{conditions}）。"),
    "TXT_DOMESTIC_PREFILL_LOW": "同一部署在其他条件下（{conditions}）只达到 {ratio:.0%}：最好的数字只在它自己的条件下成立。",
    "TXT_DOMESTIC_NONE": ("数据中没有这样的国产解码数字：公布了服务水平和精度，并能与文章发表当年或之前、相同服务水平的 Hopper "
                          "数字对比；因此无法用这些数据算出国产集群需要怎样才能与英伟达持平。"),
    "TXT_DOMESTIC_LATER": "基于较晚或无日期证据的数据对，只显示、不采用：{pairs}。",
    "TXT_BE_TITLE": "在相同服务水平下，只要每加速卡小时不超过 {price:,.2f} 美元，国产解码集群就能在同等利用率下与英伟达的每词元成本持平",
    "TXT_SN": ("在整系统层面，{dom}超节点通过连接{more}芯片，提供了 {nv} 的 {compute:.1f} 倍稠密算力，功耗则是其 {power:.1f} 倍："
               "单位算力的功耗是其 {per_flop:.1f} 倍。"),
    "TXT_SN_ENERGY": ("不过，电费只占一个词元成本的一小部分。按每千瓦时 {kwh:,.2f} 美元、PUE {pue:.2f} 计算，一台这样的超节点每年"
                      "电费约 {year__wan:,.0f} 万美元；每张加速卡 {kw_dom:,.2f} 千瓦、每秒 {tps_dom:,.0f} 个词元、{util:.0%} 的"
                      "利用率，折合每百万输出词元 {e_dom:,.4f} 美元，是假设租用成本的 {share:.0%}（{nv} 每块 GPU {kw_nv:,.2f} "
                      "千瓦、每秒 {tps_nv:,.0f} 个词元，为 {e_nv:,.4f} 美元）。在电力便宜且充足的地方，功耗劣势的重要性{matters}"
                      "芯片保持多忙这一点。"),
    "TXT_SN_NONE": "数据中没有规模、算力和功耗齐全的国产与英伟达超节点，因此无法用这些数据比较两种系统。",
    "TXT_AGENTS": ("已公布的倍数显示，{single_a}约为一次对话的 {m_single:,.0f} 倍词元{multi_part}{top_part}。"
                   "如果 {share:.0%} 的会话是{single}会话{multi_share}，服务商要服务的词元将是原来的 {demand:.2f} 倍。{gap}"),
    "TXT_AGENTS_TOP": "；{top}的已公布数字最高可达 {m:,.0f} 倍{when}",
    "TXT_AGENTS_GAP": ("按词元计费时，收入和服务成本同步增长，低成本服务商与较高成本服务商之间的绝对差距也随之扩大：按假设的价格，"
                       "每百万输出词元 {gap:,.3f} 美元的差距（上文同口径比较的那一对）变成每百万对话等效词元 {gap_agents:,.3f} "
                       "美元。若按固定费用销售，多出来的词元直接吃掉利润。"),
    "TXT_AGENT_TITLE": "不大的智能体会话占比就能成倍放大词元需求；{top}最高可达 {m:,.0f} 倍",
    "TXT_WAR_SETUP": ("这三家服务商并非真实厂商：它们的单位成本跨度取自已公布技术栈之间的同口径差距（{measured} 倍），"
                      "再叠加假设的杠杆，因此成本最高的一家每次请求的成本是最低一家的 {gap} 倍，中间一家在对数尺度上居中。"
                      "成本最高的一家起始现金是成本最低一家的 {chest:.2f} 倍（{chest_word}）。"),
    "TXT_WAR_NONE": "数据中没有同口径可比的一对已公布技术栈，因此无法设定服务商之间的成本差距，价格战也就无从模拟。",
    "TXT_WAR": ("在蒙特卡洛抽样中（表中其余各列），价格下跌 {horizon} 个月后，在 {low:.0%} 的抽样中成本最低的服务商仍有偿付能力，"
                "中间一家为 {mid:.0%}，成本最高的一家为 {high:.0%}；{worst}{extra}血条也可以用钱来衡量：要撑过整个时间跨度，成本最低的服务商所需现金储备的中位数"
                "相当于 {need_low:,.1f} 个月的收入，中间一家为 {need_mid:,.1f} 个月（{bar_mid}），成本最高的一家为 "
                "{need_high:,.1f} 个月（{bar_high}）。{order}"),
    "TXT_WAR_WORST": "在最差的十分之一抽样中，成本最高的服务商在 {high_p10:,.0f} 个月内耗尽现金，成本最低的在 {low_p10:,.0f} 个月内。",
    "TXT_WAR_WORST_HIGH": "在最差的十分之一抽样中，成本最高的服务商在 {high_p10:,.0f} 个月内耗尽现金，而成本最低的一家仍撑满全部 {horizon} 个月。",
    "TXT_WAR_WORST_LOW": "在最差的十分之一抽样中，成本最低的服务商在 {low_p10:,.0f} 个月内耗尽现金，而成本最高的一家仍撑满全部 {horizon} 个月。",
    "TXT_WAR_WORST_ALL": "即使在最差的十分之一抽样中，每家服务商也都撑满全部 {horizon} 个月。",
    "TXT_WAR_ORDER_ALL": "在每一次抽样中，成本最低的服务商撑得至少和中间一家一样久。",
    "TXT_WAR_ORDER": "在 {share:.1%} 的抽样中，成本最低的服务商撑得至少和中间一家一样久；其余抽样中，随机的吞吐波动或现金储备颠倒了两者的顺序。",
    "TXT_WAR_EXTRA": "在中间一家倒下的 {share:.0%} 的抽样中，成本最低的一家多撑 {p10:,.1f} 至 {p90:,.1f} 个月（第 10 至第 90 百分位；中位数 {p50:,.1f}）。",
    "TXT_WAR_TITLE": "{horizon} 个月后，{low:.0%} 的抽样中成本最低的服务商仍有偿付能力，成本最高的为 {high:.0%}",
    "TXT_EX_REPRODUCE": ("以租用的集群为例：平均 {nodes:,.2f} 个节点，每节点 {gpus:,.0f} 块 GPU，{hours:,.0f} 小时，每 GPU 小时 "
                         "{price:,.2f} 美元。(a) 计算当天的 GPU 成本{against}。(b) {revenue} (c) {occupancy}"),
    "TXT_EX_REPRODUCE_NONE": "本次运行的数据中没有完整的推理服务披露，这里没有可重新计算的内容；请用默认数据重跑本章再试。",
    "TXT_EX_DOMESTIC": ("本章发现，在每个输出词元约 {tpot:g} 毫秒的相同服务水平下，{dom}解码集群必须达到 {be:.0%} 的利用率，"
                        "才能与利用率为 {util:.0%} 的 {ref} 集群的每词元成本持平。"),
    "TXT_EX_DOMESTIC_NONE": "本次运行的数据中，没有与相同服务水平的英伟达数字配对的国产解码数字，本章因此不计算盈亏平衡点；请用默认数据重跑再试。",
    "TXT_EX_SUPERNODE": ("利用“国产芯片：要与英伟达持平需要什么”一节中的数字，权衡其中的取舍：与{nv}相比，{dom}得到了什么、"
                         "付出了什么代价？功耗劣势是否决定了一个词元的成本？"),
    "TXT_EX_SUPERNODE_NONE": "本次运行的数据中没有可供权衡的一对国产与英伟达超节点；请用默认数据，权衡国产超节点与英伟达超节点相比得到了什么、付出了什么。",
    "TXT_EVENTS": "{when}，数据记录了{n_orgs}的{n_events}。{restructured}",
    "TXT_EVENTS_TITLE": "{orgs}有带日期的基础设施举措；其中 {n_re} 家围绕它们进行了组织调整",
})
TXT_DS_INTRO, TXT_DS_INTRO_SHORT, TXT_DS_NONE = _t["TXT_DS_INTRO"], _t["TXT_DS_INTRO_SHORT"], _t["TXT_DS_NONE"]
TXT_DS_PROVIDERS, TXT_NO_MARGIN, TXT_ZERO_MARGIN = _t["TXT_DS_PROVIDERS"], _t["TXT_NO_MARGIN"], _t["TXT_ZERO_MARGIN"]
TXT_DS_CAVEATS_ONLY, TXT_EX_AGAINST, TXT_EX_REVENUE = (_t["TXT_DS_CAVEATS_ONLY"], _t["TXT_EX_AGAINST"],
                                                       _t["TXT_EX_REVENUE"])
TXT_EX_REVENUE_TOKENS, TXT_EX_OCCUPANCY, TXT_EX_NO_PEAK = (_t["TXT_EX_REVENUE_TOKENS"], _t["TXT_EX_OCCUPANCY"],
                                                           _t["TXT_EX_NO_PEAK"])
TXT_LEVERS_NO_CACHE, TXT_LEVERS_NONE = _t["TXT_LEVERS_NO_CACHE"], _t["TXT_LEVERS_NONE"]
TXT_LIKE_TITLE, TXT_LIKE_TITLE_NONE = _t["TXT_LIKE_TITLE"], _t["TXT_LIKE_TITLE_NONE"]
TXT_RENTAL_NONE, TXT_RENTAL, TXT_NO_DISCLOSURE = _t["TXT_RENTAL_NONE"], _t["TXT_RENTAL"], _t["TXT_NO_DISCLOSURE"]
TXT_DS_COST, TXT_DS_REVENUE_ROUNDED, TXT_DS_REVENUE = (_t["TXT_DS_COST"], _t["TXT_DS_REVENUE_ROUNDED"],
                                                       _t["TXT_DS_REVENUE"])
TXT_DS_MARKUP, TXT_DS_NODES, TXT_DS_CAVEATS = _t["TXT_DS_MARKUP"], _t["TXT_DS_NODES"], _t["TXT_DS_CAVEATS"]
TXT_DS_OCCUPANCY, TXT_DS_PER_OUTPUT, TXT_DS_PAID = _t["TXT_DS_OCCUPANCY"], _t["TXT_DS_PER_OUTPUT"], _t["TXT_DS_PAID"]
TXT_MARGIN, TXT_MARGIN_TITLE = _t["TXT_MARGIN"], _t["TXT_MARGIN_TITLE"]
TXT_MARGIN_ONE = _t["TXT_MARGIN_ONE"]
TXT_SERVING, TXT_SERVING_HOPPER, TXT_SERVING_ONE = _t["TXT_SERVING"], _t["TXT_SERVING_HOPPER"], _t["TXT_SERVING_ONE"]
TXT_LIKE, TXT_LIKE_NONE, TXT_LATER = _t["TXT_LIKE"], _t["TXT_LIKE_NONE"], _t["TXT_LATER"]
TXT_LEVERS, TXT_LEVERS_ANCHOR, TXT_PUBLISHED = _t["TXT_LEVERS"], _t["TXT_LEVERS_ANCHOR"], _t["TXT_PUBLISHED"]
TXT_STACK_TITLE, TXT_SPEC, TXT_SPEC_FP16 = _t["TXT_STACK_TITLE"], _t["TXT_SPEC"], _t["TXT_SPEC_FP16"]
TXT_ONE_SOURCE, TXT_SOURCES, TXT_SPEC_NONE = _t["TXT_ONE_SOURCE"], _t["TXT_SOURCES"], _t["TXT_SPEC_NONE"]
TXT_DOMESTIC, TXT_DOMESTIC_PREFILL, TXT_DOMESTIC_NONE = (_t["TXT_DOMESTIC"], _t["TXT_DOMESTIC_PREFILL"],
                                                         _t["TXT_DOMESTIC_NONE"])
TXT_DOMESTIC_LATER, TXT_BE_TITLE = _t["TXT_DOMESTIC_LATER"], _t["TXT_BE_TITLE"]
TXT_DOMESTIC_PREFILL_LOW, TXT_AGENTS_TOP = _t["TXT_DOMESTIC_PREFILL_LOW"], _t["TXT_AGENTS_TOP"]
TXT_WAR_WORST, TXT_WAR_WORST_HIGH = _t["TXT_WAR_WORST"], _t["TXT_WAR_WORST_HIGH"]
TXT_WAR_WORST_LOW, TXT_WAR_WORST_ALL = _t["TXT_WAR_WORST_LOW"], _t["TXT_WAR_WORST_ALL"]
TXT_SN, TXT_SN_ENERGY, TXT_SN_NONE = _t["TXT_SN"], _t["TXT_SN_ENERGY"], _t["TXT_SN_NONE"]
TXT_AGENTS, TXT_AGENTS_GAP, TXT_AGENT_TITLE = _t["TXT_AGENTS"], _t["TXT_AGENTS_GAP"], _t["TXT_AGENT_TITLE"]
TXT_WAR_SETUP, TXT_WAR_NONE, TXT_WAR = _t["TXT_WAR_SETUP"], _t["TXT_WAR_NONE"], _t["TXT_WAR"]
TXT_WAR_ORDER_ALL, TXT_WAR_ORDER, TXT_WAR_EXTRA = _t["TXT_WAR_ORDER_ALL"], _t["TXT_WAR_ORDER"], _t["TXT_WAR_EXTRA"]
TXT_WAR_TITLE = _t["TXT_WAR_TITLE"]
TXT_EX_REPRODUCE, TXT_EX_REPRODUCE_NONE = _t["TXT_EX_REPRODUCE"], _t["TXT_EX_REPRODUCE_NONE"]
TXT_EX_DOMESTIC, TXT_EX_DOMESTIC_NONE = _t["TXT_EX_DOMESTIC"], _t["TXT_EX_DOMESTIC_NONE"]
TXT_EX_SUPERNODE, TXT_EX_SUPERNODE_NONE = _t["TXT_EX_SUPERNODE"], _t["TXT_EX_SUPERNODE_NONE"]
TXT_EVENTS, TXT_EVENTS_TITLE = _t["TXT_EVENTS"], _t["TXT_EVENTS_TITLE"]
del _t

TXT_FIT = {"same": "相符", "more": "对不上（所需节点多于实际）", "less": "留有余量"}
TXT_COMPARE = {"busier": "比英伟达集群更忙", "no busier": "不必比英伟达集群更忙", "beyond": "，超出任何集群能达到的水平"}
TXT_CHEST = {"same": "一样多", "more": "更多", "less": "更少"}
TXT_BAR = {"none": "完全不需要储备", "times": "是最低一家的 {x:,.1f} 倍", "lowest none": "而成本最低的一家完全不需要"}
TXT_AGENTS_WHEN = {"after the article": "（发表于文章之后）", "undated": "（没有日期）"}
LABEL = {x: ZH_LABEL[x] for x in (SUPPORTED, PARTLY, CONTRADICTED)}


def covers(util: float) -> str:
    """From the break-even utilisation: above 100% never (not 'at zero utilisation')."""
    return "即使利用率达到 100% 也永远无法覆盖成本" if util > 1 else f"只有在利用率高于 {util:.0%} 时才能覆盖成本"


def covers_it(util: float) -> str:
    return "即使利用率达到 100% 也无法覆盖成本" if util > 1 else f"只有在利用率高于 {util:.0%} 时才能覆盖成本"


def restructured_sentence(moves: int, names: list[str], n_orgs: int, n_events: int) -> str:
    if not moves:
        return ("其中没有一项是围绕 AI 基础设施的部门重组；"
                + ("它是一项投资承诺、一款芯片、一个超节点或一项公布的平台成果。" if n_events == 1
                   else "它们是投资承诺、芯片、超节点或公布的平台成果。"))
    if len(names) == n_orgs:
        return f"数据中的每家机构都围绕 AI 基础设施进行了部门重组（{listing(names)}）。"
    return (f"其中只有 {moves:,} 项（来自{listing(names)}）是围绕 AI 基础设施的部门重组；其余是投资承诺、芯片、超节点"
            "和公布的平台成果。")


R24 = templates({
    "none": ("这些数据中，没有任何两个来自不同团队的已公布解码数字可以同口径比较（同一硬件代际、数值格式位宽和测量类型，"
             "每个输出词元的时间相差不超过 {tol:.0%}，在文章发表当年或之前公布），因此无法计算同口径的成本差距。"),
    "figure": "同口径 {measured} 倍（杠杆为假设：{total} 倍）",
    "pair": "{fast}对比{slow}，每个输出词元约 {tpot:g} 毫秒",
    "levers": "利用率 {uh:.0%} 对 {ul:.0%}",
    "cache": "、缓存命中率 {hh:.0%} 对 {hl:.0%}",
    SUPPORTED: "同口径比较，两个团队已公布的部署在每个输出词元成本上相差 {measured} 倍（{pair}），达到或超过 {big:.1f} 倍的门槛。",
    NOT_TESTABLE: ("同口径比较，已公布的部署只相差 {measured} 倍（{pair}），低于 {big:.1f} 倍的门槛。但同口径的数字只来自公布了"
                   "调优技术栈的{n_teams}（{teams}）；成本会把差距拉大的那些厂商没有公布任何数字，因此已公布的证据无法衡量厂商之间"
                   "的差距：公开数据无法检验。"),
    "illustration": "仅作示意（是假设而非测量）：加上基准测试没有计入的杠杆（{levers}），差距将达到 {total} 倍。",
    "untested": "DeepSeek 把注意力转向推理这一点没有检验。",
})
R_GRADED = "论断中未检验的部分多于成立的部分，因此为部分支持（见判定标准）。"
R25 = templates({
    "none": "数据中没有在文章发表之前公布的智能体词元倍数。",
    "figure": "对话词元的 {low:,.0f} 至 {high:,.0f} 倍",
    "figure_one": "对话词元的 {low:,.0f} 倍",
    "span": "从约 {low:,.0f} 倍（{low_name}）到 {high:,.0f} 倍（{high_name}）",
    "span_one": "约 {low:,.0f} 倍（{low_name}）",
    SUPPORTED: ("在文章发表之前公布了倍数的每一种智能体工作负载（{n}）使用的词元都至少是其对话基线的 {heavy:g} 倍，{span}，"
                "因此智能体是词元消耗大户。"),
    PARTLY: ("在文章发表之前公布了倍数的 {n_all} 种智能体工作负载中，有 {k} 种使用的词元至少是对话的 {heavy:g} 倍；"
             "{low_name}约为 {low:,.0f} 倍。"),
    CONTRADICTED: ("在文章发表之前公布了倍数的智能体工作负载中，没有一种达到对话词元的 {heavy:g} 倍（最多为 {high:,.0f} 倍，"
                   "{high_name}）。"),
    "bar_below": "“消耗大户”的 {heavy:g} 倍门槛是一项假设：门槛不超过最轻工作负载的 {low:,.0f} 倍时结论都成立，高于它则变为{above}。",
    "bar_part": "“消耗大户”的 {heavy:g} 倍门槛是一项假设：门槛不超过最轻工作负载的 {low:,.0f} 倍时，每种工作负载都达到它。",
    "bar_above": "“消耗大户”的 {heavy:g} 倍门槛是一项假设：门槛为 {low:,.0f} 倍或更低时，每种工作负载都算数。",
    "later": "发表于文章之后或没有日期、只显示不采用的：{names}。",
    "later_item": "{name}（{m:,.0f} 倍）",
    "other": "不是智能体工作负载、仅供对比的：{names}。",
    "untested": "基础设施决定智能体能做什么、大小服务商之间的差距会扩大，这两点在公开数据中无法衡量（本章只显示绝对成本差距随词元增长）。",
})
R26 = templates({
    "figure": "文章所说的 {n} 项有日期的举措找到了 {k} 项",
    "move": "{org}，{date}：{event}",
    "none": "数据记录了{orgs}的{moves}，其中没有一项出自文章点名的机构（以文章所说的形式），因此无法用这些数据检验。",
    SUPPORTED: "文章点名的每一项举措都在数据中，且有日期：{found}。",
    PARTLY: "文章点名的 {n} 项举措中有 {k} 项在数据中且有日期（{found}）；{missing}没有记录文章所说那一类的举措。",
    "missing_item": "{org}（{kind}）",
})
R26_KIND = {"investment": "基础设施投资", "platform": "平台", "architecture": "架构", "organisation": "组织调整"}
R27 = ("AI 基础设施把客户锁定得多牢，需要流失率或迁移成本的数据，而没有任何云厂商公布这些数据；仅凭合作关系无法衡量锁定。",
       "没有公开的客户流失或迁移成本数据")
R28 = templates({
    "none": ("数据中没有这样的国产解码数字：能与相同服务水平（每个输出词元的时间相差不超过 {tol:.0%}）、相同数值格式位宽、"
             "在文章发表当年或之前公布的 Hopper 数字对比；也没有以两种设置公布的国产数字。"),
    "no_pair": ("没有国产解码数字能与文章发表之前、相同服务水平（相差不超过 {tol:.0%}）的 Hopper 数字对比，也没有公布国产"
                "租用价格，因此无法检验国产集群是否必须更忙才能与英伟达持平。"),
    "opt_figure": "优化同一国产部署带来 {ratio} 倍",
    "price_figure": "每小时不超过 {be_price:,.2f} 美元时能以同等利用率与英伟达持平；没有公布的价格",
    "figure": "按已公布的国产价格，盈亏平衡利用率为 {be_low:.0%} 至 {be_high:.0%}",
    "reason": ("已公布的最好的国产解码数字（{dom}，每个输出词元 {dom_tpot:g} 毫秒）是相同服务水平下最好的 Hopper 数字（{ref}，"
               "{ref_tpot:g} 毫秒）的 {ratio:.0%}：按每英伟达 GPU 小时 {ref_price:,.2f} 美元计算，只有当每加速卡小时不超过 "
               "{be_price:,.2f} 美元时，国产集群才能以同等利用率与英伟达的每词元成本持平，价格更高就必须更忙。"),
    "untestable": ("国产加速卡的租用价格或单位成本都没有公布，因此国产集群是否必须比英伟达更忙（这一论断）取决于一个无人公布的价格："
                   "公开数据无法检验。"),
    "priced": "按已公布的国产价格（每小时 {low:,.2f} 至 {high:,.2f} 美元），且英伟达集群利用率为 {util:.0%} 时，它需要 {be_low:.0%} 至 {be_high:.0%} 的利用率，",
    SUPPORTED: "因此它必须比英伟达集群更忙，而且做得到：调度得好不好决定了它的成本",
    PARTLY: "因此已公布的价格和数字结论不一，或者它需要的利用率超过了可能达到的上限：仅靠调度无法决定它的成本",
    CONTRADICTED: "不必比英伟达集群更忙，因此它不需要比英伟达更深度的优化就能持平",
    "end": "。",
    "optimised": ("数据在优化方面显示的是：同一国产部署（{setup}，{phase}）在一种已公布设置下服务的词元是另一种的 {ratio} 倍"
                  "（{best}时每卡每秒 {hi:,.0f} 个词元，{worst}时为 {lo:,.0f} 个）。"),
    "own": "所有已公布的国产数字都来自芯片厂商自己专门打造的技术栈（{vendor}）：这正是该论断所说的深度优化，而不是客户用默认技术栈能达到的水平。",
})
R_WAR = templates({
    "none": "这些数据中没有同口径可比的一对已公布技术栈来设定服务商之间的成本差距，因此价格战无从模拟。",
    "c29_untestable": "云厂商的单位成本和用于价格战的现金都没有公开，因此公开数据无法检验这一论断。仅作示意：",
    "c29_figure": "中心情形：{low}，对比成本最高一家的{high}",
    "c29_head": ("消耗战模型的中心情形（每项假设取中心值，没有吞吐波动；即表中前几列）中有三家虚构的服务商：成本最低的一家撑过{low}，"
                 "中间一家{mid}，成本是最低一家 {gap} 倍的那一家{high}，它的现金是成本最低一家的 {chest:.2f} 倍"),
    "order": "：它们按成本高低依次耗尽现金",
    "order_alike": "：它们按成本高低依次耗尽现金，在现金相同时这是必然的",
    "middle": "：成本最低的一家比成本最高的一家撑得久，但中间一家打乱了顺序",
    "through": "：连成本最高的服务商都能靠现金撑过整场价格战",
    "chest": "：更多的现金储备抵消了成本差距",
    "end": "。",
    "c35_untestable": "没有哪家厂商的成本或现金储备是公开的，因此公开数据无法检验这一论断。仅作示意：",
    "c35_none": "在消耗战模型的中心情形中，没有服务商在 {h} 个月内亏损，因此价格战从不动用现金储备。",
    "c35_none_figure": "中心情形：整个时间跨度内没有亏损",
    "c35_figure": "中心情形：撑过 {h} 个月所需现金为 {ratio:,.1f} 倍",
    "c35_figure_zero": "中心情形：撑过 {h} 个月需要 {need:,.1f} 个月的收入，而对方不需要",
    "c35_head": ("在消耗战模型的中心情形中（每项假设取中心值，没有吞吐波动；即表中前几列），成本是最低一家 {gap} 倍的虚构服务商"
                 "需要相当于 {need_hi:,.1f} 个月收入的现金才能撑过 {h} 个月，成本最低的一家只需 {need_lo:,.1f} 个月。"),
    "c35_first": "即使现金是对方的 {chest:.2f} 倍，成本最高的服务商仍然最先耗尽现金。",
    "c35_both": "在假设的现金下，两家都撑过了整个时间跨度。",
    "c35_longer": "成本最高的服务商凭借 {chest:.2f} 倍的现金撑得更久（{high}，对比{low}）。",
})
R30 = templates({
    "markup": ("一家服务商 {markup:.0%} 的理论加成率表明，按标价提供推理服务可以盈利；但没有公开数据按层级拆分行业利润，"
               "因此无法检验基础设施是不是最大的利润池。"),
    "markup_figure": "理论加成率 {markup:.0%}",
    "none": "没有公开数据按层级拆分行业利润，因此无法检验基础设施是不是最大的利润池。",
    "none_figure": "没有分层利润数据",
})
R31 = ("这个公式把完整度、整合度和成本效率相乘，而三者都没有公开的衡量指标；本章只对成本效率建了模。", "各项无法衡量")
R32 = templates({
    "serving": "推理服务中，{dom}在相同服务水平下达到 {ref} 的 {ratio:.0%}（{side}算作接近的 {near:.0%}）",
    "serving_figure": "相同服务水平下，{dom}为 {ref} 的 {ratio:.0%}",
    "paper": "纸面上，{dom}的稠密 BF16 算力达到 {ref} 的 {ratio:.0%}（{side}算作接近的 {near:.0%}；没有相同服务水平的推理数字）",
    "paper_figure": "{dom}为 {ref} 的 {ratio:.0%}（稠密 BF16）",
    "newer": "，在相同服务水平下达到英伟达新一代 {ref} 的 {ratio:.0%}（{side}算作接近的 {near:.0%}）",
    "newer_figure": "；为 {ref} 的 {ratio:.0%}",
    "newer_undated": "与英伟达新一代 Blackwell 相比，{dom}在相同服务水平下达到 {ref} 的 {ratio:.0%}，但这一数字{when}，因此不作判定。",
    "newer_unmatched": ("数据中在文章发表之前的 {n} 个 Blackwell 解码数字（{refs}）没有给出每个输出词元的时间或精度不同，"
                        "不在相同服务水平上，因此不作判定；与它们相比，{dom}只达到 {low:.0%} 至 {high:.0%}。"),
    "no_chip_figure": "没有可与英伟达对比的国产芯片",
    "cluster": "记录到的最大集群有 {n:,} 张加速卡（{org}，{date:%Y年%-m月}），{side}达到文章所说的 {claimed:,} 张",
    "none": "数据中既没有可与英伟达芯片对比的国产芯片，也没有带日期的集群规模。",
    "untested": "。文章提到的云端推理芯片没有找到规格或推理服务数字，这一部分未检验。",
})
R32_WHEN = {"by the article": "发表于文章之前", "after the article": "发表于文章之后", "undated": "没有日期"}
R33 = templates({
    "no_size": "数据中没有给出加速卡数量的超节点。",
    "size": "{name}：{n:,} 张加速卡",
    "composition": "{name}连接了 {acc:,} 张加速卡和 {cpus:,} 个 CPU",
    "multiple": "据称{name}把互联带宽提高了 {m:g} 倍（二手概述；另一来源说是翻倍）",
    "late": "{names}要到 {year} 年才出货，晚于文章所在的年份",
    "none": "数据中没有可与文章对照的超节点构成（加速卡和 CPU）或带宽数字。",
})
R34 = templates({
    "figure": "{orgs}公布了平台成果",
    "none": "数据中没有已公布的平台成果。",
    SUPPORTED: ("{names}有已公布的平台成果（例如用自有软件栈在自有加速卡上的推理吞吐）；对文章提到的其他平台，公开的只有产品名称，"
                "没有衡量它们让硬件变得多好用的指标，因此这一部分未检验。"),
})
R37 = ("要检验最便宜、最可靠的服务商是否聚集了最多用户，需要每家厂商的单位成本和可靠性，并与其用户份额对照；公开的只有份额。",
       "没有按厂商公开的单位成本")


def months(m: float, horizon: int) -> str:
    return f"全部 {horizon} 个月" if m >= horizon else f"{m:,.0f} 个月"
