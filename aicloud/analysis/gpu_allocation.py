"""Phase 1, who got the GPUs (claims C03 to C10): the chapter's analysis and its verdict rules.

`prepare(tables)` computes, once and without any parameter, everything the rules read (`Evidence`); each rule
(`@rule("C03", reads=...)`) is a small function of that evidence and the parameters it declares; `analyse(tables,
params)` returns every figure the page quotes, the rows each chart draws, the titles that state a finding and one
verdict per claim. Degenerate but valid data (one year, no Chinese buyer, nothing flagged as in the article, two
or three buyers, files whose years do not overlap) gives a stated verdict "not testable with this data", never an
exception or a sentence that compares a year with itself.

Reader-facing sentences are made in one place, the section "Reader-facing text" below.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from aicloud.analysis import ChapterResult, rule, rules_of
from aicloud.analysis import china_chain as cc
from aicloud.models import gpu_allocation as gpu
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    NOT_TESTABLE_HERE,
    PARTLY,
    PROXY,
    SOME,
    SUPPORTED,
    Part,
    Verdict,
    direction,
    grade,
    majority,
)

CHINA = "China"
CLOUD = "cloud"
HIGH_END_H100_EQUIV = 0.5   # a chip with at least half an H100's dense BF16 compute counts as high-end (C06)
DAYS_PER_YEAR = 365.25
# China's evidence the rules weigh (aicloud.analysis.china_chain): chain figures, and the chain model's readings.
CHINA_CLAIMS = ("C03", "C06", "C09", "C10")
CHINA_MODEL_CLAIMS = ("C08",)
CHINA_RESOURCES = cc.resources_for(CHINA_CLAIMS, CHINA_MODEL_CLAIMS)

# --- Reader-facing text ----------------------------------------------------------------------------------------
# Every sentence a reader sees is made here, from named fields (a Chinese edition needs a counterpart for each).


def pct(x: float) -> str:
    return f"{x:.0%}"


def num(x: float) -> str:
    return f"{x:,.0f}"


def names(items: list[str] | tuple[str, ...]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def a_or_an(word: str) -> str:
    """'an H100', 'a B200': by the sound of the first letter (letters read as a vowel sound take 'an')."""
    return "an" if word[:1].upper() in "AEFHILMNORSX" else "a"


def plural(n: int, word: str) -> str:
    return f"{num(n)} {word}" if n == 1 else f"{num(n)} {word}s"


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def years_text(years: list[int] | tuple[int, ...]) -> str:
    return names([str(y) for y in years])


def share_word(share: float) -> str:
    """'most', 'half' or 'a minority', decided at the shown precision (49.6% shows as 50% and reads 'half')."""
    return majority(round(share, 2))


def change_phrase(change: float, unit: str, fmt: str = "+,.0f") -> str:
    """'a change of +7 percentage points', or 'no change' when it rounds to zero."""
    shown = format(change, fmt)
    if float(shown.replace(",", "")) == 0:
        return "no change"
    return f"a change of {shown} {unit}".rstrip()


def top_two_text(s: YearSummary, lead: str = "the top two") -> str:
    """Who took the largest shares, with ties stated (equal purchases are listed alphabetically)."""
    if s.buyers == 1:
        return f"the only buyer, {s.top_names}, took all of them"
    if s.buyers == 2:
        return f"the only two buyers, {s.top_names}, took all of them ({pct(s.ranked[0][1] / s.units)} to the first)"
    if s.top_tie and s.ranked[0][1] == s.ranked[1][1]:
        equal = [b for b, u in s.ranked if u == s.ranked[0][1]]
        return f"{names(equal)} bought the same number each, so any two of them took {pct(s.top2_share)}"

    return f"{lead}, {s.top_names}, took {pct(s.top2_share)}"


def tie_sentence(s: YearSummary) -> str:
    """When a buyer after the top two bought as much as the second: say who, and how ties are ordered."""
    if not s.top_tie or s.ranked[0][1] == s.ranked[1][1]:
        return ""
    return f" In {s.year} {names(list(s.top_tie))} bought as many as {s.ranked[1][0]}."


def later_year_sentence(first: YearSummary, last: YearSummary) -> str:
    """The comparison of the last year with the first, or what a single year cannot show."""
    if first.year == last.year:
        return (f"The data hold {first.year} only, so they cannot show how buying changed from one year to "
                "another.")
    if not last.units or not first.units:
        empty = last if not last.units else first
        return (f"In {empty.year} the list names {plural(empty.buyers, 'buyer')} but no units, so no shares or "
                "concentration can be compared for that year.")
    return (f"In {last.year} the list covers {last.product} and {num(last.units)} units among "
            f"{plural(last.buyers, 'buyer')}: {top_two_text(last)} (HHI {num(last.hhi)}, "
            f"{change_phrase(last.hhi - first.hhi, '')}), and Chinese buyers {pct(last.china_share)} "
            f"({change_phrase((last.china_share - first.china_share) * 100, 'percentage points')})."
            + tie_sentence(last))


def cloud_sentence(first: YearSummary, last: YearSummary) -> str:
    shown = [y for y in dict.fromkeys((first, last)) if y.units]
    if not shown:
        return ""
    parts = [f"{pct(y.cloud_share)} in {y.year}" for y in shown]
    parts[0] = f"{pct(shown[0].cloud_share)} of the listed units in {shown[0].year}"
    return ("Cloud operators (buyers classed as clouds, and companies that run a public cloud) bought "
            + names(parts) + ".")


def first_year_sentences(s: YearSummary) -> tuple[str, str]:
    if not s.units:
        return (f"The list names {plural(s.buyers, 'buyer')} but no units, so no shares can be computed", "")
    lead = top_two_text(s, "The two largest")
    lead = lead[:1].upper() + lead[1:]
    china = (f"Chinese buyers took {pct(s.china_share)}." if s.china_units
             else "No Chinese buyer is listed.")
    return lead, china + tie_sentence(s)


def buyers_title(first: YearSummary, last: YearSummary) -> str:
    if not last.units:
        return f"The {last.year} list names buyers but no units"
    if first.year != last.year and last.buyers > 1 and first.buyers > 1 and first.units:
        return (f"Two buyers took {pct(last.top2_share)} of listed GPUs in {last.year}, {pct(first.top2_share)} in "
                f"{first.year}")
    return f"The largest buyers in {last.year}: {last.top_names}, {pct(last.top2_share)} of listed GPUs"


def lists_sentence(first: YearSummary, last: YearSummary, families: frozenset[str]) -> str:
    """Whether the years' lists count the same products (a family includes its export versions)."""
    def what(y: YearSummary) -> str:
        return names([p + (" (a whole family of chips)" if p in families else "") for p in y.product.split(", ")])
    tail = ("Each list names only the largest buyers, so the shares are shares of the listed units, not of all "
            "NVIDIA shipments.")
    if first.year == last.year:
        return f"The {last.year} list counts {what(last)}. {tail}"
    if first.product == last.product:
        return f"Every year's list counts {what(last)}. {tail}"
    return f"The lists are not like for like: {first.year} counts {what(first)}, {last.year} {what(last)}. {tail}"


def claim_sentence(c: ClaimCheck | None) -> str:
    """The article's total against the buyers it names: 'more' or 'fewer' follows the numbers."""
    if c is None:
        return "The data hold no total from the article to test."
    head = f"The article gives a total of {num(c.claim_units)} {c.claim_products} GPUs for {c.year}, "
    if c.named_count == 0:
        return head + (f"but the buyers data flag no {c.year} buyer as named by the article, so the article's "
                       "parts cannot be added up.")
    gap = c.named_units - c.claim_units
    if gap > 0:
        return head + (f"yet the {c.named_count} buyers it names add up to {num(c.named_units)} {c.named_products} "
                       f"alone, already {num(gap)} more.")
    if gap < 0:
        return head + (f"and the {c.named_count} buyers it names add up to {num(c.named_units)} "
                       f"{c.named_products}, {num(-gap)} fewer, so the total can hold them.")
    return head + (f"and the {c.named_count} buyers it names add up to exactly that, {num(c.named_units)} "
                   f"{c.named_products}.")


def listed_sentence(c: ClaimCheck | None) -> str:
    if c is None:
        return ""
    if c.listed_count == 0:
        return f"The buyers data hold no {c.year} rows to compare."
    if c.claim_units <= 0:
        return (f"All {c.listed_count} buyers in the estimates sum to {num(c.listed_units)}; the article's total is "
                "zero, so no multiple of it can be given.")
    return (f"All {c.listed_count} buyers in the estimates sum to {num(c.listed_units)}, "
            f"{c.listed_units / c.claim_units:.2f} times the article's total.")


def best_match_sentence(c: ClaimCheck | None) -> str:
    if c is None:
        return ""
    if c.best is None:
        return "No other estimate in the data covers the same products, so the total cannot be traced to one."
    b = c.best
    quarter = 80 <= b.days <= 100
    what = "two products together" if " and " in b.products else "one product"
    head = ("The total matches a different figure" if b.units == c.claim_units
            else "The nearest estimate for the same products is a different figure")
    text = f"{head} from {b.publisher}: {b.qualifier} {num(b.units)} {b.products} in {b.days} days ({b.period}), "
    if b.days >= 360:
        return text + f"a full year and {what}."
    text += f"{'one quarter' if quarter else 'less than a year'} and {what}."
    if b.units == c.claim_units and max(c.named_units, c.listed_units) > c.claim_units:
        text += (f" The article appears to have read a {'quarterly' if quarter else 'shorter period' + chr(39) + 's'}"
                 " figure as an annual one.")
    return text


def text_unpriced(units: int, products: list[str]) -> str:
    if not units:
        return ""
    return (f" The {num(units)} units of {names(products)} have no price in the price table and are left out of "
            "the bill.")


def capex_title(year: int, central_bn: float) -> str:
    return f"At the central price, the listed {year} GPUs cost about USD {central_bn:,.1f} bn"


def price_period_sentence(first_year: int, price_years: tuple[int, ...]) -> str:
    if not price_years or first_year in price_years:
        return ""
    return (f" The price estimates date from {years_text(price_years)} and the listed GPUs from {first_year}, so "
            "the bill is indicative only.")


def export_version_sentence(notes: tuple[ExportNote, ...]) -> str:
    if not notes:
        return "The compute figures count each listed product at its own dense BF16 throughput."
    n = notes[0]
    same = abs(n.variant_tflops - n.product_tflops) < 0.05
    effect = ("has the same dense BF16 throughput, so counting them as such changes no compute figure" if same
              else f"has {n.variant_tflops:,.0f} dense BF16 TFLOPS against {n.product_tflops:,.0f}, and the "
                   "compute figures count them as such")
    return (f"The Chinese buyers' {n.year} {n.product}s were almost certainly {n.variant}s: exports of the "
            f"{n.product} to China needed a licence from {n.restricted:%d %b %Y}, the {n.variant} went on sale "
            f"from {n.variant_from:%b %Y}, and the {n.variant} {effect}.")


def compute_sentence(rows: list[dict], mix_name: str | None, mix_share: float) -> str:
    """China's share in chips and in H100-equivalents, year by year; wording follows the numbers. A year with a
    product the accelerator table cannot convert has an unknown compute share (never 0%)."""
    known = [r for r in rows if r["compute_share"] is not None]
    if all(r["unit_share"] == 0 for r in rows):
        return "No Chinese buyer is listed, so there is no Chinese share to count in compute."
    gaps = [r for r in rows if r["compute_share"] is None]
    gap_text = " ".join(f"In {r['year']} the compute share is unknown: the accelerator table has no compute "
                        f"figure for {r['missing']} ({num(r['unconverted'])} units)." for r in gaps if r["missing"])
    if not known:
        return gap_text or "No listed units, so the shares cannot be counted in compute."
    parts = [f"{pct(r['unit_share'])} of the GPUs and {pct(r['compute_share'])} of the compute in {r['year']}"
             for r in known]
    text = f"Chinese buyers took {'; '.join(parts)}."
    if gap_text:
        text += " " + gap_text
    if mix_name and any(r["family_units"] and round(r["compute_share"] - r["unit_share"], 2) != 0 for r in known):
        text += (f" The gap in a year with a GPU family comes mostly from the {mix_name}: the chapter assumes "
                 f"{pct(mix_share)} of Chinese buyers' units of a family were this export version.")
    if len(known) > 1:
        a, b = known[0], known[-1]
        text += (f" Counted in chips China's share {direction(round(b['unit_share'] - a['unit_share'], 2))} from "
                 f"{a['year']} to {b['year']}; counted in compute it "
                 f"{direction(round(b['compute_share'] - a['compute_share'], 2))}.")
    return text


def domestic_span_sentence(domestic: tuple[Milestone, ...]) -> str:
    if not domestic:
        return "The events data hold no domestic-chip milestone."
    first, last = min(m.date for m in domestic), max(m.date for m in domestic)
    span = f"from {first:%Y} to {last:%Y}" if first.year != last.year else f"all in {first:%Y}"
    return f"The milestones are the ones the project could source, {span}."


def compute_title(known: list[dict], any_china: bool) -> str:
    if not any_china:
        return "No Chinese buyer is listed, so there is no Chinese share to count"
    if not known:
        return "Counted in compute, Chinese buyers' share is unknown: a listed product has no compute figure"
    return (f"Counted in compute, Chinese buyers' share was {pct(known[-1]['compute_share'])} in "
            f"{known[-1]['year']}, against {pct(known[-1]['unit_share'])} counted in GPUs")


def text_bandwidth(variant: str | None, bandwidth: tuple[float, float, float] | None) -> str:
    """Dense compute suits training; serving is often bound by memory bandwidth, where the export version may not
    lag: say so with the table's figures."""
    if not variant or bandwidth is None:
        return ""
    mine, h100, equivalents = bandwidth
    relation = "more than" if mine > h100 else "less than" if mine < h100 else "the same as"
    return (f" Dense compute is the measure for training. Serving a model is often limited by memory bandwidth "
            f"instead, and there the {variant} has {mine:,.2f} TB/s, {relation} the H100's {h100:,.2f} TB/s: "
            f"counted by bandwidth one {variant} is worth {mine / h100:.2f} H100, counted by compute "
            f"{equivalents:.2f}.")


def compute_table(rows: list[dict]) -> pd.DataFrame:
    """The chips-and-compute table as the page shows it (column names and formats are reader-facing)."""
    return pd.DataFrame([{
        "year": str(r["year"]),
        "Chinese buyers' share of the GPUs": pct(r["unit_share"]),
        "... of the compute": pct(r["compute_share"]) if r["compute_share"] is not None else "unknown",
        "Chinese buyers, H100-equivalents": num(r["china_h100_eq"]),
        "all listed buyers, H100-equivalents": num(r["all_h100_eq"]),
        "units without a compute figure": num(r["unconverted"])} for r in rows])


def text_price_top(market: str, item: str) -> str:
    kind = "a street price" if "street" in item.lower() else "a price"
    return f"{kind} in {market}"


def text_fleet_unit(h100_equivalents: float | None, left_out: int = 0, products: str = "") -> str:
    if left_out and not h100_equivalents:
        return (f"H100-equivalent (none of the {num(left_out)} units of {products} has a compute figure, so the "
                "fleet's compute is unknown: the figures below count nothing)")
    if left_out:
        return (f"H100-equivalent (the fleet counts as {num(h100_equivalents or 0)} of them; {num(left_out)} units of "
                f"{products} have no compute figure and are left out, as in the compute table)")
    if h100_equivalents is None:
        return "GPU"
    return f"H100-equivalent (the fleet counts as {num(h100_equivalents)} of them)"


def revenue_title(multiple: float) -> str:
    word = direction(multiple - 1, up="grew", down="shrank", same="held level")
    return (f"NVIDIA's data-center revenue {word} {multiple:.0f}x while export rules tightened" if multiple >= 1.5
            else f"NVIDIA's data-center revenue {word} while export rules tightened")


def change_text(first: float, last: float) -> str:
    """'4.9 times as much', '40% less', 'up from nothing', 'nothing in either': by the numbers."""
    if first <= 0:
        return "up from nothing" if last > 0 else "nothing in either quarter"
    if last >= first:
        return f"{last / first:.1f} times as much"
    return f"{1 - last / first:.0%} less"


def revenue_sentence(v: dict) -> str:
    if v["rev_quarters"] < 2:
        return "The revenue data hold one quarter only, so no growth can be computed."
    if v["rev_first"] <= 0 and v["rev_last"] <= 0:
        return (f"NVIDIA's data-center revenue was zero in both {v['rev_first_label']} and {v['rev_last_label']}, so "
                "no growth can be computed.")
    text = (f"NVIDIA's data-center revenue went from USD {v['rev_first']:,.2f} bn in {v['rev_first_label']} to "
            f"{v['rev_last']:,.1f} bn in {v['rev_last_label']}, {change_text(v['rev_first'], v['rev_last'])}")
    if v.get("peak_yoy_label"):
        reported = " (as NVIDIA reports it)" if v["peak_yoy_reported"] else ""
        if v["peak_yoy"] > 0:
            text += f"; the fastest year-on-year growth was {v['peak_yoy']:.0%} in {v['peak_yoy_label']}{reported}"
        elif v["peak_yoy"] < 0:
            text += (f"; revenue fell from a year earlier in every quarter that has one, by {-v['peak_yoy']:.0%} "
                     f"at the least ({v['peak_yoy_label']}{reported.replace(' (', ', ').rstrip(')')})")
        else:
            text += f"; no quarter grew from a year earlier (at best level, in {v['peak_yoy_label']})"
    return text + "."


def annual_sentence(v: dict) -> str:
    if not v.get("annual_label"):
        return ""
    text = f" For the whole of {v['annual_label']} NVIDIA reports USD {v['annual_usd_bn']:,.1f} bn"
    growth = v.get("annual_growth")
    if growth is not None:
        text += (f", {growth:.0%} more than a year earlier" if growth > 0 else
                 f", {-growth:.0%} less than a year earlier" if growth < 0 else ", the same as a year earlier")
    if v.get("annual_quarter_sum") is not None and abs(v["annual_quarter_sum"] - v["annual_usd_bn"]) >= 0.05:
        text += (f" (the rounded quarters sum to {v['annual_quarter_sum']:,.1f}; the chapter uses the annual "
                 "figure)")
    return text + "."


# Rule reasons and figures (each rule builds its verdict from these, with the same numbers as its label).


def text_no_article_year() -> str:
    return "The data hold no claim row from the article, so its year is unknown."


def text_no_claim() -> str:
    return "The shipment estimates hold no total from the article to test."


def text_c03_no_china() -> str:
    return "The buyers data list no Chinese buyer, so who controlled access to compute in China cannot be tested."


def text_c03_no_scarcity() -> str:
    return ("The data hold neither a China and a US price for the same item nor a lead time, so scarcity cannot be "
            "tested.")


def text_c03_no_overlap(evidence_years: tuple[int, ...], buyer_years: list[int]) -> str:
    return (f"The scarcity evidence is dated {years_text(evidence_years)} and the buyers list "
            f"{years_text(buyer_years)}: no year has both, so the two parts of the claim cannot be put together.")


def text_premium(item: str, premium: float, china_usd: float, us_usd: float) -> str:
    side = "above" if premium >= 0 else "below"
    return (f"the price of {a_or_an(item)} {item} in China was {pct(abs(premium))} {side} the US price (USD "
            f"{num(china_usd)} against {num(us_usd)})")


def text_c03_figure(gate: tuple[tuple[int, float], ...]) -> str:
    return "; ".join(f"{pct(share)} of Chinese-listed GPUs to cloud operators in {year}" for year, share in gate)


def text_c03_reason(premium_text: str, lead_weeks: float | None, premium_min: float, lead_min: float,
                    scarce: bool, gate: tuple[tuple[int, float], ...]) -> str:
    signs = [t for t in (premium_text, f"lead times reached {lead_weeks:.0f} weeks" if lead_weeks else "") if t]
    per_year = names([f"{share_word(share)} ({pct(share)}) in {year}" for year, share in gate])
    return (f"Scarcity: {'; '.join(signs)} (the chapter counts a premium of {pct(premium_min)} or a lead time of "
            f"{lead_min:.0f} weeks as scarcity), so compute {'was' if scarce else 'was not shown to be'} scarce. "
            f"Gatekeeping: of the GPUs the estimates list for Chinese buyers, cloud operators bought {per_year}.")


def text_c03_classification(by_company: tuple[str, ...], typed: tuple[tuple[int, float], ...]) -> str:
    """The classification the gatekeeping share depends on, and the shares without it."""
    per_year = names([f"{pct(share)} in {year}" for year, share in typed])
    return (f"{names(list(by_company))} {'counts' if len(by_company) == 1 else 'count'} as a cloud operator here "
            "because the market-share data list a public cloud it runs, as the price-war chapter counts it; "
            f"counting only the buyers the buyers data class as clouds, the shares would be {per_year}.")


def text_c04_no_year(year: int) -> str:
    return f"The article's total is for {year}, and the buyers data hold no {year} rows."


def text_c04_none_named(year: int) -> str:
    return f"No buyer in the {year} data is flagged as named by the article, so its parts cannot be added up."


def text_c04_figure(c: ClaimCheck) -> str:
    return f"{num(c.named_units)} named vs {num(c.claim_units)} stated"


def text_c04_exceeds(c: ClaimCheck) -> str:
    span = (f"the estimate of that size covers {c.best.days} days and {c.best.products}" if c.best
            else "no estimate in the data covers the same products")
    return (f"The named buyers alone sum to {num(c.named_units)} "
            f"{c.named_products}, more than the stated total of {num(c.claim_units)} for the year; {span}.")


def text_c04_within(c: ClaimCheck) -> str:
    return f"The named buyers sum to {num(c.named_units)}, within the stated total of {num(c.claim_units)}."


def text_rank_item(r: tuple) -> str:
    year, kind, reserve, ties, rank, of = r
    if kind == "absent":
        return f"not listed by {year}"
    if kind == "unknown":
        return f"not countable in compute by {year} (a listed product has no compute figure)"
    if kind == "first":
        return f"first in {year} with {num(reserve)} H100-equivalents"
    if kind == "tied" and len(ties) == of - 1:
        return f"level with every other Chinese buyer listed ({names(list(ties))}) in {year} at {num(reserve)} " \
               "H100-equivalents"
    if kind == "tied":
        return f"tied first with {names(list(ties))} in {year} at {num(reserve)} H100-equivalents"
    if ties:
        return f"tied {ordinal(rank)} of {of} with {names(list(ties))} in {year} at {num(reserve)} H100-equivalents"
    return f"{ordinal(rank)} of {of} in {year} with {num(reserve)} H100-equivalents"


def text_rank_figure(listed: list[tuple], prefix: str = "") -> str:
    return "; ".join(prefix + text_rank_item(r) for r in listed)


def text_rank_missing(buyer: str, ranks: list[tuple], any_china: bool) -> str:
    if not any_china:
        return "The buyers data list no Chinese buyer, so no rank among Chinese buyers can be read."
    if not ranks:
        return "The buyers data list fewer than two Chinese buyers in every year, so no rank can be read."
    if all(r[1] == "unknown" for r in ranks):
        return ("A product the Chinese buyers bought has no compute figure in the accelerator table, so their "
                "reserves cannot be counted in compute and ranked.")
    return f"The buyers data do not list {buyer} among the Chinese buyers, so its rank cannot be read."


RESERVE_NOTE = ("each buyer's listed purchases up to the year in H100-equivalents; the lists name only the largest "
                "buyers, so a reserve counts only the years a buyer is listed")


def text_c05_verdict(listed: list[tuple], firsts: list[tuple]) -> str:
    """How the rank reads across the years (`firsts`: the years Tencent is first alone): the wording follows the
    ranks, never fixed. A tie is first only in part; level with every other buyer is not first."""
    tied = [str(r[0]) for r in listed if r[1] == "tied" and len(r[3]) < r[5] - 1]
    level = [str(r[0]) for r in listed if r[1] == "tied" and len(r[3]) == r[5] - 1]
    if len(listed) == 1:
        fit = "fits" if firsts else "fits only in part (a tie)" if tied else "does not fit"
        return f"The data rank the reserves in one year only ({listed[0][0]}), and it {fit} the article there"
    if len(firsts) == len(listed):
        return "Tencent was first in every year"
    if firsts or tied:
        parts = [f"first in {names([str(r[0]) for r in firsts])}" if firsts else "",
                 f"tied first in {names(tied)}" if tied else "",
                 f"not ahead of the others in {names(nots)}" if (nots := [str(r[0]) for r in listed if r not in
                                                                       firsts and str(r[0]) not in tied]) else ""]
        return "The rank depends on the year: " + ", ".join(p for p in parts if p)
    return "The data never put Tencent ahead of every other Chinese buyer" + (
        f" (level with all of them in {names(level)})" if level else "")


def text_c05_reason(ranks: list[tuple], listed: list[tuple], firsts: list[tuple], speedup: float | None) -> str:
    claim = (f"the claimed {speedup:g}x cluster speed-up is the vendor's own figure against an unnamed previous "
             "generation, so it cannot be tested and does not count against the claim" if speedup
             else "the claimed cluster speed-up is not in the data")
    per_year = "; ".join(text_rank_item(r) for r in ranks)
    return (f"Counting reserves ({RESERVE_NOTE}), among Chinese buyers Tencent was {per_year}. "
            f"{text_c05_verdict(listed, firsts)}; {claim}.")


def text_c09_reason(ranks: list[tuple], first: bool) -> str:
    jointly = " (jointly, where tied)" if first and any(r[1] == "tied" for r in ranks) else ""
    return (f"Counting reserves ({RESERVE_NOTE}), among Chinese buyers Alibaba was "
            f"{'; '.join(text_rank_item(r) for r in ranks)}, so the data {'show' if first else 'do not show'} it "
            f"holding the largest reserve{jointly}; its later price cuts are real (see the price-war chapter), and "
            "A800/H800 holdings are not public.")




def text_c06_no_china(year: int) -> str:
    return f"The claim is about {year}, and the buyers data list no Chinese buyer that year."


def text_c06_no_rules() -> str:
    return "The events data hold no export rule and no export version."


def text_c06_part_a(licensed_from: pd.Timestamp, variants: list[str], on_sale_from: pd.Timestamp,
                    relicensed: pd.Timestamp | None) -> str:
    text = (f"the full products needed a licence from {licensed_from:%d %b %Y} and export versions "
            f"({names(variants)}) were on sale from {on_sale_from:%b %Y}")
    return text + (f", themselves licensed from {relicensed:%d %b %Y}" if relicensed is not None else "")


def text_c06_no_part_a(year: int) -> str:
    return f"the events data show no licence rule before {year} with an export version on sale by its end"


def text_c06_no_export_versions(year: int) -> str:
    return (f"the events data hold no export version at all, so whether only export versions could be bought in "
            f"{year} cannot be decided")


def text_c06_figure(held: int, undecided: int, year: int) -> str:
    return f"{held} of 3 parts hold in {year}" + (f", {undecided} undecided by this data" if undecided else "")


def text_c06_reason(year: int, a_text: str, china_units: int, per_unit: float | None, part_b: bool | None,
                    deployed: tuple[Milestone, ...], largest: Milestone | None, scale: float | None, bar: float,
                    part_c: bool | None) -> str:
    b_text = (f"Chinese buyers listed {plural(china_units, 'GPU')} worth {per_unit:.2f} H100 each in dense compute, "
              f"{'so they got' if part_b else 'not'} high-end compute" if per_unit is not None else
              f"Chinese buyers listed {plural(china_units, 'GPU')} whose compute the accelerator table cannot give, so "
              "whether they got high-end compute cannot be decided")
    if not deployed:
        c_text = (f"no domestic deployment with a chip count is dated by the end of {year}, so whether own chips "
                  "were at scale cannot be decided")
    elif largest is None or scale is None:
        unknown = [m for m in deployed if m.h100_eq is None]
        c_text = ("the domestic deployments dated by the end of " + str(year) + " include "
                  + names([f"{num(m.chips)} {m.products} ({m.date:%b %Y})" for m in unknown])
                  + ", with no dense compute figure in the accelerator table, so whether own chips were at scale "
                    "cannot be counted in compute (chip counts are not compute)")
    else:
        c_text = (f"the largest domestic deployment dated by the end of {year} was {num(largest.chips)} "
                  f"{largest.products} chips ({largest.date:%b %Y}), {num(largest.h100_eq)} H100-equivalents, "
                  f"{pct(scale)} of the Chinese buyers' NVIDIA compute, {'below' if part_c else 'at or above'} the "
                  f"{pct(bar)} the chapter counts as at scale, so own chips "
                  f"{'were not yet' if part_c else 'were already'} at scale")
    return f"In {year} {a_text}; {b_text}; {c_text}."


def text_c07_reason() -> str:
    return ("Which Chinese buyer received A800s first is a rumour; only the 2020 launch of the PaddlePaddle "
            "hardware ecosystem is public, and it says nothing about GPU priority.")


def text_c07_figure() -> str:
    return "no public allocation data"


def text_c08_no_year(year: int | None) -> str:
    return ("The buyers data hold no rows for the article's first phase"
            + (f" ({year})." if year is not None else "."))


def text_c08_figure(bill_bn: float | None, year: int) -> str:
    if bill_bn is None:
        return f"no purchase listed in {year}"
    return f"no test of cause; smallest listed bill USD {bill_bn:,.2f} bn in {year}"


def hhi_relation(hhi: float) -> str:
    """Against the 2,500 that counts as highly concentrated, at the shown precision ('at' when it shows 2,500)."""
    shown = round(hhi)
    return "above" if shown > 2500 else "at" if shown == 2500 else "below"


def text_c08_reason(s: YearSummary, buyer: str | None, units: int, bill_bn: float, price: float) -> str:
    concentration = (f"the two largest took {pct(s.top2_share)}, {share_word(s.top2_share)} of the listed units "
                     f"(HHI {num(s.hhi)}, {hhi_relation(s.hhi)} the 2,500 that usually counts as highly "
                     "concentrated)" if s.buyers > 1 and s.units else
                     "only one buyer is listed" if s.units else "the list holds no units")
    bill = (f"the smallest listed purchase, {buyer}'s {plural(units, 'GPU')}, cost about USD {bill_bn:,.2f} bn at "
            f"the low price of USD {num(price)}" if buyer else "no listed buyer bought any GPU")
    return (f"That capital decided who won is a causal claim no public data can test: a list of the largest buyers "
            f"shows what each bought, not what decided the outcome, which would need the buyers' capital set "
            f"against who won. For context, in {s.year} {bill}; {concentration}.")


def text_c10_missing() -> str:
    return ("The events data need an export rule and domestic-chip milestones on both sides of it, in equal "
            "windows of at least a quarter of a year, to compare before with after.")


def text_c10_figure(c: Cadence) -> str:
    return f"cadence x{c.ratio:.2f}" + (f", scale x{c.scale:.1f}" if c.scale is not None else "")


def text_c10_body(c: Cadence) -> str:
    """The part of the C10 reason that no parameter changes (made once)."""
    text = (f"In equal windows of {c.years_before:.1f} years before and after the first export rule "
            f"({c.rule_date:%d %b %Y}), {c.start:%b %Y} to {c.end:%b %Y} in all (each as long as the shorter side "
            "of the record; a milestone on a window's edge counts), the data hold "
            f"{plural(len(c.before), 'domestic-chip milestone')} before it and {len(c.after)} after it: the cadence "
            + (f"{direction(round(c.ratio - 1, 2))} to {c.ratio:.2f} times the earlier rate; "
               if round(c.ratio - 1, 2) else f"did not change ({c.ratio:.2f} times the earlier rate); "))
    big_before, big_after = c.largest(c.before), c.largest(c.after)
    if c.scale is None:
        unknown = [m for m in c.counted(c.before) + c.counted(c.after) if m.h100_eq is None]
        if unknown:
            return text + ("scale cannot be compared in compute, since the accelerator table has no dense compute "
                           f"figure for {names(sorted({m.products for m in unknown}))} (chip counts are not "
                           "compute).")
        return text + "no chip counts on both sides, so scale cannot be compared."
    return text + (f"the largest deployment {direction(round(c.scale - 1, 1), 'grew', 'shrank', 'stayed the same')} "
                   f"from {num(big_before.h100_eq)} H100-equivalents ({num(big_before.chips)} {big_before.products}, "
                   f"{big_before.date:%b %Y}) to {num(big_after.h100_eq)} ({num(big_after.chips)} "
                   f"{big_after.products}, {big_after.date:%b %Y}), {c.scale:.1f} times.")


def text_c10_reason(c: Cadence, bar: float) -> str:
    return (f"{c.body} The chapter counts {bar:.2f} times as acceleration. The milestones are those the project "
            "could source, counts of different kinds (deployed, ordered, in one cluster), and dates alone cannot "
            "show that supply worries caused the investment.")


# --- Evidence: computed once from the tables, no parameter ---------------------------------------------------


@dataclass(frozen=True)
class YearSummary:
    """One year of the buyers list."""

    year: int
    buyers: int
    units: int
    product: str
    ranked: tuple[tuple[str, int], ...]          # (buyer, units), largest first, ties in alphabetical order
    top_names: str
    top2_share: float
    hhi: float
    china_units: int
    china_cloud_units: int
    cloud_share: float
    china_share: float
    china_ranked: tuple[tuple[str, int], ...]
    sources: tuple[str, ...]
    china_sources: tuple[str, ...]
    top_tie: tuple[str, ...] = ()               # buyers after the top two that bought as much as the second
    china_typed_cloud_units: int = 0            # Chinese units of buyers the buyers data class as clouds
    clouds_by_company: tuple[str, ...] = ()     # Chinese buyers counted as clouds because they run one

    @property
    def china_cloud_share(self) -> float | None:
        return self.china_cloud_units / self.china_units if self.china_units else None

    @property
    def china_typed_cloud_share(self) -> float | None:
        return self.china_typed_cloud_units / self.china_units if self.china_units else None

    @property
    def smallest(self) -> tuple[str, int] | None:
        """The smallest purchase: a buyer listed with no units made none, so it is not one."""
        bought = [r for r in self.ranked if r[1] > 0]
        return bought[-1] if bought else None


@dataclass(frozen=True)
class BestMatch:
    units: int
    qualifier: str
    products: str
    days: int
    period: str
    publisher: str
    source_id: str


@dataclass(frozen=True)
class ClaimCheck:
    """The article's total against its own named buyers (C04)."""

    year: int
    claim_units: int
    claim_products: str
    claim_days: int
    named_units: int
    named_count: int
    named_products: str
    listed_units: int
    listed_count: int
    listed_products: str
    best: BestMatch | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Scarcity:
    """Evidence that compute was scarce: the China street-price premium over the US price, and lead times."""

    premium: float | None              # China price / US price - 1, same item
    premium_item: str
    china_usd: float | None
    us_usd: float | None
    lead_weeks: float | None
    years: tuple[int, ...]             # years the evidence is dated
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Milestone:
    date: pd.Timestamp
    products: str
    chips: int | None
    source_id: str
    h100_eq: float | None = None     # the chips in H100-equivalents, where the accelerator table has a figure


@dataclass(frozen=True)
class ExportNote:
    """A Chinese buyer's product whose export needed a licence before the year: almost certainly the variant."""

    year: int
    product: str
    variant: str
    restricted: pd.Timestamp
    variant_from: pd.Timestamp
    product_tflops: float
    variant_tflops: float
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Supply:
    """The dated export-control record and the domestic-chip milestones."""

    first_restriction: pd.Timestamp | None
    restrictions: tuple[tuple[pd.Timestamp, tuple[str, ...], str], ...]   # date, products, source
    compliant: tuple[tuple[pd.Timestamp, str, str], ...]                 # date, product, source
    domestic: tuple[Milestone, ...]
    data_end: pd.Timestamp | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ComputeYear:
    """One year's units in H100-equivalents, split so that the H20 share can be applied by arithmetic."""

    year: int
    china_units: int
    other_units: int
    china_fixed: float          # Chinese rows with a single chip, in H100-equivalents
    china_family_full: float    # Chinese rows of a family, if all were the family's full chip
    china_family_export: float  # ... if all were its export version
    other_eq: float
    china_unconverted: int      # units whose product has no compute figure
    other_unconverted: int
    unconverted_products: tuple[str, ...]

    @property
    def converted(self) -> bool:
        """Whether any listed unit has a compute figure."""
        return self.china_unconverted + self.other_unconverted < self.china_units + self.other_units

    def china_eq(self, export_share: float) -> float:
        return (self.china_fixed + (1 - export_share) * self.china_family_full
                + export_share * self.china_family_export)

    def compute_share(self, export_share: float) -> float | None:
        """None when any listed unit has no compute figure (the share is then unknown, not the converted part's)."""
        if self.china_unconverted or self.other_unconverted:
            return None
        china = self.china_eq(export_share)
        total = china + self.other_eq
        return china / total if total > 0 else None


@dataclass(frozen=True)
class Holding:
    """A Chinese buyer's listed purchases up to a year, summed (its reserve as far as the lists show it)."""

    buyer: str
    units: int
    fixed: float
    full: float
    export: float
    unconverted: int             # units with no compute figure: the reserve cannot be counted in compute

    def h100_eq(self, export_share: float) -> float:
        return self.fixed + (1 - export_share) * self.full + export_share * self.export


@dataclass(frozen=True)
class Evidence:
    years: tuple[YearSummary, ...]
    article_year: int | None
    claim: ClaimCheck | None
    scarcity: Scarcity
    supply: Supply
    compute: tuple[ComputeYear, ...]
    export_variant: str | None        # the family's export version Chinese buyers got (H20 in the 2024 list)
    bandwidth: tuple[float, float, float] | None   # its memory bandwidth, the H100's (TB/s), its H100-equivalents
    export_notes: tuple[ExportNote, ...]
    tencent_speedup: float | None
    cluster_sources: tuple[str, ...]
    c03: C03Facts
    c06: C06Facts
    cadence: Cadence | None
    china: cc.China | None = None             # China's evidence on C03, C06, C08-C10 (None: not prepared)
    holdings: tuple[tuple[int, tuple[Holding, ...]], ...] = ()   # per year: Chinese buyers' cumulative reserves
    families: frozenset[str] = frozenset()   # products in the buyers data that name a GPU family, not one chip

    @property
    def any_china(self) -> bool:
        return any(y.china_units for y in self.years)

    def year(self, y: int | None) -> YearSummary | None:
        return next((s for s in self.years if s.year == y), None)


def _sorted_ids(values: Any) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in values if isinstance(v, str) and v}))


def cloud_companies(shares: pd.DataFrame | None) -> frozenset[str]:
    """Companies that run a public cloud by the market-share data (ByteDance: Volcano Engine), as the price-war
    chapter counts them: such a buyer is a cloud operator whatever its main business (C03)."""
    if shares is None or not {"entity", "company"} <= set(shares.columns):
        return frozenset()
    rows = shares[shares["entity"] == CLOUD]["company"]
    return frozenset(str(c) for c in rows if isinstance(c, str) and c.strip())


def _year_summary(frame: pd.DataFrame, clouds: frozenset[str] = frozenset()) -> YearSummary:
    # Largest first; equal purchases in alphabetical order of the buyer (stated on the page), never file order.
    ranked = frame.sort_values(["units", "buyer"], ascending=[False, True], kind="mergesort")
    units = ranked["units"].to_numpy(dtype=float)
    total = int(units.sum())
    china = ranked[ranked["region"] == CHINA]
    china_units = int(china["units"].sum())
    hhi = gpu.hhi(units) if total > 0 else 0.0
    top2 = gpu.top_share(units, 2) if total > 0 else 0.0
    is_cloud = (ranked["buyer_type"] == CLOUD) | ranked["buyer"].isin(clouds)
    china_cloud = is_cloud[ranked["region"] == CHINA]
    listed = list(zip(ranked["buyer"], ranked["units"].astype(int)))
    tie = tuple(b for b, u in listed[2:] if len(listed) > 2 and u == listed[1][1])
    return YearSummary(
        year=int(ranked["year"].iloc[0]), buyers=len(ranked), units=total,
        product=", ".join(sorted(ranked["product"].unique())),
        ranked=tuple(listed),
        top_names=names(list(ranked["buyer"].head(2))), top2_share=top2, hhi=hhi,
        china_units=china_units,
        china_cloud_units=int(china.loc[china_cloud, "units"].sum()),
        cloud_share=float(ranked.loc[is_cloud, "units"].sum() / total) if total else 0.0,
        china_share=china_units / total if total else 0.0,
        china_ranked=tuple(zip(china["buyer"], china["units"].astype(int))),
        sources=_sorted_ids(ranked["source_id"]), china_sources=_sorted_ids(china["source_id"]),
        top_tie=tie,
        china_typed_cloud_units=int(china.loc[china["buyer_type"] == CLOUD, "units"].sum()),
        clouds_by_company=tuple(sorted(set(china.loc[china_cloud & (china["buyer_type"] != CLOUD), "buyer"]))))


def _claim_check(buyers: pd.DataFrame, estimates: pd.DataFrame, sources: pd.DataFrame) -> ClaimCheck | None:
    claims = estimates[estimates["kind"] == "claim"].sort_values("period_start")
    if claims.empty:
        return None
    claim = claims.iloc[0]
    year = int(claim["period_start"].year)
    listed = buyers[buyers["year"] == year]
    named = listed[listed["in_article"]]
    same = estimates[(estimates["kind"] != "claim") & (estimates["products"] == claim["products"])]
    best = None
    if len(same):
        b = same.sort_values("period_start", kind="mergesort").iloc[0]
        publisher = sources.set_index("id")["publisher"].get(b["source_id"], b["source_id"])
        best = BestMatch(int(b["units"]), str(b["qualifier"]), str(b["products"]),
                         int((b["period_end"] - b["period_start"]).days + 1),
                         f"{b['period_start']:%d %b %Y} to {b['period_end']:%d %b %Y}", str(publisher),
                         str(b["source_id"]))
    return ClaimCheck(
        year=year, claim_units=int(claim["units"]), claim_products=str(claim["products"]),
        claim_days=int((claim["period_end"] - claim["period_start"]).days + 1),
        named_units=int(named["units"].sum()), named_count=len(named),
        named_products=", ".join(sorted(named["product"].unique())),
        listed_units=int(listed["units"].sum()), listed_count=len(listed),
        listed_products=", ".join(sorted(listed["product"].unique())), best=best,
        sources=_sorted_ids(list(listed["source_id"]) + [claim["source_id"]]))


def _year_of(text: Any) -> int | None:
    text = str(text or "")
    return int(text[:4]) if text[:4].isdigit() else None


def _scarcity(prices: pd.DataFrame, reference: pd.DataFrame, sources: pd.DataFrame) -> Scarcity:
    """China street price over the US price for the same item (same source first), and the reported lead time."""
    mid = prices.assign(mid=(prices["low_usd"] + prices["high_usd"]) / 2)
    premium = china_usd = us_usd = None
    item = ""
    used: list[str] = []
    years: set[int] = set()
    pairs = mid[mid["market"] == CHINA].merge(mid[mid["market"] == "US"], on="item", suffixes=("_cn", "_us"))
    pairs = pairs[pairs["mid_us"] > 0]
    if len(pairs):
        pairs = pairs.assign(same=pairs["source_id_cn"] == pairs["source_id_us"]).sort_values(
            ["same", "estimate_id_cn"], ascending=[False, True], kind="mergesort")
        p = pairs.iloc[0]
        china_usd, us_usd, item = float(p["mid_cn"]), float(p["mid_us"]), str(p["item"])
        premium = china_usd / us_usd - 1
        used += [p["source_id_cn"], p["source_id_us"]]
        years |= {y for y in (_year_of(p["period_cn"]), _year_of(p["period_us"])) if y}
    lead = reference[reference["metric"] == "h100_lead_time_weeks"]
    lead_weeks = None
    if len(lead):
        lead_weeks = float(lead["value"].iloc[0])
        sid = str(lead["source_id"].iloc[0])
        used.append(sid)
        dated = sources.set_index("id")["date"].get(sid)
        if _year_of(dated):
            years.add(_year_of(dated))
    return Scarcity(premium, item, china_usd, us_usd, lead_weeks, tuple(sorted(years)), _sorted_ids(used))


def _products(cell: Any) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(cell or "").split(";") if p.strip())


def _supply(events: pd.DataFrame) -> Supply:
    ordered = events.sort_values("date", kind="mergesort")
    restr = ordered[ordered["category"] == "restriction"]
    compl = ordered[ordered["category"] == "compliant-product"]
    dom = ordered[ordered["category"] == "domestic-chip"]
    return Supply(
        first_restriction=restr["date"].iloc[0] if len(restr) else None,
        restrictions=tuple((d, _products(p), s) for d, p, s in zip(restr["date"], restr["products"],
                                                                   restr["source_id"])),
        compliant=tuple((d, p, s) for d, p, s in zip(compl["date"], compl["products"], compl["source_id"])),
        domestic=tuple(Milestone(d, str(p), None if pd.isna(c) else int(c), str(s))
                       for d, p, c, s in zip(dom["date"], dom["products"], dom["chips"], dom["source_id"])),
        data_end=ordered["date"].max() if len(ordered) else None,
        sources=_sorted_ids(ordered["source_id"]))


class ChipTable:
    """Dense BF16 TFLOPS per product name from the accelerator table (median where sources disagree)."""

    def __init__(self, accelerators: pd.DataFrame, domestic: bool = False):
        rows = accelerators[accelerators["domestic"].astype(bool) == domestic]
        tflops = rows.groupby("hardware")["bf16_dense_tflops"].median()
        self.by_name = tflops.dropna().to_dict() if domestic else tflops.to_dict()
        self.bandwidth = rows.groupby("hardware")["hbm_tb_s"].median().dropna().to_dict()
        self.class_of = rows.groupby("hardware")["hardware_class"].first().to_dict()
        self.sources = rows.groupby("hardware")["source_id"].apply(lambda s: tuple(sorted(set(s)))).to_dict()

    def exact(self, product: str) -> str | None:
        """The hardware a product name denotes: the same name, or the name followed by a form factor."""
        low = product.strip().lower()
        for name in sorted(self.by_name):
            if name.lower() == low or name.lower().startswith(low + " "):
                return name
        return None

    def family(self, product: str) -> tuple[str, str] | None:
        """For a family name (the accelerator class, e.g. Hopper): its full chip and its lowest-compute one."""
        members = [n for n, c in self.class_of.items() if str(c).lower() == product.strip().lower()]
        if not members:
            return None
        members.sort(key=lambda n: (self.by_name[n], n))
        return members[-1], members[0]


def _export_notes(buyers: pd.DataFrame, supply: Supply, chips: ChipTable) -> tuple[ExportNote, ...]:
    notes = []
    china = buyers[buyers["region"] == CHINA]
    for (year, product), _ in china.groupby(["year", "product"], sort=True):
        hardware = chips.exact(product)
        if hardware is None:
            continue
        start = pd.Timestamp(year=int(year), month=1, day=1)
        end = pd.Timestamp(year=int(year), month=12, day=31)
        licensed = [(d, s) for d, prods, s in supply.restrictions if product in prods and d < start]
        if not licensed:
            continue
        first_licence = licensed[0][0]
        for d, variant, s in supply.compliant:
            variant_hw = chips.exact(variant)
            # The export version: same chip class, on sale after the product's licence rule and by the year's end,
            # and not itself licensed before the year began.
            variant_licensed = any(variant in prods and when < start for when, prods, _ in supply.restrictions)
            if (first_licence <= d <= end and variant_hw and not variant_licensed
                    and chips.class_of.get(variant_hw) == chips.class_of.get(hardware)):
                notes.append(ExportNote(int(year), product, variant, first_licence, d, chips.by_name[hardware],
                                        chips.by_name[variant_hw], _sorted_ids([licensed[0][1], s])))
                break
    return tuple(notes)


def _row_equivalents(buyers: pd.DataFrame, chips: ChipTable, reference_tflops: float | None,
                     notes: tuple[ExportNote, ...]) -> tuple[list[dict], str | None]:
    """Each buyers row in H100-equivalents, split so that the export-version share can be applied by arithmetic:
    `fixed` (a single chip), `full` and `export` (a family, if all were its full chip or all its export version);
    `unconverted` counts units whose product has no compute figure."""
    variant_of = {(n.year, n.product): n.variant_tflops for n in notes}
    rows, export_names = [], []
    for year, buyer, product, region, units in zip(buyers["year"], buyers["buyer"], buyers["product"],
                                                   buyers["region"], buyers["units"]):
        row = {"year": int(year), "buyer": str(buyer), "china": region == CHINA, "units": int(units),
               "product": str(product), "fixed": 0.0, "full": 0.0, "export": 0.0, "unconverted": 0}
        hardware = chips.exact(product)
        fam = None if hardware else chips.family(product)
        if reference_tflops is None or (hardware is None and fam is None):
            row["unconverted"] = int(units)
        elif hardware:
            tflops = (variant_of.get((int(year), product), chips.by_name[hardware]) if row["china"]
                      else chips.by_name[hardware])
            row["fixed"] = units * tflops / reference_tflops
        else:
            top, low = fam
            if row["china"]:
                row["full"] = units * chips.by_name[top] / reference_tflops
                row["export"] = units * chips.by_name[low] / reference_tflops
                if low != top:
                    export_names.append(low)
            else:
                row["fixed"] = units * chips.by_name[top] / reference_tflops
        rows.append(row)
    return rows, (sorted(set(export_names))[0] if export_names else None)


def _compute(rows: list[dict]) -> tuple[ComputeYear, ...]:
    out = []
    for year in sorted({r["year"] for r in rows}):
        mine = [r for r in rows if r["year"] == year]
        cn = [r for r in mine if r["china"]]
        other = [r for r in mine if not r["china"]]
        out.append(ComputeYear(
            year, sum(r["units"] for r in cn), sum(r["units"] for r in other), sum(r["fixed"] for r in cn),
            sum(r["full"] for r in cn), sum(r["export"] for r in cn), sum(r["fixed"] for r in other),
            sum(r["unconverted"] for r in cn), sum(r["unconverted"] for r in other),
            tuple(sorted({r["product"] for r in mine if r["unconverted"]}))))
    return tuple(out)


def _holdings(rows: list[dict]) -> tuple[tuple[int, tuple[Holding, ...]], ...]:
    """Each Chinese buyer's cumulative listed purchases up to each year of the buyers data (its reserve, as far
    as the lists show it), in the parts `Holding.h100_eq` combines with the export-version share."""
    years = sorted({r["year"] for r in rows})
    out = []
    for year in years:
        held: dict[str, list[float]] = {}
        for r in rows:
            if r["china"] and r["year"] <= year:
                h = held.setdefault(r["buyer"], [0, 0.0, 0.0, 0.0, 0])
                h[0] += r["units"]
                h[1] += r["fixed"]
                h[2] += r["full"]
                h[3] += r["export"]
                h[4] += r["unconverted"]
        out.append((year, tuple(Holding(b, int(h[0]), h[1], h[2], h[3], int(h[4]))
                                for b, h in sorted(held.items()) if h[0] > 0)))
    return tuple(out)


def _domestic_compute(supply: Supply, chips: ChipTable, reference_tflops: float | None) -> Supply:
    """Each domestic milestone's chips in H100-equivalents, where the accelerator table gives the chip's dense BF16
    compute (C06 and C10 compare compute, not chip counts)."""
    def eq(m: Milestone) -> float | None:
        hardware = chips.exact(m.products)
        if m.chips is None or hardware is None or reference_tflops is None:
            return None
        return m.chips * chips.by_name[hardware] / reference_tflops
    return replace(supply, domestic=tuple(replace(m, h100_eq=eq(m)) for m in supply.domestic))


def _optional(tables: Mapping[str, pd.DataFrame], name: str) -> pd.DataFrame | None:
    try:
        return tables[name]
    except KeyError:
        return None


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    """Everything the rules read, computed once from the validated tables (no parameter)."""
    buyers = tables["gpu_buyers"]
    sources = tables["sources"]
    reference = tables["gpu_reference"]
    ref = reference.set_index("metric")["value"]
    supply = _supply(tables["gpu_supply_events"])
    chips = ChipTable(tables["infra_accelerators"])
    h100 = chips.exact("H100")
    reference_tflops = float(ref["h100_dense_bf16_tflops"]) if "h100_dense_bf16_tflops" in ref else (
        chips.by_name[h100] if h100 else None)
    if reference_tflops is not None and not reference_tflops > 0:
        reference_tflops = None
    supply = _domestic_compute(supply, ChipTable(tables["infra_accelerators"], domestic=True), reference_tflops)
    notes = _export_notes(buyers, supply, chips)
    eq_rows, variant = _row_equivalents(buyers, chips, reference_tflops, notes)
    compute = _compute(eq_rows)
    claim = _claim_check(buyers, tables["gpu_shipment_estimates"], sources)
    clusters = tables["gpu_supply_events"]
    clouds = cloud_companies(_optional(tables, "china_market_shares"))
    years = tuple(_year_summary(f, clouds) for _, f in buyers.groupby("year", sort=True))
    scarcity = _scarcity(tables["gpu_price_estimates"], reference, sources)
    article_year = claim.year if claim else None
    return Evidence(
        years=years, article_year=article_year, claim=claim, scarcity=scarcity, supply=supply,
        compute=compute, export_variant=variant, export_notes=notes, holdings=_holdings(eq_rows),
        families=frozenset(p for p in buyers["product"].astype(str).unique()
                           if chips.exact(p) is None and chips.family(p) is not None),
        bandwidth=((chips.bandwidth[variant], chips.bandwidth[h100], chips.by_name[variant] / reference_tflops)
                   if variant and h100 and reference_tflops and variant in chips.bandwidth
                   and h100 in chips.bandwidth else None),
        tencent_speedup=float(ref["tencent_hcc_speedup"]) if "tencent_hcc_speedup" in ref else None,
        cluster_sources=_sorted_ids(clusters.loc[clusters["category"] == "cluster", "source_id"]),
        c03=_c03_facts(years, scarcity),
        c06=_c06_facts(article_year, next((s for s in years if s.year == article_year), None), supply, compute),
        cadence=_cadence(supply), china=cc.owner_evidence(tables, CHINA_CLAIMS, CHINA_MODEL_CLAIMS))


def china_figure(ev: Evidence, claim: str) -> cc.ChainFigure:
    """China's evidence on `claim` (every one this chapter reads is parameter-free)."""
    return ev.china.figure(claim, {}) if ev.china is not None else cc.NO_CHINA


def china_model(ev: Evidence, claim: str) -> cc.ChainFigure:
    return ev.china.model(claim) if ev.china is not None else cc.NO_CHINA


# --- Facts each rule reads, prepared once (the rules only compare them with parameters) ---------------------


@dataclass(frozen=True)
class C03Facts:
    blocker: str | None                       # why the data cannot decide, if they cannot
    premium: float | None
    premium_text: str
    lead_weeks: float | None
    gate: tuple[tuple[int, float], ...]       # (year, cloud operators' share of Chinese-listed units)
    sources: tuple[str, ...]
    by_company: tuple[str, ...] = ()          # buyers counted as clouds because they run one (market-share data)
    typed_gate: tuple[tuple[int, float], ...] = ()   # the shares if only buyers classed as clouds counted


@dataclass(frozen=True)
class C06Facts:
    year: int | None
    blocker: str | None
    part_a: bool | None                       # None: the data cannot decide part (a)
    a_text: str
    china_units: int
    compute: ComputeYear | None               # the year's units in H100-equivalents
    deployed: tuple[Milestone, ...]           # domestic deployments with a chip count dated by the year's end
    sources: tuple[str, ...]

    @property
    def largest(self) -> Milestone | None:
        """The largest deployment in compute, or None when any deployment's compute is unknown (or none)."""
        if not self.deployed or any(m.h100_eq is None for m in self.deployed):
            return None
        return max(self.deployed, key=lambda m: m.h100_eq)


@dataclass(frozen=True)
class Cadence:
    """Domestic milestones before and after the first export rule, and the years each side spans."""

    rule_date: pd.Timestamp
    before: tuple[Milestone, ...]
    after: tuple[Milestone, ...]
    years_before: float
    years_after: float
    body: str = ""                            # the reason's parameter-free part, made once
    start: pd.Timestamp | None = None         # the windows: start to the rule, the rule to end (equal lengths)
    end: pd.Timestamp | None = None

    @property
    def rate_before(self) -> float:
        return len(self.before) / self.years_before

    @property
    def rate_after(self) -> float:
        return len(self.after) / self.years_after

    @property
    def ratio(self) -> float:
        return self.rate_after / self.rate_before

    @staticmethod
    def counted(side: tuple[Milestone, ...]) -> list[Milestone]:
        return [m for m in side if m.chips]

    @classmethod
    def largest(cls, side: tuple[Milestone, ...]) -> Milestone | None:
        """The largest deployment in compute (H100-equivalents); None when a counted one has no compute figure."""
        counted = cls.counted(side)
        if not counted or any(m.h100_eq is None for m in counted):
            return None
        return max(counted, key=lambda m: m.h100_eq)

    @property
    def scale(self) -> float | None:
        big_before, big_after = self.largest(self.before), self.largest(self.after)
        return big_after.h100_eq / big_before.h100_eq if big_before and big_after and big_before.h100_eq else None


def _c03_facts(years: tuple[YearSummary, ...], s: Scarcity) -> C03Facts:
    china_years = [y for y in years if y.china_units > 0]
    buyer_years = sorted(y.year for y in years)
    blocker = None
    if not china_years:
        blocker = text_c03_no_china()
    elif s.premium is None and s.lead_weeks is None:
        blocker = text_c03_no_scarcity()
    elif s.years and not set(s.years) & set(buyer_years):
        blocker = text_c03_no_overlap(s.years, buyer_years)
    premium_text = (text_premium(s.premium_item, s.premium, s.china_usd, s.us_usd)
                    if s.premium is not None else "")
    return C03Facts(blocker, s.premium, premium_text, s.lead_weeks,
                    tuple((y.year, y.china_cloud_share) for y in china_years),
                    s.sources + tuple(x for y in china_years for x in y.china_sources),
                    tuple(sorted({b for y in china_years for b in y.clouds_by_company})),
                    tuple((y.year, y.china_typed_cloud_share) for y in china_years))


def _c06_facts(year: int | None, summary: YearSummary | None, supply: Supply,
               compute: tuple[ComputeYear, ...]) -> C06Facts:
    sources = supply.sources
    if year is None:
        return C06Facts(None, text_no_article_year(), None, "", 0, None, (), sources)
    if summary is None or summary.china_units == 0:
        return C06Facts(year, text_c06_no_china(year), None, "", 0, None, (), sources)
    if not supply.restrictions and not supply.compliant:
        return C06Facts(year, text_c06_no_rules(), None, "", 0, None, (), sources)
    start, end = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    licensed = [d for d, _, _ in supply.restrictions if d < start]
    variants = [(d, p) for d, p, _ in supply.compliant if d <= end]
    part_a: bool | None
    if not supply.compliant:
        part_a, a_text = None, text_c06_no_export_versions(year)   # no export version recorded at all: unknown
    elif licensed and variants:
        part_a = True
        variant_names = sorted({p for _, p in variants})
        relicensed = [d for d, prods, _ in supply.restrictions if set(variant_names) & set(prods) and d <= end]
        a_text = text_c06_part_a(min(licensed), variant_names, min(d for d, _ in variants),
                                 max(relicensed) if relicensed else None)
    else:
        part_a, a_text = False, text_c06_no_part_a(year)
    deployed = tuple(sorted((m for m in supply.domestic if m.date <= end and m.chips), key=lambda m: m.date))
    unit_year = next((c for c in compute if c.year == year), None)
    if unit_year is not None and unit_year.china_unconverted:
        unit_year = None
    return C06Facts(year, None, part_a, a_text, summary.china_units, unit_year, deployed,
                    sources + summary.china_sources)


def _cadence(supply: Supply) -> Cadence | None:
    """Equal windows on both sides of the first export rule: as long as the shorter side of the record (from the
    first milestone to the rule; from the rule to the latest event in the data), at least a quarter of a year. A
    milestone on a window's edge counts; the window before the rule needs a milestone."""
    rule_date = supply.first_restriction
    if rule_date is None or not supply.domestic:
        return None
    before_all = [m for m in supply.domestic if m.date < rule_date]
    after_all = [m for m in supply.domestic if m.date >= rule_date]
    if not before_all or not after_all:
        return None
    span = min((rule_date - min(m.date for m in before_all)).days, (supply.data_end - rule_date).days)
    if span / DAYS_PER_YEAR < 0.25:
        return None
    start, end = rule_date - pd.Timedelta(days=span), rule_date + pd.Timedelta(days=span)
    before = tuple(m for m in before_all if m.date >= start)
    after = tuple(m for m in after_all if m.date <= end)
    if not before:
        return None
    made = Cadence(rule_date, before, after, span / DAYS_PER_YEAR, span / DAYS_PER_YEAR, start=start, end=end)
    return replace(made, body=text_c10_body(made))


# --- Verdict rules, one per claim ----------------------------------------------------------------------------


@rule("C03", reads=("scarcity_premium_min", "scarcity_lead_weeks_min"))
def compute_scarce_and_clouds_gatekeepers(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C03: compute was scarce and China's clouds controlled access to it.

    Scarcity: the China street-price premium over the US price of the same item is at least
    `scarcity_premium_min`, or a reported lead time is at least `scarcity_lead_weeks_min` weeks. Gatekeeping:
    cloud operators bought most (over half, as shown) of the units listed for Chinese buyers, judged in every year
    of the buyers data. A cloud operator is a buyer the buyers data class as a cloud or a company that runs a public
    cloud in the market-share data (ByteDance, through Volcano Engine), as the price-war chapter counts it; the
    reason gives the shares without the second group. The scarcity evidence must be dated in a year the buyers data
    hold. Supported when scarcity
    holds and clouds bought most in every year; contradicted when neither holds anywhere; partly otherwise.

    China's evidence (NVIDIA's revenue billed to China against the export rules) is weighed with
    `china_chain.add_china`: it shows demand, not scarcity or who controlled access, so it can lower a supported
    verdict but never decide the claim."""
    return cc.add_china(_base_c03(ev, params), china_figure(ev, "C03"), central=False)


def _base_c03(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    f = ev.c03
    if f.blocker:
        return Verdict.not_testable_here(f.blocker, sources=f.sources)
    premium_min, lead_min = params["scarcity_premium_min"], params["scarcity_lead_weeks_min"]
    scarce = ((f.premium is not None and f.premium >= premium_min)
              or (f.lead_weeks is not None and f.lead_weeks >= lead_min))
    most = [share_word(share) == "most" for _, share in f.gate]
    label = SUPPORTED if scarce and all(most) else CONTRADICTED if not scarce and not any(most) else PARTLY
    reason = text_c03_reason(f.premium_text, f.lead_weeks, premium_min, lead_min, scarce, f.gate)
    if f.by_company:
        reason += " " + text_c03_classification(f.by_company, f.typed_gate)
    return Verdict(label, text_c03_figure(f.gate), reason, PROXY, f.sources)


@rule("C04")
def article_total_vs_named_buyers(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C04: the article's annual total against the buyers it names itself.

    Partly supported when the named buyers' figures alone exceed the stated total (the per-buyer figures are not
    compared; the total cannot be annual); supported when they fit within it. Not testable when the data hold no
    claim row, no buyers for the claim's year, or no buyer flagged as named by the article."""
    c = ev.claim
    if c is None:
        return Verdict.not_testable_here(text_no_claim())
    if c.listed_count == 0:
        return Verdict.not_testable_here(text_c04_no_year(c.year), sources=c.sources)
    if c.named_count == 0:
        return Verdict.not_testable_here(text_c04_none_named(c.year), sources=c.sources)
    if c.named_units > c.claim_units:
        return Verdict(PARTLY, text_c04_figure(c), text_c04_exceeds(c), PROXY,
                       c.sources + ((c.best.source_id,) if c.best else ()))
    return Verdict(SUPPORTED, text_c04_figure(c), text_c04_within(c), PROXY, c.sources)


def _ranks(ev: Evidence, buyer: str, export_share: float) -> list[tuple[int, str, int, tuple[str, ...], int, int]]:
    """Per year with at least two Chinese buyers listed so far: (year, 'first'/'tied'/'lower'/'absent'/'unknown',
    reserve in H100-equivalents, tied with, rank, Chinese buyers). A reserve is the buyer's listed purchases up to
    that year, in H100-equivalents (`export_share` for families); 'unknown' when a listed product has no compute
    figure. Reserves are compared at whole H100-equivalents, so equal purchases tie."""
    out = []
    for year, held in ev.holdings:
        if len(held) < 2:
            continue
        if any(h.unconverted for h in held):
            out.append((year, "unknown", 0, (), 0, len(held)))
            continue
        reserve = {h.buyer: round(h.h100_eq(export_share)) for h in held}
        if buyer not in reserve:
            out.append((year, "absent", 0, (), 0, len(reserve)))
            continue
        mine = reserve[buyer]
        above = sum(1 for u in reserve.values() if u > mine)
        ties = tuple(sorted(b for b, u in reserve.items() if u == mine and b != buyer))
        kind = "lower" if above else "tied" if ties else "first"
        out.append((year, kind, mine, ties, above + 1, len(reserve)))
    return out


RANKED = ("first", "tied", "lower")


@rule("C05", reads=("h20_share_china",))
def tencent_boldest_chinese_buyer(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C05: Tencent was the largest Chinese buyer, and its HCC cluster was three times faster.

    Tencent's reserve (its listed purchases up to each year, in H100-equivalents) is ranked among Chinese buyers
    in every year with at least two of them. "Bought more than any other" holds in a year when Tencent is first
    alone, in part when it ties first with some buyers, and fails when it is lower or level with every other one.
    The speed-up is the vendor's own figure against an unnamed baseline: an untested part (graded by
    `verdicts.grade`, the rank being the central part)."""
    ranks = _ranks(ev, "Tencent", params["h20_share_china"])
    listed = [r for r in ranks if r[1] in RANKED]
    sources = tuple(x for y in ev.years for x in y.china_sources) + ev.cluster_sources
    if not listed:
        return Verdict.not_testable_here(text_rank_missing("Tencent", ranks, ev.any_china), sources=sources)
    firsts = [r for r in listed if r[1] == "first"]
    years = [True if r[1] == "first" else SOME if r[1] == "tied" and not _level_with_all(r) else False
             for r in listed]
    rank_part: Part = True if all(y is True for y in years) else False if all(y is False for y in years) else SOME
    label = grade([rank_part, None]) or NOT_TESTABLE_HERE
    return Verdict(label, text_rank_figure(listed), text_c05_reason(ranks, listed, firsts, ev.tencent_speedup),
                   PROXY, sources)


def _level_with_all(r: tuple) -> bool:
    """A rank tied with every other Chinese buyer listed that year: first with none."""
    return r[1] == "tied" and len(r[3]) == r[5] - 1


@rule("C06", reads=("h20_share_china", "domestic_scale_share"))
def compliant_chips_and_no_domestic_scale(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C06: in the article's year Chinese buyers could buy only export versions, still got high-end compute, and
    domestic chips were not yet at scale.

    Three parts, each computed: (a) the full products were licensed before the year and export versions went on
    sale by its end; (b) Chinese buyers' listed units average at least half an H100 of dense BF16 compute
    (`HIGH_END_H100_EQUIV`, with `h20_share_china` for families); (c) the largest domestic-chip deployment dated
    by the year's end, in H100-equivalents, is below `domestic_scale_share` of the Chinese buyers' NVIDIA compute
    that year. A part the data cannot decide (no export version recorded, no compute figure for a chip, no dated
    deployment) is undecided, never failed: see `c06_label`.

    China's evidence (what NVIDIA still billed to China after the first rules) speaks to part (b) only and is
    weighed with `china_chain.add_china`."""
    return cc.add_china(_base_c06(ev, params), china_figure(ev, "C06"), central=False)


def _base_c06(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    f = ev.c06
    if f.blocker:
        return Verdict.not_testable_here(f.blocker, sources=f.sources)
    mix, bar = params["h20_share_china"], params["domestic_scale_share"]
    china_eq = f.compute.china_eq(mix) if f.compute else None
    per_unit = china_eq / f.china_units if china_eq is not None else None
    part_b = None if per_unit is None else per_unit >= HIGH_END_H100_EQUIV
    largest = f.largest
    scale = largest.h100_eq / china_eq if largest is not None and china_eq else None
    part_c = None if scale is None else scale < bar
    parts = (f.part_a, part_b, part_c)
    label = c06_label(parts)
    reason = text_c06_reason(f.year, f.a_text, f.china_units, per_unit, part_b, f.deployed, largest, scale, bar,
                             part_c)
    return Verdict(label, text_c06_figure(sum(p is True for p in parts), sum(p is None for p in parts), f.year),
                   reason, PROXY, f.sources)


def c06_label(parts: tuple[bool | None, bool | None, bool | None]) -> str:
    """(a) is the central part: graded by `verdicts.grade` (CRITERIA). It failing contradicts the claim; every
    tested part holding with (a) among them and no more parts untested than hold supports it; nothing holding
    with (a) undecided leaves the claim undecided by this data."""
    return grade(parts, central=0) or NOT_TESTABLE_HERE


@rule("C07")
def baidu_priority_supply(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C07: a rumour about priority supply; no public allocation data can decide it."""
    return Verdict.not_testable(text_c07_reason(), figure=text_c07_figure())


@rule("C08", reads=("unit_price_low_usd",))
def capital_decided_winners(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C08: capital (and control of supply) decided who won the first phase.

    Not testable with public data: a list of the largest buyers shows that large purchases took capital (every
    listed buyer is there because it bought much), never that capital decided who won; that needs the buyers'
    capital set against an outcome, which no public data give. The reason shows the article year's smallest listed
    purchase at the low price `unit_price_low_usd` and the concentration, as context.

    The chain model's reading (does the vendor with the most GPUs at the start end largest, over the model's
    documented ranges?) is weighed with `china_chain.add_model`: it is stated and never decides the claim."""
    return cc.add_model(_base_c08(ev, params), china_model(ev, "C08"))


def _base_c08(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    s = ev.year(ev.article_year)
    if s is None:
        return Verdict.not_testable_here(text_c08_no_year(ev.article_year))
    smallest = s.smallest
    price = params["unit_price_low_usd"]
    if smallest is None:
        return Verdict.not_testable(text_c08_reason(s, None, 0, 0.0, price), text_c08_figure(None, s.year),
                                    sources=s.sources)
    buyer, units = smallest
    bill_bn = units * price / 1e9
    return Verdict.not_testable(text_c08_reason(s, buyer, units, bill_bn, price),
                                text_c08_figure(bill_bn, s.year), sources=s.sources)


@rule("C09", reads=("h20_share_china",))
def alibaba_reserves(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C09: vendors with large GPU reserves (Alibaba) could later cut prices.

    Alibaba's reserve (listed purchases up to each year, in H100-equivalents) ranked among Chinese buyers in every
    year with at least two of them: supported when first (or tied first) in every year it is ranked, partly
    supported when listed but not first (its price cuts are tested in the
    price-war chapter), not testable when it is never listed.

    China's evidence (do GPUs bought rank the clouds as their later AI-cloud revenue does?) bears on the path the
    claim describes, not on the price cuts, and is weighed with `china_chain.add_china`."""
    return cc.add_china(_base_c09(ev, params), china_figure(ev, "C09"), central=False)


def _base_c09(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    ranks = _ranks(ev, "Alibaba", params["h20_share_china"])
    listed = [r for r in ranks if r[1] in RANKED]
    sources = tuple(x for y in ev.years for x in y.china_sources)
    if not listed:
        return Verdict.not_testable_here(text_rank_missing("Alibaba", ranks, ev.any_china), sources=sources)
    first = all(r[1] in ("first", "tied") for r in listed)
    return Verdict(SUPPORTED if first else PARTLY, text_rank_figure(listed, "Alibaba "),
                   text_c09_reason(ranks, first), PROXY, sources)


@rule("C10", reads=("acceleration_min_ratio",))
def own_chips_accelerated(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C10: unreliable NVIDIA supply pushed vendors into their own chips (an acceleration).

    Two measures, in equal windows before and after the first export rule (as long as the shorter side of the
    record; a milestone on a window's edge counts): the launch cadence (domestic milestones per year) and the
    scale (the largest deployment in H100-equivalents; not compared when a counted chip has no compute figure). Each
    counts as accelerated
    when after/before is at least `acceleration_min_ratio`. Supported when both accelerated, contradicted when
    neither did, partly supported otherwise (also when scale cannot be compared). Dates cannot show cause; the
    reason says so.

    China's evidence (the revenue of China's AI-chip makers while NVIDIA's H20 sales to China collapsed) is a third
    measure of acceleration, weighed with `china_chain.add_china` as bearing on the claim's central part."""
    return cc.add_china(_base_c10(ev, params), china_figure(ev, "C10"), central=True)


def _base_c10(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    c = ev.cadence
    if c is None:
        return Verdict.not_testable_here(text_c10_missing(), sources=ev.supply.sources)
    bar = params["acceleration_min_ratio"]
    parts = [c.ratio >= bar] + ([c.scale >= bar] if c.scale is not None else [])
    label = SUPPORTED if len(parts) == 2 and all(parts) else CONTRADICTED if not any(parts) else PARTLY
    return Verdict(label, text_c10_figure(c), text_c10_reason(c, bar), ANECDOTE if len(c.after) < 3 else PROXY,
                   ev.supply.sources)


RULES = rules_of(sys.modules[__name__])


# --- The chapter's figures, frames and titles ----------------------------------------------------------------


def _revenue_values(revenue: pd.DataFrame, annual: pd.DataFrame) -> tuple[dict[str, Any], pd.DataFrame]:
    rev = revenue.sort_values(["fiscal_year", "fiscal_quarter"], kind="mergesort").reset_index(drop=True)
    rev = rev.assign(label=[f"FY{y} Q{q}" for y, q in zip(rev["fiscal_year"], rev["fiscal_quarter"])])
    v: dict[str, Any] = {"rev_quarters": len(rev)}
    if len(rev):
        first, last = rev.iloc[0], rev.iloc[-1]
        v.update(rev_first_label=first["label"], rev_last_label=last["label"],
                 rev_first=float(first["revenue_usd_bn"]), rev_last=float(last["revenue_usd_bn"]),
                 rev_first_source=first["source_id"])
        v["rev_multiple"] = (float(last["revenue_usd_bn"] / first["revenue_usd_bn"])
                             if first["revenue_usd_bn"] > 0 else 1.0)
    by_key = {(int(y), int(q)): float(r) for y, q, r in zip(rev["fiscal_year"], rev["fiscal_quarter"],
                                                           rev["revenue_usd_bn"])}
    growth = []
    for y, q, r, reported in zip(rev["fiscal_year"], rev["fiscal_quarter"], rev["revenue_usd_bn"],
                                 rev["reported_yoy_pct"]):
        if pd.notna(reported):
            growth.append((float(reported) / 100, f"FY{y} Q{q}", True))     # NVIDIA's figure, unrounded inputs
        elif by_key.get((int(y) - 1, int(q)), 0) > 0:
            growth.append((float(gpu.growth(r, by_key[(int(y) - 1, int(q))])), f"FY{y} Q{q}", False))
    if growth:
        peak = max(growth, key=lambda g: g[0])
        v.update(peak_yoy=peak[0], peak_yoy_label=peak[1], peak_yoy_reported=peak[2])
    if len(annual):
        a = annual.sort_values("fiscal_year").iloc[-1]
        quarters = rev[rev["fiscal_year"] == a["fiscal_year"]]
        v.update(annual_label=f"FY{int(a['fiscal_year'])}", annual_usd_bn=float(a["revenue_usd_bn"]))
        if pd.notna(a["reported_growth_pct"]):
            v["annual_growth"] = float(a["reported_growth_pct"]) / 100
        if len(quarters) == 4:   # a figure only where four quarters can be summed (no None among the values)
            v["annual_quarter_sum"] = float(quarters["revenue_usd_bn"].sum())
    v["revenue_sentence"] = revenue_sentence(v) + annual_sentence(v)
    return v, rev


def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, frame, title and verdict of the chapter (`evidence`: `prepare(tables)`, if already made)."""
    ev = evidence if evidence is not None else prepare(tables)
    result = ChapterResult()
    v = result.values
    buyers = tables["gpu_buyers"]
    first, last = ev.years[0], ev.years[-1]

    # Who got the GPUs
    v.update(first_year=first.year, last_year=last.year, n_years=len(ev.years))
    srcs = tables["sources"].set_index("id")["publisher"]
    v["first_publisher"] = "; ".join(dict.fromkeys(srcs.get(s, s) for s in
                                                   buyers.loc[buyers["year"] == first.year, "source_id"]))
    for label, s in (("first", first), ("last", last)):
        v.update({f"{label}_buyers": s.buyers, f"{label}_units": s.units, f"{label}_product": s.product,
                  f"{label}_top2_names": s.top_names, f"{label}_top2_share": s.top2_share, f"{label}_hhi": s.hhi,
                  f"{label}_china_share": s.china_share, f"{label}_cloud_share": s.cloud_share})
    lead, china = first_year_sentences(first)
    v["first_top2_sentence"], v["first_china_sentence"] = lead, china
    v["later_year_sentence"] = later_year_sentence(first, last)
    v["cloud_sentence"] = cloud_sentence(first, last)
    v["lists_sentence"] = lists_sentence(first, last, ev.families)
    result.frames["buyers"] = buyers.assign(
        share=buyers.groupby("year")["units"].transform(lambda u: u / u.sum() if u.sum() else 0.0))
    result.titles["buyers"] = buyers_title(first, last)
    v["largest_last"] = last.top_names

    # Do the article's figures add up?
    c = ev.claim
    if c is not None:
        v.update(claim_units=c.claim_units, claim_products=c.claim_products, claim_year=c.year,
                 named_count=c.named_count, named_units=c.named_units, listed_count=c.listed_count,
                 listed_units=c.listed_units)
        v["best_publisher"] = c.best.publisher if c.best else "no other publisher"
        v["best_matches_claim"] = bool(c.best and c.best.units == c.claim_units)
        v["best_days"] = c.best.days if c.best else 0
        v["best_products"] = c.best.products if c.best else ""
        rows = [{"figure": f"Article: total {c.claim_products} sold in {c.year}", "units": c.claim_units,
                 "covers": f"{c.claim_days} days"}]
        if c.named_count:
            rows.append({"figure": f"Article's own named buyers ({c.named_count}), summed", "units": c.named_units,
                         "covers": f"{c.year}, {c.named_products} only"})
        if c.listed_count:
            rows.append({"figure": f"All {c.listed_count} buyers in the estimates, summed", "units": c.listed_units,
                         "covers": f"{c.year}, {c.listed_products} only"})
        if c.best:
            rows.append({"figure": f"{c.best.publisher}: {c.best.qualifier} this many {c.best.products}",
                         "units": c.best.units, "covers": c.best.period})
        result.frames["comparison"] = pd.DataFrame(rows)
    else:
        v.update(claim_units=0, claim_products="GPUs", claim_year=first.year, named_count=0, named_units=0,
                 listed_count=0, listed_units=0, best_publisher="no other publisher", best_matches_claim=False,
                 best_days=0, best_products="")
        result.frames["comparison"] = pd.DataFrame(columns=["figure", "units", "covers"])

    v["claim_sentence"] = claim_sentence(c)
    v["listed_sentence"] = listed_sentence(c)
    v["best_sentence"] = best_match_sentence(c)

    # Chips and compute side by side
    mix = params["h20_share_china"]
    rows = []
    for cy, ys in zip(ev.compute, ev.years):
        share = cy.compute_share(mix)
        rows.append({"year": cy.year, "unit_share": ys.china_share, "compute_share": share,
                     "family_units": cy.china_family_full > 0,
                     "china_h100_eq": cy.china_eq(mix), "all_h100_eq": cy.china_eq(mix) + cy.other_eq,
                     "unconverted": cy.china_unconverted + cy.other_unconverted,
                     "missing": ", ".join(cy.unconverted_products)})
    compute = pd.DataFrame(rows)
    result.frames["compute"] = compute
    result.frames["compute_table"] = compute_table(rows)
    long = pd.concat([
        compute.assign(measure="GPUs (units)", share=compute["unit_share"]),
        compute.assign(measure="Compute (H100-equivalents)", share=compute["compute_share"])])
    result.frames["compute_long"] = long.dropna(subset=["share"])[["year", "measure", "share"]]
    v["compute_sentence"] = compute_sentence(rows, ev.export_variant, mix)
    v["export_version_sentence"] = export_version_sentence(ev.export_notes)
    v["bandwidth_sentence"] = text_bandwidth(ev.export_variant, ev.bandwidth)
    v["export_variant"] = ev.export_variant or "export version"
    v["h20_share_china"] = mix
    known = [r for r in rows if r["compute_share"] is not None]
    result.titles["compute"] = compute_title(known, ev.any_china)

    # What those GPUs cost and could compute
    prices = tables["gpu_price_estimates"]
    ref = tables["gpu_reference"].set_index("metric")["value"]
    peak_tflops = float(ref.get("h100_dense_bf16_tflops", 0.0))
    run_gpu_hours = float(ref.get("deepseek_v3_training_gpu_hours", 0.0))
    # The money section is about the article's year when the data hold it (review3 B15: a 2022 row moved it), and
    # prices only the products the price table covers (its estimates are for the H100).
    money = ev.year(ev.article_year) or first
    money_compute = next((c for c in ev.compute if c.year == money.year), ev.compute[0])
    in_year = buyers[buyers["year"] == money.year]
    priced_mask = in_year["product"].map(lambda x: _priced(str(x), prices["item"]))
    priced_units = int(in_year.loc[priced_mask, "units"].sum())
    unpriced = in_year.loc[~priced_mask]
    capex = {name: float(gpu.capex_usd(priced_units, params[p])) for name, p in
             (("low", "unit_price_low_usd"), ("central", "unit_price_usd"), ("high", "unit_price_high_usd"))}
    v.update({f"capex_{k}_bn": x / 1e9 for k, x in capex.items()})
    v.update(money_year=money.year, money_units=priced_units)
    # The fleet in H100-equivalents, so that other products count at their own compute (2023's H100s: 1 each).
    fleet, fleet_text = fleet_basis(money_compute, money.units, mix)
    v.update(peak_tflops=peak_tflops, fleet_utilisation=params["fleet_utilisation"],
             training_share=params["training_share"], unit_price_usd=params["unit_price_usd"],
             run_gpu_hours_m=run_gpu_hours / 1e6, fleet_h100_eq=fleet, fleet_unit_text=fleet_text,
             fleet_exaflops=float(gpu.sustained_flops(fleet, peak_tflops, params["fleet_utilisation"])) / 1e18,
             runs_per_year=(float(gpu.training_runs_per_year(fleet, run_gpu_hours, params["training_share"]))
                            if run_gpu_hours > 0 else 0.0),
             price_estimates_low=float(prices["low_usd"].min()), price_estimates_high=float(prices["high_usd"].max()),
             ex_hours_per_year=gpu.HOURS_PER_YEAR)
    price_years = tuple(sorted({y for y in map(_year_of, prices["period"]) if y}))
    top = prices.sort_values("high_usd", ascending=False, kind="mergesort").iloc[0]
    v["price_top_text"] = text_price_top(str(top["market"]), str(top["item"]))
    v["price_period_sentence"] = price_period_sentence(money.year, price_years) + text_unpriced(
        int(unpriced["units"].sum()), sorted(set(unpriced["product"].astype(str))))
    capex_frame = result.frames["buyers"][buyers["year"] == money.year]
    result.frames["capex"] = capex_frame[capex_frame["product"].map(lambda x: _priced(str(x), prices["item"]))] \
        if "product" in capex_frame else capex_frame
    result.titles["capex"] = capex_title(money.year, capex["central"] / 1e9)

    # Export controls and supply
    revenue_values, rev = _revenue_values(tables["nvidia_dc_revenue"], tables["nvidia_dc_revenue_annual"])
    v.update(revenue_values)
    result.frames["revenue"] = rev
    events = tables["gpu_supply_events"].sort_values("date", kind="mergesort")
    start = rev["quarter_end"].min() - pd.DateOffset(months=3) if len(rev) else events["date"].min()
    result.frames["supply_events"] = events[events["date"] >= start].assign(
        kind=lambda d: d["category"].str.replace("-", " "))
    result.frames["timeline"] = events[["date", "date_precision", "category", "products", "event"]]
    result.titles["supply"] = revenue_title(v.get("rev_multiple", 1.0))
    dom = events[events["category"] == "domestic-chip"]
    result.frames["domestic"] = dom.assign(
        side=np.where(dom["date"] < ev.supply.first_restriction, "before the first export rule",
                      "after it") if ev.supply.first_restriction is not None else "no export rule in the data")
    restrictions = events[events["category"] == "restriction"]
    result.frames["first_rule"] = restrictions.head(1)[["date", "event"]]
    v["domestic_sentence"] = domestic_span_sentence(ev.supply.domestic)
    cad = ev.cadence
    result.titles["domestic"] = (
        f"Domestic chip milestones: {cad.rate_before:.1f} a year before the first export rule, "
        f"{cad.rate_after:.1f} a year after" if cad else "Domestic chip milestones in the data")

    # Verdicts
    result.verdicts = {claim: r(ev, params) for claim, r in RULES.items()}
    v["scarcity_premium"] = ev.scarcity.premium if ev.scarcity.premium is not None else 0.0
    v["scarcity_lead_weeks"] = ev.scarcity.lead_weeks or 0.0
    result.frames["check_hhi"] = _hhi_frame(last)
    _check_finite(v)
    return result


def _priced(product: str, items: Any) -> bool:
    """Whether the price table covers a listed product: an estimate's item names it (an 'H100 ...' item prices
    the H100; a family such as 'Hopper' or an A100 has no price of its own)."""
    return any(str(item).casefold().startswith(product.casefold()) for item in items)


def fleet_basis(c: ComputeYear, units: int, export_share: float) -> tuple[float, str]:
    """The first year's fleet in H100-equivalents, the same count as the compute table's, and how the page names
    its unit (units with no compute figure are left out and said to be)."""
    fleet = c.china_eq(export_share) + c.other_eq
    left_out = c.china_unconverted + c.other_unconverted
    if left_out:
        return fleet, text_fleet_unit(fleet, left_out, ", ".join(c.unconverted_products))
    return fleet, text_fleet_unit(None if abs(fleet - units) < 0.5 else fleet)


def _hhi_frame(s: YearSummary) -> pd.DataFrame:
    units = np.array([u for _, u in s.ranked], dtype=float)
    share = units / units.sum() * 100 if units.sum() else units
    return pd.DataFrame({"buyer": [b for b, _ in s.ranked], "units": units.astype(int), "share_pct": share,
                         "squared": share ** 2})


def _check_finite(values: Mapping[str, Any]) -> None:
    """A figure the page quotes is never NaN or infinite (a rule would have said what is missing instead)."""
    bad = [k for k, x in values.items() if isinstance(x, float) and not math.isfinite(x)]
    if bad:
        raise ValueError(f"gpu_allocation: figures not finite: {', '.join(sorted(bad))}")

