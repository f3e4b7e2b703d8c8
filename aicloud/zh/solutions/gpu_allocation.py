"""Chinese counterpart of `aicloud.solutions.gpu_allocation`: the answers that are sentences."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aicloud.i18n import name
from aicloud.i18n import units as _units

BY_CATALOGUE = {"answers": "ex_fleet_word ('GPUs', 'H100-equivalents'): display.po"}


def hhi_answer(check: Any, hhi: float) -> str:
    if not hhi or float(check["units"].sum()) == 0:
        return "(a) 这一年的名单没有任何数量，因此没有份额可平方，也没有 HHI 可拆分。代码中的核对："
    if len(check) == 1:
        return f"(a) {name(check['buyer'].iloc[0])}买下了名单所列的全部数量，因此它的平方 10,000 就是整个 HHI。代码中的核对："
    top = check.head(2)
    part = float(top["squared"].sum())
    text = (f"(a) {name(top['buyer'].iloc[0])}占所列数量的 {top['share_pct'].iloc[0]:.1f}%，{name(top['buyer'].iloc[1])}占 "
            f"{top['share_pct'].iloc[1]:.1f}%；两者的平方相加为 {part:,.0f}，")
    if len(check) == 2:
        return text + "就是整个 HHI，因为名单上只有这两个买家。代码中的核对："
    rest = hhi - part
    tied = check["units"].iloc[2] == check["units"].iloc[1]
    return (text + f"占 HHI 的 {part / hhi:.0%}。其他所有买家加起来{'只有' if rest < part else '为'} {rest:,.0f}。"
            + ("另有买家买的与第二名一样多，因此前两名按名称（字母顺序）选出。" if tied else "") + "代码中的核对：")


def claim_answer(v: Mapping[str, Any]) -> str:
    if not v["claim_units"]:
        return "数据中没有文章给出的总数，因此没有什么可判断的。"
    if not v["named_count"]:
        return f"数据无法判定：没有任何 {v['claim_year']} 年的买家被标为文章点名的买家，因此无法把各部分加总。"
    if v["named_units"] > v["claim_units"]:
        text = (f"它不可能是全年数字：文章自己点名的 {v['named_count']} 个买家加起来就有 {_units(v['named_units'])} GPU，"
                f"所说的总数只相当于文章自己所列各部分的 {v['claim_units'] / v['named_units']:.0%}")
        text += (f"，而名单上所有买家合计是这个总数的 {v['listed_units'] / v['claim_units']:.2f} 倍。"
                 if v["listed_units"] else "。")
        if v["best_matches_claim"]:
            text += f"这个总数等于{name(v['best_publisher'])}的一个数字，而那个数字覆盖的是 {v['best_days']} 天的 " \
                    f"{' 和 '.join(str(v['best_products']).split(' and '))}。"
        return text + "总数站不住（各买家的数字没有与任何数据比较）。"
    return (f"这些数据中没有什么能排除它：文章点名的 {v['named_count']} 个买家合计 {_units(v['named_units'])} GPU，"
            f"在它所说的总数 {_units(v['claim_units'])} 之内。")
