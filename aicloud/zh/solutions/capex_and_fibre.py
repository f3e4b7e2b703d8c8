"""Chinese counterpart of `aicloud.solutions.capex_and_fibre`: the answers' sentences (USD billions as 亿美元
through `name__yi`, see `aicloud.i18n.Template`)."""

from __future__ import annotations

from aicloud.i18n import Template

SEQUOIA = Template("(a) 四个季度合计每年 {run__yi:,.0f} 亿美元。(b) 除以 GPU 的占比得到整个数据中心的账单，再除以一减去"
                   "毛利率，得到终端用户必须赚到的收入：每年 {need__yi:,.0f} 亿美元，与本章的数字相同。(c) 对照假设的收入，"
                   "{gap_word}为 {gap__yi:,.0f} 亿美元，收入覆盖所需的 {cover:.0%}。")
NO_QUARTER = Template("本次运行所给的数据中没有带收入和红杉输入的英伟达季度数据，因此本章没有可以与你的答案核对的数字。")
PAYBACK = Template("(a) 在本章的各个资本基数上，中性情形的回收期为 {cmin} 至 {cmax} 年；乐观情形至少需要 {hmin} 年，"
                   "悲观情形最长需要 {lmax} 年。{turn}")
TURN = Template("按中性毛利率和假设的起点收入，只要每年增长低于约 {g:.0%}，收回一年的 GPU 开支所需的时间就长于 "
                "{life:g} 年的寿命（中性情形假设的增长为 {central:.0%}）。")
TURN_NONE = Template("按中性毛利率和假设的起点收入，没有哪个增长率能让一年 GPU 开支的回收期恰好等于 {life:g} 年的寿命。")
NO_BASE = Template("本次运行所给的数据中没有资本基数，因此不计算回收期。")
GDP = Template("他们给出的 AI 数字从 {a0:.1f}% 到 {a1:.1f}%，电信数字从 {t0:.1f}% 到 {t1:.1f}%")
NO_GDP = Template("这些数据中没有哪位评论者同时给出两个数字")
USE = Template("就光纤而言，{n} 个引用数字给出的在用比例在 {lo:.1f}% 到 {hi:.0f}% 之间（{m} 种不同的口径）")
NO_USE = Template("就光纤而言，数据中没有在用比例的引用数字")
ANALOGY = Template("这个类比通过了本章 {tests} 项检验中的 {holds} 项（{holds_list}），未通过 {breaks} 项（{breaks_list}）。"
                   "核心检验是：建成的东西在后来的公司前来使用过剩产能时是否仍然可用，即每种资产的寿命与这段等待相比；"
                   "对 AI 而言，这段等待在泡沫破裂之前无法观察。关于使用率：{use}，而没有哪家 AI 服务商公布其机群的利用率。")
