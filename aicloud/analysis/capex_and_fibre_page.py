"""The capex and fibre chapter's page, section by section: each function adds the figures, sentences, chart
frames and titles of one section to a `ChapterResult`, from the prepared `Evidence` and the parameters.
Called by `aicloud.analysis.capex_and_fibre.analyse`; sentences come from `capex_and_fibre_text`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from aicloud.analysis import ChapterResult
from aicloud.analysis import capex_and_fibre_text as text
from aicloud.analysis.capex_and_fibre import CASH_BASIS, Evidence, analogy_tests, department_event
from aicloud.models import capex
from aicloud.verdicts import after_article

CASES = ("low", "central", "high")


def _usd(amount: float, currency: str, rate: float) -> float:
    return float(amount) * rate if currency == "RMB" else float(amount)


def with_usd(frame: pd.DataFrame, rate: float) -> pd.DataFrame:
    return frame.assign(usd_bn=[_usd(a, c, rate) for a, c in zip(frame["amount_bn"], frame["currency"])])


def us_latest(ev: Evidence, rate: float) -> tuple[int | None, pd.DataFrame]:
    """The latest year with a full-year US figure, and each US company's headline row for it."""
    full = with_usd(ev.headline, rate)
    full = full[(full["country"] == "US") & (full["months"] == 12)]
    if full.empty:
        return None, full
    year = int(full["year"].max())
    return year, full[full["year"] == year]


def spending(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    rate = params["usd_per_rmb"]
    headline = with_usd(ev.headline, rate)
    latest_year, latest = us_latest(ev, rate)
    first_year = int(headline["year"].min()) if len(headline) else 0
    us_total = float(latest["usd_bn"].sum())
    late = after_article(latest[["period_end"]])   # full-year figures for a year ending after the article
    annual = with_usd(ev.annual, rate)
    lowest = annual[(annual["country"] == "US") & (annual["year"] == latest_year) & (annual["months"] == 12)]
    us_total_low = float(lowest.sort_values("usd_bn").groupby("company").head(1)["usd_bn"].sum())
    mixed = [f"{r.company} reports a {r.how}" for r in latest.itertuples()
             if r.how not in ("calendar year", "sum of quarters")]
    first = headline[(headline["country"] == "US") & (headline["year"] == first_year) & (headline["months"] == 12)]
    both = latest.merge(first, on="company", suffixes=("", "_first"))
    growth = (float(both["usd_bn"].sum() / both["usd_bn_first"].sum())
              if latest_year and first_year < latest_year and len(both) and both["usd_bn_first"].sum() > 0 else None)
    us_companies = sorted(headline.loc[headline["country"] == "US", "company"].unique())
    missing = [f"{c} {y}" for c in us_companies for y in range(first_year, (latest_year or first_year) + 1)
               if not ((headline["company"] == c) & (headline["year"] == y)).any()]
    nv = ev.nvidia_years
    nv_in = nv[(nv["year"] >= first_year) & (nv["year"] <= (latest_year or first_year))] if len(headline) \
        else nv.iloc[0:0]
    nv_last = nv_in.iloc[-1] if len(nv_in) else None
    out.values.update({
        "usd_per_rmb": rate, "n_us": len(latest), "latest_year": latest_year or 0, "first_year": first_year,
        "us_total": us_total, "us_total_low": us_total_low,
        "spend_text": text.spending_paragraph(
            n_us=len(latest), us_names=list(latest["company"]), latest_year=latest_year, us_total=us_total,
            us_total_low=us_total_low, mixed=mixed, growth_names=list(both["company"]), first_year=first_year,
            growth_multiple=growth, nv_label=None if nv_last is None else nv_last["label"],
            nv_usd=None if nv_last is None else float(nv_last["usd_bn"]), missing=missing, late=late)})
    companies = list(dict.fromkeys(headline.sort_values(["country", "company"])["company"]))
    out.frames["spend"] = headline.assign(
        completeness=np.where(headline["months"] == 12, "full year", "part of a year"),
        usd_bn_round=headline["usd_bn"].round(2))
    out.frames["companies"] = companies
    out.frames["nvidia_years"] = nv_in
    alternatives = annual.drop(ev.headline.index)
    basis = pd.concat([headline.assign(role="headline"), alternatives.assign(role="other measure")])
    out.frames["basis"] = basis[basis["country"] == "US"].sort_values(["company", "year", "role"])
    out.titles["spend"] = text.spend_chart_title(len(latest), us_total, latest_year, late)
    last_year = latest_year or first_year
    span = f"{first_year}" if last_year == first_year else f"{first_year}-{last_year}"   # one year: no "2027-2027"
    out.values["spend_subtitle"] = (
        f"Capital spending per company, USD bn, {span}, headline measure per "
        f"company; RMB at {rate:.3f} USD (assumption); faded bars cover part of a year"
        + ("; dashed line: NVIDIA data-center revenue by fiscal year" if len(nv_in) else ""))


def pledge(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    rate, actor = params["usd_per_rmb"], params["department_actor"]
    dept = department_event(ev, actor)
    p = ev.pledge
    pace = pace_usd = actual = peer = None
    if p is not None and p["years"] > 0:
        pace = float(capex.yearly_pace(p["amount"], p["years"]))
        pace_usd = _usd(pace, p["currency"], rate)
    if p is not None and pace:
        own = with_usd(ev.annual, rate)
        own = own[(own["company"] == p["company"]) & (own["months"] == 12)].sort_values("period_end")
        if len(own):
            r = own.iloc[-1]
            actual = (r["measure"], r["period_label"], float(r["amount_bn"]), r["usd_bn"] / pace_usd)
    rows = with_usd(ev.headline, rate)
    rows = rows[rows["company"] == actor].sort_values("year")
    if len(rows):
        r = rows[rows["months"] == 12].iloc[-1] if (rows["months"] == 12).any() else rows.iloc[-1]
        peer = (actor, r["period_label"], r["currency"], float(r["amount_bn"]),
                r["usd_bn"] / pace_usd if pace_usd else None)
    out.values["department_actor"] = actor
    out.values["pledge_text"] = text.pledge_paragraph(
        company=None if p is None else p["company"], amount=0.0 if p is None else p["amount"],
        currency="" if p is None else p["currency"], years=0.0 if p is None else p["years"],
        date="" if p is None else f"{p['start']:%d %B %Y}",
        usd=0.0 if p is None else _usd(p["amount"], p["currency"], rate),
        claim_amount=None if ev.claim is None else ev.claim["amount"], pace=pace, pace_usd=pace_usd,
        actual=actual, later=ev.later_pledges, peer=peer,
        dept=None if dept is None else (dept[2], f"{dept[1]:%d %B %Y}"), department_actor=actor)


def sequoia(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    revenue = params["ai_revenue_usd_bn"]
    essays, update = ev.essays, ev.update
    author = ev.publishers.get(essays[0]["source_id"], "Sequoia Capital") if essays else "Sequoia Capital"
    last = essays[-1] if essays else None
    coverage = revenue / update["needed"] if update and update["needed"] > 0 else None
    upd = None if update is None else {**update, "gap": update["needed"] - revenue, "coverage": coverage}
    out.values.update({
        "seq_intro": text.sequoia_intro(len(essays), author, last and last["gpu_share"], last and last["margin"],
                                        ev.rejected),
        "seq_text": text.sequoia_paragraph(essays, upd, revenue, ev.has_quarter), "seq_author": author,
        "ai_revenue_usd_bn": revenue,
        "ex_sequoia_text": text.exercise_sequoia(author, upd, revenue)})
    if upd is not None:
        out.values.update({"q_label": upd["q_label"], "q_revenue": upd["q_revenue"],
                           "update_run_rate": upd["run_rate"], "update_needed": upd["needed"],
                           "update_gap": upd["gap"], "update_cost": upd["cost"]})
        if coverage is not None:
            out.values["update_coverage"] = coverage
    rows = [{"case": f"Sequoia, {e['date']}", "run_rate": e["run_rate"], "gpu_share": e["gpu_share"],
             "margin": e["margin"], "needed": e["needed"], "stated_needed": e["stated"], "revenue": e["revenue"],
             "revenue_is": e["revenue_is"], "is_update": False, "source_id": e["source_id"]} for e in essays]
    if upd is not None:
        rows.append({"case": f"Update: NVIDIA {upd['q_label']} x4", "run_rate": upd["run_rate"],
                     "gpu_share": upd["gpu_share"], "margin": upd["margin"], "needed": upd["needed"],
                     "stated_needed": None, "revenue": revenue, "revenue_is": "assumption (parameter)",
                     "is_update": True, "source_id": upd["source_id"]})
    cases = pd.DataFrame(rows, columns=["case", "run_rate", "gpu_share", "margin", "needed", "stated_needed",
                                        "revenue", "revenue_is", "is_update", "source_id"])
    cases = cases.astype({c: float for c in ("run_rate", "gpu_share", "margin", "needed", "stated_needed",
                                             "revenue")})
    cases["gap"] = cases["needed"] - cases["revenue"]
    cases["coverage"] = np.where(cases["needed"] > 0, cases["revenue"] / cases["needed"].where(cases["needed"] > 0),
                                 np.nan)
    out.frames["cases"] = cases
    out.titles["sequoia"] = text.sequoia_title(upd, last and last["needed"])


def capital_bases(ev: Evidence, params: Mapping[str, Any]) -> list[tuple[str, float, str | None]]:
    """One year of capital spending on each base the data allow: (label, USD bn, source id)."""
    bases = []
    if ev.update is not None and ev.update["run_rate"] > 0:
        # The GPU spend, capital only: the rest of Sequoia's data-centre cost holds energy, which the margin
        # already takes out of revenue.
        bases.append((f"GPU spend at NVIDIA's {ev.update['q_label']} run-rate", ev.update["run_rate"],
                      ev.update["source_id"]))
    year, latest = us_latest(ev, params["usd_per_rmb"])
    if year is not None and latest["usd_bn"].sum() > 0:
        bases.append((f"US companies' capex, {year} (headline measures)", float(latest["usd_bn"].sum()), None))
    est = ev.ai_capex_estimate
    if est is not None and est["ai_capex_usd_bn"] > 0:
        bases.append((f"AI capex estimate ({est['estimate_id']}, {est['year']})", float(est["ai_capex_usd_bn"]),
                      est["source_id"]))
    return bases


def payback(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    revenue, life = params["ai_revenue_usd_bn"], params["gpu_life_years"]
    margin = {c: params[f"margin_{c}"] for c in CASES}
    growth = {c: params[f"growth_{c}"] for c in CASES}
    bases = capital_bases(ev, params)
    gross = revenue * margin["central"]
    rows = []
    for label, amount, _ in bases:
        installed, yearly = capex.steady_state(amount, life)
        rows.append({"capital base": label, "USD bn": amount,
                     **{c: capex.payback_year(amount, revenue, margin[c], growth[c]) for c in CASES},
                     "installed base": installed, "yearly depreciation": yearly,
                     "gross profit covers": gross / yearly,
                     "revenue to cover": yearly / margin["central"] if margin["central"] > 0 else math.inf})
    table = pd.DataFrame(rows, columns=["capital base", "USD bn", *CASES, "installed base", "yearly depreciation",
                                        "gross profit covers", "revenue to cover"])
    out.frames["payback"] = table
    out.values.update({f"{n}_{c}": params[f"{n}_{c}"] for n in ("margin", "growth") for c in CASES})
    out.values.update({"gpu_life_years": life, "fibre_life_years": params["fibre_life_years"],
                       "n_bases": len(bases), "horizon_years": params["horizon_years"]})
    out.values["payback_text"] = text.payback_paragraph(
        ai_revenue=revenue, margin=margin, growth=growth, central=list(table["central"]), high=list(table["high"]),
        low=list(table["low"]), n_bases=len(bases), gpu_life=life)
    first = rows[0] if rows else None
    out.values["steady_text"] = text.steady_paragraph(
        base_label=None if first is None else first["capital base"], yearly=first["USD bn"] if first else 0.0,
        life=life, installed=first["installed base"] if first else 0.0, gross=gross, margin=margin["central"],
        covers=first["gross profit covers"] if first else 0.0,
        revenue_needed=first["revenue to cover"] if first else 0.0, ai_revenue=revenue)
    central_first = float(table["central"].iloc[0]) if len(table) else None
    out.titles["payback"] = text.payback_title(central_first)
    horizon = params["horizon_years"]
    t = np.linspace(0, horizon, horizon * 4 + 1)
    out.frames["payback_lines"] = pd.concat(
        [pd.DataFrame({"years": t, "case": f"{c} (margin {margin[c]:.0%}, growth {growth[c]:.0%})",
                       "recovered": capex.cumulative_recovered(revenue, margin[c], growth[c], t)}) for c in CASES])
    out.frames["grid"] = pd.DataFrame({"years": t})
    out.values["target_cost"] = first["USD bn"] if first else 0.0
    out.values["target_label"] = "" if first is None else first["capital base"]


def comparisons(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    rate, gdp_value = params["usd_per_rmb"], params["us_gdp_usd_bn"]
    year, latest = us_latest(ev, rate)
    own_share = float(latest["usd_bn"].sum()) / gdp_value if year is not None else None
    comp = ev.gdp
    wide = comp.pivot_table(index="comparison_id", columns="era", values="value", aggfunc="first")
    rail = float(wide["railroads"].max()) if "railroads" in wide and wide["railroads"].notna().any() else None
    all_comp = ev.comparisons
    it = all_comp[all_comp["basis"] == "it-investment-share-of-gdp"].drop_duplicates("era").set_index("era")
    it_pair = ((float(it.loc["ai", "value"]), it.loc["ai", "period"], float(it.loc["telecom", "value"]),
                it.loc["telecom", "period"]) if {"telecom", "ai"} <= set(it.index) else None)
    out.values.update({"gdp_n_pairs": ev.n_pairs, "gdp_n_ai_higher": ev.n_ai_higher, "us_gdp_usd_bn": gdp_value,
                       "gdp_text": text.gdp_paragraph(n_pairs=ev.n_pairs, n_ai_higher=ev.n_ai_higher, ai=ev.gdp_ai,
                                                      tel=ev.gdp_tel, rail_max=rail, it=it_pair,
                                                      own_share=own_share, gdp=gdp_value)})
    if ev.gdp_ai and ev.gdp_tel:
        out.values.update({"gdp_ai_min": ev.gdp_ai[0], "gdp_ai_max": ev.gdp_ai[1], "gdp_tel_min": ev.gdp_tel[0],
                           "gdp_tel_max": ev.gdp_tel[1]})
    who = comp["source_id"].map(ev.publishers).fillna(comp["source_id"]).str.split(",").str[0]
    era = {"railroads": "railroads (peak)", "telecom": "telecom boom", "ai": "AI build-out"}
    plot = comp.assign(who=who, era_label=comp["era"].map(era))
    if own_share is not None:
        plot = pd.concat([plot, pd.DataFrame({
            "who": ["this chapter (assumed GDP)"], "era_label": ["AI build-out"], "value": [own_share * 100],
            "subject": [f"{len(latest)} US companies' capex, {year}, over assumed GDP"], "period": [str(year)],
            "confidence": ["assumption"]})])
    out.frames["gdp"] = plot
    out.titles["gdp"] = text.gdp_title(ev.n_pairs, ev.n_ai_higher)
    ratio = all_comp[all_comp["basis"] == "capex-to-revenue"].drop_duplicates("era").set_index("era")
    ratio_pair = ({"telecom": float(ratio.loc["telecom", "value"]), "tel_period": ratio.loc["telecom", "period"],
                   "ai": float(ratio.loc["ai", "value"]), "ai_period": ratio.loc["ai", "period"],
                   "confidence": ratio.loc["ai", "confidence"],
                   "publisher": ev.publishers.get(ratio.loc["ai", "source_id"], ratio.loc["ai", "source_id"])}
                  if {"telecom", "ai"} <= set(ratio.index) else None)
    est = ev.ai_capex_estimate
    share_rev = all_comp[all_comp["basis"] == "capex-share-of-revenue"]
    s = share_rev.iloc[0] if len(share_rev) else None
    coverage = out.values.get("update_coverage")
    out.values["revenue_text"] = text.revenue_paragraph(
        ratio=ratio_pair, update_coverage=coverage,
        est=None if est is None else (int(est["year"]), float(est["ai_capex_usd_bn"]), float(est["ai_revenue_usd_bn"])),
        share_rev=None if s is None else (s["subject"], float(s["value"]), s["period"]))
    use = ev.use.assign(label=ev.use["attributed_to"] + " (" + ev.use["year"].astype("string").fillna("undated")
                        + "), " + ev.use["measures"].str.replace("-", " "))
    low = use.sort_values("in_use").iloc[0] if len(use) else None
    lo = float(use["in_use"].min()) if len(use) else 0.0
    hi = float(use["in_use"].max()) if len(use) else 0.0
    out.values.update({"use_n": len(use), "use_min": lo, "use_max": hi, "use_n_measures": use["measures"].nunique(),
                       "use_text": text.use_paragraph(
                           n=len(use), low=lo, high=hi, n_measures=int(use["measures"].nunique()),
                           low_who="" if low is None else low["attributed_to"],
                           low_what="" if low is None else low["measures"].replace("-", " "), china=ev.china_use)})
    if ev.china_use is not None:
        out.values["china_unused_share"] = ev.china_use["share"]
    out.frames["use"] = use
    out.titles["use"] = text.use_title(len(use), lo, hi)


def deflator(ev: Evidence, params: Mapping[str, Any], base_year: int | None):
    """A function turning (amount, year) into base-year dollars, or None where the index cannot."""
    inflation = params["inflation_after_index"]
    base = None if base_year is None or not ev.price_index else capex.price_level(base_year, ev.price_index,
                                                                                   inflation)

    def real(amount: float, year: int) -> float | None:
        then = capex.price_level(int(year), ev.price_index, inflation) if ev.price_index else None
        if base is None or then is None or base <= 0 or then <= 0:
            return None
        return float(capex.in_dollars_of(amount, then, base))
    return real


def cash_basis_total(ev: Evidence, rate: float, year: int | None) -> tuple[float | None, str]:
    """The US companies' capex in `year` on the nearest basis to carriers' capex (cash purchases of property
    and equipment), and a note naming any company whose figure is on another basis."""
    if year is None:
        return None, ""
    rows = with_usd(ev.annual, rate)
    rows = rows[(rows["country"] == "US") & (rows["year"] == year) & (rows["months"] == 12)]
    rows = rows.assign(pref=rows["measure_id"].map({m: i for i, m in enumerate(CASH_BASIS)}).fillna(len(CASH_BASIS)))
    chosen = rows.sort_values(["company", "pref"]).groupby("company").head(1)
    other = [f"{r.company}'s includes finance leases" if r.measure_id == "incl-leases" else f"{r.company}'s is "
             f"{r.measure}" for r in chosen.itertuples() if r.measure_id != "ppe-purchases"]
    note = "cash purchases of property and equipment" + (f"; {', '.join(other)}" if other else "")
    return float(chosen["usd_bn"].sum()), note


def prices(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    f = ev.facts

    def have(*metrics: str) -> bool:
        return all(m in f for m in metrics)
    bw = lh = gpu = bust = biggest = peak = None
    if have("bandwidth_price_fall_pct", "bandwidth_price_fall_years") \
            and 0 <= ev.fact("bandwidth_price_fall_pct") <= 100 and ev.fact("bandwidth_price_fall_years") > 0:
        fall, years = ev.fact("bandwidth_price_fall_pct") / 100, ev.fact("bandwidth_price_fall_years")
        bw = (fall, years, f["bandwidth_price_fall_pct"]["period"], float(capex.total_decline(fall, years)))
        out.values.update({"bw_fall": fall, "bw_years": years})
    if have("longhaul_price_fall_pct", "longhaul_price_fall_years") and 0 <= ev.fact("longhaul_price_fall_pct") <= 100 \
            and ev.fact("longhaul_price_fall_years") > 0:
        fall, years = ev.fact("longhaul_price_fall_pct") / 100, ev.fact("longhaul_price_fall_years")
        lh = (fall, years, float(capex.yearly_decline(fall, years)))
    if have("h100_rental_change_pct"):
        r = f["h100_rental_change_pct"]
        gpu = (-float(r["value"]) / 100, r["description"], r["period"])
    if have("telecom_value_lost_usd_bn", "telecom_bankruptcies", "telecom_jobs_lost", "telecom_debt_usd_bn"):
        bust = (ev.fact("telecom_value_lost_usd_bn"), int(ev.fact("telecom_bankruptcies")),
                ev.fact("telecom_jobs_lost"), ev.fact("telecom_debt_usd_bn"))
    with_assets = ev.bankruptcies[ev.bankruptcies["assets_usd_bn"].notna()]
    if len(with_assets):
        b = with_assets.sort_values("assets_usd_bn", ascending=False).iloc[0]
        biggest = (b["company"], f"{b['filed']:%B %Y}", float(b["assets_usd_bn"]))
    rate = params["usd_per_rmb"]
    year, _ = us_latest(ev, rate)
    base_year = year if year is not None else (max(ev.price_index) if ev.price_index else None)
    real = deflator(ev, params, base_year)
    telecom = ev.telecom.copy()
    if "infonetics_change_pct" in f and (telecom["series_id"] == "infonetics").any() \
            and ev.fact("infonetics_change_pct") > -100:
        inf = telecom[telecom["series_id"] == "infonetics"].sort_values("year").iloc[-1]
        prev = float(capex.previous_level(inf["amount_usd_bn"], ev.fact("infonetics_change_pct") / 100))
        if not ((telecom["series_id"] == "infonetics") & (telecom["year"] == int(inf["year"]) - 1)).any():
            telecom = pd.concat([telecom, pd.DataFrame([{**inf.to_dict(), "year": int(inf["year"]) - 1,
                                                         "status": "derived", "amount_usd_bn": prev,
                                                         "source_id": f["infonetics_change_pct"]["source_id"]}])],
                                ignore_index=True)
    telecom["real_usd_bn"] = [real(a, y) for a, y in zip(telecom["amount_usd_bn"], telecom["year"])]
    telecom["real_usd_bn"] = telecom["real_usd_bn"].astype(float)
    fell = False
    tel_amount = tel_year = tel_real = None
    if len(ev.telecom):
        p = ev.telecom.sort_values("amount_usd_bn", ascending=False).iloc[0]
        tel_amount, tel_year = float(p["amount_usd_bn"]), int(p["year"])
        tel_real = real(tel_amount, tel_year)
        fell = bool(((ev.telecom["year"] > tel_year) & (ev.telecom["amount_usd_bn"] < tel_amount)).any())
        ours, note = cash_basis_total(ev, rate, year)
        last = max(ev.price_index) if ev.price_index else None
        beyond = 0 if last is None or base_year is None else max(base_year, tel_year) - last
        peak = {"amount": tel_amount, "year": tel_year, "scope": p["scope"], "real": tel_real,
                "base_year": base_year if tel_real is not None else None, "index_name": ev.index_name,
                "ours": ours if ours else None, "ours_year": year, "basis_note": note,
                "extended": (last, beyond, params["inflation_after_index"]) if beyond > 0 and last else None}
        out.values.update({"tel_peak": tel_amount, "tel_peak_year": tel_year})
        if tel_real is not None:
            out.values["tel_peak_real"] = tel_real
    out.values["prices_text"] = text.prices_paragraph({"bw": bw, "lh": lh, "gpu": gpu, "bust": bust,
                                                       "biggest": biggest, "peak": peak})
    out.values["base_year"] = base_year or 0
    out.values["index_name"] = ev.index_name
    out.frames["telecom"] = telecom
    out.frames["bankruptcies"] = ev.bankruptcies
    out.titles["telecom"] = text.telecom_title(tel_amount, tel_year, tel_real, base_year, fell)


def analogy(ev: Evidence, params: Mapping[str, Any], out: ChapterResult) -> None:
    tests = analogy_tests(ev, params)
    frame = pd.DataFrame(tests, columns=["test", "holds", "figures"])
    frame["analogy"] = ["holds" if h is True else "breaks" if h is False else "not testable" for h in frame["holds"]]
    holds = [f"{t[0].lower() + t[1:]}: {f}" for t, h, f in tests if h is True]
    breaks = [f"{t[0].lower() + t[1:]}: {f}" for t, h, f in tests if h is False]
    out.frames["analogy"] = frame[["test", "analogy", "figures"]]
    lag = ev.fibre_lag
    out.values.update({
        "n_holds": len(holds), "n_breaks": len(breaks), "n_tests": len(tests),
        "holds_list": "; ".join(holds) or "none", "breaks_list": "; ".join(breaks) or "none",
        "analogy_text": text.analogy_paragraph(n_tests=len(tests), holds=holds, breaks=breaks),
        "building_life_years": params["building_life_years"],
        "durability_text": text.durability_paragraph(fibre_life=params["fibre_life_years"],
                                                     gpu_life=params["gpu_life_years"],
                                                     building_life=params["building_life_years"], lag=lag)})
    if lag is not None:
        out.values.update({"fibre_lag_years": lag["years"], "fibre_bust_year": lag["bust_year"],
                           "fibre_dark_year": lag["dark_year"]})
