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
from aicloud.models import gpu_allocation as gpu
from aicloud.verdicts import ANECDOTE, CONTRADICTED, PARTLY, PROXY, SUPPORTED, Verdict, direction, majority

CHINA = "China"
CLOUD = "cloud"
HIGH_END_H100_EQUIV = 0.5   # a chip with at least half an H100's dense BF16 compute counts as high-end (C06)
DAYS_PER_YEAR = 365.25

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
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


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


def top_two_text(s: YearSummary) -> str:
    if s.buyers == 1:
        return f"the only buyer, {s.top_names}, took all of them"
    return f"the top two, {s.top_names}, took {pct(s.top2_share)}"


def later_year_sentence(first: YearSummary, last: YearSummary) -> str:
    """The comparison of the last year with the first, or what a single year cannot show."""
    if first.year == last.year:
        return (f"The data hold {first.year} only, so they cannot show how buying changed from one year to "
                "another.")
    return (f"In {last.year} the list covers {last.product} and {num(last.units)} units among {last.buyers} "
            f"buyers: {top_two_text(last)} (HHI {num(last.hhi)}, {change_phrase(last.hhi - first.hhi, '')}), "
            f"and Chinese buyers {pct(last.china_share)} "
            f"({change_phrase((last.china_share - first.china_share) * 100, 'percentage points')}).")


def cloud_sentence(first: YearSummary, last: YearSummary) -> str:
    if first.year == last.year:
        return (f"Cloud operators (by the project's classification) bought {pct(first.cloud_share)} of the listed "
                f"units in {first.year}.")
    return (f"Cloud operators (by the project's classification) bought {pct(first.cloud_share)} of the listed "
            f"units in {first.year} and {pct(last.cloud_share)} in {last.year}.")


def first_year_sentences(s: YearSummary) -> tuple[str, str]:
    lead = (f"The two largest, {s.top_names}, took {pct(s.top2_share)}" if s.buyers > 1
            else f"The only buyer listed, {s.top_names}, took all of them")
    china = (f"Chinese buyers took {pct(s.china_share)}." if s.china_units
             else "No Chinese buyer is listed.")
    return lead, china


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
    """China's share in chips and in H100-equivalents, year by year; wording follows the numbers."""
    known = [r for r in rows if r["compute_share"] is not None]
    if all(r["unit_share"] == 0 for r in rows):
        return "No Chinese buyer is listed, so there is no Chinese share to count in compute."
    if not known:
        return ("The accelerator table has no dense BF16 figure for the products listed, so the shares cannot be "
                "counted in compute.")
    parts = [f"{pct(r['unit_share'])} of the GPUs and {pct(r['compute_share'])} of the compute in {r['year']}"
             for r in known]
    text = f"Chinese buyers took {'; '.join(parts)}."
    gaps = [r for r in rows if r["compute_share"] is None]
    if gaps:
        text += f" For {years_text([r['year'] for r in gaps])} no listed product has a compute figure."
    partial = [r for r in known if r["unconverted"]]
    if partial:
        text += " The compute shares leave out " + "; ".join(
            f"{num(r['unconverted'])} units of {r['missing']} in {r['year']}" for r in partial) + \
            ", which have no compute figure."
    if mix_name:
        text += (f" The difference comes from the {mix_name}: the chapter assumes {pct(mix_share)} of Chinese "
                 f"buyers' units of a GPU family were this export version.")
    if len(known) > 1:
        a, b = known[0], known[-1]
        text += (f" Counted in chips China's share {direction(round(b['unit_share'] - a['unit_share'], 2))} from "
                 f"{a['year']} to {b['year']}; counted in compute it "
                 f"{direction(round(b['compute_share'] - a['compute_share'], 2))}.")
    return text


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
        "... of the compute": pct(r["compute_share"]) if r["compute_share"] is not None else "no compute figure",
        "Chinese buyers, H100-equivalents": num(r["china_h100_eq"]),
        "all listed buyers, H100-equivalents": num(r["all_h100_eq"]),
        "units without a compute figure": num(r["unconverted"])} for r in rows])


def text_price_top(market: str, item: str) -> str:
    kind = "a street price" if "street" in item.lower() else "a price"
    return f"{kind} in {market}"


def text_fleet_unit(h100_equivalents: float | None, unconverted: bool = False) -> str:
    if unconverted:
        return "GPU (the accelerator table has no figure for every listed product, so each counts as an H100)"
    if h100_equivalents is None:
        return "GPU"
    return f"H100-equivalent (the fleet counts as {num(h100_equivalents)} of them)"


def revenue_title(multiple: float) -> str:
    word = direction(multiple - 1, up="grew", down="shrank", same="held level")
    return (f"NVIDIA's data-center revenue {word} {multiple:.0f}x while export rules tightened" if multiple >= 1.5
            else f"NVIDIA's data-center revenue {word} while export rules tightened")


def revenue_sentence(v: dict) -> str:
    if v["rev_quarters"] < 2:
        return "The revenue data hold one quarter only, so no growth can be computed."
    text = (f"NVIDIA's data-center revenue went from USD {v['rev_first']:,.2f} bn in {v['rev_first_label']} to "
            f"{v['rev_last']:,.1f} bn in {v['rev_last_label']}, {v['rev_multiple']:.1f} times as much")
    if v.get("peak_yoy_label"):
        text += (f"; the fastest year-on-year growth was {v['peak_yoy']:.0%} in {v['peak_yoy_label']}"
                 f"{' (as NVIDIA reports it)' if v['peak_yoy_reported'] else ''}")
    return text + "."


def annual_sentence(v: dict) -> str:
    if not v.get("annual_label"):
        return ""
    text = f" For the whole of {v['annual_label']} NVIDIA reports USD {v['annual_usd_bn']:,.1f} bn"
    if v.get("annual_growth") is not None:
        text += f", {v['annual_growth']:.0%} {'more' if v['annual_growth'] >= 0 else 'less'} than a year earlier"
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


def text_c04_no_year(year: int) -> str:
    return f"The article's total is for {year}, and the buyers data hold no {year} rows."


def text_c04_none_named(year: int) -> str:
    return f"No buyer in the {year} data is flagged as named by the article, so its parts cannot be added up."


def text_c04_figure(c: ClaimCheck) -> str:
    return f"{num(c.named_units)} named vs {num(c.claim_units)} stated"


def text_c04_exceeds(c: ClaimCheck) -> str:
    span = (f"the estimate of that size covers {c.best.days} days and {c.best.products}" if c.best
            else "no estimate in the data covers the same products")
    return (f"The buyer figures match the estimates, but the named buyers alone sum to {num(c.named_units)} "
            f"{c.named_products}, more than the stated total of {num(c.claim_units)} for the year; {span}.")


def text_c04_within(c: ClaimCheck) -> str:
    return f"The named buyers sum to {num(c.named_units)}, within the stated total of {num(c.claim_units)}."


def text_rank_item(r: tuple) -> str:
    year, kind, units, ties, rank, of = r
    if kind == "absent":
        return f"not listed in {year}"
    if kind == "first":
        return f"first in {year} with {num(units)} GPUs"
    if kind == "tied":
        return f"tied first with {names(list(ties))} in {year} at {num(units)} GPUs"
    return f"{rank} of {of} in {year} with {num(units)} GPUs"


def text_rank_figure(listed: list[tuple], prefix: str = "") -> str:
    return "; ".join(prefix + text_rank_item(r) for r in listed)


def text_rank_missing(buyer: str, any_ranks: bool, any_china: bool) -> str:
    if not any_china:
        return "The buyers data list no Chinese buyer, so no rank among Chinese buyers can be read."
    if not any_ranks:
        return "The buyers data list fewer than two Chinese buyers in every year, so no rank can be read."
    return f"The buyers data do not list {buyer} among the Chinese buyers, so its rank cannot be read."


def text_c05_reason(ranks: list[tuple], listed: list[tuple], firsts: list[tuple], speedup: float | None) -> str:
    alone = len(firsts) == len(listed) and all(r[1] == "first" for r in listed)
    verdict = ("fits the article in every year listed" if alone else "depends on the year" if firsts
               else "never puts Tencent first")
    claim = (f"the claimed {speedup:g}x cluster speed-up is the vendor's own figure against an unnamed previous "
             "generation, so it cannot be tested" if speedup else "the claimed cluster speed-up is not in the data")
    per_year = "; ".join(text_rank_item(r) for r in ranks)
    return f"Among Chinese buyers Tencent was {per_year}. The rank {verdict}; {claim}."


def text_c09_reason(ranks: list[tuple], first: bool) -> str:
    return (f"Among Chinese buyers of the listed GPUs Alibaba was {'; '.join(text_rank_item(r) for r in ranks)}, so "
            f"the data {'show' if first else 'do not show'} it holding the largest reserve; its later price cuts "
            "are real (see the price-war chapter), and A800/H800 holdings are not public.")


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


def text_c06_figure(held: int, year: int) -> str:
    return f"{held} of 3 parts hold in {year}"


def text_c06_reason(year: int, a_text: str, china_units: int, per_unit: float | None, part_b: bool,
                    largest: Milestone | None, scale: float, bar: float, part_c: bool) -> str:
    b_text = (f"Chinese buyers listed {num(china_units)} GPUs worth {per_unit:.2f} H100 each in dense compute, "
              f"{'so they got' if part_b else 'not'} high-end compute" if per_unit is not None else
              f"Chinese buyers listed {num(china_units)} GPUs whose compute the accelerator table cannot give, so "
              "high-end compute is not shown")
    c_text = (f"the largest domestic deployment dated by the end of {year} was {num(largest.chips)} "
              f"{largest.products} chips ({largest.date:%b %Y}), {pct(scale)} of that" if largest else
              f"no domestic deployment with a chip count is dated by the end of {year}")
    return (f"In {year} {a_text}; {b_text}; {c_text}, {'below' if part_c else 'at or above'} the {pct(bar)} the "
            f"chapter counts as at scale, so own chips {'were not yet' if part_c else 'were already'} at scale.")


def text_c07_reason() -> str:
    return ("Which Chinese buyer received A800s first is a rumour; only the 2020 launch of the PaddlePaddle "
            "hardware ecosystem is public, and it says nothing about GPU priority.")


def text_c07_figure() -> str:
    return "no public allocation data"


def text_c08_no_year(year: int | None) -> str:
    return ("The buyers data hold no rows for the article's first phase"
            + (f" ({year})." if year is not None else "."))


def text_c08_figure(bill_bn: float, year: int) -> str:
    return f"smallest listed bill USD {bill_bn:,.2f} bn in {year}"


def text_c08_reason(s: YearSummary, buyer: str, units: int, bill_bn: float, price: float, bar: float,
                    holds: bool) -> str:
    concentration = (f"the top two took {pct(s.top2_share)}, {share_word(s.top2_share)} of the listed units (HHI "
                     f"{num(s.hhi)}, {'above' if s.hhi > 2500 else 'below'} the 2,500 that usually counts as highly "
                     "concentrated)" if s.buyers > 1 else "only one buyer is listed")
    return (f"In {s.year} even the smallest listed purchase, {buyer}'s {num(units)} GPUs, cost about USD "
            f"{bill_bn:,.2f} bn at the low price of USD {num(price)}, {'at or above' if holds else 'below'} the USD "
            f"{bar:,.2f} bn the chapter counts as a bill only a large firm could pay; {concentration}. That capital "
            "decided the winners is an interpretation the data cannot prove.")


def text_c10_missing() -> str:
    return ("The events data need an export rule and domestic-chip milestones on both sides of it, each side "
            "spanning at least a quarter of a year, to compare before with after.")


def text_c10_figure(c: Cadence) -> str:
    return f"cadence x{c.ratio:.2f}" + (f", scale x{c.scale:.1f}" if c.scale is not None else "")


def text_c10_body(c: Cadence) -> str:
    """The part of the C10 reason that no parameter changes (made once)."""
    text = (f"Before the first export rule ({c.rule_date:%d %b %Y}) the data hold "
            f"{plural(len(c.before), 'domestic-chip milestone')} in {c.years_before:.1f} years "
            f"({c.rate_before:.1f} a year), after it {len(c.after)} in "
            f"{c.years_after:.1f} years ({c.rate_after:.1f} a year): the cadence "
            f"{direction(round(c.ratio - 1, 2), 'rose', 'fell', 'did not change')} to {c.ratio:.2f} times the "
            "earlier rate; ")
    big_before, big_after = c.largest(c.before), c.largest(c.after)
    if c.scale is None:
        return text + "no chip counts on both sides, so scale cannot be compared."
    return text + (f"the largest deployment {direction(round(c.scale - 1, 1), 'grew', 'shrank', 'stayed the same')} "
                   f"from {num(big_before.chips)} {big_before.products} chips ({big_before.date:%b %Y}) to "
                   f"{num(big_after.chips)} {big_after.products} ({big_after.date:%b %Y}), {c.scale:.1f} times.")


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
    ranked: tuple[tuple[str, int], ...]          # (buyer, units), largest first, ties in file order
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

    @property
    def china_cloud_share(self) -> float | None:
        return self.china_cloud_units / self.china_units if self.china_units else None

    @property
    def smallest(self) -> tuple[str, int]:
        return self.ranked[-1]


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
        china = self.china_eq(export_share)
        total = china + self.other_eq
        return china / total if total > 0 else None


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

    @property
    def any_china(self) -> bool:
        return any(y.china_units for y in self.years)

    def year(self, y: int | None) -> YearSummary | None:
        return next((s for s in self.years if s.year == y), None)


def _sorted_ids(values: Any) -> tuple[str, ...]:
    return tuple(sorted({str(v) for v in values if isinstance(v, str) and v}))


def _year_summary(frame: pd.DataFrame) -> YearSummary:
    ranked = frame.sort_values("units", ascending=False, kind="mergesort")   # ties keep file order
    units = ranked["units"].to_numpy(dtype=float)
    total = int(units.sum())
    china = ranked[ranked["region"] == CHINA]
    china_units = int(china["units"].sum())
    hhi = gpu.hhi(units) if total > 0 else 0.0
    top2 = gpu.top_share(units, 2) if total > 0 else 0.0
    return YearSummary(
        year=int(ranked["year"].iloc[0]), buyers=len(ranked), units=total,
        product=", ".join(sorted(ranked["product"].unique())),
        ranked=tuple(zip(ranked["buyer"], ranked["units"].astype(int))),
        top_names=names(list(ranked["buyer"].head(2))), top2_share=top2, hhi=hhi,
        china_units=china_units,
        china_cloud_units=int(china.loc[china["buyer_type"] == CLOUD, "units"].sum()),
        cloud_share=float(ranked.loc[ranked["buyer_type"] == CLOUD, "units"].sum() / total) if total else 0.0,
        china_share=china_units / total if total else 0.0,
        china_ranked=tuple(zip(china["buyer"], china["units"].astype(int))),
        sources=_sorted_ids(ranked["source_id"]), china_sources=_sorted_ids(china["source_id"]))


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

    def __init__(self, accelerators: pd.DataFrame):
        rows = accelerators[~accelerators["domestic"].astype(bool)]
        self.by_name = rows.groupby("hardware")["bf16_dense_tflops"].median().to_dict()
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


def _compute(buyers: pd.DataFrame, chips: ChipTable, reference_tflops: float | None,
             notes: tuple[ExportNote, ...]) -> tuple[tuple[ComputeYear, ...], str | None]:
    variant_of = {(n.year, n.product): n.variant_tflops for n in notes}
    out, export_names = [], []
    for year, frame in buyers.groupby("year", sort=True):
        fixed = full = export = other = 0.0
        unconverted = {CHINA: 0, "other": 0}
        missing = set()
        for product, region, units in zip(frame["product"], frame["region"], frame["units"]):
            hardware = chips.exact(product)
            fam = None if hardware else chips.family(product)
            if reference_tflops is None or (hardware is None and fam is None):
                unconverted[CHINA if region == CHINA else "other"] += int(units)
                missing.add(str(product))
                continue
            if hardware:
                tflops = variant_of.get((int(year), product), chips.by_name[hardware]) if region == CHINA \
                    else chips.by_name[hardware]
                eq = units * tflops / reference_tflops
                if region == CHINA:
                    fixed += eq
                else:
                    other += eq
            else:
                top, low = fam
                if region == CHINA:
                    full += units * chips.by_name[top] / reference_tflops
                    export += units * chips.by_name[low] / reference_tflops
                    if low != top:
                        export_names.append(low)
                else:
                    other += units * chips.by_name[top] / reference_tflops
        china_units = int(frame.loc[frame["region"] == CHINA, "units"].sum())
        out.append(ComputeYear(int(year), china_units, int(frame["units"].sum()) - china_units, fixed, full, export,
                               other, unconverted[CHINA], unconverted["other"], tuple(sorted(missing))))
    return tuple(out), (sorted(set(export_names))[0] if export_names else None)


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
    notes = _export_notes(buyers, supply, chips)
    compute, variant = _compute(buyers, chips, reference_tflops, notes)
    claim = _claim_check(buyers, tables["gpu_shipment_estimates"], sources)
    clusters = tables["gpu_supply_events"]
    years = tuple(_year_summary(f) for _, f in buyers.groupby("year", sort=True))
    scarcity = _scarcity(tables["gpu_price_estimates"], reference, sources)
    article_year = claim.year if claim else None
    return Evidence(
        years=years, article_year=article_year, claim=claim, scarcity=scarcity, supply=supply,
        compute=compute, export_variant=variant, export_notes=notes,
        bandwidth=((chips.bandwidth[variant], chips.bandwidth[h100], chips.by_name[variant] / reference_tflops)
                   if variant and h100 and reference_tflops and variant in chips.bandwidth
                   and h100 in chips.bandwidth else None),
        tencent_speedup=float(ref["tencent_hcc_speedup"]) if "tencent_hcc_speedup" in ref else None,
        cluster_sources=_sorted_ids(clusters.loc[clusters["category"] == "cluster", "source_id"]),
        c03=_c03_facts(years, scarcity),
        c06=_c06_facts(article_year, next((s for s in years if s.year == article_year), None), supply, compute),
        cadence=_cadence(supply))


# --- Facts each rule reads, prepared once (the rules only compare them with parameters) ---------------------


@dataclass(frozen=True)
class C03Facts:
    blocker: str | None                       # why the data cannot decide, if they cannot
    premium: float | None
    premium_text: str
    lead_weeks: float | None
    gate: tuple[tuple[int, float], ...]       # (year, cloud operators' share of Chinese-listed units)
    sources: tuple[str, ...]


@dataclass(frozen=True)
class C06Facts:
    year: int | None
    blocker: str | None
    part_a: bool
    a_text: str
    china_units: int
    compute: ComputeYear | None               # the year's units in H100-equivalents
    largest: Milestone | None                 # the largest domestic deployment dated by the year's end
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Cadence:
    """Domestic milestones before and after the first export rule, and the years each side spans."""

    rule_date: pd.Timestamp
    before: tuple[Milestone, ...]
    after: tuple[Milestone, ...]
    years_before: float
    years_after: float
    body: str = ""                            # the reason's parameter-free part, made once

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
    def largest(side: tuple[Milestone, ...]) -> Milestone | None:
        counted = [m for m in side if m.chips]
        return max(counted, key=lambda m: m.chips) if counted else None

    @property
    def scale(self) -> float | None:
        big_before, big_after = self.largest(self.before), self.largest(self.after)
        return big_after.chips / big_before.chips if big_before and big_after else None


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
                    s.sources + tuple(x for y in china_years for x in y.china_sources))


def _c06_facts(year: int | None, summary: YearSummary | None, supply: Supply,
               compute: tuple[ComputeYear, ...]) -> C06Facts:
    sources = supply.sources
    if year is None:
        return C06Facts(None, text_no_article_year(), False, "", 0, None, None, sources)
    if summary is None or summary.china_units == 0:
        return C06Facts(year, text_c06_no_china(year), False, "", 0, None, None, sources)
    if not supply.restrictions and not supply.compliant:
        return C06Facts(year, text_c06_no_rules(), False, "", 0, None, None, sources)
    start, end = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    licensed = [d for d, _, _ in supply.restrictions if d < start]
    variants = [(d, p) for d, p, _ in supply.compliant if d <= end]
    part_a = bool(licensed) and bool(variants)
    if part_a:
        variant_names = sorted({p for _, p in variants})
        relicensed = [d for d, prods, _ in supply.restrictions if set(variant_names) & set(prods) and d <= end]
        a_text = text_c06_part_a(min(licensed), variant_names, min(d for d, _ in variants),
                                 max(relicensed) if relicensed else None)
    else:
        a_text = text_c06_no_part_a(year)
    deployed = [m for m in supply.domestic if m.date <= end and m.chips]
    largest = max(deployed, key=lambda m: m.chips) if deployed else None
    unit_year = next((c for c in compute if c.year == year), None)
    if unit_year is not None and unit_year.china_unconverted:
        unit_year = None
    return C06Facts(year, None, part_a, a_text, summary.china_units, unit_year, largest,
                    sources + summary.china_sources)


def _cadence(supply: Supply) -> Cadence | None:
    """Both sides of the first export rule need a milestone and at least a quarter of a year of record (from the
    first milestone to the rule; from the rule to the latest event in the data)."""
    rule_date = supply.first_restriction
    if rule_date is None or not supply.domestic:
        return None
    before = tuple(m for m in supply.domestic if m.date < rule_date)
    after = tuple(m for m in supply.domestic if m.date >= rule_date)
    if not before or not after:
        return None
    span_before = (rule_date - before[0].date).days / DAYS_PER_YEAR
    span_after = (supply.data_end - rule_date).days / DAYS_PER_YEAR
    if span_before < 0.25 or span_after < 0.25:
        return None
    made = Cadence(rule_date, before, after, span_before, span_after)
    return replace(made, body=text_c10_body(made))


# --- Verdict rules, one per claim ----------------------------------------------------------------------------


@rule("C03", reads=("scarcity_premium_min", "scarcity_lead_weeks_min"))
def compute_scarce_and_clouds_gatekeepers(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C03: compute was scarce and China's clouds controlled access to it.

    Scarcity: the China street-price premium over the US price of the same item is at least
    `scarcity_premium_min`, or a reported lead time is at least `scarcity_lead_weeks_min` weeks. Gatekeeping:
    cloud operators bought most (over half, as shown) of the units listed for Chinese buyers, judged in every year
    of the buyers data. The scarcity evidence must be dated in a year the buyers data hold. Supported when scarcity
    holds and clouds bought most in every year; contradicted when neither holds anywhere; partly otherwise."""
    f = ev.c03
    if f.blocker:
        return Verdict.not_testable_here(f.blocker, sources=f.sources)
    premium_min, lead_min = params["scarcity_premium_min"], params["scarcity_lead_weeks_min"]
    scarce = ((f.premium is not None and f.premium >= premium_min)
              or (f.lead_weeks is not None and f.lead_weeks >= lead_min))
    most = [share_word(share) == "most" for _, share in f.gate]
    label = SUPPORTED if scarce and all(most) else CONTRADICTED if not scarce and not any(most) else PARTLY
    return Verdict(label, text_c03_figure(f.gate), text_c03_reason(f.premium_text, f.lead_weeks, premium_min,
                                                                    lead_min, scarce, f.gate), PROXY, f.sources)


@rule("C04")
def article_total_vs_named_buyers(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C04: the article's annual total against the buyers it names itself.

    Partly supported when the named buyers' figures alone exceed the stated total (the buyer figures hold, the
    total cannot be annual); supported when they fit within it. Not testable when the data hold no claim row,
    no buyers for the claim's year, or no buyer flagged as named by the article."""
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


def _ranks(ev: Evidence, buyer: str) -> list[tuple[int, str, int, tuple[str, ...], int, int]]:
    """Per year with at least two Chinese buyers: (year, 'first'/'tied'/'lower'/'absent', units, tied with,
    rank, Chinese buyers)."""
    out = []
    for y in ev.years:
        if len(y.china_ranked) < 2:
            continue
        units = dict(y.china_ranked)
        if buyer not in units:
            out.append((y.year, "absent", 0, (), 0, len(units)))
            continue
        mine = units[buyer]
        above = sum(1 for u in units.values() if u > mine)
        ties = tuple(b for b, u in y.china_ranked if u == mine and b != buyer)
        kind = "lower" if above else "tied" if ties else "first"
        out.append((y.year, kind, mine, ties, above + 1, len(units)))
    return out


@rule("C05")
def tencent_boldest_chinese_buyer(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C05: Tencent was the largest Chinese buyer, and its HCC cluster was three times faster.

    Tencent's rank among Chinese buyers is read in every year with at least two Chinese buyers. The speed-up is
    the vendor's own figure against an unnamed baseline and cannot be tested, so the best verdict is partly
    supported (first or tied first in some year); contradicted when Tencent is never first where listed."""
    ranks = _ranks(ev, "Tencent")
    listed = [r for r in ranks if r[1] != "absent"]
    sources = tuple(x for y in ev.years for x in y.china_sources) + ev.cluster_sources
    if not listed:
        return Verdict.not_testable_here(text_rank_missing("Tencent", bool(ranks), ev.any_china), sources=sources)
    firsts = [r for r in listed if r[1] in ("first", "tied")]
    return Verdict(PARTLY if firsts else CONTRADICTED, text_rank_figure(listed),
                   text_c05_reason(ranks, listed, firsts, ev.tencent_speedup), PROXY, sources)


@rule("C06", reads=("h20_share_china", "domestic_scale_share"))
def compliant_chips_and_no_domestic_scale(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C06: in the article's year Chinese buyers could buy only export versions, still got high-end compute, and
    domestic chips were not yet at scale.

    Three parts, each computed: (a) the full products were licensed before the year and export versions went on
    sale by its end; (b) Chinese buyers' listed units average at least half an H100 of dense BF16 compute
    (`HIGH_END_H100_EQUIV`, with `h20_share_china` for families); (c) the largest domestic-chip deployment dated
    by the year's end is below `domestic_scale_share` of the units Chinese buyers listed that year. Supported
    when all three hold; contradicted when (a) fails; partly supported otherwise."""
    f = ev.c06
    if f.blocker:
        return Verdict.not_testable_here(f.blocker, sources=f.sources)
    per_unit = f.compute.china_eq(params["h20_share_china"]) / f.china_units if f.compute else None
    part_b = per_unit is not None and per_unit >= HIGH_END_H100_EQUIV
    scale = f.largest.chips / f.china_units if f.largest else 0.0
    bar = params["domestic_scale_share"]
    part_c = scale < bar
    held = (f.part_a, part_b, part_c)
    label = SUPPORTED if all(held) else CONTRADICTED if not f.part_a else PARTLY
    return Verdict(label, text_c06_figure(sum(held), f.year),
                   text_c06_reason(f.year, f.a_text, f.china_units, per_unit, part_b, f.largest, scale, bar, part_c),
                   PROXY, f.sources)


@rule("C07")
def baidu_priority_supply(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C07: a rumour about priority supply; no public allocation data can decide it."""
    return Verdict.not_testable(text_c07_reason(), figure=text_c07_figure())


@rule("C08", reads=("unit_price_low_usd", "capital_bar_usd_bn"))
def capital_decided_winners(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C08: capital (and control of supply) decided who won the first phase.

    The testable part: getting onto the list took capital. It holds when even the smallest listed purchase of
    the article's year cost at least `capital_bar_usd_bn` at the low price `unit_price_low_usd`. That capital
    *decided* the winners, and the role of supply-chain control, are interpretation: so partly supported when
    the part holds, contradicted when a listed buyer paid less than the bar."""
    s = ev.year(ev.article_year)
    if s is None:
        return Verdict.not_testable_here(text_c08_no_year(ev.article_year))
    buyer, units = s.smallest
    price, bar = params["unit_price_low_usd"], params["capital_bar_usd_bn"]
    bill_bn = units * price / 1e9
    holds = bill_bn >= bar
    return Verdict(PARTLY if holds else CONTRADICTED, text_c08_figure(bill_bn, s.year),
                   text_c08_reason(s, buyer, units, bill_bn, price, bar, holds), PROXY, s.sources)


@rule("C09")
def alibaba_reserves(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C09: vendors with large GPU reserves (Alibaba) could later cut prices.

    Alibaba's rank among Chinese buyers in every year with at least two Chinese buyers: supported when first in
    every year it is listed, partly supported when listed but not first (its price cuts are tested in the
    price-war chapter), not testable when it is never listed."""
    ranks = _ranks(ev, "Alibaba")
    listed = [r for r in ranks if r[1] != "absent"]
    sources = tuple(x for y in ev.years for x in y.china_sources)
    if not listed:
        return Verdict.not_testable_here(text_rank_missing("Alibaba", bool(ranks), ev.any_china), sources=sources)
    first = all(r[1] == "first" for r in listed)
    return Verdict(SUPPORTED if first else PARTLY, text_rank_figure(listed, "Alibaba "),
                   text_c09_reason(ranks, first), PROXY, sources)


@rule("C10", reads=("acceleration_min_ratio",))
def own_chips_accelerated(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C10: unreliable NVIDIA supply pushed vendors into their own chips (an acceleration).

    Two measures, before and after the first export rule: the launch cadence (domestic milestones per year) and
    the scale (the largest number of domestic chips one milestone puts in service). Each counts as accelerated
    when after/before is at least `acceleration_min_ratio`. Supported when both accelerated, contradicted when
    neither did, partly supported otherwise (also when scale cannot be compared). Dates cannot show cause; the
    reason says so."""
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
        v.update(annual_label=f"FY{int(a['fiscal_year'])}", annual_usd_bn=float(a["revenue_usd_bn"]),
                 annual_growth=None if pd.isna(a["reported_growth_pct"]) else float(a["reported_growth_pct"]) / 100,
                 annual_quarter_sum=float(quarters["revenue_usd_bn"].sum()) if len(quarters) == 4 else None)
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
    result.frames["buyers"] = buyers.assign(
        share=buyers.groupby("year")["units"].transform(lambda u: u / u.sum() if u.sum() else 0.0))
    result.titles["buyers"] = (
        f"Two buyers took {pct(last.top2_share)} of listed GPUs in {last.year}, {pct(first.top2_share)} in "
        f"{first.year}" if first.year != last.year and last.buyers > 1 and first.buyers > 1 else
        f"The largest buyers in {last.year}: {last.top_names}, {pct(last.top2_share)} of listed GPUs")
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
        share = cy.compute_share(mix) if cy.converted else None
        rows.append({"year": cy.year, "unit_share": ys.china_share, "compute_share": share,
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
    result.titles["compute"] = (
        f"Counted in compute, Chinese buyers' share was {pct(known[-1]['compute_share'])} in {known[-1]['year']}, "
        f"against {pct(known[-1]['unit_share'])} counted in GPUs" if known else
        "The listed products have no compute figure in the accelerator table")

    # What those GPUs cost and could compute
    prices = tables["gpu_price_estimates"]
    ref = tables["gpu_reference"].set_index("metric")["value"]
    peak_tflops = float(ref.get("h100_dense_bf16_tflops", 0.0))
    run_gpu_hours = float(ref.get("deepseek_v3_training_gpu_hours", 0.0))
    capex = {name: float(gpu.capex_usd(first.units, params[p])) for name, p in
             (("low", "unit_price_low_usd"), ("central", "unit_price_usd"), ("high", "unit_price_high_usd"))}
    v.update({f"capex_{k}_bn": x / 1e9 for k, x in capex.items()})
    # The fleet in H100-equivalents, so that other products count at their own compute (2023's H100s: 1 each).
    fleet, fleet_text = fleet_basis(ev.compute[0], first.units, mix)
    v.update(peak_tflops=peak_tflops, utilisation=params["utilisation"], training_share=params["training_share"],
             unit_price_usd=params["unit_price_usd"], run_gpu_hours_m=run_gpu_hours / 1e6, fleet_h100_eq=fleet,
             fleet_unit_text=fleet_text,
             fleet_exaflops=float(gpu.sustained_flops(fleet, peak_tflops, params["utilisation"])) / 1e18,
             runs_per_year=(float(gpu.training_runs_per_year(fleet, run_gpu_hours, params["training_share"]))
                            if run_gpu_hours > 0 else 0.0),
             price_estimates_low=float(prices["low_usd"].min()), price_estimates_high=float(prices["high_usd"].max()),
             ex_hours_per_year=gpu.HOURS_PER_YEAR)
    price_years = tuple(sorted({y for y in map(_year_of, prices["period"]) if y}))
    top = prices.sort_values("high_usd", ascending=False, kind="mergesort").iloc[0]
    v["price_top_text"] = text_price_top(str(top["market"]), str(top["item"]))
    v["price_period_sentence"] = price_period_sentence(first.year, price_years)
    result.frames["capex"] = result.frames["buyers"][buyers["year"] == first.year]
    result.titles["capex"] = (f"At the central price, the listed {first.year} GPUs cost about "
                              f"USD {capex['central'] / 1e9:,.0f} bn")

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


def fleet_basis(c: ComputeYear, units: int, export_share: float) -> tuple[float, str]:
    """The first year's fleet in H100-equivalents and how the page names its unit."""
    if c.china_unconverted or c.other_unconverted:
        return float(units), text_fleet_unit(None, unconverted=True)
    fleet = c.china_eq(export_share) + c.other_eq
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

