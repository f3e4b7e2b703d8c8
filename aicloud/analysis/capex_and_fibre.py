"""The capex and fibre chapter's analysis: capital spending on its own bases, Sequoia's arithmetic, payback and
the steady state, the fibre analogy on comparable bases, and the rules for claims C36 and C38.

`prepare(tables)` computes, once and without parameters, everything the rules read (`Evidence`);
`analyse(tables, params)` returns every figure, sentence and chart frame the page shows. Sentences come from
`aicloud.analysis.capex_and_fibre_text`. Money across decades is restated in one year's dollars with the US
CPI-U (`capex_price_index`); years after the index's last are extended by the parameter `inflation_after_index`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from aicloud.analysis import ChapterResult, rule
from aicloud.analysis import capex_and_fibre_text as text
from aicloud.models import capex
from aicloud.verdicts import CONTRADICTED, DIRECT, PARTLY, PROXY, SUPPORTED, Verdict

RESOURCES = ("sources", "capex_spending", "capex_sequoia", "capex_ai_revenue", "nvidia_dc_revenue",
             "capex_comparisons", "capex_telecom_capex", "capex_fibre_use", "capex_telecom_bankruptcies",
             "capex_fibre_facts", "timeline_events", "capex_price_index", "nvidia_dc_revenue_annual")
# The headline measure per company-year, most inclusive first; and the nearest basis to carriers' capex
# (cash purchases of property and equipment) for the cross-decade comparison.
PREFERENCE = ["incl-leases", "ppe-purchases", "capex", "cash-capex", "cloud-ai-infra"]
CASH_BASIS = ["ppe-purchases", "cash-capex", "capex", "incl-leases", "cloud-ai-infra"]
FULL_YEAR = {"calendar-year": "calendar year", "fiscal-year": "fiscal year to {end:%b %Y}",
             "trailing-four-quarters": "four quarters to {end:%b %Y}"}
SUB_ANNUAL = {"quarter": 3, "half-year": 6}


@dataclass
class Evidence:
    """What the page and the rules read, computed once from the tables (no parameter involved)."""

    annual: pd.DataFrame                  # one row per company, measure and year; amounts in their own currency
    headline: pd.DataFrame                # one row per company-year: the most complete, most inclusive measure
    nvidia_years: pd.DataFrame            # NVIDIA data-center revenue by complete fiscal year
    essays: list[dict]                    # Sequoia's essays with every input, oldest first
    cases: pd.DataFrame                   # the essays' rows of the Sequoia table
    update: dict | None                   # Sequoia's method on NVIDIA's latest quarter
    ai_capex_estimate: dict | None        # the latest published pair of AI capex and AI revenue
    pledge: dict | None
    claim: dict | None
    later_pledges: list[str]
    organisation: list[tuple[str, pd.Timestamp, str, str]]   # actor, date, event, source id
    gdp: pd.DataFrame                     # the share-of-GDP rows of the comparisons
    comparisons: pd.DataFrame
    n_pairs: int = 0
    n_ai_higher: int = 0
    gdp_ai: tuple[float, float] | None = None
    gdp_tel: tuple[float, float] | None = None
    facts: dict[str, dict] = field(default_factory=dict)
    use: pd.DataFrame | None = None
    telecom: pd.DataFrame | None = None
    bankruptcies: pd.DataFrame | None = None
    price_index: dict[int, float] = field(default_factory=dict)
    index_name: str = "price index"       # the index's name, from its source's title
    c38_sources: tuple[str, ...] = ()
    source_kinds: dict[str, str] = field(default_factory=dict)
    publishers: dict[str, str] = field(default_factory=dict)

    def fact(self, metric: str) -> float | None:
        row = self.facts.get(metric)
        return None if row is None else float(row["value"])


# Preparing the evidence ------------------------------------------------------------------------------------------

def annual_spending(spending: pd.DataFrame) -> pd.DataFrame:
    """Reported spending as years: full-year rows as they are; quarters and half-years summed per company,
    measure and year unless the company gives that year's figure itself (its own figure wins)."""
    reported = spending[spending["status"] == "reported"].assign(year=lambda d: d["period_end"].dt.year)
    full = reported[reported["basis"].isin(list(FULL_YEAR))]
    rows = [{**r, "months": 12, "how": FULL_YEAR[r["basis"]].format(end=r["period_end"])}
            for r in full.to_dict("records")]
    parts = reported[reported["basis"].isin(list(SUB_ANNUAL))]
    for (company, measure_id, year), g in parts.groupby(["company", "measure_id", "year"], sort=True):
        own = (full["company"] == company) & (full["measure_id"] == measure_id) & (full["year"] == year)
        if own.any() or g["currency"].nunique() > 1:
            continue
        months = min(12, int(sum(SUB_ANNUAL[b] for b in g["basis"])))
        rows.append({**g.iloc[0].to_dict(), "months": months,
                     "period_label": f"CY{year}" if months == 12 else f"{year} ({months} months)",
                     "period_start": g["period_start"].min(), "amount_bn": float(g["amount_bn"].sum()),
                     "amount_high_bn": np.nan, "approximate": bool(g["approximate"].any()),
                     "how": "sum of quarters" if months == 12 else f"sum of parts, {months} months only"})
    columns = [*spending.columns, "year", "months", "how"]
    annual = pd.DataFrame(rows, columns=columns)
    annual["year"] = annual["year"].astype("int64")
    annual["rank"] = annual["measure_id"].map({m: i for i, m in enumerate(PREFERENCE)}).fillna(len(PREFERENCE))
    return annual.reset_index(drop=True)


def headline_of(annual: pd.DataFrame) -> pd.DataFrame:
    """One row per company and year: the longest period, then the most inclusive measure."""
    ordered = annual.sort_values(["company", "year", "months", "rank"], ascending=[True, True, False, True])
    return ordered.groupby(["company", "year"]).head(1)


def nvidia_fiscal_years(nvidia: pd.DataFrame, annual: pd.DataFrame | None = None) -> pd.DataFrame:
    """NVIDIA data-center revenue per complete fiscal year. A full-year figure as NVIDIA states it (a row of
    `annual`, the resource `nvidia_dc_revenue_annual`, or a quarterly row without a quarter) is used as given;
    otherwise four distinct quarters are summed. Quarters are never assumed to add up to a stated year. Each
    year is placed at the calendar year holding most of its months."""
    columns = ["fiscal_year", "usd_bn", "end", "year", "label", "how", "source_id"]
    if annual is not None and len(annual):
        stated = annual.rename(columns={"fiscal_year_end": "quarter_end"}).assign(fiscal_quarter=np.nan)
        stated = stated[["fiscal_year", "fiscal_quarter", "quarter_end", "revenue_usd_bn", "source_id"]]
        nvidia = pd.concat([nvidia, stated], ignore_index=True)
    if nvidia.empty:
        return pd.DataFrame(columns=columns)
    if "fiscal_quarter" not in nvidia:
        nvidia = nvidia.assign(fiscal_quarter=np.nan)
    rows = []
    for fy, g in nvidia.reset_index(drop=True).groupby("fiscal_year", sort=True):
        whole, parts = g[g["fiscal_quarter"].isna()], g[g["fiscal_quarter"].notna()]
        if len(whole):
            r = whole.iloc[-1]
            usd, end, how, source = float(r["revenue_usd_bn"]), r["quarter_end"], "annual figure", r["source_id"]
        elif parts["fiscal_quarter"].nunique() == 4:
            usd, end, how = float(parts["revenue_usd_bn"].sum()), parts["quarter_end"].max(), "sum of quarters"
            source = parts.sort_values("quarter_end")["source_id"].iloc[-1]
        else:
            continue
        rows.append({"fiscal_year": int(fy), "usd_bn": usd, "end": end, "how": how, "source_id": source,
                     "year": int((end - pd.DateOffset(months=6)).year), "label": f"FY{int(fy)} (to {end:%b %Y})"})
    return pd.DataFrame(rows, columns=columns)


def latest_quarter(nvidia: pd.DataFrame) -> dict | None:
    quarters = nvidia[nvidia["fiscal_quarter"].notna()] if "fiscal_quarter" in nvidia else nvidia.iloc[0:0]
    if quarters.empty:
        return None
    q = quarters.sort_values("quarter_end").iloc[-1]
    return {"label": f"FY{int(q['fiscal_year'])} Q{int(q['fiscal_quarter'])}", "revenue": float(q["revenue_usd_bn"]),
            "source_id": q["source_id"], "end": q["quarter_end"]}


def sequoia_essays(sequoia: pd.DataFrame) -> list[dict]:
    """Each essay with all three inputs of the method (and valid ones), oldest first, rebuilt from them."""
    essays = []
    for essay_id, g in sequoia.groupby("essay_id", sort=False):
        m = dict(zip(g["metric"], g["value"].astype(float)))
        run, share, margin = (m.get(k) for k in ("gpu_run_rate_usd_bn", "gpu_share_of_cost", "end_user_margin"))
        if run is None or share is None or margin is None or not (0 < share <= 1) or not (0 <= margin < 1):
            continue
        needed = float(capex.revenue_needed(run, share, margin))
        stated = m.get("stated_revenue_needed_usd_bn")
        if "assumed_ai_revenue_usd_bn" in m:
            revenue, revenue_is = m["assumed_ai_revenue_usd_bn"], "stated"
        elif stated is not None and "stated_gap_usd_bn" in m:
            revenue, revenue_is = stated - m["stated_gap_usd_bn"], "implied by the stated gap"
        else:
            revenue, revenue_is = None, "not given"
        essays.append({"essay_id": essay_id, "date": str(g["published"].iloc[0]), "run_rate": run,
                       "gpu_share": share, "margin": margin, "needed": needed, "stated": stated,
                       "matches": None if stated is None else bool(math.isclose(needed, stated, rel_tol=0.01)),
                       "revenue": None if revenue is None or revenue < 0 else float(revenue),
                       "revenue_is": revenue_is, "source_id": g["source_id"].iloc[0]})
    essays.sort(key=lambda e: e["date"])
    for e in essays:
        e["gap"] = None if e["revenue"] is None else e["needed"] - e["revenue"]
    return essays


def sequoia_update(essays: list[dict], quarter: dict | None) -> dict | None:
    """Sequoia's method applied to NVIDIA's latest quarter, with the latest essay's ratios."""
    if not essays or quarter is None:
        return None
    last = essays[-1]
    run = float(capex.run_rate(quarter["revenue"]))
    needed = float(capex.revenue_needed(run, last["gpu_share"], last["margin"]))
    return {"q_label": quarter["label"], "q_revenue": quarter["revenue"], "run_rate": run,
            "gpu_share": last["gpu_share"], "margin": last["margin"], "source_id": quarter["source_id"],
            "needed": needed, "cost": float(capex.datacentre_cost(run, last["gpu_share"])),
            "vs_last": needed / last["needed"] if last["needed"] > 0 else None}


def gdp_pairs(comparisons: pd.DataFrame) -> tuple[pd.DataFrame, int, int, tuple | None, tuple | None]:
    gdp = comparisons[comparisons["basis"] == "share-of-gdp"]
    wide = gdp.pivot_table(index="comparison_id", columns="era", values="value", aggfunc="first")
    if not {"telecom", "ai"} <= set(wide.columns):
        return gdp, 0, 0, None, None
    pairs = wide.dropna(subset=["telecom", "ai"])
    if pairs.empty:
        return gdp, 0, 0, None, None
    return (gdp, len(pairs), int((pairs["ai"] >= pairs["telecom"]).sum()),
            (float(pairs["ai"].min()), float(pairs["ai"].max())),
            (float(pairs["telecom"].min()), float(pairs["telecom"].max())))


def index_name(index: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The price index's name: its source's title up to the first comma."""
    titles = sources.set_index("id")["title"]
    ids = [i for i in dict.fromkeys(index["source_id"]) if i in titles.index]
    return str(titles[ids[0]]).split(",")[0].strip() if ids else "price index"


def prepare(tables: Mapping[str, pd.DataFrame]) -> Evidence:
    """Everything the rules and the page read, from the chapter's tables (see `RESOURCES`)."""
    spending, events = tables["capex_spending"], tables["timeline_events"]
    annual = annual_spending(spending)
    essays = sequoia_essays(tables["capex_sequoia"])
    quarter = latest_quarter(tables["nvidia_dc_revenue"])
    ai_rev = tables["capex_ai_revenue"]
    with_capex = ai_rev[ai_rev["ai_capex_usd_bn"].notna() & (ai_rev["ai_revenue_usd_bn"] > 0)].sort_values("year")
    estimate = None if with_capex.empty else {
        k: with_capex.iloc[-1][k] for k in ("estimate_id", "year", "ai_revenue_usd_bn", "ai_capex_usd_bn", "source_id")}
    pledges, claims = spending[spending["status"] == "pledge"], spending[spending["status"] == "claim"]
    pledge = claim = None
    if len(pledges):
        p = pledges.iloc[0]
        years = (p["period_end"] - p["period_start"]).days / 365.25
        pledge = {"company": p["company"], "amount": float(p["amount_bn"]), "currency": p["currency"],
                  "start": p["period_start"], "years": round(years) if years >= 1 else round(years, 1),
                  "source_id": p["source_id"]}
        same = claims[claims["company"] == p["company"]]
        if len(same):
            c = same.iloc[0]
            claim = {"amount": float(c["amount_bn"]), "currency": c["currency"], "source_id": c["source_id"]}
    later = []
    if pledge is not None:
        after = events[(events["category"] == "pledge") & events["actor"].str.contains(pledge["company"], regex=False)
                       & (events["date"] > pledge["start"])].sort_values("date")
        later = [f"{e.event} ({e.date:%b %Y})" for e in after.itertuples()]
    org = events[events["category"] == "organisation"].sort_values("date")
    gdp, n_pairs, n_higher, gdp_ai, gdp_tel = gdp_pairs(tables["capex_comparisons"])
    facts = {r["metric"]: r for r in tables["capex_fibre_facts"].to_dict("records")}
    use = tables["capex_fibre_use"]
    sources = tables["sources"]
    ev = Evidence(
        annual=annual, headline=headline_of(annual),
        nvidia_years=nvidia_fiscal_years(tables["nvidia_dc_revenue"], tables["nvidia_dc_revenue_annual"]),
        essays=essays, cases=pd.DataFrame(essays), update=sequoia_update(essays, quarter),
        ai_capex_estimate=estimate, pledge=pledge, claim=claim, later_pledges=later,
        organisation=[(r.actor, r.date, r.event, r.source_id) for r in org.itertuples()],
        gdp=gdp, comparisons=tables["capex_comparisons"], n_pairs=n_pairs, n_ai_higher=n_higher, gdp_ai=gdp_ai,
        gdp_tel=gdp_tel, facts=facts,
        use=use.assign(in_use=np.where(use["stated_as"] == "unused", 100 - use["pct"], use["pct"])),
        telecom=tables["capex_telecom_capex"], bankruptcies=tables["capex_telecom_bankruptcies"],
        price_index={int(y): float(v) for y, v in zip(tables["capex_price_index"]["year"],
                                                      tables["capex_price_index"]["index"])},
        index_name=index_name(tables["capex_price_index"], sources),
        source_kinds=dict(zip(sources["id"], sources["kind"])),
        publishers=dict(zip(sources["id"], sources["publisher"])))
    cited = set(gdp["source_id"]) | set(use["source_id"]) | {e["source_id"] for e in essays}
    cited |= {facts[m]["source_id"] for m in ("h100_rental_change_pct", "bandwidth_price_fall_pct",
                                               "telecom_bankruptcies") if m in facts}
    if ev.update is not None:
        cited.add(ev.update["source_id"])
    ev.c38_sources = tuple(sorted(cited))
    return ev


# Rules ---------------------------------------------------------------------------------------------------------

def department_event(ev: Evidence, actor: str) -> tuple[str, pd.Timestamp, str, str] | None:
    """The first organisational move by `actor` in the timeline (the actor column may list several)."""
    for row in ev.organisation:
        if actor and actor in row[0]:
            return row
    return None


@rule("C36", reads=("department_actor", "usd_per_rmb"))
def pledge_and_department(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C36: the pledge is at least the article's figure (the central part) and `department_actor` set up a
    department (an organisational event in the timeline). Both hold: supported; the pledge holds and the
    department is missing from this data: supported on the part tested, saying so; the pledge falls short but
    the department holds: partly; the pledge falls short and no department: contradicted. No pledge or no
    article figure: not testable with this data."""
    actor = params["department_actor"]
    dept = department_event(ev, actor)
    if ev.pledge is None or ev.claim is None:
        suffix = f"; {actor}'s new department is dated {dept[1]:%d %b %Y}" if dept else ""
        return Verdict.not_testable_here(text.C36_NO_PLEDGE.format(dept=suffix),
                                         figure="no pledge to compare in the data")
    p, c = ev.pledge, ev.claim
    amount, claimed = p["amount"], c["amount"]
    if p["currency"] != c["currency"]:   # compare in one currency (USD) when the rows differ
        rate = params["usd_per_rmb"]
        amount, claimed = (v * rate if cur == "RMB" else v for v, cur in ((amount, p["currency"]),
                                                                           (claimed, c["currency"])))
    ok = amount >= claimed * (1 - 1e-9)
    label = (SUPPORTED if ok else PARTLY) if dept else (SUPPORTED if ok else CONTRADICTED)
    sources = [p["source_id"], c["source_id"]] + ([dept[3]] if dept else [])
    kinds = {ev.source_kinds.get(s) for s in sources if s != c["source_id"]}
    reason = text.c36_reason(company=p["company"], currency=p["currency"], amount=p["amount"], years=p["years"],
                             date=f"{p['start']:%d %b %Y}", claim_amount=c["amount"], amount_ok=ok, actor=actor,
                             dept_date=f"{dept[1]:%d %b %Y}" if dept else None)
    span = text.period_span(p["years"])
    return Verdict(label, f"{p['currency']} {p['amount']:,.0f} bn over {span}", reason,
                   DIRECT if kinds <= {"primary"} else PROXY, tuple(sources))


def durability(ev: Evidence, params: Mapping[str, Any]) -> tuple[float, float] | None:
    """The central case's payback of one year's data-centre cost at NVIDIA's latest run-rate, and the starting
    AI revenue at which it would equal the GPUs' life; None when the data hold no such base."""
    if ev.update is None or not ev.update["cost"] > 0:
        return None
    revenue, margin, growth = params["ai_revenue_usd_bn"], params["margin_central"], params["growth_central"]
    payback = capex.payback_year(ev.update["cost"], revenue, margin, growth)
    at_life = capex.revenue_to_repay_within(ev.update["cost"], margin, growth, params["gpu_life_years"])
    return payback, at_life


def analogy_tests(ev: Evidence, params: Mapping[str, Any]) -> list[tuple[str, bool | None, str]]:
    """The five tests of the fibre analogy: (test, holds or None when not testable here, figures)."""
    tests: list[tuple[str, bool | None, str]] = []
    scale = None if ev.n_pairs == 0 else ev.n_ai_higher == ev.n_pairs
    tests.append((text.TEST_SCALE, scale, text.scale_figures(ev.n_ai_higher, ev.n_pairs, ev.gdp_ai, ev.gdp_tel)))
    revenue, margin = params["ai_revenue_usd_bn"], params["margin_central"]
    if ev.update is not None and ev.update["cost"] > 0:
        gross = revenue * margin
        depreciation = capex.steady_state(ev.update["cost"], params["gpu_life_years"])[1]
        coverage = revenue / ev.update["needed"] if ev.update["needed"] > 0 else None
        tests.append((text.TEST_REVENUE, gross < depreciation,
                      text.revenue_figures(coverage, ev.update["q_label"], gross, depreciation)))
    else:
        tests.append((text.TEST_REVENUE, None, "no capital base in the data"))
    rental, bandwidth = ev.fact("h100_rental_change_pct"), ev.fact("bandwidth_price_fall_pct")
    if rental is None:
        tests.append((text.TEST_PRICES, None, "no GPU rental price change in the data"))
    else:
        bw = None if bandwidth is None else bandwidth / 100
        tests.append((text.TEST_PRICES, -rental > 0, text.prices_figures(
            -rental / 100, ev.facts["h100_rental_change_pct"]["period"], bw,
            ev.facts["bandwidth_price_fall_pct"]["period"] if bw is not None else None)))
    durable = durability(ev, params)
    gpu_life, fibre_life = params["gpu_life_years"], params["fibre_life_years"]
    if durable is None:
        tests.append((text.TEST_DURABLE, None, "no capital base in the data"))
    else:
        tests.append((text.TEST_DURABLE, durable[0] <= gpu_life, text.durable_figures(fibre_life, gpu_life,
                                                                                      durable[0])))
    n_bankrupt = ev.fact("telecom_bankruptcies")
    tests.append((text.TEST_DEBT, None, text.debt_figures(
        None if n_bankrupt is None else int(n_bankrupt),
        ev.facts["telecom_bankruptcies"]["period"] if n_bankrupt is not None else None)))
    return tests


@rule("C38", reads=("ai_revenue_usd_bn", "margin_central", "growth_central", "gpu_life_years", "fibre_life_years"))
def fibre_analogy(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C38: the analogy is tested on scale (share of GDP), spending ahead of what AI earns (steady state:
    yearly depreciation against yearly gross profit), falling capacity prices, and, the central part, whether
    what is built outlives its payback so that a glut could feed later firms (central-case payback of one
    year's data-centre cost against the GPUs' life). The central part fails: contradicted; it holds and every
    other testable part holds: supported; it holds and another fails: partly; it cannot be tested with this
    data: not testable with this data. The reason says where the central test turns."""
    tests = analogy_tests(ev, params)
    holds = [f"{t} ({f})" for t, h, f in tests if h is True]
    breaks = [f"{t} ({f})" for t, h, f in tests if h is False]
    untested = [f"{t} ({f})" for t, h, f in tests if h is None and t != text.TEST_DEBT]
    figure = f"holds on {len(holds)} of {len(tests)} tests, breaks on {len(breaks)}"
    central = next(h for t, h, _ in tests if t == text.TEST_DURABLE)
    if central is None:
        return Verdict.not_testable_here(text.C38_NO_CENTRAL.format(holds=len(holds), breaks=len(breaks)),
                                         figure=figure, sources=ev.c38_sources)
    others_fail = any(h is False for t, h, _ in tests if t != text.TEST_DURABLE)
    label = CONTRADICTED if not central else PARTLY if others_fail else SUPPORTED
    payback, at_life = durability(ev, params)  # type: ignore[misc]
    flip = text.flip_sentence(holds=central, payback=payback, gpu_life=params["gpu_life_years"],
                              revenue_at_life=at_life, ai_revenue=params["ai_revenue_usd_bn"])
    reason = text.c38_reason(label_word=label, holds=holds, breaks=breaks, untested=untested,
                             central="holds" if central else "fails", flip=flip)
    return Verdict(label, figure, reason, PROXY, ev.c38_sources)


# The page -------------------------------------------------------------------------------------------------------

def analyse(tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
            evidence: Evidence | None = None) -> ChapterResult:
    """Every figure, sentence, chart frame and verdict of the chapter (see the module docstring)."""
    from aicloud.analysis import capex_and_fibre_page as page

    ev = evidence if evidence is not None else prepare(tables)
    result = ChapterResult()
    for part in (page.spending, page.pledge, page.sequoia, page.payback, page.comparisons, page.prices,
                 page.analogy):
        part(ev, params, result)
    result.verdicts = {"C36": pledge_and_department(ev, params), "C38": fibre_analogy(ev, params)}
    result.values = {k: v.item() if isinstance(v, np.generic) else v for k, v in result.values.items()}
    return result
