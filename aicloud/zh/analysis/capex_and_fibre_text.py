"""Chinese counterpart of `aicloud.analysis.capex_and_fibre_text`: the capex and fibre chapter's sentences.
Dollar billions are written in 亿美元 (1 bn = 10 亿), RMB billions in 亿元; the values are the English ones."""

from __future__ import annotations

import math
from collections.abc import Sequence

from aicloud.i18n import display, name, usd_bn

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


def range_text(low: float, high: float) -> str:
    a, b = years_text(low), years_text(high)
    return a if a == b else f"{a} 至 {b}"


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


def spending_paragraph(*, n_us: int, us_names: Sequence[str], latest_year: int | None, us_total: float,
                       us_total_low: float, mixed: Sequence[str], growth_names: Sequence[str], first_year: int,
                       growth_multiple: float | None, nv_label: str | None, nv_usd: float | None,
                       missing: Sequence[str], late: bool = False) -> str:
    if latest_year is None or n_us == 0:
        return "数据中没有任何美国公司整整一年的资本开支，因此无法给出美国的总数；图中显示的是数据所有的内容。"
    basis = f"口径不一：{'；'.join(_d(m) for m in mixed)}" if mixed else "均为日历年"
    basis = ("发表于文章之后；" if late else "") + basis
    out = [f"按各自的主要口径，{n_us} 家美国公司（{names(us_names)}）在 {latest_year} 年的资本开支约为 "
           f"{usd_bn(us_total, 0)}（{basis}）。"]
    if abs(us_total_low - us_total) > 0.005:
        out.append(f"如果改取每家公司公布的最低口径，则为 {usd_bn(us_total_low, 0)}；两个数字都成立，因为它们计算的东西不同。")
    else:
        out.append("没有哪家公司在这一年公布更低的口径。")
    if growth_multiple is not None and growth_names:
        out.append(f"同样有 {first_year} 年数字的公司（{names(growth_names)}），{latest_year} 年的开支{times(growth_multiple)}。")
    if nv_label is not None and nv_usd is not None:
        out.append(f"英伟达 {nv_label} 的数据中心收入为 {usd_bn(nv_usd, 1)}。")
    out.append("没有核实数字的公司年份留空，不作估计：" + ("、".join(_d(m) for m in missing) if missing else "无") + "。")
    return "".join(out)


def spend_chart_title(n_us: int, us_total: float, latest_year: int | None, late: bool = False) -> str:
    if latest_year is None or n_us == 0:
        return "各公司公布的资本开支"
    return (f"{latest_year} 年，{n_us} 家美国公司的资本开支达到 {usd_bn(us_total, 0)}"
            + ("（发表于文章之后）" if late else ""))


def pledge_paragraph(*, company: str | None, amount: float, currency: str, years: float, date: str,
                     usd: float, claim_amount: float | None, pace: float | None, pace_usd: float | None,
                     actual: tuple[str, str, float, float] | None, later: Sequence[str],
                     peer: tuple[str, str, str, float, float | None] | None, dept: tuple[str, str] | None,
                     department_actor: str) -> str:
    if company is None:
        return "支出数据中没有投资承诺，因此无法用本数据核对论断的前半部分。" + _dept_sentence(dept, department_actor)
    span = period_span(years)
    if claim_amount is None:
        versus = "文章没有给出可以对照的数字"
    elif math.isclose(amount, claim_amount, rel_tol=1e-9):
        versus = f"与文章给出的数字（{_money(currency, claim_amount)}）一致"
    else:
        versus = f"{'多于' if amount > claim_amount else '少于'}文章给出的数字（{_money(currency, claim_amount)}）"
    out = [f"{name(company)}于 {display(date)}承诺在 {span}内投入超过 {_money(currency, amount)}"
           f"（按假设汇率约合 {usd_bn(usd, 0)}），{versus}。"]
    if pace is not None and pace_usd is not None:
        out.append(f"平均摊开，每年为 {_money(currency, pace, 1)}（{usd_bn(pace_usd, 1)}）。")
    if actual is not None and pace is not None:
        measure, period, value, ratio = actual
        out.append(f"该公司公布的{_d(measure)}在 {display(period)}约为 {_money(currency, value)}，相当于这一节奏的 {ratio:.0%}。")
    out.append("数据中此后的表态：" + ("；".join(_d(x) for x in later) if later else "无") + "。")
    if peer is not None:
        actor, period, cur, value, ratio = peer
        share = f"，相当于该承诺年均节奏的 {ratio:.0%}" if ratio is not None else ""
        out.append(f"作为参照，{name(actor)}在 {display(period)}的资本开支为 {_money(cur, value, 1)}{share}。")
    return "".join(out) + _dept_sentence(dept, department_actor)


def _dept_sentence(dept: tuple[str, str] | None, actor: str) -> str:
    if dept is None:
        return f"时间线数据中没有{name(actor)}的组织调整，因此这里不检验论断的后半部分。"
    return f"论断的后半部分是时间线数据中的一个事件：{_d(dept[0])}（{display(dept[1])}）。"


ATTRIBUTES = {"_dept_sentence": _dept_sentence}

C36_NO_PLEDGE_FIGURE = "数据中没有可对照的投资承诺"


def dept_suffix(actor: str, date: str) -> str:
    return f"；{name(actor)}新部门的成立日期为 {display(date)}"


def c36_figure(currency: str, amount: float, years: float) -> str:
    return f"{period_span(years)}内 {_money(currency, amount)}"


C36_NO_PLEDGE = "支出数据中没有投资承诺，或没有可与之对照的文章数字，因此无法用本数据核对这一承诺{dept}。"


def c36_reason(*, company: str, currency: str, amount: float, years: float, date: str, claim_amount: float,
               amount_ok: bool, actor: str, dept_date: str | None) -> str:
    span = period_span(years)
    pledge = (f"{name(company)}于 {display(date)}承诺在 {span}内投入超过 {_money(currency, amount)}"
              + ("" if amount_ok else f"，少于文章所说的 {_money(currency, claim_amount)}"))
    dept = (f"{name(actor)}新部门的成立日期为 {display(dept_date)}" if dept_date
            else f"数据中没有{name(actor)}的组织调整，因此这一半在这里不作检验")
    return f"{pledge}；{dept}。"


def rejected_reason(essay_id: str, *, missing: Sequence[str], share: float | None, margin: float | None) -> str:
    if missing:
        return f"文章 {essay_id} 缺少{names(missing)}"
    if margin is not None and margin == 1:
        return f"文章 {essay_id} 给出的终端用户毛利率为 100%，而这一方法要除以一减去毛利率，此时除数为零"
    if margin is not None and not 0 <= margin < 1:
        return f"文章 {essay_id} 给出的终端用户毛利率为 {margin:.0%}，不在 0% 至 100%（不含）之间"
    return f"文章 {essay_id} 给出的 GPU 成本占比为 {share or 0:.0%}，不在 0%（不含）至 100% 之间"


def sequoia_intro(n: int, author: str, gpu_share: float | None, margin: float | None,
                  rejected: Sequence[str] = ()) -> str:
    if rejected and (n == 0 or gpu_share is None or margin is None):
        return ("无法用这些数据重建红杉的方法（英伟达数据中心收入的年化值，除以 GPU 在数据中心成本中的占比，再除以一减去"
                "终端用户的毛利率）：" + "；".join(rejected) + "。")
    if n == 0 or gpu_share is None or margin is None:
        return ("数据中没有哪篇文章具备红杉方法的全部输入（英伟达数据中心收入的年化值、GPU 在数据中心成本中的占比、"
                "终端用户的毛利率），因此这里不重建这一计算。")
    essays = "一篇文章" if n == 1 else f"{n} 篇文章"
    return (f"{name(author)}在{essays}中问：AI 要赚多少收入，才能为正在采购的 GPU 买单？方法是：取英伟达数据中心收入的年化值，"
            f"除以 GPU 在数据中心成本中的占比（{gpu_share:.0%}；能源、建筑等占其余部分），再除以一减去终端用户的毛利率"
            f"（{margin:.0%}），使终端用户保住这一毛利。")


def sequoia_paragraph(essays: Sequence[dict], update: dict | None, ai_revenue: float,
                      has_quarter: bool = True) -> str:
    out = []
    if essays:
        checked = [e["matches"] for e in essays if e["matches"] is not None]
        n = len(essays)
        if n == 1:
            agree = ("与文中所说的一致" if checked and checked[0] else "与文中所说的不一致" if checked
                     else "无法与文中所说的核对（文中没有给出数字）")
        else:
            agree = ("与文中所说的全都一致" if checked and all(checked) else "与文中所说的并不全都一致" if checked
                     else "无法与文中所说的核对（文中没有给出数字）")
        parts = []
        for e in essays:
            lead = f"年化收入 {usd_bn(e['run_rate'], 0)}"
            parts.append(f"{lead}需要 {usd_bn(e['needed'], 0)}的收入（{display(e['date'])}）")
        subject = "这篇文章的核心数字" if n == 1 else f"这 {n} 篇文章的核心数字"
        out.append(f"用它们的输入重新计算，{subject}{agree}：" + "，".join(parts) + "。")
        revenue = []
        for i, e in enumerate(essays):
            who = ("这篇文章" if n == 1 else "第一篇文章") if i == 0 else f"{ordinal(i)}篇"
            if e["revenue"] is None:
                revenue.append(f"{who}没有给出收入")
                continue
            text = f"{who}所说约 {usd_bn(e['revenue'], 0)}的收入{_d(e['revenue_is'])}"
            if i == n - 1 and e["gap"] is not None:
                text += f"，留下 {usd_bn(abs(e['gap']), 0)}的{'缺口' if e['gap'] >= 0 else '盈余'}"
            revenue.append(text)
        out.append("；".join(revenue) + "。")
    if update is not None:
        text = (f"英伟达 {update['q_label']} 的数据中心收入为 {usd_bn(update['q_revenue'], 1)}，年化为 "
                f"{usd_bn(update['run_rate'], 1)}；用同样的方法，每年需要 {usd_bn(update['needed'], 0)}的 AI 收入")
        if update["vs_last"] is not None:
            last = "该文" if len(essays) == 1 else f"{ordinal(len(essays) - 1)}篇文章"
            text += f"，是{last}数字的 {update['vs_last']:.1f} 倍"
        out.append(text + "。")
        if update["coverage"] is not None:
            gap = update["gap"]
            out.append(f"对照假设的 AI 收入 {usd_bn(ai_revenue, 0)}，"
                       + (f"缺口为 {usd_bn(gap, 0)}" if gap >= 0 else f"盈余为 {usd_bn(-gap, 0)}")
                       + f"，收入只覆盖所需的 {update['coverage']:.0%}。")
    elif has_quarter:
        out.append("更新需要一篇输入可用的文章所给的比例，而这些数据中没有，因此英伟达最近一个季度没有折算成所需收入。")
    else:
        out.append("数据中没有可用来更新这一计算的英伟达季度数据。")
    return "".join(out)


def sequoia_title(update: dict | None, last_needed: float | None) -> str:
    if update is None:
        return "红杉提出的收入之问（按文章原样）"
    text = f"按英伟达 {update['q_label']} 的年化收入，AI 每年需要约 {usd_bn(update['needed'], 0)}的收入"
    if update["vs_last"] is not None and last_needed:
        text += f"，是红杉最近一次数字的 {update['vs_last']:.1f} 倍"
    return text


def exercise_sequoia(author: str, update: dict | None, ai_revenue: float) -> str:
    if update is None:
        return ("用你能找到的英伟达最近一个季度的数据中心收入，重建红杉的算术（本次运行所给的数据中没有季度数据或文章输入）："
                "(a) 把它折算成年化值。(b) 除以 GPU 在数据中心总成本中的占比，再除以一减去终端用户的毛利率。"
                f"(c) 把你的答案与假设的 AI 收入 {usd_bn(ai_revenue, 0)}作比较。")
    return (f"用最近一个季度 {update['q_label']} 的数字重建{name(author)}的算术：英伟达数据中心收入每季度 "
            f"{usd_bn(update['q_revenue'], 1)}。(a) 把它折算成年化值。(b) 除以 GPU 在数据中心总成本中的占比"
            f"（{update['gpu_share']:.0%}），再除以一减去终端用户的毛利率（{update['margin']:.0%}）。"
            f"(c) 把你的答案与本章的数字、以及假设的 AI 收入 {usd_bn(ai_revenue, 0)}作比较。")


def payback_paragraph(*, ai_revenue: float, margin: dict, growth: dict, central: Sequence[float],
                      high: Sequence[float], low: Sequence[float], n_bases: int, gpu_life: float) -> str:
    if n_bases == 0:
        return ("数据中没有资本基数（没有具备红杉输入的英伟达季度数据，没有美国资本开支，也没有 AI 资本开支的估计），"
                "因此不计算回收期。")
    finite_low = [v for v in low if math.isfinite(v)]
    low_text = (f"悲观情形最长需要 {years_text(max(low))} 年" if len(finite_low) == len(low)
                else "悲观情形" + ("永远收不回" if not finite_low else "对其中一些基数永远收不回"))
    finite_central = [v for v in central if math.isfinite(v)]
    span = (f"需要 {range_text(min(central), max(central))} 年（{n_bases} 个资本基数）"
            if n_bases > 1 and len(finite_central) == len(central) else f"需要 {years_text(central[0])} 年")
    if not finite_central:
        span = "在任何基数上都永远收不回"
    elif len(finite_central) < len(central):
        span = f"在一些资本基数上至少需要 {years_text(min(finite_central))} 年，在其余基数上永远收不回"
    high_text = (f"至少需要 {years_text(min(high))} 年" if any(math.isfinite(v) for v in high) else "永远收不回")
    return (f"假设 AI 收入从每年 {usd_bn(ai_revenue, 0)}起步，中性情形（毛利率 {margin['central']:.0%}，"
            f"每年增长 {growth['central']:.0%}）收回一年的开支{span}；乐观情形（毛利率 {margin['high']:.0%}，"
            f"增长 {growth['high']:.0%}）{high_text}，{low_text}。假设 GPU 服务器的寿命为 "
            f"{gpu_life:.0f} 年：在此之后才收回的开支，在收回之前就得再花一次。")


def steady_paragraph(*, base_label: str | None, yearly: float, life: float, installed: float, gross: float,
                     margin: float, covers: float, revenue_needed: float, ai_revenue: float) -> str:
    if base_label is None:
        return "数据中没有资本基数，无法计算稳态。"
    short = "不足以覆盖" if gross < yearly else "足以覆盖"
    return (f"把成本摊到服务器的寿命上，并不会在建设放缓后让每年的账单变小。假如开支保持在{_d(base_label)}的节奏"
            f"（每年 {usd_bn(yearly, 0)}），持续一个完整的资产寿命 {life:.0f} 年，那么在役资产中就有 {usd_bn(installed, 0)}"
            f"的采购，其中每年有一年的量，即 {usd_bn(yearly, 0)}，被折旧掉。按中性毛利率（{margin:.0%}），"
            f"{usd_bn(ai_revenue, 0)}的 AI 收入每年带来 {usd_bn(gross, 0)}毛利，{short}这笔折旧（相当于其 {covers:.0%}）；"
            f"要覆盖它，AI 收入每年需要约 {usd_bn(revenue_needed, 0)}。这一基数只含资本：能源等运营成本不在其中，"
            "因为毛利率已经把它们从收入中扣除。")


def payback_title(central_first: float | None) -> str:
    if central_first is None:
        return "AI 收入多快能收回资本：模型"
    if not math.isfinite(central_first):
        return "在中性情形下，一年的开支永远收不回"
    return f"在中性情形下，一年的开支需要 {central_first:.1f} 年才能收回"


def gdp_paragraph(*, n_pairs: int, n_ai_higher: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None, rail_max: float | None, it: tuple | None,
                  own_share: float | None, gdp: float) -> str:
    out = []
    if n_pairs and ai and tel:
        rail = (f"，都远低于铁路建设的峰值（最高 {rail_max:.1f}%）" if rail_max is not None
                and rail_max > max(ai[1], tel[1]) else "")
        out.append(f"同时给出两个数字的 {n_pairs} 位评论者中，有 {n_ai_higher} 位认为 AI 开支达到或超过了电信业的峰值；"
                   f"他们给出的 AI 数字占美国 GDP 的 {ai[0]:.1f}% 至 {ai[1]:.1f}%，电信数字为 {tel[0]:.1f}% 至 "
                   f"{tel[1]:.1f}%{rail}。")
    else:
        out.append("数据中没有哪位评论者同时给出 AI 和电信占 GDP 的比例，因此无法按他们的口径比较两者。")
    if it is not None:
        it_ai, it_ai_period, it_tel, it_tel_period = it
        out.append(f"更宽口径的 IT 设备和软件私人投资，在 {display(str(it_ai_period))}占 GDP 的 {it_ai:.1f}%，"
                   f"而在 {display(str(it_tel_period))}为 {it_tel:.1f}%。")
    if own_share is not None:
        out.append(f"本章自己的交叉核对，把美国公司的资本开支除以假设的美国 GDP {usd_bn(gdp, 0)}（GDP 不在事实数据中，"
                   f"因此作为参数）：{own_share:.1%}；这是 AI 的上限，因为这些资本开支覆盖全球，也并非都用于 AI。")
    return "".join(out)


def gdp_title(n_pairs: int, n_ai_higher: int) -> str:
    if n_pairs == 0:
        return "没有评论者同时给出 AI 和电信占 GDP 的比例"
    return f"{n_pairs} 位评论者中有 {n_ai_higher} 位认为，AI 开支占 GDP 的比例达到或超过电信业的峰值"


def revenue_paragraph(*, ratio: dict | None, est: tuple[int, float, float] | None,
                      update_coverage: float | None, share_rev: tuple[str, float, str] | None) -> str:
    out = []
    if ratio is not None:
        r = ratio
        out.append(f"在资本开支与收入之比上，唯一可比的数字来自同一个来源（{name(r['publisher'])}），且属于"
                   f"{CONFIDENCE.get(r['confidence'], r['confidence'])}：电信约为收入的 {r['telecom']:.0f} 倍"
                   f"（{display(r['tel_period'])}），AI 为 {r['ai']:.0f} 倍（{display(r['ai_period'])}）。")
    else:
        out.append("数据中没有两次建设浪潮可比的资本开支与收入之比。")
    if est is not None:
        year, capex_bn, revenue_bn = est
        lead = "一位评论者自己给出的" if ratio is not None else "一位评论者给出的"
        out.append(f"{lead} {year} 年数字呈现{'相似的' if ratio is not None else '一种'}图景：约 {usd_bn(capex_bn, 0)}的 "
                   f"AI 资本开支，对应 {usd_bn(revenue_bn, 0)}的生成式 AI 收入，是后者的 {capex_bn / revenue_bn:.1f} 倍"
                   + (f"；上文对红杉计算的更新也发现，收入只覆盖所需的 {update_coverage:.0%}。"
                      if update_coverage is not None else "。"))
    if share_rev is not None:
        subject, value, period = share_rev
        out.append(f"对单个公司而言，分母就在数据中：{_d(subject)}在 {display(period)}占其收入的 {value:.0f}%。"
                   "其他公司的收入不在事实数据中，因此它们的资本开支与收入之比略去不算，而不是猜测。")
    return "".join(out)


def share_of(what: str) -> str:
    return "没有说明是什么的比例" if what == "unclear" else f"是{_d(what)}的比例"


_QUALIFIER = {"about": "约", "more than": "超过", "up to": "多达", "at least": "至少", "at most": "至多",
              "exactly": "恰好"}


def china_use_sentence(china: dict | None) -> str:
    if china is None:
        return "AI 方面，数据中没有闲置产能的数字，也没有哪家服务商公布其整个机群的利用率，因此这项比较略去不做，而不是填上一个猜测。"
    projects = ""
    if china.get("announced") is not None and china.get("completed") is not None:
        projects = (f"（{display(china['announced_period'])}宣布的项目不少于 {china['announced']:,.0f} 个，到 "
                    f"{display(china['completed_period'])}建成的不少于 {china['completed']:,.0f} 个）")
    return (f"AI 方面，数据中唯一的数字来自中国：据{name(china['publisher'])}，{display(china['period'])}新建算力资源中"
            f"{_QUALIFIER.get(china['qualifier'], china['qualifier'])} {china['share']:.0%} 据报道处于闲置{projects}。"
            "这是单一的报道估计，不是利用率统计；也没有哪家服务商公布其整个机群的利用率，因此它显示的是中国新建算力的过剩，"
            "而不是全世界 AI 算力的使用程度。")


def use_paragraph(*, n: int, low: float, high: float, n_measures: int, low_who: str, low_what: str,
                  china: dict | None = None) -> str:
    if n == 0:
        return "数据中没有光纤使用比例的引用数字。" + china_use_sentence(china)
    span = (f"在用比例从 {low:.1f}% 到 {high:.0f}% 不等，衡量的是 {n_measures} 种不同的东西" if n > 1
            else f"在用比例为 {low:.1f}%")
    subject = f"引用的 {n} 个数字" if n > 1 else "唯一引用的数字"
    lowest = f"；最低的那个（{name(low_who)}）{share_of(low_what)}" if n > 1 else f"（{name(low_who)}），{share_of(low_what)}"
    return f"{subject}{span}{lowest}。" + china_use_sentence(china)


def use_title(n: int, low: float, high: float) -> str:
    if n == 0:
        return "没有光纤使用比例的引用数字"
    if n == 1:
        return f"唯一引用的光纤在用比例为 {low:.1f}%"
    return f"引用的光纤在用比例从 {low:.1f}% 到 {high:.0f}% 不等，因为它们衡量的东西不同"


def prices_paragraph(p: dict) -> str:
    out = []
    if p["bw"] is not None:
        fall, years, period, total = p["bw"]
        out.append(f"过剩体现在价格上：{display(period)}的 {years:g} 年里，带宽价格每年下跌 {fall:.0%}，累计下跌 {total:.0%}")
        if p["lh"] is not None:
            lh_fall, lh_years, lh_yearly = p["lh"]
            out[-1] += f"；长途带宽价格在 {lh_years:g} 年里下跌超过 {lh_fall:.0%}（每年至少 {lh_yearly:.0%}）"
        out[-1] += "。"
    if p["gpu"] is not None:
        gpu_fall, what, period = p["gpu"]
        if gpu_fall > 0:
            pace = ("但更慢" if p["bw"] is not None and gpu_fall < p["bw"][0] else
                    "速度相当或更快" if p["bw"] is not None else None)
            lead = f"GPU 租赁价格也在下跌，{pace}" if pace else "GPU 租赁价格在下跌"
            out.append(f"{lead}（{_d(what)}）：{display(period)}下跌 {gpu_fall:.0%}。")
        else:
            out.append(f"GPU 租赁价格没有下跌（{_d(what)}）：{display(period)}为 {-gpu_fall:+.0%}。")
    if p["bust"] is not None:
        value_lost, n_bankrupt, jobs, debt = p["bust"]
        out.append(f"电信泡沫破裂蒸发了约 {big_usd(value_lost)}市值，造成 {n_bankrupt} 起破产、约 {jobs:,.0f} 个工作岗位流失，"
                   f"而行业债务约为 {big_usd(debt)}" + ("；" if p["biggest"] else "。"))
    if p["biggest"] is not None:
        company, date, assets = p["biggest"]
        lead = "所列最大的一起破产" if p["bust"] is not None else "所列最大的一起电信破产"
        out.append(f"{lead}是{name(company)}（{display(date)}），资产 {usd_bn(assets, 0)}。")
    if p["peak"] is not None:
        out.append(peak_sentence(**p["peak"]))
    out.append("数据中还没有 AI 建设的破产或债务数字，因此这项比较暂时无法进行。")
    return "".join(out)


def extended_note(extended: tuple[int, int, float] | None) -> str:
    if extended is None:
        return ""
    last, n, rate = extended
    return f"（该指数止于 {last} 年；此后的 {n} 年是假设，按物价每年上涨 {rate:.1%} 计算）"


def peak_sentence(*, amount: float, year: int, scope: str, real: float | None, base_year: int | None,
                  index_name: str, ours: float | None, ours_year: int | None, basis_note: str,
                  extended: tuple[int, int, float] | None = None) -> str:
    text = f"电信运营商的资本开支峰值为 {year} 年的 {usd_bn(amount, 0)}（{_d(scope)}）"
    if real is None or base_year is None:
        text += "；价格指数覆盖不到那一年，因此没有折算成今天的美元"
        if ours is not None and amount > 0:
            text += (f"。美国公司 {ours_year} 年的资本开支按名义美元计{times_that(ours / amount)}，"
                     "这会高估它，高估的幅度等于此后的物价涨幅")
        return text + "。"
    text += f"，按{_d(index_name)}折算为 {base_year} 年美元 {usd_bn(real, 0)}{extended_note(extended)}"
    if ours is not None and ours_year is not None and real > 0:
        text += (f"；美国公司 {ours_year} 年按最接近的共同口径（{_d(basis_note)}）计算的资本开支，按同一年的美元"
                 f"{times_that(ours / real)}，不过这些公司的开支覆盖全球，而运营商的数据序列覆盖的是{_d(scope)}")
    return text + "。"


def telecom_title(amount: float | None, year: int | None, real: float | None, base_year: int | None,
                  fell_after: bool) -> str:
    if amount is None or year is None:
        return "数据中没有电信运营商的资本开支"
    text = f"电信运营商的资本开支在 {year} 年达到 {usd_bn(amount, 0)}的峰值"
    if real is not None and base_year is not None and base_year != year:
        text += f"（按 {base_year} 年美元计为 {usd_bn(real, 0)}）"
    return text + ("，随后下降" if fell_after else "")


def analogy_paragraph(*, n_tests: int, holds: Sequence[str], breaks: Sequence[str]) -> str:
    return (f"{n_tests} 项检验中，这个类比在 {len(holds)} 项上成立（{'；'.join(holds) or '无'}），在 {len(breaks)} 项上不成立"
            f"（{'；'.join(breaks) or '无'}）。")


def gpu_after_wait(gpu_life: float, wait: float) -> str:
    left = gpu_life - wait
    if left <= 0:
        return f"在至少 {wait:.0f} 年的等待结束之前就已报废"
    return f"最多只剩 {gpu_life:.0f} 年寿命中的 {left:.0f} 年，等待更久则剩得更少"


def outlast(life: float, wait: float) -> str:
    return "能撑过这段等待" if life > wait else "撑不过这段等待"


def durability_paragraph(*, fibre_life: float, gpu_life: float, building_life: float, lag: dict | None) -> str:
    lead = ("最根本的区别在于泡沫破裂之后留下了什么。这个类比要求建成的东西在后来的公司前来使用时仍然可用，所以检验把每种资产的"
            "寿命与这段等待相比，而不是与建设者的回收期相比（光纤的建设者也从未收回投资）。")
    if lag is None:
        return (lead + f"数据中没有泡沫破裂之后的光纤在用比例，因此即使对光纤也无法衡量这段等待。光纤约可用 {fibre_life:.0f} 年，"
                f"GPU 服务器约 {gpu_life:.0f} 年，建筑和电力接入约 {building_life:.0f} 年（均为假设）。")
    return (lead + f"光纤的等待至少为 {lag['years']:.0f} 年：{name(lag['bust_company'])}于 {lag['bust_year']} 年倒下，"
            f"而到 {lag['dark_year']} 年，{name(lag['who'])}给出的在用比例仍只有 {lag['in_use']:.0f}%。光纤约可用 "
            f"{fibre_life:.0f} 年（假设），{outlast(fibre_life, lag['years'])}。GPU 服务器约可用 {gpu_life:.0f} 年（假设），"
            f"在高峰期买下的{gpu_after_wait(gpu_life, lag['years'])}；建筑和电力接入约可用 {building_life:.0f} 年（假设），"
            f"{outlast(building_life, lag['years'])}。AI 的等待会有多长，在泡沫破裂之前无法观察，因此这一部分暂时无法检验。"
            "谁来买单也可能不同，但数据无法衡量：数据记录了电信泡沫破裂时的破产和债务，而 AI 方面还没有任何同类记录。")


TEST_SCALE = "规模：AI 开支占 GDP 的比例达到或超过电信业峰值"
TEST_REVENUE = "开支远远跑在 AI 收入前面"
TEST_USE = "新建产能大量闲置"
TEST_PRICES = "产能价格下跌"
TEST_DURABLE = "资产寿命长于后来的公司使用过剩产能之前的等待"
TEST_DEBT = "靠举债建设的公司倒下"


def scale_figures(n_ai_higher: int, n_pairs: int, ai: tuple[float, float] | None,
                  tel: tuple[float, float] | None) -> str:
    text = f"{n_pairs} 位评论者中有 {n_ai_higher} 位"
    if n_pairs and ai and tel:
        text += f"；AI 为 {ai[0]:.1f}–{ai[1]:.1f}%，电信为 {tel[0]:.1f}–{tel[1]:.1f}%"
    return text


def revenue_figures(coverage: float | None, q_label: str, write_off: float,
                    cases: Sequence[tuple[float, str, float]]) -> str:
    sequoia = f"按 {q_label} 的年化收入，收入覆盖红杉所算需要的 {coverage:.0%}；" if coverage is not None else ""
    shown = "，".join(f"收入为 {usd_bn(revenue, 0)}（{_whose(whose)}）时覆盖 {covers:.0%}"
                     for revenue, whose, covers in cases)
    return f"{sequoia}稳态下按这一年化收入计算的 GPU 开支每年核销 {usd_bn(write_off, 0)}，AI 的毛利{shown}"


def _whose(whose: str) -> str:
    if whose == "assumed":
        return "假设"
    if whose.startswith("as in the essay of "):
        return f"与 {display(whose[len('as in the essay of '):])}的文章相同"
    return _d(whose)


def use_figures(fibre: tuple[float, float] | None, china: dict | None) -> str:
    parts = []
    if fibre is not None:
        parts.append(f"光纤在用 {fibre[0]:.1f}–{fibre[1]:.0f}%")
    if china is not None:
        parts.append(f"中国：新建算力{_QUALIFIER.get(china['qualifier'], china['qualifier'])} {china['share']:.0%} "
                     f"据报道闲置（{display(china['period'])}；单一的报道估计）")
    return "；".join(parts) or "数据中没有在用比例"


def prices_figures(gpu_fall: float, gpu_period: str, bw_fall: float | None, bw_period: str | None) -> str:
    text = f"GPU 租金 {-gpu_fall:+.0%}（{display(gpu_period)}）"
    if bw_fall is not None:
        text += f"，带宽每年 {-bw_fall:+.0%}（{display(str(bw_period))}）"
    return text


def durable_figures(fibre_life: float, gpu_life: float, building_life: float, lag_years: float | None) -> str:
    wait = f"光纤的等待至少 {lag_years:.0f} 年；" if lag_years is not None else "数据中没有光纤的等待；"
    return (f"{wait}寿命（假设）：光纤 {fibre_life:.0f} 年，GPU {gpu_life:.0f} 年，建筑和电力 {building_life:.0f} 年；"
            "AI 的等待在泡沫破裂之前无法观察")


def debt_figures(n_bankrupt: int | None, period: str | None) -> str:
    if n_bankrupt is None:
        return "两次建设浪潮都没有破产或债务数据"
    return f"电信业 {n_bankrupt} 起破产（{display(str(period))}）；没有 AI 破产或债务数据"


def c38_reason(*, holds: Sequence[str], breaks: Sequence[str], untested: Sequence[str], lag_years: float | None,
               gpu_life: float, building_life: float) -> str:
    if lag_years is None:
        wait = "数据即使对光纤也没有衡量这段等待"
    else:
        wait = (f"电信泡沫破裂之后，光纤至少等了 {lag_years:.0f} 年；等待这么久之后，GPU 服务器（约 {gpu_life:.0f} 年，假设）"
                f"{gpu_after_wait(gpu_life, lag_years)}，建筑和电力（约 {building_life:.0f} 年，假设）"
                f"{outlast(building_life, lag_years)}")
    return ("暂时无法检验。核心部分是：建成的东西在后来的公司前来使用过剩产能时是否仍然可用。" + wait
            + "。AI 的等待会有多长，在泡沫破裂之前无法观察，而泡沫至今尚未破裂。其他部分仅供参考：成立："
            + ("；".join(holds) or "无") + "。不成立：" + ("；".join(breaks) or "无") + "。"
            + (f"本数据无法检验：{'；'.join(_d(u) for u in untested)}。" if untested else ""))


C38_FIGURE = "暂时无法检验（AI 泡沫至今未破裂）；其他部分在 {tests} 项检验中 {holds} 项成立，{breaks} 项不成立"
