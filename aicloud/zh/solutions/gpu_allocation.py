"""Chinese counterpart of `aicloud.solutions.gpu_allocation`: the words of the answers that are sentences (the English
`hhi_answer` and `claim_answer` put them together)."""

from __future__ import annotations

from aicloud import i18n

BY_CATALOGUE = {"answers": "ex_fleet_word ('GPUs', 'H100-equivalents'): display.po"}

HHI = {
    "empty": "(a) 这一年的名单没有任何数量，因此没有份额可平方，也没有 HHI 可拆分。代码中的核对：",
    "one": "(a) {buyer}买下了名单所列的全部数量，因此它的平方 10,000 就是整个 HHI。代码中的核对：",
    "top_two": "(a) {first}占所列数量的 {first_pct:.1f}%，{second}占 {second_pct:.1f}%；两者的平方相加为 {part:,.0f}，",
    "only_two": "就是整个 HHI，因为名单上只有这两个买家。代码中的核对：",
    "rest": "占 HHI 的 {share:.0%}。其他所有买家加起来{only} {rest:,.0f}。",
    "only": "只有",
    "not_only": "为",
    "tied": "另有买家买的与第二名一样多，因此前两名按名称（字母顺序）选出。",
    "check": "代码中的核对：",
}
CLAIM = {
    "no_total": "数据中没有文章给出的总数，因此没有什么可判断的。",
    "no_named": "数据无法判定：没有任何 {year} 年的买家被标为文章点名的买家，因此无法把各部分加总。",
    "not_annual": ("它不可能是全年数字：文章自己点名的 {named_count} 个买家加起来就有 {named_units} GPU，"
                   "所说的总数只相当于文章自己所列各部分的 {share:.0%}"),
    "listed": "，而名单上所有买家合计是这个总数的 {ratio:.2f} 倍。",
    "no_listed": "。",
    "best": "这个总数等于{publisher}的一个数字，而那个数字覆盖的是 {days} 天的 {products}。",
    "and": " 和 ",
    "not_annual_end": "总数站不住（各买家的数字没有与任何数据比较）。",
    "within": "这些数据中没有什么能排除它：文章点名的 {named_count} 个买家合计 {named_units} GPU，在它所说的总数 {claim_units} 之内。",
}


def shown_name(name: str) -> str:
    """A name as the Chinese edition writes it (腾讯 for Tencent)."""
    return i18n.name(name)


def units_text(units: float) -> str:
    """A count of GPUs in 万张."""
    return i18n.units(units)
