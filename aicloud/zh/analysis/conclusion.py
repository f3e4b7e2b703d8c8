"""Chinese counterpart of `aicloud.analysis.conclusion`: the headline, the titles and the reasons for C01, C02."""

from __future__ import annotations

import pandas as pd

from aicloud.i18n import join
from aicloud.verdicts import CONTRADICTED, LABELS, NOT_TESTABLE, NOT_TESTABLE_HERE, PARTLY, SUPPORTED
from aicloud.zh.verdicts import label as verdict_label

# Keys the analysis compares; shown in Chinese through FACTOR_ZH (and the display catalogue in charts).
KEYS = ("NO_VERDICT", "FACTOR", "ARTICLE", "DECIDED", "CHAPTER", "RESOURCES", "OUTSIDE", "UNDATED")
# Functions whose English strings are keys (factor names, compared), not text shown: nothing to translate.
BY_CATALOGUE = {f: "factor names are keys, shown through FACTOR_ZH" for f in ("price_series", "peaks")}
FACTOR_ZH = {"GPU supply": "GPU 供给", "models and prices": "模型与价格", "AI infrastructure": "AI 基础设施",
             "other": "其他"}


def _factor(name: str) -> str:
    return FACTOR_ZH.get(name, name)


def _ids(ids: list[str]) -> str:
    return "、".join(ids)


def typical(top: list[str]) -> str:
    return "和".join(f"“{verdict_label(t)}”" for t in top) if top else "无"


def verdicts_title(n_tested: int, supported: int, contradicted: int) -> str:
    return f"各章检验的 {n_tested} 条论断中，{supported} 条得到支持，{contradicted} 条与证据相悖"


def mix_title(n_led: int, n: int) -> str:
    return f"{n} 个阶段中有 {n_led} 个，出现最多的事件类型正是文章点名的要素"


def c01_figure(backed: int, n: int) -> str:
    return f"{n} 条全栈论断中 {backed} 条至少部分得到支持"


def c01_none_figure(n: int) -> str:
    return f"{n} 条全栈论断中 0 条有定论"


def c01_none_here(here: list[str]) -> str:
    return C01_NONE_HERE.format(ids=_ids(here) or "未列出")


def c01_reason(ids: list[str], backed: int, supported: int, against: int, public: list[str], here: list[str],
               label: str) -> str:
    return C01_REASON.format(
        n=len(ids), ids=_ids(ids), backed=backed, supported=f" {supported} 条" if supported else "没有一条",
        against=f"{against} 条" if against else "没有一条", public=_ids(public) or "无",
        here=(C01_HERE.format(ids=_ids(here)) if here else ""), reading=C01_READING[label])


def c02_figure(n_led: int, n: int) -> str:
    return f"{n} 个阶段中有 {n_led} 个由文章点名的要素领先"


def c02_missing_figure(with_events: int, n: int) -> str:
    return f"{n} 个阶段中有 {with_events} 个有事件"


def c02_reason(n_led: int, n: int, misses: list[tuple[str, str, list[str]]],
               overlap: list[tuple[float, str, str]]) -> str:
    missed = [C02_MISS.format(phase=p, named=_factor(named), lead=join([_factor(x) for x in lead]))
              for p, named, lead in misses]
    shares = [C02_SHARE.format(share=share, factor=_factor(f), phase=p) for share, f, p in overlap]
    return C02_REASON.format(
        n_led=n_led, n=n, misses=("；" + "；".join(missed)) if missed else "",
        overlap=(C02_OVERLAP.format(shares="；".join(shares)) if shares else C02_SUCCEED))


def headline(n_claims: int, own: list[str], n_tested: int, n_pending: int, counts: pd.Series, n_decided: int,
             top: list[str]) -> str:
    if n_tested == 0:
        return f"账本中有 {n_claims} 条论断，但其中还没有任何一章的结论：本页无法加以权衡。"
    parts = [f"{int(counts.get(label, 0))} 条{WORDS[label]}" for label in LABELS
             if label != NOT_TESTABLE_HERE or counts.get(label, 0)]
    pending = f"另有 {n_pending} 条论断尚无结论：检验它们的章节不在本次构建中。" if n_pending else ""
    most = (f"最常见的结论是“{verdict_label(top[0])}”。" if len(top) == 1
            else f"最常见的结论并列为{typical(top)}。")
    public = 1 - int(counts.get(NOT_TESTABLE, 0)) / n_tested
    here = (f"，本次运行所给的数据能判定其中的 {n_decided / n_tested:.0%}" if counts.get(NOT_TESTABLE_HERE, 0) else "")
    split = (f"本页权衡其中 {len(own)} 条（{_ids(own)}），其余 {n_tested + n_pending - len(own)} 条由各章检验" if own
             else "全部由各章检验")
    return (f"账本中共有 {n_claims} 条论断；{split}。在已有结论的 {n_tested} 条中，" + "，".join(parts[:-1])
            + f"，{parts[-1]}；公开数据能回答其中的 {public:.0%}{here}。{pending}{most}")


WORDS = {SUPPORTED: "得到支持", PARTLY: "部分得到支持", CONTRADICTED: "与证据相悖",
         NOT_TESTABLE: "无法用公开数据检验", NOT_TESTABLE_HERE: "无法用本次运行所给的数据检验"}
C01_REASON = ("构成全栈论点的 {n} 条论断（{ids}）中，{backed} 条至少部分得到支持（其中{supported}完全得到支持），"
              "{against}与证据相悖；无法用公开数据检验的是：{public}{here}。{reading}")
C01_HERE = "；{ids} 在本次运行的数据中没有结论"
C01_READING = {SUPPORTED: "数据能判定的每一部分都成立，因此在公开数字所及的范围内，这个论点得到支持。",
               PARTLY: "因此，这个论点是对证据的一种合理解读，而不是已被证明的事实。",
               CONTRADICTED: "数据能判定的部分多数不成立，因此证据与这个论点相悖。"}
C01_NONE_PUBLIC = "构成这个论点的论断（{ids}）都无法用公开数据检验，因此论点本身也无法检验。"
C01_NONE_HERE = "构成这个论点的论断在本次运行的数据中都没有结论（缺少：{ids}）。"
C02_MISSING = "时间线数据中没有 {phases} 阶段的事件，因此无法检验这一先后顺序。"
C02_MISS = "{phase} 年，文章点名的要素“{named}”没有单独领先（领先的是：{lead}）"
C02_SHARE = "“{factor}”类事件只有 {share:.0%} 落在 {phase} 年"
C02_REASON = ("{n} 个阶段中有 {n_led} 个，出现最多的有日期事件类型正是文章为该阶段点名的要素{misses}。{overlap}"
              "这些事件是为说明这个故事而挑选的，因此这只展示了故事的轮廓，并不构成检验。")
C02_OVERLAP = "但各要素在时间上相互重叠，而不是前后相继：{shares}。"
C02_SUCCEED = "每个要素的事件大多落在它自己的阶段，因此各要素前后相继。"
C02_TOO_FEW = ("在这些数据中，{total} 个要素里只有 {n} 个能在其所属阶段和另一年份得到衡量，不足以检验这一先后顺序。"
               "精选时间线上的事件不能替代它：下文报告这些事件显示了什么，但它们不决定结论。")
C02_TOO_FEW_FIGURE = "{total} 个要素中有 {n} 个能在其所属阶段得到衡量"
TEXT = {
    "measure_gpu": "英伟达数据中心收入的增长",
    "measure_prices": "标价变动中降价所占的比例",
    "measure_capex": "已公布资本开支增长的中位数",
}
C02_FIGURE = "{n} 个可衡量的要素中有 {k} 个在文章点名的阶段达到峰值"
C02_PEAK = "{factor}（{measure}）在 {peak} 年达到峰值{where}（{values}）"
C02_HERE = "，正是文章给它的阶段"
C02_NOT_HERE = "，而不是文章给它的阶段 {phase} 年"
C02_UNREAD = "{factor}在这些数据中无法在 {phase} 年和另一年份得到衡量"
C02_UNMEASURED = "{phases} 年这一阶段无法衡量，三阶段的顺序本身因此未经检验，论断至多为部分支持。"
C02_MEASURED = ("按日历年衡量：{parts}。因此，{n} 个可衡量的要素中有 {k} 个在文章给它的阶段达到峰值；这些序列都很短"
                "（{short} 至 {long} 年{pooled}）。")
C02_POOLED = "{factor}汇总了以下公司：{members}"
C02_EVENTS = ("精选时间线补充了故事自身的事件落在哪里：{n} 个阶段中有 {n_led} 个，出现最多的有日期事件类型正是文章点名的要素"
              "{misses}。这些统计取决于记录了哪些事件，因此不决定结论。")


def year_value(sr, year: int) -> str:
    count = f"（共 {sr.counts[year]} 次）" if sr.factor == "models and prices" else ""
    return f"{year} 年 {sr.values[year]:.0%}{count}"


def c02_measured_reason(read, unread, misses, n_led: int, n_phases: int, k: int, n: int) -> str:
    from aicloud.analysis.conclusion import PHASE_OF

    parts = [C02_PEAK.format(factor=_factor(sr.factor), measure=sr.measure, peak=peak,
                             where=C02_HERE if holds else C02_NOT_HERE.format(phase=PHASE_OF[sr.factor]),
                             values="，".join(year_value(sr, y) for y in sorted(sr.values)))
             for sr, peak, holds in read]
    parts += [C02_UNREAD.format(factor=_factor(sr.factor), phase=PHASE_OF[sr.factor]) for sr in unread]
    missed = [C02_MISS.format(phase=p, named=_factor(named), lead=join([_factor(x) for x in lead]))
              for p, named, lead in misses]
    spans = [len(sr.values) for sr, _, _ in read]
    pooled = "；".join(C02_POOLED.format(factor=_factor(sr.factor), members="、".join(sr.members))
                      for sr, _, _ in read if sr.members)
    return (C02_MEASURED.format(parts="；".join(parts), k=k, n=n, short=min(spans), long=max(spans),
                                pooled=f"；{pooled}" if pooled else "")
            + C02_EVENTS.format(n_led=n_led, n=n_phases, misses=("；" + "；".join(missed)) if missed else ""))
