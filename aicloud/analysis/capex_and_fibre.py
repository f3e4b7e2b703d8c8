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
from aicloud.analysis import china_chain as cc
from aicloud.models import capex
from aicloud.verdicts import CONTRADICTED, DIRECT, NOT_TESTABLE, PARTLY, PROXY, SUPPORTED, Verdict

# China's evidence the rules weigh (aicloud.analysis.china_chain): one chain figure per claim.
CHINA_CLAIMS = ("C36", "C38")
RESOURCES = ("sources", "capex_spending", "capex_sequoia", "capex_ai_revenue", "nvidia_dc_revenue",
             "capex_comparisons", "capex_telecom_capex", "capex_fibre_use", "capex_telecom_bankruptcies",
             "capex_fibre_facts", "timeline_events", "capex_price_index", "nvidia_dc_revenue_annual",
             *cc.resources_for(CHINA_CLAIMS))
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
    china: cc.China | None = None         # China's evidence on C36 and C38 (None: not prepared)
    rejected: list[str] = field(default_factory=list)   # essays the method cannot use, each with the reason
    has_quarter: bool = False             # the data hold an NVIDIA quarter (the update may still lack an essay)
    fibre_lag: dict | None = None         # the wait between the telecom bust and later use, as far as the data show
    china_use: dict | None = None         # China's reported unused share of new computing capacity

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


def sequoia_rejected(sequoia: pd.DataFrame) -> list[str]:
    """The essays Sequoia's method cannot use, each with the real cause (a margin of 1 divides by zero)."""
    out = []
    for essay_id, g in sequoia.groupby("essay_id", sort=False):
        m = dict(zip(g["metric"], g["value"].astype(float)))
        inputs = {"gpu_run_rate_usd_bn": "the GPU run-rate", "gpu_share_of_cost": "the GPU share of cost",
                  "end_user_margin": "the end-user margin"}
        missing = [what for key, what in inputs.items() if key not in m]
        share, margin = m.get("gpu_share_of_cost"), m.get("end_user_margin")
        if missing or not (0 < share <= 1) or not (0 <= margin < 1):
            out.append(text.rejected_reason(str(essay_id), missing=missing, share=share, margin=margin))
    return out


def fibre_lag(use: pd.DataFrame, bankruptcies: pd.DataFrame) -> dict | None:
    """How long after the telecom bust (the last large filing) fibre was still mostly unused: a lower bound on the
    wait before later firms used the glut. None when the data hold no dated share in use after the bust."""
    filed = bankruptcies.dropna(subset=["filed"])
    dated = use.dropna(subset=["year"])
    if filed.empty or dated.empty:
        return None
    bust = filed.sort_values("filed").iloc[-1]
    after = dated[(dated["year"].astype(int) > bust["filed"].year) & (dated["in_use"] < 50)]
    if after.empty:
        return None
    last = after.sort_values(["year", "in_use"]).iloc[-1]
    return {"bust_year": int(bust["filed"].year), "bust_company": str(bust["company"]),
            "dark_year": int(last["year"]), "in_use": float(last["in_use"]), "who": str(last["attributed_to"]),
            "years": float(int(last["year"]) - bust["filed"].year),
            "sources": (bust["source_id"], last["source_id"])}


def china_unused(ref: pd.DataFrame | None, publishers: Mapping[str, str]) -> dict | None:
    """China's reported unused share of newly built computing capacity (facts C5-05/06), with the projects count
    where the data give it; None when the data hold no such figure."""
    if ref is None or ref.empty:
        return None
    rows = {r["metric"]: r for r in ref.to_dict("records")}
    row = rows.get("unused_share_new_compute")
    if row is None or not 0 <= float(row["value"]) <= 1:
        return None
    qualifier = row.get("qualifier")
    qualifier = qualifier if isinstance(qualifier, str) and qualifier else "about"
    out = {"share": float(row["value"]), "qualifier": qualifier,
           "period": str(row["period"]), "publisher": publishers.get(row["source_id"], row["source_id"]),
           "source_id": row["source_id"], "announced": None, "completed": None}
    a, c = rows.get("dc_projects_announced"), rows.get("dc_projects_completed")
    if a is not None and c is not None:
        out.update(announced=float(a["value"]), announced_period=str(a["period"]), completed=float(c["value"]),
                   completed_period=str(c["period"]))
    return out


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
    ev.rejected = sequoia_rejected(tables["capex_sequoia"])
    ev.has_quarter = quarter is not None
    ev.fibre_lag = fibre_lag(ev.use, ev.bankruptcies)
    ev.china_use = china_unused(tables["china_reference"], ev.publishers)
    cited = set(gdp["source_id"]) | set(use["source_id"]) | {e["source_id"] for e in essays}
    if ev.fibre_lag is not None:
        cited |= set(ev.fibre_lag["sources"])
    if ev.china_use is not None:
        cited.add(ev.china_use["source_id"])
    cited |= {facts[m]["source_id"] for m in ("h100_rental_change_pct", "bandwidth_price_fall_pct",
                                               "telecom_bankruptcies") if m in facts}
    if ev.update is not None:
        cited.add(ev.update["source_id"])
    ev.c38_sources = tuple(sorted(cited))
    ev.china = cc.owner_evidence(tables, CHINA_CLAIMS)
    return ev


def china_figure(ev: Evidence, claim: str, params: Mapping[str, Any]) -> cc.ChainFigure:
    """China's evidence on `claim`; C36's reads the chapter's exchange rate (as yuan per dollar)."""
    if ev.china is None:
        return cc.NO_CHINA
    return ev.china.figure(claim, {"rmb_per_usd": 1 / params["usd_per_rmb"]} if claim == "C36" else {})


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
    article figure: not testable with this data.

    China's evidence (the pledging company's spending over four quarters against the pledge's yearly average, and
    the largest Chinese plans) checks that the signal is backed by spending, weighed with
    `china_chain.add_china`."""
    return cc.add_china(_base_c36(ev, params), china_figure(ev, "C36", params), central=False)


def _base_c36(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    actor = params["department_actor"]
    dept = department_event(ev, actor)
    if ev.pledge is None or ev.claim is None:
        suffix = text.dept_suffix(actor, f"{dept[1]:%d %b %Y}") if dept else ""
        return Verdict.not_testable_here(text.C36_NO_PLEDGE.format(dept=suffix), figure=text.C36_NO_PLEDGE_FIGURE)
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
    return Verdict(label, text.c36_figure(p["currency"], p["amount"], p["years"]), reason,
                   DIRECT if kinds <= {"primary"} else PROXY, tuple(sources))


def revenue_cases(ev: Evidence, params: Mapping[str, Any]) -> list[tuple[float, str]]:
    """The AI revenues the steady-state test is shown at: the assumption, and the latest essay's own figure
    (Sequoia's deliberately generous one) when the data give it and it differs."""
    cases = [(float(params["ai_revenue_usd_bn"]), "assumed")]
    given = [e for e in ev.essays if e["revenue"] is not None and e["revenue"] > 0]
    if given and not math.isclose(given[-1]["revenue"], cases[0][0]):
        cases.append((float(given[-1]["revenue"]), f"as in the essay of {given[-1]['date']}"))
    return sorted(cases)


def analogy_tests(ev: Evidence, params: Mapping[str, Any]) -> list[tuple[str, bool | None, str]]:
    """The six tests of the fibre analogy: (test, holds or None when not testable, figures)."""
    tests: list[tuple[str, bool | None, str]] = []
    scale = None if ev.n_pairs == 0 else ev.n_ai_higher == ev.n_pairs
    tests.append((text.TEST_SCALE, scale, text.scale_figures(ev.n_ai_higher, ev.n_pairs, ev.gdp_ai, ev.gdp_tel)))
    margin = params["margin_central"]
    if ev.update is not None and ev.update["run_rate"] > 0:
        # Capital only: the GPU spend at the run-rate. Sequoia's data-centre cost also holds energy, a running cost
        # that the margin already takes out of revenue; counting it here too would count it twice.
        write_off = capex.steady_state(ev.update["run_rate"], params["gpu_life_years"])[1]
        cases = [(r, who, r * margin / write_off) for r, who in revenue_cases(ev, params)]
        ahead = {covers < 1 for _, _, covers in cases}
        coverage = params["ai_revenue_usd_bn"] / ev.update["needed"] if ev.update["needed"] > 0 else None
        tests.append((text.TEST_REVENUE, ahead.pop() if len(ahead) == 1 else None,
                      text.revenue_figures(coverage, ev.update["q_label"], write_off, cases)))
    else:
        tests.append((text.TEST_REVENUE, None, "no capital base in the data"))
    fibre = (float(ev.use["in_use"].min()), float(ev.use["in_use"].max())) if len(ev.use) else None
    unused = None if fibre is None or ev.china_use is None else (fibre[0] < 50 and ev.china_use["share"] > 0.5)
    tests.append((text.TEST_USE, unused, text.use_figures(fibre, ev.china_use)))
    rental, bandwidth = ev.fact("h100_rental_change_pct"), ev.fact("bandwidth_price_fall_pct")
    if rental is None:
        tests.append((text.TEST_PRICES, None, "no GPU rental price change in the data"))
    else:
        bw = None if bandwidth is None else bandwidth / 100
        tests.append((text.TEST_PRICES, -rental > 0, text.prices_figures(
            -rental / 100, ev.facts["h100_rental_change_pct"]["period"], bw,
            ev.facts["bandwidth_price_fall_pct"]["period"] if bw is not None else None)))
    lag = ev.fibre_lag
    tests.append((text.TEST_DURABLE, None, text.durable_figures(
        params["fibre_life_years"], params["gpu_life_years"], params["building_life_years"],
        None if lag is None else lag["years"])))
    n_bankrupt = ev.fact("telecom_bankruptcies")
    tests.append((text.TEST_DEBT, None, text.debt_figures(
        None if n_bankrupt is None else int(n_bankrupt),
        ev.facts["telecom_bankruptcies"]["period"] if n_bankrupt is not None else None)))
    return tests


@rule("C38", reads=("ai_revenue_usd_bn", "margin_central", "gpu_life_years", "fibre_life_years",
                    "building_life_years"))
def fibre_analogy(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    """C38: the analogy's central part is that what a boom builds still works when later firms come to use the
    glut, so it is tested as each asset's life against the wait between a bust and that later use (not against
    the builders' payback: fibre's builders never paid back, and fibre would fail such a test). Fibre's wait is
    bounded from the data (years from the last large telecom filing to the last year fibre was quoted mostly
    unused); AI's cannot be observed before a bust, so the claim is not testable yet (`NOT_TESTABLE`), whatever
    the other parts show. The other parts are shown for information: scale (share of GDP), spending ahead of
    revenue (the steady-state write-off of GPU spend, capital only, against gross profit at the assumed revenue
    and at the latest essay's), idle new capacity (fibre; China's reported unused share) and falling prices.

    China's evidence (Chinese GPU rents against their peak, beside US market rents, and the unused share of new
    Chinese capacity) bears on the falling prices and idle capacity, weighed with `china_chain.add_china`: not on
    the central part, so it leaves the label."""
    return cc.add_china(_base_c38(ev, params), china_figure(ev, "C38", params), central=False)


def _base_c38(ev: Evidence, params: Mapping[str, Any]) -> Verdict:
    tests = analogy_tests(ev, params)
    holds = [f"{t} ({f})" for t, h, f in tests if h is True]
    breaks = [f"{t} ({f})" for t, h, f in tests if h is False]
    untested = [f"{t} ({f})" for t, h, f in tests if h is None and t not in (text.TEST_DEBT, text.TEST_DURABLE)]
    figure = text.C38_FIGURE.format(holds=len(holds), tests=len(tests), breaks=len(breaks))
    lag = ev.fibre_lag
    reason = text.c38_reason(holds=holds, breaks=breaks, untested=untested,
                             lag_years=None if lag is None else lag["years"], gpu_life=params["gpu_life_years"],
                             building_life=params["building_life_years"])
    # Not testable with public data: no AI bust has happened, so AI's wait cannot be observed by anyone yet. The
    # grade is that of the parts shown (proxies), since evidence does bear on them.
    return Verdict(NOT_TESTABLE, figure, reason, PROXY, ev.c38_sources)


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
