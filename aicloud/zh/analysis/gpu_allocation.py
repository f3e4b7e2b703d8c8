"""Chinese counterpart of `aicloud.analysis.gpu_allocation`: every sentence, title and table the GPU chapter
makes from its numbers. GPU counts in 万张, dollars in 亿美元 where they read naturally; the same values."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd

from aicloud.analysis import gpu_allocation as _english
from aicloud.analysis.gpu_allocation import (
    Cadence,
    ClaimCheck,
    ExportNote,
    Milestone,
    YearSummary,
)
from aicloud.i18n import day, display, month, name, usd_bn
from aicloud.i18n import join as _join
from aicloud.i18n import units as _units

# Compared by the C03 rule ("most"): stays English; the Chinese text uses _share_word.
KEYS = ("share_word", "CHINA", "CLOUD", "HIGH_END_H100_EQUIV", "DAYS_PER_YEAR")
# Titles and the rows of the comparison table that `analyse` writes inline: translated by display.po patterns.
BY_CATALOGUE = {"analyse": "titles, comparison rows, measures: display.po",
                "capex_title": "the money chart's title: display.po's pattern for it",
                "_claim_check": "the estimate's period: display.po (dates)",
                "_revenue_values": "fiscal quarter labels (FY2024 Q1) stay as NVIDIA writes them",
                "_check_finite": "a developer's error"}


def pct(x: float) -> str:
    return f"{x:.0%}"


def num(x: float) -> str:
    return f"{x:,.0f}"


def names(items: list[str] | tuple[str, ...]) -> str:
    """'甲', '甲和乙', '甲、乙和丙', with Chinese company names where there is one."""
    return _join([name(str(i)) for i in items])


def a_or_an(word: str) -> str:
    return ""


def plural(n: int, word: str) -> str:
    return f"{num(n)} 个{word}"


def years_text(years: list[int] | tuple[int, ...]) -> str:
    return _join([f"{y} 年" for y in years])


def _share_word(share: float) -> str:
    share = round(share, 2)
    return "多数" if share > 0.5 else "一半" if share == 0.5 else "少数"


def _products(text: str) -> str:
    """'A100 and H100' -> 'A100 和 H100' (product names stay as published)."""
    return " 和 ".join(p.strip() for p in str(text).replace(", ", " and ").split(" and ") if p.strip())


def _direction(change: float, up: str = "上升", down: str = "下降", same: str = "不变") -> str:
    return up if change > 0 else down if change < 0 else same


def change_phrase(change: float, unit: str, fmt: str = "+,.0f") -> str:
    shown = format(change, fmt)
    if float(shown.replace(",", "")) == 0:
        return "没有变化"
    return f"变化 {shown}{' ' + unit if unit else ''}"


def top_two_text(s: YearSummary, lead: str = "the top two") -> str:
    if s.buyers == 1:
        return f"唯一的买家{names(_top(s))}买下了全部"
    if s.buyers == 2:
        return f"仅有的两个买家{names(_top(s))}买下了全部（第一名占 {pct(s.ranked[0][1] / s.units)}）"
    if s.top_tie and s.ranked[0][1] == s.ranked[1][1]:
        equal = [b for b, u in s.ranked if u == s.ranked[0][1]]
        return f"{names(equal)}各买了同样多，因此其中任意两家占 {pct(s.top2_share)}"
    head = "最大的两个买家" if lead == "The two largest" else "前两名"
    return f"{head}{names(_top(s))}占 {pct(s.top2_share)}"


def _top(s: YearSummary) -> list[str]:
    return [b for b, _ in s.ranked[:2]]


def later_year_sentence(first: YearSummary, last: YearSummary) -> str:
    if first.year == last.year:
        return f"数据只有 {first.year} 年，无法显示采购格局在不同年份之间的变化。"
    if not last.units or not first.units:
        empty = last if not last.units else first
        return f"{empty.year} 年的名单列出 {empty.buyers} 个买家，却没有任何数量，因此这一年无法比较份额和集中度。"
    return (f"{last.year} 年，名单涵盖 {_products(last.product)}，{last.buyers} 个买家共 {_units(last.units)}：{top_two_text(last)}"
            f"（HHI 为 {num(last.hhi)}，{change_phrase(last.hhi - first.hhi, '')}），中国买家占 {pct(last.china_share)}"
            f"（{change_phrase((last.china_share - first.china_share) * 100, '个百分点')}）。" + tie_sentence(last))


def cloud_sentence(first: YearSummary, last: YearSummary) -> str:
    shown = [y for y in dict.fromkeys((first, last)) if y.units]
    if not shown:
        return ""
    parts = "，".join(f"{y.year} 年为 {pct(y.cloud_share)}" for y in shown)
    return f"云厂商（被归为云厂商的买家，以及经营公有云的公司）买下的份额占名单所列数量的比例：{parts}。"


def first_year_sentences(s: YearSummary) -> tuple[str, str]:
    if not s.units:
        return f"名单列出 {s.buyers} 个买家，却没有任何数量，因此无法计算份额", ""
    lead = top_two_text(s, "The two largest")
    china = f"中国买家占 {pct(s.china_share)}。" if s.china_units else "名单上没有中国买家。"
    return lead, china + tie_sentence(s)


def claim_sentence(c: ClaimCheck | None) -> str:
    if c is None:
        return "数据中没有可供检验的文章总数。"
    head = f"文章给出 {c.year} 年 {_products(c.claim_products)} GPU 共售出 {_units(c.claim_units)}，"
    if c.named_count == 0:
        return head + f"但买家数据中没有任何 {c.year} 年的买家被标为文章点名的买家，因此无法把文章列出的各部分加总。"
    gap = c.named_units - c.claim_units
    if gap > 0:
        return head + (f"可文章点名的 {c.named_count} 个买家仅 {_products(c.named_products)} 一项加起来就有 "
                       f"{_units(c.named_units)}，已经多出 {_units(gap)}。")
    if gap < 0:
        return head + (f"而文章点名的 {c.named_count} 个买家加起来是 {_units(c.named_units)} {_products(c.named_products)}，"
                       f"少 {_units(-gap)}，总数装得下。")
    return head + f"而文章点名的 {c.named_count} 个买家加起来正好是这个数：{_units(c.named_units)} {_products(c.named_products)}。"


def listed_sentence(c: ClaimCheck | None) -> str:
    if c is None:
        return ""
    if c.listed_count == 0:
        return f"买家数据中没有可供比较的 {c.year} 年记录。"
    if c.claim_units <= 0:
        return f"估计中全部 {c.listed_count} 个买家合计 {_units(c.listed_units)}；文章的总数为零，因此无法给出倍数。"
    return (f"估计中全部 {c.listed_count} 个买家合计 {_units(c.listed_units)}，"
            f"是文章总数的 {c.listed_units / c.claim_units:.2f} 倍。")


def best_match_sentence(c: ClaimCheck | None) -> str:
    if c is None:
        return ""
    if c.best is None:
        return "数据中没有其他估计覆盖相同的产品，因此无法追溯这个总数出自哪里。"
    b = c.best
    quarter = 80 <= b.days <= 100
    what = "两种产品合计" if " and " in b.products else "一种产品"
    head = "这个总数与另一个数字吻合" if b.units == c.claim_units else "同类产品最接近的估计是另一个数字"
    qualifier = {"nearly": "将近", "about": "约", "more than": "超过", "at least": "至少"}.get(b.qualifier, b.qualifier)
    text = (f"{head}：{name(b.publisher)}估计 {b.days} 天内（{display(b.period)}）售出{qualifier} {_units(b.units)} "
            f"{_products(b.products)}，")
    if b.days >= 360:
        return text + f"即一整年、{what}。"
    text += f"即{'一个季度' if quarter else '不到一年'}、{what}。"
    if b.units == c.claim_units and max(c.named_units, c.listed_units) > c.claim_units:
        text += f"文章似乎把{'一个季度' if quarter else '更短时期'}的数字当成了全年的数字。"
    return text


def price_period_sentence(first_year: int, price_years: tuple[int, ...]) -> str:
    if not price_years or first_year in price_years:
        return ""
    return f"价格估计来自 {years_text(price_years)}，而名单上的 GPU 是 {first_year} 年的，因此这笔账只是示意。"


def export_version_sentence(notes: tuple[ExportNote, ...]) -> str:
    if not notes:
        return "算力数字按每种所列产品自身的 BF16 稠密算力计算。"
    n = notes[0]
    same = abs(n.variant_tflops - n.product_tflops) < 0.05
    effect = ("的 BF16 稠密算力与之相同，因此这样计算不改变任何算力数字" if same
              else f"的 BF16 稠密算力为 {n.variant_tflops:,.0f} TFLOPS，而原版为 {n.product_tflops:,.0f} TFLOPS，"
                   "算力数字按前者计算")
    return (f"中国买家在 {n.year} 年买到的 {n.product} 几乎可以肯定是 {n.variant}：{n.product} 出口中国自 "
            f"{day(n.restricted)}起需要许可证，{n.variant} 从 {month(n.variant_from)}开始销售；{n.variant}{effect}。")


def compute_sentence(rows: list[dict], mix_name: str | None, mix_share: float) -> str:
    known = [r for r in rows if r["compute_share"] is not None]
    if all(r["unit_share"] == 0 for r in rows):
        return "名单上没有中国买家，因此没有可以折算成算力的中国份额。"
    gaps = [r for r in rows if r["compute_share"] is None]
    gap_text = "".join(f"{r['year']} 年的算力份额未知：加速器表中没有 {r['missing']} 的算力数字"
                       f"（{_units(r['unconverted'])}）。" for r in gaps if r["missing"])
    if not known:
        return gap_text or "名单上没有任何数量，因此无法按算力计算份额。"
    parts = [f"{r['year']} 年占 GPU 数量的 {pct(r['unit_share'])}、算力的 {pct(r['compute_share'])}" for r in known]
    text = f"中国买家{'；'.join(parts)}。" + gap_text
    if mix_name and any(r["family_units"] and round(r["compute_share"] - r["unit_share"], 2) != 0 for r in known):
        text += (f"有 GPU 系列的年份里，这一差距主要来自 {mix_name}：本章假设中国买家所购某一 GPU 系列中有 "
                 f"{pct(mix_share)} 是这种出口版。")
    if len(known) > 1:
        a, b = known[0], known[-1]
        text += (f"按芯片数量计，中国的份额从 {a['year']} 年到 {b['year']} 年"
                 f"{_direction(round(b['unit_share'] - a['unit_share'], 2))}；按算力计则"
                 f"{_direction(round(b['compute_share'] - a['compute_share'], 2))}。")
    return text


def text_bandwidth(variant: str | None, bandwidth: tuple[float, float, float] | None) -> str:
    if not variant or bandwidth is None:
        return ""
    mine, h100, equivalents = bandwidth
    relation = "高于" if mine > h100 else "低于" if mine < h100 else "等于"
    return (f"稠密算力是衡量训练的尺度。模型推理服务则常常受限于显存带宽：{variant} 的带宽为 {mine:,.2f} TB/s，"
            f"{relation} H100 的 {h100:,.2f} TB/s；按带宽计，一块 {variant} 相当于 {mine / h100:.2f} 块 H100，"
            f"按算力计则只相当于 {equivalents:.2f} 块。")


def compute_table(rows: list[dict]) -> pd.DataFrame:
    """The chips-and-compute table as the page shows it, in Chinese."""
    return pd.DataFrame([{
        "年份": str(r["year"]),
        "中国买家占 GPU 数量的份额": pct(r["unit_share"]),
        "……占算力的份额": pct(r["compute_share"]) if r["compute_share"] is not None else "未知",
        "中国买家（H100 当量）": num(r["china_h100_eq"]),
        "全部所列买家（H100 当量）": num(r["all_h100_eq"]),
        "无算力数字的数量": num(r["unconverted"])} for r in rows])


def text_price_top(market: str, item: str) -> str:
    kind = "街头价" if "street" in item.lower() else "价格"
    return f"{display(market)}的{kind}"


def text_unpriced(units: int, products: list[str]) -> str:
    if not units:
        return ""
    return f"名单中的 {_units(units)} {names(products)}在价格表中没有价格，不计入这笔开支。"


def text_fleet_unit(h100_equivalents: float | None, left_out: int = 0, products: str = "") -> str:
    if left_out and not h100_equivalents:
        return f"H100 当量（{_units(left_out)} {products}都没有算力数字，机群的算力未知：下面的数字没有计入任何一块）"
    if left_out:
        return (f"H100 当量（整个机群折合 {num(h100_equivalents or 0)} 块；{_units(left_out)} {products} 没有算力数字，"
                "与算力表一样不计入）")
    if h100_equivalents is None:
        return "GPU"
    return f"H100 当量（整个机群折合 {num(h100_equivalents)} 块）"


def revenue_title(multiple: float) -> str:
    word = _direction(multiple - 1, up="增长", down="下降", same="持平")
    return (f"出口管制收紧的同时，英伟达数据中心收入{word}到 {multiple:.0f} 倍" if multiple >= 1.5
            else f"出口管制收紧的同时，英伟达数据中心收入{word}")


def revenue_sentence(v: dict) -> str:
    if v["rev_quarters"] < 2:
        return "收入数据只有一个季度，无法计算增长。"
    if v["rev_first"] <= 0 and v["rev_last"] <= 0:
        return f"英伟达数据中心收入在 {v['rev_first_label']} 和 {v['rev_last_label']} 都为零，无法计算增长。"
    text = (f"英伟达数据中心收入从 {v['rev_first_label']} 的 {usd_bn(v['rev_first'])}变为 {v['rev_last_label']} 的 "
            f"{usd_bn(v['rev_last'])}，{change_text(v['rev_first'], v['rev_last'])}")
    if v.get("peak_yoy_label"):
        reported = "（英伟达公布的数字）" if v["peak_yoy_reported"] else ""
        if v["peak_yoy"] > 0:
            text += f"；同比增长最快的是 {v['peak_yoy_label']}，达 {v['peak_yoy']:.0%}{reported}"
        elif v["peak_yoy"] < 0:
            text += f"；凡有上年同期可比的季度，收入都同比下降，降幅最小的是 {v['peak_yoy_label']}，为 {-v['peak_yoy']:.0%}{reported}"
        else:
            text += f"；没有哪个季度同比增长（最好的 {v['peak_yoy_label']} 持平）"
    return text + "。"


def annual_sentence(v: dict) -> str:
    if not v.get("annual_label"):
        return ""
    text = f"英伟达公布的 {v['annual_label']} 全年数字为 {usd_bn(v['annual_usd_bn'])}"
    growth = v.get("annual_growth")
    if growth is not None:
        text += (f"，比上一年增长 {growth:.0%}" if growth > 0 else f"，比上一年减少 {-growth:.0%}" if growth < 0
                 else "，与上一年持平")
    if v.get("annual_quarter_sum") is not None and abs(v["annual_quarter_sum"] - v["annual_usd_bn"]) >= 0.05:
        text += f"（四舍五入后的四个季度相加为 {usd_bn(v['annual_quarter_sum'])}；本章采用全年数字）"
    return text + "。"


def text_no_article_year() -> str:
    return "数据中没有来自文章的论断行，因此不知道文章说的是哪一年。"


def text_no_claim() -> str:
    return "出货估计中没有可供检验的文章总数。"


def text_c03_no_china() -> str:
    return "买家数据中没有中国买家，因此无法检验在中国是谁掌控了算力的获取。"


def text_c03_no_scarcity() -> str:
    return "数据中既没有同一产品在中国和美国的价格，也没有交货周期，因此无法检验算力是否稀缺。"


def text_c03_no_overlap(evidence_years: tuple[int, ...], buyer_years: list[int]) -> str:
    return (f"稀缺的证据出自 {years_text(evidence_years)}，而买家名单是 {years_text(buyer_years)}的："
            "没有哪一年两者都有，因此论断的两部分无法放在一起检验。")


def text_premium(item: str, premium: float, china_usd: float, us_usd: float) -> str:
    side = "高" if premium >= 0 else "低"
    return (f"{display(item)}在中国的价格比美国{side} {pct(abs(premium))}"
            f"（{num(china_usd)} 美元对 {num(us_usd)} 美元）")


def text_c03_figure(gate: tuple[tuple[int, float], ...]) -> str:
    return "；".join(f"{year} 年中国买家名下 GPU 的 {pct(share)} 归云厂商" for year, share in gate)


def text_c03_reason(premium_text: str, lead_weeks: float | None, premium_min: float, lead_min: float,
                    scarce: bool, gate: tuple[tuple[int, float], ...]) -> str:
    signs = [t for t in (premium_text, f"交货周期长达 {lead_weeks:.0f} 周" if lead_weeks else "") if t]
    per_year = "，".join(f"{year} 年买下{_share_word(share)}（{pct(share)}）" for year, share in gate)
    return (f"稀缺：{'；'.join(signs)}（本章把 {pct(premium_min)} 的溢价或 {lead_min:.0f} 周的交货周期视为稀缺），"
            f"因此算力{'确实稀缺' if scarce else '未被证明稀缺'}。把关：在估计列出的中国买家所购 GPU 中，云厂商{per_year}。")


def text_c04_no_year(year: int) -> str:
    return f"文章的总数是 {year} 年的，而买家数据中没有 {year} 年的记录。"


def text_c04_none_named(year: int) -> str:
    return f"{year} 年的数据中没有任何买家被标为文章点名的买家，因此无法把各部分加总。"


def text_c04_figure(c: ClaimCheck) -> str:
    return f"点名买家合计 {_units(c.named_units)}，文章总数 {_units(c.claim_units)}"


def text_c04_exceeds(c: ClaimCheck) -> str:
    span = (f"与之同量的那个估计覆盖 {c.best.days} 天、{_products(c.best.products)}" if c.best
            else "数据中没有覆盖相同产品的估计")
    return (f"仅文章点名的买家就合计 {_units(c.named_units)} {_products(c.named_products)}，"
            f"超过了文章所说的全年总数 {_units(c.claim_units)}；{span}。")


def text_c04_within(c: ClaimCheck) -> str:
    return f"文章点名的买家合计 {_units(c.named_units)}，在所说的总数 {_units(c.claim_units)} 之内。"


def text_rank_item(r: tuple) -> str:
    year, kind, reserve, ties, rank, of = r  # noqa: F841 (as in English)
    if kind == "absent":
        return f"到 {year} 年未上榜"
    if kind == "unknown":
        return f"到 {year} 年无法按算力计算（有所列产品没有算力数字）"
    if kind == "first":
        return f"{year} 年以 {num(reserve)} 个 H100 当量居首"
    if kind == "tied" and len(ties) == of - 1:
        return f"{year} 年与所列其他所有中国买家（{names(list(ties))}）持平，各 {num(reserve)} 个 H100 当量"
    if kind == "tied":
        return f"{year} 年与{names(list(ties))}并列第一，各 {num(reserve)} 个 H100 当量"
    if ties:
        return f"{year} 年与{names(list(ties))}以 {num(reserve)} 个 H100 当量在 {of} 家中并列第 {rank}"
    return f"{year} 年以 {num(reserve)} 个 H100 当量在 {of} 家中排第 {rank}"


def text_rank_figure(listed: list[tuple], prefix: str = "") -> str:
    lead = name(prefix.strip()) if prefix.strip() else ""
    return "；".join(lead + text_rank_item(r) for r in listed)


def text_rank_missing(buyer: str, ranks: list[tuple], any_china: bool) -> str:
    if not any_china:
        return "买家数据中没有中国买家，因此无法读出在中国买家中的排名。"
    if not ranks:
        return "买家数据中每一年的中国买家都少于两个，因此无法读出排名。"
    if all(r[1] == "unknown" for r in ranks):
        return "中国买家所购的某种产品在加速器表中没有算力数字，因此无法按算力计算并比较它们的储备。"
    return f"买家数据中的中国买家里没有{name(buyer)}，因此无法读出它的排名。"


def text_c05_reason(ranks: list[tuple], listed: list[tuple], firsts: list[tuple], speedup: float | None) -> str:
    claim = (f"所称集群提速 {speedup:g} 倍是厂商自己对比一个未具名的上一代得出的数字，无法检验，也不算作反对论断的证据"
             if speedup else "数据中没有所称的集群提速")
    per_year = "；".join(text_rank_item(r) for r in ranks)
    return f"按储备计（{RESERVE_NOTE}），在中国买家中，腾讯{per_year}。{text_c05_verdict(listed, firsts)}；{claim}。"


def text_c09_reason(ranks: list[tuple], first: bool) -> str:
    jointly = "（有并列时为并列）" if first and any(r[1] == "tied" for r in ranks) else ""
    return (f"按储备计（{RESERVE_NOTE}），在中国买家中，阿里巴巴{'；'.join(text_rank_item(r) for r in ranks)}，因此数据"
            f"{'显示' if first else '并不显示'}它拥有最大的储备{jointly}；它后来的降价确有其事（见价格战一章），"
            "而 A800/H800 的持有量并未公开。")


def text_c06_no_china(year: int) -> str:
    return f"论断说的是 {year} 年，而买家数据中这一年没有中国买家。"


def text_c06_no_rules() -> str:
    return "事件数据中既没有出口管制规则，也没有出口版产品。"


def text_c06_part_a(licensed_from: pd.Timestamp, variants: list[str], on_sale_from: pd.Timestamp,
                    relicensed: pd.Timestamp | None) -> str:
    text = (f"原版产品自 {day(licensed_from)}起需要许可证，出口版（{names(variants)}）从 {month(on_sale_from)}开始销售")
    return text + (f"，而出口版本身自 {day(relicensed)}起也需要许可证" if relicensed is not None else "")


def text_c06_no_part_a(year: int) -> str:
    return f"事件数据显示，{year} 年之前没有许可证规则，或到该年年底没有出口版在售"


def text_c06_figure(held: int, undecided: int, year: int) -> str:
    return f"{year} 年三部分中有 {held} 部分成立" + (f"，{undecided} 部分这些数据无法判定" if undecided else "")


def text_c06_reason(year: int, a_text: str, china_units: int, per_unit: float | None, part_b: bool | None,
                    deployed: tuple[Milestone, ...], largest: Milestone | None, scale: float | None, bar: float,
                    part_c: bool | None) -> str:
    b_text = (f"中国买家名下有 {_units(china_units)} GPU，按稠密算力每块相当于 {per_unit:.2f} 块 H100，"
              f"{'因此确实拿到了高端算力' if part_b else '算不上高端算力'}" if per_unit is not None else
              f"中国买家名下有 {_units(china_units)} GPU，但加速器表给不出它们的算力，因此无法判断是否拿到了高端算力")
    if not deployed:
        c_text = f"到 {year} 年底没有任何有芯片数量的国产部署，因此无法判断自研芯片是否已形成规模"
    elif largest is None or scale is None:
        unknown = [m for m in deployed if m.h100_eq is None]
        listed = _join([f"{_units(m.chips, '颗')} {m.products}（{month(m.date)}）" for m in unknown])
        c_text = (f"到 {year} 年底有日期可查的国产部署包括{listed}，加速器表中没有它们的稠密算力数字，"
                  "因此无法按算力判断自研芯片是否已形成规模（芯片数量不等于算力）")
    else:
        c_text = (f"到 {year} 年底有日期可查的最大一次国产芯片部署是 {_units(largest.chips, '颗')} {largest.products}"
                  f"（{month(largest.date)}），折合 {num(largest.h100_eq)} 个 H100 当量，相当于中国买家英伟达算力的 "
                  f"{pct(scale)}，{'低于' if part_c else '达到或超过'}本章视为形成规模的 {pct(bar)}，"
                  f"因此自研芯片{'尚未' if part_c else '已经'}形成规模")
    return f"{year} 年，{a_text}；{b_text}；{c_text}。"


def text_c07_reason() -> str:
    return "哪家中国买家最先拿到 A800 只是传闻；公开的只有 2020 年飞桨硬件生态的启动，而它与 GPU 供货优先权无关。"


def text_c07_figure() -> str:
    return "没有公开的分配数据"


def text_c08_no_year(year: int | None) -> str:
    return "买家数据中没有文章第一阶段的记录" + (f"（{year} 年）。" if year is not None else "。")


def text_c08_figure(bill_bn: float | None, year: int) -> str:
    if bill_bn is None:
        return f"{year} 年名单上没有任何采购"
    return f"无法检验因果；{year} 年最小一笔所列采购约 {usd_bn(bill_bn, 2)}"


def text_c08_reason(s: YearSummary, buyer: str | None, units: int, bill_bn: float, price: float) -> str:
    shown = round(s.hhi)
    relation = "高于" if shown > 2500 else "等于" if shown == 2500 else "低于"
    concentration = (f"最大的两个买家占 {pct(s.top2_share)}，是名单所列数量的{_share_word(s.top2_share)}（HHI 为 "
                     f"{num(s.hhi)}，{relation}通常视为高度集中的 2,500）" if s.buyers > 1 and s.units else
                     "名单上只有一个买家" if s.units else "名单上没有任何数量")
    bill = (f"名单上最小的一笔采购，即{name(buyer)}的 {_units(units)} GPU，按每块 {num(price)} 美元的低价计算约 "
            f"{usd_bn(bill_bn, 2)}" if buyer else "名单上没有任何买家买过 GPU")
    return ("资本决定了胜负，这是一个因果论断，没有公开数据能够检验：最大买家的名单只显示各家买了多少，不显示是什么决定了结局，"
            f"要检验它需要把各买家的资本与胜负对照。作为背景，{s.year} 年{bill}；{concentration}。")


def text_c10_missing() -> str:
    return "要比较前后，事件数据需要一条出口管制规则，并在规则前后等长、至少一个季度的窗口中各有国产芯片里程碑。"


def text_c10_figure(c: Cadence) -> str:
    return f"节奏 ×{c.ratio:.2f}" + (f"，规模 ×{c.scale:.1f}" if c.scale is not None else "")


def text_c10_body(c: Cadence) -> str:
    change = round(c.ratio - 1, 2)
    text = (f"在第一条出口管制规则（{day(c.rule_date)}）前后各 {c.years_before:.1f} 年的等长窗口中（共从 {month(c.start)}"
            f"到 {month(c.end)}；窗口长度取记录较短的一侧，落在窗口边界上的里程碑计入），数据中规则之前有 {len(c.before)} 个"
            f"国产芯片里程碑，之后有 {len(c.after)} 个：节奏"
            + (f"{_direction(change, '加快', '放慢')}，为此前的 {c.ratio:.2f} 倍；" if change
               else f"没有变化（为此前的 {c.ratio:.2f} 倍）；"))
    big_before, big_after = c.largest(c.before), c.largest(c.after)
    if c.scale is None:
        unknown = [m for m in c.counted(c.before) + c.counted(c.after) if m.h100_eq is None]
        if unknown:
            return text + (f"加速器表中没有{_join(sorted({m.products for m in unknown}))}的稠密算力数字，因此无法按算力"
                           "比较规模（芯片数量不等于算力）。")
        return text + "规则前后没有都带芯片数量的里程碑，因此无法比较规模。"
    return text + (f"最大一次部署从 {num(big_before.h100_eq)} 个 H100 当量（{_units(big_before.chips, '颗')} "
                   f"{big_before.products}，{month(big_before.date)}）"
                   f"{_direction(round(c.scale - 1, 1), '增至', '减至', '保持为')} {num(big_after.h100_eq)} 个"
                   f"（{_units(big_after.chips, '颗')} {big_after.products}，{month(big_after.date)}），"
                   f"为此前的 {c.scale:.1f} 倍。")


def text_c10_reason(c: Cadence, bar: float) -> str:
    return (f"{c.body}本章把 {bar:.2f} 倍视为加速。这些里程碑只是本项目能找到出处的那些，数量的口径也不一"
            "（部署、订购、单个集群），而且仅凭日期无法证明是供应担忧促成了投资。")


def tie_sentence(s: YearSummary) -> str:
    if not s.top_tie or s.ranked[0][1] == s.ranked[1][1]:
        return ""
    return f"{s.year} 年{names(list(s.top_tie))}买的与{name(s.ranked[1][0])}一样多。"


def buyers_title(first: YearSummary, last: YearSummary) -> str:
    if not last.units:
        return f"{last.year} 年的名单列出了买家，却没有数量"
    if first.year != last.year and last.buyers > 1 and first.buyers > 1 and first.units:
        return (f"两个买家拿下 {last.year} 年所列 GPU 的 {pct(last.top2_share)}，{first.year} 年为 "
                f"{pct(first.top2_share)}")
    return f"{last.year} 年最大的买家：{names(_top(last))}，占所列 GPU 的 {pct(last.top2_share)}"


def lists_sentence(first: YearSummary, last: YearSummary, families: frozenset[str]) -> str:
    def what(y: YearSummary) -> str:
        return _join([p + ("（整个芯片系列）" if p in families else "") for p in y.product.split(", ")])
    tail = "每份名单只列出最大的买家，因此这些份额是名单所列数量中的份额，而非英伟达全部出货量中的份额。"
    if first.year == last.year:
        return f"{last.year} 年的名单统计的是 {what(last)}。{tail}"
    if first.product == last.product:
        return f"每一年的名单统计的都是 {what(last)}。{tail}"
    return f"两年的名单并不同口径：{first.year} 年统计的是 {what(first)}，{last.year} 年是 {what(last)}。{tail}"


def compute_title(known: list[dict], any_china: bool) -> str:
    if not any_china:
        return "名单上没有中国买家，因此没有中国份额可算"
    if not known:
        return "按算力计，中国买家的份额未知：有所列产品没有算力数字"
    return (f"按算力计，中国买家 {known[-1]['year']} 年的份额为 {pct(known[-1]['compute_share'])}，"
            f"按 GPU 数量计则为 {pct(known[-1]['unit_share'])}")


def domestic_span_sentence(domestic: tuple[Milestone, ...]) -> str:
    if not domestic:
        return "事件数据中没有国产芯片里程碑。"
    first, last = min(m.date for m in domestic), max(m.date for m in domestic)
    span = f"从 {first.year} 年到 {last.year} 年" if first.year != last.year else f"都在 {first.year} 年"
    return f"这些里程碑是本项目能找到出处的那些，{span}。"


def change_text(first: float, last: float) -> str:
    if first <= 0:
        return "从零起步" if last > 0 else "两个季度都为零"
    if last >= first:
        return f"是原来的 {last / first:.1f} 倍"
    return f"减少了 {1 - last / first:.0%}"


def text_c03_classification(by_company: tuple[str, ...], typed: tuple[tuple[int, float], ...]) -> str:
    per_year = "，".join(f"{year} 年为 {pct(share)}" for year, share in typed)
    return (f"这里把{names(list(by_company))}算作云厂商，因为市场份额数据列出了它经营的公有云，与价格战一章的算法一致；"
            f"如果只算买家数据中被归为云厂商的买家，份额将是：{per_year}。")


RESERVE_NOTE = "储备即每个买家到当年为止所列采购的累计数，按 H100 当量计；名单只列出最大的买家，因此储备只计入买家上榜的年份"


def text_c05_verdict(listed: list[tuple], firsts: list[tuple]) -> str:
    tied = [f"{r[0]} 年" for r in listed if r[1] == "tied" and len(r[3]) < r[5] - 1]
    level = [f"{r[0]} 年" for r in listed if r[1] == "tied" and len(r[3]) == r[5] - 1]
    if len(listed) == 1:
        fit = "与文章相符" if firsts else "只部分与文章相符（并列）" if tied else "与文章不符"
        return f"数据只能在一年（{listed[0][0]} 年）比较储备，这一年{fit}"
    if len(firsts) == len(listed):
        return "腾讯每一年都排第一"
    if firsts or tied:
        nots = [f"{r[0]} 年" for r in listed if r not in firsts and f"{r[0]} 年" not in tied]
        parts = [f"{_join([f'{r[0]} 年' for r in firsts])}第一" if firsts else "",
                 f"{_join(tied)}并列第一" if tied else "", f"{_join(nots)}没有领先其他买家" if nots else ""]
        return "排名取决于年份：" + "，".join(p for p in parts if p)
    return "数据从未让腾讯领先其他所有中国买家" + (f"（{_join(level)}与它们全部持平）" if level else "")


def text_c06_no_export_versions(year: int) -> str:
    return f"事件数据中根本没有出口版产品，因此无法判断 {year} 年是否只能买到出口版"


# --- Evidence in Chinese, keyed as the English --------------------------------------------------------------
# The English `prepare` writes a few sentences into the evidence (why a rule cannot decide, the price premium, the
# export rules, the domestic cadence, China's evidence from the China-chain chapter). The Chinese evidence is the English one with those sentences made again
# in Chinese; it keeps the English evidence as its neutral form, so the robustness sweeps (which depend only on
# the numbers) are shared with the English run of the chapter (aicloud.sweep_cache).

_english_prepare = _english.prepare


def prepare(tables: Any) -> Any:
    from aicloud import i18n

    with i18n.language("en"):
        english = _english_prepare(tables)
    years = tuple(replace(y, top_names=names([b for b, _ in y.ranked[:2]])) for y in english.years)
    article = next((s for s in years if s.year == english.article_year), None)
    chinese = replace(english, years=years, c03=_english._c03_facts(years, english.scarcity),
                      c06=_english._c06_facts(english.article_year, article, english.supply, english.compute),
                      cadence=_english._cadence(english.supply),
                      china=_english.cc.owner_evidence(tables, _english.CHINA_CLAIMS, _english.CHINA_MODEL_CLAIMS))
    object.__setattr__(chinese, i18n.NEUTRAL, english)
    return chinese
