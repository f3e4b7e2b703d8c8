"""The infrastructure-economics chapter (claims C24-C26, C28-C30, C32-C35): what a token costs to serve and who lasts a
price war.

`prepare(tables)` computes everything the rules read, once and without parameters: the published throughput
runs with their service level (time per output token), precision and date against the article's; the pairs of
runs that are comparable like with like; the domestic accelerators' matched NVIDIA references; the specs,
supernodes, agent multiples and dated moves. `analyse(tables, params)` adds the assumptions and returns every
figure, sentence, chart frame and verdict the page shows. One rule per claim (`@rule`) does cheap arithmetic on
the prepared evidence, so the robustness sweep can call it thousands of times.

Like with like, as this module applies it: two throughput figures are compared only when they concern the same
hardware generation (`hardware_class`), a number format of the same width (FP8 and INT8 are both 8-bit), the
same kind of measurement (a production average is not a benchmark; vendor "up to" claims are left out), a
time per output token within `tpot_tolerance` of each other, and evidence published by the article's year.
Later and undated figures are shown and flagged, never used to decide a verdict.

The chapter is three modules: this one (evidence, the rules, `analyse`), `infra_economics_page` (the page's
figures, sentences and chart frames, section by section) and `infra_economics_text` (every reader-facing sentence
as a template, filled from the same numbers as the figures).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from aicloud._lazy import pd
from aicloud.analysis import ChapterResult, rule, rules_of
from aicloud.analysis import china_chain as cc
from aicloud.analysis import infra_economics_text as txt
from aicloud.models import attrition as att
from aicloud.models import unit_cost as uc
from aicloud.verdicts import (
    ANECDOTE,
    CONTRADICTED,
    DIRECT,
    NO_EVIDENCE,
    NOT_TESTABLE,
    NOT_TESTABLE_HERE,
    PARTLY,
    PROXY,
    SOME,
    SUPPORTED,
    Part,
    Verdict,
    grade,
)

CHAPTER = "infra_economics"
CLAIMS = ("C24", "C25", "C26", "C28", "C29", "C30", "C32", "C33", "C34", "C35")  # C27, C31, C37: china_chain
# China's evidence the rules weigh (aicloud.analysis.china_chain): chain figures, and the chain model's readings.
CHINA_CLAIMS = ("C24", "C29")
CHINA_MODEL_CLAIMS = ("C29", "C35")
RESOURCES = ("sources", "infra_deepseek_disclosure", "infra_serving_throughput", "infra_accelerators",
             "infra_supernodes", "infra_rental_prices", "infra_agent_multiples", "infra_org_events",
             *(r for r in cc.resources_for(CHINA_CLAIMS, CHINA_MODEL_CLAIMS) if r != "infra_serving_throughput"))
BITS = {"BF16": 16, "FP16": 16, "FP8": 8, "INT8": 8, "FP4": 4}
CLAIMED_CLUSTER = 10_000   # C32: the article's "ten-thousand-card clusters"
# C26: the organisations whose moves the article names, and the kind of move it names (an event category of
# infra_org_events): Alibaba's infrastructure push is an investment, Huawei's Ascend + ModelArts base a platform,
# Baidu's AI-native architecture an architecture, Tencent's new department a reorganisation. A move of another
# kind does not match (review 3 A5).
CLAIMED_MOVES: dict[str, str] = {"Alibaba": "investment", "Huawei": "platform", "Baidu": "architecture",
                                 "Tencent": "organisation"}
# C34: the organisations whose platforms the article names (Baidu Baige, Huawei Ascend + CANN, Volcano Engine HiAgent).
PLATFORM_OWNERS = ("Baidu", "Huawei", "ByteDance")
# A part's state for `verdicts.grade`, from the label a one-part test gives it.
PART_OF: dict[str, Part] = {SUPPORTED: True, PARTLY: SOME, CONTRADICTED: False}
NODES_TOLERANCE = 0.05     # implied and reported fleet sizes within 5% of each other are called consistent
BY, AFTER, UNDATED = "by the article", "after the article", "undated"


# ============================================================================================================
# Helpers
# ============================================================================================================

def article_year(sources: pd.DataFrame) -> int | None:
    """The year of the article under test (the sources row of kind 'article'), None if the data hold none."""
    rows = sources[sources["kind"] == "article"]
    dates = [str(d) for d in rows["date"].dropna() if str(d)[:4].isdigit()]
    return int(dates[0][:4]) if dates else None


def dated(date: object, year: int | None) -> str:
    """Whether a figure was published by the article's year, after it, or is undated."""
    text = str(date) if isinstance(date, str) else ""
    if not text[:4].isdigit():
        return UNDATED
    return AFTER if year is not None and int(text[:4]) > year else BY


def _check_order(params: Mapping[str, Any], *names: str) -> None:
    values = [params[n] for n in names]
    if any(a > b for a, b in zip(values, values[1:])):
        raise ValueError(f"parameters {', '.join(names)} must be in increasing order; got "
                         f"{', '.join(f'{n} = {v:g}' for n, v in zip(names, values))}")


# ============================================================================================================
# Evidence (parameter-free)
# ============================================================================================================

@dataclass
class Pairs:
    """Pairs of comparable decode figures (indexes into `Evidence.runs`), the faster one first."""

    fast: np.ndarray
    slow: np.ndarray
    ratio: np.ndarray       # fast throughput / slow throughput, >= 1
    gap: np.ndarray         # relative gap between the two times per output token


@dataclass
class Evidence:
    year: int | None
    runs: pd.DataFrame                                   # every throughput row, with derived columns
    pairs: Pairs                                         # C24: like-for-like decode pairs of different teams
    prefill_decode: dict[tuple[str, int], float]         # (class, bits) -> median decode / median cold prefill tps
    domestic: list[dict]                                 # C28/C32: domestic decode rows and their candidates
    domestic_prefill: dict | None                        # best domestic vs best Hopper cold prefill, same bits
    optimisation: list[dict]                             # C28: domestic figures of one setup under other settings
    domestic_rent: tuple[float, float] | None            # C28: published domestic rental prices (low, high), if any
    domestic_vendor: str | None                          # C28: the chip vendor, when it published every domestic figure
    spec: pd.DataFrame                                   # per chip: BF16 and FP16 medians
    clusters: pd.DataFrame                               # dated cluster sizes (chip and platform moves)
    supernodes: pd.DataFrame                             # pivoted, one row per supernode
    supernode_sources: tuple[str, ...]
    multiples: pd.DataFrame                              # agent workloads with a central multiple
    events: pd.DataFrame
    disclosure: dict[str, Any] = field(default_factory=dict)
    sources: pd.DataFrame | None = None
    source_kinds: dict[str, str] = field(default_factory=dict)   # source id -> kind (primary, press, ...)
    # Plain-Python copies for the rules, which the robustness sweep calls thousands of times (no pandas there).
    rows: list[dict] = field(default_factory=list)          # `runs` as records, same order
    workloads: list[dict] = field(default_factory=list)     # `multiples` as records, by multiple
    decode_sources: tuple[str, ...] = ()                    # sources of the usable decode figures
    largest_cluster: dict | None = None
    paper: dict | None = None
    memo: dict = field(default_factory=dict, repr=False)   # see _war
    china: cc.China | None = None                           # China's evidence on C24, C29, C35 (None: not prepared)
    pair_list: list[tuple[float, float]] = field(default_factory=list)  # (gap, ratio) of `pairs`, for the loop


def _runs(runs: pd.DataFrame, year: int | None) -> pd.DataFrame:
    r = runs.copy()
    r["tps_acc"] = r["tokens_per_s"] / r["per_accelerators"]
    r["label"] = r["stack"] + " (" + r["hardware"] + ")"
    r["bits"] = r["precision"].map(BITS)
    r["evidence"] = [dated(d, year) for d in r["date"]]
    r["kind"] = np.where(r["setting"] == "production", "production",
                         np.where(r["setting"] == "vendor-claim", "vendor claim", "benchmark"))
    cache = r["cache_hits"].astype("boolean").fillna(False).astype(bool)
    r["cold"] = ~((r["phase"] == "prefill") & cache)
    r["priced"] = r["tps_acc"] > 0
    # Usable to decide a verdict: priced, a comparable kind, dated by the article, precision known.
    r["usable"] = r["priced"] & (r["kind"] != "vendor claim") & (r["evidence"] == BY) & r["bits"].notna()
    return r.reset_index(drop=True)


def _like_pairs(r: pd.DataFrame) -> Pairs:
    d = r[(r["phase"] == "decode") & r["usable"] & r["tpot_ms"].notna()]
    fast, slow, ratio, gap = [], [], [], []
    idx = list(d.index)
    for a in range(len(idx)):
        for b in range(a + 1, len(idx)):
            i, j = d.loc[idx[a]], d.loc[idx[b]]
            if (i["hardware_class"] != j["hardware_class"] or i["bits"] != j["bits"] or i["kind"] != j["kind"]
                    or i["operator"] == j["operator"]):
                continue
            hi, lo = (idx[a], idx[b]) if i["tps_acc"] >= j["tps_acc"] else (idx[b], idx[a])
            fast.append(hi)
            slow.append(lo)
            ratio.append(r.at[hi, "tps_acc"] / r.at[lo, "tps_acc"])
            t1, t2 = sorted((i["tpot_ms"], j["tpot_ms"]))
            gap.append(t2 / t1 - 1)
    return Pairs(np.array(fast, dtype=int), np.array(slow, dtype=int), np.array(ratio, dtype=float),
                 np.array(gap, dtype=float))


def _prefill_decode(r: pd.DataFrame) -> dict[tuple[str, int], float]:
    """Per hardware class and number-format width: median decode over median cold prefill throughput, the
    weight of prefill work in a request (how much cache hits can save)."""
    out = {}
    use = r[r["usable"] & r["cold"]]
    for (cls, bits), g in use.groupby(["hardware_class", "bits"]):
        dec, pre = g.loc[g["phase"] == "decode", "tps_acc"], g.loc[g["phase"] == "prefill", "tps_acc"]
        if len(dec) and len(pre):
            out[(str(cls), int(bits))] = float(dec.median() / pre.median())
    return out


def _domestic(r: pd.DataFrame, accelerators: pd.DataFrame) -> tuple[list[dict], dict | None]:
    """Each domestic decode row with a service level and precision, and every Hopper decode row of the same
    number-format width it could be set against (best throughput first)."""
    domestic_hw = set(accelerators.loc[accelerators["domestic"], "hardware"])
    is_dom = r["hardware_class"].eq("ascend") | r["hardware"].isin(domestic_hw)
    ok = r["priced"] & (r["kind"] != "vendor claim") & r["bits"].notna()
    out = []
    dec = r[ok & (r["phase"] == "decode") & r["tpot_ms"].notna()]
    refs_all = dec[(dec["hardware_class"] == "hopper") & ~is_dom[dec.index]]
    newer_all = dec[(dec["hardware_class"] == "blackwell") & ~is_dom[dec.index]]   # NVIDIA's next generation (C32)

    def candidates(refs: pd.DataFrame, row: pd.Series) -> list[tuple[int, float, float, bool]]:
        refs = refs[refs["bits"] == row["bits"]].sort_values("tps_acc", ascending=False)
        gaps = (np.maximum(refs["tpot_ms"], row["tpot_ms"]) / np.minimum(refs["tpot_ms"], row["tpot_ms"]) - 1)
        return list(zip(map(int, refs.index), refs["tps_acc"].astype(float), gaps.astype(float),
                        (refs["evidence"] == BY).astype(bool)))

    for i, row in dec[is_dom[dec.index]].sort_values("tps_acc", ascending=False).iterrows():
        out.append({"row": int(i), "by": row["evidence"] == BY, "candidates": candidates(refs_all, row),
                    "newer": candidates(newer_all, row)})
    pre = r[ok & (r["phase"] == "prefill") & r["cold"] & (r["evidence"] == BY)]
    dom_pre, ref_pre = pre[is_dom[pre.index]], pre[(pre["hardware_class"] == "hopper") & ~is_dom[pre.index]]
    prefill = None
    for i, row in dom_pre.sort_values("tps_acc", ascending=False).iterrows():
        refs = ref_pre[ref_pre["bits"] == row["bits"]]
        if len(refs):
            j = refs["tps_acc"].idxmax()
            prefill = {"row": i, "ref": j, "ratio": float(row["tps_acc"] / r.at[j, "tps_acc"])}
            same = dom_pre[(dom_pre["hardware"] == row["hardware"]) & (dom_pre["stack"] == row["stack"])
                           & (dom_pre["bits"] == row["bits"])]
            low = same["tps_acc"].idxmin()
            if same.at[low, "tps_acc"] < row["tps_acc"]:   # the same setup under another setting, e.g. a default
                prefill |= {"low_row": low, "low_ratio": float(same.at[low, "tps_acc"] / r.at[j, "tps_acc"])}
            break
    return out, prefill


def _optimisation(r: pd.DataFrame, accelerators: pd.DataFrame) -> list[dict]:
    """C28's evidence on optimisation: domestic figures of one setup (hardware, stack, phase, number format and
    service level alike) published under different settings, best against worst, with each one's conditions."""
    domestic_hw = set(accelerators.loc[accelerators["domestic"], "hardware"])
    d = r[(r["hardware_class"].eq("ascend") | r["hardware"].isin(domestic_hw)) & r["priced"]
          & (r["kind"] != "vendor claim") & r["bits"].notna()]
    d = d.assign(level=d["tpot_ms"].fillna(-1.0))
    out = []
    for _, g in d.groupby(["hardware", "stack", "phase", "bits", "level", "cold"], sort=True):
        if len(g) < 2 or g["tps_acc"].min() <= 0:
            continue
        hi, lo = g["tps_acc"].idxmax(), g["tps_acc"].idxmin()
        out.append({"best": int(hi), "worst": int(lo), "ratio": float(g.at[hi, "tps_acc"] / g.at[lo, "tps_acc"])})
    return sorted(out, key=lambda x: -x["ratio"])


def _own_vendor(r: pd.DataFrame, accelerators: pd.DataFrame) -> str | None:
    """The chip vendor when it published every domestic serving figure itself (None: others did too, or none)."""
    vendor = accelerators[accelerators["domestic"]].groupby("hardware")["vendor"].first()
    d = r[r["hardware"].isin(vendor.index) & r["priced"]]
    if d.empty or not (d["operator"] == d["hardware"].map(vendor)).all():
        return None
    return str(d["operator"].iloc[0]) if d["operator"].nunique() == 1 else None


def _domestic_rent(rentals: pd.DataFrame, accelerators: pd.DataFrame) -> tuple[float, float] | None:
    domestic_hw = set(accelerators.loc[accelerators["domestic"], "hardware"])
    rows = rentals[rentals["hardware_class"].eq("ascend") | rentals["hardware"].isin(domestic_hw)]
    if rows.empty:
        return None
    return float(rows["usd_per_gpu_hour_low"].min()), float(rows["usd_per_gpu_hour_high"].max())


def _spec(accelerators: pd.DataFrame) -> pd.DataFrame:
    a = accelerators
    bf = a.dropna(subset=["bf16_dense_tflops"])
    bf = bf[bf["bf16_dense_tflops"] > 0]
    spec = bf.groupby(["hardware", "vendor", "hardware_class", "domestic"], as_index=False).agg(
        bf16_median=("bf16_dense_tflops", "median"), bf16_min=("bf16_dense_tflops", "min"),
        bf16_max=("bf16_dense_tflops", "max"), n_sources=("source_id", "nunique"))
    fp = a.dropna(subset=["fp16_dense_tflops"])
    fp16_only = fp[fp["bf16_dense_tflops"].isna() & (fp["fp16_dense_tflops"] > 0)]
    fp16 = fp16_only.groupby("hardware")["fp16_dense_tflops"].median()
    spec["fp16_only"] = spec["hardware"].map(fp16)
    extra = fp16_only[~fp16_only["hardware"].isin(spec["hardware"])]
    if len(extra):
        add = extra.groupby(["hardware", "vendor", "hardware_class", "domestic"], as_index=False).agg(
            fp16_only=("fp16_dense_tflops", "median"))
        spec = pd.concat([spec, add], ignore_index=True)
    return spec


def _disclosure(table: pd.DataFrame, sources: pd.DataFrame) -> dict[str, Any]:
    """The first provider's published inputs and results, and what can be recomputed from them."""
    if table.empty:
        return {}
    provider = table["provider"].iloc[0]
    rows = table[table["provider"] == provider]
    d = rows.groupby("metric")["value"].first().to_dict()
    note = sources.set_index("id")["note"].get(rows["source_id"].iloc[0])
    out: dict[str, Any] = {"provider": provider, "disclosed": f"{rows['disclosed'].iloc[0]:%d %B %Y}",
                           "source_id": rows["source_id"].iloc[0], "providers": table["provider"].nunique(),
                           "caveats": str(note) if isinstance(note, str) and note else "none recorded", "d": d}
    fleet = ("average_nodes", "gpus_per_node", "usd_per_gpu_hour", "hours")
    tokens = ("cache_hit_tokens", "input_tokens", "output_tokens", "price_cache_hit", "price_cache_miss",
              "price_output")
    missing = [m for m in fleet + tokens if m not in d]
    zero = [m for m in ("average_nodes", "gpus_per_node", "hours") if d.get(m, 1) <= 0]
    if missing or zero or d["cache_hit_tokens"] > d["input_tokens"]:
        out["missing"] = missing + [f"a positive {m}" for m in zero] + (
            ["cache hits no larger than input tokens"] if not missing and d["cache_hit_tokens"] > d["input_tokens"]
            else [])
        return out
    out["cost"] = float(uc.daily_cost_usd(d["average_nodes"], d["gpus_per_node"], d["usd_per_gpu_hour"], d["hours"]))
    out["revenue"] = float(uc.token_revenue_usd(*(d[m] for m in tokens)))
    out["hits_share"] = d["cache_hit_tokens"] / d["input_tokens"] if d["input_tokens"] > 0 else None
    if d.get("token_rounding", 0) > 0:
        out["rev_low"], out["rev_high"] = uc.token_revenue_bounds_usd(*(d[m] for m in tokens), d["token_rounding"])
    if out["cost"] > 0:
        out["markup_recomputed"] = out["revenue"] / out["cost"] - 1
        if "theoretical_revenue" in d:
            out["markup"] = d["theoretical_revenue"] / out["cost"] - 1
        if d["output_tokens"] > 0:
            out["per_m_output"] = out["cost"] / (d["output_tokens"] / 1e6)
    revenue = d.get("theoretical_revenue", out["revenue"])
    if revenue > 0 and out["cost"] > 0:
        out["gross_margin"] = float(uc.gross_margin(revenue, out["cost"]))
    if d.get("peak_nodes", 0) > 0:
        out["occupancy"] = d["average_nodes"] / d["peak_nodes"]
    if d.get("prefill_tokens_per_s_per_node", 0) > 0 and d.get("decode_tokens_per_s_per_node", 0) > 0:
        seconds = d["hours"] * 3600
        out["nodes_implied"] = float(uc.implied_nodes(d["input_tokens"], d["prefill_tokens_per_s_per_node"], seconds)
                                     + uc.implied_nodes(d["output_tokens"], d["decode_tokens_per_s_per_node"],
                                                        seconds))
    return out


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    """Everything the rules read, computed once from the tables (no parameter involved)."""
    sources = tables["sources"]
    year = article_year(sources)
    runs = _runs(tables["infra_serving_throughput"], year)
    accelerators = tables["infra_accelerators"]
    domestic, domestic_prefill = _domestic(runs, accelerators)
    events = tables["infra_org_events"].sort_values(["date", "event_id"]).reset_index(drop=True)
    clusters = events[events["accelerators"].notna() & events["category"].isin(["chip", "platform"])]
    sn = tables["infra_supernodes"].pivot_table(index=["supernode", "vendor", "accelerator"], columns="metric",
                                                values="value", aggfunc="first").reset_index()
    m = tables["infra_agent_multiples"]
    m = m.assign(multiple=np.sqrt(m["multiple_low"] * m["multiple_high"])).sort_values(["multiple", "workload"])
    when = sources.set_index("id")["date"]
    m["evidence"] = [dated(when.get(x), year) for x in m["source_id"]]    # C25 weighs evidence by the article
    ev = Evidence(year=year, runs=runs, pairs=_like_pairs(runs), prefill_decode=_prefill_decode(runs),
                    domestic=domestic, domestic_prefill=domestic_prefill, spec=_spec(accelerators),
                    optimisation=_optimisation(runs, accelerators),
                    domestic_rent=_domestic_rent(tables["infra_rental_prices"], accelerators),
                    domestic_vendor=_own_vendor(runs, accelerators),
                    clusters=clusters.sort_values(["accelerators", "date"], ascending=[False, True]),
                    supernodes=sn, supernode_sources=tuple(sorted(set(tables["infra_supernodes"]["source_id"]))),
                    multiples=m.reset_index(drop=True), events=events,
                    disclosure=_disclosure(tables["infra_deepseek_disclosure"], sources), sources=sources)
    ev.source_kinds = dict(zip(sources["id"].astype(str), sources["kind"].astype(str)))
    ev.rows = runs.to_dict("records")
    ev.pair_list = list(zip(ev.pairs.gap.tolist(), ev.pairs.ratio.tolist()))
    ev.workloads = ev.multiples.to_dict("records")
    ev.decode_sources = tuple(sorted(set(runs.loc[runs["usable"] & (runs["phase"] == "decode"), "source_id"])))
    ev.largest_cluster = ev.clusters.iloc[0].to_dict() if len(ev.clusters) else None
    ev.paper = paper_comparison(ev)
    ev.china = cc.owner_evidence(tables, CHINA_CLAIMS, CHINA_MODEL_CLAIMS)
    return ev


def china_figure(ev: Evidence, claim: str, p: Mapping[str, Any]) -> cc.ChainFigure:
    """China's evidence on `claim`, from the chapter's own assumptions (its exchange rate as yuan per dollar)."""
    if ev.china is None:
        return cc.NO_CHINA
    given = {k: p[k] for k in cc.FIGURE_READS[claim] if k != "rmb_per_usd"}
    if "rmb_per_usd" in cc.FIGURE_READS[claim]:
        given["rmb_per_usd"] = 1 / p["usd_per_rmb"]
    return ev.china.figure(claim, given)


def china_model(ev: Evidence, claim: str) -> cc.ChainFigure:
    return ev.china.model(claim) if ev.china is not None else cc.NO_CHINA


# ============================================================================================================
# Shared arithmetic of the rules (cheap: no pandas)
# ============================================================================================================

def like_for_like(ev: Evidence, tolerance: float) -> int | None:
    """Index into `ev.pairs` of the widest like-for-like gap at this service-level tolerance (None: no pair).
    A plain loop: there are few pairs, and the sweep calls this thousands of times."""
    best, k = 0.0, None
    for i, (gap, ratio) in enumerate(ev.pair_list):
        if gap <= tolerance and ratio > best:
            best, k = ratio, i
    return k


def lever_factor(p: Mapping[str, Any], weight: float | None) -> tuple[float, float]:
    """How much utilisation and cache hits widen the cost gap between a well-run and a poorly-run provider
    serving the same stack: (utilisation factor, cache factor). `weight` is decode over prefill throughput (the
    prefill work in a request per output token, relative to decode); None leaves cache hits out."""
    lo, hi = sorted((p["utilisation_low"], p["utilisation_high"]))
    util = hi / lo
    if weight is None:
        return util, 1.0
    hit_lo, hit_hi = sorted((p["cache_hit_low"], p["cache_hit_high"]))
    ipo = p["input_per_output"]
    cache = (ipo * (1 - hit_lo) * weight + 1) / (ipo * (1 - hit_hi) * weight + 1)
    return util, cache


def cost_gap(ev: Evidence, p: Mapping[str, Any]) -> dict | None:
    """The like-for-like gap between published stacks (measured) and the gap a provider's levers make of it."""
    k = like_for_like(ev, p["tpot_tolerance"])
    if k is None:
        return None
    fast = ev.rows[ev.pairs.fast[k]]
    weight = ev.prefill_decode.get((fast["hardware_class"], int(fast["bits"])))
    util, cache = lever_factor(p, weight)
    measured = float(ev.pairs.ratio[k])
    return {"k": k, "measured": measured, "util": util, "cache": cache, "weight": weight,
            "total": measured * util * cache}


def matched_domestic(ev: Evidence, tolerance: float, by_article: bool = True, key: str = "candidates") -> list[dict]:
    """For each domestic decode row, the best Hopper row (`key` "newer": Blackwell row) at the same service level
    and format width."""
    out = []
    for d in ev.domestic:
        if by_article and not d["by"]:
            continue
        for ref, tps, gap, ref_by in d.get(key, []):      # best throughput first
            if gap <= tolerance and (ref_by or not by_article):
                out.append({"row": d["row"], "ref": ref, "ratio": ev.rows[d["row"]]["tps_acc"] / tps})
                break
    return out


def newer_generation(ev: Evidence, dom_row: int, tolerance: float) -> tuple[dict | None, str]:
    """C32 against NVIDIA's Blackwell generation: the best matched pair dated by the article (it decides), else the
    sentence saying why the Blackwell figures in the data do not decide (undated or later, or no matched service
    level or precision) with the gap they would show."""
    matched = matched_domestic(ev, tolerance, by_article=True, key="newer")
    if matched:
        best = max(matched, key=lambda x: x["ratio"])
        return best, ""
    dom = ev.rows[dom_row]
    loose = matched_domestic(ev, tolerance, by_article=False, key="newer")
    text = ""
    if loose:
        b = max(loose, key=lambda x: x["ratio"])
        d, ref = ev.rows[b["row"]], ev.rows[b["ref"]]
        text += txt.R32["newer_undated"].format(dom=d["hardware"], ref=ref["hardware"], ratio=b["ratio"],
                                                when=txt.R32_WHEN[ref["evidence"]])
    others = [r for r in ev.rows if r.get("phase") == "decode" and r.get("hardware_class") == "blackwell"
              and r.get("kind") != "vendor claim" and r.get("evidence") == BY and r.get("priced")
              and r.get("tps_acc", 0) > 0]
    if others:
        ratios = sorted(dom["tps_acc"] / r["tps_acc"] for r in others)
        text += txt.R32["newer_unmatched"].format(dom=dom["hardware"], n=len(others), low=ratios[0],
                                                  high=ratios[-1], refs=txt.listing(sorted({r["hardware"]
                                                                                           for r in others})))
    return None, text


def _war(ev: Evidence, p: Mapping[str, Any], gap: dict) -> tuple[np.ndarray, np.ndarray]:
    """The price war at the central assumptions: months each provider lasts and cash each needs. Remembered per
    set of inputs, because C29 and C35 read the same assumptions and a sweep draws the same values for both."""
    g, chest, price = gap["total"], p["war_chest_ratio"], p["price_to_best_cost"]
    key = (g, chest, price, p["cash_months"], p["fixed_cost_share"], p["price_decline"], p["cost_decline"],
           int(p["horizon_months"]))
    if key not in ev.memo:
        if len(ev.memo) > 50_000:
            ev.memo.clear()
        cash = p["cash_months"] * price * np.array([1.0, (1 + chest) / 2, chest])
        ev.memo[key] = att.survival_and_need(cash, np.array([1.0, math.sqrt(g), g]), price,
                                             p["fixed_cost_share"] * price, p["price_decline"], p["cost_decline"],
                                             int(p["horizon_months"]))
    return ev.memo[key]


# ============================================================================================================
# Rules, one per claim
# ============================================================================================================

@rule("C24", reads=("tpot_tolerance", "large_spread", "utilisation_low", "utilisation_high", "cache_hit_low",
                    "cache_hit_high", "input_per_output", "hopper_usd_per_gpu_hour", "blackwell_usd_per_gpu_hour",
                    "ascend_usd_per_npu_hour", "utilisation"))
def same_model_different_cost(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C24: serving the same open model, costs differ enormously with the infrastructure. Supported when two
    teams' published setups, compared like with like (same hardware generation, format width, kind of measurement
    and service level, published by the article), differ by at least `large_spread`. Below that the claim is not
    testable with public data: like-for-like figures come only from teams that publish tuned stacks, and the
    vendors whose costs would make the spread large publish none, so a narrow published gap cannot contradict it.
    The levers the benchmarks leave out (utilisation, cache hits, as assumed) are shown as an illustration and
    decide nothing. The shift of attention to inference is not tested.

    China's evidence (the modelled cost per million output tokens across the published stacks at the assumed
    rental prices and utilisation) mixes hardware generations, so it is weighed with `china_chain.add_china` as
    bearing on a side part only: it cannot decide a claim about like-for-like serving."""
    return cc.add_china(_base_c24(ev, p), china_figure(ev, "C24", p), central=False)


def _base_c24(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    big = p["large_spread"]
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(txt.R24["none"].format(tol=p["tpot_tolerance"]), sources=ev.decode_sources)
    fast, slow = ev.rows[ev.pairs.fast[gap["k"]]], ev.rows[ev.pairs.slow[gap["k"]]]
    levers = txt.R24["levers"].format(uh=p["utilisation_high"], ul=p["utilisation_low"]) + (
        txt.R24["cache"].format(hh=p["cache_hit_high"], hl=p["cache_hit_low"]) if gap["weight"] is not None else "")
    within = [k for k, (g, _) in enumerate(ev.pair_list) if g <= p["tpot_tolerance"]]
    teams = sorted({ev.rows[int(x[k])]["operator"] for k in within for x in (ev.pairs.fast, ev.pairs.slow)})
    fields = {"measured": txt.times(gap["measured"]), "total": txt.times(gap["total"]), "big": big, "levers": levers,
              "pair": txt.R24["pair"].format(fast=fast["label"], slow=slow["label"], tpot=fast["tpot_ms"]),
              "teams": txt.listing(teams), "n_teams": txt.count(len(teams), "team")}
    label = SUPPORTED if gap["measured"] >= big else NOT_TESTABLE
    reason = txt.R24[label].format(**fields) + txt.R24["illustration"].format(**fields) + txt.R24["untested"]
    return Verdict(label, txt.R24["figure"].format(**fields), reason, PROXY, _pair_sources(ev, gap))


@rule("C25", reads=("heavy_token_multiple",))
def agents_use_many_tokens(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C25: agents consume many tokens. Over the agent workloads (column `agent`; a reasoning model's single
    prompt is not one) whose source is dated by the article: supported when every one uses at least
    `heavy_token_multiple` times the tokens of its chat baseline, partly when some do, contradicted when none
    does; later or undated figures are named and decide nothing. The bar is an assumption, and the reason says
    where it turns the verdict (the lightest workload's multiple). Evidence anecdote when one source gives every
    deciding figure, direct when several primary sources do, proxy otherwise. That infrastructure limits agents
    and that the gap between providers widens are not measured: two untested parts against one tested, so by
    `verdicts.grade` (CRITERIA) the claim is at most partly supported."""
    agents_ = [w for w in ev.workloads if w["agent"]]
    m = [w for w in agents_ if w["evidence"] == BY]
    later = [w for w in agents_ if w["evidence"] != BY]
    late = txt.R25["later"].format(names=txt.listing([txt.R25["later_item"].format(name=w["workload"], m=w["multiple"])
                                                      for w in later])) if later else ""
    others = [w["workload"] for w in ev.workloads if not w["agent"]]
    other = txt.R25["other"].format(names=txt.listing(others)) if others else ""
    if not m:
        return Verdict.not_testable_here(txt.R25["none"] + late + other)
    heavy = [w for w in m if w["multiple"] >= p["heavy_token_multiple"]]
    lo, hi = m[0], m[-1]
    fields = {"low": lo["multiple"], "low_name": lo["workload"], "high": hi["multiple"], "high_name": hi["workload"],
              "heavy": p["heavy_token_multiple"], "n": txt.count(len(m), "workload"), "n_all": len(m), "k": len(heavy)}
    fields["span"] = txt.R25["span" if len(m) > 1 else "span_one"].format(**fields)
    part = SUPPORTED if len(heavy) == len(m) else PARTLY if heavy else CONTRADICTED   # the tested part
    label = grade([PART_OF[part], None, None])   # two untested parts (CRITERIA): at most partly supported
    above = grade([SOME if len(m) > 1 else False, None, None])   # the verdict with the bar above every workload
    bar = txt.R25["bar_above" if part != SUPPORTED else "bar_below" if above != label else "bar_part"].format(
        **fields, above=txt.LABEL[above])
    reason = (txt.R25[part].format(**fields) + bar + late + other + txt.R25["untested"]
              + (txt.R_GRADED if label != part else ""))
    ids = sorted({w["source_id"] for w in m})
    strength = (ANECDOTE if len(ids) == 1 else
                DIRECT if all(ev.source_kinds.get(x) == "primary" for x in ids) else PROXY)
    figure = txt.R25["figure" if len(m) > 1 else "figure_one"].format(**fields)
    return Verdict(label, figure, reason, strength, tuple(ids))


@rule("C26")
def reorganised_around_infrastructure(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C26: the article's four dated organisational moves (`CLAIMED_MOVES`: Alibaba's infrastructure push,
    Huawei's Ascend and ModelArts base, Baidu's AI-native architecture, Tencent's new AI Infra department). Tested
    as the article states it: each named organisation has a dated move of the kind the article names (its
    category). Supported when every named move is found, partly when some are; not testable here when none is (a
    move missing from a curated record is not evidence that none happened). Evidence direct when every move rests
    on a primary source, proxy otherwise."""
    e = ev.events
    found, missing, sources, kinds = [], [], set(), []
    for org, category in CLAIMED_MOVES.items():
        rows = e[e["organisation"].str.casefold() == org.casefold()]
        rows = rows[rows["category"] == category]
        if rows.empty:
            missing.append(txt.R26["missing_item"].format(org=org, kind=txt.R26_KIND.get(category, category)))
            continue
        first = rows.iloc[0]
        found.append(txt.R26["move"].format(org=org, event=first["event"], date=f"{first['date']:%b %Y}"))
        sources |= set(rows["source_id"])
        kinds += [ev.source_kinds.get(x, "") for x in rows["source_id"]]
    fields = {"k": len(found), "n": len(CLAIMED_MOVES), "found": "; ".join(found), "missing": txt.listing(missing),
              "moves": txt.count(len(e), "dated move"), "orgs": txt.count(e["organisation"].nunique(), "organisation")}
    figure = txt.R26["figure"].format(**fields)
    if not found:
        return Verdict.not_testable_here(txt.R26["none"].format(**fields), figure, tuple(sorted(set(e["source_id"]))))
    label = SUPPORTED if not missing else PARTLY
    grade = DIRECT if kinds and all(k == "primary" for k in kinds) else PROXY
    return Verdict(label, figure, txt.R26[label].format(**fields), grade, tuple(sorted(sources)))


@rule("C28", reads=("tpot_tolerance", "hopper_usd_per_gpu_hour", "utilisation"))
def scheduling_decides_domestic_cost(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C28: domestic clusters need deeper optimisation (higher utilisation) to bring cost per token down.
    Decided only with a published domestic rental price: for each domestic decode figure with a Hopper figure at
    the same service level and format width (evidence by the article), the utilisation the domestic cluster needs
    to match NVIDIA's cost per token at the lowest and the highest published domestic price. Supported when it must
    run busier than the NVIDIA cluster and can (break-even above NVIDIA's utilisation and at most 100%) at every
    price and figure; contradicted when it matches at NVIDIA's utilisation or below at every one; partly otherwise.

    Without a published domestic price (the public record holds none) the claim is not testable with public data:
    an assumed price would decide it. The reason then gives what the data do show: the hourly price up to which a
    domestic cluster matches NVIDIA at equal utilisation, and how much the same domestic setup gains from
    optimisation (figures published under different settings, e.g. default against tuned load balancing)."""
    pairs = matched_domestic(ev, p["tpot_tolerance"])
    opt = ev.optimisation[0] if ev.optimisation else None
    sources = {ev.rows[x[k]]["source_id"] for x in pairs for k in ("row", "ref")}
    optimised = ""
    if opt is not None:
        best, worst = ev.rows[opt["best"]], ev.rows[opt["worst"]]
        optimised = txt.R28["optimised"].format(setup=best["label"], phase=best["phase"], ratio=txt.times(opt["ratio"]),
                                                best=best["conditions"], worst=worst["conditions"],
                                                hi=best["tps_acc"], lo=worst["tps_acc"])
        sources |= {best["source_id"], worst["source_id"]}
    if ev.domestic_vendor is not None:
        optimised += txt.R28["own"].format(vendor=ev.domestic_vendor)
    if not pairs:
        if opt is None:
            return Verdict.not_testable_here(txt.R28["none"].format(tol=p["tpot_tolerance"]))
        return Verdict.not_testable(txt.R28["no_pair"].format(tol=p["tpot_tolerance"]) + optimised,
                                    txt.R28["opt_figure"].format(ratio=txt.times(opt["ratio"])), tuple(sources))
    ref_price, util = p["hopper_usd_per_gpu_hour"], p["utilisation"]
    first = pairs[0]
    dom, ref = ev.rows[first["row"]], ev.rows[first["ref"]]
    fields = {"dom": dom["label"], "dom_tpot": dom["tpot_ms"], "ratio": first["ratio"], "ref": ref["label"],
              "ref_tpot": ref["tpot_ms"], "ref_price": ref_price, "be_price": ref_price * first["ratio"], "util": util}
    head = txt.R28["reason"].format(**fields)
    if ev.domestic_rent is None:
        return Verdict(NOT_TESTABLE, txt.R28["price_figure"].format(**fields),
                       head + txt.R28["untestable"] + optimised, PROXY if opt is not None else NO_EVIDENCE,
                       tuple(sorted(sources)))
    outcomes = []
    for pr in pairs:
        for price in ev.domestic_rent:
            be = util * price / ref_price / pr["ratio"]
            outcomes.append(SUPPORTED if util < be <= 1 else PARTLY if be > 1 else CONTRADICTED)
    label = outcomes[0] if len(set(outcomes)) == 1 else PARTLY
    lo, hi = ev.domestic_rent
    fields |= {"low": lo, "high": hi, "be_low": util * lo / ref_price / first["ratio"],
               "be_high": util * hi / ref_price / first["ratio"]}
    reason = head + txt.R28["priced"].format(**fields) + txt.R28[label] + txt.R28["end"] + optimised
    return Verdict(label, txt.R28["figure"].format(**fields), reason, PROXY, tuple(sorted(sources)))


def _pair_sources(ev: Evidence, gap: dict) -> tuple[str, ...]:
    return tuple(sorted({ev.rows[ev.pairs.fast[gap["k"]]]["source_id"],
                         ev.rows[ev.pairs.slow[gap["k"]]]["source_id"]}))




@rule("C29", reads=("tpot_tolerance", "utilisation_low", "utilisation_high", "cache_hit_low", "cache_hit_high",
                    "input_per_output", "price_to_best_cost", "cash_months", "war_chest_ratio", "fixed_cost_share",
                    "price_decline", "cost_decline", "horizon_months", "hopper_usd_per_gpu_hour",
                    "blackwell_usd_per_gpu_hour", "ascend_usd_per_npu_hour", "utilisation", "usd_per_rmb"))
def cost_decides_survival(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C29: cost decides survival. Not testable with public data: the cloud vendors' unit costs and the cash they
    hold for a price war are not published. The reason reports, as an illustration, the attrition model's central
    run (every assumption at its central value, no throughput noise) of three invented providers whose cost gap
    comes from the like-for-like evidence widened by the levers: in which order they run out of cash. Not
    testable here when no like-for-like pair sets the cost gap.

    China's evidence (how many published stacks would serve at a loss at the median Chinese list price of the latest
    year: cost decides survival only where prices reach costs) is weighed with `china_chain.add_china`, and the
    chain model's reading (does the vendor that exits have the highest cost per token?) with
    `china_chain.add_model`."""
    with_china = cc.add_china(_base_c29(ev, p), china_figure(ev, "C29", p), central=False)
    return cc.add_model(with_china, china_model(ev, "C29"))


def _base_c29(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(txt.R_WAR["none"])
    months, _ = _war(ev, p, gap)
    h = int(p["horizon_months"])
    lo, mid, hi = months
    if hi >= h:
        tail = txt.R_WAR["through"]
    elif lo > hi:
        tail = txt.R_WAR[("order_alike" if p["war_chest_ratio"] == 1 else "order") if lo >= mid >= hi else "middle"]
    else:
        tail = txt.R_WAR["chest"]
    fields = {"low": txt.months(lo, h), "mid": txt.months(mid, h), "high": txt.months(hi, h),
              "gap": txt.times(gap["total"]), "chest": p["war_chest_ratio"]}
    reason = txt.R_WAR["c29_untestable"] + txt.R_WAR["c29_head"].format(**fields) + tail + txt.R_WAR["end"]
    return Verdict.not_testable(reason, txt.R_WAR["c29_figure"].format(**fields), _pair_sources(ev, gap))


@rule("C30")
def largest_profit_pool(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C30: infrastructure is the largest profit pool. No public data splits the industry's profits by layer."""
    ds = ev.disclosure
    if "markup" in ds:
        return Verdict.not_testable(txt.R30["markup"].format(markup=ds["markup"]),
                                    txt.R30["markup_figure"].format(markup=ds["markup"]), (ds["source_id"],))
    return Verdict.not_testable(txt.R30["none"], txt.R30["none_figure"])


@rule("C32", reads=("tpot_tolerance", "near_share"))
def domestic_chips_catch_up(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C32: domestic chips catch up: near NVIDIA, ten-thousand-card clusters, a cloud-inference chip. The first
    part holds when the best domestic decode figure reaches `near_share` of the best Hopper figure at the same
    service level (by the article; on paper, BF16 against the top Hopper chip, when no serving pair exists); the
    second when a dated cluster of at least 10,000 accelerators is recorded. NVIDIA's newer Blackwell generation
    decides too when the data hold a pair at the same service level and precision dated by the article (near
    Hopper only: the part holds in part); otherwise the reason says why its figures do not decide (undated or
    later, no time per output token) and what gap they would show. The cloud-inference chip (Hanguang)
    has no data: an untested part. Graded by `verdicts.grade`, the parts weighing alike."""
    near = p["near_share"]
    parts: list[tuple[Part, str]] = []
    sources: set[str] = set()
    pairs = matched_domestic(ev, p["tpot_tolerance"])
    figure = txt.R32["no_chip_figure"]
    newer_text = ""
    if pairs:
        best = max(pairs, key=lambda x: x["ratio"])
        dom, ref = ev.rows[best["row"]], ev.rows[best["ref"]]
        fields = {"dom": dom["hardware"], "ref": ref["hardware"], "ratio": best["ratio"], "near": near,
                  "side": "at or above" if best["ratio"] >= near else "below"}
        text = txt.R32["serving"].format(**fields)
        figure = txt.R32["serving_figure"].format(**fields)
        newer, newer_text = newer_generation(ev, best["row"], p["tpot_tolerance"])
        state: Part = best["ratio"] >= near
        if newer is not None:   # a like-for-like Blackwell pair dated by the article: near both, or one only
            nd, nr = ev.rows[newer["row"]], ev.rows[newer["ref"]]
            close = newer["ratio"] >= near
            text += txt.R32["newer"].format(dom=nd["hardware"], ref=nr["hardware"], ratio=newer["ratio"],
                                            side="at or above" if close else "below", near=near)
            figure += txt.R32["newer_figure"].format(ref=nr["hardware"], ratio=newer["ratio"])
            state = True if state and close else False if not (state or close) else SOME
            sources |= {nd["source_id"], nr["source_id"]}
        parts.append((state, text))
        sources |= {dom["source_id"], ref["source_id"]}
    elif ev.paper is not None:
        fields = {"dom": ev.paper["chip"], "ref": ev.paper["ref"], "ratio": ev.paper["ratio"], "near": near,
                  "side": "at or above" if ev.paper["ratio"] >= near else "below"}
        parts.append((ev.paper["ratio"] >= near, txt.R32["paper"].format(**fields)))
        figure = txt.R32["paper_figure"].format(**fields)
    if ev.largest_cluster is not None:
        c = ev.largest_cluster
        big = c["accelerators"] >= CLAIMED_CLUSTER
        parts.append((big, txt.R32["cluster"].format(n=int(c["accelerators"]), org=c["organisation"], date=c["date"],
                                                 side="at least" if big else "fewer than", claimed=CLAIMED_CLUSTER)))
        sources.add(c["source_id"])
    if not parts:
        return Verdict.not_testable_here(txt.R32["none"], figure)
    held: list[Part] = [h if h == SOME else bool(h) for h, _ in parts]
    held += [None] * (3 - len(held))   # the cloud-inference chip, and any part without a figure, are untested
    label = grade(held, central=None) or CONTRADICTED
    text = "; ".join(t for _, t in parts)
    reason = (text[0].upper() + text[1:] + txt.R32["untested"] + newer_text
              + (txt.R_GRADED if label == PARTLY and False not in held and SOME not in held else ""))
    return Verdict(label, figure, reason, PROXY, tuple(sorted(sources)))


def paper_comparison(ev: Evidence) -> dict | None:
    s = ev.spec.dropna(subset=["bf16_median"]) if "bf16_median" in ev.spec else ev.spec.iloc[0:0]
    dom, nv = s[s["domestic"]], s[~s["domestic"] & (s["hardware_class"] == "hopper")]
    if dom.empty or nv.empty:
        return None
    a, b = dom.sort_values("bf16_median").iloc[-1], nv.sort_values("bf16_median").iloc[-1]
    return {"chip": a["hardware"], "ref": b["hardware"], "ratio": a["bf16_median"] / b["bf16_median"]}


@rule("C33")
def supernodes_2025(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C33: the 2025 supernodes as the article gives them. Partly when a supernode first ships after the
    article's year or its bandwidth multiple rests on a disputed secondary summary; supported when every
    supernode in the data shipped by then with its composition recorded; not testable here when the data hold no
    composition (accelerators and CPUs) or bandwidth figure."""
    sn = ev.supernodes
    if sn.empty or "accelerators" not in sn:
        return Verdict.not_testable_here(txt.R33["no_size"])

    def having(*cols: str) -> pd.DataFrame:
        return sn.dropna(subset=list(cols)) if all(c in sn for c in cols) else sn.iloc[0:0].reindex(columns=list(cols))

    avail, mult, comp = having("first_available_year"), having("interconnect_multiple"), having("cpus", "accelerators")
    late = avail[avail["first_available_year"] > ev.year] if ev.year else avail.iloc[0:0]
    parts = [txt.R33["composition"].format(name=r["supernode"], acc=int(r["accelerators"]), cpus=int(r["cpus"]))
             for _, r in comp.iterrows()]
    parts += [txt.R33["multiple"].format(name=r["supernode"], m=r["interconnect_multiple"]) for _, r in mult.iterrows()]
    if len(late):
        parts.append(txt.R33["late"].format(names=txt.listing(list(late["supernode"])), s="s" if len(late) == 1 else "",
                                        year=int(late["first_available_year"].min())))
    figure = "; ".join(txt.R33["size"].format(name=r["supernode"], n=int(r["accelerators"]))
                       for _, r in sn.dropna(subset=["accelerators"]).iterrows())
    if comp.empty and mult.empty:
        return Verdict.not_testable_here(txt.R33["none"], figure)
    label = PARTLY if len(late) or len(mult) else SUPPORTED
    return Verdict(label, figure, "; ".join(parts) + ".", PROXY, ev.supernode_sources)


@rule("C34")
def platforms_make_compute_usable(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C34: platforms make compute usable. Each organisation with published results of its own platform is a part
    that holds (an anecdote); each of the article's platform owners (`PLATFORM_OWNERS`) without one is an untested
    part (only product names are public). Graded by `verdicts.grade`: supported when no more owners are untested
    than organisations hold, partly otherwise. Not testable here without any platform result."""
    plat = ev.events[ev.events["category"] == "platform"]
    orgs = sorted(plat["organisation"].unique())
    figure = txt.R34["figure"].format(orgs=txt.count(len(orgs), "organisation"))
    if not orgs:
        return Verdict.not_testable_here(txt.R34["none"], figure)
    untested = [o for o in PLATFORM_OWNERS if o not in orgs]
    label = grade([True] * len(orgs) + [None] * len(untested), central=None) or NOT_TESTABLE_HERE
    reason = txt.R34[SUPPORTED].format(names=txt.listing(orgs)) + (txt.R_GRADED if label == PARTLY else "")
    return Verdict(label, figure, reason, ANECDOTE, tuple(sorted(set(plat["source_id"]))))


@rule("C35", reads=("tpot_tolerance", "utilisation_low", "utilisation_high", "cache_hit_low", "cache_hit_high",
                    "input_per_output", "price_to_best_cost", "cash_months", "war_chest_ratio", "fixed_cost_share",
                    "price_decline", "cost_decline", "horizon_months"))
def thicker_health_bar(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    """C35: efficient infrastructure is a thicker health bar. Not testable with public data (no vendor's cost or
    war chest is published). The reason reports, as an illustration, the attrition model's central run: the cash
    the lowest- and highest-cost invented providers need to last the horizon, and who lasts longer with the war
    chests as assumed. Not testable here when no like-for-like pair sets the cost gap.

    The chain model's reading (does the lowest-cost vendor last at least as long as the highest-cost one, over the
    model's documented ranges?) is weighed with `china_chain.add_model`."""
    return cc.add_model(_base_c35(ev, p), china_model(ev, "C35"))


def _base_c35(ev: Evidence, p: Mapping[str, Any]) -> Verdict:
    gap = cost_gap(ev, p)
    if gap is None:
        return Verdict.not_testable_here(txt.R_WAR["none"])
    months, need = _war(ev, p, gap)
    h = int(p["horizon_months"])
    need_lo, need_hi = need[0] / p["price_to_best_cost"], need[2] / p["price_to_best_cost"]
    sources = _pair_sources(ev, gap)
    if need_hi <= 0:
        return Verdict.not_testable(txt.R_WAR["c35_untestable"] + txt.R_WAR["c35_none"].format(h=h),
                                    txt.R_WAR["c35_none_figure"], sources)
    figure = (txt.R_WAR["c35_figure"].format(ratio=need_hi / need_lo, h=h) if need_lo > 0 else
              txt.R_WAR["c35_figure_zero"].format(need=need_hi, h=h))
    lasts = months[0] >= months[2]
    fields = {"gap": txt.times(gap["total"]), "need_hi": need_hi, "need_lo": need_lo, "h": h,
              "chest": p["war_chest_ratio"], "high": txt.months(months[2], h), "low": txt.months(months[0], h)}
    middle = "c35_first" if lasts and months[2] < h else "c35_both" if lasts else "c35_longer"
    reason = (txt.R_WAR["c35_untestable"] + txt.R_WAR["c35_head"].format(**fields)
              + txt.R_WAR[middle].format(**fields))
    return Verdict.not_testable(reason, figure, sources)


RULES = rules_of(sys.modules[__name__])


# ============================================================================================================
# The chapter's figures, sentences and chart frames
# ============================================================================================================

def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, sentence, chart frame and verdict of the chapter, from the tables and the parameters."""
    p = params
    for names in (("price_to_best_cost_low", "price_to_best_cost", "price_to_best_cost_high"),
                  ("cash_months_low", "cash_months", "cash_months_high"),
                  ("price_decline_low", "price_decline", "price_decline_high"),
                  ("cost_decline_low", "cost_decline", "cost_decline_high"),
                  ("utilisation_low", "utilisation_high"), ("cache_hit_low", "cache_hit_high")):
        _check_order(p, *names)
    ev = evidence if evidence is not None else prepare(tables)
    res = ChapterResult()
    from aicloud.analysis import infra_economics_page as page  # the page builds on this module's evidence

    page.disclosure(ev, p, tables, res)
    page.serving(ev, p, res)
    page.domestic(ev, p, tables, res)
    page.supernodes(ev, p, res)
    page.agents_section(ev, p, res)
    page.price_war(ev, p, res)
    page.events(ev, res)
    res.frames["rentals"] = tables["infra_rental_prices"]
    res.verdicts = {claim: r(ev, p) for claim, r in RULES.items()}
    res.values = {k: (float(x) if isinstance(x, (np.floating, np.integer)) else x) for k, x in res.values.items()}
    bad = [k for k, x in res.values.items() if isinstance(x, float) and not math.isfinite(x)]
    if bad:
        raise AssertionError(f"{CHAPTER}: values {bad} are not finite")   # a bug: every value must be a number
    return res
